#include "CliSession.h"

#include "Sandbox.h"
#include "SandboxConnection.h"
#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/MaxComputeClient.h"
#include "api/RamClient.h"
#include "api/RamRoleArnProvider.h"
#include "api/StsClient.h"
#include "credentials/CredentialProvider.h"
#include "model/AuditLog.h"
#include "model/VisibilityStore.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QTimer>

void GlobalOptions::addTo(QCommandLineParser& parser, bool withEndpoint, bool withSandbox)
{
    creds.addTo(parser);
    m_json.setDescription(tr("Print JSON (the stable contract in docs/CLI.md) instead of text."));
    parser.addOption(m_json);
    m_hasEndpoint = withEndpoint;
    if (withEndpoint) {
        m_endpoint.setDescription(tr("One endpoint URL for every service (a sandbox, a private gateway); "
                                     "MaxCompute at <URL>/api. Default: the public endpoints of the region."));
        m_region.setDescription(tr("The region id (default: cn-hangzhou)."));
        parser.addOption(m_endpoint);
        parser.addOption(m_region);
    }
    m_hasSandbox = withSandbox;
    if (withSandbox) {
        m_sandbox.setDescription(tr("Start an in-process sandbox for this one command and use its endpoint and "
                                    "admin key (visibility and audit records go to a temporary folder)."));
        parser.addOption(m_sandbox);
    }
}

CliSession::CliSession(const CliInvocation& invocation, const QCommandLineParser& parser, const GlobalOptions& options)
    : m_inv(invocation)
    , m_parser(parser)
    , m_options(options)
    , m_json(options.json(parser))
{}

CliSession::~CliSession()
{
    if (m_sandbox)
        m_sandbox->stop();
}

std::optional<int> CliSession::open()
{
    if (m_options.m_hasEndpoint && m_parser.isSet(m_options.m_region))
        m_profile.endpoints.setRegion(m_parser.value(m_options.m_region));
    if (m_options.m_hasEndpoint && m_parser.isSet(m_options.m_endpoint)) {
        const QUrl url(m_parser.value(m_options.m_endpoint));
        if (!url.isValid() || url.host().isEmpty()) {
            m_inv.err << tr("--endpoint needs a URL such as https://dataworks.example.com or http://127.0.0.1:8090.")
                      << '\n';
            return CliExit::Usage;
        }
        m_profile.endpoints.setEndpointOverride(url);
    }
    if (m_options.sandbox(m_parser)) {
        if (m_options.m_hasEndpoint && m_parser.isSet(m_options.m_endpoint)) {
            m_inv.err << tr("--sandbox and --endpoint exclude each other: the sandbox brings its own endpoint.")
                      << '\n';
            return CliExit::Usage;
        }
        m_sandbox = std::make_unique<Sandbox>(m_inv.context.credentials.clock);
        const QUrl url = m_sandbox->start(0);
        if (url.isEmpty()) {
            m_inv.err << tr("Cannot start the sandbox: %1").arg(m_sandbox->errorString()) << '\n';
            return CliExit::Failure;
        }
        const QString region = m_profile.endpoints.region();
        m_profile = SandboxConnection::profile(*m_sandbox, QStringLiteral("sandbox"));
        if (m_parser.isSet(m_options.m_region))
            m_profile.endpoints.setRegion(region);
        m_sandboxDir = std::make_unique<QTemporaryDir>();
        VisibilityStore store(visibilityFilePath(), &clock());
        if (const auto imported = SandboxConnection::importVisibility(*m_sandbox, &store, QStringLiteral("sandbox"));
            !imported) {
            m_inv.err << tr("Cannot prepare the sandbox's visibility records: %1").arg(imported.error()) << '\n';
            return CliExit::Failure;
        }
    }
    return std::nullopt;
}

namespace {
QString sandboxKeySource()
{
    return QCoreApplication::translate("CliSession", "the sandbox's admin key");
}
} // namespace

CredentialProvider* CliSession::createProvider(QObject* parent, int* exitCode)
{
    if (m_sandbox)
        return new StaticCredentialProvider(SandboxConnection::adminCredential(*m_sandbox, sandboxKeySource()),
                                            QStringLiteral("sandbox"), parent);
    // RamRoleArn profiles assume their role through the same endpoints as everything else.
    CliContext context = m_inv.context;
    context.credentials.roleArnProviderFactory = RamRoleArnProvider::factory(m_profile.endpoints, &clock());
    const auto provider = m_options.creds.createProvider(m_parser, context, parent);
    if (!provider) {
        m_inv.err << provider.error() << '\n';
        *exitCode = CliExit::Usage;
        return nullptr;
    }
    return provider.value();
}

std::optional<int> CliSession::openWithCredential()
{
    if (const auto code = open())
        return code;
    return fetchCredential();
}

