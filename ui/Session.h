#pragma once

#include "api/Endpoints.h"
#include "api/StsClient.h"
#include "credentials/CredentialSource.h"

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

// One admin connection: the credential source it signs with, the API clients on top of it, who the
// caller is (GetCallerIdentity), and the local records that go with it (visibility, audit log).
// Everything is asynchronous; the GUI reacts to the signals.
class Session : public QObject
{
    Q_OBJECT
public:
    Session(const Clock* clock, VisibilityStore* visibility, AuditLog* audit, QObject* parent = nullptr);
    ~Session() override;

    // Replaces the current connection. Takes ownership of provider. label: how the status bar names it.
    void connectWith(CredentialProvider* provider, const Endpoints& endpoints, const QString& label,
                     bool sandbox = false);
    void disconnectNow();
    // The sandbox this run started with, remembered so the admin can go back to it after trying another
    // profile (the "Sandbox admin key" profile). Connects to it now.
    void connectSandbox(const Credential& admin, const Endpoints& endpoints, const QString& label);
    // Reconnects to the remembered sandbox; false when this run has none.
    bool reconnectSandbox();
    bool hasSandbox() const { return m_hasSandbox; }
    const Endpoints& sandboxEndpoints() const { return m_sandboxEndpoints; }
    bool isConnected() const { return m_api != nullptr; }
    bool isSandbox() const { return m_sandbox; }
    const QString& label() const { return m_label; }
    const Endpoints& endpoints() const { return m_endpoints; }

    const Clock* clock() const { return m_clock; }
    CredentialSource* credentials() const { return m_source; }
    ApiClient* api() const { return m_api; }
    DataWorksClient* dataWorks() const { return m_dataWorks; }
    // Owner names of this connection, one member listing per workspace (cached for the connection).
    OwnerDirectory* owners() const { return m_owners; }
    StsClient* sts() const { return m_sts; }
    RamClient* ram() const { return m_ram; }
    MaxComputeClient* maxCompute() const { return m_maxCompute; }
    VisibilityStore* visibility() const { return m_visibility; }
    AuditLog* audit() const { return m_audit; }

    // Empty until GetCallerIdentity answered.
    const CallerIdentity& identity() const { return m_identity; }
    // The caller's ARN for the audit log, or a description of the connection while it is unknown.
    QString auditActor() const;
    const QString& identityError() const { return m_identityError; }
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
    Endpoints m_endpoints;
    QString m_label;
    bool m_sandbox = false;
    bool m_hasSandbox = false;
    Credential m_sandboxAdmin; // the sandbox's own key: a loopback fake account, never a real one
    Endpoints m_sandboxEndpoints;
    QString m_sandboxLabel;
    QPointer<CredentialSource> m_source;
    ApiClient* m_api = nullptr;
    DataWorksClient* m_dataWorks = nullptr;
    OwnerDirectory* m_owners = nullptr;
    StsClient* m_sts = nullptr;
    RamClient* m_ram = nullptr;
    MaxComputeClient* m_maxCompute = nullptr;
    CallerIdentity m_identity;
    QString m_identityError;
    quint64 m_generation = 0;
    CredentialsUriResolver m_uriResolver;
};
