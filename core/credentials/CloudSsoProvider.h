#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

class QNetworkAccessManager;

// An aliyun CLI profile in CloudSSO mode. The aliyun CLI caches, in the profile, the STS credential it got
// (access_key_id, access_key_secret, sts_token, sts_expiration) and the CloudSSO access token of the sign-in
// (access_token, cloud_sso_access_token_expire). RoleDesk hands out the cached STS credential while more than the
// stale window (15 min) is left; after that, while the access token is valid, it asks the CloudSSO portal for a new
// one as the official libraries do (POST <sign-in host>/cloud-credentials, Authorization: Bearer <access token>,
// {"AccountId","AccessConfigurationId"} -> {"CloudCredential":{...}}). Once the access token has expired a new
// sign-in is needed: the error names the `aliyun configure` command. RoleDesk never writes the profile.
class CloudSsoProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Spec
    {
        QString profileName;
        QString signInUrl;
        QString accountId;
        QString accessConfig;
        QString accessToken;
        qint64 accessTokenExpire = 0; // Unix seconds
        Credential cached;            // null when the profile holds none
        QString description;
    };

    CloudSsoProvider(const CredentialContext& context, Spec spec, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("cloudsso"); }
    QString description() const override { return m_spec.description; }
    void fetch(Callback done) override;

    static constexpr qint64 kStaleWindowSecs = 15 * 60;

private:
    CredentialContext m_context;
    Spec m_spec;
    QNetworkAccessManager* m_network;
};
