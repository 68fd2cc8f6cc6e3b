// Issue 14: every HTTP client in RoleDesk against hostile servers on loopback: a 2^63-byte chunk, endless
// chunks, a body without Content-Length, and a server that drips one byte at a time. The clients must stop
// reading at their cap (decided on the bytes as they arrive, not when the main thread gets round to it) and
// give up at their overall deadline.

#include "api/ApiClient.h"
#include "credentials/CredentialHttp.h"
#include "util/PlainHttp.h"
#include "util/ReadCap.h"

#include "MockClock.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace {

// A server on its own thread (as a real remote peer is), writing as fast as the client lets it. It counts the
// bytes the kernel accepted: a client that stops reading stops it after the socket buffers fill.
class HostilePeer
{
public:
    enum class Mode
    {
        HugeChunk,     // Transfer-Encoding: chunked with one chunk of 2^63-1 bytes, then endless data
        EndlessChunks, // Transfer-Encoding: chunked, 4 KiB chunks forever
        NoLength,      // no Content-Length, Connection: close, endless data
        Drip,          // Content-Length: 1000 (under every cap), one byte every 50 ms
    };

    explicit HostilePeer(Mode mode, qint64 limitBytes = 64ll * 1024 * 1024)
        : m_mode(mode)
        , m_limit(limitBytes)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen, 4) != 0)
            qFatal("HostilePeer: cannot listen");
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~HostilePeer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_listen);
    }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/creds").arg(m_port)); }
    qint64 bytesWritten() const { return m_written.load(); }
    // When the request is in, and before answering, the peer makes the client's main thread busy for this long
    // (a GUI drawing, a CLI printing): a call posted to it now runs before anything the client's network thread
    // posts about the answer, so only a bound that is already in the network thread holds meanwhile.
    void blockMainThreadOnRequest(int ms) { m_blockMs = ms; }
    bool requestSeen() const { return m_requestSeen.load(); }

