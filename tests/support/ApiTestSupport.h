#pragma once

#include "ScriptedHttpServer.h"

#include <QByteArray>
#include <QString>

// Helpers for tests of the API clients against ScriptedHttpServer.
namespace ApiTestSupport {

// Recomputes the V3 signature of a received request with Signing::signV3 and compares it with the
// Authorization header. On mismatch returns false and sets *why (no secrets in it).
bool verifyV3(const ScriptedHttpServer::Request& request, const QByteArray& accessKeyId, const QByteArray& secret,
              QString* why);
// RPC V1: recomputes Signature over every form parameter but Signature.
bool verifyRpcV1(const ScriptedHttpServer::Request& request, const QByteArray& secret, QString* why);
// ODPS: recomputes the Authorization header for a request under /api.
bool verifyOdps(const ScriptedHttpServer::Request& request, const QByteArray& accessKeyId, const QByteArray& secret,
                QString* why);

// The POP error body {"RequestId","HostId","Code","Message"}.
QByteArray popError(const QString& code, const QString& message, const QString& requestId);
// A 200 JSON response.
ScriptedHttpServer::Response ok(const QByteArray& json);
ScriptedHttpServer::Response error(int status, const QString& code, const QString& message = QStringLiteral("msg"),
                                   const QString& requestId = QStringLiteral("REQ-1"));

} // namespace ApiTestSupport
