// The official @alicloud/credentials 2.4.7 against RoleDesk's local credentials service, run as the real
// roledesk-cli binary: it reads only the URI `serve` printed, gets an STS credential that STS accepts, and gets the
// new one after a rotation; a node program started by `exec` does the same through the default chain, and finds
// no secret in its environment. The sandbox runs in this process on a MockClock (started at the real time), so
// the test moves the rotation forward instead of waiting for it.
#include "MockClock.h"
#include "Sandbox.h"
#include "SecretScanner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kRole = u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s;
const int kLifetime = 600; // the sandbox's credential lifetime: under the 15-minute stale window of the libraries
} // namespace

class TestServeInterop : public QObject
{
    Q_OBJECT

private:
    const QString m_nodeDir = QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node");
    const QString m_cli = QStringLiteral(ROLEDESK_BINARY_DIR "/app/roledesk-cli");
    QString m_node;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Sandbox> m_sandbox;
    QUrl m_endpoint;
    std::unique_ptr<LogCapture> m_log;

    QProcessEnvironment baseEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Loopback only: a proxy from the CI environment must not catch the requests.
        for (const char* proxy : {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"})
            env.remove(QString::fromLatin1(proxy));
        for (const QString& key : env.keys())
            if (key.startsWith(u"ALIBABA_CLOUD_"_s))
                env.remove(key);
        env.insert(u"ALIBABA_CLOUD_ECS_METADATA_DISABLED"_s, u"true"_s);
        env.insert(u"ALIBABA_CLOUD_CLI_PROFILE_DISABLED"_s, u"true"_s);
        env.insert(u"SANDBOX_ENDPOINT"_s, m_endpoint.authority());
        // The admin key reaches roledesk-cli through its default chain.
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, m_sandbox->accessKeyId());
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, m_sandbox->accessKeySecret());
        return env;
    }

    // Waits (spinning the event loop, so the sandbox answers) for the next stdout line of proc.
    QJsonObject nextLine(QProcess& proc, int timeoutMs = 60000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!proc.canReadLine() && timer.elapsed() < timeoutMs && proc.state() != QProcess::NotRunning)
            QTest::qWait(20);
        if (!proc.canReadLine())
            return {};
        return QJsonDocument::fromJson(proc.readLine().trimmed()).object();
    }

    QStringList issuedSecrets(const QString& instanceId) const
    {
        QStringList secrets = {m_sandbox->accessKeySecret()};
        SandboxIssuedCredential c;
        QString error;
        if (m_sandbox->engine()->currentEnvironmentCredential(instanceId, &c, &error))
            secrets << c.accessKeySecret << c.securityToken << c.accessKeyId;
        return secrets;
    }

