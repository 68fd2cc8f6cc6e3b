#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A scriptable HTTP/1.1 server on 127.0.0.1 for tests (QTcpServer, so it can misbehave on purpose).
//
//   LoopbackHttpServer server;                       // listens on a free port at once
//   server.setResponse("/creds", {200, body});       // canned answer per path (query ignored)
//   server.setResponse("/slow", {.status = 200, .body = body, .delayMs = 2000});   // read time-out
//   server.setResponse("/drop", {.closeWithoutAnswer = true});                     // connection dropped
//   server.setResponse("/big", {.status = 200, .body = QByteArray(100000, 'x')});  // oversized
//   QUrl url = server.url("/creds");
//   server.requests();                               // everything received, in order
//
// Unknown paths get 404. The "*" path is the fallback. Each connection serves one request, then closes.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Response
    {
        int status = 200;
        QByteArray body;
        Headers headers;
        // Wait this long after the request before answering.
        int delayMs = 0;
        // Close the connection instead of answering (after delayMs).
        bool closeWithoutAnswer = false;
    };

    struct Request
    {
        QByteArray method;
        // Path without the query.
        QByteArray path;
        QByteArray query;
        Headers headers;
        QByteArray body;
        // Case-insensitive header lookup; empty when absent.
        QByteArray header(const QByteArray& name) const;
    };

    explicit LoopbackHttpServer(QObject* parent = nullptr);
    ~LoopbackHttpServer() override;

    quint16 port() const { return m_server.serverPort(); }
    // http://127.0.0.1:<port><path>
    QUrl url(const QString& path) const;

    void setResponse(const QString& path, const Response& response);
    // A JSON (or any) body with the given status.
    void setResponse(const QString& path, int status, const QByteArray& body);
    void clearResponses() { m_responses.clear(); }

    const QList<Request>& requests() const { return m_requests; }
    int requestCount(const QString& path) const;
    void clearRequests() { m_requests.clear(); }

    // Stops accepting; a port that then refuses connections (for "connection refused" tests).
    void close() { m_server.close(); }
    // A port on 127.0.0.1 that nobody listens on right now.
    static quint16 unusedPort();

signals:
    void requestReceived(const LoopbackHttpServer::Request& request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);

    QTcpServer m_server;
    QHash<QString, Response> m_responses;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};
