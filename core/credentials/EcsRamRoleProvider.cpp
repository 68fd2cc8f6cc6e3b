#include "EcsRamRoleProvider.h"

#include "credentials/CredentialHttp.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QNetworkAccessManager>

namespace {
const QByteArray kTokenHeader = QByteArrayLiteral("X-aliyun-ecs-metadata-token");
const QByteArray kTokenTtlHeader = QByteArrayLiteral("X-aliyun-ecs-metadata-token-ttl-seconds");
const QString kCredentialsPath = QStringLiteral("/latest/meta-data/ram/security-credentials/");
} // namespace

EcsRamRoleProvider::EcsRamRoleProvider(const CredentialContext& context, QString roleName, QObject* parent)
    : EcsRamRoleProvider(context, std::move(roleName), Options(), parent)
{}

EcsRamRoleProvider::EcsRamRoleProvider(const CredentialContext& context, QString roleName, Options options,
                                       QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_roleName(roleName.isEmpty() ? context.value(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA")) : roleName)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new CredentialProxyFactory(context.environment));
}

QString EcsRamRoleProvider::description() const
{
    if (m_roleName.isEmpty())
        return tr("ECS RAM role (instance metadata %1)").arg(Redaction::redactUrl(m_context.ecsMetadataBaseUrl));
    return tr("ECS RAM role %1 (instance metadata %2)")
        .arg(m_roleName, Redaction::redactUrl(m_context.ecsMetadataBaseUrl));
}

QUrl EcsRamRoleProvider::metadataUrl(const QString& path) const
{
    QUrl url = m_context.ecsMetadataBaseUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void EcsRamRoleProvider::fetch(Callback done)
{
    if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))) {
        finish(done, failure(tr("Instance metadata is disabled (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true).")));
        return;
    }
    CredentialHttpRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = metadataUrl(QStringLiteral("/latest/api/token"));
    request.headers = {{kTokenTtlHeader, QByteArrayLiteral("21600")}};
    request.connectTimeoutMs = request.readTimeoutMs = m_options.timeoutMs;
    CredentialHttp::send(m_network, request, this, [this, done, request](const CredentialHttpResponse& response) {
        if (response.answered() && response.status == 200 && !response.body.isEmpty()) {
            fetchRoleName(response.body.trimmed(), done);
            return;
        }
        const QString reason =
            response.answered() ? tr("HTTP status %1").arg(response.status) : response.describeFailure(request);
        if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_IMDSV1_DISABLED"))) {
            done(failure(tr("No IMDSv2 token from the instance metadata service (%1), and IMDSv1 is disabled "
                            "(ALIBABA_CLOUD_IMDSV1_DISABLED=true). Outside ECS this source cannot work; set "
                            "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it.")
                             .arg(reason),
                         response.answered() ? response.status : 0));
            return;
        }
        qCDebug(lcCredentials) << "IMDSv2 token unavailable, falling back to IMDSv1";
        fetchRoleName({}, done);
    });
}

void EcsRamRoleProvider::fetchRoleName(const QByteArray& token, const Callback& done)
{
    if (!m_roleName.isEmpty()) {
        fetchCredential(token, m_roleName, done);
        return;
    }
    CredentialHttpRequest request;
    request.url = metadataUrl(kCredentialsPath);
    if (!token.isEmpty())
        request.headers = {{kTokenHeader, token}};
    request.connectTimeoutMs = request.readTimeoutMs = m_options.timeoutMs;
    CredentialHttp::send(m_network, request, this, [this, done, token, request](const CredentialHttpResponse& r) {
        if (!r.answered()) {
            done(failure(tr("Cannot ask the instance metadata service for the role name: %1 Outside ECS set "
                            "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip this source.")
                             .arg(r.describeFailure(request))));
            return;
        }
        const QString role = QString::fromUtf8(r.body).trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
        if (r.status != 200 || role.isEmpty()) {
            done(failure(tr("The instance metadata service names no RAM role: attach a RAM role to the instance, "
                            "or name it in ALIBABA_CLOUD_ECS_METADATA."),
                         r.status, Redaction::bodyExcerpt(r.body)));
            return;
        }
        fetchCredential(token, role, done);
    });
}

void EcsRamRoleProvider::fetchCredential(const QByteArray& token, const QString& role, const Callback& done)
{
    CredentialHttpRequest request;
    request.url = metadataUrl(kCredentialsPath + role);
    if (!token.isEmpty())
        request.headers = {{kTokenHeader, token}};
    request.connectTimeoutMs = request.readTimeoutMs = m_options.timeoutMs;
    CredentialHttp::send(m_network, request, this, [this, done, request, role](const CredentialHttpResponse& r) {
        if (!r.answered()) {
            done(failure(r.describeFailure(request)));
            return;
        }
        const QString source =
            tr("ECS RAM role %1 (instance metadata %2)").arg(role, Redaction::redactUrl(m_context.ecsMetadataBaseUrl));
        done(CredentialParser::parse(r.body, r.status, source, m_context.clockRef()));
    });
}
