#include "SandboxHttpServer.h"

#include "SandboxEngine.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray serialize(const SandboxResponse& response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    out += response.body;
    return out;
}

} // namespace

SandboxHttpServer::SandboxHttpServer(SandboxEngine* engine, std::function<void()> answered, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_engine(engine)
    , m_answered(std::move(answered))
{}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    SandboxRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded).toUtf8();
    r.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    const auto headers = request.headers();
    r.headers.reserve(headers.size());
    for (const auto& [name, value] : headers)
        r.headers.append({name.toLower(), value});
    r.body = request.body();

    const SandboxResponse response = m_engine->handle(r);
    const QByteArray bytes = serialize(response);
    if (response.delayMs <= 0) {
        socket->write(bytes);
        // Send now rather than when the event loop next polls the socket for writing: with several clients
        // waiting, that poll comes after the next request has been answered, so answers went out in bursts.
        socket->flush();
    } else {
        // The socket is the timer's context: if the client goes away first, the answer is dropped. A precise timer:
        // Qt's default for 2 s and more is a coarse one, which may fire up to 5% early (a 5 s latency came 250 ms
        // short).
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, Qt::PreciseTimer, socket, [guard, bytes] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                guard->write(bytes);
        });
    }
    if (m_answered)
        m_answered();
    return true;
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    Q_UNUSED(request);
    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
}

namespace {

// Follows one connection's byte stream request by request (headers, then a Content-Length or chunked body)
// without keeping more than one header block, and stops the connection the moment a limit is passed. Its
// readyRead slot is connected before Qt's, so a rejected request is drained before Qt's parser sees it.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket* socket, const SandboxHttpLimits& limits)
        : QObject(socket)
        , m_socket(socket)
        , m_limits(limits)
    {
        m_idle.setSingleShot(true);
        m_headerDeadline.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (m_awaitingAnswer) {
                m_idle.start(m_limits.idleTimeoutMs);
                return;
            }
            m_socket->abort();
        });
        connect(&m_headerDeadline, &QTimer::timeout, this, [this] { reject(408, "Request Timeout"); });
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            m_awaitingAnswer = false;
            m_idle.start(m_limits.idleTimeoutMs);
        });
        m_idle.start(m_limits.idleTimeoutMs);
    }

private:
    enum class State
    {
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        Trailers,
        Closed
    };

    void onReadyRead()
    {
        if (m_state == State::Closed) {
            m_socket->readAll();
            return;
        }
        m_idle.start(m_limits.idleTimeoutMs);
        const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
        qsizetype at = 0;
        while (at < data.size() && m_state != State::Closed)
            at = step(data, at);
    }

    // Consumes bytes of data from at on; returns where it stopped.
    qsizetype step(const QByteArray& data, qsizetype at)
    {
        switch (m_state) {
        case State::Headers:
        case State::Trailers:
        case State::ChunkSize: {
            const qsizetype newline = data.indexOf('\n', at);
            const qsizetype end = newline < 0 ? data.size() : newline + 1;
            if (m_state == State::Headers && m_line.isEmpty() && m_headerBytes == 0)
                m_headerDeadline.start(m_limits.headerTimeoutMs);
            m_line.append(data.constData() + at, end - at);
            m_headerBytes += end - at;
            const qsizetype limit = m_state == State::ChunkSize ? 1024 : m_limits.maxHeaderBytes;
            if (m_headerBytes > limit) {
                if (m_state == State::ChunkSize)
                    reject(400, "Bad Request");
                else
                    reject(431, "Request Header Fields Too Large");
                return data.size();
            }
            if (newline >= 0)
                onLine();
            return end;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, data.size() - at);
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_state == State::Body)
                    requestComplete();
                else
                    startLine(State::ChunkSize);
            }
            return at + qsizetype(take);
        }
        case State::Closed:
            break;
        }
        return data.size();
    }

    void startLine(State state)
    {
        m_state = state;
        m_line.clear();
        m_headerBytes = 0;
    }

    void onLine()
    {
        const QByteArray line = m_line.trimmed();
        m_line.clear();
        if (m_state == State::ChunkSize) {
            m_headerBytes = 0;
            if (line.isEmpty())
                return; // the CRLF that ends the previous chunk's data
            bool ok = false;
            const qint64 size =
                line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                reject(400, "Bad Request");
                return;
            }
            if (size == 0) {
                m_state = State::Trailers;
                return;
            }
            m_bodyBytes += size;
            if (m_bodyBytes > m_limits.maxBodyBytes) {
                reject(413, "Content Too Large");
                return;
            }
            m_remaining = size;
            m_state = State::ChunkData;
            return;
        }
        if (m_state == State::Trailers) {
            if (line.isEmpty())
                requestComplete();
            return;
        }
        // Headers.
        if (!line.isEmpty()) {
            if (m_headerLines++ == 0)
                return; // the request line
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return; // Qt's parser judges malformed lines
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                const qint64 length = value.toLongLong(&ok);
                if (!ok || length > m_limits.maxBodyBytes) {
                    reject(ok ? 413 : 400, ok ? "Content Too Large" : "Bad Request");
                    return;
                }
                m_contentLength = length;
            } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                m_chunked = true;
            }
            return;
        }
        if (m_headerLines == 0)
            return; // empty lines before a request line are tolerated
        // End of the header block.
        m_headerDeadline.stop();
        m_bodyBytes = 0;
        if (m_chunked) {
            m_state = State::ChunkSize;
            m_headerBytes = 0;
        } else if (m_contentLength > 0) {
            m_remaining = m_contentLength;
            m_state = State::Body;
        } else {
            requestComplete();
        }
    }

    void requestComplete()
    {
        m_awaitingAnswer = true;
        m_state = State::Headers;
        m_headerBytes = 0;
        m_headerLines = 0;
        m_contentLength = 0;
        m_chunked = false;
        m_line.clear();
    }

    void reject(int status, const char* reason)
    {
        m_state = State::Closed;
        m_headerDeadline.stop();
        m_idle.stop();
        m_line.clear();
        m_socket->readAll(); // before Qt's parser gets to see it
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_socket->flush();
        // Lingering close: a client still sending would get a reset (and lose the answer) if we closed with its
        // bytes unread, so go on draining for a moment before closing.
        QTimer::singleShot(500, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
        // A client that stops reading must not keep the half-closed connection either.
        QTimer::singleShot(m_limits.idleTimeoutMs, m_socket, [socket = m_socket] { socket->abort(); });
    }

    QTcpSocket* m_socket;
    SandboxHttpLimits m_limits;
    QTimer m_idle;
    QTimer m_headerDeadline;
    State m_state = State::Headers;
    QByteArray m_line;
    qsizetype m_headerBytes = 0;
    int m_headerLines = 0;
    qint64 m_contentLength = 0;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    bool m_chunked = false;
    bool m_awaitingAnswer = false;
};

class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(const SandboxHttpLimits& limits, QObject* parent)
        : QTcpServer(parent)
        , m_limits(limits)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new ConnectionGuard(socket, m_limits); // before Qt's server connects its own slots
        addPendingConnection(socket);
    }

private:
    SandboxHttpLimits m_limits;
};

} // namespace

quint16 SandboxHttpServer::listenGuarded(const QHostAddress& address, quint16 port, const SandboxHttpLimits& limits)
{
    auto* server = new GuardedTcpServer(limits, this);
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}