private:
    bool writeAll(int fd, const QByteArray& data)
    {
        qsizetype done = 0;
        while (done < data.size() && !m_stop) {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += n;
            m_written += n;
        }
        return !m_stop;
    }

    void run()
    {
        int fd = -1;
        while (!m_stop && fd < 0) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0)
                fd = ::accept(m_listen, nullptr, nullptr);
        }
        if (fd < 0)
            return;
        // Small kernel buffers on our side, so that what we managed to write tells how much the client read.
        const int sendBuffer = 64 * 1024;
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
        QByteArray request;
        while (!m_stop && !request.contains("\r\n\r\n")) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            request.append(buffer, n);
        }
        m_requestSeen = true;
        if (const int ms = m_blockMs.load(); ms > 0)
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [ms] { QThread::msleep(ms); }, Qt::QueuedConnection);
        const QByteArray block(64 * 1024, 'x');
        switch (m_mode) {
        case Mode::HugeChunk:
            if (writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "7fffffffffffffff\r\n"))
                while (m_written < m_limit && writeAll(fd, block)) {
                }
            break;
        case Mode::EndlessChunks: {
            if (!writeAll(fd,
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"))
                break;
            const QByteArray chunk = "1000\r\n" + QByteArray(4096, 'y') + "\r\n";
            while (m_written < m_limit && writeAll(fd, chunk)) {
            }
            break;
        }
        case Mode::NoLength:
            if (writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"))
                while (m_written < m_limit && writeAll(fd, block)) {
                }
            break;
        case Mode::Drip:
            if (writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")) {
                // At most 20 s of dripping, so that a client without a deadline fails the test instead of hanging.
                for (int i = 0; i < 400 && !m_stop && writeAll(fd, "x"); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            break;
        }
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
    }

    Mode m_mode;
    qint64 m_limit;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_requestSeen{false};
    std::atomic<int> m_blockMs{0};
    std::atomic<qint64> m_written{0};
};

// Ample for the socket buffers of both sides on loopback (Linux autotunes the receive side up to 6 MiB), far
// below what an unbounded reader takes while the main thread is busy.
constexpr qint64 kReadBound = 24ll * 1024 * 1024;

// The race a busy machine plays (issue 14: a GET once read 64 MiB against a 64 KiB cap in a parallel suite): this
// thread is not scheduled right after it handed the request to Qt, while Qt's network thread is. Installed for one
// test, the hook blocks this thread right there, before the client has done anything else, until the peer has got
// rid of kReadBound bytes (the client reads without a bound) or has been stuck for a second (it is held back). A
// slow machine can only make the wait end early for an unbounded client (the test then misses), never fail a
// bounded one. The hook also queues a pause behind a start that Qt queued (a request with a body).
class PauseAfterStart
{
public:
    template<typename Peer>
    explicit PauseAfterStart(const Peer& peer)
    {
        std::function<qint64()> written = [&peer] { return peer.bytesWritten(); };
        ReadCap::setAfterStartHookForTesting([written](QNetworkReply* reply) {
            pauseWhileThePeerSends(written);
            QMetaObject::invokeMethod(
                reply, [written] { pauseWhileThePeerSends(written); }, Qt::QueuedConnection);
        });
    }
    ~PauseAfterStart() { ReadCap::setAfterStartHookForTesting({}); }
    PauseAfterStart(const PauseAfterStart&) = delete;
    PauseAfterStart& operator=(const PauseAfterStart&) = delete;

private:
    static void pauseWhileThePeerSends(const std::function<qint64()>& written)
    {
        QElapsedTimer overall;
        overall.start();
        QElapsedTimer still;
        still.start();
        qint64 last = 0;
        while (written() < kReadBound && overall.elapsed() < 20000 && still.elapsed() < 1500) {
            if (const qint64 now = written(); now != last) {
                last = now;
                still.restart();
            }
            QThread::msleep(5);
        }
    }
};

// Sends `request` by CredentialHttp while the main thread is not scheduled right after the start (PauseAfterStart)
// and is busy for a second once the request is in: Qt's network thread must not read on meanwhile. Returns the answer,
// none when it did not come within 30 s.
template<typename Peer>
std::optional<CredentialHttpResponse> sendWhileTheMainThreadIsBusy(Peer& peer, const CredentialHttpRequest& request)
{
    QNetworkAccessManager manager;
    QObject context;
    bool done = false;
    CredentialHttpResponse response;
    peer.blockMainThreadOnRequest(1000);
    PauseAfterStart pause(peer);
    CredentialHttp::send(&manager, request, &context, [&](const CredentialHttpResponse& r) {
        response = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return std::nullopt;
    return response;
}

// HostilePeer's 2^63-byte chunk over TLS (Qt's own client, a QSslSocket with a 64 KiB read buffer, keeps these
// requests: core/util/PlainHttp.h says why). A QSslServer on its own thread and event loop, writing as fast as the
// client lets it; it counts the encrypted bytes the kernel took. It shows Qt's TLS path bounded; it does not provoke
// the start race ReadCap::start() closes (the handshake outlasts the size's way to the network thread: without
// ReadCap the rows read 2-3 MB, with it 0.9-1.6 MB).
class TlsHostilePeer : public QThread
{
public:
    explicit TlsHostilePeer(qint64 limitBytes = 64ll * 1024 * 1024)
        : m_limit(limitBytes)
    {
        start();
        m_ready.acquire();
    }
    ~TlsHostilePeer() override
    {
        quit();
        wait();
    }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1/creds").arg(m_port)); }
    qint64 bytesWritten() const { return m_written.load(); }
    void blockMainThreadOnRequest(int ms) { m_blockMs = ms; }
    static QString data(const char* name)
    {
        return QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/data/tls/") + QLatin1String(name);
    }

protected:
    void run() override
    {
        QSslServer server;
        QFile certFile(data("server.pem"));
        QFile keyFile(data("server.key"));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            qFatal("TlsHostilePeer: no test certificate");
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(config);
        const QByteArray block(64 * 1024, 'x');
        QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&] {
            auto* socket = qobject_cast<QSslSocket*>(server.nextPendingConnection());
            if (!socket)
                return;
            auto request = std::make_shared<QByteArray>();
            auto answering = std::make_shared<bool>(false);
            // Keeps a little queued in the socket and refills it as the kernel takes it: as fast as the client reads.
            auto feed = [this, socket, block, answering] {
                while (*answering && m_written.load() < m_limit && socket->encryptedBytesToWrite() < 128 * 1024 &&
                       socket->bytesToWrite() < 128 * 1024)
                    socket->write(block);
            };
            QObject::connect(socket, &QSslSocket::encryptedBytesWritten, socket, [this, feed](qint64 n) {
                m_written += n;
                feed();
            });
            QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket, request, answering, feed] {
                *request += socket->readAll();
                if (*answering || !request->contains("\r\n\r\n"))
                    return;
                *answering = true;
                socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
                if (const int ms = m_blockMs.load(); ms > 0)
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(), [ms] { QThread::msleep(ms); }, Qt::QueuedConnection);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "7fffffffffffffff\r\n");
                feed();
            });
            QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        });
        if (!server.listen(QHostAddress::LocalHost, 0))
            qFatal("TlsHostilePeer: cannot listen");
        m_port = server.serverPort();
        m_ready.release();
        exec();
    }

private:
    qint64 m_limit;
    quint16 m_port = 0;
    QSemaphore m_ready;
    std::atomic<int> m_blockMs{0};
    std::atomic<qint64> m_written{0};
};

