// RAM 2015-05-01 in the sandbox: every action is one handler, registered in the constructor.
#include "SandboxRam.h"

#include "util/Bytes.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

SandboxRam::SandboxRam(SandboxShared& shared)
    : SandboxPopService(shared, u"Ram"_s, u"2015-05-01"_s)
{
    addAction(u"GetRole"_s, Access::Admin, [this](const SandboxPopCall& call) { return getRole(call); });
    addAction(u"ListRoles"_s, Access::Admin, [this](const SandboxPopCall& call) { return listRoles(call); });
}

QJsonObject SandboxRam::roleJson(const SandboxData::Role& r, bool withPolicy) const
{
    QJsonObject o{{u"RoleId"_s, r.roleId},
                  {u"RoleName"_s, r.name},
                  {u"Arn"_s, m_state.roleArn(r.name)},
                  {u"Description"_s, r.description},
                  {u"MaxSessionDuration"_s, r.maxSessionDuration},
                  {u"CreateDate"_s, Bytes::isoSeconds(r.createDateMs)},
                  {u"UpdateDate"_s, Bytes::isoSeconds(r.updateDateMs)}};
    if (withPolicy)
        o.insert(u"AssumeRolePolicyDocument",
                 QString::fromUtf8(QJsonDocument(r.trustPolicy).toJson(QJsonDocument::Compact)));
    return o;
}

SandboxResponse SandboxRam::getRole(const SandboxPopCall& call)
{
    const QString name = call.params.value(u"RoleName"_s);
    if (name.isEmpty())
        return popError(call.ctx, 400, u"MissingRoleName"_s, u"RoleName is mandatory for this action."_s);
    const SandboxData::Role* role = m_state.role(name);
    if (!role)
        return popError(call.ctx, 404, u"EntityNotExist.Role"_s, u"The role does not exist: "_s + name + u'.');
    return popOk(call.ctx, QJsonObject{{u"Role"_s, roleJson(*role, true)}});
}

SandboxResponse SandboxRam::listRoles(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    bool ok = true;
    const qint64 maxItems = paramInt(params, u"MaxItems"_s, 100, &ok);
    if (!ok || maxItems < 1 || maxItems > 1000)
        return popError(ctx, 400, u"InvalidParameter.MaxItems"_s, u"MaxItems must be between 1 and 1000."_s);
    qsizetype offset = 0;
    const QString marker = params.value(u"Marker"_s);
    if (!marker.isEmpty()) {
        offset = decodePageToken(marker, &ok);
        if (!ok || offset < 0 || offset > m_state.roles.size())
            return popError(ctx, 400, u"InvalidParameter.Marker"_s,
                            u"The Marker is not valid: pass the Marker of the previous answer."_s);
    }
    QJsonArray roles;
    const qsizetype end = qMin<qsizetype>(m_state.roles.size(), offset + maxItems);
    for (qsizetype i = offset; i < end; ++i)
        roles.append(roleJson(m_state.roles.at(i), false));
    const bool truncated = end < m_state.roles.size();
    QJsonObject body{{u"IsTruncated"_s, truncated}, {u"Roles"_s, QJsonObject{{u"Role"_s, roles}}}};
    if (truncated)
        body.insert(u"Marker", encodePageToken(end));
    return popOk(ctx, body);
}
