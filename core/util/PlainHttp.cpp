#include "PlainHttp.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpSocket>

namespace {

constexpr int kMaxConnectionsPerHost = 6;         // as QHttpNetworkConnection
constexpr qint64 kSocketBuffer = 64 * 1024;       // as Qt's buffered sockets (QSslSocket, through a proxy)
constexpr qsizetype kMaxLine = 16 * 1024;         // status line, one header, a chunk-size line
constexpr qsizetype kMaxHeaderBytes = 256 * 1024; // all headers (or trailers) of one answer
const char* const kPoolName = "roledesk-plainhttp-pool";

class PlainReply;

// Qt's own message, in Qt's translation (the GUI loads qtbase_*.qm): the words a reply from Qt would carry.
QString qtText(const char* context, const char* text)
{
    return QCoreApplication::translate(context, text);
}

// The keep-alive connections of one QNetworkAccessManager, per host and port, at most kMaxConnectionsPerHost in use
// at once (more requests wait, in order, as Qt's do).
class Pool : public QObject
{
public:
    explicit Pool(QObject* parent)
        : QObject(parent)
    {
        setObjectName(QLatin1String(kPoolName));
    }

    static Pool* of(QNetworkAccessManager* manager)
    {
        QObject* pool = manager->findChild<QObject*>(QLatin1String(kPoolName), Qt::FindDirectChildrenOnly);
        return pool ? static_cast<Pool*>(pool) : new Pool(manager);
    }

    void enqueue(const QString& key, PlainReply* reply);
    void forget(const QString& key, PlainReply* reply) { m_waiting[key].removeAll(reply); }
    // Gives back a connection taken by dispatch(); a reusable one waits, connected, for the next request.
    void release(const QString& key, QTcpSocket* socket, bool reusable);

private:
    void dispatch(const QString& key);
    void dropIdle(const QString& key, QTcpSocket* socket)
    {
        m_idle[key].removeAll(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }

    QHash<QString, QList<QTcpSocket*>> m_idle;
    QHash<QString, int> m_busy;
    QHash<QString, QList<QPointer<PlainReply>>> m_waiting;
};

class PlainReply : public QNetworkReply
{
public:
    PlainReply(Pool* pool, const QNetworkRequest& request, const QByteArray& method, const QByteArray& body,
               qint64 readBufferSize, QObject* parent);
    ~PlainReply() override;

    // Called by the pool: a connected keep-alive socket, or nullptr for a new connection.
    void begin(QTcpSocket* idle);

