// core/util/PlainHttp against Qt's own HTTP client as the oracle: for the same requests and the same answers from a
// loopback server, a PlainHttp reply must write the bytes Qt writes (but Accept-Encoding: it decompresses nothing)
// and report what a QNetworkReply from QNetworkAccessManager reports (status, headers, body, error code and text);
// and it must keep what Qt's plain-HTTP path does not: no more of the answer held than the read buffer size.

#include "util/PlainHttp.h"
#include "util/ReadCap.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

namespace {

// One request as the server saw it.
struct SeenRequest
{
    QByteArray head; // request line and headers, CRLFs included
    QByteArray body;
    int connection = 0; // which accepted connection carried it (1, 2, ...)
};

// A loopback server that reads whole requests (headers and a Content-Length body) and answers each with `answer`,
// which writes to the socket (and may close it or hold the answer back).
class ScriptServer : public QTcpServer
{
public:
    using Answer = std::function<void(QTcpSocket*, const SeenRequest&)>;

    explicit ScriptServer(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                const int index = ++m_connections;
                ++m_open;
                m_maxOpen = qMax(m_maxOpen, m_open);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --m_open;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, index] {
                    *buffer += socket->readAll();
                    for (;;) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        SeenRequest request;
                        request.head = buffer->left(end + 4);
                        qint64 length = 0;
                        for (const QByteArray& line : request.head.split('\n'))
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        if (buffer->size() < end + 4 + length)
                            return;
                        request.body = buffer->mid(end + 4, length);
                        request.connection = index;
                        buffer->remove(0, end + 4 + length);
                        requests.append(request);
                        m_answer(socket, request);
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }

    QUrl url(const QString& path = QStringLiteral("/path")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    int connections() const { return m_connections; }
    int maxOpen() const { return m_maxOpen; }

    QList<SeenRequest> requests;

private:
    Answer m_answer;
    int m_connections = 0;
    int m_open = 0;
    int m_maxOpen = 0;
};

// What a finished reply reported.
struct Outcome
{
    int status = 0;
    QByteArray reason;
    int error = 0;
    QString errorString;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int finishedCount = 0;
};

Outcome run(QNetworkReply* reply)
{
    Outcome outcome;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { outcome.body += reply->readAll(); });
    QObject::connect(reply, &QNetworkReply::finished, reply, [&] { ++outcome.finishedCount; });
    if (!QTest::qWaitFor([&] { return outcome.finishedCount > 0; }, 10000))
        qWarning("no finished() within 10 s");
    QTest::qWait(20); // a second finished() would come now
    outcome.body += reply->readAll();
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    outcome.error = int(reply->error());
    outcome.errorString = reply->errorString();
    outcome.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return outcome;
}

QNetworkRequest requestFor(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

QNetworkReply* viaQt(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                     const QByteArray& body)
{
    if (method == "GET")
        return manager->get(request);
    if (method == "POST")
        return manager->post(request, body);
    return body.isEmpty() ? manager->sendCustomRequest(request, method)
                          : manager->sendCustomRequest(request, method, body);
}

// Qt's request head, without Accept-Encoding (PlainHttp asks for no compression).
QByteArray withoutAcceptEncoding(const QByteArray& head)
{
    QByteArray out;
    for (const QByteArray& line : head.split('\n'))
        if (!line.toLower().startsWith("accept-encoding:"))
            out += line + '\n';
    out.chop(1);
    return out;
}

} // namespace

class TestPlainHttp : public QObject
{
    Q_OBJECT
private slots:
    void handlesPlainHttpWithoutAProxyOnly();
    void writesTheBytesQtWrites_data();
    void writesTheBytesQtWrites();
    void reportsWhatQtReports_data();
    void reportsWhatQtReports();
    void connectionRefusedAsQt();
    void keepsConnectionsAlive();
    void retriesOnceWhenAKeptConnectionWasClosed();
    void atMostSixConnectionsPerHost();
    void abortAsQt();
    void holdsNoMoreThanTheReadBuffer();
    void appendAvailableStopsOneBytePastTheCap();
};

void TestPlainHttp::handlesPlainHttpWithoutAProxyOnly()
{
    QNetworkAccessManager manager;
    QVERIFY(PlainHttp::handles(&manager, QUrl(QStringLiteral("http://127.0.0.1:8080/x"))));
    QVERIFY(!PlainHttp::handles(&manager, QUrl(QStringLiteral("https://dataworks.aliyuncs.com/"))));
    manager.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 3128));
    QVERIFY(!PlainHttp::handles(&manager, QUrl(QStringLiteral("http://127.0.0.1:8080/x"))));
}

