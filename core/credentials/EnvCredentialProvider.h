#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

// ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and optional ALIBABA_CLOUD_SECURITY_TOKEN.
class EnvCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    explicit EnvCredentialProvider(const CredentialContext& context, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("env"); }
    QString description() const override { return tr("environment variables"); }
    void fetch(Callback done) override;

private:
    CredentialContext m_context;
};
