#include "SandboxEngine.h"

#include "model/CredentialConfigMapping.h"
#include "model/RoleArn.h"
#include "model/RoleAssociation.h"
#include "signing/Signing.h"
#include "util/Bytes.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;
using SandboxData::Environment;
using SandboxData::RoleKind;

namespace {

// Real services accept a request date within 15 minutes of their own clock.
constexpr qint64 kMaxSkewMs = 15 * 60 * 1000;

struct ApiInfo
{
    const char* action;
    const char* version;
    const char* product;
};

// Every POP operation the sandbox serves, by action and version, as the official SDKs call them.
constexpr ApiInfo kApis[] = {
    {"ListProjects", "2024-05-18", "dataworks-public"},
    {"ListProjectMembers", "2024-05-18", "dataworks-public"},
    {"ListServerIdeInstances", "2024-05-18", "dataworks-public"},
    {"GetServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"UpdateServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"CreateServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"StartServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"StopServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"DeleteServerIdeInstance", "2024-05-18", "dataworks-public"},
    {"GetCallerIdentity", "2015-04-01", "Sts"},
    {"AssumeRole", "2015-04-01", "Sts"},
    {"AssumeRoleWithOIDC", "2015-04-01", "Sts"},
    {"GetRole", "2015-05-01", "Ram"},
    {"ListRoles", "2015-05-01", "Ram"},
};

// Where the official SDK sends each DataWorks 2024-05-18 parameter (its TypeScript client.ts request building and the
// Java async SDK's @Query/@Body annotations; shared/reference/dataworks-api.md "Where each parameter travels"): these
// in the query string, every other one in the form body. The sandbox's own copy of the SDK model's facts (the client
// keeps its own in core/api/DataWorksClient.cpp), so a test can tell whether the client matches the SDK.
const QHash<QString, QStringList>& sdkQueryParameters()
{
    static const QHash<QString, QStringList> table = {
        {u"UpdateServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"StartServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"StopServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"DeleteServerIdeInstance"_s, {u"InstanceId"_s}},
        {u"ListProjects"_s, {}},
        {u"ListProjectMembers"_s, {}},
        {u"ListServerIdeInstances"_s, {}},
        {u"GetServerIdeInstance"_s, {}},
        {u"CreateServerIdeInstance"_s, {}},
    };
    return table;
}

// Parameters of the RPC V1 protocol itself (signature, key, time), wherever they travel.
bool isProtocolParameter(const QString& name)
{
    static const QStringList names = {u"Action"_s,         u"Version"_s,         u"Format"_s,
                                      u"AccessKeyId"_s,    u"SignatureMethod"_s, u"SignatureVersion"_s,
                                      u"SignatureNonce"_s, u"Signature"_s,       u"Timestamp"_s,
                                      u"SecurityToken"_s,  u"RegionId"_s,        u"SignatureType"_s};
    return names.contains(name);
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

QDateTime parseIso(const QString& text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"_s);
    if (!re.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace

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

SandboxEngine::SandboxEngine(const Clock* clock)
    : m_clock(clock ? clock : Clock::system())
    , m_random(0x5eed)
{}

// ---- loading, saving, settings ----

bool SandboxEngine::loadSeed(const QByteArray& json, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error =
            QStringLiteral("not a JSON object (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset);
        return false;
    }
    SandboxData::State state;
    if (!SandboxData::fromJson(doc.object(), &state, error))
        return false;
    QMutexLocker lock(&m_mutex);
    m_state = std::move(state);
    m_issued.clear();
    m_environmentCredential.clear();
    m_configTemplates.clear();
    m_vpcSuffixes.clear();
    touch();
    return true;
}

bool SandboxEngine::loadStateFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!loadSeed(file.readAll(), &why)) {
        *error = QStringLiteral("%1 is not a sandbox state file: %2").arg(path, why);
        return false;
    }
    return true;
}

bool SandboxEngine::saveStateFile(const QString& path, QString* error) const
{
    QByteArray data;
    {
        QMutexLocker lock(&m_mutex);
        data = QJsonDocument(SandboxData::toJson(m_state)).toJson(QJsonDocument::Compact);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // It holds the sandbox's own (fake) admin secret: keep it private to the user anyway.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SandboxEngine::generateEnvironments(qsizetype count)
{
    QMutexLocker lock(&m_mutex);
    SandboxData::generateEnvironments(&m_state, count, nowMs());
    m_environmentCredential.clear();
    touch();
}

void SandboxEngine::setBaseUrl(const QString& baseUrl)
{
    QMutexLocker lock(&m_mutex);
    m_baseUrl = baseUrl;
}

void SandboxEngine::setCredentialLifetimeSeconds(int seconds)
{
    QMutexLocker lock(&m_mutex);
    m_credentialLifetime = qMax(60, seconds);
    m_environmentCredential.clear();
}

int SandboxEngine::credentialLifetimeSeconds() const
{
    QMutexLocker lock(&m_mutex);
    return m_credentialLifetime;
}

void SandboxEngine::setTransitionDelayMs(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_transitionDelayMs = qMax(0, ms);
}

void SandboxEngine::setFaults(const SandboxFaults& faults)
{
    QMutexLocker lock(&m_mutex);
    if (faults.randomSeed != m_faults.randomSeed || !(faults == m_faults))
        m_random.seed(faults.randomSeed ? faults.randomSeed : 0x5eed);
    m_faults = faults;
    m_recentRequests.clear();
}

SandboxFaults SandboxEngine::faults() const
{
    QMutexLocker lock(&m_mutex);
    return m_faults;
}

QString SandboxEngine::accountId() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.accountId;
}

QString SandboxEngine::region() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.region;
}

QString SandboxEngine::accessKeyId() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.adminKeyId;
}

QString SandboxEngine::accessKeySecret() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.adminKeys.value(m_state.adminKeyId);
}

QString SandboxEngine::tokenFor(const QString& instanceId) const
{
    // Derived, not stored: 100,000 environments cost nothing, and the URI stays the same across restarts
    // of one state file. Unguessable without the per-state random secret.
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(instanceId.toUtf8(), m_state.credentialsSecret, QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

QString SandboxEngine::credentialsUri(const QString& instanceId) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_state.environmentIndex.contains(instanceId))
        return {};
    return m_baseUrl + u"/envs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(instanceId)) + u"/credentials/"_s +
           tokenFor(instanceId);
}

QList<QPair<QString, bool>> SandboxEngine::visibility() const
{
    QMutexLocker lock(&m_mutex);
    QList<QPair<QString, bool>> out;
    out.reserve(m_state.environments.size());
    for (const Environment& e : m_state.environments)
        out.append({e.instanceId, e.isPublic});
    return out;
}

QByteArray SandboxEngine::visibilityJson() const
{
    QJsonArray list;
    for (const auto& [id, isPublic] : visibility())
        list.append(QJsonObject{{u"instanceId"_s, id}, {u"visibility"_s, isPublic ? u"public"_s : u"private"_s}});
    return QJsonDocument(QJsonObject{{u"environments"_s, list}}).toJson(QJsonDocument::Indented);
}

qsizetype SandboxEngine::environmentCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.environments.size();
}

bool SandboxEngine::environment(const QString& instanceId, Environment* out) const
{
    QMutexLocker lock(&m_mutex);
    auto* self = const_cast<SandboxEngine*>(this);
    Environment* env = self->m_state.environment(instanceId);
    if (!env)
        return false;
    settle(env, nowMs());
    *out = *env;
    return true;
}

bool SandboxEngine::setEnvironmentPublic(const QString& instanceId, bool isPublic)
{
    QMutexLocker lock(&m_mutex);
    Environment* env = m_state.environment(instanceId);
    if (!env)
        return false;
    env->isPublic = isPublic;
    touch();
    return true;
}

bool SandboxEngine::currentEnvironmentCredential(const QString& instanceId, SandboxIssuedCredential* out,
                                                 QString* error)
{
    QMutexLocker lock(&m_mutex);
    int status = 0;
    QString code;
    return environmentCredentialLocked(instanceId, out, &status, &code, error);
}

bool SandboxEngine::issueRoleCredential(const QString& roleName, const QString& sessionName, int durationSeconds,
                                        SandboxIssuedCredential* out)
{
    QMutexLocker lock(&m_mutex);
    const SandboxData::Role* role = m_state.role(roleName);
    if (!role)
        return false;
    *out = issue(role->name, sessionName, durationSeconds, role->isDataWorksDefault, m_state.adminUserId);
    return true;
}

quint64 SandboxEngine::changeCounter() const
{
    QMutexLocker lock(&m_mutex);
    return m_changes;
}

qint64 SandboxEngine::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

// ---- internals ----

qint64 SandboxEngine::nowMs() const
{
    return m_clock->nowMSecsSinceEpoch();
}

void SandboxEngine::settle(Environment* env, qint64 now) const
{
    if (!env->pendingStatus.isEmpty() && now >= env->pendingAtMs) {
        env->status = env->pendingStatus;
        env->updateTimeMs = env->pendingAtMs;
        env->pendingStatus.clear();
        env->pendingAtMs = 0;
    }
}

void SandboxEngine::touch()
{
    ++m_changes;
}

bool SandboxEngine::faultApplies(int scope) const
{
    return (m_faults.scope & scope) != 0;
}

bool SandboxEngine::roll(double rate)
{
    if (rate <= 0.0)
        return false;
    if (rate >= 1.0)
        return true;
    return m_random.generateDouble() < rate;
}

bool SandboxEngine::throttled(qint64 now)
{
    if (m_faults.throttleRequestsPerSecond <= 0)
        return false;
    while (!m_recentRequests.isEmpty() && m_recentRequests.first() <= now - 1000)
        m_recentRequests.removeFirst();
    if (m_recentRequests.size() >= m_faults.throttleRequestsPerSecond)
        return true;
    m_recentRequests.append(now);
    return false;
}

SandboxResponse SandboxEngine::jsonResponse(int status, const QJsonObject& body)
{
    SandboxResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")));
    return r;
}

SandboxResponse SandboxEngine::popError(const Context& ctx, int status, const QString& code,
                                        const QString& message) const
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

SandboxResponse SandboxEngine::popOk(const Context& ctx, QJsonObject body) const
{
    body.insert(u"RequestId", ctx.requestId);
    SandboxResponse r = jsonResponse(200, body);
    r.headers.append(qMakePair(QByteArray("x-acs-request-id"), ctx.requestId.toLatin1()));
    return r;
}

SandboxResponse SandboxEngine::odpsError(const QString& requestId, int status, const QString& code,
                                         const QString& message) const
{
    SandboxResponse r;
    r.status = status;
    QXmlStreamWriter xml(&r.body);
    xml.writeStartDocument();
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Code"_s, code);
    xml.writeTextElement(u"Message"_s, message);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeTextElement(u"HostId"_s, u"service."_s + m_state.region + u".maxcompute.aliyun.com"_s);
    xml.writeEndElement();
    xml.writeEndDocument();
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")));
    r.headers.append(qMakePair(QByteArray("x-odps-request-id"), requestId.toLatin1()));
    return r;
}

void SandboxEngine::malform(SandboxResponse* response)
{
    // A plausible failure: the answer stops half-way (a proxy cut it), with a 200 status.
    response->body = response->body.left(qMax<qsizetype>(1, response->body.size() / 2));
}

SandboxResponse SandboxEngine::handle(const SandboxRequest& request)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests;
    const qint64 now = nowMs();

