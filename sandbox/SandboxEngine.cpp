#include "SandboxEngine.h"

#include "SandboxAuth.h"
#include "SandboxCloudSso.h"
#include "SandboxCredentialsService.h"
#include "SandboxDataWorks.h"
#include "SandboxMaxCompute.h"
#include "SandboxOAuth.h"
#include "SandboxPopGateway.h"
#include "SandboxRam.h"
#include "SandboxSts.h"
#include "signing/Signing.h"
#include "util/Clock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using SandboxData::Environment;

static_assert(SandboxEngine::kPlacementLogSize == SandboxPopGateway::kPlacementLogSize);

SandboxEngine::SandboxEngine(const Clock* clock)
    : m_shared(clock)
    , m_random(0x5eed)
    , m_auth(std::make_unique<SandboxAuth>(m_shared))
    , m_dataWorks(std::make_unique<SandboxDataWorks>(m_shared))
    , m_sts(std::make_unique<SandboxSts>(m_shared))
    , m_ram(std::make_unique<SandboxRam>(m_shared))
    , m_maxCompute(std::make_unique<SandboxMaxCompute>(m_shared, *m_auth))
    , m_credentials(std::make_unique<SandboxCredentialsService>(m_shared))
    , m_cloudSso(std::make_unique<SandboxCloudSso>(m_shared))
    , m_oauth(std::make_unique<SandboxOAuth>(m_shared))
    , m_popGateway(std::make_unique<SandboxPopGateway>(m_shared, *m_auth))
{
    // POP: every action of these services, by action and version (x-acs-action/x-acs-version or Action/Version).
    m_popGateway->addService(m_dataWorks.get());
    m_popGateway->addService(m_sts.get());
    m_popGateway->addService(m_ram.get());
    // By path; the fault scopes say which of them the fault knobs touch.
    m_router.addPath("/", m_popGateway.get(), SandboxFaults::Pop);
    m_router.addPath("", m_popGateway.get(), SandboxFaults::Pop);
    m_router.addPath("/api", m_maxCompute.get(), SandboxFaults::MaxCompute);
    m_router.addPrefix("/api/", m_maxCompute.get(), SandboxFaults::MaxCompute);
    m_router.addPrefix("/envs/", m_credentials.get(), SandboxFaults::CredentialsService);
    m_router.addPath("/cloud-credentials", m_cloudSso.get());
    m_router.addPath("/v1/token", m_oauth.get());
    m_router.addPath("/v1/exchange", m_oauth.get());
}

SandboxEngine::~SandboxEngine() = default;

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
    m_shared.state = std::move(state);
    m_shared.issued.clear();
    m_shared.environmentCredential.clear();
    m_dataWorks->clearDerived();
    m_shared.touch();
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
        data = QJsonDocument(SandboxData::toJson(m_shared.state)).toJson(QJsonDocument::Compact);
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
    SandboxData::generateEnvironments(&m_shared.state, count, m_shared.nowMs());
    m_shared.environmentCredential.clear();
    m_shared.touch();
}

void SandboxEngine::setBaseUrl(const QString& baseUrl)
{
    QMutexLocker lock(&m_mutex);
    m_shared.baseUrl = baseUrl;
}

void SandboxEngine::setCredentialLifetimeSeconds(int seconds)
{
    QMutexLocker lock(&m_mutex);
    m_shared.credentialLifetime = qMax(60, seconds);
    m_shared.environmentCredential.clear();
}

int SandboxEngine::credentialLifetimeSeconds() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.credentialLifetime;
}

void SandboxEngine::setTransitionDelayMs(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_shared.transitionDelayMs = qMax(0, ms);
}

void SandboxEngine::setFaults(const SandboxFaults& faults)
{
    QMutexLocker lock(&m_mutex);
    if (faults.randomSeed != m_shared.faults.randomSeed || !(faults == m_shared.faults))
        m_random.seed(faults.randomSeed ? faults.randomSeed : 0x5eed);
    m_shared.faults = faults;
    m_recentRequests.clear();
}