    void abort() override;
    void close() override;
    void setReadBufferSize(qint64 size) override;
    qint64 bytesAvailable() const override { return m_buffer.size() + QNetworkReply::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    enum class Stage
    {
        Waiting,
        Connecting,
        Status,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        Done
    };

    void connectSocket(QTcpSocket* socket);
    void sendRequest();
    void pump();
    bool takeLine(QByteArray* line);
    bool headersDone();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void closedEarly();
    void start();
    void complete();
    void fail(NetworkError code, const QString& text);
    void releaseSocket(bool reusable);
    void schedulePump();

    QPointer<Pool> m_pool;
    QString m_key;
    QString m_host;
    quint16 m_port = 80;
    QByteArray m_method;
    QByteArray m_requestBytes;
    bool m_requestWantsClose = false;
    QPointer<QTcpSocket> m_socket;
    bool m_reused = false;
    bool m_retried = false;
    bool m_answerStarted = false; // a byte of the answer arrived on this connection
    bool m_requestSentEmitted = false;
    qint64 m_toWrite = 0;
    Stage m_stage = Stage::Waiting;
    bool m_interim = false; // reading a 1xx answer's headers
    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    qsizetype m_headerBytes = 0;
    bool m_keepAlive = false;
    bool m_untilClose = false;
    qint64 m_contentLeft = 0;
    qint64 m_chunkLeft = 0;
    bool m_peerClosed = false;
    bool m_pumpQueued = false;
    bool m_finished = false;
    QByteArray m_buffer; // answer bytes not read by the caller yet
};

void Pool::enqueue(const QString& key, PlainReply* reply)
{
    m_waiting[key].append(reply);
    dispatch(key);
}

void Pool::dispatch(const QString& key)
{
    QList<QPointer<PlainReply>>& waiting = m_waiting[key];
    while (!waiting.isEmpty() && m_busy.value(key) < kMaxConnectionsPerHost) {
        const QPointer<PlainReply> reply = waiting.takeFirst();
        if (!reply)
            continue;
        QTcpSocket* socket = nullptr;
        QList<QTcpSocket*>& idle = m_idle[key];
        while (!socket && !idle.isEmpty()) {
            QTcpSocket* candidate = idle.takeLast();
            candidate->disconnect(this);
            if (candidate->state() == QAbstractSocket::ConnectedState && candidate->bytesAvailable() == 0) {
                socket = candidate;
            } else {
                candidate->abort();
                candidate->deleteLater();
            }
        }
        ++m_busy[key];
        reply->begin(socket);
    }
}

void Pool::release(const QString& key, QTcpSocket* socket, bool reusable)
{
    --m_busy[key];
    if (socket) {
        socket->disconnect(); // from the reply
        if (reusable && socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0 &&
            m_idle.value(key).size() < kMaxConnectionsPerHost) {
            m_idle[key].append(socket);
            // The server closes idle connections when it likes; anything it sends now is not for us.
            connect(socket, &QTcpSocket::disconnected, this, [this, key, socket] { dropIdle(key, socket); });
            connect(socket, &QTcpSocket::readyRead, this, [this, key, socket] { dropIdle(key, socket); });
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    dispatch(key);
}

QNetworkAccessManager::Operation operationFor(const QByteArray& method)
{
    if (method == "GET")
        return QNetworkAccessManager::GetOperation;
    if (method == "HEAD")
        return QNetworkAccessManager::HeadOperation;
    if (method == "POST")
        return QNetworkAccessManager::PostOperation;
    if (method == "PUT")
        return QNetworkAccessManager::PutOperation;
    if (method == "DELETE")
        return QNetworkAccessManager::DeleteOperation;
    return QNetworkAccessManager::CustomOperation;
}

// The error Qt 6.4 gives an HTTP status of 400 and above (qhttpthreaddelegate.cpp, statusCodeFromHttp()).
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status > 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
    }
}

bool hasToken(const QByteArray& headerValue, const char* token)
{
    for (const QByteArray& part : headerValue.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

PlainReply::PlainReply(Pool* pool, const QNetworkRequest& request, const QByteArray& method, const QByteArray& body,
                       qint64 readBufferSize, QObject* parent)
    : QNetworkReply(parent)
    , m_pool(pool)
    , m_method(method)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operationFor(method));
    if (operation() == QNetworkAccessManager::CustomOperation)
        setAttribute(QNetworkRequest::CustomVerbAttribute, method);
    QNetworkReply::setReadBufferSize(readBufferSize);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    const QUrl url = request.url();
    m_host = url.host();
    m_port = quint16(url.port(80));
    m_key = m_host + QLatin1Char(':') + QString::number(m_port);

    // The request as Qt 6.4 writes it (QHttpNetworkConnectionPrivate::prepareRequest(), QHttpNetworkRequest::uri()
    // and header()): Host first, the caller's headers, then Qt's defaults where the caller set none - except
    // Accept-Encoding, which Qt sets to what it decompresses: this reader decompresses nothing.
    QUrl target = url;
    QUrl::FormattingOptions format(QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::FullyEncoded |
                                   QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (target.path().isEmpty())
        target.setPath(QStringLiteral("/"));
    else
        format |= QUrl::NormalizePathSegments;
    QByteArray host;
    QHostAddress address;
    if (address.setAddress(m_host))
        host = address.protocol() == QAbstractSocket::IPv6Protocol ? '[' + m_host.toLatin1() + ']' : m_host.toLatin1();
    else
        host = QUrl::toAce(m_host);
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());

    using Field = QPair<QByteArray, QByteArray>;
    QList<Field> fields;
    const auto has = [&fields](const char* name) {
        for (const auto& field : std::as_const(fields))
            if (field.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    for (const QByteArray& name : request.rawHeaderList())
        fields.append(Field(name, request.rawHeader(name)));
    if (!has("host"))
        fields.prepend(Field("Host", host));
    const bool sendsBody = !body.isEmpty() || method == "POST" || method == "PUT";
    if (sendsBody && !has("content-length"))
        fields.append(Field("Content-Length", QByteArray::number(body.size())));
    if (!has("connection"))
        fields.append(Field("Connection", "Keep-Alive"));
    if (!has("accept-language")) {
        const QString locale = QLocale::system().name().replace(QLatin1Char('_'), QLatin1Char('-'));
        QString language;
        if (locale == QLatin1String("C"))
            language = QStringLiteral("en,*");
        else if (locale.startsWith(QLatin1String("en-")))
            language = locale + QLatin1String(",*");
        else
            language = locale + QLatin1String(",en,*");
        fields.append(Field("Accept-Language", language.toLatin1()));
    }
    if (!has("user-agent"))
        fields.append(Field("User-Agent", "Mozilla/5.0"));
    if (method == "POST" && !has("content-type") && !body.isEmpty())
        fields.append(Field("Content-Type", "application/x-www-form-urlencoded"));
    for (const auto& field : std::as_const(fields))
        if (field.first.compare("connection", Qt::CaseInsensitive) == 0)
            m_requestWantsClose = hasToken(field.second, "close");

    m_requestBytes = method + ' ' + target.toEncoded(format) + " HTTP/1.1\r\n";
    for (const auto& [name, value] : std::as_const(fields))
        m_requestBytes += name + ": " + value + "\r\n";
    m_requestBytes += "\r\n";
    m_requestBytes += body;

    if (m_host.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { fail(QNetworkReply::HostNotFoundError, qtText("QHttp", "Host %1 not found").arg(m_host)); },
            Qt::QueuedConnection);
        return;
    }
    // Started from the event loop, as Qt does: no signal can come before the caller has connected to them.
    QMetaObject::invokeMethod(this, &PlainReply::start, Qt::QueuedConnection);
}

void PlainReply::start()
{
    if (!m_finished && m_pool)
        m_pool->enqueue(m_key, this);
}

PlainReply::~PlainReply()
{
    if (!m_finished) {
        if (m_pool && m_stage == Stage::Waiting)
            m_pool->forget(m_key, this);
        else
            releaseSocket(false);
    }
}

void PlainReply::begin(QTcpSocket* idle)
{
    if (m_finished) { // aborted while waiting for a connection
        if (m_pool)
            m_pool->release(m_key, idle, idle != nullptr);
        return;
    }
    m_reused = idle != nullptr;
    m_answerStarted = false;
    if (idle) {
        connectSocket(idle);
        sendRequest();
        return;
    }
    auto* socket = new QTcpSocket(m_pool);
    // Buffered, at most 64 KiB: a read never goes on to the kernel, so nothing here reads past what fits.
    socket->setReadBufferSize(kSocketBuffer);
    socket->setProxy(QNetworkProxy::NoProxy);
    connectSocket(socket);
    m_stage = Stage::Connecting;
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // as Qt's channel
        socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
        sendRequest();
    });
    socket->connectToHost(m_host, m_port);
}

void PlainReply::connectSocket(QTcpSocket* socket)
{
    m_socket = socket;
    connect(socket, &QTcpSocket::readyRead, this, &PlainReply::pump);
    connect(socket, &QTcpSocket::bytesWritten, this, [this](qint64 written) {
        m_toWrite -= written;
        if (m_toWrite <= 0 && !m_requestSentEmitted && !m_finished) {
            m_requestSentEmitted = true;
            emit requestSent();
        }
    });
    connect(socket, &QTcpSocket::errorOccurred, this, &PlainReply::onSocketError);
    connect(socket, &QTcpSocket::disconnected, this, &PlainReply::onDisconnected);
}

void PlainReply::sendRequest()
{
    m_stage = Stage::Status;
    m_toWrite = m_requestBytes.size();
    m_socket->write(m_requestBytes);
}

bool PlainReply::takeLine(QByteArray* line)
{
    if (!m_socket->canReadLine()) {
        if (m_socket->bytesAvailable() > kMaxLine)
            fail(QNetworkReply::ProtocolFailure, qtText("QHttp", "Data corrupted"));
        return false;
    }
    *line = m_socket->readLine(kMaxLine + 1);
    m_answerStarted = true;
    if (line->size() > kMaxLine || !line->endsWith('\n')) {
        fail(QNetworkReply::ProtocolFailure, qtText("QHttp", "Data corrupted"));
        return false;
    }
    line->chop(line->endsWith("\r\n") ? 2 : 1);
    return true;
}

void PlainReply::pump()
{
    m_pumpQueued = false;
    if (m_finished || !m_socket)
        return;
    const QPointer<PlainReply> self(this);
    bool newData = false;
    const auto corrupt = [this] { fail(QNetworkReply::ProtocolFailure, qtText("QHttp", "Data corrupted")); };
    while (!m_finished && m_stage != Stage::Done) {
        QByteArray line;
        switch (m_stage) {
        case Stage::Waiting:
        case Stage::Connecting:
        case Stage::Done:
            return;
        case Stage::Status: {
            if (!takeLine(&line))
                goto out;
            if (line.isEmpty())
                continue; // a stray CRLF before an answer
            const QList<QByteArray> parts = line.split(' ');
            bool ok = false;
            const int status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
            if (!line.startsWith("HTTP/1.") || line.size() < 12 || !ok || status < 100 || status > 999)
                return corrupt();
            m_status = status;
            m_reason = parts.size() > 2 ? line.mid(parts.at(0).size() + parts.at(1).size() + 2) : QByteArray();
            m_keepAlive = line.startsWith("HTTP/1.1") && !m_requestWantsClose;
            m_interim = status < 200 && status != 101;
            m_headers.clear();
            m_headerBytes = 0;
            m_stage = Stage::Headers;
            break;
        }
        case Stage::Headers:
        case Stage::Trailers: {
            if (!takeLine(&line))
                goto out;
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > kMaxHeaderBytes)
                return corrupt();
            if (!line.isEmpty()) {
                if (m_stage == Stage::Trailers)
                    break;
                if ((line.startsWith(' ') || line.startsWith('\t')) && !m_headers.isEmpty()) {
                    m_headers.last().second += ' ' + line.trimmed(); // an obsolete folded line
                    break;
                }
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    return corrupt();
                m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                break;
            }
            if (m_stage == Stage::Trailers) {
                m_stage = Stage::Done;
                break;
            }
            if (m_interim) {
                m_stage = Stage::Status;
                break;
            }
            if (!headersDone())
                return;
            emit metaDataChanged();
            if (!self || m_finished)
                return;
            break;
        }
        case Stage::ChunkSize: {
            if (!takeLine(&line))
                goto out;
            const qsizetype extension = line.indexOf(';');
            bool ok = false;
            const qint64 size = (extension < 0 ? line : line.left(extension)).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return corrupt();
            m_chunkLeft = size;
            m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
            m_headerBytes = 0;
            break;
        }
        case Stage::ChunkEnd:
            if (!takeLine(&line))
                goto out;
            if (!line.isEmpty())
                return corrupt();
            m_stage = Stage::ChunkSize;
            break;
        case Stage::Body:
        case Stage::ChunkData: {
            // Only what the caller has room for: past it, the socket's buffer and then the kernel's fill up.
            const qint64 limit = readBufferSize();
            qint64 want = limit > 0 ? limit - m_buffer.size() : kSocketBuffer;
            want = qMin(want, m_socket->bytesAvailable());
            if (m_stage == Stage::ChunkData)
                want = qMin(want, m_chunkLeft);
            else if (!m_untilClose)
                want = qMin(want, m_contentLeft);
            if (want <= 0)
                goto out;
            const QByteArray data = m_socket->read(want);
            if (data.isEmpty())
                goto out;
            m_answerStarted = true;
            m_buffer += data;
            newData = true;
            if (m_stage == Stage::ChunkData) {
                m_chunkLeft -= data.size();
                if (m_chunkLeft == 0)
                    m_stage = Stage::ChunkEnd;
            } else if (!m_untilClose) {
                m_contentLeft -= data.size();
                if (m_contentLeft == 0)
                    m_stage = Stage::Done;
            }
            break;
        }
        }
    }
out:
    if (newData) {
        emit readyRead();
        if (!self || m_finished)
            return;
    }
    if (m_stage == Stage::Done) {
        complete();
        return;
    }
    if (!m_peerClosed || !m_socket)
        return;
    // The server has closed and everything it sent is in the socket's buffer: an answer that cannot go on is over.
    const bool bodyStage = m_stage == Stage::Body || m_stage == Stage::ChunkData;
    if (bodyStage && m_socket->bytesAvailable() > 0)
        return; // waits for the caller to make room
    if (m_stage == Stage::Body && m_untilClose) {
        m_keepAlive = false;
        complete();
        return;
    }
    closedEarly();
}

bool PlainReply::headersDone()
{
    QHash<QByteArray, qsizetype> seen;
    QList<QPair<QByteArray, QByteArray>> merged;
    for (const auto& [name, value] : std::as_const(m_headers)) {
        const QByteArray lower = name.toLower();
        if (const auto it = seen.constFind(lower); it != seen.constEnd()) {
            merged[*it].second += (lower == "set-cookie" ? "\n" : ", ") + value; // as Qt joins them
            continue;
        }
        seen.insert(lower, merged.size());
        merged.append({name, value});
    }
    for (const auto& [name, value] : std::as_const(merged))
        setRawHeader(name, value);
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, m_reason);
    setAttribute(QNetworkRequest::ConnectionEncryptedAttribute, false);
    setAttribute(QNetworkRequest::Http2WasUsedAttribute, false);

