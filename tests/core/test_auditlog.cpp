#include "MockClock.h"
#include "model/AuditLog.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {
const QString kActor = QStringLiteral("acs:ram::1234567890123456:assumed-role/AdminRole/alice");

AuditEntry entry(const QString& instance, const QString& from, const QString& to)
{
    AuditEntry e;
    e.actor = kActor;
    e.instanceId = instance;
    e.environmentName = QStringLiteral("env_") + instance;
    e.fromRole = from;
    e.toRole = to;
    e.outcome = QStringLiteral("applied");
    e.requestId = QStringLiteral("REQ-") + instance;
    return e;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPath() { QVERIFY(AuditLog::defaultDatabasePath().endsWith(QLatin1String("/audit.sqlite"))); }

    void displayTexts()
    {
        // What the audit dialog shows for what is stored (seen in zh_CN as raw "none", "default", "applied").
        QCOMPARE(AuditLog::roleDisplayText(QStringLiteral("none")), QStringLiteral("No role"));
        QCOMPARE(AuditLog::roleDisplayText(QStringLiteral("default")), QStringLiteral("DataWorks default role"));
        QVERIFY(AuditLog::roleDisplayText(QStringLiteral("acs:ram::1380246718450127:role/PartnerEtlRole"))
                    .contains(QStringLiteral("PartnerEtlRole")));
        QCOMPARE(AuditLog::roleDisplayText(QStringLiteral("something else")), QStringLiteral("something else"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("applied")), QStringLiteral("applied"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("no-change")), QStringLiteral("no change"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("failed: NoPermission")),
                 QStringLiteral("failed: NoPermission"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("stop: cancelled (request sent)")),
                 QStringLiteral("stop: cancelled (request sent)"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("needs-confirmation")),
                 QStringLiteral("needs confirmation"));
        QCOMPARE(AuditLog::outcomeDisplayText(QStringLiteral("a new outcome")), QStringLiteral("a new outcome"));
    }

    void writeReopenRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/audit.sqlite"));
        MockClock clock;
        {
            AuditLog log(path, &clock);
            QString error;
            QVERIFY2(log.open(&error), qPrintable(error));
            AuditEntry a = entry(QStringLiteral("699573"), QStringLiteral("none"), QStringLiteral("default"));
            QVERIFY2(log.append(a, &error), qPrintable(error));
            QVERIFY(a.id > 0);
            QCOMPARE(a.timeUtc, clock.nowUtc());
            clock.advanceHour();
            Environment env;
            env.instanceId = QStringLiteral("699574");
            env.instanceName = QStringLiteral("notebook_dev");
            QVERIFY(log.recordChange(kActor, env, RoleAssociation::none(),
                                     RoleAssociation::customRole(QStringLiteral("acs:ram::1:role/R")), true,
                                     QStringLiteral("shared demo, ticket OPS-1"), QStringLiteral("applied"),
                                     QStringLiteral("REQ-2"), &error));
        }
        AuditLog reopened(path, &clock);
        QVERIFY(reopened.open());
        const QList<AuditEntry> all = reopened.query();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).instanceId, QStringLiteral("699573"));
        QCOMPARE(all.at(0).timeUtc, QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
        QCOMPARE(all.at(0).requestId, QStringLiteral("REQ-699573"));
        QCOMPARE(all.at(1).environmentName, QStringLiteral("notebook_dev"));
        QCOMPARE(all.at(1).fromRole, QStringLiteral("none"));
        QCOMPARE(all.at(1).toRole, QStringLiteral("acs:ram::1:role/R"));
        QVERIFY(all.at(1).override);
        QCOMPARE(all.at(1).reason, QStringLiteral("shared demo, ticket OPS-1"));
        QCOMPARE(all.at(1).actor, kActor);
        QCOMPARE(all.at(1).timeUtc.timeSpec(), Qt::UTC);
    }

    void walAndFullSync()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(log.open());
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
    }

    void twoLogsHaveTheirOwnConnections()
    {
        QTemporaryDir dir;
        AuditLog a(dir.filePath(QStringLiteral("a.sqlite")));
        AuditLog b(dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(a.connectionName() != b.connectionName());
        QVERIFY(a.open());
        QVERIFY(b.open());
        AuditEntry e = entry(QStringLiteral("1"), QStringLiteral("none"), QStringLiteral("default"));
        QVERIFY(a.append(e));
        QCOMPARE(a.query().size(), 1);
        QCOMPARE(b.query().size(), 0);
        a.close();
        QVERIFY(!a.isOpen());
        QVERIFY(!QSqlDatabase::contains(a.connectionName()));
    }

#ifdef Q_OS_UNIX
    void survivesAProcessThatDiesWithoutClosing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
        const pid_t pid = fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            // The child appends and dies at once: no close, no destructor, no WAL checkpoint.
            AuditLog log(path);
            AuditEntry e = entry(QStringLiteral("crash-1"), QStringLiteral("default"), QStringLiteral("none"));
            const bool ok = log.open() && log.append(e);
            _exit(ok ? 0 : 3);
        }
        int status = 0;
        QCOMPARE(waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        AuditLog log(path);
        QVERIFY(log.open());
        const QList<AuditEntry> entries = log.query();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().instanceId, QStringLiteral("crash-1"));
    }
