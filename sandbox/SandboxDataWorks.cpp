// DataWorks 2024-05-18 in the sandbox: every action is one handler, registered in the constructor.
#include "SandboxDataWorks.h"

#include "util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using SandboxData::Environment;
using SandboxData::RoleKind;

namespace {

// Where the official SDK sends each DataWorks 2024-05-18 parameter (its TypeScript client.ts request building and the
// Java async SDK's @Query/@Body annotations; shared/reference/dataworks-api.md "Where each parameter travels"): these
// in the query string, every other one in the form body. The sandbox's own copy of the SDK model's facts (the client
// keeps its own in core/api/DataWorksClient.cpp), so a test can tell whether the client matches the SDK.
const QHash<QString, QStringList>& sdkQueryParameters()
{
    static const QHash<QString, QStringList> table = {
        {u"UpdateServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"StartServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"StopServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"DeleteServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"ListProjects"_s, {}},
        {u"ListProjectMembers"_s, {}},
        {u"ListServerIdeInstances"_s, {}},
        {u"GetServerIdeInstance"_s, {}},
        {u"CreateServerIdeInstance"_s, {}},
    };
    return table;
}

// Parameters of the RPC V1 protocol itself (signature, key, time), wherever they travel.
bool isProtocolParameter(const QString& name)
{
    static const QStringList names = {u"Action"_s,         u"Version"_s,         u"Format"_s,
                                      u"AccessKeyId"_s,    u"SignatureMethod"_s, u"SignatureVersion"_s,
                                      u"SignatureNonce"_s, u"Signature"_s,       u"Timestamp"_s,
                                      u"SecurityToken"_s,  u"RegionId"_s,        u"SignatureType"_s};
    return names.contains(name);
}

// ResourceGroupId is a string in requests (the SDK model): a number, or "Serverless_res_group_<tenant>_<group>".
qint64 resourceGroupParam(const QHash<QString, QString>& params, bool* ok)
{
    const QString text = params.value(u"ResourceGroupId"_s).trimmed();
    if (text.isEmpty())
        return 0;
    static const QRegularExpression serverless(u"^Serverless_res_group_\\d+_(\\d+)$"_s);
    const auto match = serverless.match(text);
    bool good = false;
    const qint64 id = (match.hasMatch() ? match.captured(1) : text).toLongLong(&good);
    if (!good)
        *ok = false;
    return id;
}

// The PagingInfo object of the page-numbered List actions (the SDK models' ListProjectsResponseBodyPagingInfo,
// ListProjectMembersResponseBodyPagingInfo, ListServerIdeInstancesResponseBodyPagingInfo): the page asked for, its
// size, the number of all matches, and the page's items under the action's own name.
QJsonObject pagingInfo(qint64 pageNumber, qint64 pageSize, qsizetype total, const QString& itemsName,
                       const QJsonValue& items)
{
    return QJsonObject{{u"PagingInfo"_s, QJsonObject{{u"PageNumber"_s, pageNumber},
                                                     {u"PageSize"_s, pageSize},
                                                     {u"TotalCount"_s, total},
                                                     {itemsName, items}}}};
}

} // namespace

SandboxDataWorks::SandboxDataWorks(SandboxShared& shared)
    : SandboxPopService(shared, u"dataworks-public"_s, u"2024-05-18"_s)
    , m_instances(shared.state)
{
    const auto add = [this](const QString& name, SandboxResponse (SandboxDataWorks::*handler)(const SandboxPopCall&)) {
        addAction(name, Access::Admin, [this, handler](const SandboxPopCall& call) { return (this->*handler)(call); });
    };
    add(u"ListProjects"_s, &SandboxDataWorks::listProjects);
    add(u"ListProjectMembers"_s, &SandboxDataWorks::listProjectMembers);
    add(u"ListServerIdeInstances"_s, &SandboxDataWorks::listInstances);
    add(u"GetServerIdeInstance"_s, &SandboxDataWorks::getInstance);
    add(u"UpdateServerIdeInstance"_s, &SandboxDataWorks::updateInstance);
    add(u"CreateServerIdeInstance"_s, &SandboxDataWorks::createInstance);
    add(u"StartServerIdeInstance"_s, &SandboxDataWorks::startInstance);
    add(u"StopServerIdeInstance"_s, &SandboxDataWorks::stopInstance);
    add(u"DeleteServerIdeInstance"_s, &SandboxDataWorks::deleteInstance);
}

