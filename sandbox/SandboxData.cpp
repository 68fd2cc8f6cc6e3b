#include "SandboxData.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace SandboxData {

namespace {

qint64 readTime(const QJsonValue& value, qint64 fallback = 0)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isString()) {
        const QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODate);
        if (dt.isValid())
            return dt.toMSecsSinceEpoch();
    }
    return fallback;
}

qint64 readId(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().toLongLong();
    return qint64(value.toDouble());
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QStringList asStringList(const QJsonValue& value)
{
    QStringList out;
    if (value.isString())
        out.append(value.toString());
    else
        for (const QJsonValue& v : value.toArray())
            out.append(v.toString());
    return out;
}

RoleKind roleKindFromString(const QString& text)
{
    if (text == QLatin1String("default"))
        return RoleKind::Default;
    if (text == QLatin1String("custom"))
        return RoleKind::Custom;
    return RoleKind::None;
}

// Synthetic table names for a project that asks for many (one project needs marker paging).
void generateTables(MaxComputeProject* project, int count, const QString& prefix, qint64 baseMs)
{
    static const char* const kinds[] = {"orders",   "users", "events", "payments",
                                        "sessions", "items", "stock",  "refunds"};
    for (int i = 0; i < count; ++i) {
        Table t;
        t.name =
            prefix + QString::fromLatin1(kinds[i % 8]) + u'_' + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
        t.tableId =
            QStringLiteral("%1").arg(qHash(project->name + t.name) & 0xffffffffffffULL, 32, 16, QLatin1Char('0'));
        t.ownerId = project->ownerId;
        t.comment = QStringLiteral("Generated table %1").arg(i);
        t.creationMs = baseMs + qint64(i) * 3600000;
        t.lastModifiedMs = t.creationMs + 86400000;
        project->tables.append(t);
    }
}

// The seed's (and saved state's) forwardInfos: SDK-model objects, as ListServerIdeInstances sends them.
QList<ForwardInfo> forwardInfosFromJson(const QJsonArray& array)
{
    QList<ForwardInfo> list;
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        ForwardInfo f;
        f.name = o.value(u"Name").toString();
        f.enable = o.value(u"Enable").toBool();
        for (const QJsonValue& a : o.value(u"AccessType").toArray())
            f.accessType << a.toString();
        f.containerName = o.value(u"ContainerName").toString();
        f.forwardPort = o.value(u"ForwardPort").toString();
        f.externalPort = o.value(u"ExternalPort").toString();
        f.eipAllocationId = o.value(u"EipAllocationId").toString();
        f.natGatewayId = o.value(u"NatGatewayId").toString();
        f.sshPublicKey = o.value(u"SSHPublicKey").toString();
        list << f;
    }
    return list;
}

QJsonArray forwardInfosToJson(const QList<ForwardInfo>& list)
{
    QJsonArray array;
    for (const ForwardInfo& f : list)
        array.append(QJsonObject{{u"Name"_s, f.name},
                                 {u"Enable"_s, f.enable},
                                 {u"AccessType"_s, QJsonArray::fromStringList(f.accessType)},
                                 {u"ContainerName"_s, f.containerName},
                                 {u"ForwardPort"_s, f.forwardPort},
                                 {u"ExternalPort"_s, f.externalPort},
                                 {u"EipAllocationId"_s, f.eipAllocationId},
                                 {u"NatGatewayId"_s, f.natGatewayId},
                                 {u"SSHPublicKey"_s, f.sshPublicKey}});
    return array;
}
} // namespace

void State::reindex()
{
    environmentIndex.clear();
    environmentIndex.reserve(environments.size());
    for (qsizetype i = 0; i < environments.size(); ++i)
        environmentIndex.insert(environments.at(i).instanceId, i);
}

Environment* State::environment(const QString& instanceId)
{
    const auto it = environmentIndex.constFind(instanceId);
    return it == environmentIndex.cend() ? nullptr : &environments[it.value()];
}

