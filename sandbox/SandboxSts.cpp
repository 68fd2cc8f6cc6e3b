// STS 2015-04-01 in the sandbox: every action is one handler, registered in the constructor.
#include "SandboxSts.h"

#include "model/RoleArn.h"
#include "util/Logging.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

SandboxSts::SandboxSts(SandboxShared& shared)
    : SandboxPopService(shared, u"Sts"_s, u"2015-04-01"_s)
    , m_oidc(shared)
{
    addAction(u"GetCallerIdentity"_s, Access::Caller,
              [this](const SandboxPopCall& call) { return getCallerIdentity(call); });
    addAction(u"AssumeRole"_s, Access::Admin, [this](const SandboxPopCall& call) { return assumeRole(call); });
    // Anonymous, like the real STS: the OIDC token is the proof (the official libraries send no signature).
    addAction(u"AssumeRoleWithOIDC"_s, Access::Anonymous,
              [this](const SandboxPopCall& call) { return assumeRoleWithOidc(call); });
}

SandboxResponse SandboxSts::getCallerIdentity(const SandboxPopCall& call)
{
    const SandboxPrincipal& principal = call.principal;
    const SandboxPopContext& ctx = call.ctx;
    if (principal.admin)
        return popOk(ctx, QJsonObject{{u"IdentityType"_s, u"RAMUser"_s},
                                      {u"AccountId"_s, m_state.accountId},
                                      {u"PrincipalId"_s, m_state.adminUserId},
                                      {u"UserId"_s, m_state.adminUserId},
                                      {u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":user/"_s +
                                                         m_state.adminUserName)}});
    const SandboxData::Role* role = m_state.role(principal.sts.roleName);
    const QString roleId = role ? role->roleId : QString();
    return popOk(ctx, QJsonObject{{u"IdentityType"_s, u"AssumedRoleUser"_s},
                                  {u"AccountId"_s, m_state.accountId},
                                  {u"PrincipalId"_s, QString(roleId + u':' + principal.sts.sessionName)},
                                  {u"RoleId"_s, roleId},
                                  {u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":assumed-role/"_s +
                                                     principal.sts.roleName + u'/' + principal.sts.sessionName)}});
}

SandboxResponse SandboxSts::assumeRole(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    const QString arnText = params.value(u"RoleArn"_s);
    if (arnText.isEmpty())
        return popError(ctx, 400, u"MissingRoleArn"_s, u"RoleArn is mandatory for this action."_s);
    const QString session = params.value(u"RoleSessionName"_s);
    if (session.isEmpty())
        return popError(ctx, 400, u"MissingRoleSessionName"_s, u"RoleSessionName is mandatory for this action."_s);
    static const QRegularExpression sessionRe(u"^[A-Za-z0-9.@_-]{2,64}$"_s);
    if (!sessionRe.match(session).hasMatch())
        return popError(ctx, 400, u"InvalidParameter.RoleSessionName"_s,
                        u"The parameter RoleSessionName is wrongly formed: 2-64 letters, digits, '.', '@', '-' or "
                        u"'_'."_s);
    const RoleArn arn = RoleArn::parse(arnText);
    if (!arn.isValid())
        return popError(ctx, 400, u"InvalidParameter.RoleArn"_s, u"The parameter RoleArn is wrongly formed."_s);
    const SandboxData::Role* role = arn.accountId() == m_state.accountId ? m_state.role(arn.roleName()) : nullptr;
    if (!role)
        return popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role not exists: "_s + arnText + u'.');
    bool ok = true;
    const qint64 duration = paramInt(params, u"DurationSeconds"_s, 3600, &ok);
    if (!ok || duration < 900 || duration > qMin(role->maxSessionDuration, 43200))
        return popError(ctx, 400, u"InvalidParameter.DurationSeconds"_s,
                        u"The parameter DurationSeconds must be between 900 and the role's MaxSessionDuration "
                        u"(%1)."_s.arg(role->maxSessionDuration));
    if (!SandboxData::trustsAccount(role->trustPolicy, m_state.accountId))
        return popError(ctx, 403, u"NoPermission"_s,
                        u"You are not authorized to do this action. You should be authorized by RAM. (The trust "
                        u"policy of role %1 does not trust this account.)"_s.arg(role->name));
    const SandboxIssuedCredential c =
        m_shared.issue(role->name, session, int(duration), role->isDataWorksDefault, m_state.adminUserId);
    return popOk(ctx, QJsonObject{{u"AssumedRoleUser"_s,
                                   QJsonObject{{u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":role/"_s +
                                                                  role->name + u'/' + session)},
                                               {u"AssumedRoleId"_s, QString(role->roleId + u':' + session)}}},
                                  {u"Credentials"_s, QJsonObject{{u"AccessKeyId"_s, c.accessKeyId},
                                                                 {u"AccessKeySecret"_s, c.accessKeySecret},
                                                                 {u"SecurityToken"_s, c.securityToken},
                                                                 {u"Expiration"_s, c.expirationText()}}}});
}

SandboxResponse SandboxSts::assumeRoleWithOidc(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    // The official libraries put the token and the ARNs in the form body, never in the URL (where proxies log it).
    for (const QString& name : {u"OIDCToken"_s, u"OIDCProviderArn"_s, u"RoleArn"_s})
        if (call.placement.query.contains(name))
            return popError(ctx, 400, u"InvalidParameter"_s,
                            u"The parameter \"%1\" of AssumeRoleWithOIDC belongs in the form body (the "
                            u"official SDK sends it there), not in the query string."_s.arg(name));
    for (const char* name : {"OIDCProviderArn", "RoleArn", "OIDCToken"}) {
        if (params.value(QLatin1String(name)).isEmpty())
            return popError(ctx, 400, u"MissingParameter"_s,
                            u"The input parameter \"%1\" that is mandatory for processing this request is not "
                            u"supplied."_s.arg(QLatin1String(name)));
    }
    const QString providerArn = m_oidc.providerArn();
    if (params.value(u"OIDCProviderArn"_s) != providerArn)
        return popError(ctx, 404, u"EntityNotExist.OIDCProvider"_s, u"The specified OIDC provider does not exist."_s);

    QJsonObject claims;
    switch (m_oidc.check(params.value(u"OIDCToken"_s).trimmed().toLatin1(), &claims)) {
    case SandboxOidcProvider::Check::Invalid:
        return popError(ctx, 400, u"AuthenticationFail.OIDCToken.Invalid"_s, u"The OIDC token is invalid."_s);
    case SandboxOidcProvider::Check::Expired:
        return popError(ctx, 400, u"AuthenticationFail.OIDCToken.Expired"_s, u"The OIDC token has expired."_s);
    case SandboxOidcProvider::Check::Valid:
        break;
    }

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
    if (!m_oidc.isTrustedBy(role->trustPolicy))
        return popError(ctx, 403, u"AuthenticationFail.NoPermission"_s,
                        u"You are not authorized to assume the role %1 with this OIDC provider: its trust policy "
                        u"does not trust %2."_s.arg(role->name, providerArn));
    const QString sessionName = session.isEmpty() ? claims.value(u"sub"_s).toString().left(64) : session;
    const SandboxIssuedCredential c =
        m_shared.issue(role->name, sessionName, int(duration), role->isDataWorksDefault, m_state.adminUserId);
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
