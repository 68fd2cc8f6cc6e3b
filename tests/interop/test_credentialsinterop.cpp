#include "credentials/CredentialParser.h"
#include "credentials/CredentialSource.h"
#include "credentials/UriCredentialProvider.h"

#include "CredentialFixtures.h"
#include "LoopbackHttpServer.h"
#include "SecretScanner.h"
#include "util/Clock.h"
#include "util/Redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace CredentialFixtures;

// The official @alicloud/credentials 2.4.7 (credentials_uri) and RoleDesk's UriCredentialProvider read the same
// answers from one loopback server. For good answers they must agree on key id, secret, token and expiration
// (compared in memory; only masked values are ever printed). Where the official library is lax by design
// (it ignores Code, accepts an already expired answer, keeps serving expired credentials after failures),
// the test records both results and shows RoleDesk's stricter one.
class TestCredentialsInterop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void agreeOnGoodAnswers_data();
    void agreeOnGoodAnswers();
    void bothRefuse_data();
    void bothRefuse();
    void officialIgnoresCodeRoleDeskRefuses();
    void officialAcceptsExpiredRoleDeskRefuses();
    void officialKeepsServingExpiredAfterFailures();

private:
    // Starts the official client on url; it makes `calls` calls (each after the first waits for next()).
    bool startNode(QProcess& node, const QUrl& url, int calls);
    QJsonObject readLine(QProcess& node);
    void next(QProcess& node) { node.write("next\n"); }
    void finish(QProcess& node) { QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 30000); }
    CredentialSource* roleDesk(const QUrl& url);
    QString nodeDir() const { return QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node"); }

    LoopbackHttpServer m_server;
};

void TestCredentialsInterop::initTestCase()
{
    const QString module = nodeDir() + QStringLiteral("/node_modules/@alicloud/credentials/package.json");
    if (!QFileInfo::exists(module))
        QFAIL(qPrintable(QStringLiteral("The official npm packages are missing: run `npm ci` in %1").arg(nodeDir())));
    QProcess probe;
    probe.start(QStringLiteral("node"), {QStringLiteral("--version")});
    QVERIFY2(probe.waitForFinished(30000) && probe.exitCode() == 0, "node is not on PATH");
    QFile pkg(module);
    QVERIFY(pkg.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(pkg.readAll()).object().value(QStringLiteral("version")).toString(),
             QStringLiteral("2.4.7"));
}

bool TestCredentialsInterop::startNode(QProcess& node, const QUrl& url, int calls)
{
    node.setWorkingDirectory(nodeDir());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), nodeDir() + QStringLiteral("/node_modules"));
    // The official library would otherwise read these from the test machine.
    env.remove(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"));
    env.remove(QStringLiteral("HTTP_PROXY"));
    env.remove(QStringLiteral("http_proxy"));
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"),
               {nodeDir() + QStringLiteral("/creds-uri.js"), url.toString(), QString::number(calls)});
    return node.waitForStarted(30000);
}

QJsonObject TestCredentialsInterop::readLine(QProcess& node)
{
    QElapsedTimer timer;
    timer.start();
    while (!node.canReadLine() && timer.elapsed() < 60000) {
        if (node.state() == QProcess::NotRunning && !node.canReadLine())
            break;
        // Not waitForReadyRead: the loopback server lives on this thread's event loop.
        QTest::qWait(20);
    }
    const QByteArray line = node.readLine();
    if (line.isEmpty())
        qWarning().noquote() << "official client wrote nothing; stderr:"
                             << Redaction::redactSecrets(QString::fromUtf8(node.readAllStandardError()),
                                                         secrets() + secretPrefixes());
    return QJsonDocument::fromJson(line).object();
}

CredentialSource* TestCredentialsInterop::roleDesk(const QUrl& url)
{
    CredentialContext context;
    context.clock = Clock::system();
    CredentialSource::Options options;
    options.checkIntervalMs = 20;
    auto* source = new CredentialSource(new UriCredentialProvider(context, url), Clock::system(), options, this);
    source->start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(source->hasResult(), 20000); }();
    return source;
}

