// roledesk-cli plan against an in-process sandbox with the example rules file of docs/: the JSON contract, the
// text grouped by workspace, --exit-code, filters, and the rules file's errors with file:line:column.
#include "CliSandboxFixture.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace {
const QString kExample = QStringLiteral(ROLEDESK_SOURCE_DIR "/docs/rules-example.yaml");

QJsonObject entryFor(const QJsonObject& plan, const QString& id)
{
    for (const QJsonValue& v : plan[u"entries"_s].toArray())
        if (v[u"instanceId"_s].toString() == id)
            return v.toObject();
    return {};
}
} // namespace

class TestPlanCommand : public QObject
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

    void exampleJson()
    {
        const CliRun r = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        const QJsonObject plan = r.object();
        QCOMPARE(plan[u"rulesFile"_s].toString(), kExample);
        QCOMPARE(plan[u"precedence"_s].toString(), u"first-match"_s);
        QCOMPARE(plan[u"rules"_s].toArray().size(), 9);
        QCOMPARE(plan[u"rules"_s][0][u"name"_s].toString(), u"onboarding-demo"_s);
        QCOMPARE(plan[u"rules"_s][0][u"index"_s].toInt(), 1);
        QVERIFY(plan[u"rules"_s][0][u"line"_s].toInt() > 0);
        const QJsonObject summary = plan[u"summary"_s].toObject();
        QCOMPARE(summary[u"environments"_s].toInt(), 40);
        // Issue 18: the example's exposure rule takes the role from the two environments the API reports as
        // reachable from the internet: 700126 (which iot-quality changed before) and 700135 (which lab-no-custom
        // kept before), so one more change and one keep less than before that rule.
        QCOMPARE(summary[u"change"_s].toInt(), 14);
        QCOMPARE(summary[u"cannotFix"_s].toInt(), 2);
        QCOMPARE(summary[u"keep"_s].toInt(), 24);
        QCOMPARE(plan[u"entries"_s].toArray().size(), 40);
        for (const QJsonValue& v : plan[u"entries"_s].toArray()) {
            const QString action = v[u"action"_s].toString();
            QVERIFY2(action == u"keep"_s || action == u"change"_s || action == u"cannot-fix"_s, qPrintable(action));
            QVERIFY(v[u"reasons"_s].toArray().size() > 0);
        }

        // A workspace rule: retail_dw -> default.
        const QJsonObject e102 = entryFor(plan, u"700102"_s);
        QCOMPARE(e102[u"action"_s].toString(), u"change"_s);
        QCOMPARE(e102[u"current"_s][u"kind"_s].toString(), u"custom"_s);
        QCOMPARE(e102[u"target"_s][u"kind"_s].toString(), u"default"_s);
        QCOMPARE(e102[u"rule"_s][u"name"_s].toString(), u"retail-default"_s);
        QCOMPARE(e102[u"required"_s].toString(), u"default"_s);
        QCOMPARE(e102[u"verdict"_s].toString(), u"allowed"_s);
        QCOMPARE(e102[u"projectName"_s].toString(), u"retail_dw"_s);
        QVERIFY(e102[u"updateTimeMs"_s].toDouble() > 0);
        // Public: no role; the named environment with a reason gets its override.
        QCOMPARE(entryFor(plan, u"700105"_s)[u"target"_s][u"kind"_s].toString(), u"none"_s);
        const QJsonObject e106 = entryFor(plan, u"700106"_s);
        QCOMPARE(e106[u"action"_s].toString(), u"change"_s);
        QCOMPARE(e106[u"override"_s].toBool(), true);
        QVERIFY(e106[u"overrideReason"_s].toString().contains(u"DP-1042"_s));
        QCOMPARE(e106[u"verdict"_s].toString(), u"needs-confirmation"_s);
        QVERIFY(e106[u"policyRules"_s].toArray().contains(u"public-environment"_s));
        // Selector "exposure": internet-reachable environments lose their role, before the workspace rules.
        for (const QString& id : {u"700126"_s, u"700135"_s}) {
            const QJsonObject e = entryFor(plan, id);
            QCOMPARE(e[u"action"_s].toString(), u"change"_s);
            QCOMPARE(e[u"rule"_s][u"name"_s].toString(), u"internet-reachable-gets-no-role"_s);
            QCOMPARE(e[u"target"_s][u"kind"_s].toString(), u"none"_s);
            QCOMPARE(e[u"exposure"_s][u"internet"_s].toBool(), true); // the envs list object, extended
            QVERIFY(e[u"policyRules"_s].toArray().contains(u"removes-role"_s));
        }
        QCOMPARE(entryFor(plan, u"700124"_s)[u"exposure"_s][u"internet"_s].toBool(), false); // intranet SSH only
        // Busy and deleting environments cannot be fixed, with RolePolicy's rule.
        const QJsonObject e127 = entryFor(plan, u"700127"_s);
        QCOMPARE(e127[u"action"_s].toString(), u"cannot-fix"_s);
        QCOMPARE(e127[u"verdict"_s].toString(), u"refused"_s);
        QVERIFY(e127[u"policyRules"_s].toArray().contains(u"status-busy"_s));
        QCOMPARE(entryFor(plan, u"700130"_s)[u"action"_s].toString(), u"cannot-fix"_s);
        // A custom role not on the allow-list is removed by the catch-all.
        const QJsonObject e116 = entryFor(plan, u"700116"_s);
        QCOMPARE(e116[u"rule"_s][u"name"_s].toString(), u"only-allowed-custom-roles"_s);
        QCOMPARE(e116[u"target"_s][u"kind"_s].toString(), u"none"_s);
        // Keep: no target, the deciding rule named.
        const QJsonObject e101 = entryFor(plan, u"700101"_s);
        QCOMPARE(e101[u"action"_s].toString(), u"keep"_s);
        QVERIFY(e101[u"target"_s].isNull());
        QCOMPARE(e101[u"rule"_s][u"name"_s].toString(), u"retail-default"_s);
    }

    void textGroupedByWorkspace()
    {
        const CliRun r = m_fx->run({u"plan"_s, u"--rules"_s, kExample});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(u"first match wins"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Workspace retail_dw (10001)"_s));
        QVERIFY(r.out.contains(u"Workspace iot_stream (10004)"_s));
        QVERIFY(r.out.contains(u"cannot-fix"_s));
        QVERIFY(r.out.contains(u"700127: "_s));
        QVERIFY(r.out.contains(u"Plan: 14 to change, 2 cannot be fixed, 24 keep their role."_s));
        // A workspace with only keeps is not listed.
        QVERIFY(!r.out.contains(u"Workspace shared_lab"_s) || r.out.contains(u"700132"_s));
    }

    void exitCode()
    {
        // Without --exit-code pending changes still exit 0 (existing codes are unchanged).
        QCOMPARE(m_fx->run({u"plan"_s, u"--rules"_s, kExample}).code, 0);
        QCOMPARE(m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--exit-code"_s}).code, 5);
        // Filtered to where nothing changes: in lab only its public environments and 700135 (private, stopped, its
        // Jupyter forwarded to the internet: the exposure rule removes its role) change, so private running ones.
        const CliRun none = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--project"_s, u"shared_lab"_s,
                                       u"--private"_s, u"--status"_s, u"Running"_s, u"--exit-code"_s, u"--json"_s});
        QCOMPARE(none.code, 0);
        QCOMPARE(none.object()[u"summary"_s][u"change"_s].toInt(), 0);
        QVERIFY(none.object()[u"summary"_s][u"environments"_s].toInt() > 0);
        // Only cannot-fix left is not "changes pending".
        const CliRun stuck = m_fx->run(
            {u"plan"_s, u"--rules"_s, kExample, u"--status"_s, u"Creating,Deleting"_s, u"--exit-code"_s, u"--json"_s});
        QCOMPARE(stuck.code, 0);
        QCOMPARE(stuck.object()[u"summary"_s][u"cannotFix"_s].toInt(), 2);
    }

    void helpListsExitCodeFive()
    {
        // The program's help lists every exit code, 5 included (docs/CLI.md's table has it too).
        const CliRun help = m_fx->run({u"--help"_s}, false);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(u"4 refused by policy, 5 changes pending (only `plan --exit-code`)"_s),
                 qPrintable(help.out));
        const CliRun planHelp = m_fx->run({u"plan"_s, u"--help"_s}, false);
        QCOMPARE(planHelp.code, 0);
        QVERIFY2(planHelp.out.contains(u"--exit-code"_s), qPrintable(planHelp.out));
    }

    void rulesFileErrors()
    {
        const QString path = m_fx->path(u"bad.yaml"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("version: 1\nrules:\n  - name: a\n    match: {wrkspace: x}\n    require: none\n");
        f.close();
        const CliRun r = m_fx->run({u"plan"_s, u"--rules"_s, path, u"--json"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(path + u":4:13: unknown key \"wrkspace\""_s), qPrintable(r.err));

        const CliRun missing = m_fx->run({u"plan"_s, u"--rules"_s, m_fx->path(u"none.yaml"_s)});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(u"cannot open the rules file"_s));

        const CliRun usage = m_fx->run({u"plan"_s});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains(u"--rules FILE is required"_s));
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestPlanCommand)
#include "test_plancommand.moc"
