#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>
#include <functional>

class QTcpSocket;

// A loopback HTTP/1.1 server whose every answer is computed by a test function from the request, so a test can
// script sequences (fail twice, then answer), page by page answers, per-request delays and dropped connections.
// It counts requests in flight (received, not yet answered) and their peak, for concurrency bounds.
// One request per connection; answers carry "Connection: close".
class ScriptedHttpServer : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray path; // without the query, still encoded
        QByteArray query;
        Headers headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const;
        // The form-encoded body (or query) decoded into UTF-8 pairs, in order.
        QList<QPair<QByteArray, QByteArray>> form() const;
        QList<QPair<QByteArray, QByteArray>> queryItems() const;
        QByteArray formValue(const QByteArray& key) const;
        QByteArray queryValue(const QByteArray& key) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        Headers headers;
        int delayMs = 0;
        bool closeWithoutAnswer = false;
    };

    using Handler = std::function<Response(const Request&)>;

    explicit ScriptedHttpServer(QObject* parent = nullptr);
    ~ScriptedHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    const QList<Request>& requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int inFlight() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    void close() { m_server.close(); }

    static QByteArray json(const char* text) { return QByteArray(text); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Response& response);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
};