    int scope = 0;
    if (request.path == "/" || request.path.isEmpty())
        scope = SandboxFaults::Pop;
    else if (request.path == "/api" || request.path.startsWith("/api/"))
        scope = SandboxFaults::MaxCompute;
    else if (request.path.startsWith("/envs/"))
        scope = SandboxFaults::CredentialsService;

    SandboxResponse response;
    const bool faulty = scope != 0 && faultApplies(scope);
    const QString requestId = newRequestId();
    Context ctx{requestId, QString::fromLatin1(request.header("host")), {}};
    if (ctx.host.isEmpty())
        ctx.host = u"127.0.0.1"_s;

    if (request.path == "/cloud-credentials") {
        response = handleCloudSso(request);
    } else if (request.path == "/v1/token" || request.path == "/v1/exchange") {
        response = handleOAuth(request);
    } else if (scope == 0) {
        response =
            jsonResponse(404, QJsonObject{{u"Code"_s, u"NotFound"_s},
                                          {u"Message"_s, u"The sandbox serves POP APIs at /, MaxCompute at /api "
                                                         u"and credentials at /envs/<id>/credentials/<token>."_s},
                                          {u"RequestId"_s, requestId}});
    } else if (faulty && throttled(now)) {
        const QString message = u"Request was denied due to user flow control."_s;
        if (scope == SandboxFaults::MaxCompute)
            response = odpsError(requestId, 429, u"Throttling.User"_s, message);
        else if (scope == SandboxFaults::Pop)
            response = popError(ctx, 429, u"Throttling.User"_s, message);
        else
            response = jsonResponse(429, QJsonObject{{u"Code"_s, u"Throttling"_s}, {u"Message"_s, message}});
    } else if (faulty && roll(m_faults.errorRate)) {
        const QString message = u"The request has failed due to a temporary failure of the server."_s;
        if (scope == SandboxFaults::MaxCompute)
            response = odpsError(requestId, 503, u"ServiceUnavailable"_s, message);
        else if (scope == SandboxFaults::Pop)
            response = popError(ctx, 503, u"ServiceUnavailable"_s, message);
        else
            response = jsonResponse(503, QJsonObject{{u"Code"_s, u"ServiceUnavailable"_s}, {u"Message"_s, message}});
    } else if (scope == SandboxFaults::Pop) {
        response = handlePop(request);
    } else if (scope == SandboxFaults::MaxCompute) {
        response = handleOdps(request);
    } else {
        response = handleCredentials(request);
    }

