#pragma once

#include <QTcpServer>

// What one client may make a local HTTP server hold (issue 14), for the servers built on Qt HttpServer (the sandbox,
// the CLI's local credentials service): checked on the bytes as they arrive, before Qt's HTTP server buffers them, so
// no client can make it keep an endless header or body in memory or keep a connection open by saying nothing.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 32 * 1024;  // request line and headers; more: 431, connection closed
    qint64 maxBodyBytes = 4 * 1024 * 1024; // Content-Length, or the chunks received; more: 413, connection closed
    int headerTimeoutMs = 10000;           // a request's headers, from its first byte; later: 408, closed
    int idleTimeoutMs = 30000;             // nothing received or sent, no answer pending: closed
};

// A QTcpServer whose every connection is guarded by HttpLimits (Qt HttpServer 6.4 has no hooks for them): give it to
// QAbstractHttpServer::bind(). A guard sees each connection's bytes before Qt's parser does, answers 431/413/408 -
// and 400 for a request line that is not "METHOD TARGET HTTP/1.x", which Qt's parser would drop without an answer -
// then closes (lingering a moment, so a client still sending gets the answer), and closes idle connections.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const HttpLimits& limits, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
};
