#include "signing/Signing.h"

#include "util/Bytes.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>

#include <algorithm>

// Sources: ../shared/reference/signing.md (Alibaba Cloud "V3 request structure and signature", the RPC V1
// signature page, MaxCompute REST authentication) and the official SDKs it cites.
namespace Signing {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, algorithm);
}

QByteArray lowerAscii(const QByteArray& name)
{
    // Header names are ASCII tokens; QByteArray::toLower only touches ASCII letters, which is what we want.
    return name.toLower();
}

using EncodedPair = QPair<QByteArray, QByteArray>;

// Byte order of the encoded key, then the encoded value: stable for duplicate keys whatever the input order.
void sortPairs(QList<EncodedPair>& pairs)
{
    std::sort(pairs.begin(), pairs.end(), [](const EncodedPair& a, const EncodedPair& b) {
        const int byKey = a.first.compare(b.first);
        return byKey != 0 ? byKey < 0 : a.second < b.second;
    });
}

QByteArray joinPairs(const QList<EncodedPair>& pairs)
{
    QByteArray out;
    for (const EncodedPair& pair : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += pair.first + '=' + pair.second;
    }
    return out;
}

bool isLowerHex(const QByteArray& text, qsizetype length)
{
    if (text.size() != length)
        return false;
    return std::all_of(text.cbegin(), text.cend(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

QByteArray headerValue(const BytePairList& headers, const QByteArray& lowerName)
{
    for (const auto& [name, value] : headers) {
        if (lowerAscii(name) == lowerName)
            return value;
    }
    return {};
}

} // namespace

QByteArray percentEncode(const QByteArray& utf8)
{
    static const char hexDigits[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hexDigits[byte >> 4];
            out += hexDigits[byte & 0x0F];
        }
    }
    return out;
}

QByteArray hexSha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray emptyPayloadHash()
{
    return QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

bool equalsConstantTime(const QByteArray& a, const QByteArray& b)
{
    return Bytes::constantTimeEqual(a, b); // the one comparison (core/util/Bytes)
}

QByteArray isoTimestamp(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")).toLatin1();
}

// ---- Signature V3 ----

QByteArray canonicalUriV3(const QByteArray& decodedPath)
{
    if (decodedPath.isEmpty())
        return QByteArrayLiteral("/");
    const QList<QByteArray> segments = decodedPath.split('/');
    QByteArray out;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += '/';
        out += percentEncode(segments.at(i));
    }
    return out;
}

QByteArray canonicalQueryV3(const BytePairList& query)
{
    QList<EncodedPair> pairs;
    pairs.reserve(query.size());
    for (const auto& [key, value] : query)
        pairs.append({percentEncode(key), percentEncode(value)});
    sortPairs(pairs);
    return joinPairs(pairs);
}

V3Result signV3(const V3Input& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret)
{
    // Lower-cased name -> trimmed values. A repeated header is signed as its values sorted and joined by ","
    // (what @alicloud/openapi-util does for names that differ only in case).
    QMap<QByteArray, QList<QByteArray>> canonical;
    if (input.signedHeaderNames.isEmpty()) {
        for (const auto& [name, value] : input.headers) {
            const QByteArray lower = lowerAscii(name.trimmed());
            if (lower == "host" || lower == "content-type" || lower.startsWith("x-acs-"))
                canonical[lower].append(value.trimmed());
        }
    } else {
        for (const QByteArray& wanted : input.signedHeaderNames)
            canonical.insert(lowerAscii(wanted), {});
        for (const auto& [name, value] : input.headers) {
            const QByteArray lower = lowerAscii(name.trimmed());
            const auto it = canonical.find(lower);
            if (it != canonical.end())
                it->append(value.trimmed());
        }
    }

    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
    for (auto it = canonical.begin(); it != canonical.end(); ++it) {
        QList<QByteArray> values = it.value();
        std::sort(values.begin(), values.end());
        canonicalHeaders += it.key() + ':' + values.join(',') + '\n';
        if (!signedHeaders.isEmpty())
            signedHeaders += ';';
        signedHeaders += it.key();
    }

    V3Result result;
    result.signedHeaders = signedHeaders;
    result.canonicalRequest = input.method.toUpper() + '\n' + canonicalUriV3(input.path) + '\n' +
                              canonicalQueryV3(input.query) + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n' +
                              input.payloadHashHex;
    result.hashedCanonicalRequest = hexSha256(result.canonicalRequest);
    result.stringToSign = QByteArrayLiteral("ACS3-HMAC-SHA256\n") + result.hashedCanonicalRequest;
    result.signature = hmac(QCryptographicHash::Sha256, accessKeySecret, result.stringToSign).toHex();
    result.authorization = QByteArrayLiteral("ACS3-HMAC-SHA256 Credential=") + accessKeyId +
                           QByteArrayLiteral(",SignedHeaders=") + signedHeaders + QByteArrayLiteral(",Signature=") +
                           result.signature;
    return result;
}

V3Authorization parseV3Authorization(const QByteArray& headerValue)
{
    static const QByteArray algorithm = QByteArrayLiteral("ACS3-HMAC-SHA256");
    const QByteArray value = headerValue.trimmed();
    if (!value.startsWith(algorithm) || value.size() <= algorithm.size() || value.at(algorithm.size()) != ' ')
        return {};

    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
    bool haveCredential = false;
    bool haveSignedHeaders = false;
    bool haveSignature = false;
    const QList<QByteArray> parts = value.mid(algorithm.size() + 1).split(',');
    for (const QByteArray& rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return {};
        const QByteArray key = part.left(eq);
        const QByteArray partValue = part.mid(eq + 1);
        bool* seen = nullptr;
        QByteArray* target = nullptr;
        if (key == "Credential") {
            seen = &haveCredential;
            target = &credential;
        } else if (key == "SignedHeaders") {
            seen = &haveSignedHeaders;
            target = &signedHeaders;
        } else if (key == "Signature") {
            seen = &haveSignature;
            target = &signature;
        } else {
            return {};
        }
        if (*seen)
            return {};
        *seen = true;
        *target = partValue;
    }
    if (!haveCredential || !haveSignedHeaders || !haveSignature || credential.isEmpty())
        return {};
    signature = signature.toLower();
    if (!isLowerHex(signature, 64))
        return {};

    V3Authorization parsed;
    if (!signedHeaders.isEmpty()) {
        for (const QByteArray& name : signedHeaders.split(';')) {
            if (name.isEmpty() || name != name.trimmed())
                return {};
            parsed.signedHeaders.append(lowerAscii(name));
        }
    }
    parsed.accessKeyId = credential;
    parsed.signature = signature;
    return parsed;
}

// ---- RPC signature V1 ----

QByteArray rpcCanonicalQuery(const BytePairList& params)
{
    // The SDKs sort the decoded keys and encode afterwards; the encoded form can order differently
    // (e.g. "." < "/" but "%2F" < "."), so sort first.
    BytePairList sorted = params;
    std::sort(sorted.begin(), sorted.end(),
              [](const QPair<QByteArray, QByteArray>& a, const QPair<QByteArray, QByteArray>& b) {
                  const int byKey = a.first.compare(b.first);
                  return byKey != 0 ? byKey < 0 : a.second < b.second;
              });
    QList<EncodedPair> pairs;
    pairs.reserve(sorted.size());
    for (const auto& [key, value] : sorted)
        pairs.append({percentEncode(key), percentEncode(value)});
    return joinPairs(pairs);
}

QByteArray rpcStringToSign(const QByteArray& method, const BytePairList& params)
{
    return method.toUpper() + QByteArrayLiteral("&%2F&") + percentEncode(rpcCanonicalQuery(params));
}

QByteArray signRpcV1(const QByteArray& method, const BytePairList& params, const QByteArray& accessKeySecret)
{
    return hmac(QCryptographicHash::Sha1, accessKeySecret + '&', rpcStringToSign(method, params)).toBase64();
}

// ---- MaxCompute (ODPS) ----

QByteArray odpsStringToSign(const OdpsInput& input)
{
    const QByteArray contentMd5 =
        input.contentMd5.isEmpty() ? headerValue(input.headers, "content-md5") : input.contentMd5;
    const QByteArray contentType =
        input.contentType.isEmpty() ? headerValue(input.headers, "content-type") : input.contentType;
    const QByteArray date = input.date.isEmpty() ? headerValue(input.headers, "date") : input.date;

    // pyodps (odps/accounts.py, BaseAccount._build_canonical_str): header names lower-cased, x-odps-* query
    // parameters added under their own key (a parameter overrides a header of the same name), all sorted.
    QMap<QByteArray, QByteArray> odpsLines;
    for (const auto& [name, value] : input.headers) {
        const QByteArray lower = lowerAscii(name);
        if (lower.startsWith("x-odps-"))
            odpsLines.insert(lower, value);
    }
    for (const auto& [key, value] : input.query) {
        if (key.startsWith("x-odps-"))
            odpsLines.insert(key, value);
    }

    QByteArray out = input.method.toUpper() + '\n' + contentMd5 + '\n' + contentType + '\n' + date + '\n';
    for (auto it = odpsLines.cbegin(); it != odpsLines.cend(); ++it)
        out += it.key() + ':' + it.value() + '\n';

    out += input.resource;
    if (!input.query.isEmpty()) {
        BytePairList sorted = input.query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const QPair<QByteArray, QByteArray>& a, const QPair<QByteArray, QByteArray>& b) {
                             return a.first < b.first;
                         });
        out += '?';
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            if (i > 0)
                out += '&';
            out += sorted.at(i).first;
            if (!sorted.at(i).second.isEmpty())
                out += '=' + sorted.at(i).second;
        }
    }
    return out;
}