    if (faulty && response.status == 200 && roll(m_faults.malformedRate))
        malform(&response);
    if (faulty) {
        int delay = m_faults.latencyMs;
        if (m_faults.latencyJitterMs > 0)
            delay += int(m_random.bounded(2 * m_faults.latencyJitterMs + 1)) - m_faults.latencyJitterMs;
        response.delayMs = qMax(0, delay);
    }
    response.headers.append(qMakePair(QByteArrayLiteral("Date"), Signing::httpDate(m_clock->nowUtc())));
    return response;
}

// ---- POP: routing and authentication ----

bool SandboxEngine::sdkQueryParameter(const QString& action, const QString& name)
{
    return sdkQueryParameters().value(action).contains(name);
}

QString SandboxEngine::misplacedParameter(const PopPlacement& placement)
{
    const auto known = sdkQueryParameters().constFind(placement.action);
    if (known == sdkQueryParameters().cend())
        return {}; // not a DataWorks action: STS and RAM take either place
    for (const QString& name : placement.query)
        if (!isProtocolParameter(name) && !known->contains(name))
            return name;
    for (const QString& name : placement.body)
        if (!isProtocolParameter(name) && known->contains(name))
            return name;
    return {};
}

QList<SandboxEngine::PopPlacement> SandboxEngine::recentPlacements() const
{
    QMutexLocker lock(&m_mutex);
    return m_placements;
}

