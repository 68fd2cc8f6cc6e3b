// Issue 14: hostile clients against the sandbox's HTTP layer (the in-process sandbox, which `sandbox serve` and the
// GUI's --sandbox run): oversized headers get 431, oversized bodies 413 without being buffered, slow headers 408,
// and silent connections are closed; ordinary keep-alive and chunked requests still get their answers.

#include "Sandbox.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

namespace {

// Reads until an answer's header block is complete or the connection is gone; returns what arrived.
QByteArray awaitAnswer(QTcpSocket& socket, int timeoutMs = 10000)
{
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        received += socket.readAll();
        if (received.contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState)
            break;
        socket.waitForReadyRead(50);
    }
    return received + socket.readAll();
}

bool awaitClosed(QTcpSocket& socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(50);
        socket.readAll();
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestSandboxHttpLimits : public QObject
{
    Q_OBJECT

private:
    // The sandbox runs on its own thread, as a remote server would: the test's clients block in waitFor*().
    QThread m_thread;
    Sandbox* m_sandbox = nullptr;
    quint16 m_port = 0;

    void startSandbox(const SandboxHttpLimits& limits)
    {
        m_sandbox = new Sandbox();
        m_sandbox->setHttpLimits(limits);
        m_thread.start();
        m_sandbox->moveToThread(&m_thread);
        const QUrl url = m_sandbox->start(); // hops to the sandbox's thread and waits
        QVERIFY2(url.isValid(), qPrintable(m_sandbox->errorString()));
        m_port = quint16(url.port());
    }
    void connectTo(QTcpSocket& socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
    }
    static SandboxHttpLimits testLimits()
    {
        SandboxHttpLimits limits;
        limits.maxHeaderBytes = 8 * 1024;
        limits.maxBodyBytes = 64 * 1024;
        limits.headerTimeoutMs = 600;
        limits.idleTimeoutMs = 400;
        return limits;
    }

private slots:
    void cleanup()
    {
        if (m_sandbox) {
            m_sandbox->stop();
            m_sandbox->deleteLater();
            m_sandbox = nullptr;
        }
        m_thread.quit();
        m_thread.wait();
    }

    void oversizedHeaderGets431()
    {
        SandboxHttpLimits limits = testLimits();
        limits.idleTimeoutMs = 10000;
        startSandbox(limits);
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ");
        // A header that never ends: 16 MiB on offer, the answer must come long before.
        QByteArray answer;
        const QByteArray piece(16 * 1024, 'a');
        for (int i = 0; i < 1024 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write(piece);
            socket.waitForBytesWritten(1000);
            answer += socket.readAll();
            if (answer.contains("\r\n\r\n"))
                break;
        }
        answer += awaitAnswer(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(80).constData());
        QVERIFY(awaitClosed(socket, 5000));
    }

    // Qt's parser drops a connection whose request line it cannot read without a word; the guard answers 400 first.
    void badRequestLineGets400()
    {
        startSandbox(testLimits());
        QTcpSocket socket;
        connectTo(socket);
        socket.write("HELLO THERE\r\n\r\n");
        const QByteArray answer = awaitAnswer(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.left(80).constData());
        QVERIFY(awaitClosed(socket, 5000));
    }

    void hugeContentLengthGets413AtOnce()
    {
        startSandbox(testLimits());
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: 1000000000000000\r\n\r\nAction=x");
        const QByteArray answer = awaitAnswer(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(80).constData());
        QVERIFY(awaitClosed(socket, 5000));
    }

    void endlessChunkedBodyGets413()
    {
        startSandbox(testLimits());
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, 'b') + "\r\n";
        QByteArray answer;
        for (int i = 0; i < 4096 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write(chunk);
            socket.waitForBytesWritten(1000);
            answer += socket.readAll();
            if (answer.contains("\r\n\r\n"))
                break;
        }
        answer += awaitAnswer(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(80).constData());
    }

    void silentClientsAreClosed()
    {
        startSandbox(testLimits());
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 50; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            connectTo(*clients.back());
        }
        for (auto& client : clients)
            QVERIFY(awaitClosed(*client, 10000));
    }

    void slowHeadersGet408()
    {
        SandboxHttpLimits limits = testLimits();
        limits.idleTimeoutMs = 10000; // a byte every 100 ms keeps it from being idle
        startSandbox(limits);
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        QByteArray answer;
        for (int i = 0; i < 100 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write("s");
            socket.waitForBytesWritten(1000);
            socket.waitForReadyRead(100);
            answer += socket.readAll();
            if (answer.contains("\r\n\r\n"))
                break;
        }
        answer += awaitAnswer(socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.left(80).constData());
        QVERIFY(awaitClosed(socket, 5000));
    }

    void ordinaryRequestsStillWork()
    {
        startSandbox(testLimits());
        QTcpSocket socket;
        connectTo(socket);
        // Two requests on one keep-alive connection, the second with a chunked body: both answered (the
        // engine refuses them as unsigned, which is an answer), none by the guard.
        const QByteArray body = "Action=ListServerIdeInstances&Version=2024-05-18";
        socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray first = awaitAnswer(socket);
        QVERIFY2(first.startsWith("HTTP/1.1 "), first.left(80).constData());
        for (const char* status : {"408", "413", "431"})
            QVERIFY2(!first.startsWith(QByteArray(QByteArray("HTTP/1.1 ") + status)), first.left(80).constData());
        // Let the first answer's body arrive before sending the next request.
        QTest::qWait(100);
        socket.readAll();
        socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n" +
                     QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n");
        const QByteArray second = awaitAnswer(socket);
        QVERIFY2(second.startsWith("HTTP/1.1 "), second.left(80).constData());
        for (const char* status : {"408", "413", "431"})
            QVERIFY2(!second.startsWith(QByteArray(QByteArray("HTTP/1.1 ") + status)), second.left(80).constData());
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttpLimits)
#include "test_sandboxhttplimits.moc"