// The test CA, trusted by every client in this process (as CaBundle does with a bundle).
void trustTestCa()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(TlsHostilePeer::data("ca.pem"));
    if (!ca.isEmpty() && !config.caCertificates().contains(ca.first())) {
        config.addCaCertificates(ca);
        QSslConfiguration::setDefaultConfiguration(config);
    }
}

} // namespace

class TestHostilePeers : public QObject
{
    Q_OBJECT
private slots:
    void credentialHttpStopsAtItsCap_data();
    void credentialHttpStopsAtItsCap();
    void credentialHttpHasAnOverallDeadline();
    void apiClientStopsAtItsCap_data();
    void apiClientStopsAtItsCap();
    void apiClientDeadlineHoldsAgainstADrip();
    void overTlsQtStopsAtTheCap();
};

void TestHostilePeers::credentialHttpStopsAtItsCap_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("withBody");
    for (const bool withBody : {false, true}) {
        // With a body Qt would start the request later, from the event loop (ReadCap::start starts it at once).
        const char* method = withBody ? "POST with a body, " : "GET, ";
        QTest::addRow("%s2^63-byte chunk", method) << int(HostilePeer::Mode::HugeChunk) << withBody;
        QTest::addRow("%sendless chunks", method) << int(HostilePeer::Mode::EndlessChunks) << withBody;
        QTest::addRow("%sno Content-Length", method) << int(HostilePeer::Mode::NoLength) << withBody;
    }
}

void TestHostilePeers::credentialHttpStopsAtItsCap()
{
    QFETCH(int, mode);
    QFETCH(bool, withBody);
    HostilePeer peer{HostilePeer::Mode(mode)};
    CredentialHttpRequest request;
    request.url = peer.url();
    // Time-outs far beyond the pauses: this test is about the cap.
    request.connectTimeoutMs = 30000;
    request.readTimeoutMs = 30000;
    if (withBody) {
        request.method = "POST";
        request.body = "grant_type=token";
    }
    const std::optional<CredentialHttpResponse> answer = sendWhileTheMainThreadIsBusy(peer, request);
    QVERIFY2(answer, "no answer within 30 s");
    const CredentialHttpResponse& response = *answer;
    QCOMPARE(int(response.failure), int(CredentialHttpResponse::Failure::TooLarge));
    QVERIFY(response.body.size() <= request.maxBytes);
    QVERIFY2(response.describeFailure(request).contains(QStringLiteral("larger than")),
             qPrintable(response.describeFailure(request)));
    qInfo("the peer got rid of %lld bytes against a cap of %lld", peer.bytesWritten(), request.maxBytes);
    QVERIFY2(peer.bytesWritten() < kReadBound,
             qPrintable(QStringLiteral("the client read on: the peer wrote %1 bytes").arg(peer.bytesWritten())));
}

void TestHostilePeers::credentialHttpHasAnOverallDeadline()
{
    HostilePeer peer(HostilePeer::Mode::Drip);
    QNetworkAccessManager manager;
    QObject context;
    CredentialHttpRequest request;
    request.url = peer.url();
    request.connectTimeoutMs = 1000;
    request.readTimeoutMs = 1000; // never hit: a byte arrives every 50 ms
    request.deadlineMs = 1500;
    bool done = false;
    CredentialHttpResponse response;
    QElapsedTimer timer;
    timer.start();
    CredentialHttp::send(&manager, request, &context, [&](const CredentialHttpResponse& r) {
        response = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(int(response.failure), int(CredentialHttpResponse::Failure::Deadline));
    QVERIFY2(response.describeFailure(request).contains(QStringLiteral("1500 ms")),
             qPrintable(response.describeFailure(request)));
    QVERIFY2(timer.elapsed() < 15000, "the deadline did not cut the drip short");
    // The default deadline is derived from the two time-outs.
    CredentialHttpRequest defaults;
    QCOMPARE(defaults.effectiveDeadlineMs(), defaults.connectTimeoutMs + 2 * defaults.readTimeoutMs);
}

namespace {
std::unique_ptr<ApiClient> apiClientFor(const QUrl& endpoint, MockClock* clock, int timeoutMs, qint64 maxResponseBytes)
{
    Endpoints endpoints(QStringLiteral("cn-shanghai"));
    endpoints.setEndpointOverride(endpoint);
    auto client = std::make_unique<ApiClient>(
        endpoints,
        [] {
            return Credential(QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("TestSecretValue0123456789"), {},
                              {}, QStringLiteral("test"));
        },
        clock);
    ApiClient::Options options;
    options.maxAttempts = 1;
    options.timeoutMs = timeoutMs;
    options.maxResponseBytes = maxResponseBytes;
    client->setOptions(options);
    return client;
}

ApiRequest listRequest()
{
    return ApiRequest::pop(ApiService::DataWorks, QStringLiteral("ListServerIdeInstances"),
                           QStringLiteral("2024-05-18"), {{QStringLiteral("PageNumber"), QStringLiteral("1")}}, true);
}
} // namespace

void TestHostilePeers::apiClientStopsAtItsCap_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("2^63-byte chunk") << int(HostilePeer::Mode::HugeChunk);
    QTest::newRow("endless chunks") << int(HostilePeer::Mode::EndlessChunks);
    QTest::newRow("no Content-Length") << int(HostilePeer::Mode::NoLength);
}

void TestHostilePeers::apiClientStopsAtItsCap()
{
    // A POST (it has a body): Qt would start it from the event loop, after send() returned, and a read buffer size
    // set before that start never reaches Qt's network thread (core/util/ReadCap.h says why). This thread is
    // blocked for a second below while the server sends without end: only a bound already in the network thread
    // holds then. (No PauseAfterStart here: ApiClient starts through the same ReadCap::send() as CredentialHttp,
    // whose rows provoke the race. Over plain http Qt 6.4 read the 2^63-byte chunk in one loop for as long as the
    // kernel had data - 67 MB in CI - which is why plain http without a proxy goes through core/util/PlainHttp.)
    QFETCH(int, mode);
    HostilePeer peer{HostilePeer::Mode(mode)};
    MockClock clock;
    auto client =
        apiClientFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(peer.port())), &clock, 30000, 1024 * 1024);
    peer.blockMainThreadOnRequest(1000);
    ApiReply* reply = client->send(listRequest());
    QSignalSpy finished(reply, &ApiReply::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    const ApiError error = reply->error();
    QCOMPARE(int(error.kind), int(ApiError::Kind::Parse));
    QCOMPARE(error.code, QStringLiteral("ResponseTooLarge"));
    QVERIFY2(error.toString().contains(QStringLiteral("1048576")), qPrintable(error.toString()));
    QVERIFY(reply->body().isEmpty()); // nothing of a cut-off answer is kept
    qInfo("the peer got rid of %lld bytes against a cap of 1048576", peer.bytesWritten());
    QVERIFY2(peer.bytesWritten() < kReadBound,
             qPrintable(QStringLiteral("the client read on: the peer wrote %1 bytes").arg(peer.bytesWritten())));
}

