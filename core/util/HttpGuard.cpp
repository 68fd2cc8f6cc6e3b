#include "HttpGuard.h"

#include <QTcpSocket>
#include <QTimer>

namespace {

// Follows one connection's byte stream request by request (headers, then a Content-Length or chunked body)
// without keeping more than one header block, and stops the connection the moment a limit is passed. Its
// readyRead slot is connected before Qt's, so a rejected request is drained before Qt's parser sees it.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket* socket, const HttpLimits& limits)
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
            if (m_headerLines++ == 0) {
                // The request line: METHOD SP TARGET SP HTTP/1.x.
                const QList<QByteArray> parts = line.split(' ');
                if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() ||
                    !parts.at(2).startsWith("HTTP/1."))
                    reject(400, "Bad Request");
                return;
            }
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
    HttpLimits m_limits;
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

} // namespace

GuardedTcpServer::GuardedTcpServer(const HttpLimits& limits, QObject* parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_limits); // before Qt's server connects its own slots
    addPendingConnection(socket);
}
