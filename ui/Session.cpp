#include "Session.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/MaxComputeClient.h"
#include "api/OwnerDirectory.h"
#include "api/RamClient.h"
#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"
#include "util/Logging.h"

Session::Session(const Clock* clock, VisibilityStore* visibility, AuditLog* audit, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_visibility(visibility)
    , m_audit(audit)
{}

Session::~Session() = default;

void Session::disconnectNow()
{
    ++m_generation;
    delete m_maxCompute;
    delete m_ram;
    delete m_sts;
    delete m_owners;
    delete m_dataWorks;
    delete m_api;
    delete m_source;
    m_maxCompute = nullptr;
    m_ram = nullptr;
    m_sts = nullptr;
    m_dataWorks = nullptr;
    m_owners = nullptr;
    m_api = nullptr;
    m_identity = {};
    m_identityError.clear();
}

void Session::connectSandbox(const Credential& admin, const Endpoints& endpoints, const QString& label)
{
    m_hasSandbox = true;
    m_sandboxAdmin = admin;
    m_sandboxEndpoints = endpoints;
    m_sandboxLabel = label;
    reconnectSandbox();
}

bool Session::reconnectSandbox()
{
    if (!m_hasSandbox)
        return false;
    connectWith(new StaticCredentialProvider(m_sandboxAdmin, QStringLiteral("static")), m_sandboxEndpoints,
                m_sandboxLabel, true);
    return true;
}

void Session::connectWith(CredentialProvider* provider, const Endpoints& endpoints, const QString& label, bool sandbox)
{
    disconnectNow();
    m_endpoints = endpoints;
    m_label = label;
    m_sandbox = sandbox;
    m_source = new CredentialSource(provider, m_clock, this);
    QPointer<CredentialSource> source = m_source;
    // Each request signs with the credential that is usable at that moment, never an expired one.
    m_api = new ApiClient(
        endpoints, [source] { return source ? source->usableCredential() : Credential(); }, m_clock, this);
    m_dataWorks = new DataWorksClient(m_api, this);
    m_owners = new OwnerDirectory(m_dataWorks, this);
    m_sts = new StsClient(m_api, this);
    m_ram = new RamClient(m_api, this);
    m_maxCompute = new MaxComputeClient(m_api, this);
    qCInfo(lcUi) << "connecting with" << label << "region" << endpoints.region();
    connect(m_source, &CredentialSource::fetchFinished, this, [this](bool ok) {
        // The first credential (or the first one after a failure) is the moment to ask who we are.
        if (ok && m_identity.arn.isEmpty())
            refreshIdentity();
        else if (!ok && m_identity.arn.isEmpty() && m_source) {
            m_identityError = m_source->lastError().toString();
            Q_EMIT identityChanged();
        }
    });
    m_source->start();
    Q_EMIT connectionChanged();
}

void Session::refreshIdentity()
{
    if (!m_sts)
        return;
    const quint64 generation = m_generation;
    m_sts->getCallerIdentity([this, generation](const CallerIdentity& identity, const ApiError& error) {
        if (generation != m_generation)
            return;
        if (error.isError()) {
            m_identityError = error.toString();
            qCWarning(lcUi) << "GetCallerIdentity failed:" << error;
        } else {
            m_identity = identity;
            m_identityError.clear();
        }
        Q_EMIT identityChanged();
    });
}

QString Session::auditActor() const
{
    if (!m_identity.arn.isEmpty())
        return m_identity.arn;
    return tr("unknown caller (%1)").arg(m_label);
}

QUrl Session::credentialsUriFor(const QString& instanceId) const
{
    return m_uriResolver ? m_uriResolver(instanceId) : QUrl();
}
