#include "AssumeRoleCredentialProvider.h"

#include "api/ApiClient.h"
#include "util/Logging.h"

AssumeRoleCredentialProvider::AssumeRoleCredentialProvider(CredentialProvider* source, const Endpoints& endpoints,
                                                           const AssumeRoleRequest& request, const Clock* clock,
                                                           QObject* parent)
    : CredentialProvider(parent)
    , m_source(source)
    , m_request(request)
{
    m_source->setParent(this);
    if (m_request.roleSessionName.isEmpty())
        m_request.roleSessionName = QStringLiteral("roledesk-") + QString::number(QDateTime::currentSecsSinceEpoch());
    // The getter hands out the source credential of the current fetch as a whole (never a mix of two fetches).
    m_api = new ApiClient(
        endpoints, [this] { return m_signing; }, clock, this);
    m_sts = new StsClient(m_api, this);
}

QString AssumeRoleCredentialProvider::description() const
{
    return tr("role %1 assumed with %2").arg(m_request.roleArn.trimmed(), m_source->description());
}

void AssumeRoleCredentialProvider::fetch(Callback done)
{
    m_source->fetch([this, done](const CredentialResult& source) {
        if (!source.ok()) {
            finish(done,
                   failure(tr("No source credential to call STS AssumeRole with: %1").arg(source.error.toString())));
            return;
        }
        m_signing = source.credential;
        m_sts->assumeRole(m_request, [this, done](const Credential& credential, const ApiError& error) {
            m_signing = Credential();
            if (error.isError()) {
                qCInfo(lcCredentials).noquote() << "AssumeRole failed:" << error.toString();
                finish(done, failure(error.toString(), error.httpStatus));
                return;
            }
            finish(done, CredentialResult::success(Credential(credential.accessKeyId(), credential.accessKeySecret(),
                                                              credential.securityToken(), credential.expiration(),
                                                              description())));
        });
    });
}

std::function<CredentialProvider*(const RoleArnSpec& spec, QObject* parent)>
AssumeRoleCredentialProvider::factory(const Endpoints& endpoints, const Clock* clock)
{
    return [endpoints, clock](const RoleArnSpec& spec, QObject* parent) -> CredentialProvider* {
        Endpoints e = endpoints;
        if (!spec.regionId.isEmpty())
            e.setRegion(spec.regionId);
        AssumeRoleRequest request;
        request.roleArn = spec.roleArn;
        request.roleSessionName = spec.sessionName;
        request.externalId = spec.externalId;
        request.policy = spec.policy;
        request.durationSeconds = spec.durationSeconds;
        return new AssumeRoleCredentialProvider(spec.sourceProvider, e, request, clock, parent);
    };
}