bool SandboxDataWorks::sdkSendsInQuery(const QString& action, const QString& name)
{
    return sdkQueryParameters().value(action).contains(name);
}

QString SandboxDataWorks::misplaced(const SandboxPopPlacement& placement)
{
    const auto known = sdkQueryParameters().constFind(placement.action);
    if (known == sdkQueryParameters().cend())
        return {}; // not a DataWorks action: STS and RAM take either place
    for (const QString& name : placement.query)
        if (!isProtocolParameter(name) && !known->contains(name))
            return name;
    for (const QString& name : placement.body)
        if (!isProtocolParameter(name) && known->contains(name))
            return name;
    return {};
}

QString SandboxDataWorks::misplacedParameter(const SandboxPopPlacement& placement) const
{
    return misplaced(placement);
}

bool SandboxDataWorks::sdkQueryParameter(const QString& action, const QString& name) const
{
    return sdkSendsInQuery(action, name);
}

void SandboxDataWorks::setMemberListingAllowed(bool allowed)
{
    m_memberListingAllowed = allowed;
}

void SandboxDataWorks::clearDerived()
{
    m_instances.clear();
}

bool SandboxDataWorks::storeCredentialConfig(Environment* env, const QString& text, const SandboxPopContext& ctx,
                                             SandboxResponse* refusal) const
{
    QByteArray stored;
    QString error;
    if (!SandboxData::normalizeCredentialConfig(text, m_shared.strictPlacement, &stored, &error)) {
        *refusal = popError(ctx, 400, u"InvalidParameter.CredentialConfig"_s, error);
        return false;
    }
    QString arn;
    const RoleKind kind = SandboxData::effectiveRole(stored, &arn);
    QString name;
    if (kind == RoleKind::Custom) {
        // The service checks that the custom role exists (RAM), as it must hand out its credentials.
        name = SandboxData::roleNameOfArn(m_state, arn);
        if (name.isEmpty()) {
            *refusal = popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role does not exist: "_s + arn);
            return false;
        }
    }
    env->credentialConfig = m_instances.sharedConfig(stored);
    env->roleKind = kind;
    env->customRoleName = name;
    return true;
}

// ---- workspaces and listings ----

SandboxResponse SandboxDataWorks::listProjects(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    bool ok = true;
    const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
    const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
    if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100)
        return popError(ctx, 400, u"InvalidParameter"_s,
                        u"PageNumber must be at least 1 and PageSize between 1 and 100."_s);
    // The filters of the SDK model: Ids and Names as JSON arrays, Status, DevEnvironmentEnabled (boolean).
    QList<qint64> ids;
    QStringList names;
    for (const char* name : {"Ids", "Names"}) {
        const QString text = params.value(QLatin1String(name));
        if (text.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isArray())
            return popError(ctx, 400, u"InvalidParameter"_s, u"%1 must be a JSON array."_s.arg(QLatin1String(name)));
        for (const QJsonValue& v : doc.array()) {
            if (name[0] == 'I') {
                if (!v.isDouble() && !(v.isString() && !v.toString().isEmpty()))
                    return popError(ctx, 400, u"InvalidParameter"_s, u"Ids must hold workspace ids."_s);
                ids.append(v.isDouble() ? qint64(v.toDouble()) : v.toString().toLongLong());
            } else {
                names.append(v.toString());
            }
        }
    }
    const QString status = params.value(u"Status"_s);
    const QString devEnabled = params.value(u"DevEnvironmentEnabled"_s);
    if (!devEnabled.isEmpty() && devEnabled != u"true"_s && devEnabled != u"false"_s)
        return popError(ctx, 400, u"InvalidParameter"_s, u"DevEnvironmentEnabled must be true or false."_s);
    QList<const SandboxData::Workspace*> matching;
    for (const SandboxData::Workspace& w : m_state.workspaces) {
        if ((!ids.isEmpty() && !ids.contains(w.id)) || (!names.isEmpty() && !names.contains(w.name)) ||
            (!status.isEmpty() && w.status != status) ||
            (!devEnabled.isEmpty() && w.devEnvironmentEnabled != (devEnabled == u"true"_s)))
            continue;
        matching.append(&w);
    }
    QJsonArray projects;
    const qsizetype total = matching.size();
    for (qsizetype i = (pageNumber - 1) * pageSize; i < qMin(total, pageNumber * pageSize); ++i) {
        const SandboxData::Workspace& w = *matching.at(i);
        projects.append(QJsonObject{{u"Id"_s, w.id},
                                    {u"Name"_s, w.name},
                                    {u"DisplayName"_s, w.displayName},
                                    {u"Description"_s, w.description},
                                    {u"Owner"_s, w.ownerId},
                                    {u"Status"_s, w.status},
                                    {u"DevEnvironmentEnabled"_s, w.devEnvironmentEnabled},
                                    {u"DevRoleDisabled"_s, w.devRoleDisabled},
                                    {u"PaiTaskEnabled"_s, false},
                                    {u"AliyunResourceGroupId"_s, w.aliyunResourceGroupId},
                                    {u"AliyunResourceTags"_s, QJsonArray()}});
    }
    return popOk(ctx, pagingInfo(pageNumber, pageSize, total, u"Projects"_s, projects));
}

