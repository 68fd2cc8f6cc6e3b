#include "DefaultCredentialChain.h"

#include "credentials/EcsRamRoleProvider.h"
#include "credentials/EnvCredentialProvider.h"
#include "credentials/OidcRoleArnProvider.h"
#include "credentials/ProfileCredentialProvider.h"
#include "credentials/UriCredentialProvider.h"
#include "util/Logging.h"

DefaultCredentialChain::DefaultCredentialChain(const CredentialContext& context, QObject* parent)
    : CredentialProvider(parent)
{
    m_providers << new EnvCredentialProvider(context, this);
    const QStringList oidc = {QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"),
                              QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
                              QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE")};
    if (std::all_of(oidc.cbegin(), oidc.cend(), [&](const QString& v) { return !context.value(v).isEmpty(); })) {
        m_providers << new OidcRoleArnProvider(context, OidcRoleArnProvider::fromEnvironment(context), this);
    }
    if (!context.isTrue(QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")))
        m_providers << new CliProfileProvider(context, {}, this);
    m_providers << new IniProfileProvider(context, {}, this);
    if (!context.isTrue(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED")))
        m_providers << new EcsRamRoleProvider(context, {}, this);
    if (!context.value(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI")).isEmpty())
        m_providers << new UriCredentialProvider(context, {}, this);
}

DefaultCredentialChain::DefaultCredentialChain(QList<CredentialProvider*> providers, QObject* parent)
    : CredentialProvider(parent)
    , m_providers(std::move(providers))
{
    for (CredentialProvider* p : std::as_const(m_providers))
        p->setParent(this);
}

QString DefaultCredentialChain::description() const
{
    if (m_current)
        return m_current->description();
    return tr("default credential chain");
}

void DefaultCredentialChain::fetch(Callback done)
{
    if (!m_current) {
        tryFrom(0, {}, done);
        return;
    }
    m_current->fetch([this, done](const CredentialResult& result) {
        if (result.ok()) {
            done(result);
            return;
        }
        qCInfo(lcCredentials).noquote() << "provider" << m_current->name()
                                        << "failed after earlier successes; trying the whole chain again";
        m_current = nullptr;
        tryFrom(0, {}, done);
    });
}

void DefaultCredentialChain::tryFrom(int index, QStringList reasons, Callback done)
{
    if (index >= m_providers.size()) {
        CredentialError e;
        e.source = tr("default credential chain");
        e.message = tr("No provider in the chain gave credentials: %1").arg(reasons.join(QStringLiteral("; ")));
        if (reasons.isEmpty())
            e.message = tr("The credential chain has no providers.");
        done(CredentialResult::failure(e));
        return;
    }
    CredentialProvider* provider = m_providers.at(index);
    provider->fetch([this, index, reasons, done, provider](const CredentialResult& result) mutable {
        if (result.ok()) {
            m_current = provider;
            done(result);
            return;
        }
        reasons << QStringLiteral("[%1] %2").arg(provider->name(), result.error.toString());
        tryFrom(index + 1, reasons, done);
    });
}
