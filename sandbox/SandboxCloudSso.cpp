#include "SandboxCloudSso.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

QString SandboxCloudSso::issueAccessToken(const QString& accessConfigurationId, const QString& roleName,
                                          int lifetimeSeconds)
{
    const QString token = randomToken(u"sso."_s);
    m_tokens.insert(token, Grant{accessConfigurationId, roleName, m_shared.nowMs() + qint64(lifetimeSeconds) * 1000});
    return token;
}

SandboxResponse SandboxCloudSso::handle(const SandboxRequest& request)
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
    const auto grant = m_tokens.constFind(token);
    if (grant == m_tokens.cend())
        return error(401, u"InvalidAccessToken"_s, u"The access token is invalid."_s);
    if (grant->expiresMs <= m_shared.nowMs())
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
    const SandboxIssuedCredential c = m_shared.issue(role->name, u"cloudsso"_s, m_shared.credentialLifetime,
                                                     role->isDataWorksDefault, m_state.adminUserId);
    return jsonResponse(200, QJsonObject{{u"RequestId"_s, requestId},
                                         {u"CloudCredential"_s, QJsonObject{{u"AccessKeyId"_s, c.accessKeyId},
                                                                            {u"AccessKeySecret"_s, c.accessKeySecret},
                                                                            {u"SecurityToken"_s, c.securityToken},
                                                                            {u"Expiration"_s, c.expirationText()}}}});
}