SandboxFaults SandboxEngine::faults() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.faults;
}

QString SandboxEngine::accountId() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.state.accountId;
}

QString SandboxEngine::region() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.state.region;
}

QString SandboxEngine::accessKeyId() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.state.adminKeyId;
}

QString SandboxEngine::accessKeySecret() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.state.adminKeys.value(m_shared.state.adminKeyId);
}

QString SandboxEngine::credentialsUri(const QString& instanceId) const
{
    QMutexLocker lock(&m_mutex);
    return m_credentials->uri(instanceId);
}

QList<QPair<QString, bool>> SandboxEngine::visibility() const
{
    QMutexLocker lock(&m_mutex);
    QList<QPair<QString, bool>> out;
    out.reserve(m_shared.state.environments.size());
    for (const Environment& e : m_shared.state.environments)
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
    return m_shared.state.environments.size();
}

bool SandboxEngine::environment(const QString& instanceId, Environment* out) const
{
    QMutexLocker lock(&m_mutex);
    auto* self = const_cast<SandboxEngine*>(this);
    Environment* env = self->m_shared.state.environment(instanceId);
    if (!env)
        return false;
    SandboxShared::settle(env, m_shared.nowMs());
    *out = *env;
    return true;
}

bool SandboxEngine::setEnvironmentPublic(const QString& instanceId, bool isPublic)
{
    QMutexLocker lock(&m_mutex);
    Environment* env = m_shared.state.environment(instanceId);
    if (!env)
        return false;
    env->isPublic = isPublic;
    m_shared.touch();
    return true;
}

bool SandboxEngine::currentEnvironmentCredential(const QString& instanceId, SandboxIssuedCredential* out,
                                                 QString* error)
{
    QMutexLocker lock(&m_mutex);
    int status = 0;
    QString code;
    return m_credentials->currentCredential(instanceId, out, &status, &code, error);
}

bool SandboxEngine::issueRoleCredential(const QString& roleName, const QString& sessionName, int durationSeconds,
                                        SandboxIssuedCredential* out)
{
    QMutexLocker lock(&m_mutex);
    const SandboxData::Role* role = m_shared.state.role(roleName);
    if (!role)
        return false;
    *out =
        m_shared.issue(role->name, sessionName, durationSeconds, role->isDataWorksDefault, m_shared.state.adminUserId);
    return true;
}

quint64 SandboxEngine::changeCounter() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.changes;
}

qint64 SandboxEngine::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

// ---- requests: the router, with the fault knobs around it ----

bool SandboxEngine::faultApplies(int scope) const
{
    return (m_shared.faults.scope & scope) != 0;
}

bool SandboxEngine::roll(double rate)
{
    if (rate <= 0.0)
        return false;
    if (rate >= 1.0)
        return true;
    return m_random.generateDouble() < rate;
}

namespace {

// The API operation a request calls, for its quota: Alibaba Cloud's API rate limits are set per operation and
// account ("a quota defines the maximum number of calls allowed for a specific OpenAPI operation of an Alibaba Cloud
// product within a given time window": OpenAPI Explorer, "Throttling and quota management"), so ListProjectMembers
// does not use up ListServerIdeInstances' quota. The sandbox holds one account. An RPC call names its Action in the
// query or the form body, an ROA/V3 call in x-acs-action; anything else (MaxCompute, the credentials service) counts
// by its path.
QByteArray operationOf(const SandboxRequest& request)
{
    QByteArray action = request.header("x-acs-action");
    if (action.isEmpty()) {
        for (const QByteArray& source : {request.rawQuery, request.body}) {
            for (const QByteArray& pair : source.split('&'))
                if (pair.startsWith("Action="))
                    action = pair.mid(7);
            if (!action.isEmpty())
                break;
        }
    }
    return request.path + '#' + action;
}

} // namespace

