#pragma once

#include "model/Environment.h"
#include "model/RoleAssociation.h"
#include "model/Visibility.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include "model/Exposure.h"

struct AuditEntry;
struct RamRole;
class TrustPolicy;

// The JSON shapes of the command line's contract (docs/CLI.md). Member names are stable: add, never rename.
// JSON output is never translated.
namespace CliJson {

// "2026-11-01T08:15:00Z" (UTC, seconds); null for an invalid time.
QJsonValue isoUtc(const QDateTime& time);
// {"kind": "default|custom|none|unknown", "arn": <string or null>}
QJsonObject role(const RoleAssociation& role);
// The same from the audit log's stored form ("none", "default", an ARN, "unknown").
QJsonObject roleFromString(const QString& stored);
// {"instanceId", "name", "status", "projectId", "projectName", "ownerId", "ownerName", "visibility", "role",
// "updateTime"} plus "exposure" (exposure() below).
QJsonObject environment(const Environment& environment, Visibility visibility);
// {"internet": bool, "internetWithRole": bool, "internetPorts": ["22->22026", ...], "forwards": [{"name",
// "enabled", "accessTypes": [...], "containerName", "forwardPort", "externalPort", "eip", "natGateway", "sshKeySet",
// "internet"}]}: only facts that are not secret (no key material, no EIP / NAT gateway ids).
QJsonObject exposure(const Exposure& exposure);

// The same plus "updateTimeMs": what `envs list` and `envs show` print for each environment.
QJsonObject listedEnvironment(const Environment& environment, Visibility visibility);

// Builds a QJsonObject through the member functions of JsonStream::ObjectWriter, so that one template
// (environmentMembers() below) describes a shape both as a QJsonObject and as streamed JSON.
class ObjectBuilder
{
public:
    void add(const char* key, const QString& text) { m_object.insert(QLatin1String(key), text); }
    void add(const char* key, qint64 number) { m_object.insert(QLatin1String(key), number); }
    void add(const char* key, bool value) { m_object.insert(QLatin1String(key), value); }
    void addDouble(const char* key, double number) { m_object.insert(QLatin1String(key), number); }
    void addNull(const char* key) { m_object.insert(QLatin1String(key), QJsonValue()); }
    void add(const char* key, const QJsonValue& value) { m_object.insert(QLatin1String(key), value); }
    void addStringArray(const char* key, const QStringList& items)
    {
        m_object.insert(QLatin1String(key), QJsonArray::fromStringList(items));
    }
    template<typename Members>
    void addObject(const char* key, Members&& members)
    {
        ObjectBuilder nested;
        members(nested);
        m_object.insert(QLatin1String(key), nested.m_object);
    }
    template<typename Element>
    void addObjectArray(const char* key, qsizetype count, Element&& element)
    {
        QJsonArray array;
        for (qsizetype i = 0; i < count; ++i) {
            ObjectBuilder nested;
            element(i, nested);
            array.append(nested.m_object);
        }
        m_object.insert(QLatin1String(key), array);
    }
    QJsonObject object() const { return m_object; }

private:
    QJsonObject m_object;
};

// "2026-11-01T08:15:00Z", the text isoUtc() gives for a valid time, written without QDateTime::toString().
QString isoUtcText(const QDateTime& time);

// The members of role(): {"kind", "arn"} plus "chainRoles", "roleType" and "sessionPolicy" when set.
template<typename Out>
void roleMembers(Out& o, const RoleAssociation& role)
{
    // (In key order: the streamed writer then skips its sort.)
    if (role.isCustomRole())
        o.add("arn", role.roleArn());
    else
        o.addNull("arn");
    // Added, only when the configuration says so: the roles a default-role chain names, a custom role's type and the
    // session policy that restricts it.
    if (!role.chainRoles().isEmpty()) {
        QJsonArray chain;
        for (const RoleAssociation::ChainRole& r : role.chainRoles())
            chain.append(r.roleArn);
        o.add("chainRoles", QJsonValue(chain));
    }
    o.add("kind", RoleAssociation::kindToString(role.kind()));
    if (!role.roleType().isEmpty())
        o.add("roleType", role.roleType());
    if (role.isRestricted())
        o.add("sessionPolicy", role.sessionPolicy());
}

// The members of exposure() (see there).
template<typename Out>
void exposureMembers(Out& o, const Exposure& x)
{
    // (In key order, the order they are written in: the streamed writer then skips its sort.)
    o.addObjectArray("forwards", x.forwards.size(), [&x](qsizetype i, auto& f) {
        const ForwardInfo& forward = x.forwards.at(i);
        f.addStringArray("accessTypes", forward.accessTypes);
        f.add("containerName", forward.containerName);
        f.add("eip", forward.hasEip);
        f.add("enabled", forward.enabled);
        f.add("externalPort", forward.externalPort);
        f.add("forwardPort", forward.forwardPort);
        f.add("internet", forward.isInternet());
        f.add("name", forward.name);
        f.add("natGateway", forward.hasNatGateway);
        f.add("sshKeySet", forward.hasSshPublicKey);
    });
    o.add("internet", x.isInternetReachable());
    o.addStringArray("internetPorts", x.internetPortTexts());
    o.add("internetWithRole", x.isInternetReachableWithRole());
}

// The members of environment() (and, withUpdateTimeMs, of listedEnvironment()). Out is ObjectBuilder (a
// QJsonObject: `envs show`, `role set`) or JsonStream::ObjectWriter (`envs list --json`, streamed). Members come
// out sorted by key either way: add a member with one more line here, in any place.
template<typename Out>
void environmentMembers(Out& o, const Environment& e, Visibility visibility, bool withUpdateTimeMs)
{
    // (In key order, the order they are written in: the streamed writer then skips its sort. Any order is right.)
    const Exposure x = Exposure::of(e, visibility);
    o.addObject("exposure", [&x](auto& members) { exposureMembers(members, x); });
    o.add("instanceId", e.instanceId);
    o.add("name", e.instanceName);
    o.add("ownerId", e.ownerId);
    // Added (issue 13): the owner's name from ListProjectMembers, null when it could not be resolved.
    if (e.ownerName.isEmpty())
        o.addNull("ownerName");
    else
        o.add("ownerName", e.ownerName);
    o.add("projectId", qint64(e.projectId));
    o.add("projectName", e.projectName);
    o.addObject("role", [&](auto& r) { roleMembers(r, e.role); });
    o.add("status", e.statusText.isEmpty() ? EnvironmentStatuses::toString(e.status) : e.statusText);
    if (e.updateTime.isValid())
        o.add("updateTime", isoUtcText(e.updateTime));
    else
        o.addNull("updateTime");
    if (withUpdateTimeMs)
        o.addDouble("updateTimeMs", double(e.updateTimeMs));
    o.add("visibility", Visibilities::toString(visibility));
}
// {"services": [...], "accounts": [...]}, empty lists for an unreadable policy.
QJsonObject trust(const TrustPolicy& policy);
// {"name", "arn", "trust": {...}} plus "description" and "maxSessionDuration".
QJsonObject ramRole(const RamRole& role);
// {"time", "actor", "instanceId", "from": {...}, "to": {...}, "override", "reason": <string or null>} plus
// "environmentName" and "outcome".
QJsonObject auditEntry(const AuditEntry& entry);
// A string or null when empty.
QJsonValue stringOrNull(const QString& text);

// Indented JSON followed by a newline (what the commands print).
QByteArray toText(const QJsonValue& value);
// One compact line followed by a newline (JSON lines: creds watch, serve).
QByteArray toLine(const QJsonValue& value);

} // namespace CliJson
