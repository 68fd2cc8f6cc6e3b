// STS AssumeRoleWithOIDC and the CloudSSO credential exchange in the sandbox: one OIDC identity provider of the sandbox
// account, tokens it issues (JWT, HS256), and the anonymous STS call that exchanges such a token for a role's STS
// credential. Judged as the cloud judges it: the provider ARN must name a registered provider, the token must be signed
// by it, unexpired, from its issuer and for STS, and the role's trust policy must trust the provider
// (Principal.Federated).

#include "SandboxEngine.h"

#include "util/Bytes.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool trustsProvider(const QJsonObject& trustPolicy, const QString& providerArn)
{
    for (const QJsonValue& sv : trustPolicy.value(u"Statement").toArray()) {
        const QJsonObject st = sv.toObject();
        if (st.value(u"Effect").toString() != QLatin1String("Allow"))
            continue;
        const QJsonValue federated = st.value(u"Principal").toObject().value(u"Federated");
        const QJsonArray list = federated.isArray() ? federated.toArray() : QJsonArray{federated};
        for (const QJsonValue& p : list)
            if (p.toString() == providerArn)
                return true;
    }
    return false;
}

} // namespace

QString SandboxEngine::oidcProviderArn() const
{
    return u"acs:ram::"_s + accountId() + u":oidc-provider/RoleDeskSandbox"_s;
}

QString SandboxEngine::oidcIssuer() const
{
    return u"https://oidc.sandbox.roledesk.invalid"_s;
}

