#include "CliJson.h"

#include "api/RamClient.h"
#include "model/AuditLog.h"
#include "model/Environment.h"
#include "model/Exposure.h"
#include "model/RoleAssociation.h"
#include "model/TrustPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace CliJson {

QJsonValue isoUtc(const QDateTime& time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return isoUtcText(time);
}

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString isoUtcText(const QDateTime& time)
{
    const QDateTime utc = time.timeSpec() == Qt::UTC ? time : time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    const int year = date.year();
    if (year < 1000 || year > 9999)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    const int fields[] = {year / 100,   year % 100,     date.month(),  date.day(),
                          clock.hour(), clock.minute(), clock.second()};
    // "yyyy-MM-ddTHH:mm:ssZ": two digits per field, separators after each but the first.
    static constexpr char16_t separators[] = {0, u'-', u'-', u'T', u':', u':', u'Z'};
    QString text(20, Qt::Uninitialized);
    char16_t* out = reinterpret_cast<char16_t*>(text.data());
    for (int i = 0; i < 7; ++i) {
        *out++ = char16_t(u'0' + fields[i] / 10);
        *out++ = char16_t(u'0' + fields[i] % 10);
        if (separators[i])
            *out++ = separators[i];
    }
    return text;
}

QJsonObject role(const RoleAssociation& role)
{
    ObjectBuilder o;
    roleMembers(o, role);
    return o.object();
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
    ObjectBuilder o;
    environmentMembers(o, e, visibility, false);
    return o.object();
}

QJsonObject listedEnvironment(const Environment& e, Visibility visibility)
{
    ObjectBuilder o;
    environmentMembers(o, e, visibility, true);
    return o.object();
}

QJsonObject exposure(const Exposure& x)
{
    ObjectBuilder o;
    exposureMembers(o, x);
    return o.object();
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