SandboxResponse SandboxDataWorks::listProjectMembers(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    bool ok = true;
    // The SDK model (ListProjectMembersRequest, 2024-05-18): ProjectId (int64, required), PageNumber, PageSize
    // (default 10, at most 100), RoleCodes and UserIds (arrays of strings, sent as JSON strings), all in the body.
    const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
    const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
    const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
    if (!params.contains(u"ProjectId"_s))
        return popError(ctx, 400, u"MissingProjectId"_s, u"ProjectId is mandatory for this action."_s);
    if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100)
        return popError(ctx, 400, u"InvalidParameter"_s,
                        u"ProjectId is a number, PageNumber at least 1 and PageSize between 1 and 100."_s);
    QStringList filters[2];
    const char* arrayNames[2] = {"RoleCodes", "UserIds"};
    for (int i = 0; i < 2; ++i) {
        const QString text = params.value(QLatin1String(arrayNames[i]));
        if (text.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isArray())
            return popError(ctx, 400, u"InvalidParameter"_s,
                            u"%1 must be a JSON array of strings."_s.arg(QLatin1String(arrayNames[i])));
        for (const QJsonValue& v : doc.array()) {
            if (!v.isString())
                return popError(ctx, 400, u"InvalidParameter"_s,
                                u"%1 must be a JSON array of strings."_s.arg(QLatin1String(arrayNames[i])));
            filters[i].append(v.toString());
        }
    }
    const SandboxData::Workspace* workspace = m_state.workspace(projectId);
    if (!workspace)
        return popError(ctx, 400, u"Invalid.Tenant.ProjectNotExist"_s,
                        u"The workspace %1 does not exist."_s.arg(projectId));
    if (!m_memberListingAllowed)
        return popError(ctx, 403, u"NoPermission"_s,
                        u"You are not authorized to list the members of workspace %1: it needs a workspace "
                        u"administrator role."_s.arg(projectId));
    // The members: the workspace's owner, the sandbox's admin user, and every owner of one of its environments.
    QMap<QString, QString> roleOf; // user id -> role code, ordered by id
    for (const Environment& e : m_state.environments)
        if (e.projectId == projectId && !e.ownerId.isEmpty())
            roleOf.insert(e.ownerId, u"role_project_dev"_s);
    roleOf.insert(m_state.adminUserId, u"role_project_admin"_s);
    roleOf.insert(workspace->ownerId, u"role_project_owner"_s);
    QHash<QString, QString> names;
    for (const SandboxData::User& u : m_state.users)
        names.insert(u.id, u.name);
    names.insert(m_state.adminUserId, m_state.adminUserName);
    static const QHash<QString, QString> roleNames = {{u"role_project_owner"_s, u"Workspace Owner"_s},
                                                      {u"role_project_admin"_s, u"Workspace Administrator"_s},
                                                      {u"role_project_dev"_s, u"Developer"_s}};
    QJsonArray matching;
    for (auto it = roleOf.cbegin(); it != roleOf.cend(); ++it) {
        if ((!filters[0].isEmpty() && !filters[0].contains(it.value())) ||
            (!filters[1].isEmpty() && !filters[1].contains(it.key())))
            continue;
        QJsonObject member{{u"ProjectId"_s, projectId},
                           {u"UserId"_s, it.key()},
                           {u"Status"_s, u"Normal"_s},
                           {u"Roles"_s, QJsonArray{QJsonObject{{u"Code"_s, it.value()},
                                                               {u"Name"_s, roleNames.value(it.value())},
                                                               {u"Type"_s, u"System"_s}}}}};
        // UserName: in the Go SDK's model of this answer (not in every SDK's); absent for an unknown user.
        if (names.contains(it.key()))
            member.insert(u"UserName"_s, names.value(it.key()));
        matching.append(member);
    }
    QJsonArray page;
    const qsizetype total = matching.size();
    for (qsizetype i = (pageNumber - 1) * pageSize; i < qMin(total, pageNumber * pageSize); ++i)
        page.append(matching.at(i));
    return popOk(ctx, pagingInfo(pageNumber, pageSize, total, u"ProjectMembers"_s, page));
}

