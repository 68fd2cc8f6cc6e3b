#include "AuditListCommand.h"

#include "CliJson.h"
#include "TablePrinter.h"

#include "model/AuditLog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

QString AuditListCommand::summary() const
{
    return tr("Show the local audit log of role changes.");
}

QDateTime AuditListCommand::parseSince(const QString& text)
{
    const QString t = text.trimmed();
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid() && t.size() == 10)
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

int AuditListCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    const QCommandLineOption since(QStringLiteral("since"),
                                   tr("Only entries at or after DATE (YYYY-MM-DD, UTC, or an ISO 8601 date-time)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption instance(QStringLiteral("instance"), tr("Only entries of this environment."),
                                      QStringLiteral("ID"));
    parser.addOptions({json, since, instance});
    if (const auto code = parse(parser, inv))
        return *code;
    AuditQuery query;
    if (parser.isSet(since)) {
        query.since = parseSince(parser.value(since));
        if (!query.since.isValid()) {
            inv.err << tr("--since takes a date such as 2026-11-01 or 2026-11-01T08:00:00Z.") << '\n';
            return CliExit::Usage;
        }
    }
    query.instanceId = parser.value(instance).trimmed();
    AuditLog log(inv.context.auditDatabasePath, inv.context.credentials.clock);
    QString error;
    if (!log.open(&error)) {
        inv.err << tr("Cannot open the audit log %1: %2").arg(log.databasePath(), error) << '\n';
        return CliExit::Failure;
    }
    const QList<AuditEntry> entries = log.query(query, &error);
    if (!error.isEmpty()) {
        inv.err << tr("Cannot read the audit log %1: %2").arg(log.databasePath(), error) << '\n';
        return CliExit::Failure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const AuditEntry& e : entries)
            array.append(CliJson::auditEntry(e));
        inv.out << QString::fromUtf8(CliJson::toText(array));
        return CliExit::Ok;
    }
    TablePrinter table({tr("TIME"), tr("ACTOR"), tr("ENVIRONMENT"), tr("FROM"), tr("TO"), tr("OVERRIDE"), tr("REASON"),
                        tr("OUTCOME")});
    for (const AuditEntry& e : entries)
        table.addRow({e.timeUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.actor,
                      e.environmentName.isEmpty() ? e.instanceId
                                                  : QStringLiteral("%1 (%2)").arg(e.instanceId, e.environmentName),
                      e.fromRole, e.toRole, e.override ? tr("yes") : QString(), e.reason, e.outcome});
    inv.out << table.toString();
    return CliExit::Ok;
}
