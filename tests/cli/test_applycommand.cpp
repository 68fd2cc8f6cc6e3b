// roledesk-cli apply (and core's RuleApplier under it) against an in-process sandbox with the example rules file of
// docs/: apply then plan again (only cannot-fix left), every change audited with its rule, a throttled run, an
// interrupted run that resumes, and a conflict (an environment changed after the listing).
#include "CliSandboxFixture.h"
#include "Sanitizers.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "model/AuditLog.h"
#include "model/VisibilityStore.h"
#include "rules/RuleApplier.h"
#include "rules/RulesFile.h"

#include <QEventLoop>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {
const QString kExample = QStringLiteral(ROLEDESK_SOURCE_DIR "/docs/rules-example.yaml");
// The example plan (see test_plancommand): 14 changes since its exposure rule (issue 18) removes the role of the two
// internet-reachable environments.
constexpr int kChanges = 14;
constexpr int kCannotFix = 2;
} // namespace

class TestApplyCommand : public QObject
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

    void applyThenPlanAgain()
    {
        const CliRun before = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s});
        QCOMPARE(before.object()[u"summary"_s][u"change"_s].toInt(), kChanges);

        const CliRun r = m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s, u"--json"_s});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        const QJsonObject result = r.object();
        QCOMPARE(result[u"summary"_s][u"planned"_s].toInt(), kChanges);
        QCOMPARE(result[u"summary"_s][u"applied"_s].toInt(), kChanges);
        QCOMPARE(result[u"summary"_s][u"cannotFix"_s].toInt(), kCannotFix);
        QCOMPARE(result[u"interrupted"_s].toBool(), false);
        QCOMPARE(result[u"results"_s].toArray().size(), kChanges);
        for (const QJsonValue& v : result[u"results"_s].toArray()) {
            QCOMPARE(v[u"outcome"_s].toString(), u"applied"_s);
            QVERIFY(v[u"audited"_s].toBool());
        }
        // Progress on stderr, one line per environment.
        QVERIFY2(r.err.contains(u"[1/14] "_s) && r.err.contains(u"[14/14] "_s), qPrintable(r.err));

        // Every change audited with its rule as the reason; the public override with its own reason.
        const CliRun audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false);
        QCOMPARE(audit.code, 0);
        const QJsonArray entries = audit.array();
        QCOMPARE(entries.size(), kChanges);
        for (const QJsonValue& v : entries) {
            QCOMPARE(v[u"outcome"_s].toString(), u"applied"_s);
            QVERIFY2(v[u"reason"_s].toString().startsWith(u"rules file "_s + kExample + u", rule \""_s),
                     qPrintable(v[u"reason"_s].toString()));
            if (v[u"instanceId"_s].toString() == u"700106"_s) {
                QVERIFY(v[u"override"_s].toBool());
                QVERIFY(v[u"reason"_s].toString().contains(u"DP-1042"_s));
            } else {
                QVERIFY(!v[u"override"_s].toBool());
            }
        }

        // Plan again: nothing left but what cannot be fixed.
        const CliRun after = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s, u"--exit-code"_s});
        QCOMPARE(after.code, 0);
        QCOMPARE(after.object()[u"summary"_s][u"change"_s].toInt(), 0);
        QCOMPARE(after.object()[u"summary"_s][u"cannotFix"_s].toInt(), kCannotFix);
        const CliRun again = m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s});
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains(u"Nothing to apply."_s));
    }

    void throttledRun()
    {
        SandboxFaults faults;
        faults.throttleRequestsPerSecond = 4;
        // One quota for all operations: with a quota per operation (the sandbox's default, as the cloud's) a
        // change's reads use up their own and its one write a second never comes close to 4.
        faults.throttleAllOperationsTogether = true;
        faults.scope = SandboxFaults::Pop;
        m_fx->sandbox()->setFaults(faults);
        const CliRun r = m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s, u"--json"_s});
        m_fx->sandbox()->setFaults({});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        const QJsonObject result = r.object();
        QCOMPARE(result[u"summary"_s][u"applied"_s].toInt(), kChanges);
        // The service did throttle the run: its writes were answered 429 and waited for (ApiClient retries a
        // throttled request after a pause; RuleApplier runs the whole change again only when those retries are used
        // up, which this rate does not reach).
        bool writeThrottled = false;
        for (const QString& line : m_log->lines())
            writeThrottled =
                writeThrottled || (line.contains(u"UpdateServerIdeInstance"_s) && line.contains(u"HTTP 429"_s));
        QVERIFY2(writeThrottled, "the run was never throttled: the test did not test throttling");
        for (const QJsonValue& v : result[u"results"_s].toArray())
            QCOMPARE(v[u"outcome"_s].toString(), u"applied"_s);
        // Each environment changed exactly once.
        const QJsonArray audit = m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array();
        QStringList applied;
        for (const QJsonValue& v : audit)
            if (v[u"outcome"_s].toString() == u"applied"_s)
                applied << v[u"instanceId"_s].toString();
        QCOMPARE(applied.size(), kChanges);
        QCOMPARE(QSet<QString>(applied.cbegin(), applied.cend()).size(), kChanges);
        QCOMPARE(
            m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s}).object()[u"summary"_s][u"change"_s].toInt(), 0);
    }

    void interruptedRunResumes()
    {
        const CliRun first =
            m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s, u"--json"_s, u"--limit"_s, u"4"_s});
        QCOMPARE(first.code, 1);
        QCOMPARE(first.object()[u"summary"_s][u"applied"_s].toInt(), 4);
        QCOMPARE(first.object()[u"interrupted"_s].toBool(), true);
        int notStarted = 0;
        for (const QJsonValue& v : first.object()[u"results"_s].toArray())
            notStarted += v[u"outcome"_s].toString() == u"not-started"_s ? 1 : 0;
        QCOMPARE(notStarted, kChanges - 4);

        // Re-plan and continue: only what is left.
        const CliRun plan = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s});
        QCOMPARE(plan.object()[u"summary"_s][u"change"_s].toInt(), kChanges - 4);
        const CliRun second = m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s, u"--json"_s});
        QCOMPARE(second.code, 0);
        QCOMPARE(second.object()[u"summary"_s][u"applied"_s].toInt(), kChanges - 4);
        QCOMPARE(m_fx->run({u"audit"_s, u"list"_s, u"--json"_s}, false).array().size(), kChanges);
        QCOMPARE(
            m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s}).object()[u"summary"_s][u"change"_s].toInt(), 0);
    }

    void conflictAfterTheListing()
    {
        // The plan is made from a listing; then someone else changes 700102 before the applier reaches it.
        Endpoints endpoints(m_fx->sandbox()->region());
        endpoints.setEndpointOverride(m_fx->endpoint());
        const Credential admin(m_fx->sandbox()->accessKeyId(), m_fx->sandbox()->accessKeySecret(), {}, {},
                               u"sandbox admin"_s);
        ApiClient api(endpoints, [admin] { return admin; });
        DataWorksClient dataWorks(&api);
        RamClient ram(&api);
        ServerIdeListing* listing = dataWorks.listServerIdeInstances({});
        QSignalSpy listed(listing, &ServerIdeListing::finished);
        QVERIFY(listed.wait(20000));
        const QList<Environment> environments = listing->environments();
        VisibilityStore store(m_fx->context().visibilityFilePath);
        QVERIFY(store.load());
        const RulesFile::Result rules = RulesFile::read(kExample);
        QVERIFY(rules.ok());
        const auto visibility = [&store](const QString& id) { return store.visibility(id); };
        const RulePlan::Plan plan = RulePlan::evaluate(rules.rules, environments, visibility);
        QCOMPARE(plan.change, kChanges);

        QCOMPARE(m_fx->run({u"role"_s, u"set"_s, u"700102"_s, u"--none"_s, u"--yes"_s}).code, 0);

        AuditLog audit(m_fx->path(u"applier-audit.sqlite"_s));
        QVERIFY(audit.open());
        RuleApplier::Options options;
        options.actor = u"acs:ram::1380246718450127:user/tester"_s;
        RuleApplier applier(rules.rules, &dataWorks, &ram, &audit, options);
        QSignalSpy finished(&applier, &RuleApplier::finished);
        applier.start(plan, environments, {});
        QVERIFY(finished.wait(60000));
        QCOMPARE(applier.items().size(), kChanges);
        for (const RuleApplier::Item& item : applier.items()) {
            if (item.instanceId == u"700102"_s)
                QCOMPARE(item.outcome, u"conflict"_s);
            else
                QCOMPARE(item.outcome, u"applied"_s);
        }
        QCOMPARE(applier.applied(), kChanges - 1);
        // The conflict changed nothing; the next plan shows 700102 again (now none -> default) and apply fixes it.
        const CliRun again = m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s});
        QCOMPARE(again.object()[u"summary"_s][u"change"_s].toInt(), 1);
        QCOMPARE(m_fx->run({u"apply"_s, u"--rules"_s, kExample, u"--yes"_s}).code, 0);
        QCOMPARE(
            m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s}).object()[u"summary"_s][u"change"_s].toInt(), 0);
    }

    void applierRunsThrottledChangesAgain()
    {
        // throttledRun() above is absorbed by ApiClient's own retries. Here the client gives up at the first 429
        // (one attempt), so every throttled read or write comes back to RuleApplier as a failed change, which must
        // run the whole change again after its pause until everything is applied, each environment exactly once.
        Endpoints endpoints(m_fx->sandbox()->region());
        endpoints.setEndpointOverride(m_fx->endpoint());
        const Credential admin(m_fx->sandbox()->accessKeyId(), m_fx->sandbox()->accessKeySecret(), {}, {},
                               u"sandbox admin"_s);
        ApiClient api(endpoints, [admin] { return admin; });
        DataWorksClient dataWorks(&api);
        RamClient ram(&api);
        ServerIdeListing* listing = dataWorks.listServerIdeInstances({});
        QSignalSpy listed(listing, &ServerIdeListing::finished);
        QVERIFY(listed.wait(20000));
        const QList<Environment> environments = listing->environments();
        VisibilityStore store(m_fx->context().visibilityFilePath);
        QVERIFY(store.load());
        const RulesFile::Result rules = RulesFile::read(kExample);
        QVERIFY(rules.ok());
        const RulePlan::Plan plan =
            RulePlan::evaluate(rules.rules, environments, [&store](const QString& id) { return store.visibility(id); });
        QCOMPARE(plan.change, kChanges);

        ApiClient::Options once = api.options();
        once.maxAttempts = 1;
        api.setOptions(once);
        SandboxFaults faults;
        // A change is 3-5 requests: some fit in a second, most runs collide (under ASan the client is slower: 4).
        faults.throttleRequestsPerSecond = kUnderSanitizer ? 4 : 6;
        faults.throttleAllOperationsTogether = true; // ... on one quota
        faults.scope = SandboxFaults::Pop;
        m_fx->sandbox()->setFaults(faults);

        AuditLog audit(m_fx->path(u"applier-throttled-audit.sqlite"_s));
        QVERIFY(audit.open());
        RuleApplier::Options options;
        options.actor = u"acs:ram::1380246718450127:user/tester"_s;
        options.throttleRetries = 40;
        options.throttleBaseDelayMs = 150;
        options.throttleMaxDelayMs = 600;
        RuleApplier applier(rules.rules, &dataWorks, &ram, &audit, options);
        QSignalSpy throttled(&applier, &RuleApplier::throttled);
        QSignalSpy finished(&applier, &RuleApplier::finished);
        applier.start(plan, environments, {});
        QVERIFY(finished.wait(180000));
        m_fx->sandbox()->setFaults({});

        QVERIFY2(throttled.count() > 0, "RuleApplier was never throttled: the test did not test its retries");
        int retried = 0;
        for (const RuleApplier::Item& item : applier.items()) {
            QVERIFY2(item.outcome == u"applied"_s,
                     qPrintable(item.instanceId + u": "_s + item.outcome + u" "_s + item.message));
            retried += item.throttled;
        }
        QCOMPARE(retried, int(throttled.count()));
        QCOMPARE(applier.applied(), kChanges);
        // Each environment changed (and audited) exactly once, whatever was tried again.
        const QList<AuditEntry> entries = audit.query(AuditQuery());
        QStringList ids;
        for (const AuditEntry& e : entries)
            if (e.outcome == u"applied"_s)
                ids << e.instanceId;
        QCOMPARE(ids.size(), kChanges);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), kChanges);
        QCOMPARE(
            m_fx->run({u"plan"_s, u"--rules"_s, kExample, u"--json"_s}).object()[u"summary"_s][u"change"_s].toInt(), 0);
    }

    void needsYesWithoutTerminal()
    {
        const CliRun r = m_fx->run({u"apply"_s, u"--rules"_s, kExample});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"--yes"_s));
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestApplyCommand)
#include "test_applycommand.moc"