SandboxResponse SandboxDataWorks::listInstances(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    const qint64 now = m_shared.nowMs();
    bool ok = true;
    const bool tokenMode = params.contains(u"NextToken"_s) || params.contains(u"MaxResults"_s);
    const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
    const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
    const qint64 maxResults = paramInt(params, u"MaxResults"_s, 20, &ok);
    const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
    const qint64 groupId = resourceGroupParam(params, &ok);
    if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100 || maxResults < 1 || maxResults > 100)
        return popError(ctx, 400, u"InvalidParameter"_s,
                        u"PageNumber must be at least 1; PageSize and MaxResults between 1 and 100; ProjectId "
                        u"and ResourceGroupId are numbers."_s);
    qsizetype offset = (pageNumber - 1) * pageSize;
    const qsizetype size = tokenMode ? maxResults : pageSize;
    if (tokenMode) {
        offset = 0;
        const QString token = params.value(u"NextToken"_s);
        if (!token.isEmpty()) {
            bool tokenOk = false;
            offset = decodePageToken(token, &tokenOk);
            if (!tokenOk || offset < 0)
                return popError(ctx, 400, u"InvalidParameter.NextToken"_s,
                                u"The NextToken is not valid: pass the NextToken of the previous answer."_s);
        }
    }
    const QString keyword = params.value(u"Keyword"_s);
    const QString owner = params.value(u"RelatedUserId"_s);
    const QString subType = params.value(u"SubType"_s);
    const bool filtered = projectId || groupId || !keyword.isEmpty() || !owner.isEmpty() || !subType.isEmpty();
    QList<qsizetype> matches;
    qsizetype total = m_state.environments.size();
    if (filtered) {
        for (qsizetype i = 0; i < m_state.environments.size(); ++i) {
            const Environment& e = m_state.environments.at(i);
            if ((projectId && e.projectId != projectId) || (groupId && e.resourceGroupId != groupId) ||
                (!owner.isEmpty() && e.ownerId != owner) || (!subType.isEmpty() && e.subType != subType))
                continue;
            if (!keyword.isEmpty() && !e.instanceId.contains(keyword, Qt::CaseInsensitive) &&
                !e.name.contains(keyword, Qt::CaseInsensitive))
                continue;
            matches.append(i);
        }
        total = matches.size();
    }
    QByteArray instances = "[";
    instances.reserve(qMin<qsizetype>(size, 100) * 1400);
    for (qsizetype i = offset; i < qMin(total, offset + size); ++i) {
        Environment& e = m_state.environments[filtered ? matches.at(i) : i];
        SandboxShared::settle(&e, now);
        if (instances.size() > 1)
            instances.append(',');
        m_instances.append(&instances, e);
    }
    instances.append(']');
    const bool more = offset + size < total;
    QJsonObject body = pagingInfo(offset / size + 1, size, total, u"Instances"_s, u"@@SBX_RAW@@"_s);
    body.insert(u"MaxResults"_s, size);
    body.insert(u"NextToken"_s, more ? encodePageToken(offset + size) : QString());
    return popOkWithRaw(ctx, body, instances);
}