void TestCredentialsInterop::agreeOnGoodAnswers_data()
{
    QTest::addColumn<QString>("expiration");
    QTest::addColumn<QString>("code");
    const QDateTime exp = QDateTime::currentDateTimeUtc().addSecs(4 * 3600);
    QTest::newRow("seconds") << exp.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")) << QStringLiteral("Success");
    QTest::newRow("milliseconds") << exp.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
                                  << QStringLiteral("Success");
    QTest::newRow("without Code") << exp.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")) << QString();
}

void TestCredentialsInterop::agreeOnGoodAnswers()
{
    QFETCH(QString, expiration);
    QFETCH(QString, code);
    m_server.setResponse(QStringLiteral("/good"), 200, toJson(answerObject(expiration, code)));
    QProcess node;
    QVERIFY(startNode(node, m_server.url(QStringLiteral("/good")), 1));
    const QJsonObject official = readLine(node);
    finish(node);
    CredentialSource* ours = roleDesk(m_server.url(QStringLiteral("/good")));

    QVERIFY2(official.value(QStringLiteral("ok")).toBool(), "the official client refused a good answer");
    QCOMPARE(ours->state(), CredentialSource::State::Fresh);
    const Credential c = ours->usableCredential();
    // Compared without QCOMPARE so that a mismatch never prints a secret.
    QVERIFY2(official.value(QStringLiteral("accessKeyId")).toString() == c.accessKeyId(),
             qPrintable(QStringLiteral("key id: official %1, RoleDesk %2")
                            .arg(Redaction::maskKeyId(official.value(QStringLiteral("accessKeyId")).toString()),
                                 c.maskedKeyId())));
    QVERIFY2(official.value(QStringLiteral("accessKeySecret")).toString() == c.accessKeySecret(), "secrets differ");
    QVERIFY2(official.value(QStringLiteral("securityToken")).toString() == c.securityToken(), "tokens differ");
    QCOMPARE(qint64(official.value(QStringLiteral("expirationMs")).toDouble()), c.expiration().toMSecsSinceEpoch());
    qInfo().noquote() << "both read" << c.maskedKeyId() << "expiring" << c.expiration().toString(Qt::ISODateWithMs);
}

void TestCredentialsInterop::bothRefuse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("officialText");
    const QDateTime exp = QDateTime::currentDateTimeUtc().addSecs(4 * 3600);
    QTest::newRow("500") << 500 << answer(exp) << QStringLiteral("httpStatus: 500");
    QTest::newRow("403") << 403 << answer(exp) << QStringLiteral("httpStatus: 403");
    QByteArray truncated = answer(exp);
    truncated.chop(9);
    QTest::newRow("malformed JSON") << 200 << truncated << QStringLiteral("json parse failed");
    QJsonObject noToken = answerObject(utc(exp));
    noToken.remove(QStringLiteral("SecurityToken"));
    QTest::newRow("no SecurityToken") << 200 << toJson(noToken) << QStringLiteral("error retrieving credentials");
    const QString offset = exp.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+08:00"));
    QTest::newRow("offset expiration") << 200 << toJson(answerObject(offset)) << QStringLiteral("invalid UTC format");
}

void TestCredentialsInterop::bothRefuse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, officialText);
    m_server.setResponse(QStringLiteral("/bad"), status, body);
    QProcess node;
    QVERIFY(startNode(node, m_server.url(QStringLiteral("/bad")), 1));
    const QJsonObject official = readLine(node);
    finish(node);
    CredentialSource* ours = roleDesk(m_server.url(QStringLiteral("/bad")));
    QVERIFY2(!official.value(QStringLiteral("ok")).toBool(), "the official client accepted a bad answer");
    QCOMPARE(ours->state(), CredentialSource::State::Failed);
    // Node echoes the body, secrets included; RoleDesk's message must not.
    const QString officialError = official.value(QStringLiteral("error")).toString();
    qInfo().noquote() << "official:" << Redaction::redactSecrets(officialError, secrets() + secretPrefixes()).left(160);
    qInfo().noquote() << "RoleDesk:" << ours->lastError().toString().left(160);
    QVERIFY2(officialError.contains(officialText), "the official client failed for another reason");
    QVERIFY(findSecret(ours->lastError().toString(), secrets()).isEmpty());
    QVERIFY(findSecret(ours->lastError().toString(), secretPrefixes()).isEmpty());
}

