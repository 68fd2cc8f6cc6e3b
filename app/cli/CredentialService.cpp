#include "CredentialService.h"

#include "CliSession.h"
#include "LocalCredentialServer.h"

#include "api/RamRoleArnProvider.h"
#include "api/StsClient.h"
#include "credentials/CredentialSource.h"
#include "credentials/StsLocation.h"
#include "model/RoleArn.h"

#include <QCoreApplication>

namespace {
bool positiveInt(const QCommandLineParser& parser, const QCommandLineOption& option, int min, int max, int* out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        return false;
    *out = value;
    return true;
}
} // namespace

void CredentialService::addTo(QCommandLineParser& parser)
{
    m_roleArn.setDescription(tr("Assume this RAM role with STS AssumeRole (signed with the chosen source's "
                                "credential) and serve the role session, renewed ahead of expiry."));
    m_sessionName.setDescription(tr("The role session name (default: roledesk-<time>)."));
    m_duration.setDescription(tr("The role session's lifetime in seconds, 900-43200 (default 3600)."));
    m_staleWindow.setDescription(tr("Renew this many seconds before expiry (default 900, like the official "
                                    "libraries)."));
    m_minRefresh.setDescription(tr("At least this many seconds between two renewals (default 60)."));
    parser.addOptions({m_roleArn, m_sessionName, m_duration, m_staleWindow, m_minRefresh});
}

QString CredentialService::validate(const QCommandLineParser& parser) const
{
    int unused = 0;
    if (parser.isSet(m_roleArn)) {
        const RoleArn arn = RoleArn::parse(parser.value(m_roleArn));
        if (!arn.isValid())
            return arn.errorString();
    }
    if (!positiveInt(parser, m_duration, 900, 43200, &unused))
        return tr("--duration takes 900 to 43200 seconds.");
    if (!positiveInt(parser, m_staleWindow, 0, 86400, &unused))
        return tr("--stale-window takes 0 to 86400 seconds.");
    if (!positiveInt(parser, m_minRefresh, 1, 86400, &unused))
        return tr("--min-refresh-interval takes 1 to 86400 seconds.");
    if (parser.isSet(m_sessionName)) {
        AssumeRoleRequest request;
        request.roleArn = QStringLiteral("acs:ram::1:role/x");
        request.roleSessionName = parser.value(m_sessionName);
        if (const QString problem = StsClient::validateRoleSessionName(request.roleSessionName); !problem.isEmpty())
            return problem;
    }
    return {};
}

std::optional<int> CredentialService::start(CliSession& session, const QCommandLineParser& parser, quint16 port,
                                            QObject* owner)
{
    int exitCode = CliExit::Failure;
    CredentialProvider* provider = session.createProvider(nullptr, &exitCode);
    if (!provider)
        return exitCode;
    if (parser.isSet(m_roleArn)) {
        RoleArnSpec spec;
        spec.roleArn = RoleArn::parse(parser.value(m_roleArn)).toString();
        spec.sessionName = parser.value(m_sessionName);
        positiveInt(parser, m_duration, 900, 43200, &spec.durationSeconds);
        spec.regionId = session.endpoints().region();
        // STS is reached where ALIBABA_CLOUD_STS_ENDPOINT / _STS_REGION / _VPC_ENDPOINT_ENABLED say, as for
        // profiles; the sandbox plays STS itself.
        QString stsError;
        if (!session.sandbox() && !StsLocation().applyTo(&spec, session.invocation().context.credentials, &stsError)) {
            delete provider;
            session.invocation().err << tr("Credentials unusable: %1").arg(stsError) << '\n';
            return CliExit::CredentialsUnusable;
        }
        spec.sourceProvider = provider;
        provider = new RamRoleArnProvider(spec, session.endpoints(), &session.clock());
    }
    CredentialSource::Options options;
    int staleWindow = int(options.staleWindowSecs);
    int minRefresh = int(options.minRefreshIntervalSecs);
    positiveInt(parser, m_staleWindow, 0, 86400, &staleWindow);
    positiveInt(parser, m_minRefresh, 1, 86400, &minRefresh);
    options.staleWindowSecs = staleWindow;
    options.minRefreshIntervalSecs = minRefresh;
    options.refreshAheadSecs = std::min<qint64>(options.refreshAheadSecs, staleWindow);
    m_source = new CredentialSource(provider, &session.clock(), options, owner);

    startAndWaitForFirstResult(m_source);
    const Credential credential = m_source->usableCredential();
    QTextStream& err = session.invocation().err;
    if (credential.isNull()) {
        err << tr("Credentials unusable: %1")
                   .arg(m_source->lastError().isNull() ? tr("the credential has expired.")
                                                       : m_source->lastError().toString())
            << '\n';
        return CliExit::CredentialsUnusable;
    }
    if (!credential.isSts() || !credential.expires()) {
        err << tr("Credentials unusable for serving: %1 gives a long-term AccessKey, which is never handed out. Use "
                  "--role-arn ARN to serve a role session assumed with it.")
                   .arg(credential.source())
            << '\n';
        return CliExit::CredentialsUnusable;
    }
    m_server = new LocalCredentialServer(m_source, owner);
    QString error;
    if (!m_server->listen(port, &error)) {
        err << error << '\n';
        return CliExit::Failure;
    }
    // Failures are shown as they happen (without secrets): the service keeps retrying in the background.
    QTextStream* errStream = &err;
    QObject::connect(m_source, &CredentialSource::refreshFailed, owner,
                     [errStream](const CredentialError& e, const QDateTime& next) {
                         *errStream << tr("Refresh failed: %1 (next try %2)")
                                           .arg(e.toString(), next.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                                    << '\n';
                         errStream->flush();
                     });
    return std::nullopt;
}

QUrl CredentialService::uri() const
{
    return m_server ? m_server->uri() : QUrl();
}
