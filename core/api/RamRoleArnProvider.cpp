#include "RamRoleArnProvider.h"

#include "api/ApiClient.h"
#include "api/StsClient.h"
#include "util/Clock.h"
#include "util/Logging.h"

RamRoleArnProvider::RamRoleArnProvider(const RoleArnSpec& spec, const Endpoints& endpoints, const Clock* clock,
                                       QObject* parent)
    : CredentialProvider(parent)
    , m_spec(spec)
    , m_source(spec.sourceProvider)
    , m_clock(clock ? clock : Clock::system())
{
    m_spec.sourceProvider = nullptr;
    if (m_source)
        m_source->setParent(this);
    Endpoints stsEndpoints = endpoints;
    if (!m_spec.regionId.isEmpty())
        stsEndpoints.setRegion(m_spec.regionId);
    if (m_spec.stsEndpoint.isValid())
        stsEndpoints.setServiceOverride(ApiService::Sts, m_spec.stsEndpoint);
    m_api = new ApiClient(
        stsEndpoints, [this] { return m_base; }, m_clock, this);
    m_sts = new StsClient(m_api, this);
}

RamRoleArnProvider::~RamRoleArnProvider() = default;

QString RamRoleArnProvider::description() const
{
    const QString assume = tr("AssumeRole %1").arg(m_spec.roleArn);
    return m_spec.description.isEmpty() ? assume : m_spec.description + QStringLiteral(", ") + assume;
}

std::function<CredentialProvider*(const RoleArnSpec&, QObject*)> RamRoleArnProvider::factory(const Endpoints& endpoints,
                                                                                             const Clock* clock)
{
    return [endpoints, clock](const RoleArnSpec& spec, QObject* parent) -> CredentialProvider* {
        return new RamRoleArnProvider(spec, endpoints, clock, parent);
    };
}

void RamRoleArnProvider::deliver(const CredentialResult& result)
{
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    for (const Callback& done : waiting)
        finish(done, result);
}

void RamRoleArnProvider::fetch(Callback done)
{
    const QDateTime now = m_clock->nowUtc();
    if (!m_cached.isNull() && m_cachedAt.isValid()) {
        const qint64 lifetime = m_cachedAt.secsTo(m_cached.expiration());
        if (m_cached.secondsLeft(now) > lifetime / 2) {
            finish(done, CredentialResult::success(m_cached));
            return;
        }
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // an AssumeRole is already under way
    if (!m_source) {
        deliver(failure(tr("No source credential is configured to call AssumeRole with.")));
        return;
    }
    m_source->fetch([this](const CredentialResult& source) {
        if (!source.ok()) {
            CredentialResult result = source;
            result.error.message =
                tr("The source credential for AssumeRole %1 failed: %2").arg(m_spec.roleArn, source.error.message);
            deliver(result);
            return;
        }
        m_base = source.credential;
        AssumeRoleRequest request;
        request.roleArn = m_spec.roleArn;
        request.roleSessionName = m_spec.sessionName.isEmpty()
                                      ? QStringLiteral("roledesk-%1").arg(m_clock->nowUtc().toSecsSinceEpoch())
                                      : m_spec.sessionName;
        request.durationSeconds = m_spec.durationSeconds > 0 ? m_spec.durationSeconds : 3600;
        request.policy = m_spec.policy;
        request.externalId = m_spec.externalId;
        m_sts->assumeRole(request, [this](const Credential& credential, const ApiError& error) {
            m_base = Credential(); // keep the long-term secret in memory only while it is needed
            if (error.isError()) {
                deliver(failure(error.toString(), error.httpStatus));
                return;
            }
            m_cached = credential;
            m_cachedAt = m_clock->nowUtc();
            qCInfo(lcCredentials).noquote() << "assumed" << m_spec.roleArn << "as" << credential.maskedKeyId();
            deliver(CredentialResult::success(credential));
        });
    });
}