void TestHostilePeers::apiClientDeadlineHoldsAgainstADrip()
{
    HostilePeer peer(HostilePeer::Mode::Drip);
    MockClock clock;
    auto client = apiClientFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(peer.port())), &clock, 1500, 1024 * 1024);
    QElapsedTimer timer;
    timer.start();
    ApiReply* reply = client->send(listRequest());
    QSignalSpy finished(reply, &ApiReply::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(int(reply->error().kind), int(ApiError::Kind::Timeout));
    QVERIFY2(timer.elapsed() < 15000, "the per-attempt time-out did not cut the drip short");
}

void TestHostilePeers::overTlsQtStopsAtTheCap()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    trustTestCa();
    {
        // CredentialHttp (64 KiB cap), the main thread paused right after the start and busy once the request is in.
        TlsHostilePeer peer;
        CredentialHttpRequest request;
        request.url = peer.url();
        request.connectTimeoutMs = 30000;
        request.readTimeoutMs = 30000;
        QNetworkAccessManager probe;
        QVERIFY(!PlainHttp::handles(&probe, request.url)); // Qt's client, not PlainHttp
        const std::optional<CredentialHttpResponse> answer = sendWhileTheMainThreadIsBusy(peer, request);
        QVERIFY2(answer, "no answer within 30 s");
        const CredentialHttpResponse& response = *answer;
        QCOMPARE(int(response.failure), int(CredentialHttpResponse::Failure::TooLarge));
        qInfo("TLS, CredentialHttp: the peer got rid of %lld bytes against a cap of %lld", peer.bytesWritten(),
              request.maxBytes);
        QVERIFY2(peer.bytesWritten() < kReadBound,
                 qPrintable(QStringLiteral("the client read on: the peer wrote %1 bytes").arg(peer.bytesWritten())));
    }
    {
        // ApiClient (1 MiB cap), the main thread busy for a second once the request is in.
        TlsHostilePeer peer;
        MockClock clock;
        auto client =
            apiClientFor(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(peer.port())), &clock, 30000, 1024 * 1024);
        peer.blockMainThreadOnRequest(1000);
        ApiReply* reply = client->send(listRequest());
        QSignalSpy finished(reply, &ApiReply::finished);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(reply->error().code, QStringLiteral("ResponseTooLarge"));
        qInfo("TLS, ApiClient: the peer got rid of %lld bytes against a cap of 1048576", peer.bytesWritten());
        QVERIFY2(peer.bytesWritten() < kReadBound,
                 qPrintable(QStringLiteral("the client read on: the peer wrote %1 bytes").arg(peer.bytesWritten())));
    }
}

QTEST_GUILESS_MAIN(TestHostilePeers)
#include "test_hostilepeers.moc"
