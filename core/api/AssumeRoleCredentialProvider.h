#pragma once

#include "api/Endpoints.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

class ApiClient;

// A credential obtained by STS AssumeRole, signed with the credential of a source provider (the default chain,
// a profile's AccessKey, ...). Each fetch asks the source for its current credential, then calls AssumeRole once:
// a CredentialSource on top of it refreshes the role session ahead of expiry. Errors name the role and whether
// the source or STS failed; they never carry a secret.
class AssumeRoleCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    // Takes ownership of source (reparents it). clock may be null (system clock).
    AssumeRoleCredentialProvider(CredentialProvider* source, const Endpoints& endpoints,
                                 const AssumeRoleRequest& request, const Clock* clock = nullptr,
                                 QObject* parent = nullptr);

    QString name() const override { return QStringLiteral("role-arn"); }
    QString description() const override;
    void fetch(Callback done) override;

    const AssumeRoleRequest& request() const { return m_request; }
    CredentialProvider* source() const { return m_source; }
    ApiClient* apiClient() const { return m_api; }

    // A factory for CredentialContext::roleArnProviderFactory, so RamRoleArn profiles (aliyun CLI and INI) assume
    // their role through these endpoints.
    static std::function<CredentialProvider*(const RoleArnSpec& spec, QObject* parent)>
    factory(const Endpoints& endpoints, const Clock* clock = nullptr);

private:
    CredentialProvider* m_source;
    AssumeRoleRequest m_request;
    QString m_description;
    Credential m_signing; // the source credential of the fetch in progress
    ApiClient* m_api;
    StsClient* m_sts;
};
