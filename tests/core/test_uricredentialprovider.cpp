#include "credentials/CredentialHttp.h"
#include "credentials/CredentialSource.h"
#include "credentials/UriCredentialProvider.h"

#include "CredentialFixtures.h"
#include "LoopbackHttpServer.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace CredentialFixtures;

// Every case the official libraries' tests cover, against a real loopback server, through the lifecycle
// object so that the state is asserted as well as the message.
class TestUriCredentialProvider : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void goodAnswer_data();
    void goodAnswer();
    void badAnswer_data();
    void badAnswer();
    void connectionRefused();
    void connectionClosedWithoutAnswer();
    void readTimeout();
    void destroyedWhileFetching();
    void connectTimeout();
    void oversizedAnswer();
    void emptyUri();
    void uriFromEnvironment();
    void queryIsRedacted();
    void loopbackBypassesProxy();

private:
    CredentialContext context() const;
    // Runs one fetch through a CredentialSource; returns it (owned by the test object).
    CredentialSource* run(UriCredentialProvider* provider);
    void assertNoLeak(CredentialSource* source);

    MockClock m_clock;
    LoopbackHttpServer* m_server = nullptr;
    LogCapture* m_log = nullptr;
};

void TestUriCredentialProvider::init()
{
    m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    m_server = new LoopbackHttpServer(this);
    m_log = new LogCapture;
}

void TestUriCredentialProvider::cleanup()
{
    delete m_log;
    m_log = nullptr;
    delete m_server;
    m_server = nullptr;
}

CredentialContext TestUriCredentialProvider::context() const
{
    CredentialContext c;
    c.clock = &m_clock;
    c.homePath = QStringLiteral("/nonexistent-home");
    return c;
}

CredentialSource* TestUriCredentialProvider::run(UriCredentialProvider* provider)
{
    auto* source = new CredentialSource(provider, &m_clock, this);
    source->start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(source->hasResult(), 20000); }();
    return source;
}

void TestUriCredentialProvider::assertNoLeak(CredentialSource* source)
{
    const QString text = source->lastError().toString();
    QVERIFY2(findSecret(text, secrets()).isEmpty(), "secret in error message");
    QVERIFY2(findSecret(text, secretPrefixes()).isEmpty(), "the beginning of a secret in error message");
    QVERIFY2(m_log->findAny(secretPrefixes()).isEmpty(), "the beginning of a secret in log");
    QVERIFY2(m_log->findAny(secrets()).isEmpty(), "secret in log");
    QString debugText;
    QDebug(&debugText) << source->lastCredential();
    QVERIFY2(findSecret(debugText, secrets()).isEmpty(), "secret in debug form");
}

void TestUriCredentialProvider::goodAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QDateTime>("expiration");
    const QDateTime exp(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC);
    QTest::newRow("seconds") << answer(exp) << exp;
    QTest::newRow("milliseconds") << toJson(answerObject(QStringLiteral("2026-01-01T18:00:00.500Z")))
                                  << exp.addMSecs(500);
    QTest::newRow("without Code") << answer(exp, QString()) << exp;
}

void TestUriCredentialProvider::goodAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QDateTime, expiration);
    m_server->setResponse(QStringLiteral("/creds"), 200, body);
    auto* provider = new UriCredentialProvider(context(), m_server->url(QStringLiteral("/creds")));
    CredentialSource* source = run(provider);
    QCOMPARE(source->state(), CredentialSource::State::Fresh);
    const Credential c = source->usableCredential();
    QCOMPARE(c.accessKeyId(), keyId());
    QCOMPARE(c.accessKeySecret(), secret());
    QCOMPARE(c.securityToken(), token());
    QCOMPARE(c.expiration(), expiration);
    QVERIFY(c.source().contains(QStringLiteral("credentials URI http://127.0.0.1:")));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().method, QByteArrayLiteral("GET"));
    assertNoLeak(source);
}

