#pragma once

#include "SandboxEngine.h"
#include "SandboxHttpLimits.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class Clock;
class QTimer;
class SandboxHttpServer;

// The simulated cloud on loopback: DataWorks 2024-05-18, STS 2015-04-01 and RAM 2015-05-01 at "/",
// MaxCompute at "/api", and each environment's credentials service at
// "/envs/<instanceId>/credentials/<token>" (the token is unguessable; credentialsUri() gives the URI).
// Every signature is verified like the real services do (see SandboxEngine).
//
// Threading: the Sandbox may live on any thread, e.g. a worker thread the GUI moved it to, so that
// large listings never block painting. start()/stop() may be called from any thread (they hop to the
// Sandbox's thread and wait); all other public members are thread-safe. Destroy it on its own thread
// (deleteLater) after stop().
class Sandbox : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString seedFile;            // empty: the shipped seed (:/sandbox/seed/workspace.json)
        qsizetype environments = -1; // >= 0: exactly this many environments (seed's first, then generated)
        int credentialLifetimeSeconds = 3600;
        int transitionDelayMs = 3000; // Starting -> Running, Stopping -> Stopped, ...
        QString stateFile;            // loaded when it exists (instead of the seed), saved on change and on stop
        // Reject a DataWorks parameter sent where the official SDK does not put it (SandboxEngine::
        // setStrictPlacement). On for the sandboxes RoleDesk starts for itself (GUI, CLI --sandbox, tests), so they
        // prove RoleDesk matches the SDK; `sandbox serve` turns it on only with --strict-placement.
        bool strictPlacement = true;
    };

    explicit Sandbox(const Clock* clock = nullptr, QObject* parent = nullptr);
    ~Sandbox() override;

    // Loads the seed or state. Call before start(); start() loads the shipped seed if this was not called.
    bool load(const Options& options, QString* error);

    // Listens on 127.0.0.1 (port 0 = any free port) and returns the base URL "http://127.0.0.1:PORT";
    // an empty URL on failure (errorString() says why).
    Q_INVOKABLE QUrl start(quint16 port = 0);
    // Stops listening and saves the state file (if any). Idempotent.
    Q_INVOKABLE void stop();
    QString errorString() const;

    // Thread-safe accessors.
    QUrl endpoint() const;
    QString accessKeyId() const;
    QString accessKeySecret() const; // the sandbox's own fake admin secret
    QString accountId() const;
    QString region() const;
    // The URI an environment's code would find in ALIBABA_CLOUD_CREDENTIALS_URI; empty for an unknown id.
    QUrl credentialsUri(const QString& instanceId) const;
    // Writes the file form of the environment's current credential ({"AccessKeyId","AccessKeySecret",
    // "SecurityToken","Expiration"}, as /mnt/.alibabacloud/credentials), mode 0600, atomically.
    bool writeCredentialsFile(const QString& instanceId, const QString& path, QString* error);
    // The seed's public/private records in the format RoleDesk's visibility import reads.
    bool writeVisibilityFile(const QString& path, QString* error) const;
    bool setEnvironmentPublic(const QString& instanceId, bool isPublic);

    // Limits on what one client may make the HTTP server hold; effective at the next start().
    void setHttpLimits(const SandboxHttpLimits& limits);

    // Fault knobs, effective for the next request.
    void setFaults(const SandboxFaults& faults);
    SandboxFaults faults() const;
    void setCredentialLifetimeSeconds(int seconds);
    void setTransitionDelayMs(int ms);

    // Saves the state file now (no-op without one).
    bool saveState(QString* error);
    qint64 requestCount() const;
    // Direct access to the simulated services (thread-safe) for tests and the CLI.
    SandboxEngine* engine() { return &m_engine; }
    const SandboxEngine* engine() const { return &m_engine; }

private:
    void onRequestAnswered();
    void saveIfChanged();

    SandboxEngine m_engine;
    std::unique_ptr<SandboxHttpServer> m_server;
    SandboxHttpLimits m_httpLimits;
    QTimer* m_saveTimer = nullptr;
    bool m_loaded = false;
    QString m_stateFile;
    quint64 m_savedChanges = 0;
    mutable QMutex m_mutex; // guards m_endpoint and m_error
    QUrl m_endpoint;
    QString m_error;
};
