// roledesk-cli role set against an in-process sandbox: RolePolicy refusals (exit 4, nothing changed), the public
// guard (--allow-public --reason), the UpdateTime conflict (exit 1, nothing changed), the audit log (actor from
// GetCallerIdentity), --yes handling, and audit list over the result.
#include "CliSandboxFixture.h"

using namespace Qt::StringLiterals;

namespace {
const QString kAccount = u"1380246718450127"_s;
QString roleArn(const QString& name)
{
    return u"acs:ram::"_s + kAccount + u":role/"_s + name;
}
} // namespace

class TestRoleSetCommand : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_fx = std::make_unique<CliSandboxFixture>();
        QVERIFY(m_fx->start());
        QVERIFY(m_fx->importSandboxVisibility());
    }
    void cleanup()
    {
        QVERIFY2(m_log->findAny(m_fx->secrets()).isEmpty(), "a secret reached the log");
        m_fx.reset();
        m_log.reset();
    }

    void changesAndAudits()
    {
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--custom"_s, roleArn(u"DataWorksDevRetailReader"_s),
                              u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        QJsonObject o = r.object();
        QCOMPARE(o[u"instanceId"_s].toString(), u"700104"_s);
        QCOMPARE(o[u"changed"_s].toBool(), true);
        QCOMPARE(o[u"from"_s][u"kind"_s].toString(), u"none"_s);
        QCOMPARE(o[u"to"_s][u"kind"_s].toString(), u"custom"_s);
        QCOMPARE(o[u"to"_s][u"arn"_s].toString(), roleArn(u"DataWorksDevRetailReader"_s));
        QCOMPARE(o[u"override"_s].toBool(), false);
        QVERIFY(o[u"reason"_s].isNull());
        QCOMPARE(o[u"environment"_s][u"role"_s][u"kind"_s].toString(), u"custom"_s);
        // The sandbox really changed.
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700104"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::Custom);
        QCOMPARE(env.customRoleName, u"DataWorksDevRetailReader"_s);

        r = m_fx->run({u"envs"_s, u"show"_s, u"700104"_s, u"--json"_s});
        QCOMPARE(r.object()[u"role"_s][u"arn"_s].toString(), roleArn(u"DataWorksDevRetailReader"_s));

        // Back to none, as text.
        r = m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--none"_s, u"--yes"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"changed"_s));

        r = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false);
        QCOMPARE(r.code, 0);
        const QJsonArray entries = r.array();
        QCOMPARE(entries.size(), 2);
        const QJsonObject first = entries.at(0).toObject();
        QCOMPARE(first[u"instanceId"_s].toString(), u"700104"_s);
        QCOMPARE(first[u"actor"_s].toString(), u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        QCOMPARE(first[u"from"_s][u"kind"_s].toString(), u"none"_s);
        QVERIFY(first[u"from"_s][u"arn"_s].isNull());
        QCOMPARE(first[u"to"_s][u"kind"_s].toString(), u"custom"_s);
        QCOMPARE(first[u"to"_s][u"arn"_s].toString(), roleArn(u"DataWorksDevRetailReader"_s));
        QCOMPARE(first[u"override"_s].toBool(), false);
        QVERIFY(first[u"reason"_s].isNull());
        QVERIFY(first[u"time"_s].toString().endsWith(u'Z'));
        QCOMPARE(first[u"outcome"_s].toString(), u"applied"_s);
        QCOMPARE(entries.at(1)[u"to"_s][u"kind"_s].toString(), u"none"_s);
    }

    // 700117 holds a custom role restricted by a session policy: role set keeps it, refuses to lose it silently, and
    // drops it only with --drop-policy; the JSON says what the write kept and dropped (additive members).
    void keepsAndDropsWhatItSays()
    {
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700117"_s, u"--custom"_s, roleArn(u"DataWorksSharedAnalytics"_s),
                              u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QJsonObject o = r.object();
        QCOMPARE(o[u"outcome"_s].toString(), u"applied"_s);
        QVERIFY(!o[u"requestId"_s].toString().isEmpty());
        QVERIFY(o[u"kept"_s].toArray().size() >= 1);
        QVERIFY(o[u"kept"_s].toArray().at(0).toString().contains(u"session policy"_s));
        QVERIFY(o[u"dropped"_s].toArray().isEmpty());
        QVERIFY(!o[u"environment"_s][u"role"_s][u"sessionPolicy"_s].toString().isEmpty());

        r = m_fx->run({u"role"_s, u"set"_s, u"700117"_s, u"--default"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 4);
        QCOMPARE(r.object()[u"outcome"_s].toString(), u"refused"_s);
        QVERIFY(r.err.contains(u"--drop-policy"_s));
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700117"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::Custom);

        r = m_fx->run({u"role"_s, u"set"_s, u"700117"_s, u"--default"_s, u"--drop-policy"_s, u"--yes"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(u"Dropped: "_s));
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700117"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::Default);
        QVERIFY(!env.credentialConfig.contains("Policy"));
        // The audit record of every front end carries the RequestId.
        r = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false);
        const QJsonArray entries = r.array();
        QCOMPARE(entries.size(), 2);
        for (const QJsonValue& entry : entries)
            QVERIFY(!entry[u"requestId"_s].toString().isEmpty());
    }

    void refusedByPolicyChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("rule");
        QTest::newRow("role does not trust DataWorks") << QStringList{u"--custom"_s, roleArn(u"EcsAppServerRole"_s)}
                                                       << u"700104"_s << u"role-not-trusting-dataworks"_s;
        QTest::newRow("malformed ARN") << QStringList{u"--custom"_s, u"acs:ram::abc:role/"_s} << u"700104"_s
                                       << u"malformed-arn"_s;
        QTest::newRow("busy environment") << QStringList{u"--none"_s} << u"700110"_s << u"status-busy"_s;
    }
    void refusedByPolicyChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, id);
        QFETCH(QString, rule);
        SandboxData::Environment before;
        QVERIFY(m_fx->sandbox()->engine()->environment(id, &before));
        const qint64 requestsBefore = m_fx->sandbox()->requestCount();
        const CliRun r = m_fx->run(QStringList{u"role"_s, u"set"_s, id} + args + QStringList{u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 4);
        QVERIFY(r.err.contains(u"Refused by policy"_s));
        QVERIFY(r.err.contains(u"Nothing was changed"_s));
        const QJsonObject o = r.object();
        QCOMPARE(o[u"changed"_s].toBool(), false);
        QCOMPARE(o[u"verdict"_s].toString(), u"refused"_s);
        QVERIFY(o[u"rules"_s].toArray().contains(rule));
        QVERIFY(!o[u"reasons"_s].toArray().isEmpty());
        SandboxData::Environment after;
        QVERIFY(m_fx->sandbox()->engine()->environment(id, &after));
        QCOMPARE(after.roleKind, before.roleKind);
        QCOMPARE(after.updateTimeMs, before.updateTimeMs);
        QVERIFY(m_fx->sandbox()->requestCount() > requestsBefore); // it did read, but never wrote
        QCOMPARE(m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array().size(), 0);
    }

    void publicEnvironmentGuard()
    {
        // 700106 is public and has no role.
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700106"_s, u"--default"_s, u"--yes"_s});
        QCOMPARE(r.code, 4);
        QVERIFY(r.err.contains(u"--allow-public"_s));
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700106"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::None);

        // --allow-public without --reason is a usage error.
        r = m_fx->run({u"role"_s, u"set"_s, u"700106"_s, u"--default"_s, u"--allow-public"_s, u"--yes"_s});
        QCOMPARE(r.code, 2);
        // A blank reason does not count.
        r = m_fx->run({u"role"_s, u"set"_s, u"700106"_s, u"--default"_s, u"--allow-public"_s, u"--reason"_s, u"  "_s,
                       u"--yes"_s});
        QCOMPARE(r.code, 4);

        r = m_fx->run({u"role"_s, u"set"_s, u"700106"_s, u"--default"_s, u"--allow-public"_s, u"--reason"_s,
                       u"workshop today, removed tonight"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"override"_s].toBool(), true);
        QCOMPARE(r.object()[u"reason"_s].toString(), u"workshop today, removed tonight"_s);
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700106"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::Default);

        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.at(0)[u"override"_s].toBool(), true);
        QCOMPARE(audit.at(0)[u"reason"_s].toString(), u"workshop today, removed tonight"_s);

        // Removing the role of a public environment needs nothing.
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700106"_s, u"--none"_s, u"--yes"_s}).code, 0);
    }

    void conflict()
    {
        const CliRun shown = m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s});
        const qint64 seen = qint64(shown.object()[u"updateTimeMs"_s].toDouble());
        QVERIFY(seen > 0);
        // Someone else changes it meanwhile.
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700101"_s, u"--none"_s, u"--yes"_s}).code, 0);
        SandboxData::Environment before;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700101"_s, &before));
        const CliRun r =
            m_fx->run({u"role"_s, u"set"_s, u"700101"_s, u"--custom"_s, roleArn(u"DataWorksDevRetailReader"_s),
                       u"--if-update-time"_s, QString::number(seen), u"--yes"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"changed by someone else"_s));
        SandboxData::Environment after;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700101"_s, &after));
        QCOMPARE(after.roleKind, SandboxData::RoleKind::None);
        QCOMPARE(after.updateTimeMs, before.updateTimeMs);
        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(1)[u"outcome"_s].toString(), u"conflict"_s);
    }

    void noChangeIsOk()
    {
        const CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700101"_s, u"--default"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"changed"_s].toBool(), false);
        QVERIFY(r.object()[u"rules"_s].toArray().contains(u"no-change"_s));
    }

    void usageErrors()
    {
        // Not a terminal and no --yes: refused with a hint, nothing read or changed.
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--default"_s});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"--yes"_s));
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--yes"_s}).code, 2);
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--default"_s, u"--none"_s, u"--yes"_s}).code, 2);
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"--default"_s, u"--yes"_s}).code, 2);
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--default"_s, u"--yes"_s, u"--if-update-time"_s,
                            u"yesterday"_s})
                     .code,
                 2);
        QCOMPARE(m_fx->run({u"role"_s}).code, 2);
    }

    void auditSinceFilter()
    {
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700104"_s, u"--default"_s, u"--yes"_s}).code, 0);
        CliRun r = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s, u"--since"_s, u"2000-01-01"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.array().size(), 1);
        r = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s, u"--since"_s, u"2999-01-01T00:00:00Z"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.array().size(), 0);
        QCOMPARE(m_fx->run({u"audit"_s, u"list"_s, u"--since"_s, u"last tuesday"_s}, false).code, 2);
        r = m_fx->run({u"audit"_s, u"list"_s}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(u"TIME"_s));
        QVERIFY(r.out.contains(u"roledesk-admin"_s));
    }

    // 700135 (lab_ml_course: Stopped, default role, private) forwards Jupyter to the internet through a NAT gateway:
    // giving it a role needs --allow-internet and a reason, like a public one; removing it needs nothing.
    void internetReachableGuard()
    {
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--none"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        // Removing a role says how long the credentials already issued stay valid (default role: maximum unknown).
        const QJsonObject revocation = r.object()[u"revocation"_s].toObject();
        QVERIFY(revocation[u"credentialsValidUntil"_s].toString().endsWith(u'Z'));
        QCOMPARE(revocation[u"maximumKnown"_s].toBool(), false);
        QCOMPARE(revocation[u"maxSessionSeconds"_s].toInt(), 43200);
        QVERIFY(r.err.contains(u"not revoked"_s));
        QVERIFY(!r.object().contains(u"stop"_s)); // no --stop, no stop
        QCOMPARE(r.object()[u"environment"_s][u"exposure"_s][u"internet"_s].toBool(), true);

        r = m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--default"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 4);
        QCOMPARE(r.object()[u"verdict"_s].toString(), u"needs-confirmation"_s);
        QVERIFY(r.object()[u"rules"_s].toArray().contains(u"internet-reachable"_s));
        QVERIFY(r.err.contains(u"--allow-internet"_s));
        QVERIFY(r.err.contains(u"8888->18135"_s));
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700135"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::None);

        // --allow-internet needs a reason; a blank one does not count; the public override is not this one.
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--default"_s, u"--allow-internet"_s, u"--yes"_s}).code,
                 2);
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--default"_s, u"--allow-internet"_s, u"--reason"_s,
                            u" "_s, u"--yes"_s})
                     .code,
                 4);
        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--default"_s, u"--allow-public"_s, u"--reason"_s,
                            u"wrong override"_s, u"--yes"_s})
                     .code,
                 4);
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700135"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::None);

        r = m_fx->run({u"role"_s, u"set"_s, u"700135"_s, u"--default"_s, u"--allow-internet"_s, u"--reason"_s,
                       u"OPS-7: course demo behind the NAT, until Friday"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"override"_s].toBool(), true);
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700135"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::Default);
        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(1)[u"override"_s].toBool(), true);
        QCOMPARE(audit.at(1)[u"reason"_s].toString(), u"OPS-7: course demo behind the NAT, until Friday"_s);
    }

    // --stop after removing a role: the environment goes Stopping -> Stopped, polled; the stop is audited.
    void stopAfterRemovingTheRole()
    {
        m_fx->sandbox()->setTransitionDelayMs(300);
        CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700126"_s, u"--none"_s, u"--allow-internet"_s, u"--reason"_s,
                              u"unused"_s, u"--stop"_s, u"--stop-poll-interval"_s, u"20"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        const QJsonObject o = r.object();
        QCOMPARE(o[u"changed"_s].toBool(), true);
        // PartnerEtlRole's own maximum is read from RAM.
        QCOMPARE(o[u"revocation"_s][u"maximumKnown"_s].toBool(), true);
        QVERIFY(o[u"revocation"_s][u"maxSessionSeconds"_s].toInt() >= 3600);
        QCOMPARE(o[u"stop"_s][u"outcome"_s].toString(), u"stopped"_s);
        QCOMPARE(o[u"stop"_s][u"status"_s].toString(), u"Stopped"_s);
        QVERIFY(o[u"stop"_s][u"error"_s].isNull());
        QVERIFY(r.err.contains(u"Stopping"_s));
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700126"_s, &env));
        QCOMPARE(env.status, u"Stopped"_s);
        QCOMPARE(env.roleKind, SandboxData::RoleKind::None);
        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QStringList outcomes;
        for (const QJsonValue& v : audit)
            outcomes << v[u"outcome"_s].toString();
        QCOMPARE(outcomes, (QStringList{u"applied"_s, u"stop: requested"_s, u"stop: stopped"_s}));
    }

    // A stop the service refuses (only a Running environment can be stopped): the role change stands, exit 1.
    void stopThatFails()
    {
        const CliRun r = m_fx->run({u"role"_s, u"set"_s, u"700108"_s, u"--none"_s, u"--stop"_s,
                                    u"--stop-poll-interval"_s, u"20"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.object()[u"changed"_s].toBool(), true);
        QCOMPARE(r.object()[u"stop"_s][u"outcome"_s].toString(), u"failed"_s);
        QVERIFY(!r.object()[u"stop"_s][u"error"_s].toString().isEmpty());
        QVERIFY(r.err.contains(u"not stopped"_s));
        SandboxData::Environment env;
        QVERIFY(m_fx->sandbox()->engine()->environment(u"700108"_s, &env));
        QCOMPARE(env.roleKind, SandboxData::RoleKind::None);
        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QCOMPARE(audit.size(), 2);
        QVERIFY(audit.at(1)[u"outcome"_s].toString().startsWith(u"stop: failed"_s));
        QCOMPARE(
            m_fx->run({u"role"_s, u"set"_s, u"700108"_s, u"--default"_s, u"--stop-poll-interval"_s, u"0"_s, u"--yes"_s})
                .code,
            2);
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestRoleSetCommand)
#include "test_rolesetcommand.moc"
