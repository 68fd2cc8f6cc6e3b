#pragma once

#include "api/CloudConnection.h"
#include "api/Endpoints.h"
#include "api/StsClient.h"
#include "credentials/CredentialSource.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class ApiClient;
class AuditLog;
class Clock;
class CredentialProvider;
class CredentialSource;
class DataWorksClient;
class MaxComputeClient;
class OwnerDirectory;
class RamClient;
class VisibilityStore;

// The GUI's admin connection: one core CloudConnection at a time (the credential source it signs with, the API
// clients on top of it, who the caller is), the owner names of that connection, and the local records that go with
// it (visibility, audit log). Everything is asynchronous; the GUI reacts to the signals.
class Session : public QObject
{
    Q_OBJECT
public:
    Session(const Clock* clock, VisibilityStore* visibility, AuditLog* audit, QObject* parent = nullptr);
    ~Session() override;

    // Replaces the current connection (takes ownership) and starts it.
    void connectWith(CloudConnection* connection);
    // The connection the profile describes (CloudConnection::open in the system's credential context); fails with
    // the reason, leaving the current connection as it was.
    Result<CloudConnection*, QString> connectTo(const CloudProfile& profile);
    // Over a provider the GUI built itself (a key pair from the keychain; tests). Takes ownership of provider.
    // label: how the status bar names it.
    void connectWith(CredentialProvider* provider, const Endpoints& endpoints, const QString& label,
                     bool sandbox = false);
    void disconnectNow();
    // The sandbox this run started with (its profile and admin key, from sandbox/SandboxConnection), remembered so
    // the admin can go back to it after trying another profile (the "Sandbox admin key" profile). Connects now.
    void connectSandbox(const CloudProfile& profile, const Credential& admin);
    // Reconnects to the remembered sandbox; false when this run has none.
    bool reconnectSandbox();
    bool hasSandbox() const { return m_hasSandbox; }
    const Endpoints& sandboxEndpoints() const { return m_sandboxProfile.endpoints; }
    bool isConnected() const { return m_connection != nullptr; }
    bool isSandbox() const { return m_connection && m_connection->isSandbox(); }
    const QString& label() const { return m_connection ? m_connection->label() : m_noLabel; }
    const Endpoints& endpoints() const { return m_connection ? m_connection->endpoints() : m_noEndpoints; }

    const Clock* clock() const { return m_clock; }
    CloudConnection* connection() const { return m_connection; }
    CredentialSource* credentials() const { return m_connection ? m_connection->credentials() : nullptr; }
    ApiClient* api() const { return m_connection ? m_connection->api() : nullptr; }
    DataWorksClient* dataWorks() const { return m_connection ? m_connection->dataWorks() : nullptr; }
    // Owner names of this connection, one member listing per workspace (cached for the connection).
    OwnerDirectory* owners() const { return m_owners; }
    StsClient* sts() const { return m_connection ? m_connection->sts() : nullptr; }
    RamClient* ram() const { return m_connection ? m_connection->ram() : nullptr; }
    MaxComputeClient* maxCompute() const { return m_connection ? m_connection->maxCompute() : nullptr; }
    VisibilityStore* visibility() const { return m_visibility; }
    AuditLog* audit() const { return m_audit; }

    // Empty until GetCallerIdentity answered.
    const CallerIdentity& identity() const { return m_connection ? m_connection->identity() : m_noIdentity; }
    // The caller's ARN for the audit log, or a description of the connection while it is unknown.
    QString auditActor() const;
    const QString& identityError() const { return m_connection ? m_connection->identityError() : m_noLabel; }
    void refreshIdentity();

    // Where an environment hands out its credentials. On the sandbox: its simulated credentials service;
    // in the cloud there is no such address reachable from outside the environment (empty).
    using CredentialsUriResolver = std::function<QUrl(const QString& instanceId)>;
    void setCredentialsUriResolver(CredentialsUriResolver resolver) { m_uriResolver = std::move(resolver); }
    QUrl credentialsUriFor(const QString& instanceId) const;

Q_SIGNALS:
    void connectionChanged();
    void identityChanged();

private:
    const Clock* m_clock;
    VisibilityStore* m_visibility;
    AuditLog* m_audit;
    bool m_hasSandbox = false;
    Credential m_sandboxAdmin; // the sandbox's own key: a loopback fake account, never a real one
    CloudProfile m_sandboxProfile;
    CloudConnection* m_connection = nullptr;
    OwnerDirectory* m_owners = nullptr;
    // What the accessors answer while there is no connection.
    const QString m_noLabel;
    const Endpoints m_noEndpoints;
    const CallerIdentity m_noIdentity;
    CredentialsUriResolver m_uriResolver;
};
