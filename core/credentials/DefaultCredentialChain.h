#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

#include <QList>

// The default provider chain in the order of the official libraries (shared/reference/credentials.md):
// environment, OIDC (STS AssumeRoleWithOIDC, only when all three variables are set), aliyun CLI
// profile (unless ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true), INI profile, ECS RAM role (unless
// ALIBABA_CLOUD_ECS_METADATA_DISABLED=true), credentials URI (only when ALIBABA_CLOUD_CREDENTIALS_URI is set).
// After a success it keeps using that provider; when that one fails it tries the whole chain again
// (the official Go and Node libraries wrongly stick to a failing provider).
class DefaultCredentialChain : public CredentialProvider
{
    Q_OBJECT
public:
    explicit DefaultCredentialChain(const CredentialContext& context, QObject* parent = nullptr);
    // Tests and callers may build their own list (the chain takes ownership).
    DefaultCredentialChain(QList<CredentialProvider*> providers, QObject* parent = nullptr);

    QString name() const override { return QStringLiteral("chain"); }
    QString description() const override;
    void fetch(Callback done) override;

    const QList<CredentialProvider*>& providers() const { return m_providers; }
    // The provider the chain sticks to, or null.
    CredentialProvider* current() const { return m_current; }

private:
    void tryFrom(int index, QStringList reasons, Callback done);

    QList<CredentialProvider*> m_providers;
    CredentialProvider* m_current = nullptr;
};
