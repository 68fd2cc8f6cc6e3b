#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"
#include "credentials/StsLocation.h"

class QNetworkAccessManager;

// STS AssumeRoleWithOIDC with an OIDC token read from a file: the aliyun CLI OIDC profile mode and step 2 of the
// default chain (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, optional
// ALIBABA_CLOUD_ROLE_SESSION_NAME). Like the official libraries the call is anonymous (no AccessKey, no
// signature: the OIDC token is the proof): POST to the STS endpoint (StsLocation) with Version, Action, Format and
// Timestamp in the query and OIDCProviderArn, OIDCToken, RoleArn, RoleSessionName, DurationSeconds (and Policy) as
// a form body. The token file is re-read on every fetch (it is rotated by whoever issues it).
class OidcRoleArnProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Spec
    {
        QString roleArn;
        QString oidcProviderArn;
        QString tokenFile;
        QString sessionName;
        QString policy;
        int durationSeconds = 3600;
        StsLocation sts;
        // Shown to users: "OIDC role (environment variables)", "aliyun CLI profile ci (OIDC) in ...".
        QString description;
    };

    OidcRoleArnProvider(const CredentialContext& context, Spec spec, QObject* parent = nullptr);
    // The spec the environment variables give (step 2 of the default chain).
    static Spec fromEnvironment(const CredentialContext& context);

    QString name() const override { return QStringLiteral("oidc"); }
    QString description() const override { return m_spec.description; }
    void fetch(Callback done) override;

    int connectTimeoutMs = 5000;
    int readTimeoutMs = 10000;

private:
    CredentialContext m_context;
    Spec m_spec;
    QNetworkAccessManager* m_network;
};
