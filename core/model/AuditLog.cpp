#include "AuditLog.h"

#include "RoleAssociation.h"

#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace {
QAtomicInteger<quint64> g_connectionCounter;

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS role_changes ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " time_ms INTEGER NOT NULL,"
    " actor TEXT NOT NULL DEFAULT '',"
    " instance_id TEXT NOT NULL,"
    " environment_name TEXT NOT NULL DEFAULT '',"
    " from_role TEXT NOT NULL DEFAULT '',"
    " to_role TEXT NOT NULL DEFAULT '',"
    " override INTEGER NOT NULL DEFAULT 0,"
    " reason TEXT NOT NULL DEFAULT '',"
    " outcome TEXT NOT NULL DEFAULT '',"
    " request_id TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS role_changes_time ON role_changes(time_ms)",
    "CREATE INDEX IF NOT EXISTS role_changes_instance ON role_changes(instance_id)",
    "PRAGMA user_version = 1",
};

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QVariant textValue(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString csvField(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == u'=' || v.front() == u'+' || v.front() == u'-' || v.front() == u'@' ||
                         v.front() == u'\t' || v.front() == u'\r'))
        v.prepend(QLatin1Char('\''));
    const bool needsQuotes = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
                             v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) ||
                             (!v.isEmpty() && (v.front().isSpace() || v.back().isSpace()));
    if (!needsQuotes)
        return v;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}
} // namespace

AuditLog::AuditLog(const QString& databasePath, const Clock* clock)
    : m_path(databasePath.isEmpty() ? defaultDatabasePath() : databasePath)
    , m_clock(clock ? clock : Clock::system())
    , m_connectionName(QStringLiteral("roledesk-audit-%1").arg(++g_connectionCounter))
{}

AuditLog::~AuditLog()
{
    close();
}

QString AuditLog::defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.sqlite");
}

