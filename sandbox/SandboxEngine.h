#pragma once

#include "SandboxData.h"

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

class Clock;

// One HTTP request as the sandbox sees it (header names lower-cased, path decoded, query raw).
struct SandboxRequest
{
    QByteArray method = "GET";
    QByteArray path = "/";
    QByteArray rawQuery;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray& lowerName) const;
};

struct SandboxResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Type etc.; Date and Content-Length are added on write
    QByteArray body;
    int delayMs = 0; // the latency fault: the transport sends the answer this much later
};

// Faults for tests and demos, settable at any time from any thread (Sandbox::setFaults).
struct SandboxFaults
{
    enum Scope
    {
        Pop = 1,
        MaxCompute = 2,
        CredentialsService = 4,
        All = 7
    };
    int latencyMs = 0;                 // added to every answer in scope (a timer; the server never sleeps)
    int latencyJitterMs = 0;           // each answer's latency varies uniformly by up to this much either way (>= 0)
    double errorRate = 0.0;            // 0..1: share of requests answered with a 5xx error
    int throttleRequestsPerSecond = 0; // 0 = off; above it: Throttling.User (HTTP 429)
    double malformedRate = 0.0;        // 0..1: share answered 200 with a truncated body
    QDateTime credentialsOutageFrom;   // the credentials service answers 503 in [from, until) (clock time)
    QDateTime credentialsOutageUntil;
    int scope = All;
    quint32 randomSeed = 0; // picks which requests fail; 0 = the fixed default, so runs repeat

    bool operator==(const SandboxFaults&) const = default;
};

// A temporary credential as STS hands it out.
struct SandboxIssuedCredential
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken;
    qint64 expiresMs = 0;
    qint64 issuedMs = 0;
    QString roleName;
    QString sessionName;
    // The DataWorks default role acts with the environment owner's rights.
    bool defaultRole = false;
    QString ownerId;
    QString expirationText() const; // "YYYY-MM-DDTHH:MM:SSZ"
};

// The simulated services, independent of any transport: handle() turns a request into an answer.
// Every public member is thread-safe (one mutex), so a GUI thread may read keys or change faults
// while the server thread answers.
class SandboxEngine
{
public:
    explicit SandboxEngine(const Clock* clock);

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
    struct PopPlacement
    {
        QString action;
        QStringList query;
        QStringList body;
    };
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

    // Bumped on every change worth saving.
    // STS AssumeRoleWithOIDC (SandboxOidc.cpp): the sandbox plays one OIDC identity provider, registered in RAM as
    // oidcProviderArn(). issueOidcToken() signs a token (JWT, HS256 with a key of this engine) for a subject;
    // trustOidcProvider() adds a statement trusting the provider to a role's trust policy, as an administrator would.
    QString oidcProviderArn() const;
    QString oidcIssuer() const;
    QString issueOidcToken(const QString& subject, int lifetimeSeconds = 3600);
    bool trustOidcProvider(const QString& roleName);
    // CloudSSO (SandboxOidc.cpp): the access token a CloudSSO sign-in would leave in an aliyun CLI profile, for one
    // access configuration that maps to roleName; POST /cloud-credentials exchanges it for that role's STS credential.
    QString issueCloudSsoAccessToken(const QString& accessConfigurationId, const QString& roleName,
                                     int lifetimeSeconds = 3600);
    // OAuth (SandboxOidc.cpp): the sign-in `aliyun configure --mode OAuth` leaves in a profile, for the OAuth
    // client clientId (the aliyun CLI's, per site) and a role. POST /v1/token (form: grant_type=refresh_token,
    // refresh_token, client_id, Timestamp) renews it: the refresh token rotates (the old one is spent), answers
    // {"access_token","refresh_token","expires_in","token_type"} or an RFC 6749 error (invalid_grant,
    // invalid_client, unsupported_grant_type); POST /v1/exchange (Authorization: Bearer <access token>) answers the
    // role's STS credential {"RequestId","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}.
    struct OAuthSignIn
    {
        QString accessToken;
        QString refreshToken;
        qint64 accessTokenExpire = 0; // Unix seconds
    };
    OAuthSignIn issueOAuthSignIn(const QString& clientId, const QString& roleName, int accessLifetimeSeconds = 3600);
    // How many /v1/token renewals the sandbox granted (tests check that a valid access token is not renewed).
    int oauthRenewals() const;

    quint64 changeCounter() const;
    qint64 requestCount() const;

private:
    struct Principal
    {
        bool admin = false;
        QString accessKeyId;
        SandboxIssuedCredential sts; // for role sessions
    };
    struct Context
    {
        QString requestId;
        QString host;
        QString product;
    };
    using Params = QHash<QString, QString>;

