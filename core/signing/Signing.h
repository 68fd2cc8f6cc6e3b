#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Pure functions for Alibaba Cloud request signing (see ../shared/reference/signing.md).
// Signing and verifying (the sandbox) share these: a verifier recomputes and compares.
namespace Signing {

using BytePairList = QList<QPair<QByteArray, QByteArray>>;

// RFC 3986 percent-encoding of UTF-8 bytes: A-Z a-z 0-9 - _ . ~ kept, everything else %XX (upper case).
QByteArray percentEncode(const QByteArray& utf8);
QByteArray hexSha256(const QByteArray& data);
// The hex SHA-256 of the empty payload.
QByteArray emptyPayloadHash();

// ---- Signature V3 (ACS3-HMAC-SHA256) ----
struct V3Input
{
    QByteArray method = "POST";
    QByteArray path = "/"; // decoded path; encoded segment by segment when canonicalised
    BytePairList query;    // decoded keys and values (UTF-8), any order, duplicates allowed
    BytePairList headers;  // every request header; the canonical subset is chosen here
    QByteArray payloadHashHex; // hex SHA-256 of the body (emptyPayloadHash() for none)
};

struct V3Result
{
    QByteArray canonicalRequest;
    QByteArray hashedCanonicalRequest; // hex
    QByteArray stringToSign;
    QByteArray signedHeaders; // "host;x-acs-action;..."
    QByteArray signature;     // hex
    QByteArray authorization; // full Authorization header value
};

V3Result signV3(const V3Input& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret);

// The parts of an "ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=..." header; empty on parse error.
struct V3Authorization
{
    QByteArray accessKeyId;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
    bool isValid() const { return !accessKeyId.isEmpty() && !signature.isEmpty(); }
};
V3Authorization parseV3Authorization(const QByteArray& headerValue);

// ---- RPC signature V1 (HMAC-SHA1) ----
// params: every request parameter except Signature (decoded UTF-8). Returns base64 signature.
QByteArray rpcStringToSign(const QByteArray& method, const BytePairList& params);
QByteArray signRpcV1(const QByteArray& method, const BytePairList& params, const QByteArray& accessKeySecret);

// ---- MaxCompute (ODPS) ----
struct OdpsInput
{
    QByteArray method = "GET";
    QByteArray contentMd5;
    QByteArray contentType;
    QByteArray date;          // RFC 1123 GMT, e.g. "Wed, 21 Oct 2026 07:28:00 GMT"
    BytePairList headers;     // all headers; x-odps-* are picked here
    QByteArray resource;      // decoded path below the endpoint's /api, e.g. "/projects/p/tables"
    BytePairList query;       // decoded query parameters; an empty value is written as the bare key
};
QByteArray odpsStringToSign(const OdpsInput& input);
// "ODPS <id>:<base64 sig>"
QByteArray odpsAuthorization(const OdpsInput& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret);
// V4 key derivation variant: "ODPS <id>/<YYYYMMDD>/<region>/odps/aliyun_v4_request:<base64 sig>"
QByteArray odpsAuthorizationV4(const OdpsInput& input, const QByteArray& accessKeyId,
                               const QByteArray& accessKeySecret, const QByteArray& yyyymmdd, const QByteArray& region);
// RFC 1123 date for the Date header.
QByteArray httpDate(const class QDateTime& utc);

} // namespace Signing