private slots:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_node.isEmpty(), "node is not on PATH: install Node.js (scripts/install-deps.sh)");
        QVERIFY2(QFileInfo::exists(m_nodeDir + u"/node_modules/@alicloud/credentials/package.json"_s),
                 "tests/interop/node/node_modules is missing: run `npm ci` in tests/interop/node");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(u"roledesk-cli not built at "_s + m_cli));
    }

    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_clock = std::make_unique<MockClock>(QDateTime::currentDateTimeUtc());
        m_sandbox = std::make_unique<Sandbox>(m_clock.get());
        Sandbox::Options options;
        options.credentialLifetimeSeconds = kLifetime;
        QString error;
        QVERIFY2(m_sandbox->load(options, &error), qPrintable(error));
        m_endpoint = m_sandbox->start(0);
        QVERIFY(!m_endpoint.isEmpty());
    }

    void cleanup()
    {
        m_sandbox->stop();
        m_sandbox.reset();
        m_log.reset();
    }

    void officialClientReadsTheUriServePrinted()
    {
        const QUrl envUri = m_sandbox->credentialsUri(u"700101"_s);
        QProcess serve;
        serve.setProcessEnvironment(baseEnvironment());
        serve.start(m_cli,
                    {u"serve"_s, u"--json"_s, u"--uri"_s, envUri.toString(), u"--min-refresh-interval"_s, u"1"_s});
        const QJsonObject first = nextLine(serve, 30000);
        const QString uri = first.value(u"uri"_s).toString();
        QVERIFY2(uri.startsWith(u"http://127.0.0.1:"_s), serve.readAllStandardError().constData());

        QProcess node;
        node.setWorkingDirectory(m_nodeDir);
        QProcessEnvironment nodeEnv = baseEnvironment();
        for (const QString& key : nodeEnv.keys())
            if (key.startsWith(u"ALIBABA_CLOUD_"_s))
                nodeEnv.remove(key);
        nodeEnv.insert(u"SERVE_URI"_s, uri);
        nodeEnv.insert(u"MODE"_s, u"rotate"_s);
        node.setProcessEnvironment(nodeEnv);
        node.start(m_node, {u"serve-read.js"_s});
        const QJsonObject step1 = nextLine(node);
        QVERIFY2(!step1.isEmpty() && !step1.contains(u"error"_s),
                 QByteArray(QJsonDocument(step1).toJson() + node.readAllStandardError()).constData());
        QCOMPARE(step1.value(u"step"_s).toInt(), 1);
        QCOMPARE(step1.value(u"keyIdPrefix"_s).toString(), u"STS."_s);
        QVERIFY(step1.value(u"tokenPresent"_s).toBool());
        QCOMPARE(step1.value(u"identityType"_s).toString(), u"AssumedRoleUser"_s);
        QVERIFY(step1.value(u"arn"_s).toString().contains(u":assumed-role/"_s));
        QStringList secrets = issuedSecrets(u"700101"_s);

        // The environment's credential rotates: serve picks up the new one, and so does the official client.
        m_clock->advanceSecond(kLifetime + 1);
        const QJsonObject step2 = nextLine(node);
        QVERIFY2(!step2.isEmpty() && !step2.contains(u"error"_s),
                 QByteArray(QJsonDocument(step2).toJson() + node.readAllStandardError()).constData());
        QCOMPARE(step2.value(u"step"_s).toInt(), 2);
        QVERIFY(step2.value(u"keyIdHash"_s).toString() != step1.value(u"keyIdHash"_s).toString());
        QCOMPARE(step2.value(u"identityType"_s).toString(), u"AssumedRoleUser"_s);
        secrets << issuedSecrets(u"700101"_s);
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 30000);
        QCOMPARE(node.exitCode(), 0);

        serve.terminate(); // SIGTERM: a clean stop
        QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, 30000);
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        const QString output = QString::fromUtf8(serve.readAllStandardOutput() + serve.readAllStandardError() +
                                                 node.readAllStandardOutput() + node.readAllStandardError());
        QVERIFY2(findSecret(output, secrets).isEmpty(), "a secret appeared in the output of serve or node");
        QVERIFY2(m_log->findAny(secrets).isEmpty(), "a secret reached the log");
    }

    void programStartedByExecRotates()
    {
        const QUrl envUri = m_sandbox->credentialsUri(u"700101"_s);
        QProcess exec;
        exec.setProcessEnvironment([&] {
            QProcessEnvironment env = baseEnvironment();
            env.insert(u"MODE"_s, u"rotate"_s);
            // Secrets in the parent's environment must not reach the child.
            env.insert(u"ALIBABA_CLOUD_SECURITY_TOKEN"_s, u"ParentTokenThatMustNotReachTheChild"_s);
            return env;
        }());
        exec.setWorkingDirectory(m_nodeDir);
        exec.start(m_cli, {u"exec"_s, u"--uri"_s, envUri.toString(), u"--min-refresh-interval"_s, u"1"_s, u"--"_s,
                           m_node, u"serve-read.js"_s});
        const QJsonObject step1 = nextLine(exec);
        QVERIFY2(!step1.isEmpty() && !step1.contains(u"error"_s),
                 QByteArray(QJsonDocument(step1).toJson() + exec.readAllStandardError()).constData());
        QCOMPARE(step1.value(u"identityType"_s).toString(), u"AssumedRoleUser"_s);
        QCOMPARE(step1.value(u"secretEnv"_s).toArray(), QJsonArray());
        QVERIFY(step1.value(u"uriEnv"_s).toBool());
        QStringList secrets = issuedSecrets(u"700101"_s) << u"ParentTokenThatMustNotReachTheChild"_s;
        m_clock->advanceSecond(kLifetime + 1);
        const QJsonObject step2 = nextLine(exec);
        QVERIFY2(!step2.isEmpty() && !step2.contains(u"error"_s),
                 QByteArray(QJsonDocument(step2).toJson() + exec.readAllStandardError()).constData());
        QVERIFY(step2.value(u"keyIdHash"_s).toString() != step1.value(u"keyIdHash"_s).toString());
        secrets << issuedSecrets(u"700101"_s);
        QTRY_VERIFY_WITH_TIMEOUT(exec.state() == QProcess::NotRunning, 30000);
        QCOMPARE(exec.exitCode(), 0); // node's exit code, passed on
        const QString output = QString::fromUtf8(exec.readAllStandardOutput() + exec.readAllStandardError());
        QVERIFY2(findSecret(output, secrets).isEmpty(), "a secret appeared in the output of exec");
    }

    void programStartedByExecAssumesTheRole()
    {
        QProcess exec;
        exec.setProcessEnvironment(baseEnvironment());
        exec.setWorkingDirectory(m_nodeDir);
        exec.start(m_cli, {u"exec"_s, u"--role-arn"_s, kRole, u"--endpoint"_s, m_endpoint.toString(), u"--"_s, m_node,
                           u"serve-read.js"_s});
        const QJsonObject step1 = nextLine(exec);
        QVERIFY2(!step1.isEmpty() && !step1.contains(u"error"_s),
                 QByteArray(QJsonDocument(step1).toJson() + exec.readAllStandardError()).constData());
        QVERIFY2(step1.value(u"arn"_s).toString().contains(u"DataWorksSharedAnalytics"_s),
                 qPrintable(step1.value(u"arn"_s).toString()));
        QCOMPARE(step1.value(u"secretEnv"_s).toArray(), QJsonArray());
        QTRY_VERIFY_WITH_TIMEOUT(exec.state() == QProcess::NotRunning, 30000);
        QCOMPARE(exec.exitCode(), 0);
        const QString output = QString::fromUtf8(exec.readAllStandardOutput() + exec.readAllStandardError());
        QVERIFY(findSecret(output, {m_sandbox->accessKeySecret(), m_sandbox->accessKeyId()}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServeInterop)
#include "test_serveinterop.moc"
