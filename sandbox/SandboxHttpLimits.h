#pragma once

#include <QtGlobal>

// What one client may make the sandbox hold (issue 14): checked on the bytes as they arrive, before Qt's HTTP
// server buffers them, so no client can make it keep an endless header or body in memory or keep a connection
// open by saying nothing.
struct SandboxHttpLimits
{
    qsizetype maxHeaderBytes = 32 * 1024;  // request line and headers; more: 431, connection closed
    qint64 maxBodyBytes = 4 * 1024 * 1024; // Content-Length, or the chunks received; more: 413, connection closed
    int headerTimeoutMs = 10000;           // a request's headers, from its first byte; later: 408, closed
    int idleTimeoutMs = 30000;             // nothing received or sent, no answer pending: closed
};