const Role* State::role(const QString& name) const
{
    for (const Role& r : roles)
        if (r.name.compare(name, Qt::CaseInsensitive) == 0)
            return &r;
    return nullptr;
}

const Role* State::defaultRole() const
{
    for (const Role& r : roles)
        if (r.isDataWorksDefault)
            return &r;
    return nullptr;
}

const Workspace* State::workspace(qint64 id) const
{
    for (const Workspace& w : workspaces)
        if (w.id == id)
            return &w;
    return nullptr;
}

const ResourceGroup* State::resourceGroup(qint64 id) const
{
    for (const ResourceGroup& g : resourceGroups)
        if (g.id == id)
            return &g;
    return nullptr;
}

const MaxComputeProject* State::project(const QString& name) const
{
    for (const MaxComputeProject& p : projects)
        if (p.name == name)
            return &p;
    return nullptr;
}

QString State::roleArn(const QString& roleName) const
{
    return QStringLiteral("acs:ram::") + accountId + QStringLiteral(":role/") + roleName;
}

namespace {
// Checks one member's JSON type; false with the error naming it.
bool typed(const QJsonObject& o, QLatin1String name, QJsonValue::Type type, const QString& where, QString* error)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.type() == type)
        return true;
    static const char* const names[] = {"null", "boolean", "number", "string", "array", "object"};
    const int t = int(type);
    *error = u"%1.%2 must be a %3."_s.arg(where, name, QLatin1String(t >= 0 && t < 6 ? names[t] : "value"));
    return false;
}
} // namespace

bool normalizeCredentialConfig(const QString& text, bool rejectUserInfo, QByteArray* out, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"CredentialConfig is not a JSON object."_s;
        return false;
    }
    const QJsonObject in = doc.object();
    const QString top = u"CredentialConfig"_s;
    if (!typed(in, QLatin1String("Enable"), QJsonValue::Bool, top, error) ||
        !typed(in, QLatin1String("AliyunEnvRoleKey"), QJsonValue::String, top, error) ||
        !typed(in, QLatin1String("Configs"), QJsonValue::Array, top, error))
        return false;
    QJsonObject result;
    for (const char* name : {"Enable", "AliyunEnvRoleKey"})
        if (in.contains(QLatin1String(name)))
            result.insert(QLatin1String(name), in.value(QLatin1String(name)));
    if (in.contains(u"Configs")) {
        QJsonArray configs;
        const QJsonArray inConfigs = in.value(u"Configs").toArray();
        for (qsizetype i = 0; i < inConfigs.size(); ++i) {
            const QString where = u"CredentialConfig.Configs[%1]"_s.arg(i);
            if (!inConfigs.at(i).isObject()) {
                *error = where + u" must be an object."_s;
                return false;
            }
            const QJsonObject c = inConfigs.at(i).toObject();
            if (!typed(c, QLatin1String("Key"), QJsonValue::String, where, error) ||
                !typed(c, QLatin1String("Type"), QJsonValue::String, where, error) ||
                !typed(c, QLatin1String("Roles"), QJsonValue::Array, where, error))
                return false;
            const QString type = c.value(u"Type").toString();
            if (c.contains(u"Type") && type != u"Role"_s && type != u"RoleChain"_s) {
                *error = u"%1.Type must be Role or RoleChain, not \"%2\"."_s.arg(where, type);
                return false;
            }
            QJsonObject config;
            for (const char* name : {"Key", "Type"})
                if (c.contains(QLatin1String(name)))
                    config.insert(QLatin1String(name), c.value(QLatin1String(name)));
            if (c.contains(u"Roles")) {
                QJsonArray roles;
                const QJsonArray inRoles = c.value(u"Roles").toArray();
                for (qsizetype j = 0; j < inRoles.size(); ++j) {
                    const QString roleWhere = where + u".Roles[%1]"_s.arg(j);
                    if (!inRoles.at(j).isObject()) {
                        *error = roleWhere + u" must be an object."_s;
                        return false;
                    }
                    const QJsonObject r = inRoles.at(j).toObject();
                    for (const char* name : {"RoleArn", "RoleType", "AssumeRoleFor", "Policy"})
                        if (!typed(r, QLatin1String(name), QJsonValue::String, roleWhere, error))
                            return false;
                    if (!typed(r, QLatin1String("UserInfo"), QJsonValue::Object, roleWhere, error))
                        return false;
                    if (r.contains(u"UserInfo") && rejectUserInfo) {
                        *error = roleWhere + u".UserInfo is filled in by the service; a request must not send it."_s;
                        return false;
                    }
                    const QString roleType = r.value(u"RoleType").toString();
                    if (r.contains(u"RoleType") && roleType != u"service"_s && roleType != u"user"_s) {
                        *error = u"%1.RoleType must be service or user, not \"%2\"."_s.arg(roleWhere, roleType);
                        return false;
                    }
                    QJsonObject role;
                    for (const char* name : {"RoleArn", "RoleType", "AssumeRoleFor", "Policy"})
                        if (r.contains(QLatin1String(name)))
                            role.insert(QLatin1String(name), r.value(QLatin1String(name)));
                    roles.append(role);
                }
                config.insert(u"Roles", roles);
            }
            configs.append(config);
        }
        result.insert(u"Configs", configs);
    }
    *out = QJsonDocument(result).toJson(QJsonDocument::Compact);
    return true;
}