void TestUriCredentialProvider::badAnswer_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedText");
    const QDateTime exp(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC);
    QTest::newRow("400") << 400 << answer(exp) << QStringLiteral("HTTP status 400");
    QTest::newRow("403") << 403 << QByteArrayLiteral("{\"Code\":\"Forbidden\"}") << QStringLiteral("refused access");
    QTest::newRow("500") << 500 << answer(exp) << QStringLiteral("HTTP status 500");
    QTest::newRow("Code not Success") << 200 << answer(exp, QStringLiteral("Failed")) << QStringLiteral("\"Failed\"");
    for (const char* f : {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
        QJsonObject missing = answerObject(utc(exp));
        missing.remove(QLatin1String(f));
        QJsonObject empty = answerObject(utc(exp));
        empty.insert(QLatin1String(f), QString());
        QTest::newRow(qPrintable(QStringLiteral("%1 missing").arg(QLatin1String(f))))
            << 200 << toJson(missing) << QString::fromLatin1(f);
        QTest::newRow(qPrintable(QStringLiteral("%1 empty").arg(QLatin1String(f))))
            << 200 << toJson(empty) << QString::fromLatin1(f);
    }
    QByteArray truncated = answer(exp);
    truncated.chop(12);
    QTest::newRow("malformed JSON") << 200 << truncated << QStringLiteral("not valid JSON");
    QTest::newRow("JSON array") << 200 << QByteArray("[" + answer(exp) + "]") << QStringLiteral("not an object");
    for (const char* e : {"2026-01-01T18:00:00+08:00", "2026-01-01 18:00:00", "2026-01-01T18:00:00.123456Z"}) {
        QTest::newRow(e) << 200 << toJson(answerObject(QString::fromLatin1(e)))
                         << QStringLiteral("\"%1\"").arg(QLatin1String(e));
    }
    QTest::newRow("already expired") << 200 << answer(exp.addDays(-1)) << QStringLiteral("already expired");
}

void TestUriCredentialProvider::badAnswer()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedText);
    m_server->setResponse(QStringLiteral("/creds"), status, body);
    auto* provider = new UriCredentialProvider(context(), m_server->url(QStringLiteral("/creds")));
    CredentialSource* source = run(provider);
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY(source->usableCredential().isNull());
    QCOMPARE(source->lastError().httpStatus, status);
    QVERIFY(source->lastError().source.startsWith(QStringLiteral("credentials URI http://127.0.0.1:")));
    QVERIFY2(source->lastError().message.contains(expectedText), qPrintable(source->lastError().toString()));
    QVERIFY(source->nextAttemptUtc().isValid());
    assertNoLeak(source);
}

void TestUriCredentialProvider::connectionRefused()
{
    const quint16 port = LoopbackHttpServer::unusedPort();
    auto* provider = new UriCredentialProvider(context(), QUrl(QStringLiteral("http://127.0.0.1:%1/creds").arg(port)));
    CredentialSource* source = run(provider);
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QCOMPARE(source->lastError().httpStatus, 0);
    QVERIFY2(source->lastError().message.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(source->lastError().toString()));
    assertNoLeak(source);
}

void TestUriCredentialProvider::connectionClosedWithoutAnswer()
{
    LoopbackHttpServer::Response r;
    r.closeWithoutAnswer = true;
    m_server->setResponse(QStringLiteral("/creds"), r);
    CredentialSource* source = run(new UriCredentialProvider(context(), m_server->url(QStringLiteral("/creds"))));
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY(source->lastError().message.contains(QStringLiteral("Network error")));
}

void TestUriCredentialProvider::readTimeout()
{
    LoopbackHttpServer::Response r;
    r.body = answer(QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC));
    r.delayMs = 5000;
    m_server->setResponse(QStringLiteral("/slow"), r);
    UriCredentialProvider::Options options;
    options.readTimeoutMs = 300;
    QElapsedTimer timer;
    timer.start();
    CredentialSource* source =
        run(new UriCredentialProvider(context(), m_server->url(QStringLiteral("/slow")), options));
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY2(source->lastError().message.contains(QStringLiteral("read time-out")),
             qPrintable(source->lastError().toString()));
    QVERIFY(source->lastError().message.contains(QStringLiteral("300 ms")));
    QVERIFY2(timer.elapsed() < 4500, "the read time-out did not cut the wait short");
}

void TestUriCredentialProvider::destroyedWhileFetching()
{
    // A provider deleted with a fetch on the wire (an app quitting, a source replaced) must neither crash
    // nor call back into itself: aborting the reply used to deliver "finished" into the dying object.
    LoopbackHttpServer::Response r;
    r.body = answer(QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC));
    r.delayMs = 2000;
    m_server->setResponse(QStringLiteral("/slow"), r);
    for (int i = 0; i < 5; ++i) {
        auto* provider = new UriCredentialProvider(context(), m_server->url(QStringLiteral("/slow")));
        bool called = false;
        provider->fetch([&called](const CredentialResult&) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("/slow")), i + 1, 5000);
        delete provider;
        QTest::qWait(50);
        QVERIFY(!called);
    }
}