SandboxResponse SandboxDataWorks::createInstance(const SandboxPopCall& call)
{
    const Params& params = call.params;
    const SandboxPopContext& ctx = call.ctx;
    const qint64 now = m_shared.nowMs();
    bool ok = true;
    const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
    const qint64 groupId = resourceGroupParam(params, &ok);
    const QString name = params.value(u"InstanceName"_s).trimmed();
    if (!ok || !projectId || !groupId || name.isEmpty())
        return popError(ctx, 400, u"MissingParameter"_s,
                        u"ProjectId, ResourceGroupId and InstanceName are mandatory for this action."_s);
    if (!m_state.workspace(projectId))
        return popError(ctx, 400, u"Invalid.Tenant.ProjectNotExist"_s,
                        u"The workspace %1 does not exist."_s.arg(projectId));
    Environment e;
    e.instanceId = QString::number(m_state.nextInstanceNumber++);
    e.name = name;
    e.projectId = projectId;
    e.resourceGroupId = groupId;
    e.ownerId = params.value(u"Owner"_s, m_state.adminUserId);
    e.imageId = params.value(u"ImageId"_s, u"System_serveride_notebook_20240822"_s);
    e.cu = int(paramInt(params, u"Cu"_s, 4, &ok));
    e.createTimeMs = now;
    e.updateTimeMs = now;
    e.status = u"Creating"_s;
    e.pendingStatus = u"Running"_s;
    e.pendingAtMs = now + m_shared.transitionDelayMs;
    e.credentialConfig = SandboxData::consoleCredentialConfig(m_state, RoleKind::None, {});
    if (params.contains(u"CredentialConfig"_s)) {
        SandboxResponse refusal;
        if (!storeCredentialConfig(&e, params.value(u"CredentialConfig"_s), ctx, &refusal))
            return refusal;
    }
    m_state.environments.append(e);
    m_state.environmentIndex.insert(e.instanceId, m_state.environments.size() - 1);
    m_shared.touch();
    return popOk(ctx, QJsonObject{{u"InstanceId"_s, e.instanceId}});
}

// ---- the operations on one instance ----

Environment* SandboxDataWorks::instance(const SandboxPopCall& call, SandboxResponse* refusal)
{
    const QString instanceId = call.params.value(u"InstanceId"_s);
    if (instanceId.isEmpty()) {
        *refusal = popError(call.ctx, 400, u"MissingInstanceId"_s, u"InstanceId is mandatory for this action."_s);
        return nullptr;
    }
    Environment* env = m_state.environment(instanceId);
    if (!env) {
        *refusal = popError(call.ctx, 404, u"NotFound.ServerIdeInstance"_s,
                            u"The individual development environment %1 does not exist."_s.arg(instanceId));
        return nullptr;
    }
    SandboxShared::settle(env, m_shared.nowMs());
    return env;
}

SandboxResponse SandboxDataWorks::refuse(const SandboxPopCall& call, const Environment& env, const QString& what)
{
    return popError(call.ctx, 400, u"InvalidStatus.ServerIdeInstance"_s,
                    u"Cannot %1 the instance while it is %2."_s.arg(what, env.status));
}

namespace {

bool gone(const Environment& env)
{
    return env.status == QLatin1String("DELETED") || env.status == QLatin1String("Deleting");
}

} // namespace

SandboxResponse SandboxDataWorks::transition(const SandboxPopCall& call, Environment* env, const QString& during,
                                             const QString& after)
{
    const qint64 now = m_shared.nowMs();
    env->status = during;
    env->pendingStatus = after;
    env->pendingAtMs = now + m_shared.transitionDelayMs;
    env->updateTimeMs = now;
    m_shared.touch();
    return popOk(call.ctx, QJsonObject{{u"InstanceId"_s, env->instanceId}});
}

