// roledesk-cli roles list / roles check against the in-process sandbox: JSON field by field, usable or not and why
// (RolePolicy), exit codes.
#include "CliSandboxFixture.h"

using namespace Qt::StringLiterals;

namespace {
QString roleArn(const QString& name)
{
    return u"acs:ram::1380246718450127:role/"_s + name;
}
} // namespace

class TestRolesCommand : public QObject
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

    void listJson()
    {
        const CliRun r = m_fx->run({u"roles"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue& v : r.array())
            byName.insert(v[u"name"_s].toString(), v.toObject());
        QVERIFY(byName.size() >= 9);
        const QJsonObject reader = byName.value(u"DataWorksDevRetailReader"_s);
        QCOMPARE(reader[u"arn"_s].toString(), roleArn(u"DataWorksDevRetailReader"_s));
        QCOMPARE(reader[u"trust"_s][u"services"_s].toArray(), QJsonArray{u"dataworks.aliyuncs.com"_s});
        QCOMPARE(reader[u"trust"_s][u"accounts"_s].toArray(), QJsonArray());
        QCOMPARE(reader[u"usable"_s].toBool(), true);
        const QJsonObject ops = byName.value(u"OpsBreakGlassRole"_s);
        QCOMPARE(ops[u"trust"_s][u"services"_s].toArray(), QJsonArray());
        QCOMPARE(ops[u"trust"_s][u"accounts"_s].toArray(), QJsonArray{u"1380246718450127"_s});
        QCOMPARE(ops[u"usable"_s].toBool(), false);
        const QJsonObject shared = byName.value(u"DataWorksSharedAnalytics"_s);
        QVERIFY(shared[u"trust"_s][u"services"_s].toArray().contains(u"dataworks.aliyuncs.com"_s));
        QVERIFY(shared[u"trust"_s][u"accounts"_s].toArray().contains(u"1380246718450127"_s));
    }

    void listText()
    {
        const CliRun r = m_fx->run({u"roles"_s, u"list"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(u"NAME"_s));
        QVERIFY(r.out.contains(u"EcsAppServerRole"_s));
    }

    void checkUsable()
    {
        const CliRun r = m_fx->run({u"roles"_s, u"check"_s, roleArn(u"DataWorksDevRetailReader"_s), u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.object();
        QCOMPARE(o[u"name"_s].toString(), u"DataWorksDevRetailReader"_s);
        QCOMPARE(o[u"arn"_s].toString(), roleArn(u"DataWorksDevRetailReader"_s));
        QCOMPARE(o[u"usable"_s].toBool(), true);
        QCOMPARE(o[u"trust"_s][u"services"_s].toArray(), QJsonArray{u"dataworks.aliyuncs.com"_s});
        QVERIFY(!o[u"rules"_s].toArray().contains(u"role-not-trusting-dataworks"_s));
    }

    void checkNotUsable()
    {
        const CliRun r = m_fx->run({u"roles"_s, u"check"_s, roleArn(u"EcsAppServerRole"_s), u"--json"_s});
        QCOMPARE(r.code, 4);
        const QJsonObject o = r.object();
        QCOMPARE(o[u"usable"_s].toBool(), false);
        QVERIFY(o[u"rules"_s].toArray().contains(u"role-not-trusting-dataworks"_s));
        QVERIFY(o[u"reasons"_s].toArray().at(0).toString().contains(u"dataworks.aliyuncs.com"_s));
        QCOMPARE(o[u"trust"_s][u"services"_s].toArray(), QJsonArray{u"ecs.aliyuncs.com"_s});
        const CliRun text = m_fx->run({u"roles"_s, u"check"_s, roleArn(u"EcsAppServerRole"_s)});
        QCOMPARE(text.code, 4);
        QVERIFY(text.out.contains(u"cannot be an environment's custom role"_s));
    }

    void checkErrors()
    {
        QCOMPARE(m_fx->run({u"roles"_s, u"check"_s, u"acs:ram::12:nope"_s}).code, 2);
        QCOMPARE(m_fx->run({u"roles"_s, u"check"_s}).code, 2);
        const CliRun missing = m_fx->run({u"roles"_s, u"check"_s, roleArn(u"NoSuchRole"_s)});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(u"NoSuchRole"_s));
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestRolesCommand)
#include "test_rolescommand.moc"
