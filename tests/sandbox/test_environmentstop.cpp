// The revocation truth end to end against the sandbox on loopback: what the API reports about exposure
// (ForwardInfos), the stop operation (StopServerIdeInstance with InstanceId in the query, Stopping -> Stopped,
// polled), its failures and cancellation, its audit entries, and the sandbox keeping the old role's credential after a
// role change until it expires (on a MockClock).
#include "MockClock.h"
#include "Sandbox.h"
#include "SandboxEngine.h"
#include "SecretScanner.h"
#include "SignedRequests.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/EnvironmentStop.h"
#include "model/AuditLog.h"
#include "model/CredentialConfigMapping.h"
#include "model/Exposure.h"
#include "model/Revocation.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestEnvironmentStop : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DataWorksClient> m_dw;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_audit;

    Environment read(const QString& id)
    {
        Environment env;
        bool done = false;
        m_dw->getServerIdeInstance(id, [&](const Environment& e, const ApiError& error) {
            if (error.isError())
                qWarning() << error.toString();
            env = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning("no answer");
        return env;
    }

    QStringList auditOutcomes(const QString& id) const
    {
        AuditQuery q;
        q.instanceId = id;
        QStringList outcomes;
        for (const AuditEntry& e : m_audit->query(q))
            outcomes << e.outcome;
        return outcomes;
    }

    static EnvironmentStop::Options fast(int maxPolls = 2000)
    {
        EnvironmentStop::Options o;
        o.pollIntervalMs = 20;
        o.maxPolls = maxPolls;
        o.actor = u"acs:ram::1380246718450127:user/roledesk-admin"_s;
        return o;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_sandbox = std::make_unique<Sandbox>();
        const QUrl base = m_sandbox->start();
        QVERIFY(base.isValid());
        m_sandbox->setTransitionDelayMs(300);
        Endpoints endpoints(m_sandbox->region());
        endpoints.setEndpointOverride(base);
        const Credential admin(m_sandbox->accessKeyId(), m_sandbox->accessKeySecret(), {}, {}, u"sandbox admin"_s);
        m_api = std::make_unique<ApiClient>(endpoints, [admin] { return admin; });
        ApiClient::Options options;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 200;
        options.timeoutMs = 20000;
        m_api->setOptions(options);
        m_dw = std::make_unique<DataWorksClient>(m_api.get());
        m_dir = std::make_unique<QTemporaryDir>();
        m_audit = std::make_unique<AuditLog>(m_dir->filePath(u"audit.sqlite"_s));
        QVERIFY(m_audit->open());
    }

    void cleanup()
    {
        m_audit.reset();
        m_dw.reset();
        m_api.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    // What the sandbox serves reaches the model through the real API path, without key material.
    void exposureThroughTheApi()
    {
        const Environment bridge = read(u"700126"_s); // iot_partner_bridge: custom role, internet SSH with a key
        QCOMPARE(bridge.forwardInfos.size(), 2);
        const Exposure x = Exposure::of(bridge, Visibility::Private);
        QVERIFY(x.isInternetReachableWithRole());
        QCOMPARE(x.internetPortTexts(), QStringList{u"22->22026"_s});
        QVERIFY(x.internetSshKeySet());
        QVERIFY(x.internetForwards.first().hasEip);
        QString text;
        QDebug(&text) << bridge;
        text += x.forwardDescriptions().join(u'\n') + x.summary();
        QVERIFY(!text.contains(u"AAAA"_s));

        QVERIFY(Exposure::of(read(u"700135"_s), Visibility::Private).isInternetReachable());  // NAT, no key
        QVERIFY(!Exposure::of(read(u"700124"_s), Visibility::Private).isInternetReachable()); // intranet only
        QVERIFY(!Exposure::of(read(u"700120"_s), Visibility::Private).isInternetReachable()); // disabled
        QVERIFY(read(u"700101"_s).forwardInfos.isEmpty());
    }

    void stopsARunningEnvironmentAndAuditsIt()
    {
        const Environment shown = read(u"700126"_s);
        QCOMPARE(shown.status, EnvironmentStatus::Running);
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy statuses(&stop, &EnvironmentStop::statusChanged);
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(shown, fast());
        QVERIFY(finished.wait(30000));
        QCOMPARE(EnvironmentStop::outcomeToString(stop.outcome()), u"stopped"_s);
        QVERIFY(stop.errorString().isEmpty());
        // The realistic transition was seen on the way.
        QVERIFY(!statuses.isEmpty());
        QCOMPARE(statuses.first().at(0).value<EnvironmentStatus>(), EnvironmentStatus::Stopping);
        QCOMPARE(stop.lastStatus(), EnvironmentStatus::Stopped);
        QCOMPARE(read(u"700126"_s).status, EnvironmentStatus::Stopped);
        QCOMPARE(auditOutcomes(u"700126"_s), (QStringList{u"stop: requested"_s, u"stop: stopped"_s}));
        const AuditEntry entry = m_audit->query().constLast();
        QCOMPARE(entry.fromRole, entry.toRole); // a stop changes no role
        QVERIFY(entry.actor.contains(u"roledesk-admin"_s));
    }

    void alreadyStoppedSendsNothing()
    {
        const Environment shown = read(u"700102"_s); // Stopped
        const qint64 before = m_sandbox->engine()->requestCount();
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(shown, fast());
        QVERIFY(finished.wait(10000));
        QCOMPARE(stop.outcome(), EnvironmentStop::Outcome::AlreadyStopped);
        QCOMPARE(m_sandbox->engine()->requestCount(), before);
        QCOMPARE(auditOutcomes(u"700102"_s), QStringList{u"stop: already stopped"_s});
    }

    void aRefusedStopFailsWithTheServiceReason()
    {
        Environment stale = read(u"700110"_s);     // Starting: the service refuses to stop it
        stale.status = EnvironmentStatus::Running; // as a stale view would show it
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(stale, fast());
        QVERIFY(finished.wait(30000));
        QCOMPARE(stop.outcome(), EnvironmentStop::Outcome::Failed);
        QVERIFY(stop.apiError().isError());
        QVERIFY2(stop.errorString().contains(u"700110"_s) && stop.errorString().contains(u"refused"_s),
                 qPrintable(stop.errorString()));
        const QStringList outcomes = auditOutcomes(u"700110"_s);
        QCOMPARE(outcomes.size(), 1);
        QVERIFY2(outcomes.first().startsWith(u"stop: failed"_s), qPrintable(outcomes.first()));
    }

    void serverErrorsFailTheStop()
    {
        const Environment shown = read(u"700126"_s);
        SandboxFaults faults;
        faults.errorRate = 1.0;
        faults.scope = SandboxFaults::Pop;
        m_sandbox->setFaults(faults);
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(shown, fast());
        QVERIFY(finished.wait(30000));
        m_sandbox->setFaults(SandboxFaults());
        QCOMPARE(stop.outcome(), EnvironmentStop::Outcome::Failed);
        QCOMPARE(read(u"700126"_s).status, EnvironmentStatus::Running);
    }

    void givesUpWhenItNeverStops()
    {
        m_sandbox->setTransitionDelayMs(600000);
        const Environment shown = read(u"700126"_s);
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(shown, fast(3));
        QVERIFY(finished.wait(30000));
        QCOMPARE(stop.outcome(), EnvironmentStop::Outcome::Failed);
        QCOMPARE(stop.polls(), 3);
        QVERIFY2(stop.errorString().contains(u"Stopping"_s), qPrintable(stop.errorString()));
    }

    void cancelStopsFollowingAndSaysSo()
    {
        m_sandbox->setTransitionDelayMs(600000);
        const Environment shown = read(u"700126"_s);
        EnvironmentStop stop(m_dw.get(), m_audit.get());
        QSignalSpy statuses(&stop, &EnvironmentStop::statusChanged);
        QSignalSpy finished(&stop, &EnvironmentStop::finished);
        stop.start(shown, fast());
        QVERIFY(statuses.wait(30000)); // Stopping
        stop.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(stop.outcome(), EnvironmentStop::Outcome::Cancelled);
        QVERIFY(stop.errorString().contains(u"cannot be withdrawn"_s));
        QTest::qWait(100); // no poll after the cancel
        QCOMPARE(finished.size(), 1);
        QCOMPARE(auditOutcomes(u"700126"_s), (QStringList{u"stop: requested"_s, u"stop: cancelled (request sent)"_s}));

        // Cancelled before anything was sent: nothing stopped.
        EnvironmentStop early(m_dw.get(), m_audit.get());
        early.start(read(u"700101"_s), fast());
        early.cancel();
        QCOMPARE(early.outcome(), EnvironmentStop::Outcome::Cancelled);
        QTest::qWait(100);
        QCOMPARE(read(u"700101"_s).status, EnvironmentStatus::Running);
    }

    // The sandbox keeps handing out the old role's credential after the role is removed, until it expires; a stop
    // ends the serving. On a MockClock, through the engine.
    void oldCredentialServedUntilItExpires()
    {
        MockClock clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC)};
        SandboxEngine engine(&clock);
        QFile seed(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(engine.loadSeed(seed.readAll(), &error), qPrintable(error));
        engine.setBaseUrl(u"http://127.0.0.1:8080"_s);
        engine.setCredentialLifetimeSeconds(3600);
        engine.setTransitionDelayMs(2000);
        const SignedRequests::Key admin{engine.accessKeyId().toUtf8(), engine.accessKeySecret().toUtf8(), {}};
        const auto dw = [&](const QByteArray& action, const SignedRequests::Pairs& params) {
            return engine.handle(SignedRequests::v3(action, "2024-05-18", params, admin, clock.nowUtc()));
        };

        SandboxIssuedCredential before;
        QVERIFY(engine.currentEnvironmentCredential(u"700101"_s, &before, &error)); // default role, Running
        const QByteArray none = CredentialConfigMapping::toCompactJson(RoleAssociation::none()).toUtf8();
        QCOMPARE(dw("UpdateServerIdeInstance", {{"InstanceId", "700101"}, {"CredentialConfig", none}}).status, 200);
        const Revocation::Window window =
            Revocation::afterChange(RoleAssociation::dataWorksDefault(), RoleAssociation::none(), clock.nowUtc());
        SandboxIssuedCredential after;
        QVERIFY(engine.currentEnvironmentCredential(u"700101"_s, &after, &error));
        QCOMPARE(after.accessKeyId, before.accessKeyId); // still handed out after the role was removed
        QVERIFY(QDateTime::fromMSecsSinceEpoch(after.expiresMs, Qt::UTC) <= window.validUntilUtc());
        clock.advanceMinute(59);
        QVERIFY(engine.currentEnvironmentCredential(u"700101"_s, &after, &error));
        QCOMPARE(after.accessKeyId, before.accessKeyId);
        clock.advanceMinute(2); // expired: the environment now follows its configuration (no role)
        QVERIFY(!engine.currentEnvironmentCredential(u"700101"_s, &after, &error));
        QVERIFY2(error.contains(u"NoRoleAssociated"_s) || error.contains(u"No RAM role"_s), qPrintable(error));

        // Replace a role, then stop: Stopping, Stopped after the delay, and the old credential no longer served.
        SandboxIssuedCredential custom;
        QVERIFY(engine.currentEnvironmentCredential(u"700103"_s, &custom, &error));
        const QByteArray def = CredentialConfigMapping::toCompactJson(RoleAssociation::dataWorksDefault()).toUtf8();
        QCOMPARE(dw("UpdateServerIdeInstance", {{"InstanceId", "700103"}, {"CredentialConfig", def}}).status, 200);
        SandboxIssuedCredential still;
        QVERIFY(engine.currentEnvironmentCredential(u"700103"_s, &still, &error));
        QCOMPARE(still.accessKeyId, custom.accessKeyId);
        QCOMPARE(still.roleName, custom.roleName);
        SignedRequests::V3Options inQuery;
        inQuery.formBody = false; // as the SDK sends StopServerIdeInstance
        const SandboxRequest stopRequest = SignedRequests::v3(
            "StopServerIdeInstance", "2024-05-18", {{"InstanceId", "700103"}}, admin, clock.nowUtc(), inQuery);
        QCOMPARE(engine.handle(stopRequest).status, 200);
        SandboxData::Environment e;
        QVERIFY(engine.environment(u"700103"_s, &e));
        QCOMPARE(e.status, u"Stopping"_s);
        QVERIFY(!engine.currentEnvironmentCredential(u"700103"_s, &still, &error));
        clock.advanceSecond(3);
        QVERIFY(engine.environment(u"700103"_s, &e));
        QCOMPARE(e.status, u"Stopped"_s);
    }
};

QTEST_MAIN(TestEnvironmentStop)
#include "test_environmentstop.moc"
