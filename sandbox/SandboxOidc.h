#pragma once

#include "SandboxShared.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The one OIDC identity provider of the sandbox account, registered in RAM as providerArn(): it issues tokens (JWT,
// HS256 with a key of its own, random per engine) and checks them for STS AssumeRoleWithOIDC (SandboxSts). Runs with
// SandboxEngine's mutex held.
class SandboxOidcProvider
{
public:
    explicit SandboxOidcProvider(SandboxShared& shared);

    QString providerArn() const;
    static QString issuer();
    QString issueToken(const QString& subject, int lifetimeSeconds);
    // Adds a statement trusting the provider to a role's trust policy, as an administrator would.
    bool trust(const QString& roleName);
    // Whether a role's trust policy trusts the provider (Principal.Federated).
    bool isTrustedBy(const QJsonObject& trustPolicy) const;

    enum class Check
    {
        Valid,
        Invalid, // not signed by this provider, not from its issuer or not for STS
        Expired,
    };
    Check check(const QByteArray& token, QJsonObject* claims) const;

private:
    SandboxShared& m_shared;
    QByteArray m_key; // empty until the first token
};