void TestCredentialsInterop::officialIgnoresCodeRoleDeskRefuses()
{
    const QDateTime exp = QDateTime::currentDateTimeUtc().addSecs(4 * 3600);
    m_server.setResponse(QStringLiteral("/code"), 200, answer(exp, QStringLiteral("Failed")));
    QProcess node;
    QVERIFY(startNode(node, m_server.url(QStringLiteral("/code")), 1));
    const QJsonObject official = readLine(node);
    finish(node);
    CredentialSource* ours = roleDesk(m_server.url(QStringLiteral("/code")));
    // Lax by design: the official Node provider does not look at Code.
    QVERIFY2(official.value(QStringLiteral("ok")).toBool(), "the official client now checks Code: update this test");
    QCOMPARE(ours->state(), CredentialSource::State::Failed);
    QVERIFY(ours->lastError().message.contains(QStringLiteral("\"Failed\"")));
    QVERIFY(ours->usableCredential().isNull());
}

void TestCredentialsInterop::officialAcceptsExpiredRoleDeskRefuses()
{
    m_server.setResponse(QStringLiteral("/old"), 200, answer(QDateTime::currentDateTimeUtc().addSecs(-120)));
    QProcess node;
    QVERIFY(startNode(node, m_server.url(QStringLiteral("/old")), 1));
    const QJsonObject official = readLine(node);
    finish(node);
    CredentialSource* ours = roleDesk(m_server.url(QStringLiteral("/old")));
    QVERIFY2(official.value(QStringLiteral("ok")).toBool(), "the official client now refuses expired answers");
    QVERIFY(qint64(official.value(QStringLiteral("expirationMs")).toDouble()) < QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(ours->state(), CredentialSource::State::Failed);
    QVERIFY(ours->lastError().message.contains(QStringLiteral("already expired")));
}

void TestCredentialsInterop::officialKeepsServingExpiredAfterFailures()
{
    // A credential that lives 2.5 s, then the service breaks.
    const QDateTime exp = QDateTime::currentDateTimeUtc().addMSecs(2500);
    m_server.setResponse(QStringLiteral("/short"), 200,
                         toJson(answerObject(exp.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")))));
    QProcess node;
    QVERIFY(startNode(node, m_server.url(QStringLiteral("/short")), 2));
    const QJsonObject first = readLine(node);
    CredentialSource* ours = roleDesk(m_server.url(QStringLiteral("/short")));
    QVERIFY(first.value(QStringLiteral("ok")).toBool());
    QVERIFY(!ours->usableCredential().isNull());

    m_server.setResponse(QStringLiteral("/short"), 500, QByteArrayLiteral("{\"Code\":\"InternalError\"}"));
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > exp.addMSecs(200), 10000);
    next(node);
    const QJsonObject second = readLine(node);
    finish(node);
    // Official: still "ok", handing out the expired credential.
    QVERIFY2(second.value(QStringLiteral("ok")).toBool(), "the official client now reports the failure");
    QVERIFY2(second.value(QStringLiteral("accessKeySecret")).toString() == secret(), "not the old credential");
    // RoleDesk: refuses to hand out the expired credential and says why.
    QTRY_COMPARE_WITH_TIMEOUT(ours->state(), CredentialSource::State::Failed, 15000);
    QVERIFY(ours->usableCredential().isNull());
    QCOMPARE(ours->lastError().httpStatus, 500);
    QVERIFY(ours->nextAttemptUtc().isValid());
}

QTEST_GUILESS_MAIN(TestCredentialsInterop)
#include "test_credentialsinterop.moc"