SandboxResponse SandboxDataWorks::getInstance(const SandboxPopCall& call)
{
    SandboxResponse refusal;
    Environment* env = instance(call, &refusal);
    if (!env)
        return refusal;
    QByteArray json;
    m_instances.append(&json, *env);
    return popOkWithRaw(call.ctx, QJsonObject{{u"Instance"_s, u"@@SBX_RAW@@"_s}}, json);
}

SandboxResponse SandboxDataWorks::updateInstance(const SandboxPopCall& call)
{
    const Params& params = call.params;
    SandboxResponse refusal;
    Environment* env = instance(call, &refusal);
    if (!env)
        return refusal;
    if (gone(*env))
        return refuse(call, *env, u"update"_s);
    Environment updated = *env;
    if (params.contains(u"CredentialConfig"_s)) {
        // Stored as written (by the SDK model), replacing the whole config: the API has no partial update of it.
        if (!storeCredentialConfig(&updated, params.value(u"CredentialConfig"_s), call.ctx, &refusal))
            return refusal;
    }
    bool ok = true;
    if (params.contains(u"InstanceName"_s) && !params.value(u"InstanceName"_s).trimmed().isEmpty())
        updated.name = params.value(u"InstanceName"_s).trimmed();
    if (params.contains(u"Cu"_s))
        updated.cu = int(paramInt(params, u"Cu"_s, env->cu, &ok));
    if (params.contains(u"ImageId"_s))
        updated.imageId = params.value(u"ImageId"_s);
    if (params.contains(u"ProjectId"_s))
        updated.projectId = paramInt(params, u"ProjectId"_s, env->projectId, &ok);
    if (!ok)
        return popError(call.ctx, 400, u"InvalidParameter"_s, u"Cu and ProjectId must be numbers."_s);
    // A strictly later UpdateTime, so clients can tell the change landed even within one millisecond.
    updated.updateTimeMs = qMax(m_shared.nowMs(), env->updateTimeMs + 1);
    // A role change does not take back the credential the environment already holds: it keeps serving it until
    // it expires (SandboxCredentialsService::currentCredential), as nothing public says the real service revokes it.
    *env = updated;
    m_shared.touch();
    qCInfo(lcSandbox) << "environment" << env->instanceId << "role now" << SandboxData::roleKindToString(env->roleKind)
                      << env->customRoleName;
    return popOk(call.ctx, QJsonObject{{u"InstanceId"_s, env->instanceId}});
}

SandboxResponse SandboxDataWorks::startInstance(const SandboxPopCall& call)
{
    SandboxResponse refusal;
    Environment* env = instance(call, &refusal);
    if (!env)
        return refusal;
    static const QStringList startable{u"Stopped"_s, u"Failed"_s, u"Saved"_s, u"SaveFailed"_s, u"Arrearage"_s};
    if (!startable.contains(env->status) || !env->pendingStatus.isEmpty())
        return refuse(call, *env, u"start"_s);
    return transition(call, env, u"Starting"_s, u"Running"_s);
}

SandboxResponse SandboxDataWorks::stopInstance(const SandboxPopCall& call)
{
    SandboxResponse refusal;
    Environment* env = instance(call, &refusal);
    if (!env)
        return refusal;
    if (env->status != QLatin1String("Running") || !env->pendingStatus.isEmpty())
        return refuse(call, *env, u"stop"_s);
    m_shared.environmentCredential.remove(env->instanceId);
    return transition(call, env, u"Stopping"_s, u"Stopped"_s);
}

SandboxResponse SandboxDataWorks::deleteInstance(const SandboxPopCall& call)
{
    SandboxResponse refusal;
    Environment* env = instance(call, &refusal);
    if (!env)
        return refusal;
    if (gone(*env))
        return refuse(call, *env, u"delete"_s);
    m_shared.environmentCredential.remove(env->instanceId);
    return transition(call, env, u"Deleting"_s, u"DELETED"_s);
}
