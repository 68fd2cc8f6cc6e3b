#include "SandboxHttpServer.h"

#include "SandboxEngine.h"

#include "util/HttpGuard.h"

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