void TestPlainHttp::writesTheBytesQtWrites_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET with a query") << QByteArray("GET") << QByteArray() << QStringLiteral("/v1/x?a=1&b=%2F%20");
    QTest::newRow("GET, no path") << QByteArray("GET") << QByteArray() << QString();
    QTest::newRow("POST form") << QByteArray("POST") << QByteArray("grant_type=token&x=%2B") << QStringLiteral("/t");
    QTest::newRow("POST, empty body") << QByteArray("POST") << QByteArray() << QStringLiteral("/");
    QTest::newRow("PUT json") << QByteArray("PUT") << QByteArray("{\"a\":1}") << QStringLiteral("/p/q");
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << QStringLiteral("/d");
}

void TestPlainHttp::writesTheBytesQtWrites()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    ScriptServer server([](QTcpSocket* socket, const SeenRequest&) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    QNetworkAccessManager qt;
    QNetworkAccessManager ours;
    QUrl url = server.url(path);
    if (path.isEmpty())
        url.setPath(QString());
    QNetworkRequest request = requestFor(url);
    request.setRawHeader("x-acs-action", "ListServerIdeInstances");
    request.setRawHeader("Authorization", "ACS3-HMAC-SHA256 Credential=LTAI****,Signature=00");
    if (method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const Outcome fromQt = run(viaQt(&qt, request, method, body));
    const Outcome fromOurs = run(PlainHttp::send(&ours, request, method, body, 0));
    QCOMPARE(fromQt.status, 200);
    QCOMPARE(fromOurs.status, 200);
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(QString::fromLatin1(server.requests.at(1).head),
             QString::fromLatin1(withoutAcceptEncoding(server.requests.at(0).head)));
    QCOMPARE(server.requests.at(1).body, server.requests.at(0).body);
}

void TestPlainHttp::reportsWhatQtReports_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("closeAfter");
    QTest::newRow("Content-Length") << QByteArray("GET")
                                    << QByteArray(
                                           "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-acs-request-id: "
                                           "R1\r\nContent-Length: 11\r\n\r\n{\"a\":\"b c\"}")
                                    << false;
    QTest::newRow("chunked, extension, trailer")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nabcd\r\n3\r\nefg\r\n0\r\n"
                      "Trailer-One: 1\r\n\r\n")
        << false;
    QTest::newRow("until close") << QByteArray("GET")
                                 << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nevery byte to the end")
                                 << true;
    QTest::newRow("HTTP/1.0 until close")
        << QByteArray("GET") << QByteArray("HTTP/1.0 200 OK\r\n\r\nold server") << true;
    QTest::newRow("404 with a body") << QByteArray("GET")
                                     << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")
                                     << false;
    QTest::newRow("400") << QByteArray("POST") << QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}")
                         << false;
    QTest::newRow("403") << QByteArray("GET") << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                         << false;
    QTest::newRow("500") << QByteArray("GET")
                         << QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\n\r\nbad") << false;
    QTest::newRow("503") << QByteArray("GET")
                         << QByteArray("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n") << false;
    QTest::newRow("502") << QByteArray("GET") << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                         << false;
    QTest::newRow("429") << QByteArray("GET")
                         << QByteArray("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n")
                         << false;
    QTest::newRow("302 not followed")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n")
        << false;
    QTest::newRow("204") << QByteArray("DELETE") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false;
    QTest::newRow("100 then 200") << QByteArray("POST")
                                  << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n"
                                                "\r\ndone")
                                  << false;
    QTest::newRow("repeated header") << QByteArray("GET")
                                     << QByteArray("HTTP/1.1 200 OK\r\nVary: a\r\nVary: b\r\nContent-Length: 0\r\n\r\n")
                                     << false;
    QTest::newRow("closed before the end of the body")
        << QByteArray("GET") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a part") << true;
    QTest::newRow("closed without an answer") << QByteArray("GET") << QByteArray() << true;
}