RoleKind effectiveRole(const QByteArray& credentialConfig, QString* roleArn)
{
    if (roleArn)
        roleArn->clear();
    const QJsonObject o = QJsonDocument::fromJson(credentialConfig).object();
    if (!o.value(u"Enable").toBool(false))
        return RoleKind::None;
    const QJsonArray configs = o.value(u"Configs").toArray();
    const QString key = o.value(u"AliyunEnvRoleKey").toString();
    QJsonObject selected;
    if (!key.isEmpty()) {
        for (const QJsonValue& c : configs)
            if (c.toObject().value(u"Key").toString() == key)
                selected = c.toObject();
    } else if (configs.size() == 1) {
        selected = configs.first().toObject();
    }
    const QString type = selected.value(u"Type").toString();
    if (type == u"RoleChain"_s)
        return RoleKind::Default;
    if (type == u"Role"_s) {
        const QString arn = selected.value(u"Roles").toArray().first().toObject().value(u"RoleArn").toString();
        if (arn.isEmpty())
            return RoleKind::None;
        if (roleArn)
            *roleArn = arn;
        return RoleKind::Custom;
    }
    return RoleKind::None;
}

QString roleNameOfArn(const State& state, const QString& arn)
{
    const QString prefix = u"acs:ram::"_s + state.accountId + u":role/"_s;
    if (!arn.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    const Role* role = state.role(arn.mid(prefix.size()));
    return role ? role->name : QString();
}

QByteArray consoleCredentialConfig(const State& state, RoleKind kind, const QString& customRoleName)
{
    QJsonObject config;
    switch (kind) {
    case RoleKind::None:
        config = QJsonObject{{u"Enable"_s, false}, {u"Configs"_s, QJsonArray()}};
        break;
    case RoleKind::Default: {
        QJsonObject chain{{u"Key"_s, u"0"_s}, {u"Type"_s, u"RoleChain"_s}};
        if (const Role* role = state.defaultRole())
            chain.insert(u"Roles", QJsonArray{QJsonObject{{u"RoleArn"_s, state.roleArn(role->name)},
                                                          {u"RoleType"_s, u"service"_s}}});
        config = QJsonObject{{u"Enable"_s, true}, {u"AliyunEnvRoleKey"_s, u"0"_s}, {u"Configs"_s, QJsonArray{chain}}};
        break;
    }
    case RoleKind::Custom: {
        const QJsonObject role{{u"RoleArn"_s, state.roleArn(customRoleName)},
                               {u"RoleType"_s, u"service"_s},
                               {u"AssumeRoleFor"_s, state.accountId}};
        config = QJsonObject{
            {u"Enable"_s, true},
            {u"AliyunEnvRoleKey"_s, u"0"_s},
            {u"Configs"_s,
             QJsonArray{QJsonObject{{u"Key"_s, u"0"_s}, {u"Type"_s, u"Role"_s}, {u"Roles"_s, QJsonArray{role}}}}}};
        break;
    }
    }
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

QString roleKindToString(RoleKind kind)
{
    switch (kind) {
    case RoleKind::Default:
        return QStringLiteral("default");
    case RoleKind::Custom:
        return QStringLiteral("custom");
    case RoleKind::None:
        break;
    }
    return QStringLiteral("none");
}

bool fromJson(const QJsonObject& root, State* out, QString* error)
{
    State s;
    s.accountId = root.value(u"accountId").toString();
    s.region = root.value(u"region").toString(QStringLiteral("cn-hangzhou"));
    const QJsonObject admin = root.value(u"adminUser").toObject();
    s.adminUserName = admin.value(u"name").toString(QStringLiteral("roledesk-admin"));
    s.adminUserId = admin.value(u"id").toString();
    for (const QJsonValue& v : root.value(u"adminKeys").toArray()) {
        const QJsonObject k = v.toObject();
        const QString id = k.value(u"accessKeyId").toString();
        const QString secret = k.value(u"accessKeySecret").toString();
        if (id.isEmpty() || secret.isEmpty()) {
            *error = QStringLiteral("an adminKeys entry lacks accessKeyId or accessKeySecret");
            return false;
        }
        if (s.adminKeyId.isEmpty())
            s.adminKeyId = id;
        s.adminKeys.insert(id, secret);
    }
    if (s.accountId.isEmpty() || s.adminKeys.isEmpty()) {
        *error = QStringLiteral("the document needs \"accountId\" and at least one entry in \"adminKeys\"");
        return false;
    }
    s.credentialsSecret = QByteArray::fromHex(root.value(u"credentialsSecret").toString().toLatin1());
    if (s.credentialsSecret.size() < 16) {
        s.credentialsSecret.resize(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(s.credentialsSecret.data()), 8);
    }
    for (const QJsonValue& v : root.value(u"users").toArray()) {
        const QJsonObject o = v.toObject();
        s.users.append({o.value(u"id").toString(), o.value(u"name").toString()});
    }
    for (const QJsonValue& v : root.value(u"workspaces").toArray()) {
        const QJsonObject o = v.toObject();
        Workspace w;
        w.id = readId(o.value(u"id"));
        w.name = o.value(u"name").toString();
        w.displayName = o.value(u"displayName").toString(w.name);
        w.description = o.value(u"description").toString();
        w.ownerId = o.value(u"ownerId").toString();
        w.status = o.value(u"status").toString(QStringLiteral("Available"));
        w.devEnvironmentEnabled = o.value(u"devEnvironmentEnabled").toBool(true);
        w.devRoleDisabled = o.value(u"devRoleDisabled").toBool(false);
        w.aliyunResourceGroupId = o.value(u"aliyunResourceGroupId").toString();
        s.workspaces.append(w);
    }
    for (const QJsonValue& v : root.value(u"resourceGroups").toArray()) {
        const QJsonObject o = v.toObject();
        s.resourceGroups.append({readId(o.value(u"id")), o.value(u"name").toString()});
    }
    const qint64 baseMs = QDateTime(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    for (const QJsonValue& v : root.value(u"roles").toArray()) {
        const QJsonObject o = v.toObject();
        Role r;
        r.name = o.value(u"name").toString();
        r.roleId = o.value(u"roleId").toString();
        if (r.roleId.isEmpty())
            r.roleId = QString::number(300000000000000000ULL + (qHash(r.name) % 99999999999999ULL));
        r.description = o.value(u"description").toString();
        r.trustPolicy = o.value(u"trustPolicy").toObject();
        r.permissionPolicy = o.value(u"policy").toObject();
        r.maxSessionDuration = o.value(u"maxSessionDuration").toInt(3600);
        r.createDateMs = readTime(o.value(u"createDate"), baseMs);
        r.updateDateMs = readTime(o.value(u"updateDate"), r.createDateMs);
        r.isDataWorksDefault = o.value(u"dataWorksDefault").toBool(false);
        if (r.name.isEmpty()) {
            *error = QStringLiteral("a role has no name");
            return false;
        }
        s.roles.append(r);
    }
    for (const QJsonValue& v : root.value(u"maxComputeProjects").toArray()) {
        const QJsonObject o = v.toObject();
        MaxComputeProject p;
        p.name = o.value(u"name").toString();
        p.ownerId = o.value(u"ownerId").toString();
        p.comment = o.value(u"comment").toString();
        for (const QJsonValue& tv : o.value(u"tables").toArray()) {
            const QJsonObject t = tv.toObject();
            Table table;
            table.name = t.value(u"name").toString();
            table.tableId = t.value(u"tableId").toString();
            if (table.tableId.isEmpty())
                table.tableId =
                    QStringLiteral("%1").arg(qHash(p.name + table.name) & 0xffffffffffffULL, 32, 16, QLatin1Char('0'));
            table.ownerId = t.value(u"ownerId").toString(p.ownerId);
            table.comment = t.value(u"comment").toString();
            table.creationMs = readTime(t.value(u"creationTime"), baseMs);
            table.lastModifiedMs = readTime(t.value(u"lastModifiedTime"), table.creationMs);
            p.tables.append(table);
        }
        const QJsonObject gen = o.value(u"generateTables").toObject();
        if (!gen.isEmpty())
            generateTables(&p, gen.value(u"count").toInt(), gen.value(u"prefix").toString(), baseMs);
        std::sort(p.tables.begin(), p.tables.end(), [](const Table& a, const Table& b) { return a.name < b.name; });
        s.projects.append(p);
    }
    qint64 maxNumber = 0;
    for (const QJsonValue& v : root.value(u"environments").toArray()) {
        const QJsonObject o = v.toObject();
        Environment e;
        e.instanceId = o.value(u"instanceId").toString();
        e.name = o.value(u"name").toString();
        e.status = o.value(u"status").toString(QStringLiteral("Running"));
        e.projectId = readId(o.value(u"projectId"));
        e.resourceGroupId = readId(o.value(u"resourceGroupId"));
        if (e.resourceGroupId == 0 && !s.resourceGroups.isEmpty())
            e.resourceGroupId = s.resourceGroups.first().id;
        e.ownerId = o.value(u"ownerId").toString();
        e.subType = o.value(u"subType").toString(QStringLiteral("PERSONAL_DEV"));
        e.imageId = o.value(u"imageId").toString(QStringLiteral("System_serveride_notebook_20240822"));
        e.cu = o.value(u"cu").toInt(4);
        e.failReason = o.value(u"failReason").toString();
        e.createTimeMs = readTime(o.value(u"createTime"), baseMs);
        e.updateTimeMs = readTime(o.value(u"updateTime"), e.createTimeMs);
        e.roleKind = roleKindFromString(o.value(u"role").toString());
        e.customRoleName = o.value(u"roleName").toString();
        e.isPublic = o.value(u"visibility").toString() == QLatin1String("public");
        e.pendingStatus = o.value(u"pendingStatus").toString();
        e.pendingAtMs = readTime(o.value(u"pendingAt"));
        e.forwardInfos = forwardInfosFromJson(o.value(u"forwardInfos").toArray());
        if (e.instanceId.isEmpty() || (e.roleKind == RoleKind::Custom && !s.role(e.customRoleName))) {
            *error = QStringLiteral("environment \"%1\" has no instanceId or names an unknown custom role").arg(e.name);
            return false;
        }
        // A seed or state may give the CredentialConfig as the service stores it; the shorthand otherwise.
        const QJsonValue config = o.value(u"credentialConfig");
        if (config.isObject()) {
            QString configError;
            if (!normalizeCredentialConfig(QString::fromUtf8(QJsonDocument(config.toObject()).toJson()), false,
                                           &e.credentialConfig, &configError)) {
                *error = QStringLiteral("environment \"%1\": %2").arg(e.name, configError);
                return false;
            }
            QString arn;
            e.roleKind = effectiveRole(e.credentialConfig, &arn);
            e.customRoleName = roleNameOfArn(s, arn);
            if (e.roleKind == RoleKind::Custom && e.customRoleName.isEmpty()) {
                *error = QStringLiteral("environment \"%1\" names an unknown custom role %2").arg(e.name, arn);
                return false;
            }
        } else {
            e.credentialConfig = consoleCredentialConfig(s, e.roleKind, e.customRoleName);
        }
        maxNumber = qMax(maxNumber, e.instanceId.toLongLong());
        s.environments.append(e);
    }
    s.nextInstanceNumber = qMax<qint64>(root.value(u"nextInstanceNumber").toInteger(900001), maxNumber + 1);
    s.reindex();
    *out = std::move(s);
    return true;
}

QJsonObject toJson(const State& s)
{
    QJsonObject root;
    root.insert(u"format", QStringLiteral("roledesk-sandbox-state/1"));
    root.insert(u"accountId", s.accountId);
    root.insert(u"region", s.region);
    root.insert(u"adminUser", QJsonObject{{u"name"_s, s.adminUserName}, {u"id"_s, s.adminUserId}});
    QJsonArray keys;
    // The printed key first, so a reload prints the same one.
    keys.append(QJsonObject{{u"accessKeyId"_s, s.adminKeyId}, {u"accessKeySecret"_s, s.adminKeys.value(s.adminKeyId)}});
    for (auto it = s.adminKeys.cbegin(); it != s.adminKeys.cend(); ++it)
        if (it.key() != s.adminKeyId)
            keys.append(QJsonObject{{u"accessKeyId"_s, it.key()}, {u"accessKeySecret"_s, it.value()}});
    root.insert(u"adminKeys", keys);
    root.insert(u"credentialsSecret", QString::fromLatin1(s.credentialsSecret.toHex()));
    QJsonArray users;
    for (const User& u : s.users)
        users.append(QJsonObject{{u"id"_s, u.id}, {u"name"_s, u.name}});
    root.insert(u"users", users);
    QJsonArray workspaces;
    for (const Workspace& w : s.workspaces)
        workspaces.append(QJsonObject{{u"id"_s, w.id},
                                      {u"name"_s, w.name},
                                      {u"displayName"_s, w.displayName},
                                      {u"description"_s, w.description},
                                      {u"ownerId"_s, w.ownerId},
                                      {u"status"_s, w.status},
                                      {u"devEnvironmentEnabled"_s, w.devEnvironmentEnabled},
                                      {u"devRoleDisabled"_s, w.devRoleDisabled},
                                      {u"aliyunResourceGroupId"_s, w.aliyunResourceGroupId}});
    root.insert(u"workspaces", workspaces);
    QJsonArray groups;
    for (const ResourceGroup& g : s.resourceGroups)
        groups.append(QJsonObject{{u"id"_s, g.id}, {u"name"_s, g.name}});
    root.insert(u"resourceGroups", groups);
    QJsonArray roles;
    for (const Role& r : s.roles)
        roles.append(QJsonObject{{u"name"_s, r.name},
                                 {u"roleId"_s, r.roleId},
                                 {u"description"_s, r.description},
                                 {u"trustPolicy"_s, r.trustPolicy},
                                 {u"policy"_s, r.permissionPolicy},
                                 {u"maxSessionDuration"_s, r.maxSessionDuration},
                                 {u"createDate"_s, isoTime(r.createDateMs)},
                                 {u"updateDate"_s, isoTime(r.updateDateMs)},
                                 {u"dataWorksDefault"_s, r.isDataWorksDefault}});
    root.insert(u"roles", roles);
    QJsonArray projects;
    for (const MaxComputeProject& p : s.projects) {
        QJsonArray tables;
        for (const Table& t : p.tables)
            tables.append(QJsonObject{{u"name"_s, t.name},
                                      {u"tableId"_s, t.tableId},
                                      {u"ownerId"_s, t.ownerId},
                                      {u"comment"_s, t.comment},
                                      {u"creationTime"_s, t.creationMs},
                                      {u"lastModifiedTime"_s, t.lastModifiedMs}});
        projects.append(QJsonObject{
            {u"name"_s, p.name}, {u"ownerId"_s, p.ownerId}, {u"comment"_s, p.comment}, {u"tables"_s, tables}});
    }
    root.insert(u"maxComputeProjects", projects);
    QJsonArray envs;
    for (const Environment& e : s.environments) {
        QJsonObject o{{u"instanceId"_s, e.instanceId},
                      {u"name"_s, e.name},
                      {u"status"_s, e.status},
                      {u"projectId"_s, e.projectId},
                      {u"resourceGroupId"_s, e.resourceGroupId},
                      {u"ownerId"_s, e.ownerId},
                      {u"subType"_s, e.subType},
                      {u"imageId"_s, e.imageId},
                      {u"cu"_s, e.cu},
                      {u"createTime"_s, e.createTimeMs},
                      {u"updateTime"_s, e.updateTimeMs},
                      {u"role"_s, roleKindToString(e.roleKind)},
                      {u"visibility"_s, e.isPublic ? QStringLiteral("public") : QStringLiteral("private")}};
        if (!e.failReason.isEmpty())
            o.insert(u"failReason", e.failReason);
        if (e.roleKind == RoleKind::Custom)
            o.insert(u"roleName", e.customRoleName);
        o.insert(u"credentialConfig", QJsonDocument::fromJson(e.credentialConfig).object());
        if (!e.pendingStatus.isEmpty()) {
            o.insert(u"pendingStatus", e.pendingStatus);
            o.insert(u"pendingAt", e.pendingAtMs);
        }
        if (!e.forwardInfos.isEmpty())
            o.insert(u"forwardInfos", forwardInfosToJson(e.forwardInfos));
        envs.append(o);
    }
    root.insert(u"environments", envs);
    root.insert(u"nextInstanceNumber", s.nextInstanceNumber);
    return root;
}

void generateEnvironments(State* state, qsizetype count, qint64 nowMs)
{
    static const char* const words[] = {"notebook", "etl",     "feature", "report", "model",  "spark",
                                        "sql",      "explore", "agent",   "label",  "ingest", "quality"};
    static const char* const statuses[] = {"Running", "Running", "Running", "Stopped", "Stopped", "Running",
                                           "Stopped", "Failed",  "Saved",   "Running", "Stopped", "Arrearage"};
    QStringList customRoles;
    for (const Role& r : state->roles)
        if (!r.isDataWorksDefault && trustsService(r.trustPolicy, QStringLiteral("dataworks.aliyuncs.com")))
            customRoles.append(r.name);

    if (count <= state->environments.size()) {
        state->environments.resize(count);
        state->reindex();
        return;
    }
    const qsizetype seedCount = state->environments.size();
    const QByteArray defaultConfig = consoleCredentialConfig(*state, RoleKind::Default, {});
    const QByteArray noneConfig = consoleCredentialConfig(*state, RoleKind::None, {});
    QHash<QString, QByteArray> consoleConfigs;
    for (const QString& name : std::as_const(customRoles))
        consoleConfigs.insert(name, consoleCredentialConfig(*state, RoleKind::Custom, name));
    state->environments.reserve(count);
    const qsizetype users = qMax<qsizetype>(1, state->users.size());
    const qsizetype workspaces = state->workspaces.size();
    const qsizetype groups = state->resourceGroups.size();
    for (qsizetype i = seedCount; i < count; ++i) {
        Environment e;
        e.instanceId = QString::number(8000000 + i);
        const User owner = state->users.isEmpty() ? User{state->adminUserId, QStringLiteral("admin")}
                                                  : state->users.at((i * 7) % users);
        QString ownerTag = owner.name;
        ownerTag.replace(u'.', u'_');
        e.name = ownerTag + u'_' + QLatin1String(words[i % 12]) + u'_' + QString::number(i);
        e.status = QLatin1String(statuses[(i / 3) % 12]);
        if (e.status == QLatin1String("Failed"))
            e.failReason = QStringLiteral("Insufficient CU quota in the resource group");
        e.projectId = workspaces ? state->workspaces.at(i % workspaces).id : 0;
        e.resourceGroupId = groups ? state->resourceGroups.at(i % groups).id : 0;
        e.ownerId = owner.id;
        e.subType = i % 17 == 0 ? QStringLiteral("DATA_AGENT") : QStringLiteral("PERSONAL_DEV");
        e.imageId = i % 4 == 0 ? QStringLiteral("System_serveride_spark_20240901")
                               : QStringLiteral("System_serveride_notebook_20240822");
        e.cu = 2 << (i % 3);
        e.createTimeMs = nowMs - (count - i) * 60000;
        e.updateTimeMs = e.createTimeMs + 3600000;
        if (i % 5 == 0 && !customRoles.isEmpty()) {
            e.roleKind = RoleKind::Custom;
            e.customRoleName = customRoles.at((i / 5) % customRoles.size());
        } else if (i % 3 == 0) {
            e.roleKind = RoleKind::Default;
        }
        const QByteArray& config = e.roleKind == RoleKind::Custom    ? consoleConfigs[e.customRoleName]
                                   : e.roleKind == RoleKind::Default ? defaultConfig
                                                                     : noneConfig;
        e.credentialConfig = config; // shared, not copied
        e.isPublic = i % 10 == 3;
        state->environments.append(std::move(e));
    }
    state->nextInstanceNumber = qMax<qint64>(state->nextInstanceNumber, 8000000 + count);
    state->reindex();
}

QStringList readableProjectPatterns(const QJsonObject& policy)
{
    // INFERRED: RAM policies for MaxCompute use resources "acs:odps:*:projects/<project>[/...]" and actions
    // "odps:*", "odps:List", "odps:Read", ... (MaxCompute "policy-based access control" documentation).
    // The sandbox grants table listing in a project when an Allow statement names it with such an action.
    QStringList out;
    for (const QJsonValue& sv : policy.value(u"Statement").toArray()) {
        const QJsonObject st = sv.toObject();
        if (st.value(u"Effect").toString() != QLatin1String("Allow"))
            continue;
        bool readsOdps = false;
        for (const QString& action : asStringList(st.value(u"Action")))
            if (action == QLatin1String("*") || action.startsWith(QLatin1String("odps:")))
                readsOdps = true;
        if (!readsOdps)
            continue;
        for (const QString& resource : asStringList(st.value(u"Resource"))) {
            static const QRegularExpression re(QStringLiteral("^acs:odps:[^:]*:[^:]*:?projects/([^/]+)"));
            const auto m = re.match(resource);
            if (m.hasMatch() && !out.contains(m.captured(1)))
                out.append(m.captured(1));
            else if (resource == QLatin1String("*"))
                out.append(QStringLiteral("*"));
        }
    }
    return out;
}

bool trustsService(const QJsonObject& trustPolicy, const QString& service)
{
    for (const QJsonValue& sv : trustPolicy.value(u"Statement").toArray()) {
        const QJsonObject st = sv.toObject();
        if (st.value(u"Effect").toString() != QLatin1String("Allow"))
            continue;
        if (asStringList(st.value(u"Principal").toObject().value(u"Service")).contains(service))
            return true;
    }
    return false;
}

bool trustsAccount(const QJsonObject& trustPolicy, const QString& accountId)
{
    for (const QJsonValue& sv : trustPolicy.value(u"Statement").toArray()) {
        const QJsonObject st = sv.toObject();
        if (st.value(u"Effect").toString() != QLatin1String("Allow"))
            continue;
        for (const QString& p : asStringList(st.value(u"Principal").toObject().value(u"RAM")))
            if (p == accountId || p == QStringLiteral("acs:ram::") + accountId + QStringLiteral(":root"))
                return true;
    }
    return false;
}

} // namespace SandboxData
