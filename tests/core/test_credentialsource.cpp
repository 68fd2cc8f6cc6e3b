#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"

#include "CredentialFixtures.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// A provider whose answers the test scripts; with hold() the next fetch waits until release().
class ScriptedProvider : public CredentialProvider
{
public:
    explicit ScriptedProvider(const Clock* clock)
        : m_clock(clock)
    {}
    QString name() const override { return QStringLiteral("scripted"); }
    QString description() const override { return QStringLiteral("scripted provider"); }
    void fetch(Callback done) override
    {
        ++fetches;
        if (holding) {
            m_pending = done;
            return;
        }
        finish(done, next());
    }
    void release()
    {
        holding = false;
        if (m_pending) {
            Callback done = m_pending;
            m_pending = nullptr;
            finish(done, next());
        }
    }
    CredentialResult next() const
    {
        if (failing) {
            CredentialError e;
            e.source = description();
            e.message = QStringLiteral("outage");
            e.httpStatus = 503;
            return CredentialResult::failure(e);
        }
        const QDateTime exp = lifetimeSecs > 0 ? m_clock->nowUtc().addSecs(lifetimeSecs) : QDateTime();
        return CredentialResult::success(Credential(CredentialFixtures::keyId() + QString::number(fetches),
                                                    CredentialFixtures::secret(), CredentialFixtures::token(), exp,
                                                    description()));
    }

    int fetches = 0;
    bool failing = false;
    bool holding = false;
    qint64 lifetimeSecs = 3600;

private:
    const Clock* m_clock;
    Callback m_pending;
};

} // namespace

class TestCredentialSource : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void freshThenRefreshDue();
    void backgroundRefreshAheadOfStaleWindow();
    void shortLivedAnswerIsNotRefetchedInALoop();
    void backoffWithJitterBounds();
    void recoveryAfterOutage();
    void clockJumpReevaluatesAtOnce();
    void neverStopsRescheduling();
    void neverHandsOutExpired();
    void longTermKeyNeedsNoRefresh();
    void lostCallbackIsAbandoned();
    void stateNames();

private:
    CredentialSource* make(ScriptedProvider** provider, double random = 0.0);
    MockClock m_clock;
};

void TestCredentialSource::init()
{
    m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
}

CredentialSource* TestCredentialSource::make(ScriptedProvider** provider, double random)
{
    *provider = new ScriptedProvider(&m_clock);
    CredentialSource::Options options;
    options.checkIntervalMs = 10;
    options.random = [random] { return random; };
    auto* source = new CredentialSource(*provider, &m_clock, options, this);
    return source;
}

void TestCredentialSource::freshThenRefreshDue()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    s->start();
    QCOMPARE(s->state(), CredentialSource::State::Refreshing);
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    QCOMPARE(s->nextAttemptUtc(), m_clock.nowUtc().addSecs(3600 - 15 * 60 - 60));
    // Hold the background refresh so the stale window itself becomes visible.
    p->holding = true;
    p->failing = true;
    m_clock.advanceSecond(3600 - 15 * 60 - 60);
    QTRY_COMPARE(s->state(), CredentialSource::State::Refreshing);
    QVERIFY(!s->usableCredential().isNull());
    p->release();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh); // 16 min left: not yet in the window
    // Inside the window; the retry (backoff elapsed) fails again and the state says so honestly.
    m_clock.advanceSecond(61);
    QTRY_COMPARE(s->state(), CredentialSource::State::RefreshDue);
    QTRY_VERIFY(!s->isFetching());
    QVERIFY(!s->usableCredential().isNull());
    QVERIFY(!s->lastError().isNull());
}

void TestCredentialSource::backgroundRefreshAheadOfStaleWindow()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    QSignalSpy changed(s, &CredentialSource::credentialChanged);
    s->start();
    QTRY_COMPARE(changed.size(), 1);
    const QDateTime due = s->nextAttemptUtc();
    m_clock.set(due.addSecs(-1));
    QTest::qWait(50);
    QCOMPARE(p->fetches, 1);
    m_clock.set(due);
    QTRY_COMPARE(p->fetches, 2);
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(s->state(), CredentialSource::State::Fresh);
    QCOMPARE(s->usableCredential().accessKeyId(), CredentialFixtures::keyId() + QStringLiteral("2"));
}

void TestCredentialSource::shortLivedAnswerIsNotRefetchedInALoop()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    p->lifetimeSecs = 10 * 60; // inside the stale window from the start
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::RefreshDue);
    QCOMPARE(s->nextAttemptUtc(), m_clock.nowUtc().addSecs(60));
    QTest::qWait(50);
    QCOMPARE(p->fetches, 1);
    m_clock.advanceSecond(60);
    QTRY_COMPARE(p->fetches, 2);
}

void TestCredentialSource::backoffWithJitterBounds()
{
    for (double random : {0.0, 0.999}) {
        ScriptedProvider* p;
        CredentialSource* s = make(&p, random);
        p->failing = true;
        QSignalSpy failed(s, &CredentialSource::refreshFailed);
        s->start();
        const auto& o = s->options();
        for (int n = 1; n <= 10; ++n) {
            QTRY_COMPARE(failed.size(), n);
            QCOMPARE(s->state(), CredentialSource::State::Failed);
            QCOMPARE(s->consecutiveFailures(), n);
            const qint64 backoff = std::min(o.backoffInitialMs << (n - 1), o.backoffMaxMs);
            QCOMPARE(s->backoffMs(n), backoff);
            const qint64 delay = m_clock.nowUtc().msecsTo(s->nextAttemptUtc());
            QVERIFY2(delay <= backoff && delay >= qint64(double(backoff) * (1.0 - o.jitter)) - 1,
                     qPrintable(QStringLiteral("failure %1: delay %2 outside [%3, %4]")
                                    .arg(n)
                                    .arg(delay)
                                    .arg(qint64(double(backoff) * (1.0 - o.jitter)))
                                    .arg(backoff)));
            if (random == 0.0)
                QCOMPARE(delay, backoff);
            m_clock.set(s->nextAttemptUtc());
        }
        delete s;
    }
}

