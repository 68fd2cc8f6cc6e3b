#include "OAuthProvider.h"

#include "credentials/CredentialHttp.h"
#include "credentials/CredentialParser.h"
#include "credentials/ProfileCredentialProvider.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace {

// The OAuth sites and the aliyun CLI's client ids, as the official libraries and the aliyun CLI hold them.
QString normalisedSite(const QString& siteType)
{
    return siteType.trimmed().toUpper();
}

// A string member, PascalCase first (what the service answers), then camelCase (what older answers and the
// aliyun CLI's tests use), as credentials-nodejs reads it.
QString member(const QJsonObject& o, const char* pascal, const char* camel)
{
    const QString first = o.value(QLatin1String(pascal)).toString();
    return first.isEmpty() ? o.value(QLatin1String(camel)).toString() : first;
}

// "invalid_grant" / "invalid_token" from an RFC 6749 error answer, else the HTTP status.
QString errorCode(const QJsonObject& o, int status)
{
    QString code = o.value(QLatin1String("error")).toString();
    if (code.isEmpty())
        code = o.value(QLatin1String("Code")).toString();
    if (code.isEmpty())
        return QStringLiteral("HTTP %1").arg(status);
    return code.left(80);
}

} // namespace

OAuthProvider::OAuthProvider(const CredentialContext& context, Spec spec, QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_spec(std::move(spec))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new CredentialProxyFactory(context.environment));
}

QUrl OAuthProvider::siteUrl(const QString& siteType, const CredentialContext& context)
{
    const QString site = normalisedSite(siteType);
    if (site != QLatin1String("CN") && site != QLatin1String("INTL"))
        return {};
    if (context.oauthSignInUrl.isValid())
        return context.oauthSignInUrl;
    return QUrl(site == QLatin1String("CN") ? QStringLiteral("https://oauth.aliyun.com")
                                            : QStringLiteral("https://oauth.alibabacloud.com"));
}

QString OAuthProvider::clientId(const QString& siteType)
{
    const QString site = normalisedSite(siteType);
    if (site == QLatin1String("CN"))
        return QStringLiteral("4038181954557748008");
    if (site == QLatin1String("INTL"))
        return QStringLiteral("4103531455503354461");
    return {};
}

QString OAuthProvider::signInCommand(const QString& profileName, const QString& siteType)
{
    const QString site = normalisedSite(siteType).isEmpty() ? QStringLiteral("CN") : normalisedSite(siteType);
    QString command = QStringLiteral("aliyun configure --mode OAuth --oauth-site-type %1").arg(site);
    if (!profileName.isEmpty() && profileName != QLatin1String("default"))
        command += QStringLiteral(" --profile ") + profileName;
    return command;
}

QStringList OAuthProvider::secrets() const
{
    return {m_spec.refreshToken, m_spec.accessToken, m_spec.cached.accessKeySecret(), m_spec.cached.securityToken()};
}

CredentialResult OAuthProvider::orCached(const CredentialResult& failure) const
{
    const QDateTime now = m_context.clockRef().nowUtc();
    if (!m_spec.cached.isNull() && !m_spec.cached.isExpiredAt(now)) {
        qCInfo(lcCredentials).noquote() << description() << failure.error.message
                                        << "- using the cached credential until it expires";
        return CredentialResult::success(m_spec.cached);
    }
    return failure;
}

void OAuthProvider::fetch(Callback done)
{
    const QDateTime now = m_context.clockRef().nowUtc();
    const Credential cached = m_spec.cached;
    if (!cached.isNull() && !cached.isExpiredAt(now) && cached.secondsLeft(now) > kStaleWindowSecs) {
        finish(done, CredentialResult::success(cached));
        return;
    }
    const QString command = signInCommand(m_spec.profileName, m_spec.siteType);
    const QUrl site = siteUrl(m_spec.siteType, m_context);
    if (!site.isValid()) {
        finish(done, failure(tr("The OAuth profile %1 has no valid oauth_site_type (CN or INTL). Sign in again with "
                                "`%2`.")
                                 .arg(m_spec.profileName, command)));
        return;
    }
    const qint64 nowSecs = now.toSecsSinceEpoch();
    const bool accessTokenDue = m_spec.accessToken.isEmpty() || m_spec.accessTokenExpire <= 0 ||
                                m_spec.accessTokenExpire - nowSecs <= kAccessTokenRefreshAheadSecs;
    if (m_spec.refreshToken.isEmpty() && (m_spec.accessToken.isEmpty() || m_spec.accessTokenExpire <= nowSecs)) {
        const CredentialResult f =
            failure(tr("The OAuth sign-in of profile %1 has ended (no refresh token, and the access token has "
                       "expired). Sign in again with `%2`, then try again.")
                        .arg(m_spec.profileName, command));
        finish(done, orCached(f));
        return;
    }
    if (!m_spec.refreshToken.isEmpty() && accessTokenDue)
        refreshTokens(site, done);
    else
        exchange(site, done);
}

