// The credential inspector against an environment's credentials service on the in-process sandbox,
// driven by a MockClock (never by waiting): its states through a refresh, an expiry and a failed
// refresh, the notifications, reveal and copy, Validate and the MaxCompute test allowed and denied,
// the coarse countdown, the diagnosis when nothing can be fetched, and no secret in any log line.
#include "UiTestSupport.h"

#include "AppSettings.h"
#include "CredentialInspector.h"
#include "SecretClipboard.h"
#include "SecretScanner.h"

#include "api/DataWorksClient.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestCredentialInspector : public QObject
{
    Q_OBJECT

private:
    UiSandbox m_sb;
    std::unique_ptr<LogCapture> m_log;
    QStringList m_seenSecrets;

    Environment environment(const QString& id)
    {
        Environment result;
        bool done = false;
        m_sb.session->dataWorks()->getServerIdeInstance(id, [&](const Environment& env, const ApiError& error) {
            if (error.isError())
                qWarning() << error.toString();
            result = env;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning() << "GetServerIdeInstance did not answer";
        return result;
    }

    std::unique_ptr<CredentialInspector> makeInspector(bool withAdminSession = true)
    {
        auto inspector = std::make_unique<CredentialInspector>(&m_sb.clock);
        CredentialSource::Options options;
        options.checkIntervalMs = 20; // re-evaluate against the MockClock often; time itself never passes
        options.backoffInitialMs = 60'000;
        options.backoffMaxMs = 120'000;
        options.random = [] { return 0.5; };
        inspector->setSourceOptions(options);
        inspector->setUseTray(false);
        inspector->setWarnBeforeExpirySeconds(10 * 60);
        inspector->setRevealDurationMs(50);
        inspector->clipboard()->setClearDelay(50);
        if (withAdminSession)
            inspector->setAdminSession(m_sb.session.get());
        return inspector;
    }

    void remember(const CredentialInspector& inspector)
    {
        const Credential& c = inspector.source()->lastCredential();
        if (!c.isNull())
            m_seenSecrets << c.accessKeySecret() << c.securityToken();
    }

    static QString text(QObject* parent, const QString& name) { return child<QLabel>(parent, name)->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_log = std::make_unique<LogCapture>();
        QVERIFY(m_sb.start(3600));
    }

    void init()
    {
        // A failed step must not leave an outage behind for the next one.
        m_sb.sandbox->setFaults(SandboxFaults());
    }

    void countdownIsCoarse()
    {
        QCOMPARE(CredentialInspector::countdownText(42 * 60), QStringLiteral("42 min"));
        QCOMPARE(CredentialInspector::countdownText(65 * 60), QStringLiteral("1 h 5 min"));
        QCOMPARE(CredentialInspector::countdownText(60 * 60), QStringLiteral("1 h"));
        QCOMPARE(CredentialInspector::countdownText(61), QStringLiteral("2 min"));
        QCOMPARE(CredentialInspector::countdownText(59), QStringLiteral("59 s"));
        QCOMPARE(CredentialInspector::countdownText(0), QStringLiteral("expired"));
        QCOMPARE(CredentialInspector::countdownText(-5), QStringLiteral("expired"));
    }

    void roleNamesFromBothArnForms()
    {
        QCOMPARE(CredentialInspector::roleNameFromArn(QStringLiteral("acs:ram::123:assumed-role/DataWorksDev/s-1")),
                 QStringLiteral("DataWorksDev"));
        QCOMPARE(CredentialInspector::roleNameFromArn(QStringLiteral("acs:ram::123:role/datawORKSdev")),
                 QStringLiteral("datawORKSdev"));
        QCOMPARE(CredentialInspector::roleNameFromArn(QStringLiteral("acs:ram::123:user/alice")), QString());
    }

    void statesThroughRefreshExpiryAndFailure()
    {
        const QString id = QStringLiteral("700103"); // zhang_min_stock_analysis: Running, custom role, private
        const Environment env = environment(id);
        QVERIFY(env.role.isCustomRole());
        auto inspector = makeInspector();
        QSignalSpy notified(inspector.get(), &CredentialInspector::notified);
        inspector->setEnvironment(env, m_sb.sandbox->credentialsUri(id));
        inspector->show();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        const Credential first = inspector->source()->lastCredential();
        inspector->refreshView();
        QVERIFY(text(inspector.get(), QStringLiteral("stateLabel")).contains(QStringLiteral("Fresh")));
        QCOMPARE(text(inspector.get(), QStringLiteral("keyIdLabel")), first.maskedKeyId());
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("1 h"));
        QVERIFY(child<QLabel>(inspector.get(), QStringLiteral("expirationLabel"))
                    ->toolTip()
                    .endsWith(QStringLiteral("UTC")));
        QVERIFY(child<QProgressBar>(inspector.get(), QStringLiteral("lifetimeBar"))->value() >= 990);
        QVERIFY(text(inspector.get(), QStringLiteral("sourceLabel")).contains(QStringLiteral("credentials URI")));
        // The service URI's unguessable token is not put on screen in the target field.
        const QString token = m_sb.sandbox->credentialsUri(id).path().section(QLatin1Char('/'), -1);
        QVERIFY(!token.isEmpty());
        QVERIFY(!child<QLineEdit>(inspector.get(), QStringLiteral("inspectTarget"))->text().contains(token));

        // 30 minutes later: still fresh, a coarse countdown, the bar at half.
        m_sb.clock.advanceMinute(30);
        inspector->refreshView();
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("30 min"));
        QVERIFY(qAbs(child<QProgressBar>(inspector.get(), QStringLiteral("lifetimeBar"))->value() - 500) <= 10);

        // Inside the stale window (14 min left): refreshed in the background, the sandbox rotated it.
        m_sb.clock.advanceMinute(16);
        QTRY_VERIFY_WITH_TIMEOUT(inspector->source()->lastCredential().accessKeyId() != first.accessKeyId(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        const Credential second = inspector->source()->lastCredential();
        inspector->refreshView();
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("1 h"));

        // The credentials service goes down for two hours.
        SandboxFaults outage;
        outage.credentialsOutageFrom = m_sb.clock.nowUtc();
        outage.credentialsOutageUntil = m_sb.clock.nowUtc().addSecs(2 * 3600);
        m_sb.sandbox->setFaults(outage);

        // 52 minutes on, 8 left: the expiry warning (threshold 10 min), and the refresh fails.
        m_sb.clock.advanceMinute(52);
        QTRY_VERIFY_WITH_TIMEOUT(!inspector->source()->lastError().isNull(), 10000);
        QTRY_VERIFY(inspector->lastNotification().contains(QStringLiteral("refresh failed")) || notified.count() >= 2);
        bool warned = false;
        bool failed = false;
        for (const QList<QVariant>& args : std::as_const(notified)) {
            warned = warned || args.at(0).toString().contains(QStringLiteral("expires soon"));
            failed = failed || args.at(0).toString().contains(QStringLiteral("refresh failed"));
        }
        QVERIFY(warned);
        QVERIFY(failed);
        QVERIFY(child(inspector.get(), QStringLiteral("inspectorBanner"))->isVisible());
        inspector->refreshView();
        QCOMPARE(inspector->source()->state(), CredentialSource::State::RefreshDue);
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("8 min"));
        QVERIFY(text(inspector.get(), QStringLiteral("lastErrorLabel")).contains(QStringLiteral("503")));
        QVERIFY(text(inspector.get(), QStringLiteral("nextRefreshLabel")).contains(QStringLiteral("in ")));
        // The last good credential stays visible and usable until it expires.
        QCOMPARE(inspector->source()->lastCredential().accessKeyId(), second.accessKeyId());

        // Past the expiration: expired, never handed out, seconds only in the last minute before it.
        m_sb.clock.advanceSecond(7 * 60 + 15);
        inspector->refreshView();
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("45 s"));
        m_sb.clock.advanceMinute(1);
        QTRY_VERIFY_WITH_TIMEOUT(inspector->source()->state() == CredentialSource::State::Expired ||
                                     inspector->source()->state() == CredentialSource::State::Failed,
                                 10000);
        inspector->refreshView();
        QVERIFY(inspector->source()->usableCredential().isNull());
        QCOMPARE(text(inspector.get(), QStringLiteral("countdownLabel")), QStringLiteral("expired"));
        QVERIFY(!child<QPushButton>(inspector.get(), QStringLiteral("validateButton"))->isEnabled());
        const QString state = text(inspector.get(), QStringLiteral("stateLabel"));
        QVERIFY2(state.contains(QStringLiteral("Expired")) || state.contains(QStringLiteral("Failed")),
                 qPrintable(state));

        // The service comes back: the next retry (never abandoned) recovers.
        m_sb.sandbox->setFaults(SandboxFaults());
        m_sb.clock.advanceMinute(5);
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        inspector->refreshView();
        QCOMPARE(text(inspector.get(), QStringLiteral("lastErrorLabel")), QStringLiteral("none"));
    }

    void revealAndCopyAreShortLived()
    {
        const QString id = QStringLiteral("700103");
        auto inspector = makeInspector();
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        inspector->show();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        const Credential c = inspector->source()->lastCredential();
        auto* secret = child<QLineEdit>(inspector.get(), QStringLiteral("secretField"));
        auto* token = child<QLineEdit>(inspector.get(), QStringLiteral("tokenField"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("revealButton")), Qt::LeftButton);
        QVERIFY(inspector->isRevealed());
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        QTRY_COMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(!inspector->isRevealed());

        QClipboard* clipboard = QGuiApplication::clipboard();
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("copySecretButton")), Qt::LeftButton);
        QCOMPARE(clipboard->text(), c.accessKeySecret());
        QTRY_VERIFY(clipboard->text().isEmpty());
        // Something else copied meanwhile is left alone.
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("copyTokenButton")), Qt::LeftButton);
        QCOMPARE(clipboard->text(), c.securityToken());
        clipboard->setText(QStringLiteral("the user's own text"));
        QSignalSpy cleared(inspector->clipboard(), &SecretClipboard::cleared);
        QVERIFY(cleared.wait(2000));
        QCOMPARE(cleared.first().first().toBool(), false);
        QCOMPARE(clipboard->text(), QStringLiteral("the user's own text"));
    }

    void validateAndMaxComputeAllowedAndDenied()
    {
        const QString id = QStringLiteral("700103"); // custom role DataWorksDevRetailReader
        auto inspector = makeInspector();
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        inspector->show();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);

        QSignalSpy validated(inspector.get(), &CredentialInspector::validated);
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("validateButton")), Qt::LeftButton);
        QVERIFY(validated.wait(10000));
        QCOMPARE(validated.first().at(0).toBool(), true);
        QCOMPARE(validated.first().at(1).toBool(), true);
        QVERIFY(text(inspector.get(), QStringLiteral("validateResult"))
                    .contains(QStringLiteral("DataWorksDevRetailReader")));

        QSignalSpy tested(inspector.get(), &CredentialInspector::maxComputeTested);
        auto* project = child<QLineEdit>(inspector.get(), QStringLiteral("maxComputeProject"));
        project->setText(QStringLiteral("retail_dw"));
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("maxComputeButton")), Qt::LeftButton);
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.takeFirst().first().toBool(), true);
        QCOMPARE(child<QListWidget>(inspector.get(), QStringLiteral("maxComputeTables"))->count(), 12);
        QVERIFY(text(inspector.get(), QStringLiteral("maxComputeResult")).startsWith(QStringLiteral("Allowed")));

        project->setText(QStringLiteral("hr_confidential"));
        QTest::mouseClick(child<QPushButton>(inspector.get(), QStringLiteral("maxComputeButton")), Qt::LeftButton);
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.takeFirst().first().toBool(), false);
        const QString refusal = text(inspector.get(), QStringLiteral("maxComputeResult"));
        QVERIFY2(refusal.startsWith(QStringLiteral("Refused")), qPrintable(refusal));
        QVERIFY2(refusal.contains(QStringLiteral("HTTP 403")) || refusal.contains(QStringLiteral("Denied")) ||
                     refusal.contains(QStringLiteral("NoPermission")),
                 qPrintable(refusal));
    }

    void validateSeesAMismatchedRole()
    {
        // The environment as the dialog saw it says one role; its service hands out another's credential.
        const QString id = QStringLiteral("700103");
        Environment env = environment(id);
        env.role = RoleAssociation::customRole(
            QStringLiteral("acs:ram::%1:role/DataWorksDevRiskAnalyst").arg(m_sb.sandbox->accountId()));
        auto inspector = makeInspector();
        inspector->setEnvironment(env, m_sb.sandbox->credentialsUri(id));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        QSignalSpy validated(inspector.get(), &CredentialInspector::validated);
        inspector->validate();
        QVERIFY(validated.wait(10000));
        QCOMPARE(validated.first().at(0).toBool(), true);
        QCOMPARE(validated.first().at(1).toBool(), false);
        QVERIFY(text(inspector.get(), QStringLiteral("validateResult")).contains(QStringLiteral("does NOT match")));
    }

    void environmentWithoutRoleExplainsInPlainWords()
    {
        const QString id = QStringLiteral("700122"); // no role: its service answers with an error
        auto inspector = makeInspector();
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Failed, 10000);
        auto* doctor = child<QPlainTextEdit>(inspector.get(), QStringLiteral("doctorReport"));
        QTRY_VERIFY_WITH_TIMEOUT(!doctor->isHidden(), 10000);
        QVERIFY(doctor->toPlainText().contains(QStringLiteral("No credential could be fetched")));
        QTRY_VERIFY_WITH_TIMEOUT(doctor->toPlainText().size() > 200, 10000);
        QVERIFY(!text(inspector.get(), QStringLiteral("lastErrorLabel")).isEmpty());
    }

    // Bug 8: an environment that is not running (chen_jie_lab, Saved). The error shows once, readable (no raw JSON on
    // screen), the real cause first with specific advice, and a configuration error is not retried forever.
    void environmentNotRunningShowsTheCauseOnceAndStops()
    {
        const QString id = QStringLiteral("700139"); // chen_jie_lab, Saved
        auto inspector = makeInspector();
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        inspector->show();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Failed, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!inspector->source()->isFetching(), 10000);
        inspector->refreshView();

        // The banner: the service's own words first, then what to do.
        const QString banner = text(inspector.get(), QStringLiteral("inspectorBannerLabel"));
        const qsizetype cause = banner.indexOf(QStringLiteral("is Saved"));
        const qsizetype advice = banner.indexOf(QStringLiteral("Start the environment"));
        QVERIFY2(cause >= 0 && advice > cause, qPrintable(banner));
        QVERIFY2(banner.indexOf(QStringLiteral("is Saved")) < 200, qPrintable(banner));

        // Once: no other visible text repeats the cause, and nothing on screen is raw JSON.
        int repeats = 0;
        for (QLabel* label : inspector->findChildren<QLabel*>()) {
            if (!label->isVisibleTo(inspector.get()))
                continue;
            repeats += int(label->text().count(QStringLiteral("is Saved")));
            QVERIFY2(!label->text().contains(QStringLiteral("{\"")), qPrintable(label->text()));
        }
        for (QPlainTextEdit* edit : inspector->findChildren<QPlainTextEdit*>()) {
            if (!edit->isVisibleTo(inspector.get()))
                continue;
            repeats += int(edit->toPlainText().count(QStringLiteral("is Saved")));
            QVERIFY2(!edit->toPlainText().contains(QStringLiteral("{\"")), qPrintable(edit->toPlainText()));
        }
        QCOMPARE(repeats, 1);
        // The whole answer stays available on hover.
        QVERIFY(child<QLabel>(inspector.get(), QStringLiteral("lastErrorLabel"))
                    ->toolTip()
                    .contains(QStringLiteral("EnvironmentNotRunning")));

        // Not retried: no next attempt, and time passing asks nothing more.
        QVERIFY(!inspector->source()->nextAttemptUtc().isValid());
        QSignalSpy failures(inspector->source(), &CredentialSource::refreshFailed);
        m_sb.clock.advanceMinute(30);
        QTest::qWait(200);
        QCOMPARE(failures.count(), 0);
        QVERIFY(text(inspector.get(), QStringLiteral("stateLabel")).contains(QStringLiteral("press Refresh")));
        // Refresh asks again, once.
        inspector->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, 10000);
        QVERIFY(!inspector->source()->nextAttemptUtc().isValid());
    }

    // roledesk --inspect takes its endpoints from the settings as the main window does (AppSettings::endpoints()):
    // a per-service STS override wins over the one override URL (here unresolvable), so Validate reaches STS.
    void settingsPerServiceOverridesReachValidate()
    {
        const QString id = QStringLiteral("700103");
        auto inspector = makeInspector(false);
        AppSettings settings;
        settings.region = m_sb.sandbox->region();
        settings.endpointOverride = QUrl(QStringLiteral("https://gw.roledesk-test.invalid"));
        settings.stsEndpoint = m_sb.endpoint;
        inspector->applySettings(settings);
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        QCOMPARE(inspector->connection()->endpoints().serviceOverride(ApiService::Sts), m_sb.endpoint);
        QSignalSpy validated(inspector.get(), &CredentialInspector::validated);
        inspector->validate();
        QVERIFY(validated.wait(30000));
        const QString result = text(inspector.get(), QStringLiteral("validateResult"));
        QVERIFY2(validated.first().at(0).toBool(), qPrintable(result));
        QVERIFY2(result.startsWith(QStringLiteral("Valid.")), qPrintable(result));
    }

    // Bug 8: a DNS failure on Validate is "could not check", not "not valid".
    void validateWithUnresolvableStsCouldNotCheck()
    {
        const QString id = QStringLiteral("700103");
        auto inspector = makeInspector(false); // its own endpoints (an admin session's would win)
        Endpoints unreachable(m_sb.sandbox->region());
        unreachable.setEndpointOverride(QUrl(QStringLiteral("https://sts.roledesk-test.invalid")));
        inspector->setEndpoints(unreachable);
        inspector->setEnvironment(environment(id), m_sb.sandbox->credentialsUri(id));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Fresh, 10000);
        remember(*inspector);
        QSignalSpy validated(inspector.get(), &CredentialInspector::validated);
        inspector->validate();
        QVERIFY(validated.wait(30000));
        QCOMPARE(validated.first().at(0).toBool(), false);
        const QString result = text(inspector.get(), QStringLiteral("validateResult"));
        QVERIFY2(result.startsWith(QStringLiteral("Could not check")), qPrintable(result));
        QVERIFY2(!result.contains(QStringLiteral("Not valid")), qPrintable(result));
    }

    void standaloneUriThatDoesNotAnswer()
    {
        auto inspector = std::make_unique<CredentialInspector>(&m_sb.clock);
        inspector->setUseTray(false);
        inspector->inspectUri(QUrl(QStringLiteral("http://127.0.0.1:1/credentials?token=abc123secret")));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->source()->state(), CredentialSource::State::Failed, 15000);
        inspector->refreshView();
        const QString error = text(inspector.get(), QStringLiteral("lastErrorLabel"));
        QVERIFY(!error.contains(QStringLiteral("abc123secret")));
        QVERIFY(!child<QPlainTextEdit>(inspector.get(), QStringLiteral("doctorReport"))->isHidden());
    }

    void noSecretInTheLogs()
    {
        QVERIFY(m_seenSecrets.size() >= 6);
        const QString found = m_log->findAny(m_seenSecrets + m_sb.secrets());
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("a secret reached the log: ") + found));
    }

    void cleanupTestCase()
    {
        m_sb.session.reset();
        m_sb.sandbox->stop();
        m_log.reset();
    }
};

QTEST_MAIN(TestCredentialInspector)
#include "test_credentialinspector.moc"