    // Everything below runs with m_mutex held.
    qint64 nowMs() const;
    void settle(SandboxData::Environment* env, qint64 now) const;
    void touch();
    bool faultApplies(int scope) const;
    bool roll(double rate);
    bool throttled(qint64 now);
    SandboxResponse popError(const Context& ctx, int status, const QString& code, const QString& message) const;
    SandboxResponse popOk(const Context& ctx, QJsonObject body) const;
    SandboxResponse odpsError(const QString& requestId, int status, const QString& code, const QString& message) const;
    static SandboxResponse jsonResponse(int status, const QJsonObject& body);
    static void malform(SandboxResponse* response);

    SandboxResponse handlePop(const SandboxRequest& request);
    SandboxResponse handleOdps(const SandboxRequest& request);
    SandboxResponse handleCredentials(const SandboxRequest& request);

    bool authenticatePop(const SandboxRequest& request, const Params& params, const Context& ctx, Principal* principal,
                         SandboxResponse* error);
    bool lookupKey(const QString& accessKeyId, const QString& securityToken, QString* secret, Principal* principal,
                   QString* code, QString* message, int* status) const;
    bool checkNonce(const QString& accessKeyId, const QString& nonce, qint64 now);

    SandboxResponse dataWorks(const QString& action, const Params& params, const Principal& principal,
                              const Context& ctx);
    SandboxResponse sts(const QString& action, const Params& params, const Principal& principal, const Context& ctx);
    SandboxResponse ram(const QString& action, const Params& params, const Context& ctx);
    SandboxResponse assumeRoleWithOidc(const Params& params, const Context& ctx);
    SandboxResponse handleCloudSso(const SandboxRequest& request);
    SandboxResponse handleOAuth(const SandboxRequest& request);
    QString randomToken(const QString& prefix) const;

    void appendInstanceJson(QByteArray* out, const SandboxData::Environment& env) const;
    // Judges and stores a CredentialConfig parameter (SandboxData::normalizeCredentialConfig), deriving the role the
    // credentials service serves; false with the error answer.
    bool storeCredentialConfig(SandboxData::Environment* env, const QString& text, const Context& ctx,
                               SandboxResponse* refusal) const;
    void appendCredentialConfig(QByteArray* out, const SandboxData::Environment& env) const;
    SandboxResponse popOkWithRaw(const Context& ctx, QJsonObject body, const QByteArray& rawJson) const;
    SandboxIssuedCredential issue(const QString& roleName, const QString& sessionName, int durationSeconds,
                                  bool defaultRole, const QString& ownerId);
    bool environmentCredentialLocked(const QString& instanceId, SandboxIssuedCredential* out, int* status,
                                     QString* code, QString* message);
    QStringList readableProjects(const Principal& principal) const;
    QString tokenFor(const QString& instanceId) const;

    const Clock* m_clock;
    mutable QMutex m_mutex;
    SandboxData::State m_state;
    QString m_baseUrl;
    int m_credentialLifetime = 3600;
    int m_transitionDelayMs = 3000;
    SandboxFaults m_faults;
    QRandomGenerator m_random;
    QList<qint64> m_recentRequests; // accepted request times (ms) within the last second, for throttling
    QHash<QString, SandboxIssuedCredential> m_issued; // by AccessKeyId
    QHash<QString, QString> m_environmentCredential;  // instanceId -> AccessKeyId it serves now
    QHash<QString, qint64> m_nonces;                  // "<key id>\n<nonce>" -> when seen
    // Served CredentialConfig text per stored config, cut at its per-environment placeholders (marks[i] follows
    // pieces[i]).
    struct ConfigTemplate
    {
        QList<QByteArray> pieces;
        QList<int> marks;
    };
    mutable QHash<QByteArray, ConfigTemplate> m_configTemplates;
    mutable QHash<qint64, QString> m_vpcSuffixes; // the derived VPC id part per workspace
    quint64 m_changes = 0;
    qint64 m_requests = 0;
    bool m_strictPlacement = false;
    bool m_memberListingAllowed = true;
    QList<PopPlacement> m_placements;
    QByteArray m_oidcKey; // signs the OIDC tokens this engine issues; random per engine
    struct SsoGrant
    {
        QString accessConfigurationId;
        QString roleName;
        qint64 expiresMs = 0;
    };
    QHash<QString, SsoGrant> m_ssoTokens; // CloudSSO access token -> what it grants
    struct OAuthGrant
    {
        QString clientId;
        QString roleName;
        qint64 expiresMs = 0; // access tokens only
    };
    QHash<QString, OAuthGrant> m_oauthAccess;  // OAuth access token -> what it grants
    QHash<QString, OAuthGrant> m_oauthRefresh; // unspent OAuth refresh token -> what it grants
    int m_oauthRenewals = 0;
};