QString SandboxEngine::issueOidcToken(const QString& subject, int lifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    if (m_oidcKey.isEmpty()) {
        for (int i = 0; i < 8; ++i) {
            const quint32 word = QRandomGenerator::system()->generate();
            m_oidcKey.append(reinterpret_cast<const char*>(&word), sizeof word);
        }
    }
    const qint64 now = nowMs() / 1000;
    const QByteArray header = b64url(R"({"alg":"HS256","typ":"JWT","kid":"sandbox"})");
    const QByteArray payload = b64url(QJsonDocument(QJsonObject{{u"iss"_s, oidcIssuer()},
                                                                {u"sub"_s, subject},
                                                                {u"aud"_s, u"sts.aliyuncs.com"_s},
                                                                {u"iat"_s, double(now)},
                                                                {u"exp"_s, double(now + lifetimeSeconds)}})
                                          .toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return QString::fromLatin1(
        signingInput + '.' +
        b64url(QMessageAuthenticationCode::hash(signingInput, m_oidcKey, QCryptographicHash::Sha256)));
}

bool SandboxEngine::trustOidcProvider(const QString& roleName)
{
    QMutexLocker lock(&m_mutex);
    for (SandboxData::Role& role : m_state.roles) {
        if (role.name.compare(roleName, Qt::CaseInsensitive) != 0)
            continue;
        QJsonArray statements = role.trustPolicy.value(u"Statement").toArray();
        statements.append(QJsonObject{
            {u"Action"_s, u"sts:AssumeRole"_s},
            {u"Effect"_s, u"Allow"_s},
            {u"Principal"_s, QJsonObject{{u"Federated"_s, QJsonArray{QString(u"acs:ram::"_s + m_state.accountId +
                                                                             u":oidc-provider/RoleDeskSandbox"_s)}}}},
            {u"Condition"_s, QJsonObject{{u"StringEquals"_s, QJsonObject{{u"oidc:iss"_s, oidcIssuer()},
                                                                         {u"oidc:aud"_s, u"sts.aliyuncs.com"_s}}}}}});
        role.trustPolicy.insert(u"Statement"_s, statements);
        return true;
    }
    return false;
}

SandboxResponse SandboxEngine::assumeRoleWithOidc(const Params& params, const Context& ctx)
{
    for (const char* name : {"OIDCProviderArn", "RoleArn", "OIDCToken"}) {
        if (params.value(QLatin1String(name)).isEmpty())
            return popError(ctx, 400, u"MissingParameter"_s,
                            u"The input parameter \"%1\" that is mandatory for processing this request is not "
                            u"supplied."_s.arg(QLatin1String(name)));
    }
    const QString providerArn = u"acs:ram::"_s + m_state.accountId + u":oidc-provider/RoleDeskSandbox"_s;
    if (params.value(u"OIDCProviderArn"_s) != providerArn)
        return popError(ctx, 404, u"EntityNotExist.OIDCProvider"_s, u"The specified OIDC provider does not exist."_s);

    // The token: header.payload.signature, HS256 with this engine's key, from our issuer, for STS, unexpired.
    const QByteArray token = params.value(u"OIDCToken"_s).trimmed().toLatin1();
    const QList<QByteArray> parts = token.split('.');
    const auto invalid = [&] {
        return popError(ctx, 400, u"AuthenticationFail.OIDCToken.Invalid"_s, u"The OIDC token is invalid."_s);
    };
    if (parts.size() != 3 || m_oidcKey.isEmpty())
        return invalid();
    const QByteArray expected = b64url(
        QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), m_oidcKey, QCryptographicHash::Sha256));
    if (!Bytes::constantTimeEqual(expected, parts.at(2)))
        return invalid();
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    if (header.value(u"alg"_s).toString() != QLatin1String("HS256") ||
        claims.value(u"iss"_s).toString() != oidcIssuer() ||
        claims.value(u"aud"_s).toString() != QLatin1String("sts.aliyuncs.com"))
        return invalid();
    if (qint64(claims.value(u"exp"_s).toDouble()) * 1000 <= nowMs())
        return popError(ctx, 400, u"AuthenticationFail.OIDCToken.Expired"_s, u"The OIDC token has expired."_s);

    const QString session = params.value(u"RoleSessionName"_s);
    static const QRegularExpression sessionRe(u"^[A-Za-z0-9.@_-]{2,64}$"_s);
    if (!session.isEmpty() && !sessionRe.match(session).hasMatch())
        return popError(ctx, 400, u"InvalidParameter.RoleSessionName"_s,
                        u"The parameter RoleSessionName is wrongly formed: 2-64 letters, digits, '.', '@', '-' or "
                        u"'_'."_s);
    const QString arnText = params.value(u"RoleArn"_s);
    static const QRegularExpression arnRe(u"^acs:ram::(\\d+):role/([A-Za-z0-9.@_-]{1,64})$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = arnRe.match(arnText);
    if (!m.hasMatch())
        return popError(ctx, 400, u"InvalidParameter.RoleArn"_s, u"The parameter RoleArn is wrongly formed."_s);
    const SandboxData::Role* role = m.captured(1) == m_state.accountId ? m_state.role(m.captured(2)) : nullptr;
    if (!role)
        return popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role not exists: "_s + arnText + u'.');
    bool ok = true;
    const qint64 duration = params.value(u"DurationSeconds"_s, u"3600"_s).toLongLong(&ok);
    if (!ok || duration < 900 || duration > qMin(role->maxSessionDuration, 43200))
        return popError(ctx, 400, u"InvalidParameter.DurationSeconds"_s,
                        u"The parameter DurationSeconds must be between 900 and the role's MaxSessionDuration "
                        u"(%1)."_s.arg(role->maxSessionDuration));
    if (!trustsProvider(role->trustPolicy, providerArn))
        return popError(ctx, 403, u"AuthenticationFail.NoPermission"_s,
                        u"You are not authorized to assume the role %1 with this OIDC provider: its trust policy "
                        u"does not trust %2."_s.arg(role->name, providerArn));
    const QString sessionName = session.isEmpty() ? claims.value(u"sub"_s).toString().left(64) : session;
    const SandboxIssuedCredential c =
        issue(role->name, sessionName, int(duration), role->isDataWorksDefault, m_state.adminUserId);
    qCDebug(lcSandbox) << "AssumeRoleWithOIDC" << role->name << "for" << claims.value(u"sub"_s).toString();
    return popOk(ctx,
                 QJsonObject{{u"AssumedRoleUser"_s,
                              QJsonObject{{u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":assumed-role/"_s +
                                                             role->name + u'/' + sessionName)},
                                          {u"AssumedRoleId"_s, QString(role->roleId + u':' + sessionName)}}},
                             {u"OIDCTokenInfo"_s, QJsonObject{{u"Subject"_s, claims.value(u"sub"_s)},
                                                              {u"Issuer"_s, claims.value(u"iss"_s)},
                                                              {u"ClientIds"_s, claims.value(u"aud"_s)}}},
                             {u"Credentials"_s, QJsonObject{{u"AccessKeyId"_s, c.accessKeyId},
                                                            {u"AccessKeySecret"_s, c.accessKeySecret},
                                                            {u"SecurityToken"_s, c.securityToken},
                                                            {u"Expiration"_s, c.expirationText()}}}});
}

