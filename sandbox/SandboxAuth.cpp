#include "SandboxAuth.h"

#include "signing/Signing.h"
#include "util/Bytes.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Real services accept a request date within 15 minutes of their own clock.
constexpr qint64 kMaxSkewMs = 15 * 60 * 1000;

// Only the form the official SDKs write is accepted (stricter than a client reading a server's Date).
QDateTime parseIso(const QString& text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"_s);
    if (!re.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text, Qt::ISODate);
}

QDateTime parseHttpDate(const QByteArray& text)
{
    QDateTime dt = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!dt.isValid())
        return {};
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

SandboxAuth::Failure fail(int status, const QString& code, const QString& message)
{
    return SandboxAuth::Failure{status, code, message};
}

} // namespace

SandboxAuth::SandboxAuth(SandboxShared& shared)
    : m_shared(shared)
{}

bool SandboxAuth::lookupKey(const QString& accessKeyId, const QString& securityToken, QString* secret,
                            SandboxPrincipal* principal, Failure* failure) const
{
    principal->accessKeyId = accessKeyId;
    const auto admin = m_shared.state.adminKeys.constFind(accessKeyId);
    if (admin != m_shared.state.adminKeys.cend()) {
        principal->admin = true;
        *secret = admin.value();
        return true;
    }
    const auto issued = m_shared.issued.constFind(accessKeyId);
    if (issued == m_shared.issued.cend()) {
        *failure = fail(404, u"InvalidAccessKeyId.NotFound"_s, u"Specified access key is not found."_s);
        return false;
    }
    if (securityToken.isEmpty()) {
        *failure = fail(400, u"MissingSecurityToken"_s,
                        u"SecurityToken is mandatory for this action: the access key is a temporary (STS) one."_s);
        return false;
    }
    if (!Bytes::constantTimeEqual(securityToken.toUtf8(), issued->securityToken.toUtf8())) {
        *failure = fail(400, u"InvalidSecurityToken.MismatchWithAccessKey"_s,
                        u"Specified SecurityToken mismatch with the AccessKey."_s);
        return false;
    }
    if (m_shared.nowMs() >= issued->expiresMs) {
        *failure = fail(400, u"InvalidSecurityToken.Expired"_s, u"Specified SecurityToken is expired."_s);
        return false;
    }
    principal->sts = issued.value();
    *secret = issued->accessKeySecret;
    return true;
}

bool SandboxAuth::checkNonce(const QString& accessKeyId, const QString& nonce, qint64 now)
{
    if (m_nonces.size() > 20000) {
        for (auto it = m_nonces.begin(); it != m_nonces.end();)
            it = it.value() < now - 2 * kMaxSkewMs ? m_nonces.erase(it) : std::next(it);
    }
    const QString key = accessKeyId + u'\n' + nonce;
    if (m_nonces.contains(key))
        return false;
    m_nonces.insert(key, now);
    return true;
}

