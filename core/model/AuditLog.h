#pragma once

#include "Environment.h"
#include "RoleAssociation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class Clock;

// One role change (or attempt) as the audit log keeps it. Roles are RoleAssociation::toString()
// forms ("none", "default", an ARN, "unknown"). Nothing secret belongs here: the actor is the caller
// identity ARN from STS GetCallerIdentity, never a key id.
struct AuditEntry
{
    qint64 id = 0;     // assigned by the log
    QDateTime timeUtc; // the log's clock when left invalid
    QString actor;     // caller identity ARN
    QString instanceId;
    QString environmentName;
    QString fromRole;
    QString toRole;
    bool override = false; // a needs-confirmation verdict was overridden
    QString reason;        // the typed override reason (secret-looking values are masked)
    QString outcome;       // e.g. "applied", "failed: NoPermission", "conflict"
    QString requestId;     // the API's RequestId, when there was one
    bool operator==(const AuditEntry&) const = default;
};

struct AuditQuery
{
    QDateTime since;    // inclusive; invalid = no lower bound
    QDateTime until;    // exclusive; invalid = no upper bound
    QString instanceId; // exact
    QString actor;      // case-insensitive substring
    QString text;       // case-insensitive substring of any text column
    int limit = 0;      // 0 = all
    bool newestFirst = false;
};

// The audit log of role changes: a local SQLite database through Qt SQL (QSQLITE). Each AuditLog owns
// a uniquely named connection, used only from the thread that opened it. Journal mode WAL with
// synchronous=FULL, so an appended entry survives a crash or power loss once append() returned true.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    // An empty path means defaultDatabasePath(); a null clock means Clock::system().
    explicit AuditLog(const QString& databasePath = QString(), const Clock* clock = nullptr);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // <AppDataLocation>/audit.sqlite
    static QString defaultDatabasePath();

    // The words a person reads for what an entry stores (translated): a role ("none", "default", an ARN) as the
    // role table's cell, an outcome ("applied", "failed: <code>", "stop: stopped", ...) in words with any code kept.
    // Unknown texts are shown as stored. The stored text itself stays as it is (CSV export, the CLI's JSON).
    static QString roleDisplayText(const QString& stored);
    static QString outcomeDisplayText(const QString& stored);
    const QString& databasePath() const { return m_path; }
    const QString& connectionName() const { return m_connectionName; }

    // Creates the folder, the file and the schema as needed.
    bool open(QString* error = nullptr);
    bool isOpen() const;
    void close();

    // Stores the entry (time from the clock when invalid) and sets its id.
    bool append(AuditEntry& entry, QString* error = nullptr);
    // Convenience for front ends: one call after an update attempt.
    bool recordChange(const QString& actor, const Environment& environment, const RoleAssociation& from,
                      const RoleAssociation& to, bool override, const QString& reason, const QString& outcome,
                      const QString& requestId = QString(), QString* error = nullptr);

    // Oldest first unless query.newestFirst.
    QList<AuditEntry> query(const AuditQuery& query = AuditQuery(), QString* error = nullptr) const;

    // RFC 4180 CSV (CRLF line ends, fields quoted when needed, quotes doubled), with a header line.
    // Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading '.
    static QString csvHeader();
    static QString toCsv(const QList<AuditEntry>& entries);
    // Writes toCsv(query(q)) atomically to path.
    bool exportCsv(const QString& path, const AuditQuery& query = AuditQuery(), QString* error = nullptr) const;

private:
    QString m_path;
    const Clock* m_clock;
    QString m_connectionName;
};