std::optional<int> CliSession::fetchCredential()
{
    // The identity is asked by the commands that need it (role set, apply, creds validate), not on every run.
    CloudConnection::Options options;
    options.identifyOnConnect = false;
    if (m_sandbox) {
        int unused = CliExit::Ok;
        m_connection = new CloudConnection(m_profile, createProvider(nullptr, &unused), &clock(), this, options);
    } else {
        const auto chosen = m_options.creds.profile(m_parser, m_inv.context);
        if (!chosen) {
            m_inv.err << chosen.error() << '\n';
            return CliExit::Usage;
        }
        CloudProfile profile = chosen.value();
        profile.endpoints = m_profile.endpoints;
        profile.label = profile.id();
        const auto opened = CloudConnection::open(profile, m_inv.context.credentials, &clock(), this, options);
        if (!opened) {
            m_inv.err << opened.error() << '\n';
            return CliExit::Usage;
        }
        m_profile = profile;
        m_connection = opened.value();
    }
    CredentialSource* source = m_connection->credentials();
    bool ok = false;
    {
        QEventLoop loop;
        connect(source, &CredentialSource::fetchFinished, &loop, [&ok, &loop](bool fetched) {
            ok = fetched;
            loop.quit();
        });
        m_connection->start();
        if (!source->hasResult())
            loop.exec();
    }
    if (!ok) {
        m_inv.err << tr("Credentials unusable: %1").arg(source->lastError().toString()) << '\n'
                  << tr("Check `roledesk-cli creds doctor`, or choose a source with --source/--profile.") << '\n';
        return CliExit::CredentialsUnusable;
    }
    if (source->lastCredential().isExpiredAt(clock().nowUtc())) {
        m_inv.err
            << tr("Credentials unusable: the credential from %1 has expired.").arg(source->lastCredential().source())
            << '\n';
        return CliExit::CredentialsUnusable;
    }
    m_credential = source->lastCredential();
    return std::nullopt;
}

ApiClient* CliSession::api() const
{
    return m_connection ? m_connection->api() : nullptr;
}

DataWorksClient* CliSession::dataWorks() const
{
    return m_connection ? m_connection->dataWorks() : nullptr;
}

StsClient* CliSession::sts() const
{
    return m_connection ? m_connection->sts() : nullptr;
}

RamClient* CliSession::ram() const
{
    return m_connection ? m_connection->ram() : nullptr;
}

MaxComputeClient* CliSession::maxCompute() const
{
    return m_connection ? m_connection->maxCompute() : nullptr;
}

QString CliSession::visibilityFilePath() const
{
    if (m_sandboxDir)
        return m_sandboxDir->filePath(QStringLiteral("visibility.json"));
    return m_inv.context.visibilityFilePath.isEmpty() ? VisibilityStore::defaultFilePath()
                                                      : m_inv.context.visibilityFilePath;
}

QString CliSession::auditDatabasePath() const
{
    if (m_sandboxDir)
        return m_sandboxDir->filePath(QStringLiteral("audit.sqlite"));
    return m_inv.context.auditDatabasePath.isEmpty() ? AuditLog::defaultDatabasePath()
                                                     : m_inv.context.auditDatabasePath;
}

std::optional<int> CliSession::loadVisibility(VisibilityStore* store)
{
    QString error;
    if (!store->load(&error)) {
        m_inv.err << tr("Cannot read RoleDesk's visibility records %1: %2").arg(store->filePath(), error) << '\n'
                  << tr("Fix or remove the file, or import the records again with `roledesk-cli visibility import`.")
                  << '\n';
        return CliExit::Failure;
    }
    return std::nullopt;
}

void CliSession::wait(const std::function<void(std::function<void()> done)>& start)
{
    QEventLoop loop;
    bool finished = false;
    start([&finished, &loop] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
}

bool CliSession::isCredentialError(const ApiError& error)
{
    if (error.kind == ApiError::Kind::NoCredential)
        return true;
    if (error.kind != ApiError::Kind::Service)
        return false;
    static const QStringList codes = {QStringLiteral("InvalidAccessKeyId.NotFound"),
                                      QStringLiteral("InvalidAccessKeyId.Inactive"),
                                      QStringLiteral("InvalidAccessKeyId"),
                                      QStringLiteral("SignatureDoesNotMatch"),
                                      QStringLiteral("IncompleteSignature"),
                                      QStringLiteral("InvalidSecurityToken.Expired"),
                                      QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey"),
                                      QStringLiteral("InvalidSecurityToken.Malformed"),
                                      QStringLiteral("InvalidSecurityToken"),
                                      QStringLiteral("InvalidAccessKeyId.Expired")};
    return codes.contains(error.code);
}

int CliSession::reportApiError(const ApiError& error, const QString& what)
{
    m_inv.err << what << ": " << error.toString() << '\n';
    if (isCredentialError(error)) {
        m_inv.err << tr("The service did not accept the credential: check it with `roledesk-cli creds validate`.")
                  << '\n';
        return CliExit::CredentialsUnusable;
    }
    return CliExit::Failure;
}

ApiError CliSession::callerIdentity(CallerIdentity* identity)
{
    ApiError error;
    wait([&](std::function<void()> done) {
        m_connection->identify([&error, identity, done](const Result<CallerIdentity, ApiError>& answer) {
            if (answer)
                *identity = answer.value();
            else
                error = answer.error();
            done();
        });
    });
    return error;
}