void SandboxEngine::setMemberListingAllowed(bool allowed)
{
    QMutexLocker lock(&m_mutex);
    m_memberListingAllowed = allowed;
}

void SandboxEngine::setStrictPlacement(bool strict)
{
    QMutexLocker lock(&m_mutex);
    m_strictPlacement = strict;
}

bool SandboxEngine::strictPlacement() const
{
    QMutexLocker lock(&m_mutex);
    return m_strictPlacement;
}

SandboxResponse SandboxEngine::handlePop(const SandboxRequest& request)
{
    const Signing::BytePairList query = Bytes::decodePairs(request.rawQuery, false);
    Signing::BytePairList all = query;
    Signing::BytePairList body;
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        body = Bytes::decodePairs(request.body, true);
    all += body;
    Params params;
    for (const auto& [k, v] : all)
        params.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    PopPlacement placement;
    for (const auto& pair : query)
        placement.query.append(QString::fromUtf8(pair.first));
    for (const auto& pair : body)
        placement.body.append(QString::fromUtf8(pair.first));

    Context ctx{newRequestId(), QString::fromLatin1(request.header("host")), {}};
    if (ctx.host.isEmpty())
        ctx.host = u"127.0.0.1"_s;
    QString action = QString::fromLatin1(request.header("x-acs-action"));
    if (action.isEmpty())
        action = params.value(u"Action"_s);
    QString version = QString::fromLatin1(request.header("x-acs-version"));
    if (version.isEmpty())
        version = params.value(u"Version"_s);
    if (action.isEmpty())
        return popError(
            ctx, 400, u"MissingParameter"_s,
            u"The input parameter \"Action\" that is mandatory for processing this request is not supplied."_s);
    const ApiInfo* api = nullptr;
    for (const ApiInfo& candidate : kApis)
        if (action == QLatin1String(candidate.action) && version == QLatin1String(candidate.version))
            api = &candidate;
    if (!api)
        return popError(ctx, 404, u"InvalidAction.NotFound"_s,
                        u"Specified api is not found, please check your url and method."_s);
    ctx.product = QString::fromLatin1(api->product);

    // Anonymous, like the real STS: the OIDC token is the proof (the official libraries send no signature).
    // The official libraries put the token and the ARNs in the form body, never in the URL (where proxies log it).
    if (action == QLatin1String("AssumeRoleWithOIDC")) {
        for (const QString& name : {u"OIDCToken"_s, u"OIDCProviderArn"_s, u"RoleArn"_s})
            if (placement.query.contains(name))
                return popError(ctx, 400, u"InvalidParameter"_s,
                                u"The parameter \"%1\" of AssumeRoleWithOIDC belongs in the form body (the "
                                u"official SDK sends it there), not in the query string."_s.arg(name));
        return assumeRoleWithOidc(params, ctx);
    }

    Principal principal;
    SandboxResponse error;
    if (!authenticatePop(request, params, ctx, &principal, &error))
        return error;

    placement.action = action;
    if (m_placements.size() >= kPlacementLogSize)
        m_placements.removeFirst();
    m_placements.append(placement);
    if (m_strictPlacement) {
        const QString misplaced = misplacedParameter(placement);
        if (!misplaced.isEmpty())
            return popError(
                ctx, 400, u"MissingParameter"_s,
                u"The input parameter \"%1\" that is mandatory for processing this request is not "
                u"supplied where %2 expects it (the official SDK sends it in the %3)."_s.arg(
                    misplaced, action, sdkQueryParameter(action, misplaced) ? u"query string"_s : u"form body"_s));
    }

    qCDebug(lcSandbox) << "POP" << action << "by" << Redaction::maskKeyId(principal.accessKeyId);
    if (ctx.product == QLatin1String("Sts"))
        return sts(action, params, principal, ctx);
    if (!principal.admin)
        return popError(ctx, 403, u"NoPermission"_s,
                        u"You are not authorized to do this action. You should be authorized by RAM."_s);
    if (ctx.product == QLatin1String("Ram"))
        return ram(action, params, ctx);
    return dataWorks(action, params, principal, ctx);
}

