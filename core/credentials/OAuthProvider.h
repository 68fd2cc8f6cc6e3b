#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

class QNetworkAccessManager;

// An aliyun CLI profile in OAuth mode (`aliyun configure --mode OAuth`), renewed as the official libraries renew it
// (credentials-go/-nodejs/-java OAuthCredentialsProvider, aliyun-cli config/oauth): the profile holds the STS
// credential the last sign-in or renewal obtained (access_key_id, access_key_secret, sts_token, sts_expiration), an
// OAuth access token (oauth_access_token, oauth_access_token_expire) and a refresh token (oauth_refresh_token), for
// the site oauth_site_type (CN: https://oauth.aliyun.com, INTL: https://oauth.alibabacloud.com, each with the
// aliyun CLI's client id).
//
// - While more than the stale window (15 min) of the cached STS credential is left, it is handed out as is.
// - Otherwise, when the access token has 20 min or less left (or is missing) and a refresh token is there:
//   POST <site>/v1/token, form grant_type=refresh_token, refresh_token, client_id, Timestamp
//   -> {"access_token","refresh_token","expires_in","token_type"}. The refresh token rotates, so the new tokens are
//   written back into the profile at once (config.json locked with flock(2) and rewritten in place, as the official
//   libraries do; every other field is kept).
// - Then POST <site>/v1/exchange with Authorization: Bearer <access token>
//   -> {"AccessKeyId","AccessKeySecret","SecurityToken","Expiration"} (camelCase accepted too), also written back.
// - When the refresh token is refused (invalid_grant) but the profile in the file holds a newer one (another program
//   renewed first), that one is used, once.
// - When a renewal is refused, the cached credential is used while it is still valid; otherwise the error names
//   the command the aliyun CLI itself prints for a new sign-in:
//   `aliyun configure --mode OAuth --oauth-site-type CN --profile NAME`.
// No token, secret or answer body with secrets reaches a message or a log.
class OAuthProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Spec
    {
        QString profileName;
        QString configPath; // the aliyun CLI's config.json, written back after a renewal
        QString siteType;   // CN or INTL
        QString refreshToken;
        QString accessToken;
        qint64 accessTokenExpire = 0; // Unix seconds
        Credential cached;            // null when the profile holds none
        QString description;
    };

    OAuthProvider(const CredentialContext& context, Spec spec, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("oauth"); }
    QString description() const override { return m_spec.description; }
    void fetch(Callback done) override;

    // The sign-in site for oauth_site_type ("CN", "INTL", any case); invalid for another value.
    // CredentialContext::oauthSignInUrl replaces the site (tests, the sandbox).
    static QUrl siteUrl(const QString& siteType, const CredentialContext& context);
    static QString clientId(const QString& siteType);
    // The command that signs in again, as the aliyun CLI prints it.
    static QString signInCommand(const QString& profileName, const QString& siteType);

    static constexpr qint64 kStaleWindowSecs = 15 * 60;
    static constexpr qint64 kAccessTokenRefreshAheadSecs = 20 * 60;

private:
    void refreshTokens(const QUrl& site, Callback done);
    void exchange(const QUrl& site, Callback done);
    // A failure, or the cached credential while it is still valid.
    CredentialResult orCached(const CredentialResult& failure) const;
    QStringList secrets() const;
    // After invalid_grant: when the profile in the file holds another refresh token (another program renewed and
    // saved it meanwhile), take the file's sign-in and cached credential; false when it holds the same.
    bool adoptNewerSignIn();

    CredentialContext m_context;
    Spec m_spec;
    QNetworkAccessManager* m_network;
    bool m_retriedFromFile = false;
};
