// roledesk-cli maxcompute tables against the in-process sandbox: the admin key and a role session read tables; a
// role without rights is refused by the service (exit 1); JSON field by field.
#include "CliSandboxFixture.h"

using namespace Qt::StringLiterals;

class TestMaxComputeCommand : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_fx = std::make_unique<CliSandboxFixture>();
        QVERIFY(m_fx->start());
    }
    void cleanup()
    {
        QVERIFY2(m_log->findAny(m_fx->secrets()).isEmpty(), "a secret reached the log");
        m_fx.reset();
        m_log.reset();
    }

    void tablesJson()
    {
        const CliRun r = m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"retail_dw"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        QStringList names;
        for (const QJsonValue& v : r.array()) {
            names << v[u"name"_s].toString();
            QVERIFY(v.toObject().contains(u"owner"_s));
            QVERIFY(v.toObject().contains(u"tableId"_s));
            QVERIFY(v.toObject().contains(u"comment"_s));
            QVERIFY(v.toObject().contains(u"creationTime"_s));
            QVERIFY(v.toObject().contains(u"lastModifiedTime"_s));
        }
        QVERIFY(names.contains(u"ods_orders"_s));
        QVERIFY(names.contains(u"ods_customers"_s));
    }

    void explicitMaxComputeEndpointAndText()
    {
        const QString api = m_fx->endpoint().toString() + u"/api"_s;
        const CliRun r =
            m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"retail_dw"_s, u"--maxcompute-endpoint"_s, api});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(u"TABLE"_s));
        QVERIFY(r.out.contains(u"ods_orders"_s));
    }

    void environmentCredentialOnlyReadsWhatItsRoleAllows()
    {
        // The environment 700103's custom role reads the retail projects only.
        const QString uri = m_fx->sandbox()->credentialsUri(u"700103"_s).toString();
        CliRun r =
            m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"retail_dw"_s, u"--uri"_s, uri, u"--json"_s});
        QCOMPARE(r.code, 0);
        r = m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"risk_ml"_s, u"--uri"_s, uri});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
    }

    void errors()
    {
        QCOMPARE(m_fx->run({u"maxcompute"_s, u"tables"_s}).code, 2);
        QCOMPARE(
            m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"x"_s, u"--maxcompute-endpoint"_s, u"::"_s}).code,
            2);
        QCOMPARE(m_fx->run({u"maxcompute"_s, u"tables"_s, u"--project"_s, u"no_such_project"_s}).code, 1);
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestMaxComputeCommand)
#include "test_maxcomputecommand.moc"