void OAuthProvider::refreshTokens(const QUrl& site, Callback done)
{
    QUrl url = site;
    url.setPath(QStringLiteral("/v1/token"));
    url.setQuery(QString());
    QByteArray form;
    const auto add = [&form](const char* key, const QString& value) {
        if (!form.isEmpty())
            form += '&';
        form += QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    };
    add("grant_type", QStringLiteral("refresh_token"));
    add("refresh_token", m_spec.refreshToken);
    add("client_id", clientId(m_spec.siteType));
    add("Timestamp", m_context.clockRef().nowUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    CredentialHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    request.body = form;
    qCDebug(lcCredentials).noquote() << "OAuth token refresh at" << url.host() << "for" << m_spec.profileName;
    const QString command = signInCommand(m_spec.profileName, m_spec.siteType);
    CredentialHttp::send(
        m_network, request, this, [this, done, request, site, command](const CredentialHttpResponse& r) {
            if (!r.answered()) {
                done(orCached(failure(tr("The OAuth service %1 did not answer the token renewal: %2")
                                          .arg(request.url.host(), r.describeFailure(request)))));
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            const QString newAccess = o.value(QLatin1String("access_token")).toString();
            const QString newRefresh = o.value(QLatin1String("refresh_token")).toString();
            QStringList hide = secrets();
            hide << newAccess << newRefresh;
            if (r.status == 400 && o.value(QLatin1String("error")).toString() == QLatin1String("invalid_grant") &&
                !m_retriedFromFile && adoptNewerSignIn()) {
                // Another program (the aliyun CLI, an SDK, another RoleDesk) renewed the sign-in first and saved the
                // rotated refresh token: carry on with what it saved.
                m_retriedFromFile = true;
                qCInfo(lcCredentials).noquote() << description() << "was renewed by another program; using its sign-in";
                fetch(done);
                return;
            }
            if (r.status != 200 || newAccess.isEmpty() || newRefresh.isEmpty()) {
                done(orCached(
                    failure(tr("The OAuth service refused to renew the sign-in of profile %1 (%2). Sign in "
                               "again with `%3`, then try again.")
                                .arg(m_spec.profileName,
                                     r.status == 200 ? tr("no tokens in its answer") : errorCode(o, r.status), command),
                            r.status, Redaction::bodyExcerpt(r.body, hide))));
                return;
            }
            qint64 expiresIn = o.value(QLatin1String("expires_in")).toVariant().toLongLong();
            if (expiresIn <= 0)
                expiresIn = 3600;
            m_spec.accessToken = newAccess;
            m_spec.refreshToken = newRefresh;
            m_spec.accessTokenExpire = m_context.clockRef().nowUtc().toSecsSinceEpoch() + expiresIn;
            // The old refresh token is spent: save the new one before anything else can fail.
            QString error;
            if (!m_spec.configPath.isEmpty() &&
                !CliProfileProvider::updateProfile(
                    m_spec.configPath, m_spec.profileName,
                    QJsonObject{{QStringLiteral("oauth_access_token"), newAccess},
                                {QStringLiteral("oauth_refresh_token"), newRefresh},
                                {QStringLiteral("oauth_access_token_expire"), double(m_spec.accessTokenExpire)}},
                    &error))
                qCWarning(lcCredentials).noquote()
                    << "Could not save the renewed OAuth sign-in of profile" << m_spec.profileName << ":" << error
                    << "- the aliyun CLI will ask for a new sign-in";
            exchange(site, done);
        });
}

bool OAuthProvider::adoptNewerSignIn()
{
    if (m_spec.configPath.isEmpty())
        return false;
    QFile file(m_spec.configPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonArray profiles =
        QJsonDocument::fromJson(file.read(1024 * 1024)).object().value(QLatin1String("profiles")).toArray();
    for (const QJsonValue& v : profiles) {
        const QJsonObject p = v.toObject();
        if (p.value(QLatin1String("name")).toString() != m_spec.profileName)
            continue;
        const QString refresh = p.value(QLatin1String("oauth_refresh_token")).toString();
        if (refresh.isEmpty() || refresh == m_spec.refreshToken)
            return false;
        m_spec.refreshToken = refresh;
        m_spec.accessToken = p.value(QLatin1String("oauth_access_token")).toString();
        m_spec.accessTokenExpire = p.value(QLatin1String("oauth_access_token_expire")).toVariant().toLongLong();
        const QString id = p.value(QLatin1String("access_key_id")).toString();
        const QString secret = p.value(QLatin1String("access_key_secret")).toString();
        const QString token = p.value(QLatin1String("sts_token")).toString();
        const qint64 expires = p.value(QLatin1String("sts_expiration")).toVariant().toLongLong();
        if (!id.isEmpty() && !secret.isEmpty() && !token.isEmpty() && expires > 0)
            m_spec.cached =
                Credential(id, secret, token, QDateTime::fromSecsSinceEpoch(expires, Qt::UTC), m_spec.description);
        return true;
    }
    return false;
}

void OAuthProvider::exchange(const QUrl& site, Callback done)
{
    QUrl url = site;
    url.setPath(QStringLiteral("/v1/exchange"));
    url.setQuery(QString());
    CredentialHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_spec.accessToken.toUtf8()}};
    qCDebug(lcCredentials).noquote() << "OAuth exchange at" << url.host() << "for" << m_spec.profileName;
    const QString command = signInCommand(m_spec.profileName, m_spec.siteType);
    CredentialHttp::send(m_network, request, this, [this, done, request, command](const CredentialHttpResponse& r) {
        if (!r.answered()) {
            done(orCached(failure(
                tr("The OAuth service %1 did not answer: %2").arg(request.url.host(), r.describeFailure(request)))));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QStringList hide = secrets();
        hide << member(o, "AccessKeySecret", "accessKeySecret") << member(o, "SecurityToken", "securityToken");
        if (r.status != 200) {
            done(orCached(failure(tr("The OAuth service refused to issue a credential for profile %1 (%2). If the "
                                     "sign-in is no longer valid, sign in again with `%3`.")
                                      .arg(m_spec.profileName, errorCode(o, r.status), command),
                                  r.status, Redaction::bodyExcerpt(r.body, hide))));
            return;
        }
        const QJsonObject answer{{QStringLiteral("AccessKeyId"), member(o, "AccessKeyId", "accessKeyId")},
                                 {QStringLiteral("AccessKeySecret"), member(o, "AccessKeySecret", "accessKeySecret")},
                                 {QStringLiteral("SecurityToken"), member(o, "SecurityToken", "securityToken")},
                                 {QStringLiteral("Expiration"), member(o, "Expiration", "expiration")}};
        const CredentialResult result = CredentialParser::parseBody(
            QJsonDocument(answer).toJson(QJsonDocument::Compact), description(), m_context.clockRef());
        if (!result.ok()) {
            done(orCached(result));
            return;
        }
        m_spec.cached = result.credential;
        QString error;
        if (!m_spec.configPath.isEmpty() &&
            !CliProfileProvider::updateProfile(
                m_spec.configPath, m_spec.profileName,
                QJsonObject{
                    {QStringLiteral("access_key_id"), result.credential.accessKeyId()},
                    {QStringLiteral("access_key_secret"), result.credential.accessKeySecret()},
                    {QStringLiteral("sts_token"), result.credential.securityToken()},
                    {QStringLiteral("sts_expiration"), double(result.credential.expiration().toSecsSinceEpoch())}},
                &error))
            qCWarning(lcCredentials).noquote()
                << "Could not save the new STS credential in profile" << m_spec.profileName << ":" << error;
        done(result);
    });
}
