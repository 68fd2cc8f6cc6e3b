#pragma once

#include "SandboxHttpLimits.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

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

    // Listens with every connection guarded by limits (Qt HttpServer 6.4 has no hooks for them): a guard sees
    // each connection's bytes before Qt's parser does, answers 431/413/408 and closes, and closes idle
    // connections. Returns the port, 0 on failure.
    quint16 listenGuarded(const QHostAddress& address, quint16 port, const SandboxHttpLimits& limits);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    SandboxEngine* m_engine;
    std::function<void()> m_answered;
};