bool SandboxEngine::lookupKey(const QString& accessKeyId, const QString& securityToken, QString* secret,
                              Principal* principal, QString* code, QString* message, int* status) const
{
    principal->accessKeyId = accessKeyId;
    const auto admin = m_state.adminKeys.constFind(accessKeyId);
    if (admin != m_state.adminKeys.cend()) {
        principal->admin = true;
        *secret = admin.value();
        return true;
    }
    const auto issued = m_issued.constFind(accessKeyId);
    if (issued == m_issued.cend()) {
        *status = 404;
        *code = u"InvalidAccessKeyId.NotFound"_s;
        *message = u"Specified access key is not found."_s;
        return false;
    }
    if (securityToken.isEmpty()) {
        *status = 400;
        *code = u"MissingSecurityToken"_s;
        *message = u"SecurityToken is mandatory for this action: the access key is a temporary (STS) one."_s;
        return false;
    }
    if (!Bytes::constantTimeEqual(securityToken.toUtf8(), issued->securityToken.toUtf8())) {
        *status = 400;
        *code = u"InvalidSecurityToken.MismatchWithAccessKey"_s;
        *message = u"Specified SecurityToken mismatch with the AccessKey."_s;
        return false;
    }
    if (nowMs() >= issued->expiresMs) {
        *status = 400;
        *code = u"InvalidSecurityToken.Expired"_s;
        *message = u"Specified SecurityToken is expired."_s;
        return false;
    }
    principal->sts = issued.value();
    *secret = issued->accessKeySecret;
    return true;
}

bool SandboxEngine::checkNonce(const QString& accessKeyId, const QString& nonce, qint64 now)
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