    const QByteArray connection = rawHeader("Connection");
    if (hasToken(connection, "close"))
        m_keepAlive = false;
    else if (hasToken(connection, "keep-alive"))
        m_keepAlive = m_keepAlive || !m_requestWantsClose;
    const QByteArray transfer = rawHeader("Transfer-Encoding");
    const QByteArray length = rawHeader("Content-Length");
    if (m_method == "HEAD" || m_status == 204 || m_status == 304) {
        m_stage = Stage::Done;
    } else if (!transfer.isEmpty() && hasToken(transfer, "chunked")) {
        m_stage = Stage::ChunkSize;
    } else if (!length.isEmpty()) {
        bool ok = false;
        m_contentLeft = length.trimmed().toLongLong(&ok);
        if (!ok || m_contentLeft < 0) {
            fail(QNetworkReply::ProtocolFailure, qtText("QHttp", "Data corrupted"));
            return false;
        }
        m_stage = m_contentLeft == 0 ? Stage::Done : Stage::Body;
    } else {
        m_untilClose = true;
        m_keepAlive = false;
        m_stage = Stage::Body;
    }
    return true;
}

void PlainReply::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_finished || error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return fail(QNetworkReply::ConnectionRefusedError, qtText("QHttp", "Connection refused"));
    case QAbstractSocket::HostNotFoundError:
        return fail(QNetworkReply::HostNotFoundError, qtText("QHttp", "Host %1 not found").arg(m_host));
    case QAbstractSocket::SocketTimeoutError:
        return fail(QNetworkReply::TimeoutError, qtText("QAbstractSocket", "Socket operation timed out"));
    default:
        return fail(QNetworkReply::UnknownNetworkError, m_socket ? m_socket->errorString() : QString());
    }
}