QString SandboxEngine::issueCloudSsoAccessToken(const QString& accessConfigurationId, const QString& roleName,
                                                int lifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    const QString token = randomToken(u"sso."_s);
    m_ssoTokens.insert(token, SsoGrant{accessConfigurationId, roleName, nowMs() + qint64(lifetimeSeconds) * 1000});
    return token;
}

SandboxResponse SandboxEngine::handleCloudSso(const SandboxRequest& request)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    const auto error = [&](int status, const QString& code, const QString& message) {
        return jsonResponse(
            status, QJsonObject{{u"ErrorCode"_s, code}, {u"ErrorMessage"_s, message}, {u"RequestId"_s, requestId}});
    };
    if (request.method != "POST")
        return error(405, u"MethodNotAllowed"_s, u"Use POST."_s);
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return error(401, u"MissingAccessToken"_s, u"The Authorization header must carry a Bearer access token."_s);
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto grant = m_ssoTokens.constFind(token);
    if (grant == m_ssoTokens.cend())
        return error(401, u"InvalidAccessToken"_s, u"The access token is invalid."_s);
    if (grant->expiresMs <= nowMs())
        return error(401, u"AccessTokenExpired"_s, u"The access token has expired. Sign in again."_s);
    if (!request.header("content-type").startsWith("application/json"))
        return error(400, u"InvalidContentType"_s, u"The body must be JSON."_s);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.value(u"AccountId"_s).toString() != m_state.accountId)
        return error(403, u"NoPermission.Account"_s, u"The access token grants nothing in this account."_s);
    if (body.value(u"AccessConfigurationId"_s).toString() != grant->accessConfigurationId)
        return error(403, u"NoPermission.AccessConfiguration"_s,
                     u"The access token grants nothing with this access configuration."_s);
    const SandboxData::Role* role = m_state.role(grant->roleName);
    if (!role)
        return error(404, u"EntityNotExists.Role"_s, u"The access configuration's role does not exist."_s);
    const SandboxIssuedCredential c =
        issue(role->name, u"cloudsso"_s, m_credentialLifetime, role->isDataWorksDefault, m_state.adminUserId);
    return jsonResponse(200, QJsonObject{{u"RequestId"_s, requestId},
                                         {u"CloudCredential"_s, QJsonObject{{u"AccessKeyId"_s, c.accessKeyId},
                                                                            {u"AccessKeySecret"_s, c.accessKeySecret},
                                                                            {u"SecurityToken"_s, c.securityToken},
                                                                            {u"Expiration"_s, c.expirationText()}}}});
}

QString SandboxEngine::randomToken(const QString& prefix) const
{
    QByteArray raw;
    for (int i = 0; i < 8; ++i) {
        const quint32 word = QRandomGenerator::system()->generate();
        raw.append(reinterpret_cast<const char*>(&word), sizeof word);
    }
    return prefix + QString::fromLatin1(b64url(raw));
}

