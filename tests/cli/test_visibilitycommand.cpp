// roledesk-cli visibility set / import: RoleDesk's own records (JSON as the sandbox writes it, and CSV), all or
// nothing, and what envs list then shows.
#include "CliSandboxFixture.h"

#include <QFile>

using namespace Qt::StringLiterals;

class TestVisibilityCommand : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_fx = std::make_unique<CliSandboxFixture>();
        QVERIFY(m_fx->start());
    }
    void cleanup() { m_fx.reset(); }

    void setAndShow()
    {
        CliRun r = m_fx->run({u"visibility"_s, u"set"_s, u"700101"_s, u"public"_s, u"--json"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"instanceId"_s].toString(), u"700101"_s);
        QCOMPARE(r.object()[u"visibility"_s].toString(), u"public"_s);
        QCOMPARE(r.object()[u"recordedBy"_s].toString(), u"tester"_s);
        QVERIFY(r.object()[u"recordedAt"_s].toString().endsWith(u'Z'));
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s}).object()[u"visibility"_s].toString(),
                 u"public"_s);
        r = m_fx->run({u"visibility"_s, u"set"_s, u"700101"_s, u"private"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s}).object()[u"visibility"_s].toString(),
                 u"private"_s);
        QCOMPARE(m_fx->run({u"visibility"_s, u"set"_s, u"700101"_s, u"unknown"_s}, false).code, 0);
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s}).object()[u"visibility"_s].toString(),
                 u"unknown"_s);
    }

    void setUsage()
    {
        QCOMPARE(m_fx->run({u"visibility"_s, u"set"_s, u"700101"_s}, false).code, 2);
        QCOMPARE(m_fx->run({u"visibility"_s, u"set"_s, u"700101"_s, u"sometimes"_s}, false).code, 2);
        QCOMPARE(m_fx->run({u"visibility"_s, u"set"_s}, false).code, 2);
    }

    void importSandboxJson()
    {
        const QString file = m_fx->path(u"seed-visibility.json"_s);
        QString error;
        QVERIFY(m_fx->sandbox()->writeVisibilityFile(file, &error));
        const CliRun r = m_fx->run({u"visibility"_s, u"import"_s, file, u"--json"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"entries"_s].toInt(), 40);
        QCOMPARE(r.object()[u"changed"_s].toInt(), 40);
        QCOMPARE(r.object()[u"file"_s].toString(), file);
        const QJsonArray pub = m_fx->run({u"envs"_s, u"list"_s, u"--public"_s, u"--json"_s}).array();
        QVERIFY(!pub.isEmpty());
        for (const auto& [id, isPublic] : m_fx->sandbox()->engine()->visibility()) {
            bool listed = false;
            for (const QJsonValue& v : pub)
                listed = listed || v[u"instanceId"_s].toString() == id;
            QCOMPARE(listed, isPublic);
        }
    }

    void importCsvAndErrors()
    {
        const QString csv = m_fx->path(u"v.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("instanceId,visibility\r\n700101,public\r\n\"700102\",private\r\n");
        f.close();
        CliRun r = m_fx->run({u"visibility"_s, u"import"_s, csv}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"2 entries"_s));
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s}).object()[u"visibility"_s].toString(),
                 u"public"_s);

        // One bad line: nothing applied, the line named.
        const QString bad = m_fx->path(u"bad.csv"_s);
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("instanceId,visibility\n700101,private\n700103,sometimes\n");
        b.close();
        r = m_fx->run({u"visibility"_s, u"import"_s, bad}, false);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"line 3"_s));
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s}).object()[u"visibility"_s].toString(),
                 u"public"_s);
        QCOMPARE(m_fx->run({u"visibility"_s, u"import"_s, m_fx->path(u"missing.json"_s)}, false).code, 1);
        QCOMPARE(m_fx->run({u"visibility"_s, u"import"_s}, false).code, 2);
    }

private:
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestVisibilityCommand)
#include "test_visibilitycommand.moc"