void TestUriCredentialProvider::connectTimeout()
{
    // A listening socket with a full accept queue: Linux drops further SYNs, so connecting hangs.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    QVERIFY(::listen(fd, 0) == 0);
    const quint16 port = ntohs(addr.sin_port);
    QList<QTcpSocket*> fillers;
    for (int i = 0; i < 4; ++i) {
        auto* filler = new QTcpSocket(this);
        filler->connectToHost(QHostAddress::LocalHost, port);
        filler->waitForConnected(300);
        fillers << filler;
    }
    UriCredentialProvider::Options options;
    options.connectTimeoutMs = 300;
    options.readTimeoutMs = 10000;
    QElapsedTimer timer;
    timer.start();
    CredentialSource* source =
        run(new UriCredentialProvider(context(), QUrl(QStringLiteral("http://127.0.0.1:%1/creds").arg(port)), options));
    const QString message = source->lastError().message;
    qDeleteAll(fillers);
    ::close(fd);
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY2(message.contains(QStringLiteral("connect time-out")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("300 ms")));
    QVERIFY2(timer.elapsed() < 5000, "the connect time-out did not cut the wait short");
}

void TestUriCredentialProvider::oversizedAnswer()
{
    QByteArray big = answer(QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC));
    big.append(QByteArray(200 * 1024, ' '));
    m_server->setResponse(QStringLiteral("/big"), 200, big);
    CredentialSource* source = run(new UriCredentialProvider(context(), m_server->url(QStringLiteral("/big"))));
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY2(source->lastError().message.contains(QStringLiteral("larger than 65536 bytes")),
             qPrintable(source->lastError().toString()));
    assertNoLeak(source);

    // Without Content-Length too (the cap must hold while reading).
    LoopbackHttpServer::Response chunkless;
    chunkless.body = big;
    chunkless.headers = {{QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}};
    m_server->setResponse(QStringLiteral("/big2"), chunkless);
    UriCredentialProvider::Options small;
    small.maxBytes = 1024;
    CredentialSource* second = run(new UriCredentialProvider(context(), m_server->url(QStringLiteral("/big2")), small));
    QVERIFY(second->lastError().message.contains(QStringLiteral("larger than 1024 bytes")));
}

void TestUriCredentialProvider::emptyUri()
{
    CredentialSource* source = run(new UriCredentialProvider(context(), QUrl()));
    QCOMPARE(source->state(), CredentialSource::State::Failed);
    QVERIFY(source->lastError().message.contains(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI")));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestUriCredentialProvider::uriFromEnvironment()
{
    m_server->setResponse(QStringLiteral("/env"), 200, answer(QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC)));
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"),
                         m_server->url(QStringLiteral("/env")).toString());
    CredentialSource* source = run(new UriCredentialProvider(c));
    QCOMPARE(source->state(), CredentialSource::State::Fresh);
    QCOMPARE(m_server->requestCount(QStringLiteral("/env")), 1);
}

void TestUriCredentialProvider::queryIsRedacted()
{
    m_server->setResponse(QStringLiteral("/q"), 500, QByteArrayLiteral("boom"));
    QUrl url = m_server->url(QStringLiteral("/q"));
    url.setQuery(QStringLiteral("token=TopSecretQueryToken"));
    CredentialSource* source = run(new UriCredentialProvider(context(), url));
    QVERIFY(!source->lastError().toString().contains(QStringLiteral("TopSecretQueryToken")));
    QVERIFY(source->lastError().source.endsWith(QStringLiteral("/q?****")));
    QVERIFY(m_log->findAny({QStringLiteral("TopSecretQueryToken")}).isEmpty());
}

void TestUriCredentialProvider::loopbackBypassesProxy()
{
    // A proxy that does not exist: using it would fail. Loopback must go direct.
    m_server->setResponse(QStringLiteral("/creds"), 200, answer(QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC)));
    CredentialContext c = context();
    const QString deadProxy = QStringLiteral("http://127.0.0.1:%1").arg(LoopbackHttpServer::unusedPort());
    c.environment.insert(QStringLiteral("HTTP_PROXY"), deadProxy);
    c.environment.insert(QStringLiteral("http_proxy"), deadProxy);
    CredentialSource* source = run(new UriCredentialProvider(c, m_server->url(QStringLiteral("/creds"))));
    QCOMPARE(source->state(), CredentialSource::State::Fresh);

    CredentialProxyFactory factory(c.environment);
    const auto direct = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://100.100.100.200/x"))));
    QCOMPARE(direct.value(0).type(), QNetworkProxy::NoProxy);
    const auto linkLocal = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://169.254.1.1/x"))));
    QCOMPARE(linkLocal.value(0).type(), QNetworkProxy::NoProxy);
    const auto remote = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://example.com/x"))));
    QCOMPARE(remote.value(0).type(), QNetworkProxy::HttpProxy);
    c.environment.insert(QStringLiteral("NO_PROXY"), QStringLiteral(".example.com"));
    CredentialProxyFactory noProxy(c.environment);
    const auto bypassed = noProxy.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://api.example.com/x"))));
    QCOMPARE(bypassed.value(0).type(), QNetworkProxy::NoProxy);
}

QTEST_GUILESS_MAIN(TestUriCredentialProvider)
#include "test_uricredentialprovider.moc"