SandboxEngine::OAuthSignIn SandboxEngine::issueOAuthSignIn(const QString& clientId, const QString& roleName,
                                                           int accessLifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    OAuthSignIn s;
    s.accessToken = randomToken(u"oat."_s);
    s.refreshToken = randomToken(u"ort."_s);
    const qint64 expiresMs = nowMs() + qint64(accessLifetimeSeconds) * 1000;
    s.accessTokenExpire = expiresMs / 1000;
    m_oauthAccess.insert(s.accessToken, OAuthGrant{clientId, roleName, expiresMs});
    m_oauthRefresh.insert(s.refreshToken, OAuthGrant{clientId, roleName, 0});
    return s;
}

int SandboxEngine::oauthRenewals() const
{
    QMutexLocker lock(&m_mutex);
    return m_oauthRenewals;
}

SandboxResponse SandboxEngine::handleOAuth(const SandboxRequest& request)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // RFC 6749 section 5.2 error answers, as the OAuth service sends them.
    const auto error = [&](int status, const QString& code, const QString& description) {
        return jsonResponse(status, QJsonObject{{u"error"_s, code},
                                                {u"error_description"_s, description},
                                                {u"request_id"_s, requestId},
                                                {u"http_code"_s, status}});
    };
    if (request.method != "POST")
        return error(405, u"invalid_request"_s, u"Use POST."_s);
    if (request.path == "/v1/token") {
        if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
            return error(400, u"invalid_request"_s, u"The body must be a form."_s);
        QHash<QString, QString> form;
        for (const auto& [key, value] : Bytes::decodePairs(request.body, true))
            form.insert(QString::fromUtf8(key), QString::fromUtf8(value));
        if (form.value(u"grant_type"_s) != u"refresh_token"_s)
            return error(400, u"unsupported_grant_type"_s, u"Only grant_type=refresh_token is accepted here."_s);
        if (form.value(u"Timestamp"_s).isEmpty())
            return error(400, u"invalid_request"_s, u"Timestamp is missing."_s);
        const auto grant = m_oauthRefresh.constFind(form.value(u"refresh_token"_s));
        if (grant == m_oauthRefresh.cend())
            return error(400, u"invalid_grant"_s, u"invalid refreshToken"_s);
        if (form.value(u"client_id"_s) != grant->clientId)
            return error(401, u"invalid_client"_s, u"The refresh token was not issued to this client."_s);
        const OAuthGrant spent = *grant;
        m_oauthRefresh.erase(grant);
        const QString access = randomToken(u"oat."_s);
        const QString refresh = randomToken(u"ort."_s);
        m_oauthAccess.insert(access, OAuthGrant{spent.clientId, spent.roleName, nowMs() + 3600 * 1000});
        m_oauthRefresh.insert(refresh, OAuthGrant{spent.clientId, spent.roleName, 0});
        ++m_oauthRenewals;
        return jsonResponse(200, QJsonObject{{u"access_token"_s, access},
                                             {u"refresh_token"_s, refresh},
                                             {u"expires_in"_s, 3600},
                                             {u"token_type"_s, u"Bearer"_s}});
    }
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return error(401, u"invalid_token"_s, u"The Authorization header must carry a Bearer access token."_s);
    const auto grant = m_oauthAccess.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (grant == m_oauthAccess.cend())
        return error(401, u"invalid_token"_s, u"The access token is invalid."_s);
    if (grant->expiresMs <= nowMs())
        return error(401, u"invalid_token"_s, u"The access token has expired."_s);
    const SandboxData::Role* role = m_state.role(grant->roleName);
    if (!role)
        return error(404, u"invalid_request"_s, u"The sign-in's role does not exist."_s);
    const SandboxIssuedCredential c =
        issue(role->name, u"oauth"_s, m_credentialLifetime, role->isDataWorksDefault, m_state.adminUserId);
    return jsonResponse(200, QJsonObject{{u"RequestId"_s, requestId},
                                         {u"AccessKeyId"_s, c.accessKeyId},
                                         {u"AccessKeySecret"_s, c.accessKeySecret},
                                         {u"SecurityToken"_s, c.securityToken},
                                         {u"Expiration"_s, c.expirationText()}});
}
