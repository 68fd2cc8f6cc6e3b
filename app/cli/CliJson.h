#pragma once

#include "model/Visibility.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

struct AuditEntry;
struct Environment;
struct RamRole;
class RoleAssociation;
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
// {"instanceId", "name", "status", "projectId", "projectName", "ownerId", "visibility", "role", "updateTime"}
QJsonObject environment(const Environment& environment, Visibility visibility);
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
