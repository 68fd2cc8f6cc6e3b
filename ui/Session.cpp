#include "Session.h"

#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"
#include "credentials/CredentialProvider.h"

Session::Session(const Clock* clock, VisibilityStore* visibility, AuditLog* audit, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_visibility(visibility)
    , m_audit(audit)
{}

Session::~Session() = default;

void Session::disconnectNow()
{
    delete m_owners;
    delete m_connection;
    m_owners = nullptr;
    m_connection = nullptr;
}

void Session::connectSandbox(const CloudProfile& profile, const Credential& admin)
{
    m_hasSandbox = true;
    m_sandboxAdmin = admin;
    m_sandboxProfile = profile;
    reconnectSandbox();
}

bool Session::reconnectSandbox()
{
    if (!m_hasSandbox)
        return false;
    connectWith(new CloudConnection(m_sandboxProfile,
                                    new StaticCredentialProvider(m_sandboxAdmin, QStringLiteral("static")), m_clock));
    return true;
}

Result<CloudConnection*, QString> Session::connectTo(const CloudProfile& profile)
{
    auto opened = CloudConnection::open(profile, CredentialContext::system(), m_clock);
    if (opened)
        connectWith(opened.value());
    return opened;
}

void Session::connectWith(CredentialProvider* provider, const Endpoints& endpoints, const QString& label, bool sandbox)
{
    CloudProfile profile;
    profile.kind = provider->name();
    profile.endpoints = endpoints;
    profile.label = label;
    profile.sandbox = sandbox;
    connectWith(new CloudConnection(profile, provider, m_clock));
}

void Session::connectWith(CloudConnection* connection)
{
    disconnectNow();
    m_connection = connection;
    m_connection->setParent(this);
    m_owners = new OwnerDirectory(m_connection->dataWorks(), this);
    connect(m_connection, &CloudConnection::identityChanged, this, &Session::identityChanged);
    m_connection->start();
    Q_EMIT connectionChanged();
}

void Session::refreshIdentity()
{
    if (m_connection)
        m_connection->identify();
}

QString Session::auditActor() const
{
    if (!identity().arn.isEmpty())
        return identity().arn;
    return tr("unknown caller (%1)").arg(label());
}

QUrl Session::credentialsUriFor(const QString& instanceId) const
{
    return m_uriResolver ? m_uriResolver(instanceId) : QUrl();
}