QByteArray odpsAuthorization(const OdpsInput& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret)
{
    const QByteArray signature = hmac(QCryptographicHash::Sha1, accessKeySecret, odpsStringToSign(input)).toBase64();
    return QByteArrayLiteral("ODPS ") + accessKeyId + ':' + signature;
}

QByteArray odpsV4SigningKey(const QByteArray& accessKeySecret, const QByteArray& yyyymmdd, const QByteArray& region)
{
    // pyodps odps/accounts.py, CloudAccount._get_v4_signature_key (prefix option default "aliyun_v4").
    QByteArray key = hmac(QCryptographicHash::Sha256, QByteArrayLiteral("aliyun_v4") + accessKeySecret, yyyymmdd);
    key = hmac(QCryptographicHash::Sha256, key, region);
    key = hmac(QCryptographicHash::Sha256, key, QByteArrayLiteral("odps"));
    return hmac(QCryptographicHash::Sha256, key, QByteArrayLiteral("aliyun_v4_request"));
}

QByteArray odpsAuthorizationV4(const OdpsInput& input, const QByteArray& accessKeyId, const QByteArray& accessKeySecret,
                               const QByteArray& yyyymmdd, const QByteArray& region)
{
    // pyodps odps/accounts.py, CloudAccount.calc_auth_str: only the key is SHA-256-derived; the request itself is
    // signed with HMAC-SHA1 under that key and base64-encoded, exactly like the legacy form.
    const QByteArray signingKey = odpsV4SigningKey(accessKeySecret, yyyymmdd, region);
    const QByteArray signature = hmac(QCryptographicHash::Sha1, signingKey, odpsStringToSign(input)).toBase64();
    return QByteArrayLiteral("ODPS ") + accessKeyId + '/' + yyyymmdd + '/' + region +
           QByteArrayLiteral("/odps/aliyun_v4_request:") + signature;
}

QByteArray httpDate(const QDateTime& utc)
{
    // Built by hand: QDateTime's "ddd"/"MMM" follow the system locale.
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = utc.toUTC();
    const QDate d = t.date();
    const QTime tm = t.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' +
           QByteArray(months[d.month() - 1]) + ' ' + QByteArray::number(d.year()).rightJustified(4, '0') + ' ' +
           QByteArray::number(tm.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(tm.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(tm.second()).rightJustified(2, '0') + QByteArrayLiteral(" GMT");
}

} // namespace Signing
