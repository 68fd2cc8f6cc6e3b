#include "CliJson.h"

#include "api/RamClient.h"
#include "model/AuditLog.h"
#include "model/Environment.h"
#include "model/RoleAssociation.h"
#include "model/TrustPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace CliJson {

QJsonValue isoUtc(const QDateTime& time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject role(const RoleAssociation& role)
{
    QJsonObject o{{QStringLiteral("kind"), RoleAssociation::kindToString(role.kind())},
                  {QStringLiteral("arn"), role.isCustomRole() ? QJsonValue(role.roleArn()) : QJsonValue()}};
    // Added, only when the configuration says so: the roles a default-role chain names, a custom role's type and the
    // session policy that restricts it.
    if (!role.chainRoles().isEmpty()) {
        QJsonArray chain;
        for (const RoleAssociation::ChainRole& r : role.chainRoles())
            chain.append(r.roleArn);
        o.insert(QStringLiteral("chainRoles"), chain);
    }
    if (!role.roleType().isEmpty())
        o.insert(QStringLiteral("roleType"), role.roleType());
    if (role.isRestricted())
        o.insert(QStringLiteral("sessionPolicy"), role.sessionPolicy());
    return o;
}

QJsonObject roleFromString(const QString& stored)
{
    RoleAssociation parsed;
    if (RoleAssociation::fromString(stored, &parsed))
        return role(parsed);
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("unknown")}, {QStringLiteral("arn"), QJsonValue()}};
}

QJsonObject environment(const Environment& e, Visibility visibility)
{
    QJsonObject o;
    o.insert(QStringLiteral("instanceId"), e.instanceId);
    o.insert(QStringLiteral("name"), e.instanceName);
    o.insert(QStringLiteral("status"), e.statusText.isEmpty() ? EnvironmentStatuses::toString(e.status) : e.statusText);
    o.insert(QStringLiteral("projectId"), e.projectId);
    o.insert(QStringLiteral("projectName"), e.projectName);
    o.insert(QStringLiteral("ownerId"), e.ownerId);
    o.insert(QStringLiteral("visibility"), Visibilities::toString(visibility));
    o.insert(QStringLiteral("role"), role(e.role));
    o.insert(QStringLiteral("updateTime"), isoUtc(e.updateTime));
    return o;
}

QJsonObject trust(const TrustPolicy& policy)
{
    if (policy.isValid())
        return policy.toJson();
    return QJsonObject{{QStringLiteral("services"), QJsonArray()}, {QStringLiteral("accounts"), QJsonArray()}};
}

QJsonObject ramRole(const RamRole& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), r.roleName);
    o.insert(QStringLiteral("arn"), r.arn);
    o.insert(QStringLiteral("trust"), trust(r.trustPolicy));
    o.insert(QStringLiteral("description"), r.description);
    o.insert(QStringLiteral("maxSessionDuration"), r.maxSessionDuration);
    return o;
}

QJsonObject auditEntry(const AuditEntry& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), isoUtc(e.timeUtc));
    o.insert(QStringLiteral("actor"), e.actor);
    o.insert(QStringLiteral("instanceId"), e.instanceId);
    o.insert(QStringLiteral("from"), roleFromString(e.fromRole));
    o.insert(QStringLiteral("to"), roleFromString(e.toRole));
    o.insert(QStringLiteral("override"), e.override);
    o.insert(QStringLiteral("reason"), stringOrNull(e.reason));
    o.insert(QStringLiteral("environmentName"), e.environmentName);
    o.insert(QStringLiteral("outcome"), e.outcome);
    o.insert(QStringLiteral("requestId"), stringOrNull(e.requestId)); // added: the API's RequestId of the write
    return o;
}

QByteArray toText(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    return toLine(value);
}

QByteArray toLine(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact) + '\n';
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact) + '\n';
    // A bare value: wrap and unwrap so strings are escaped the JSON way.
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2) + '\n';
}

} // namespace CliJson