void TestPlainHttp::reportsWhatQtReports()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, answer);
    QFETCH(bool, closeAfter);
    ScriptServer server([answer, closeAfter](QTcpSocket* socket, const SeenRequest&) {
        socket->write(answer);
        if (closeAfter)
            socket->disconnectFromHost();
    });
    QNetworkAccessManager qt;
    QNetworkAccessManager ours;
    const QNetworkRequest request = requestFor(server.url());
    const QByteArray body = method == "GET" ? QByteArray() : QByteArray("x=1");
    const Outcome expected = run(viaQt(&qt, request, method, body));
    const Outcome actual = run(PlainHttp::send(&ours, request, method, body, 0));
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.reason, expected.reason);
    QCOMPARE(actual.error, expected.error);
    QCOMPARE(actual.errorString, expected.errorString);
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.headers, expected.headers);
    QCOMPARE(actual.finishedCount, 1);
    QCOMPARE(expected.finishedCount, 1);
}

void TestPlainHttp::connectionRefusedAsQt()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost);
        port = closed.serverPort();
    }
    const QNetworkRequest request = requestFor(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    QNetworkAccessManager qt;
    QNetworkAccessManager ours;
    const Outcome expected = run(qt.get(request));
    const Outcome actual = run(PlainHttp::send(&ours, request, "GET", {}, 0));
    QCOMPARE(actual.error, int(QNetworkReply::ConnectionRefusedError));
    QCOMPARE(actual.error, expected.error);
    QCOMPARE(actual.errorString, expected.errorString);
    QCOMPARE(actual.status, 0);
    QCOMPARE(actual.finishedCount, 1);
}

void TestPlainHttp::keepsConnectionsAlive()
{
    ScriptServer server([](QTcpSocket* socket, const SeenRequest&) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    QNetworkAccessManager manager;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(run(PlainHttp::send(&manager, requestFor(server.url()), "GET", {}, 0)).body, QByteArray("ok"));
    QCOMPARE(server.connections(), 1);
    // A request that says Connection: close (ApiClient's writes) gets a connection of its own and leaves none.
    QNetworkRequest closing = requestFor(server.url());
    closing.setRawHeader("Connection", "close");
    QCOMPARE(run(PlainHttp::send(&manager, closing, "POST", "x=1", 0)).body, QByteArray("ok"));
    QCOMPARE(run(PlainHttp::send(&manager, closing, "POST", "x=1", 0)).body, QByteArray("ok"));
    QCOMPARE(server.connections(), 2); // the kept connection served the first; the second needed a new one
    // Another manager keeps its own connections, as Qt's do.
    QNetworkAccessManager other;
    QCOMPARE(run(PlainHttp::send(&other, requestFor(server.url()), "GET", {}, 0)).body, QByteArray("ok"));
    QCOMPARE(server.connections(), 3);
}

void TestPlainHttp::retriesOnceWhenAKeptConnectionWasClosed()
{
    // The server answers the first request of a connection and closes the connection when a second one comes on it
    // (as a server does whose idle time-out ran out just as the request was sent).
    ScriptServer server([](QTcpSocket* socket, const SeenRequest& request) {
        if (socket->property("answered").toBool()) {
            socket->abort();
            return;
        }
        socket->setProperty("answered", true);
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(request.connection) + "\r\n\r\n" +
                      QByteArray(request.connection, 'x'));
    });
    QNetworkAccessManager manager;
    QCOMPARE(run(PlainHttp::send(&manager, requestFor(server.url()), "GET", {}, 0)).body, QByteArray("x"));
    const Outcome second = run(PlainHttp::send(&manager, requestFor(server.url()), "GET", {}, 0));
    QCOMPARE(second.error, int(QNetworkReply::NoError));
    QCOMPARE(second.body, QByteArray("xx")); // answered on the second connection
    QCOMPARE(server.requests.size(), 3);
}

void TestPlainHttp::atMostSixConnectionsPerHost()
{
    QList<QPointer<QTcpSocket>> held;
    ScriptServer server([&held](QTcpSocket* socket, const SeenRequest&) { held.append(socket); });
    QNetworkAccessManager manager;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < 10; ++i)
        replies.append(PlainHttp::send(&manager, requestFor(server.url()), "GET", {}, 0));
    QTRY_COMPARE(held.size(), 6);
    QTest::qWait(100);
    QCOMPARE(held.size(), 6); // the other four wait for a connection
    QCOMPARE(server.maxOpen(), 6);
    int finished = 0;
    for (QNetworkReply* reply : replies)
        connect(reply, &QNetworkReply::finished, this, [&finished] { ++finished; });
    // Answer whatever is held, until all ten are through; the waiting four go on the kept connections.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            while (!held.isEmpty())
                if (QPointer<QTcpSocket> socket = held.takeFirst())
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            return finished == 10;
        }(),
        10000);
    QCOMPARE(server.connections(), 6);
    qDeleteAll(replies);
}