bool AuditLog::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void AuditLog::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool AuditLog::open(QString* error)
{
    if (isOpen())
        return true;
    auto fail = [&](const QString& what) {
        if (error)
            *error = what;
        qCWarning(lcModel).noquote() << what;
        close();
        return false;
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("The audit log needs the Qt SQLite driver (QSQLITE), which is not installed. Install the "
                       "Qt 6 SQLite plugin (Debian: libqt6sql6-sqlite)."));
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(tr("Cannot create the folder %1 for the audit log.").arg(info.absolutePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        if (!db.open())
            return fail(tr("Cannot open the audit log %1: %2.").arg(m_path, db.lastError().text()));
        QSqlQuery q(db);
        // WAL + FULL: a committed entry is on disk before append() returns, and a crash mid-write cannot
        // damage the entries before it.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
            q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return fail(tr("Cannot switch the audit log %1 to write-ahead logging: %2. Check that the folder is "
                           "writable and on a local disk.")
                            .arg(m_path, q.lastError().text()));
        if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")))
            return fail(tr("Cannot configure the audit log %1: %2.").arg(m_path, q.lastError().text()));
        for (const char* statement : kSchema) {
            if (!q.exec(QString::fromLatin1(statement)))
                return fail(tr("Cannot prepare the audit log %1: %2. If the file is damaged, move it away; "
                               "RoleDesk will start a new one.")
                                .arg(m_path, q.lastError().text()));
        }
    }
    return true;
}

bool AuditLog::append(AuditEntry& entry, QString* error)
{
    if (!isOpen() && !open(error))
        return false;
    if (!entry.timeUtc.isValid())
        entry.timeUtc = m_clock->nowUtc();
    entry.timeUtc = entry.timeUtc.toUTC();
    // A reason is typed by a person: mask anything in it that looks like a secret before it is kept.
    entry.reason = Redaction::redactSecrets(entry.reason);

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO role_changes (time_ms, actor, instance_id, environment_name, from_role, "
                             "to_role, override, reason, outcome, request_id) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(entry.timeUtc.toMSecsSinceEpoch());
    q.addBindValue(textValue(entry.actor));
    q.addBindValue(textValue(entry.instanceId));
    q.addBindValue(textValue(entry.environmentName));
    q.addBindValue(textValue(entry.fromRole));
    q.addBindValue(textValue(entry.toRole));
    q.addBindValue(entry.override ? 1 : 0);
    q.addBindValue(textValue(entry.reason));
    q.addBindValue(textValue(entry.outcome));
    q.addBindValue(textValue(entry.requestId));
    if (!q.exec()) {
        const QString what = tr("Cannot write to the audit log %1: %2. The role change itself is not affected; "
                                "check the disk space and permissions.")
                                 .arg(m_path, q.lastError().text());
        if (error)
            *error = what;
        qCWarning(lcModel).noquote() << what;
        return false;
    }
    entry.id = q.lastInsertId().toLongLong();
    qCInfo(lcModel) << "Audit: role change of" << entry.instanceId << "from" << entry.fromRole << "to" << entry.toRole
                    << "by" << entry.actor << (entry.override ? "(override)" : "") << entry.outcome;
    return true;
}

bool AuditLog::recordChange(const QString& actor, const Environment& environment, const RoleAssociation& from,
                            const RoleAssociation& to, bool override, const QString& reason, const QString& outcome,
                            const QString& requestId, QString* error)
{
    AuditEntry entry;
    entry.actor = actor;
    entry.instanceId = environment.instanceId;
    entry.environmentName = environment.instanceName;
    entry.fromRole = from.toString();
    entry.toRole = to.toString();
    entry.override = override;
    entry.reason = reason;
    entry.outcome = outcome;
    entry.requestId = requestId;
    return append(entry, error);
}

QList<AuditEntry> AuditLog::query(const AuditQuery& query, QString* error) const
{
    QList<AuditEntry> entries;
    if (!isOpen()) {
        if (error)
            *error = tr("The audit log %1 is not open.").arg(m_path);
        return entries;
    }
    QStringList where;
    QVariantList values;
    if (query.since.isValid()) {
        where << QStringLiteral("time_ms >= ?");
        values << query.since.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        where << QStringLiteral("time_ms < ?");
        values << query.until.toMSecsSinceEpoch();
    }
    if (!query.instanceId.isEmpty()) {
        where << QStringLiteral("instance_id = ?");
        values << query.instanceId;
    }
    if (!query.actor.isEmpty()) {
        where << QStringLiteral("actor LIKE ? ESCAPE '\\'");
        values << likePattern(query.actor);
    }
    if (!query.text.isEmpty()) {
        QStringList columns{
            QStringLiteral("actor"),     QStringLiteral("instance_id"), QStringLiteral("environment_name"),
            QStringLiteral("from_role"), QStringLiteral("to_role"),     QStringLiteral("reason"),
            QStringLiteral("outcome"),   QStringLiteral("request_id")};
        QStringList any;
        for (const QString& c : std::as_const(columns)) {
            any << c + QStringLiteral(" LIKE ? ESCAPE '\\'");
            values << likePattern(query.text);
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    QString sql = QStringLiteral("SELECT id, time_ms, actor, instance_id, environment_name, from_role, to_role, "
                                 "override, reason, outcome, request_id FROM role_changes");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += query.newestFirst ? QStringLiteral(" ORDER BY time_ms DESC, id DESC")
                             : QStringLiteral(" ORDER BY time_ms ASC, id ASC");
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the audit log %1: %2.").arg(m_path, q.lastError().text());
        return entries;
    }
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.timeUtc = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        e.actor = q.value(2).toString();
        e.instanceId = q.value(3).toString();
        e.environmentName = q.value(4).toString();
        e.fromRole = q.value(5).toString();
        e.toRole = q.value(6).toString();
        e.override = q.value(7).toInt() != 0;
        e.reason = q.value(8).toString();
        e.outcome = q.value(9).toString();
        e.requestId = q.value(10).toString();
        entries << e;
    }
    return entries;
}

QString AuditLog::csvHeader()
{
    return QStringLiteral("time_utc,actor,instance_id,environment_name,from_role,to_role,override,reason,outcome,"
                          "request_id");
}

QString AuditLog::toCsv(const QList<AuditEntry>& entries)
{
    QString out = csvHeader() + QStringLiteral("\r\n");
    for (const AuditEntry& e : entries) {
        const QStringList fields{e.timeUtc.toUTC().toString(Qt::ISODateWithMs),
                                 e.actor,
                                 e.instanceId,
                                 e.environmentName,
                                 e.fromRole,
                                 e.toRole,
                                 e.override ? QStringLiteral("yes") : QStringLiteral("no"),
                                 e.reason,
                                 e.outcome,
                                 e.requestId};
        QStringList quoted;
        for (const QString& f : fields)
            quoted << csvField(f);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

bool AuditLog::exportCsv(const QString& path, const AuditQuery& query, QString* error) const
{
    QString queryError;
    const QList<AuditEntry> entries = this->query(query, &queryError);
    if (!queryError.isEmpty()) {
        if (error)
            *error = queryError;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2. Choose another file.").arg(path, file.errorString());
        return false;
    }
    file.write(toCsv(entries).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString AuditLog::roleDisplayText(const QString& stored)
{
    RoleAssociation role;
    if (stored == QLatin1String("unknown"))
        return RoleAssociation::kindDisplayName(RoleAssociation::Kind::Unknown);
    return RoleAssociation::fromString(stored, &role) ? role.displayText(RoleAssociation::TextForm::Cell) : stored;
}

QString AuditLog::outcomeDisplayText(const QString& stored)
{
    // The outcome texts RoleChange::auditOutcome(), RuleApplier and EnvironmentStop write; a code after ": " stays.
    const auto word = [](const QString& text) -> QString {
        if (text == QLatin1String("applied"))
            return tr("applied");
        if (text == QLatin1String("no-change"))
            return tr("no change");
        if (text == QLatin1String("refused"))
            return tr("refused");
        if (text == QLatin1String("needs-confirmation"))
            return tr("needs confirmation");
        if (text == QLatin1String("not-confirmed"))
            return tr("not confirmed");
        if (text == QLatin1String("conflict"))
            return tr("conflict");
        if (text == QLatin1String("failed"))
            return tr("failed");
        if (text == QLatin1String("skipped"))
            return tr("skipped");
        if (text == QLatin1String("stopped"))
            return tr("stopped");
        if (text == QLatin1String("requested"))
            return tr("requested");
        if (text == QLatin1String("already stopped"))
            return tr("already stopped");
        if (text == QLatin1String("cancelled"))
            return tr("cancelled");
        if (text == QLatin1String("cancelled (request sent)"))
            return tr("cancelled (request sent)");
        return {};
    };
    if (const QString whole = word(stored); !whole.isEmpty())
        return whole;
    if (stored.startsWith(QLatin1String("stop: "))) {
        const QString rest = stored.mid(6);
        return tr("stop: %1").arg(outcomeDisplayText(rest));
    }
    if (stored.startsWith(QLatin1String("applied, read back differs: ")))
        return tr("applied, read back differs: %1").arg(stored.mid(28));
    if (stored.startsWith(QLatin1String("failed: ")))
        return tr("failed: %1").arg(stored.mid(8));
    return stored;
}
