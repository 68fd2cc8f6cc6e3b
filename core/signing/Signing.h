#pragma once

#include <QByteArray>
#include <QDateTime>
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
// Compares a received signature with the expected one in time independent of where they differ (verifiers).
bool equalsConstantTime(const QByteArray& a, const QByteArray& b);

// ---- Signature V3 (ACS3-HMAC-SHA256) ----
struct V3Input
{
    QByteArray method = "POST";
    QByteArray path = "/";     // decoded path; encoded segment by segment when canonicalised
    BytePairList query;        // decoded keys and values (UTF-8), any order, duplicates allowed
    BytePairList headers;      // every request header; the canonical subset is chosen here
    QByteArray payloadHashHex; // hex SHA-256 of the body (emptyPayloadHash() for none)
    // Verifier use: when non-empty, exactly these (lower-case) header names are canonicalised, as listed
    // in the request's SignedHeaders; a listed header the request lacks is signed with an empty value.
    QList<QByteArray> signedHeaderNames;
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

// Building blocks of signV3, public so a client builds its URL exactly as it signs it.
// "/" for an empty path; every segment percent-encoded, the slashes kept.
QByteArray canonicalUriV3(const QByteArray& decodedPath);
// Sorted by encoded key (byte order), then encoded value; "k=" for an empty value; joined by "&".
QByteArray canonicalQueryV3(const BytePairList& query);
// "YYYY-MM-DDTHH:MM:SSZ" in UTC, the x-acs-date and RPC Timestamp format.
QByteArray isoTimestamp(const QDateTime& utc);

// The parts of an "ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=..." header; empty on parse error
// (another algorithm, a missing, repeated or unknown part, an empty header name, a signature that is not 64 hex).
struct V3Authorization
{
    QByteArray accessKeyId;
    QList<QByteArray> signedHeaders;
    QByteArray signature; // lower-case hex
    bool isValid() const { return !accessKeyId.isEmpty() && !signature.isEmpty(); }
};
V3Authorization parseV3Authorization(const QByteArray& headerValue);

// ---- RPC signature V1 (HMAC-SHA1) ----
// params: every request parameter except Signature (decoded UTF-8). Returns base64 signature.
// Parameters are sorted by their decoded key (UTF-8 byte order), then value, as the SDKs do before encoding.
QByteArray rpcCanonicalQuery(const BytePairList& params);
QByteArray rpcStringToSign(const QByteArray& method, const BytePairList& params);
QByteArray signRpcV1(const QByteArray& method, const BytePairList& params, const QByteArray& accessKeySecret);

// ---- MaxCompute (ODPS) ----
struct OdpsInput
{
    QByteArray method = "GET";
    QByteArray contentMd5;
    QByteArray contentType;
    QByteArray date;      // RFC 1123 GMT, e.g. "Wed, 21 Oct 2026 07:28:00 GMT"
    BytePairList headers; // all headers; x-odps-* are picked here
    QByteArray resource;  // decoded path below the endpoint's /api, e.g. "/projects/p/tables"
    BytePairList query;   // decoded query parameters; an empty value is written as the bare key
};
// When contentMd5, contentType or date are empty, the Content-MD5, Content-Type and Date entries of headers are used.
QByteArray odpsStringToSign(const OdpsInput& input);
// "ODPS <id>:<base64 sig>"
QByteArray odpsAuthorization(const OdpsInput& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret);
// V4 key derivation variant: "ODPS <id>/<YYYYMMDD>/<region>/odps/aliyun_v4_request:<base64 sig>"
QByteArray odpsAuthorizationV4(const OdpsInput& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret,
                               const QByteArray& yyyymmdd, const QByteArray& region);
// The V4 signing key: HMAC-SHA256 chain over "aliyun_v4"+secret, yyyymmdd, region, "odps", "aliyun_v4_request".
QByteArray odpsV4SigningKey(const QByteArray& accessKeySecret, const QByteArray& yyyymmdd, const QByteArray& region);
// RFC 1123 date for the Date header ("Sun, 06 Nov 1994 08:49:37 GMT"), English names whatever the locale.
QByteArray httpDate(const QDateTime& utc);

} // namespace Signing