void TestPlainHttp::abortAsQt()
{
    // Headers and a part of the body, then nothing: the caller aborts.
    ScriptServer server([](QTcpSocket* socket, const SeenRequest&) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npart");
    });
    for (const bool useQt : {true, false}) {
        QNetworkAccessManager manager;
        QNetworkReply* reply = useQt ? manager.get(requestFor(server.url()))
                                     : PlainHttp::send(&manager, requestFor(server.url()), "GET", {}, 0);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QSignalSpy errors(reply, &QNetworkReply::errorOccurred);
        QVERIFY(QTest::qWaitFor([reply] { return reply->bytesAvailable() >= 4; }, 5000));
        reply->abort();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        QCOMPARE(reply->errorString(), QStringLiteral("Operation canceled"));
        QVERIFY(!reply->isOpen());
        QVERIFY(reply->isFinished());
        reply->abort(); // twice: nothing more
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
        delete reply;
    }
}

void TestPlainHttp::holdsNoMoreThanTheReadBuffer()
{
    // 4 MiB in one chunked answer, read by a caller that takes its time: the reply never holds more than its read
    // buffer size, and what it hands over is the answer, byte for byte.
    QByteArray payload(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char('a' + (i * 7 + i / 4093) % 26);
    ScriptServer server([&payload](QTcpSocket* socket, const SeenRequest&) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      QByteArray::number(payload.size() / 2, 16) + "\r\n" + payload.left(payload.size() / 2) + "\r\n" +
                      QByteArray::number(payload.size() - payload.size() / 2, 16) + "\r\n" +
                      payload.mid(payload.size() / 2) + "\r\n0\r\n\r\n");
    });
    QNetworkAccessManager manager;
    constexpr qint64 kBuffer = 50000;
    QNetworkReply* reply = ReadCap::send(&manager, requestFor(server.url()), "GET", QByteArray(), kBuffer);
    QByteArray received;
    qint64 mostHeld = 0;
    while (!reply->isFinished() || reply->bytesAvailable() > 0) {
        QTest::qWait(2);
        mostHeld = qMax(mostHeld, reply->bytesAvailable());
        received += reply->read(7000);
        QVERIFY2(received.size() <= payload.size(), "more than the answer");
        if (!reply->isFinished() && received.size() == payload.size())
            QTRY_VERIFY(reply->isFinished());
    }
    QVERIFY2(mostHeld <= kBuffer, qPrintable(QString::number(mostHeld)));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(received.size(), payload.size());
    QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
             QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    delete reply;
}

void TestPlainHttp::appendAvailableStopsOneBytePastTheCap()
{
    // What a caller holds never goes past its cap by more than the one byte that shows it was crossed.
    QByteArray source(100, 'x');
    QBuffer device(&source);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QByteArray into("abc");
    QCOMPARE(ReadCap::appendAvailable(&device, &into, 40), qint64(38));
    QCOMPARE(into.size(), 41);
    QCOMPARE(ReadCap::appendAvailable(&device, &into, 40), qint64(0));
    QCOMPARE(device.pos(), qint64(38));
    QByteArray rest;
    QCOMPARE(ReadCap::appendAvailable(&device, &rest, 1000), qint64(62));
    QCOMPARE(ReadCap::appendAvailable(&device, &rest, 1000), qint64(0));
    device.close();
    QCOMPARE(ReadCap::appendAvailable(&device, &rest, 1000), qint64(0));

    // A reply read as it arrives: the answer byte for byte, in several reads.
    QByteArray payload(300000, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char('a' + (i * 11 + i / 977) % 26);
    ScriptServer server([&payload](QTcpSocket* socket, const SeenRequest&) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" +
                      payload);
    });
    QNetworkAccessManager manager;
    QNetworkReply* reply = ReadCap::send(&manager, requestFor(server.url()), "GET", QByteArray(), 1024 * 1024);
    QByteArray received;
    int reads = 0;
    connect(reply, &QNetworkReply::readyRead, reply,
            [&] { reads += ReadCap::appendAvailable(reply, &received, 1024 * 1024) > 0 ? 1 : 0; });
    QTRY_VERIFY(reply->isFinished());
    ReadCap::appendAvailable(reply, &received, 1024 * 1024);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(reads > 1, qPrintable(QString::number(reads)));
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
    delete reply;
}

QTEST_GUILESS_MAIN(TestPlainHttp)
#include "test_plainhttp.moc"