bool SandboxEngine::throttled(const SandboxRequest& request, qint64 now)
{
    if (m_shared.faults.throttleRequestsPerSecond <= 0)
        return false;
    QList<qint64>& recent =
        m_recentRequests[m_shared.faults.throttleAllOperationsTogether ? QByteArray() : operationOf(request)];
    while (!recent.isEmpty() && recent.first() <= now - 1000)
        recent.removeFirst();
    if (recent.size() >= m_shared.faults.throttleRequestsPerSecond)
        return true;
    recent.append(now);
    return false;
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
    const qint64 now = m_shared.nowMs();

    const SandboxRouter::Route route = m_router.route(request.path);
    const bool faulty = route.faultScope != 0 && faultApplies(route.faultScope);
    const QString requestId = SandboxService::newRequestId();
    QString host = QString::fromLatin1(request.header("host"));
    if (host.isEmpty())
        host = u"127.0.0.1"_s;

    SandboxResponse response;
    if (!route.service)
        response = SandboxRouter::notFound(requestId);
    else if (faulty && throttled(request, now))
        response = route.service->faultAnswer(SandboxPathService::Fault::Throttled, requestId, host);
    else if (faulty && roll(m_shared.faults.errorRate))
        response = route.service->faultAnswer(SandboxPathService::Fault::Unavailable, requestId, host);
    else
        response = route.service->handle(request);

    if (faulty && response.status == 200 && roll(m_shared.faults.malformedRate))
        malform(&response);
    if (faulty) {
        int delay = m_shared.faults.latencyMs;
        if (m_shared.faults.latencyJitterMs > 0)
            delay += int(m_random.bounded(2 * m_shared.faults.latencyJitterMs + 1)) - m_shared.faults.latencyJitterMs;
        response.delayMs = qMax(0, delay);
    }
    response.headers.append(qMakePair(QByteArrayLiteral("Date"), Signing::httpDate(m_shared.clock->nowUtc())));
    return response;
}

// ---- POP placement ----

bool SandboxEngine::sdkQueryParameter(const QString& action, const QString& name)
{
    return SandboxDataWorks::sdkSendsInQuery(action, name);
}

QString SandboxEngine::misplacedParameter(const PopPlacement& placement)
{
    return SandboxDataWorks::misplaced(placement);
}

QList<SandboxEngine::PopPlacement> SandboxEngine::recentPlacements() const
{
    QMutexLocker lock(&m_mutex);
    return m_popGateway->recentPlacements();
}

void SandboxEngine::setMemberListingAllowed(bool allowed)
{
    QMutexLocker lock(&m_mutex);
    m_dataWorks->setMemberListingAllowed(allowed);
}

void SandboxEngine::setStrictPlacement(bool strict)
{
    QMutexLocker lock(&m_mutex);
    m_shared.strictPlacement = strict;
}

bool SandboxEngine::strictPlacement() const
{
    QMutexLocker lock(&m_mutex);
    return m_shared.strictPlacement;
}

// ---- OIDC, CloudSSO, OAuth sign-ins ----

QString SandboxEngine::oidcProviderArn() const
{
    QMutexLocker lock(&m_mutex);
    return m_sts->oidc().providerArn();
}

QString SandboxEngine::oidcIssuer() const
{
    return SandboxOidcProvider::issuer();
}

QString SandboxEngine::issueOidcToken(const QString& subject, int lifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    return m_sts->oidc().issueToken(subject, lifetimeSeconds);
}

bool SandboxEngine::trustOidcProvider(const QString& roleName)
{
    QMutexLocker lock(&m_mutex);
    return m_sts->oidc().trust(roleName);
}

QString SandboxEngine::issueCloudSsoAccessToken(const QString& accessConfigurationId, const QString& roleName,
                                                int lifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    return m_cloudSso->issueAccessToken(accessConfigurationId, roleName, lifetimeSeconds);
}

SandboxEngine::OAuthSignIn SandboxEngine::issueOAuthSignIn(const QString& clientId, const QString& roleName,
                                                           int accessLifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    return m_oauth->issueSignIn(clientId, roleName, accessLifetimeSeconds);
}

int SandboxEngine::oauthRenewals() const
{
    QMutexLocker lock(&m_mutex);
    return m_oauth->renewals();
}