bool SandboxAuth::verifyPop(const SandboxRequest& request, const QHash<QString, QString>& params,
                            SandboxPrincipal* principal, Failure* failure)
{
    const qint64 now = m_shared.nowMs();
    const QByteArray authorization = request.header("authorization");

    if (authorization.startsWith("ACS3-")) {
        const Signing::V3Authorization auth = Signing::parseV3Authorization(authorization);
        if (!auth.isValid()) {
            *failure = fail(400, u"IncompleteSignature"_s,
                            u"The request signature does not conform to Aliyun standards (ACS3-HMAC-SHA256 "
                            u"Credential=...,SignedHeaders=...,Signature=...)."_s);
            return false;
        }
        QString secret;
        const QString keyId = QString::fromUtf8(auth.accessKeyId);
        if (!lookupKey(keyId, QString::fromUtf8(request.header("x-acs-security-token")), &secret, principal, failure))
            return false;
        for (const QByteArray& required :
             {QByteArrayLiteral("host"), QByteArrayLiteral("x-acs-date"), QByteArrayLiteral("x-acs-signature-nonce")}) {
            if (!auth.signedHeaders.contains(required)) {
                *failure = fail(400, u"IncompleteSignature"_s,
                                u"The request signature does not conform to Aliyun standards: header "_s +
                                    QString::fromLatin1(required) + u" must be signed."_s);
                return false;
            }
        }
        if (!principal->admin && !auth.signedHeaders.contains("x-acs-security-token")) {
            *failure = fail(400, u"IncompleteSignature"_s,
                            u"The request signature does not conform to Aliyun standards: header "
                            u"x-acs-security-token must be signed."_s);
            return false;
        }
        const QDateTime date = parseIso(QString::fromLatin1(request.header("x-acs-date")));
        if (!date.isValid()) {
            *failure = fail(400, u"InvalidTimeStamp.Format"_s,
                            u"Specified time stamp or date value is not well formatted (x-acs-date must be "
                            u"YYYY-MM-DDTHH:MM:SSZ)."_s);
            return false;
        }
        if (qAbs(date.toMSecsSinceEpoch() - now) > kMaxSkewMs) {
            *failure = fail(400, u"InvalidTimeStamp.Expired"_s,
                            u"Specified time stamp or date value is expired: x-acs-date is more than 15 minutes "
                            u"away from the server time (see the Date header of this answer)."_s);
            return false;
        }
        const QByteArray actualHash = Signing::hexSha256(request.body);
        const QByteArray claimedHash = request.header("x-acs-content-sha256").trimmed().toLower();
        if (!claimedHash.isEmpty() && claimedHash != actualHash) {
            *failure = fail(400, u"SignatureDoesNotMatch"_s,
                            u"Specified signature is not matched with our calculation: x-acs-content-sha256 is "
                            u"not the SHA-256 of the request body."_s);
            return false;
        }
        Signing::V3Input input;
        input.method = request.method;
        input.path = request.path;
        input.query = Bytes::decodePairs(request.rawQuery, false);
        input.headers = request.headers;
        input.payloadHashHex = actualHash;
        input.signedHeaderNames = auth.signedHeaders;
        const Signing::V3Result expected = Signing::signV3(input, auth.accessKeyId, secret.toUtf8());
        if (!Bytes::constantTimeEqual(expected.signature, auth.signature)) {
            *failure = fail(400, u"SignatureDoesNotMatch"_s,
                            u"Specified signature is not matched with our calculation. Server hashed canonical "
                            u"request: "_s +
                                QString::fromLatin1(expected.hashedCanonicalRequest));
            return false;
        }
        const QString nonce = QString::fromLatin1(request.header("x-acs-signature-nonce"));
        if (nonce.isEmpty() || !checkNonce(keyId, nonce, now)) {
            *failure = fail(400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s);
            return false;
        }
        return true;
    }

    // RPC signature V1: every parameter (query and form body) except Signature is signed.
    if (!params.contains(u"Signature"_s) || params.value(u"AccessKeyId"_s).isEmpty()) {
        *failure = fail(400, u"IncompleteSignature"_s,
                        u"The request signature does not conform to Aliyun standards: sign it with signature V3 "
                        u"(Authorization: ACS3-HMAC-SHA256 ...) or RPC V1 (AccessKeyId, Signature, ...)."_s);
        return false;
    }
    const QString method = params.value(u"SignatureMethod"_s);
    if (method != QLatin1String("HMAC-SHA1") || params.value(u"SignatureVersion"_s) != QLatin1String("1.0")) {
        *failure = fail(400, u"InvalidSignatureMethod"_s,
                        u"Specified signature method is not supported: use SignatureMethod=HMAC-SHA1 and "
                        u"SignatureVersion=1.0."_s);
        return false;
    }
    QString secret;
    const QString keyId = params.value(u"AccessKeyId"_s);
    if (!lookupKey(keyId, params.value(u"SecurityToken"_s), &secret, principal, failure))
        return false;
    const QDateTime date = parseIso(params.value(u"Timestamp"_s));
    if (!date.isValid()) {
        *failure = fail(400, u"InvalidTimeStamp.Format"_s,
                        u"Specified time stamp or date value is not well formatted (Timestamp must be "
                        u"YYYY-MM-DDTHH:MM:SSZ)."_s);
        return false;
    }
    if (qAbs(date.toMSecsSinceEpoch() - now) > kMaxSkewMs) {
        *failure = fail(400, u"InvalidTimeStamp.Expired"_s,
                        u"Specified time stamp or date value is expired: Timestamp is more than 15 minutes away "
                        u"from the server time (see the Date header of this answer)."_s);
        return false;
    }
    Signing::BytePairList signedParams = Bytes::decodePairs(request.rawQuery, false);
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        signedParams += Bytes::decodePairs(request.body, true);
    QByteArray signature;
    for (qsizetype i = signedParams.size() - 1; i >= 0; --i) {
        if (signedParams.at(i).first == "Signature") {
            signature = signedParams.at(i).second;
            signedParams.removeAt(i);
        }
    }
    const QByteArray expected = Signing::signRpcV1(request.method, signedParams, secret.toUtf8());
    if (!Bytes::constantTimeEqual(expected, signature)) {
        *failure = fail(400, u"SignatureDoesNotMatch"_s,
                        u"Specified signature is not matched with our calculation (RPC signature V1: HMAC-SHA1 "
                        u"over METHOD&%2F&<sorted, encoded parameters>)."_s);
        return false;
    }
    const QString nonce = params.value(u"SignatureNonce"_s);
    if (nonce.isEmpty() || !checkNonce(keyId, nonce, now)) {
        *failure = fail(400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s);
        return false;
    }
    return true;
}

