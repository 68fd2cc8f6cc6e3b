#include "SandboxOAuth.h"

#include "util/Bytes.h"

#include <QUuid>

using namespace Qt::StringLiterals;

SandboxOAuthSignIn SandboxOAuth::issueSignIn(const QString& clientId, const QString& roleName,
                                             int accessLifetimeSeconds)
{
    SandboxOAuthSignIn s;
    s.accessToken = randomToken(u"oat."_s);
    s.refreshToken = randomToken(u"ort."_s);
    const qint64 expiresMs = m_shared.nowMs() + qint64(accessLifetimeSeconds) * 1000;
    s.accessTokenExpire = expiresMs / 1000;
    m_access.insert(s.accessToken, Grant{clientId, roleName, expiresMs});
    m_refresh.insert(s.refreshToken, Grant{clientId, roleName, 0});
    return s;
}

SandboxResponse SandboxOAuth::handle(const SandboxRequest& request)
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
        const auto grant = m_refresh.constFind(form.value(u"refresh_token"_s));
        if (grant == m_refresh.cend())
            return error(400, u"invalid_grant"_s, u"invalid refreshToken"_s);
        if (form.value(u"client_id"_s) != grant->clientId)
            return error(401, u"invalid_client"_s, u"The refresh token was not issued to this client."_s);
        const Grant spent = *grant;
        m_refresh.erase(grant);
        const QString access = randomToken(u"oat."_s);
        const QString refresh = randomToken(u"ort."_s);
        m_access.insert(access, Grant{spent.clientId, spent.roleName, m_shared.nowMs() + 3600 * 1000});
        m_refresh.insert(refresh, Grant{spent.clientId, spent.roleName, 0});
        ++m_renewals;
        return jsonResponse(200, QJsonObject{{u"access_token"_s, access},
                                             {u"refresh_token"_s, refresh},
                                             {u"expires_in"_s, 3600},
                                             {u"token_type"_s, u"Bearer"_s}});
    }
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return error(401, u"invalid_token"_s, u"The Authorization header must carry a Bearer access token."_s);
    const auto grant = m_access.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (grant == m_access.cend())
        return error(401, u"invalid_token"_s, u"The access token is invalid."_s);
    if (grant->expiresMs <= m_shared.nowMs())
        return error(401, u"invalid_token"_s, u"The access token has expired."_s);
    const SandboxData::Role* role = m_state.role(grant->roleName);
    if (!role)
        return error(404, u"invalid_request"_s, u"The sign-in's role does not exist."_s);
    const SandboxIssuedCredential c = m_shared.issue(role->name, u"oauth"_s, m_shared.credentialLifetime,
                                                     role->isDataWorksDefault, m_state.adminUserId);
    return jsonResponse(200, QJsonObject{{u"RequestId"_s, requestId},
                                         {u"AccessKeyId"_s, c.accessKeyId},
                                         {u"AccessKeySecret"_s, c.accessKeySecret},
                                         {u"SecurityToken"_s, c.securityToken},
                                         {u"Expiration"_s, c.expirationText()}});
}
