#pragma once

// Shared by the GUI tests: an in-process sandbox on loopback, a MockClock shared by everything, and a
// Session connected to the sandbox with its admin key, with visibility and audit records in a
// temporary folder.
#include "MockClock.h"
#include "Sandbox.h"
#include "SandboxConnection.h"
#include "Session.h"

#include "credentials/CredentialProvider.h"
#include "model/AuditLog.h"
#include "model/VisibilityStore.h"

#include <QAbstractButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct UiSandbox
{
    // Whole seconds, like the Expiration the services send, so countdowns are exact.
    MockClock clock{QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC)};
    QTemporaryDir dir;
    std::unique_ptr<Sandbox> sandbox;
    std::unique_ptr<VisibilityStore> visibility;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<Session> session;
    QUrl endpoint;

    // environments >= 0: exactly this many (the seed's first, then generated), as `--environments`.
    bool start(int credentialLifetimeSeconds = 3600, qsizetype environments = -1)
    {
        sandbox = std::make_unique<Sandbox>(&clock);
        Sandbox::Options options;
        options.credentialLifetimeSeconds = credentialLifetimeSeconds;
        options.environments = environments;
        options.transitionDelayMs = 50;
        QString error;
        if (!sandbox->load(options, &error)) {
            qWarning() << "sandbox load failed" << error;
            return false;
        }
        endpoint = sandbox->start();
        if (endpoint.isEmpty())
            return false;
        visibility = std::make_unique<VisibilityStore>(dir.filePath(QStringLiteral("visibility.json")), &clock);
        if (const auto imported =
                SandboxConnection::importVisibility(*sandbox, visibility.get(), QStringLiteral("test"));
            !imported) {
            qWarning() << "sandbox visibility import failed" << imported.error();
            return false;
        }
        audit = std::make_unique<AuditLog>(dir.filePath(QStringLiteral("audit.sqlite")), &clock);
        if (!audit->open(&error))
            return false;
        session = std::make_unique<Session>(&clock, visibility.get(), audit.get());
        Sandbox* sb = sandbox.get();
        session->setCredentialsUriResolver([sb](const QString& id) { return sb->credentialsUri(id); });
        session->connectSandbox(SandboxConnection::profile(*sandbox, QStringLiteral("Sandbox admin key")),
                                adminCredential());
        return true;
    }

    Endpoints endpoints() const { return SandboxConnection::profile(*sandbox, {}).endpoints; }

    Credential adminCredential() const
    {
        return SandboxConnection::adminCredential(*sandbox, QStringLiteral("sandbox admin key"));
    }

    // Everything that must never reach a log line.
    QStringList secrets() const
    {
        QStringList s{sandbox->accessKeySecret()};
        return s;
    }

    SandboxData::Environment environment(const QString& id) const
    {
        SandboxData::Environment env;
        sandbox->engine()->environment(id, &env);
        return env;
    }
};

template<typename T = QWidget>
T* child(QObject* parent, const QString& name)
{
    T* w = parent->findChild<T*>(name);
    if (!w)
        qWarning() << "no child named" << name;
    return w;
}
