#pragma once

#include <QAbstractHttpServer>

#include <functional>

class SandboxEngine;

// The transport: hands each parsed request to SandboxEngine and writes the answer itself, so an answer
// can be sent later (the latency fault) without blocking the thread and without keeping Qt's
// per-request responder object alive past the request.
class SandboxHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    SandboxHttpServer(SandboxEngine* engine, std::function<void()> answered, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    SandboxEngine* m_engine;
    std::function<void()> m_answered;
};
