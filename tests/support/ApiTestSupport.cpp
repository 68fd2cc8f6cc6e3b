#include "ApiTestSupport.h"

#include "signing/Signing.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ApiTestSupport {

bool verifyV3(const ScriptedHttpServer::Request& request, const QByteArray& accessKeyId, const QByteArray& secret,
              QString* why)
{
    const Signing::V3Authorization auth = Signing::parseV3Authorization(request.header("Authorization"));
    if (!auth.isValid()) {
        *why = QStringLiteral("no parsable ACS3 Authorization header");
        return false;
    }
    if (auth.accessKeyId != accessKeyId) {
        *why = QStringLiteral("Authorization names another AccessKey ID");
        return false;
    }
    Signing::V3Input input;
    input.method = request.method;
    input.path = QByteArray::fromPercentEncoding(request.path);
    input.query = request.queryItems();
    input.headers = request.headers;
    input.payloadHashHex = Signing::hexSha256(request.body);
    if (request.header("x-acs-content-sha256") != input.payloadHashHex) {
        *why = QStringLiteral("x-acs-content-sha256 is not the hash of the body");
        return false;
    }
    const Signing::V3Result expected = Signing::signV3(input, accessKeyId, secret);
    if (expected.signature != auth.signature) {
        *why = QStringLiteral("signature mismatch; signed headers sent: ") +
               QString::fromLatin1(auth.signedHeaders.join(';')) + QStringLiteral(" expected: ") +
               QString::fromLatin1(expected.signedHeaders);
        return false;
    }
    return true;
}

bool verifyRpcV1(const ScriptedHttpServer::Request& request, const QByteArray& secret, QString* why)
{
    Signing::BytePairList params;
    QByteArray signature;
    const auto form = request.form();
    for (const auto& [k, v] : form) {
        if (k == "Signature")
            signature = v;
        else
            params.append({k, v});
    }
    if (signature.isEmpty()) {
        *why = QStringLiteral("no Signature parameter");
        return false;
    }
    if (Signing::signRpcV1(request.method, params, secret) != signature) {
        *why = QStringLiteral("RPC V1 signature mismatch");
        return false;
    }
    return true;
}

bool verifyOdps(const ScriptedHttpServer::Request& request, const QByteArray& accessKeyId, const QByteArray& secret,
                QString* why)
{
    Signing::OdpsInput input;
    input.method = request.method;
    input.contentMd5 = request.header("Content-MD5");
    input.contentType = request.header("Content-Type");
    input.date = request.header("Date");
    input.headers = request.headers;
    QByteArray path = QByteArray::fromPercentEncoding(request.path);
    if (path.startsWith("/api"))
        path = path.mid(4);
    input.resource = path;
    input.query = request.queryItems();
    const QByteArray expected = Signing::odpsAuthorization(input, accessKeyId, secret);
    if (expected != request.header("Authorization")) {
        *why = QStringLiteral("ODPS signature mismatch; string to sign: ") +
               QString::fromUtf8(Signing::odpsStringToSign(input)).replace(QLatin1Char('\n'), QLatin1Char('|'));
        return false;
    }
    return true;
}

QByteArray popError(const QString& code, const QString& message, const QString& requestId)
{
    QJsonObject o;
    o.insert(QStringLiteral("RequestId"), requestId);
    o.insert(QStringLiteral("HostId"), QStringLiteral("api.example"));
    o.insert(QStringLiteral("Code"), code);
    o.insert(QStringLiteral("Message"), message);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ScriptedHttpServer::Response ok(const QByteArray& json)
{
    ScriptedHttpServer::Response response;
    response.body = json;
    return response;
}

ScriptedHttpServer::Response error(int status, const QString& code, const QString& message, const QString& requestId)
{
    ScriptedHttpServer::Response response;
    response.status = status;
    response.body = popError(code, message, requestId);
    return response;
}

} // namespace ApiTestSupport
