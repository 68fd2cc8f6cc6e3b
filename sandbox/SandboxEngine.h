#pragma once

#include "SandboxData.h"
#include "SandboxRouter.h"
#include "SandboxShared.h"
#include "SandboxTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <memory>

class Clock;
class SandboxAuth;
class SandboxCloudSso;
class SandboxCredentialsService;
class SandboxDataWorks;
class SandboxMaxCompute;
class SandboxOAuth;
class SandboxPopGateway;
class SandboxRam;
class SandboxSts;

// The simulated cloud, independent of any transport: handle() turns a request into an answer. A facade over one class
// per service (SandboxDataWorks, SandboxSts, SandboxRam, SandboxMaxCompute, SandboxCredentialsService,
// SandboxCloudSso, SandboxOAuth) behind SandboxRouter (by path) and SandboxPopGateway (POP, by action and version);
// they share the data store and issued credentials (SandboxShared) and the signature checks (SandboxAuth). handle()
// applies the fault knobs around the routed service. Every public member is thread-safe (one mutex), so a GUI thread
// may read keys or change faults while the server thread answers.
class SandboxEngine
{
public:
    explicit SandboxEngine(const Clock* clock);
    ~SandboxEngine();
    SandboxEngine(const SandboxEngine&) = delete;
    SandboxEngine& operator=(const SandboxEngine&) = delete;

    bool loadSeed(const QByteArray& json, QString* error);
    bool loadStateFile(const QString& path, QString* error);
    bool saveStateFile(const QString& path, QString* error) const;
    void generateEnvironments(qsizetype count);
    void setBaseUrl(const QString& baseUrl); // "http://127.0.0.1:PORT", for the credentials URIs

    SandboxResponse handle(const SandboxRequest& request);

    // Settings.
    void setCredentialLifetimeSeconds(int seconds);
    int credentialLifetimeSeconds() const;
    void setTransitionDelayMs(int ms); // Starting -> Running etc.
    void setFaults(const SandboxFaults& faults);
    SandboxFaults faults() const;

    // Read access for the embedding application and tests.
    QString accountId() const;
    QString region() const;
    QString accessKeyId() const;
    QString accessKeySecret() const;
    QString credentialsUri(const QString& instanceId) const; // empty for an unknown environment
    QList<QPair<QString, bool>> visibility() const;          // (instanceId, isPublic) for every environment
    QByteArray visibilityJson() const;                       // the visibility import format
    qsizetype environmentCount() const;
    bool environment(const QString& instanceId, SandboxData::Environment* out) const;
    bool setEnvironmentPublic(const QString& instanceId, bool isPublic);
    // The credential the environment's service serves now (rotating it when due); false with a reason
    // when the environment has no usable role.
    bool currentEnvironmentCredential(const QString& instanceId, SandboxIssuedCredential* out, QString* error);
    // Issues an STS credential for a role directly (tests; the CLI demo); false when the role is unknown.
    bool issueRoleCredential(const QString& roleName, const QString& sessionName, int durationSeconds,
                             SandboxIssuedCredential* out);
    // Where the parameters of one POP request travelled (names only: values may be secrets).
    using PopPlacement = SandboxPopPlacement;
    // The last requests' placements (at most kPlacementLogSize), oldest first: what tests compare with the SDK.
    QList<PopPlacement> recentPlacements() const;
    // Strict placement: a DataWorks parameter sent where the official SDK does not put it (query string vs form body)
    // is rejected with MissingParameter naming it. Off by default: the gateway is known to take RPC parameters in
    // either place (older official SDKs such as @alicloud/pop-core send every parameter in the query string).
    void setStrictPlacement(bool strict);
    bool strictPlacement() const;
    // Whether the admin key's user may list workspace members (ListProjectMembers). false plays a caller that may
    // list environments but holds no member-management permission in the workspaces: the service refuses it (403
    // NoPermission; the code a real refusal carries is inferred). On by default.
    void setMemberListingAllowed(bool allowed);
    // Whether the official SDK sends this parameter of this DataWorks action in the query string.
    static bool sdkQueryParameter(const QString& action, const QString& name);
    // The first parameter of a DataWorks request that is not where the SDK puts it; empty when none.
    static QString misplacedParameter(const PopPlacement& placement);
    static constexpr qsizetype kPlacementLogSize = 1000;

    // STS AssumeRoleWithOIDC (SandboxSts, SandboxOidc): the sandbox plays one OIDC identity provider, registered in RAM
    // as oidcProviderArn(). issueOidcToken() signs a token (JWT, HS256 with a key of this engine) for a subject;
    // trustOidcProvider() adds a statement trusting the provider to a role's trust policy, as an administrator would.
    QString oidcProviderArn() const;
    QString oidcIssuer() const;
    QString issueOidcToken(const QString& subject, int lifetimeSeconds = 3600);
    bool trustOidcProvider(const QString& roleName);
    // CloudSSO (SandboxCloudSso): the access token a CloudSSO sign-in would leave in an aliyun CLI profile, for one
    // access configuration that maps to roleName; POST /cloud-credentials exchanges it for that role's STS credential.
    QString issueCloudSsoAccessToken(const QString& accessConfigurationId, const QString& roleName,
                                     int lifetimeSeconds = 3600);
    // OAuth (SandboxOAuth): the sign-in `aliyun configure --mode OAuth` leaves in a profile, for the OAuth
    // client clientId (the aliyun CLI's, per site) and a role. POST /v1/token (form: grant_type=refresh_token,
    // refresh_token, client_id, Timestamp) renews it: the refresh token rotates (the old one is spent), answers
    // {"access_token","refresh_token","expires_in","token_type"} or an RFC 6749 error (invalid_grant,
    // invalid_client, unsupported_grant_type); POST /v1/exchange (Authorization: Bearer <access token>) answers the
    // role's STS credential {"RequestId","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}.
    using OAuthSignIn = SandboxOAuthSignIn;
    OAuthSignIn issueOAuthSignIn(const QString& clientId, const QString& roleName, int accessLifetimeSeconds = 3600);
    // How many /v1/token renewals the sandbox granted (tests check that a valid access token is not renewed).
    int oauthRenewals() const;

    // Bumped on every change worth saving.
    quint64 changeCounter() const;
    qint64 requestCount() const;

private:
    bool faultApplies(int scope) const;
    bool roll(double rate);
    bool throttled(const SandboxRequest& request, qint64 now);
    static void malform(SandboxResponse* response);

    mutable QMutex m_mutex; // guards everything below; the services run with it held
    SandboxShared m_shared;
    QRandomGenerator m_random;
    // Accepted request times (ms) within the last second, per API operation, for throttling.
    QHash<QByteArray, QList<qint64>> m_recentRequests;
    qint64 m_requests = 0;
    std::unique_ptr<SandboxAuth> m_auth;
    std::unique_ptr<SandboxDataWorks> m_dataWorks;
    std::unique_ptr<SandboxSts> m_sts;
    std::unique_ptr<SandboxRam> m_ram;
    std::unique_ptr<SandboxMaxCompute> m_maxCompute;
    std::unique_ptr<SandboxCredentialsService> m_credentials;
    std::unique_ptr<SandboxCloudSso> m_cloudSso;
    std::unique_ptr<SandboxOAuth> m_oauth;
    std::unique_ptr<SandboxPopGateway> m_popGateway;
    SandboxRouter m_router;
};
