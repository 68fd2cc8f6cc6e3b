#pragma once

// Builds correctly signed (and deliberately broken) requests for the sandbox tests, with the project's
// own signing functions: V3 (ACS3-HMAC-SHA256), RPC V1 and MaxCompute.
#include "SandboxEngine.h"
#include "signing/Signing.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace SignedRequests {

struct Key
{
    QByteArray id;
    QByteArray secret;
    QByteArray token; // STS only
};

using Pairs = Signing::BytePairList;

inline QByteArray nonce()
{
    return QUuid::createUuid().toByteArray(QUuid::Id128);
}

inline QByteArray formEncode(const Pairs& params)
{
    QByteArray out;
    for (const auto& [k, v] : params) {
        if (!out.isEmpty())
            out += '&';
        out += Signing::percentEncode(k) + '=' + Signing::percentEncode(v);
    }
    return out;
}

// The test's own statement of where the official DataWorks SDK (dataworks-public 2024-05-18, client.ts / the Java
// async SDK's @Query annotations) sends a parameter: InstanceId of Update/Start/Stop/DeleteServerIdeInstance in the
// query string, everything else in the form body. Kept apart from the client's and the sandbox's copies on purpose.
inline bool sdkPutsInQuery(const QByteArray& action, const QByteArray& name)
{
    static const QList<QByteArray> actions = {"UpdateServerIdeInstance", "StartServerIdeInstance",
                                              "StopServerIdeInstance", "DeleteServerIdeInstance"};
    return name == "InstanceId" && actions.contains(action);
}

struct V3Options
{
    // Parameters in a form body, except those the SDK sends in the query (sdkPutsInQuery); false: all in the query.
    bool formBody = true;
    QByteArray nonce; // empty: a fresh one
    QByteArray host = "127.0.0.1:8080";
    QByteArray bodyOverride; // sent instead of the signed body (tamper test)
};

inline SandboxRequest v3(const QByteArray& action, const QByteArray& version, const Pairs& params, const Key& key,
                         const QDateTime& now, V3Options options = {})
{
    SandboxRequest r;
    r.method = "POST";
    r.path = "/";
    Signing::V3Input in;
    in.method = "POST";
    in.path = "/";
    QByteArray body;
    if (options.formBody) {
        Pairs inBody;
        Pairs inQuery;
        for (const auto& pair : params)
            (sdkPutsInQuery(action, pair.first) ? inQuery : inBody).append(pair);
        body = formEncode(inBody);
        in.query = inQuery;
        r.rawQuery = formEncode(inQuery);
    } else {
        in.query = params;
        r.rawQuery = formEncode(params);
    }
    r.headers = {{"host", options.host},
                 {"x-acs-action", action},
                 {"x-acs-version", version},
                 {"x-acs-date", Signing::isoTimestamp(now)},
                 {"x-acs-signature-nonce", options.nonce.isEmpty() ? nonce() : options.nonce},
                 {"x-acs-content-sha256", Signing::hexSha256(body)},
                 {"accept", "application/json"}};
    if (options.formBody)
        r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/x-www-form-urlencoded")));
    if (!key.token.isEmpty())
        r.headers.append(qMakePair(QByteArray("x-acs-security-token"), QByteArray(key.token)));
    in.headers = r.headers;
    in.payloadHashHex = Signing::hexSha256(body);
    r.headers.append(
        qMakePair(QByteArray("authorization"), QByteArray(Signing::signV3(in, key.id, key.secret).authorization)));
    r.body = options.bodyOverride.isEmpty() ? body : options.bodyOverride;
    return r;
}

inline SandboxRequest rpc(const QByteArray& action, const QByteArray& version, Pairs params, const Key& key,
                          const QDateTime& now, const QByteArray& method = "GET", QByteArray nonceValue = {})
{
    params.append(qMakePair(QByteArray("Action"), QByteArray(action)));
    params.append(qMakePair(QByteArray("Version"), QByteArray(version)));
    params.append(qMakePair(QByteArray("Format"), QByteArray("JSON")));
    params.append(qMakePair(QByteArray("AccessKeyId"), QByteArray(key.id)));
    params.append(qMakePair(QByteArray("SignatureMethod"), QByteArray("HMAC-SHA1")));
    params.append(qMakePair(QByteArray("SignatureVersion"), QByteArray("1.0")));
    params.append(qMakePair(QByteArray("SignatureNonce"), QByteArray(nonceValue.isEmpty() ? nonce() : nonceValue)));
    params.append(qMakePair(QByteArray("Timestamp"), QByteArray(Signing::isoTimestamp(now))));
    if (!key.token.isEmpty())
        params.append(qMakePair(QByteArray("SecurityToken"), QByteArray(key.token)));
    Pairs all = params;
    all.append(qMakePair(QByteArray("Signature"), QByteArray(Signing::signRpcV1(method, params, key.secret))));
    SandboxRequest r;
    r.method = method;
    r.path = "/";
    r.headers = {{"host", "127.0.0.1:8080"}};
    if (method == "GET") {
        r.rawQuery = formEncode(all);
    } else {
        r.body = formEncode(all);
        r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/x-www-form-urlencoded")));
    }
    return r;
}

// MaxCompute: GET <path> (below the endpoint, starting with /api) with decoded query pairs.
inline SandboxRequest odps(const QByteArray& path, const Pairs& query, const Key& key, const QDateTime& now,
                           const QByteArray& v4Region = {})
{
    SandboxRequest r;
    r.method = "GET";
    r.path = path;
    r.rawQuery = formEncode(query);
    r.headers = {{"host", "127.0.0.1:8080"}, {"date", Signing::httpDate(now)}, {"content-type", ""}};
    Signing::OdpsInput in;
    in.method = "GET";
    in.date = Signing::httpDate(now);
    in.headers = r.headers;
    in.resource = path.mid(4);
    in.query = query;
    const QByteArray auth =
        v4Region.isEmpty()
            ? Signing::odpsAuthorization(in, key.id, key.secret)
            : Signing::odpsAuthorizationV4(in, key.id, key.secret, now.toString(u"yyyyMMdd").toLatin1(), v4Region);
    r.headers.append(qMakePair(QByteArray("authorization"), QByteArray(auth)));
    if (!key.token.isEmpty())
        r.headers.append(qMakePair(QByteArray("authorization-sts-token"), QByteArray(key.token)));
    return r;
}

inline QJsonObject json(const SandboxResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

inline QByteArray header(const SandboxResponse& r, const QByteArray& name)
{
    for (const auto& [k, v] : r.headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

} // namespace SignedRequests
