#include "Environment.h"
#include "EnvironmentJson_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
struct StatusName
{
    EnvironmentStatus status;
    const char* api;
};

constexpr StatusName kStatusNames[] = {
    {EnvironmentStatus::Creating, "Creating"}, {EnvironmentStatus::Starting, "Starting"},
    {EnvironmentStatus::Running, "Running"},   {EnvironmentStatus::Stopping, "Stopping"},
    {EnvironmentStatus::Stopped, "Stopped"},   {EnvironmentStatus::Updating, "Updating"},
    {EnvironmentStatus::Deleting, "Deleting"}, {EnvironmentStatus::Deleted, "DELETED"},
    {EnvironmentStatus::Failed, "Failed"},     {EnvironmentStatus::Arrearage, "Arrearage"},
    {EnvironmentStatus::Saving, "Saving"},     {EnvironmentStatus::SaveFailed, "SaveFailed"},
    {EnvironmentStatus::Saved, "Saved"},
};

} // namespace

// The conversions of one JSON value, shared with the fast page parser (EnvironmentPageParser) so that both read
// the same answer into the same values.
namespace EnvironmentJson {

qint64 integerFromString(const QString& s)
{
    return s.trimmed().toLongLong();
}

double numberFromString(const QString& s)
{
    return s.trimmed().toDouble();
}

bool booleanFromString(const QString& s)
{
    return s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

// Ids and names are documented as strings but some arrive as numbers (ResourceGroupId is an
// integer in answers); read either without losing digits.
QString text(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        if (static_cast<double>(i) == d)
            return QString::number(i);
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

qint64 integer(const QJsonValue& v)
{
    if (v.isDouble())
        return v.toInteger();
    if (v.isString())
        return integerFromString(v.toString());
    return 0;
}

double number(const QJsonValue& v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString())
        return numberFromString(v.toString());
    return 0;
}

bool boolean(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return booleanFromString(v.toString());
    if (v.isDouble())
        return v.toDouble() != 0;
    return false;
}

QDateTime epochMs(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace EnvironmentJson

using namespace EnvironmentJson;

namespace {

// Nested objects travel as JSON strings in requests; accept that form in answers too.
QJsonValue nested(const QJsonValue& v)
{
    if (!v.isString())
        return v;
    const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue();
}

} // namespace

namespace EnvironmentStatuses {

QString toString(EnvironmentStatus status)
{
    for (const StatusName& s : kStatusNames) {
        if (s.status == status)
            return QString::fromLatin1(s.api);
    }
    return QStringLiteral("Unknown");
}

EnvironmentStatus fromString(const QString& text)
{
    for (const StatusName& s : kStatusNames) {
        if (text == QLatin1String(s.api))
            return s.status;
    }
    const QString trimmed = text.trimmed();
    for (const StatusName& s : kStatusNames) {
        if (trimmed.compare(QLatin1String(s.api), Qt::CaseInsensitive) == 0)
            return s.status;
    }
    return EnvironmentStatus::Unknown;
}

QString displayName(EnvironmentStatus status)
{
    switch (status) {
    case EnvironmentStatus::Creating:
        return QCoreApplication::translate("EnvironmentStatus", "Creating");
    case EnvironmentStatus::Starting:
        return QCoreApplication::translate("EnvironmentStatus", "Starting");
    case EnvironmentStatus::Running:
        return QCoreApplication::translate("EnvironmentStatus", "Running");
    case EnvironmentStatus::Stopping:
        return QCoreApplication::translate("EnvironmentStatus", "Stopping");
    case EnvironmentStatus::Stopped:
        return QCoreApplication::translate("EnvironmentStatus", "Stopped");
    case EnvironmentStatus::Updating:
        return QCoreApplication::translate("EnvironmentStatus", "Updating");
    case EnvironmentStatus::Deleting:
        return QCoreApplication::translate("EnvironmentStatus", "Deleting");
    case EnvironmentStatus::Deleted:
        return QCoreApplication::translate("EnvironmentStatus", "Deleted");
    case EnvironmentStatus::Failed:
        return QCoreApplication::translate("EnvironmentStatus", "Failed");
    case EnvironmentStatus::Arrearage:
        //: The Alibaba Cloud account has an overdue payment
        return QCoreApplication::translate("EnvironmentStatus", "Overdue payment");
    case EnvironmentStatus::Saving:
        return QCoreApplication::translate("EnvironmentStatus", "Saving");
    case EnvironmentStatus::SaveFailed:
        return QCoreApplication::translate("EnvironmentStatus", "Save failed");
    case EnvironmentStatus::Saved:
        return QCoreApplication::translate("EnvironmentStatus", "Saved");
    case EnvironmentStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("EnvironmentStatus", "Unknown");
}

QString displayText(EnvironmentStatus status, const QString& apiText)
{
    if (status == EnvironmentStatus::Unknown && !apiText.isEmpty())
        return apiText;
    return displayName(status);
}

QList<EnvironmentStatus> all()
{
    QList<EnvironmentStatus> list;
    for (const StatusName& s : kStatusNames)
        list << s.status;
    return list;
}

} // namespace EnvironmentStatuses

Environment Environment::fromJson(const QJsonObject& o, StringPool* pool)
{
    // Keys as UTF-16 views: QJsonObject compares them with its keys without converting each one (a third of the
    // time it took with QLatin1String keys).
    const auto shared = [pool](const QJsonValue& v) { return pool ? pool->intern(text(v)) : text(v); };
    Environment e;
    e.instanceId = text(o.value(u"InstanceId"));
    e.instanceName = text(o.value(u"InstanceName"));
    e.statusText = shared(o.value(u"Status"));
    e.status = EnvironmentStatuses::fromString(e.statusText);
    e.projectId = integer(o.value(u"ProjectId"));
    e.projectName = shared(o.value(u"ProjectName"));
    e.resourceGroupId = shared(o.value(u"ResourceGroupId"));
    e.resourceGroupName = shared(o.value(u"ResourceGroupName"));
    e.ownerId = shared(o.value(u"OwnerId"));
    e.imageId = shared(o.value(u"ImageId"));
    e.imageName = shared(o.value(u"ImageName"));
    e.imageUrl = shared(o.value(u"ImageUrl"));
    e.cu = number(o.value(u"Cu"));
    e.failReason = shared(o.value(u"FailReason"));
    e.createTimeMs = integer(o.value(u"CreateTime"));
    e.updateTimeMs = integer(o.value(u"UpdateTime"));
    e.createTime = epochMs(e.createTimeMs);
    e.updateTime = epochMs(e.updateTimeMs);

    const QJsonObject vpc = nested(o.value(u"UserVpc")).toObject();
    if (!vpc.isEmpty()) {
        e.userVpc.vpcId = shared(vpc.value(u"VpcId"));
        e.userVpc.vSwitchId = shared(vpc.value(u"VSwitchId"));
        e.userVpc.securityGroupId = shared(vpc.value(u"SecurityGroupId"));
        const QJsonArray forwards = vpc.value(u"ForwardInfos").toArray();
        if (!forwards.isEmpty())
            e.forwardInfos.reserve(forwards.size());
        for (const QJsonValue& v : forwards) {
            const QJsonObject f = v.toObject();
            ForwardInfo info;
            info.name = shared(f.value(u"Name"));
            info.enabled = boolean(f.value(u"Enable"));
            // An array of strings; a single string is read as a one-element list rather than ignored, so that an
            // "internet" sent that way still counts.
            const QJsonValue access = f.value(u"AccessType");
            if (access.isArray()) {
                for (const QJsonValue& a : access.toArray())
                    info.accessTypes << shared(a);
            } else if (access.isString()) {
                info.accessTypes << shared(access);
            }
            info.containerName = shared(f.value(u"ContainerName"));
            info.forwardPort = shared(f.value(u"ForwardPort"));
            info.externalPort = shared(f.value(u"ExternalPort"));
            info.hasEip = !text(f.value(u"EipAllocationId")).isEmpty();
            info.hasNatGateway = !text(f.value(u"NatGatewayId")).isEmpty();
            // Only whether a key is set: the key itself is never kept.
            info.hasSshPublicKey = !text(f.value(u"SSHPublicKey")).isEmpty();
            e.forwardInfos << info;
        }
    }

    const QJsonArray datasets = nested(o.value(u"Datasets")).toArray();
    if (!datasets.isEmpty())
        e.datasets.reserve(datasets.size());
    for (const QJsonValue& v : datasets) {
        const QJsonObject d = v.toObject();
        Dataset dataset;
        dataset.identifier = shared(d.value(u"Identifier"));
        dataset.mountPath = shared(d.value(u"MountPath"));
        dataset.readOnly = boolean(d.value(u"ReadOnly"));
        dataset.uri = shared(d.value(u"Uri"));
        e.datasets << dataset;
    }

    // The only read of CredentialConfig: the mapping never looks at UserInfo, where secrets live.
    e.role = RoleAssociation::fromCredentialConfig(o.value(u"CredentialConfig"));
    if (pool && e.role.isCustomRole())
        e.role = e.role.withRoleArn(pool->intern(e.role.roleArn()));
    return e;
}

bool ForwardInfo::isInternet() const
{
    if (!enabled)
        return false;
    for (const QString& type : accessTypes) {
        if (isInternetAccessType(type))
            return true;
    }
    return false;
}

bool ForwardInfo::isInternetAccessType(const QString& type)
{
    return type.trimmed().compare(u"internet", Qt::CaseInsensitive) == 0;
}

bool ForwardInfo::isIntranetAccessType(const QString& type)
{
    return type.trimmed().compare(u"intranet", Qt::CaseInsensitive) == 0;
}

QList<Environment> Environment::listFromAnswer(const QJsonObject& answer, StringPool* pool)
{
    QList<Environment> list;
    const QJsonArray instances = answer.value(u"PagingInfo").toObject().value(u"Instances").toArray();
    list.reserve(instances.size());
    for (const QJsonValue& v : instances)
        list.append(fromJson(v.toObject(), pool));
    return list;
}

Environment Environment::fromGetAnswer(const QJsonObject& answer)
{
    return fromJson(answer.value(QLatin1String("Instance")).toObject());
}

Workspace Workspace::fromJson(const QJsonObject& o)
{
    Workspace w;
    w.id = integer(o.value(QLatin1String("Id")));
    w.name = text(o.value(QLatin1String("Name")));
    w.displayName = text(o.value(QLatin1String("DisplayName")));
    w.owner = text(o.value(QLatin1String("Owner")));
    w.status = text(o.value(QLatin1String("Status")));
    w.devEnvironmentEnabled = boolean(o.value(QLatin1String("DevEnvironmentEnabled")));
    w.devRoleDisabled = boolean(o.value(QLatin1String("DevRoleDisabled")));
    w.description = text(o.value(QLatin1String("Description")));
    return w;
}

ProjectMember ProjectMember::fromJson(const QJsonObject& o)
{
    ProjectMember m;
    m.projectId = integer(o.value(QLatin1String("ProjectId")));
    m.userId = text(o.value(QLatin1String("UserId")));
    m.userName = text(o.value(QLatin1String("UserName")));
    m.status = text(o.value(QLatin1String("Status")));
    const QJsonArray roles = o.value(QLatin1String("Roles")).toArray();
    for (const QJsonValue& r : roles)
        m.roleCodes << text(r.toObject().value(QLatin1String("Code")));
    return m;
}

QDebug operator<<(QDebug debug, const RoleAssociation& role)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "RoleAssociation(" << RoleAssociation::kindToString(role.kind());
    if (role.isCustomRole())
        debug << ", " << role.roleArn();
    else if (role.isUnknown())
        debug << ", " << role.description();
    debug << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const Environment& e)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Environment(" << e.instanceId << ", " << e.instanceName << ", " << e.statusText << ", project "
                    << e.projectId << ", owner " << e.ownerId << ", " << e.role << ", updated "
                    << e.updateTime.toString(Qt::ISODateWithMs) << ')';
    return debug;
}
