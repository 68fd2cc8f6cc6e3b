#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

class Clock;
class CredentialSource;
class QTcpServer;
class QTcpSocket;

// The local credentials service behind `serve` and `exec`, in the style of aws-vault's local server: it listens
// on 127.0.0.1 only, and answers only at a path carrying 256 bits from QRandomGenerator::system() (compared in
// constant time), so any official client can use the URI (they send a plain GET) while other local processes and
// web pages cannot guess it. At that path a GET answers the in-environment format
//   {"Code":"Success","AccessKeyId":...,"AccessKeySecret":...,"SecurityToken":...,"Expiration":"...Z"}
// from the CredentialSource's usable credential (it refreshes ahead of expiry), 503 with a JSON error without
// secrets when there is none, 405 for other methods. Every other path answers 404 with an empty body.
// Long-term AccessKey pairs are never served (the format needs an STS token and an expiry): 503 saying so.
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

    // The answer body for a credential (in-environment format).
    static QByteArray successBody(const QString& accessKeyId, const QString& secret, const QString& token,
                                  const QString& expiration);
    // Compares without an early exit, so timing reveals nothing about how much of a guess was right.
    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

signals:
    // After each answer: the status sent (200, 404, 405, 503, 400, 431).
    void answered(int status);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& method);
    QByteArray credentialAnswer(int* status) const;

    CredentialSource* m_source;
    Options m_options;
    QTcpServer* m_server;
    QByteArray m_path; // "/<token>"
    qint64 m_requests = 0;
};