void PlainReply::onDisconnected()
{
    if (m_finished)
        return;
    m_peerClosed = true;
    pump(); // what arrived before the close, then the end
}

void PlainReply::closedEarly()
{
    // A kept-alive connection the server had closed before it saw the request: once more on a new one, as Qt does.
    if (m_reused && !m_answerStarted && !m_retried && m_pool) {
        m_retried = true;
        m_peerClosed = false;
        m_requestSentEmitted = false;
        QTcpSocket* old = m_socket;
        m_socket = nullptr;
        if (old)
            old->disconnect(this);
        m_stage = Stage::Waiting;
        m_pool->release(m_key, old, false); // frees the slot; enqueue takes one again
        m_pool->enqueue(m_key, this);
        return;
    }
    fail(QNetworkReply::RemoteHostClosedError, qtText("QHttp", "Connection closed"));
}

void PlainReply::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    m_stage = Stage::Done;
    releaseSocket(m_keepAlive && !m_peerClosed);
    if (m_status >= 400) {
        const QString message = qtText("QNetworkReply", "Error transferring %1 - server replied: %2")
                                    .arg(url().toString(), QString::fromLatin1(m_reason));
        setError(errorForStatus(m_status), message);
        emit errorOccurred(error());
    }
    setFinished(true);
    emit finished();
}