#endif

    void filters()
    {
        QTemporaryDir dir;
        MockClock clock;
        AuditLog log(dir.filePath(QStringLiteral("f.sqlite")), &clock);
        QVERIFY(log.open());
        AuditEntry e1 = entry(QStringLiteral("1"), QStringLiteral("none"), QStringLiteral("default"));
        QVERIFY(log.append(e1));
        clock.advanceHour();
        AuditEntry e2 = entry(QStringLiteral("2"), QStringLiteral("default"), QStringLiteral("none"));
        e2.actor = QStringLiteral("acs:ram::999:user/bob");
        e2.reason = QStringLiteral("100% sure_really");
        QVERIFY(log.append(e2));
        clock.advanceHour();
        AuditEntry e3 = entry(QStringLiteral("1"), QStringLiteral("default"), QStringLiteral("acs:ram::1:role/X"));
        QVERIFY(log.append(e3));

        AuditQuery q;
        q.since = QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC);
        QCOMPARE(log.query(q).size(), 2);
        q = AuditQuery();
        q.until = QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC);
        QCOMPARE(log.query(q).size(), 1);
        q = AuditQuery();
        q.instanceId = QStringLiteral("1");
        QCOMPARE(log.query(q).size(), 2);
        q = AuditQuery();
        q.actor = QStringLiteral("BOB");
        QCOMPARE(log.query(q).size(), 1);
        q = AuditQuery();
        q.text = QStringLiteral("role/x");
        QCOMPARE(log.query(q).size(), 1);
        q.text = QStringLiteral("100%");
        QCOMPARE(log.query(q).size(), 1);
        q.text = QStringLiteral("0% s"); // % and _ are literal, not wildcards
        QCOMPARE(log.query(q).size(), 1);
        q.text = QStringLiteral("s_r"); // as a wildcard it would match "acs:ram" in every row
        QCOMPARE(log.query(q).size(), 0);
        q = AuditQuery();
        q.newestFirst = true;
        q.limit = 2;
        const QList<AuditEntry> newest = log.query(q);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest.at(0).id, e3.id);
        QCOMPARE(newest.at(1).id, e2.id);
    }

    void csvExportQuotes()
    {
        AuditEntry e = entry(QStringLiteral("699573"), QStringLiteral("none"), QStringLiteral("default"));
        e.timeUtc = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        e.environmentName = QStringLiteral("dev, \"shared\"");
        e.reason = QStringLiteral("line one\nline two");
        e.override = true;
        e.outcome = QStringLiteral("=HYPERLINK(\"x\")");
        e.requestId = QStringLiteral(" padded ");
        const QString csv = AuditLog::toCsv({e});
        const QString expected =
            AuditLog::csvHeader() + QStringLiteral("\r\n") + QStringLiteral("2026-01-02T03:04:05.006Z,") + kActor +
            QStringLiteral(",699573,\"dev, \"\"shared\"\"\",none,default,yes,\"line one\nline two\","
                           "\"'=HYPERLINK(\"\"x\"\")\",\" padded \"\r\n");
        QCOMPARE(csv, expected);
        QCOMPARE(AuditLog::toCsv({}), AuditLog::csvHeader() + QStringLiteral("\r\n"));
    }

    void csvExportToFile()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath(QStringLiteral("e.sqlite")));
        QVERIFY(log.open());
        AuditEntry e = entry(QStringLiteral("1"), QStringLiteral("none"), QStringLiteral("default"));
        QVERIFY(log.append(e));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        QString error;
        QVERIFY2(log.exportCsv(out, AuditQuery(), &error), qPrintable(error));
        const QString text = QString::fromUtf8(readAll(out));
        QVERIFY(text.startsWith(AuditLog::csvHeader() + QStringLiteral("\r\n")));
        QCOMPARE(text.count(QStringLiteral("\r\n")), 2);
        QVERIFY(!log.exportCsv(dir.filePath(QStringLiteral("no/such/dir/out.csv")), AuditQuery(), &error));
        QVERIFY(error.contains(QLatin1String("out.csv")));
    }

    void neverStoresSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        const QString token = QStringLiteral("CAISauditSecretTokenValue123456");
        {
            AuditLog log(path);
            QVERIFY(log.open());
            AuditEntry e = entry(QStringLiteral("1"), QStringLiteral("none"), QStringLiteral("default"));
            e.override = true;
            e.reason = QStringLiteral("pasted by mistake: {\"SecurityToken\": \"") + token + QStringLiteral("\"}");
            QVERIFY(log.append(e));
            QVERIFY(!e.reason.contains(token));
            QVERIFY(!log.query().first().reason.contains(token));
        }
        QVERIFY(!QString::fromLatin1(readAll(path)).contains(token));
        QVERIFY(!QString::fromLatin1(readAll(path + QStringLiteral("-wal"))).contains(token));
    }

    void openFailsWithAPath()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AuditLog log(dir.filePath(QStringLiteral("file/audit.sqlite")));
        QString error;
        QVERIFY(!log.open(&error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("file"))), qPrintable(error));
        AuditEntry e;
        QVERIFY(!log.append(e, &error));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_auditlog.moc"