void TestCredentialSource::recoveryAfterOutage()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    p->failing = true;
    // Outage through the refresh window and past expiration.
    while (m_clock.nowUtc() < s->lastCredential().expiration().addSecs(120)) {
        const int before = p->fetches;
        m_clock.set(std::max(s->nextAttemptUtc(), m_clock.nowUtc()));
        QTRY_VERIFY(p->fetches > before && !s->isFetching());
    }
    QCOMPARE(s->state(), CredentialSource::State::Failed);
    QVERIFY(s->usableCredential().isNull());
    QVERIFY(s->lastError().message.contains(QStringLiteral("outage")));
    QVERIFY(s->nextAttemptUtc() > m_clock.nowUtc());
    p->failing = false;
    m_clock.set(s->nextAttemptUtc());
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    QCOMPARE(s->consecutiveFailures(), 0);
    QVERIFY(s->lastError().isNull());
    QVERIFY(!s->usableCredential().isNull());
}

void TestCredentialSource::clockJumpReevaluatesAtOnce()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    p->holding = true;
    // The machine slept for two hours: the credential expired meanwhile.
    m_clock.advanceHour(2);
    s->reevaluate();
    QCOMPARE(p->fetches, 2);
    QCOMPARE(s->state(), CredentialSource::State::Refreshing);
    QVERIFY(s->usableCredential().isNull());
    p->release();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);

    // Without reevaluate(), the periodic check notices within its granularity.
    p->holding = true;
    m_clock.advanceHour(2);
    QTRY_COMPARE(p->fetches, 3);
    QVERIFY(s->usableCredential().isNull());
    p->release();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
}

void TestCredentialSource::neverStopsRescheduling()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p, 0.5);
    p->failing = true;
    s->start();
    for (int n = 1; n <= 40; ++n) {
        QTRY_COMPARE(s->consecutiveFailures(), n);
        QVERIFY(s->nextAttemptUtc().isValid());
        QVERIFY(m_clock.nowUtc().msecsTo(s->nextAttemptUtc()) <= s->options().backoffMaxMs);
        m_clock.set(s->nextAttemptUtc());
    }
    QTRY_COMPARE(p->fetches, 41);
}

void TestCredentialSource::neverHandsOutExpired()
{
    LogCapture log;
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    p->lifetimeSecs = 5 * 60;
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::RefreshDue);
    p->holding = true;
    p->failing = true;
    m_clock.advanceSecond(60); // refresh starts and hangs
    QTRY_COMPARE(s->state(), CredentialSource::State::Refreshing);
    m_clock.advanceSecond(5 * 60);
    s->reevaluate();
    QVERIFY(s->usableCredential().isNull());
    QVERIFY(!s->lastCredential().isNull()); // still shown, as expired
    p->release();
    QTRY_COMPARE(s->state(), CredentialSource::State::Failed);
    QVERIFY(s->usableCredential().isNull());
    QVERIFY(log.findAny(CredentialFixtures::secrets()).isEmpty());
}

void TestCredentialSource::longTermKeyNeedsNoRefresh()
{
    ScriptedProvider* p;
    CredentialSource* s = make(&p);
    p->lifetimeSecs = 0;
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    QVERIFY(!s->nextAttemptUtc().isValid());
    m_clock.advanceHour(24 * 400);
    s->reevaluate();
    QCOMPARE(s->state(), CredentialSource::State::Fresh);
    QCOMPARE(p->fetches, 1);
}

void TestCredentialSource::lostCallbackIsAbandoned()
{
    auto* p = new ScriptedProvider(&m_clock);
    CredentialSource::Options options;
    options.checkIntervalMs = 10;
    options.fetchWatchdogMs = 100;
    options.random = [] { return 0.0; };
    auto* s = new CredentialSource(p, &m_clock, options, this);
    p->holding = true; // the provider never answers
    s->start();
    QTRY_COMPARE(s->state(), CredentialSource::State::Failed);
    QVERIFY(s->lastError().message.contains(QStringLiteral("abandoned")));
    QVERIFY(s->nextAttemptUtc().isValid());
    p->holding = false;
    m_clock.set(s->nextAttemptUtc());
    QTRY_COMPARE(s->state(), CredentialSource::State::Fresh);
    p->release(); // the late answer of the abandoned fetch changes nothing
    QTest::qWait(30);
    QCOMPARE(s->consecutiveFailures(), 0);
}

void TestCredentialSource::stateNames()
{
    QCOMPARE(CredentialSource::stateName(CredentialSource::State::Fresh), QStringLiteral("fresh"));
    QCOMPARE(CredentialSource::stateName(CredentialSource::State::RefreshDue), QStringLiteral("refresh-due"));
    QCOMPARE(CredentialSource::stateName(CredentialSource::State::Refreshing), QStringLiteral("refreshing"));
    QCOMPARE(CredentialSource::stateName(CredentialSource::State::Expired), QStringLiteral("expired"));
    QCOMPARE(CredentialSource::stateName(CredentialSource::State::Failed), QStringLiteral("failed"));
}

QTEST_GUILESS_MAIN(TestCredentialSource)
#include "test_credentialsource.moc"