void PlainReply::fail(NetworkError code, const QString& text)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_stage == Stage::Waiting && m_pool)
        m_pool->forget(m_key, this);
    else
        releaseSocket(false);
    m_stage = Stage::Done;
    setError(code, text);
    emit errorOccurred(code);
    setFinished(true);
    emit finished();
}

void PlainReply::releaseSocket(bool reusable)
{
    if (m_stage == Stage::Waiting)
        return; // holds no slot
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    if (socket)
        socket->disconnect(this);
    if (m_pool)
        m_pool->release(m_key, socket, reusable);
    else if (socket)
        socket->deleteLater();
    m_stage = Stage::Done;
}

void PlainReply::abort()
{
    if (m_finished)
        return;
    QNetworkReply::close();
    m_buffer.clear();
    fail(QNetworkReply::OperationCanceledError, qtText("QNetworkReply", "Operation canceled"));
}

void PlainReply::close()
{
    if (!m_finished)
        abort();
    else
        QNetworkReply::close();
}

void PlainReply::setReadBufferSize(qint64 size)
{
    QNetworkReply::setReadBufferSize(size);
    schedulePump();
}

void PlainReply::schedulePump()
{
    if (m_pumpQueued || m_finished)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &PlainReply::pump, Qt::QueuedConnection);
}