bool SandboxAuth::verifyOdps(const SandboxRequest& request, SandboxPrincipal* principal, Failure* failure) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (!authorization.startsWith("ODPS ")) {
        *failure = fail(401, u"AuthorizationRequired"_s,
                        u"ODPS-0410040: Authorization required - sign the request (Authorization: ODPS "
                        u"<AccessKeyId>:<signature>)."_s);
        return false;
    }
    const QByteArray credential = authorization.mid(5);
    const qsizetype colon = credential.lastIndexOf(':');
    const QList<QByteArray> scopeParts = credential.left(qMax<qsizetype>(colon, 0)).split('/');
    const bool v4 = scopeParts.size() == 5;
    if (colon <= 0 || (!v4 && scopeParts.size() != 1)) {
        *failure = fail(401, u"InvalidAuthorization"_s,
                        u"ODPS-0410042: Invalid signature value - the Authorization header is malformed."_s);
        return false;
    }
    const QString keyId = QString::fromUtf8(scopeParts.first());

    QString secret;
    if (!lookupKey(keyId, QString::fromUtf8(request.header("authorization-sts-token")), &secret, principal, failure)) {
        if (failure->status == 404)
            failure->status = 401;
        return false;
    }

    const QDateTime date = parseHttpDate(request.header("date"));
    if (!date.isValid()) {
        *failure = fail(400, u"InvalidDate"_s, u"The Date header is missing or not an RFC 1123 GMT date."_s);
        return false;
    }
    if (qAbs(date.toMSecsSinceEpoch() - m_shared.nowMs()) > kMaxSkewMs) {
        *failure = fail(403, u"RequestTimeTooSkewed"_s,
                        u"ODPS-0410031: Authentication request expired - the difference between the request time "
                        u"and the server time is more than 15 minutes."_s);
        return false;
    }

    Signing::OdpsInput input;
    input.method = request.method;
    input.headers = request.headers;
    input.resource = request.path.mid(4); // below /api
    input.query = Bytes::decodePairs(request.rawQuery, false);
    const QString& region = m_shared.state.region;
    QByteArray expected;
    if (v4) {
        if (scopeParts.at(2) != region.toUtf8() || scopeParts.at(3) != "odps" ||
            scopeParts.at(4) != "aliyun_v4_request") {
            *failure = fail(401, u"SignatureNotMatch"_s,
                            u"ODPS-0410042: Invalid signature value - the V4 credential scope must be "
                            u"<AccessKeyId>/<YYYYMMDD>/"_s +
                                region + u"/odps/aliyun_v4_request."_s);
            return false;
        }
        expected = Signing::odpsAuthorizationV4(input, scopeParts.first(), secret.toUtf8(), scopeParts.at(1),
                                                scopeParts.at(2));
    } else {
        expected = Signing::odpsAuthorization(input, scopeParts.first(), secret.toUtf8());
    }
    if (!Bytes::constantTimeEqual(expected, authorization)) {
        *failure = fail(401, u"SignatureNotMatch"_s,
                        u"ODPS-0410042: Invalid signature value - User signature does not match."_s);
        return false;
    }
    return true;
}