bool SandboxEngine::authenticatePop(const SandboxRequest& request, const Params& params, const Context& ctx,
                                    Principal* principal, SandboxResponse* error)
{
    const qint64 now = nowMs();
    const QByteArray authorization = request.header("authorization");
    const bool v3 = authorization.startsWith("ACS3-");
    QString code, message;
    int status = 400;

    if (v3) {
        const Signing::V3Authorization auth = Signing::parseV3Authorization(authorization);
        if (!auth.isValid()) {
            *error = popError(ctx, 400, u"IncompleteSignature"_s,
                              u"The request signature does not conform to Aliyun standards (ACS3-HMAC-SHA256 "
                              u"Credential=...,SignedHeaders=...,Signature=...)."_s);
            return false;
        }
        QString secret;
        const QString keyId = QString::fromUtf8(auth.accessKeyId);
        if (!lookupKey(keyId, QString::fromUtf8(request.header("x-acs-security-token")), &secret, principal, &code,
                       &message, &status)) {
            *error = popError(ctx, status, code, message);
            return false;
        }
        for (const QByteArray& required :
             {QByteArrayLiteral("host"), QByteArrayLiteral("x-acs-date"), QByteArrayLiteral("x-acs-signature-nonce")}) {
            if (!auth.signedHeaders.contains(required)) {
                *error = popError(ctx, 400, u"IncompleteSignature"_s,
                                  u"The request signature does not conform to Aliyun standards: header "_s +
                                      QString::fromLatin1(required) + u" must be signed."_s);
                return false;
            }
        }
        if (!principal->admin && !auth.signedHeaders.contains("x-acs-security-token")) {
            *error = popError(ctx, 400, u"IncompleteSignature"_s,
                              u"The request signature does not conform to Aliyun standards: header "
                              u"x-acs-security-token must be signed."_s);
            return false;
        }
        const QDateTime date = parseIso(QString::fromLatin1(request.header("x-acs-date")));
        if (!date.isValid()) {
            *error = popError(ctx, 400, u"InvalidTimeStamp.Format"_s,
                              u"Specified time stamp or date value is not well formatted (x-acs-date must be "
                              u"YYYY-MM-DDTHH:MM:SSZ)."_s);
            return false;
        }
        if (qAbs(date.toMSecsSinceEpoch() - now) > kMaxSkewMs) {
            *error = popError(ctx, 400, u"InvalidTimeStamp.Expired"_s,
                              u"Specified time stamp or date value is expired: x-acs-date is more than 15 minutes "
                              u"away from the server time (see the Date header of this answer)."_s);
            return false;
        }
        const QByteArray actualHash = Signing::hexSha256(request.body);
        const QByteArray claimedHash = request.header("x-acs-content-sha256").trimmed().toLower();
        if (!claimedHash.isEmpty() && claimedHash != actualHash) {
            *error = popError(ctx, 400, u"SignatureDoesNotMatch"_s,
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
            *error = popError(ctx, 400, u"SignatureDoesNotMatch"_s,
                              u"Specified signature is not matched with our calculation. Server hashed canonical "
                              u"request: "_s +
                                  QString::fromLatin1(expected.hashedCanonicalRequest));
            return false;
        }
        const QString nonce = QString::fromLatin1(request.header("x-acs-signature-nonce"));
        if (nonce.isEmpty() || !checkNonce(keyId, nonce, now)) {
            *error = popError(ctx, 400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s);
            return false;
        }
        return true;
    }

    // RPC signature V1: every parameter (query and form body) except Signature is signed.
    if (!params.contains(u"Signature"_s) || params.value(u"AccessKeyId"_s).isEmpty()) {
        *error = popError(ctx, 400, u"IncompleteSignature"_s,
                          u"The request signature does not conform to Aliyun standards: sign it with signature V3 "
                          u"(Authorization: ACS3-HMAC-SHA256 ...) or RPC V1 (AccessKeyId, Signature, ...)."_s);
        return false;
    }
    const QString method = params.value(u"SignatureMethod"_s);
    if (method != QLatin1String("HMAC-SHA1") || params.value(u"SignatureVersion"_s) != QLatin1String("1.0")) {
        *error = popError(ctx, 400, u"InvalidSignatureMethod"_s,
                          u"Specified signature method is not supported: use SignatureMethod=HMAC-SHA1 and "
                          u"SignatureVersion=1.0."_s);
        return false;
    }
    QString secret;
    const QString keyId = params.value(u"AccessKeyId"_s);
    if (!lookupKey(keyId, params.value(u"SecurityToken"_s), &secret, principal, &code, &message, &status)) {
        *error = popError(ctx, status, code, message);
        return false;
    }
    const QDateTime date = parseIso(params.value(u"Timestamp"_s));
    if (!date.isValid()) {
        *error = popError(ctx, 400, u"InvalidTimeStamp.Format"_s,
                          u"Specified time stamp or date value is not well formatted (Timestamp must be "
                          u"YYYY-MM-DDTHH:MM:SSZ)."_s);
        return false;
    }
    if (qAbs(date.toMSecsSinceEpoch() - now) > kMaxSkewMs) {
        *error = popError(ctx, 400, u"InvalidTimeStamp.Expired"_s,
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
        *error = popError(ctx, 400, u"SignatureDoesNotMatch"_s,
                          u"Specified signature is not matched with our calculation (RPC signature V1: HMAC-SHA1 "
                          u"over METHOD&%2F&<sorted, encoded parameters>)."_s);
        return false;
    }
    const QString nonce = params.value(u"SignatureNonce"_s);
    if (nonce.isEmpty() || !checkNonce(keyId, nonce, now)) {
        *error = popError(ctx, 400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s);
        return false;
    }
    return true;
}