qint64 PlainReply::readData(char* data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_buffer.size());
    if (n <= 0)
        return m_finished ? -1 : 0;
    memcpy(data, m_buffer.constData(), size_t(n));
    m_buffer.remove(0, n);
    // Room again: go on reading what the socket holds (never from inside the caller's read).
    if (m_socket && m_socket->bytesAvailable() > 0)
        schedulePump();
    return n;
}

} // namespace

namespace PlainHttp {

bool handles(QNetworkAccessManager* manager, const QUrl& url)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return false;
    QList<QNetworkProxy> proxies;
    const QNetworkProxyQuery query(url);
    if (QNetworkProxyFactory* factory = manager->proxyFactory())
        proxies = factory->queryProxy(query);
    else if (manager->proxy().type() != QNetworkProxy::DefaultProxy)
        proxies = {manager->proxy()};
    else
        proxies = QNetworkProxyFactory::proxyForQuery(query);
    if (proxies.isEmpty())
        return true;
    const QNetworkProxy::ProxyType type = proxies.constFirst().type();
    return type == QNetworkProxy::NoProxy ||
           (type == QNetworkProxy::DefaultProxy && QNetworkProxy::applicationProxy().type() == QNetworkProxy::NoProxy);
}

QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    const QByteArray& body, qint64 readBufferSize)
{
    return new PlainReply(Pool::of(manager), request, method, body, readBufferSize, manager);
}

} // namespace PlainHttp
