// roledesk-cli creds watch (state changes as JSON lines until SIGINT) and creds validate (GetCallerIdentity; exit 3
// when the credential is unusable) against the in-process sandbox.
#include "CliSandboxFixture.h"
#include "MockClock.h"

#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCredsWatchCommand : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_log = std::make_unique<LogCapture>(); }
    void cleanup() { m_log.reset(); }

    void validateAdminKey()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        const CliRun r = fx.run({u"creds"_s, u"validate"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.object();
        QCOMPARE(o[u"arn"_s].toString(), u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        QCOMPARE(o[u"accountId"_s].toString(), u"1380246718450127"_s);
        QCOMPARE(o[u"identityType"_s].toString(), u"RAMUser"_s);
        QCOMPARE(o[u"accessKeyId"_s].toString(), u"LTAI****7Qk"_s);
        VERIFY_NO_SECRET(r.all(), fx.secrets());
        QVERIFY(m_log->findAny(fx.secrets()).isEmpty());
    }

    void validateEnvironmentCredential()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        const QString uri = fx.sandbox()->credentialsUri(u"700101"_s).toString();
        const CliRun r = fx.run({u"creds"_s, u"validate"_s, u"--uri"_s, uri, u"--json"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"identityType"_s].toString(), u"AssumedRoleUser"_s);
        QVERIFY(r.object()[u"accessKeyId"_s].toString().startsWith(u"STS.****"_s));
        QVERIFY(r.object()[u"expiration"_s].toString().endsWith(u'Z'));
    }

    void validateUnusable()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, u"NotTheRightSecret1234"_s);
        CliRun r = fx.run({u"creds"_s, u"validate"_s, u"--json"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(u"SignatureDoesNotMatch"_s));
        QVERIFY(!r.all().contains(u"NotTheRightSecret1234"_s));
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, u"LTAI5tNoSuchKeyAtAll01"_s);
        r = fx.run({u"creds"_s, u"validate"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(!r.all().contains(u"LTAI5tNoSuchKeyAtAll01"_s));
        // An environment without a role: its credentials URI answers an error -> 3.
        r = fx.run({u"creds"_s, u"validate"_s, u"--uri"_s, fx.sandbox()->credentialsUri(u"700104"_s).toString()});
        QCOMPARE(r.code, 3);
        // Network failure: 1.
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s,
                                                    fx.sandbox()->accessKeySecret());
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, fx.sandbox()->accessKeyId());
        r = fx.run({u"creds"_s, u"validate"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s}, false);
        QCOMPARE(r.code, 1);
    }

    void validateWithInProcessSandbox()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        const CliRun r = fx.run({u"--sandbox"_s, u"creds"_s, u"validate"_s, u"--json"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"identityType"_s].toString(), u"RAMUser"_s);
    }

    void watchPrintsStateChangesUntilInterrupted()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        CliSandboxFixture fx;
        QVERIFY(fx.start(&clock, 3600));
        const QString uri = fx.sandbox()->credentialsUri(u"700101"_s).toString();
        CliRun r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        QElapsedTimer started;
        started.start();
        bool advanced = false;
        std::function<void()> step = [&] {
            out.flush();
            const qsizetype lines = r.out.count(u'\n');
            if (!advanced && lines >= 2) {
                // Into the refresh window: the source refreshes in the background and the sandbox rotates.
                clock.advanceSecond(3600 - 600);
                advanced = true;
            }
            if ((advanced && r.out.count(u"\"event\":\"credential\""_s) >= 2) || started.elapsed() > 20000) {
                ::raise(SIGTERM);
                return;
            }
            QTimer::singleShot(50, step);
        };
        QTimer::singleShot(0, step);
        CliApp app(fx.context());
        r.code = app.run({u"creds"_s, u"watch"_s, u"--uri"_s, uri, u"--json"_s}, out, err);
        out.flush();
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(r.out));
        QStringList events;
        QStringList states;
        for (const QString& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(!o.isEmpty(), qPrintable(line));
            QVERIFY(o[u"time"_s].toString().endsWith(u'Z'));
            QVERIFY(o.contains(u"source"_s));
            QVERIFY(o.contains(u"nextAttempt"_s));
            events << o[u"event"_s].toString();
            states << o[u"state"_s].toString();
            if (o[u"event"_s].toString() == u"credential"_s) {
                QVERIFY(o[u"accessKeyId"_s].toString().startsWith(u"STS.****"_s));
                QVERIFY(o[u"expiration"_s].toString().endsWith(u'Z'));
                QVERIFY(o[u"secondsLeft"_s].toDouble() > 0);
            }
        }
        // fresh, then refreshing in the background, then fresh again with the rotated credential.
        QCOMPARE(events.count(u"credential"_s), 2);
        QVERIFY(states.contains(u"fresh"_s));
        QVERIFY2(states.contains(u"refreshing"_s), qPrintable(r.out));
        QVERIFY(started.elapsed() < 20000);
        QVERIFY(!r.out.contains(u"AccessKeySecret"_s));
        QVERIFY(m_log->findAny(fx.secrets()).isEmpty());
    }

private:
    std::unique_ptr<LogCapture> m_log;
};

QTEST_GUILESS_MAIN(TestCredsWatchCommand)
#include "test_credswatchcommand.moc"
