#pragma once

#include "SandboxData.h"
#include "SandboxTypes.h"

#include <QHash>
#include <QString>

class Clock;

// What every simulated service shares: the data store (SandboxData::State), the settings, and the STS credentials
// the sandbox issued (every service that accepts a signature or hands out a credential reads or adds them). One per
// SandboxEngine, guarded by its mutex: everything here runs with that mutex held.
struct SandboxShared
{
    explicit SandboxShared(const Clock* clock);

    const Clock* clock;
    SandboxData::State state;
    QString baseUrl; // "http://127.0.0.1:PORT", for the credentials URIs
    int credentialLifetime = 3600;
    int transitionDelayMs = 3000;
    bool strictPlacement = false;
    SandboxFaults faults;
    quint64 changes = 0;
    QHash<QString, SandboxIssuedCredential> issued; // by AccessKeyId
    QHash<QString, QString> environmentCredential;  // instanceId -> AccessKeyId its credentials service serves now

    qint64 nowMs() const;
    void touch(); // a change worth saving
    // Settles a lifecycle step (Starting -> Running ...) whose time has come.
    static void settle(SandboxData::Environment* env, qint64 now);
    // A new STS credential for a role (kept in `issued`, so signatures made with it verify).
    SandboxIssuedCredential issue(const QString& roleName, const QString& sessionName, int durationSeconds,
                                  bool defaultRole, const QString& ownerId);
};
