// roledesk-cli exec in-process against the sandbox: the child's exit code is passed on (128+N for signal N, 127 when
// it cannot start), the child finds only ALIBABA_CLOUD_CREDENTIALS_URI (no secret) in its environment and that URI
// answers an STS credential while the child runs.
#include "CliSandboxFixture.h"
#include "ExecCommand.h"

#include <QFile>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
const QString kRole = u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s;
const QString kParentToken = u"ParentSecurityTokenMustNotReachTheChild42"_s;
} // namespace

class TestExecCommand : public QObject
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
        QVERIFY2(m_log->findAny(m_fx->secrets() << kParentToken).isEmpty(), "a secret reached the log");
        m_fx.reset();
        m_log.reset();
    }

    void exitCodePassthrough_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("expected");
        QTest::newRow("0") << u"exit 0"_s << 0;
        QTest::newRow("7") << u"exit 7"_s << 7;
        QTest::newRow("255") << u"exit 255"_s << 255;
        QTest::newRow("SIGTERM") << u"kill -TERM $$"_s << 128 + 15;
        QTest::newRow("SIGKILL") << u"kill -KILL $$"_s << 128 + 9;
    }
    void exitCodePassthrough()
    {
        QFETCH(QString, script);
        QFETCH(int, expected);
        const CliRun r = m_fx->run({u"exec"_s, u"--role-arn"_s, kRole, u"--"_s, u"sh"_s, u"-c"_s, script});
        QCOMPARE(r.code, expected);
    }

    void sigtermIsPassedOn()
    {
        const QString ready = m_fx->path(u"ready"_s);
        // The command says when its trap is set; then roledesk-cli gets SIGTERM and must pass it on.
        std::function<void()> poll = [&] {
            if (QFile::exists(ready))
                ::raise(SIGTERM);
            else
                QTimer::singleShot(20, poll);
        };
        QTimer::singleShot(0, poll);
        const QString script = u"trap 'exit 42' TERM; touch '%1'; while :; do sleep 0.05; done"_s.arg(ready);
        const CliRun r = m_fx->run({u"exec"_s, u"--role-arn"_s, kRole, u"--"_s, u"sh"_s, u"-c"_s, script});
        QCOMPARE(r.code, 42);
    }

    void childEnvironmentHasOnlyTheUri()
    {
        // The parent has secrets in its environment (the admin key of the chain, and more).
        m_fx->context().credentials.environment.insert(u"ALICLOUD_SECRET_KEY"_s, kParentToken);
        m_fx->context().credentials.environment.insert(u"ALIBABA_CLOUD_SECURITY_TOKEN_FILE"_s, kParentToken);
        m_fx->context().credentials.environment.insert(u"UNRELATED_SETTING"_s, u"kept"_s);
        const QString envFile = m_fx->path(u"child-env.txt"_s);
        const QString answerFile = m_fx->path(u"child-answer.txt"_s);
        // The child records its environment and reads its credentials URI while it runs (curl or python3).
        const QString script =
            u"env > '%1'; python3 -c \"import os,urllib.request;"
            "open('%2','wb').write(urllib.request.urlopen(os.environ['ALIBABA_CLOUD_CREDENTIALS_URI'])"
            ".read())\""_s.arg(envFile, answerFile);
        const CliRun r = m_fx->run({u"exec"_s, u"--role-arn"_s, kRole, u"--"_s, u"sh"_s, u"-c"_s, script});
        QCOMPARE(r.code, 0);
        QFile env(envFile);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QString childEnv = QString::fromUtf8(env.readAll());
        QVERIFY(childEnv.contains(u"ALIBABA_CLOUD_CREDENTIALS_URI=http://127.0.0.1:"_s));
        QVERIFY(childEnv.contains(u"UNRELATED_SETTING=kept"_s));
        QVERIFY(!childEnv.contains(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s));
        QVERIFY(!childEnv.contains(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s));
        QVERIFY(!childEnv.contains(u"ALICLOUD_SECRET_KEY"_s));
        QVERIFY(!childEnv.contains(u"ALIBABA_CLOUD_SECURITY_TOKEN"_s));
        QStringList secrets = m_fx->secrets() << kParentToken;
        VERIFY_NO_SECRET(childEnv, secrets);
        QFile answer(answerFile);
        QVERIFY(answer.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(answer.readAll()).object();
        QCOMPARE(o[u"Code"_s].toString(), u"Success"_s);
        QVERIFY(o[u"AccessKeyId"_s].toString().startsWith(u"STS."_s));
        secrets << o[u"AccessKeySecret"_s].toString() << o[u"SecurityToken"_s].toString();
        VERIFY_NO_SECRET(r.all(), secrets);
        QVERIFY2(m_log->findAny(secrets).isEmpty(), "a served secret reached the log");
    }

    void childEnvironmentFunction()
    {
        QProcessEnvironment parent;
        parent.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, u"LTAIxxxxxxxxxxxx"_s);
        parent.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, u"s1"_s);
        parent.insert(u"ALIBABA_CLOUD_SECURITY_TOKEN"_s, u"t1"_s);
        parent.insert(u"ALIBABA_CLOUD_OIDC_TOKEN_FILE"_s, u"/x"_s);
        parent.insert(u"ALIBABA_CLOUD_ROLE_ARN"_s, u"acs:ram::1:role/x"_s);
        parent.insert(u"ALICLOUD_ACCESS_KEY"_s, u"a"_s);
        parent.insert(u"ALIBABACLOUD_ACCESS_KEY_SECRET"_s, u"b"_s);
        parent.insert(u"ALIBABA_CLOUD_CREDENTIALS_URI"_s, u"http://elsewhere/"_s);
        parent.insert(u"ALIBABA_CLOUD_REGION_ID"_s, u"cn-shanghai"_s);
        parent.insert(u"HOME"_s, u"/home/x"_s);
        const QProcessEnvironment child = ExecCommand::childEnvironment(parent, u"http://127.0.0.1:1/abc"_s);
        QCOMPARE(child.value(u"ALIBABA_CLOUD_CREDENTIALS_URI"_s), u"http://127.0.0.1:1/abc"_s);
        QCOMPARE(child.value(u"ALIBABA_CLOUD_REGION_ID"_s), u"cn-shanghai"_s);
        QCOMPARE(child.value(u"HOME"_s), u"/home/x"_s);
        QCOMPARE(child.value(u"ALIBABA_CLOUD_ECS_METADATA_DISABLED"_s), u"true"_s);
        for (const char* gone : {"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                                 "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
                                 "ALIBABA_CLOUD_ROLE_ARN", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET"})
            QVERIFY2(!child.contains(QString::fromLatin1(gone)), gone);
    }

    void failures()
    {
        QCOMPARE(m_fx->run({u"exec"_s, u"--role-arn"_s, kRole}).code, 2);
        QCOMPARE(m_fx->run({u"exec"_s, u"--role-arn"_s, kRole, u"--"_s}).code, 2);
        QCOMPARE(m_fx->run({u"exec"_s, u"--role-arn"_s, kRole, u"--"_s, u"no-such-program-roledesk"_s}).code, 127);
        // No usable credential: the command is not started.
        const QString marker = m_fx->path(u"started"_s);
        CliRun r = m_fx->run({u"exec"_s, u"--"_s, u"sh"_s, u"-c"_s, u"touch '%1'"_s.arg(marker)});
        QCOMPARE(r.code, 3); // the chain gives a long-term key: never served
        QVERIFY(!QFile::exists(marker));
        r = m_fx->run({u"exec"_s, u"--role-arn"_s, u"acs:ram::1380246718450127:role/PartnerEtlRole"_s, u"--"_s, u"sh"_s,
                       u"-c"_s, u"touch '%1'"_s.arg(marker)});
        QCOMPARE(r.code, 3);
        QVERIFY(!QFile::exists(marker));
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestExecCommand)
#include "test_execcommand.moc"
