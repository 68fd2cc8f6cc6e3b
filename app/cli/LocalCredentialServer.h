#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

class CredentialSource;
class GuardedTcpServer;
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

// The local credentials service behind `serve` and `exec`, in the style of aws-vault's local server, on Qt
// HttpServer: it listens on 127.0.0.1 only, and answers only at a path carrying 256 bits from
// QRandomGenerator::system() (compared in constant time, Bytes::constantTimeEqual), so any official client can use
// the URI (they send a plain GET) while other local processes and web pages cannot guess it. At that path a GET
// answers the in-environment format (CredentialsUriFormat, the one writer the sandbox's credentials service uses too)
//   {"Code":"Success","AccessKeyId":...,"AccessKeySecret":...,"SecurityToken":...,"Expiration":"...Z"}
// from the CredentialSource's usable credential (it refreshes ahead of expiry), 503 with a JSON error without
// secrets when there is none, 405 for other methods. Every other path (or a foreign Host header, against DNS
// rebinding) answers 404 with an empty body. Every answer closes its connection.
// Long-term AccessKey pairs are never served (the format needs an STS token and an expiry): 503 saying so.
// Connections are guarded (core's GuardedTcpServer) before Qt's parser sees a byte: a request line that is not
// HTTP/1.x gets 400, headers over Options::maxRequestBytes 431, headers not complete within half of
// Options::idleTimeoutMs 408, and an idle connection is closed after Options::idleTimeoutMs.
class LocalCredentialServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxRequestBytes = 8 * 1024;
        int idleTimeoutMs = 10000;
    };

    // source must outlive this object.
    explicit LocalCredentialServer(CredentialSource* source, QObject* parent = nullptr);
    LocalCredentialServer(CredentialSource* source, Options options, QObject* parent = nullptr);
    ~LocalCredentialServer() override;

    // Listens on 127.0.0.1:port (0 = any free port). False with a reason on failure.
    bool listen(quint16 port, QString* error);
    void close();
    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:PORT/<token>; empty until listening.
    QUrl uri() const;
    qint64 requestCount() const { return m_requests; }

signals:
    // After each answer to a parsed request: the status sent (200, 404, 405, 503).
    void answered(int status);

private:
    void onRequest(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    QByteArray credentialAnswer(int* status) const;

    CredentialSource* m_source;
    Options m_options;
    QHttpServer* m_http;
    GuardedTcpServer* m_tcp = nullptr;
    QByteArray m_path; // "/<token>"
    qint64 m_requests = 0;
};
