#include "EnvCredentialProvider.h"

EnvCredentialProvider::EnvCredentialProvider(const CredentialContext& context, QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
{}

void EnvCredentialProvider::fetch(Callback done)
{
    const QString id = m_context.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    const QString secret = m_context.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
    const QString token = m_context.value(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"));
    if (id.isEmpty()) {
        finish(done, failure(tr("ALIBABA_CLOUD_ACCESS_KEY_ID is not set. Set it and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                                "to use an AccessKey from the environment.")));
        return;
    }
    if (secret.isEmpty()) {
        finish(done, failure(tr("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set although ALIBABA_CLOUD_ACCESS_KEY_ID is. "
                                "Set both.")));
        return;
    }
    finish(done, CredentialResult::success(Credential(id, secret, token, {}, description())));
}
