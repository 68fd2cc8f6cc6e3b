#include "ScriptedHttpServer.h"

#include "util/Bytes.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

QByteArray ScriptedHttpServer::Request::header(const QByteArray& name) const
{
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QList<QPair<QByteArray, QByteArray>> ScriptedHttpServer::Request::form() const
{
    return Bytes::decodePairs(body, true);
}

QList<QPair<QByteArray, QByteArray>> ScriptedHttpServer::Request::queryItems() const
{
    return Bytes::decodePairs(query, true);
}

QByteArray ScriptedHttpServer::Request::formValue(const QByteArray& key) const
{
    const auto pairs = form();
    for (const auto& [k, v] : pairs) {
        if (k == key)
            return v;
    }
    return {};
}

QByteArray ScriptedHttpServer::Request::queryValue(const QByteArray& key) const
{
    const auto pairs = queryItems();
    for (const auto& [k, v] : pairs) {
        if (k == key)
            return v;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

ScriptedHttpServer::~ScriptedHttpServer() = default;

QUrl ScriptedHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QByteArray target = first.value(1);
    const int q = target.indexOf('?');
    request.path = q < 0 ? target : target.left(q);
    request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    m_buffers.remove(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);

    m_requests.append(request);
    ++m_inFlight;
    m_peakInFlight = qMax(m_peakInFlight, m_inFlight);
    const Response response = m_handler ? m_handler(request) : Response{404, QByteArrayLiteral("{}"), {}, 0, false};
    QPointer<QTcpSocket> guard(socket);
    auto deliver = [this, guard, response] {
        --m_inFlight;
        if (guard)
            answer(guard, response);
    };
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, this, deliver);
    else
        deliver();
}

void ScriptedHttpServer::answer(QTcpSocket* socket, const Response& response)
{
    if (response.closeWithoutAnswer) {
        socket->abort();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
    bool hasType = false;
    for (const auto& [k, v] : response.headers) {
        out += k + ": " + v + "\r\n";
        if (k.compare("content-type", Qt::CaseInsensitive) == 0)
            hasType = true;
    }
    if (!hasType)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}
