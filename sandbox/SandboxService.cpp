#include "SandboxService.h"

#include "util/Bytes.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString randomString(int length, QLatin1String alphabet)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QChar(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())))));
    return out;
}

const QLatin1String kBase58("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
const QLatin1String kAlnum("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

} // namespace

// ---- the shared values ----

QByteArray SandboxRequest::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

QString SandboxIssuedCredential::expirationText() const
{
    return Bytes::isoSeconds(expiresMs);
}

SandboxShared::SandboxShared(const Clock* clock)
    : clock(clock ? clock : Clock::system())
{}

qint64 SandboxShared::nowMs() const
{
    return clock->nowMSecsSinceEpoch();
}

void SandboxShared::touch()
{
    ++changes;
}

void SandboxShared::settle(SandboxData::Environment* env, qint64 now)
{
    if (!env->pendingStatus.isEmpty() && now >= env->pendingAtMs) {
        env->status = env->pendingStatus;
        env->updateTimeMs = env->pendingAtMs;
        env->pendingStatus.clear();
        env->pendingAtMs = 0;
    }
}

SandboxIssuedCredential SandboxShared::issue(const QString& roleName, const QString& sessionName, int durationSeconds,
                                             bool defaultRole, const QString& ownerId)
{
    const qint64 now = nowMs();
    if (issued.size() > 2000) {
        for (auto it = issued.begin(); it != issued.end();)
            it = it->expiresMs < now - 3600000 ? issued.erase(it) : std::next(it);
    }
    SandboxIssuedCredential c;
    c.accessKeyId = u"STS.N"_s + randomString(24, kBase58);
    c.accessKeySecret = randomString(44, kAlnum);
    // Real tokens run to hundreds of characters: clients must not cap them short.
    c.securityToken = u"CAIS"_s + randomString(560, kAlnum);
    c.issuedMs = now;
    c.expiresMs = now + qint64(durationSeconds) * 1000;
    c.roleName = roleName;
    c.sessionName = sessionName;
    c.defaultRole = defaultRole;
    c.ownerId = ownerId;
    issued.insert(c.accessKeyId, c);
    qCDebug(lcSandbox) << "issued" << Redaction::maskKeyId(c.accessKeyId) << "for role" << roleName << "until"
                       << c.expirationText();
    return c;
}

// ---- the service bases ----

SandboxService::SandboxService(SandboxShared& shared)
    : m_shared(shared)
    , m_state(shared.state)
{}

SandboxService::~SandboxService() = default;

SandboxResponse SandboxService::jsonResponse(int status, const QJsonObject& body)
{
    SandboxResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")));
    return r;
}

QString SandboxService::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

qint64 SandboxService::paramInt(const QHash<QString, QString>& params, const QString& name, qint64 fallback, bool* ok)
{
    const auto it = params.constFind(name);
    if (it == params.cend() || it->isEmpty())
        return fallback;
    bool good = false;
    const qint64 v = it->toLongLong(&good);
    if (!good)
        *ok = false;
    return v;
}

QString SandboxService::encodePageToken(qsizetype offset)
{
    return QString::fromLatin1(QByteArray("sbx:" + QByteArray::number(offset)).toBase64(QByteArray::Base64UrlEncoding));
}

qsizetype SandboxService::decodePageToken(const QString& token, bool* ok)
{
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    *ok = raw.startsWith("sbx:");
    return *ok ? raw.mid(4).toLongLong(ok) : 0;
}

QByteArray SandboxService::base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString SandboxService::randomToken(const QString& prefix)
{
    QByteArray raw;
    for (int i = 0; i < 8; ++i) {
        const quint32 word = QRandomGenerator::system()->generate();
        raw.append(reinterpret_cast<const char*>(&word), sizeof word);
    }
    return prefix + QString::fromLatin1(base64Url(raw));
}

SandboxResponse SandboxPathService::faultAnswer(Fault fault, const QString& requestId, const QString& host) const
{
    Q_UNUSED(requestId);
    Q_UNUSED(host);
    if (fault == Fault::Throttled)
        return jsonResponse(429, QJsonObject{{u"Code"_s, u"Throttling"_s}, {u"Message"_s, faultMessage(fault)}});
    return jsonResponse(503, QJsonObject{{u"Code"_s, u"ServiceUnavailable"_s}, {u"Message"_s, faultMessage(fault)}});
}

QString SandboxPathService::faultMessage(Fault fault)
{
    return fault == Fault::Throttled ? u"Request was denied due to user flow control."_s
                                     : u"The request has failed due to a temporary failure of the server."_s;
}

SandboxPopService::SandboxPopService(SandboxShared& shared, const QString& product, const QString& version)
    : SandboxService(shared)
    , m_product(product)
    , m_version(version)
{}

QString SandboxPopService::misplacedParameter(const SandboxPopPlacement& placement) const
{
    Q_UNUSED(placement);
    return {};
}

bool SandboxPopService::sdkQueryParameter(const QString& action, const QString& name) const
{
    Q_UNUSED(action);
    Q_UNUSED(name);
    return false;
}

void SandboxPopService::addAction(const QString& name, Access access, Handler handler)
{
    Q_ASSERT(!m_actions.contains(name));
    m_actions.insert(name, Action{access, std::move(handler)});
}

SandboxResponse SandboxPopService::popError(const SandboxPopContext& ctx, int status, const QString& code,
                                            const QString& message)
{
    const QString recommend = u"https://api.aliyun.com/troubleshoot?q="_s + code + u"&product="_s +
                              (ctx.product.isEmpty() ? u"Unknown"_s : ctx.product) + u"&requestId="_s + ctx.requestId;
    SandboxResponse r = jsonResponse(status, QJsonObject{{u"RequestId"_s, ctx.requestId},
                                                         {u"HostId"_s, ctx.host},
                                                         {u"Code"_s, code},
                                                         {u"Message"_s, message},
                                                         {u"Recommend"_s, recommend}});
    r.headers.append(qMakePair(QByteArray("x-acs-request-id"), ctx.requestId.toLatin1()));
    return r;
}

SandboxResponse SandboxPopService::popOk(const SandboxPopContext& ctx, QJsonObject body)
{
    body.insert(u"RequestId", ctx.requestId);
    SandboxResponse r = jsonResponse(200, body);
    r.headers.append(qMakePair(QByteArray("x-acs-request-id"), ctx.requestId.toLatin1()));
    return r;
}

SandboxResponse SandboxPopService::popOkWithRaw(const SandboxPopContext& ctx, QJsonObject body,
                                                const QByteArray& rawJson)
{
    body.insert(u"RequestId", ctx.requestId);
    QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    text.replace(QByteArrayLiteral("\"@@SBX_RAW@@\""), rawJson);
    SandboxResponse r;
    r.body = text;
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")));
    r.headers.append(qMakePair(QByteArray("x-acs-request-id"), ctx.requestId.toLatin1()));
    return r;
}
