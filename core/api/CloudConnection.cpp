#include "CloudConnection.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/MaxComputeClient.h"
#include "api/RamClient.h"
#include "api/RamRoleArnProvider.h"
#include "credentials/CredentialProvider.h"
#include "credentials/CredentialProviderFactory.h"
#include "util/Logging.h"

QString CloudProfile::id() const
{
    return CredentialProviderFactory::profileId(kind, argument);
}

CloudProfile CloudProfile::fromId(const QString& id, const Endpoints& endpoints)
{
    const CredentialProviderFactory::ProfileChoice choice = CredentialProviderFactory::parseProfileId(id);
    CloudProfile profile;
    profile.kind = choice.kind;
    profile.argument = choice.argument;
    profile.endpoints = endpoints;
    return profile;
}

Result<CloudConnection*, QString> CloudConnection::open(const CloudProfile& profile, CredentialContext context,
                                                        const Clock* clock, QObject* parent, const Options& options)
{
    // RamRoleArn-type profiles assume their role where everything else of this connection goes.
    context.roleArnProviderFactory = RamRoleArnProvider::factory(profile.endpoints, clock);
    auto made = CredentialProviderFactory::create(profile.kind, context, profile.argument, nullptr);
    if (!made)
        return Failure(made.error());
    return new CloudConnection(profile, made.value(), clock, parent, options);
}

CloudConnection::CloudConnection(const CloudProfile& profile, CredentialProvider* provider, const Clock* clock,
                                 QObject* parent, const Options& options)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_options(options)
{
    m_source = new CredentialSource(provider, clock, options.source, this);
    QPointer<CredentialSource> source = m_source;
    // Each request signs with the credential that is usable at that moment, never an expired one.
    m_api = new ApiClient(
        m_profile.endpoints, [source] { return source ? source->usableCredential() : Credential(); }, clock, this);
    m_dataWorks = new DataWorksClient(m_api, this);
    m_sts = new StsClient(m_api, this);
    m_ram = new RamClient(m_api, this);
    m_maxCompute = new MaxComputeClient(m_api, this);
    connect(m_source, &CredentialSource::fetchFinished, this, [this](bool ok) {
        if (!m_options.identifyOnConnect || !m_identity.arn.isEmpty())
            return;
        // The first credential (or the first one after a failure) is the moment to ask who we are.
        if (ok) {
            identify();
        } else {
            m_identityError = m_source->lastError().toString();
            Q_EMIT identityChanged();
        }
    });
}

CloudConnection::~CloudConnection() = default;

void CloudConnection::start()
{
    qCInfo(lcApi) << "connecting with" << m_profile.label << "region" << m_profile.endpoints.region();
    m_source->start();
}

void CloudConnection::identify(std::function<void(const Result<CallerIdentity, ApiError>&)> done)
{
    QPointer<CloudConnection> self(this);
    m_sts->getCallerIdentity([self, done](const CallerIdentity& identity, const ApiError& error) {
        if (!self)
            return;
        if (error.isError()) {
            self->m_identityError = error.toString();
            qCWarning(lcApi) << "GetCallerIdentity failed:" << error;
        } else {
            self->m_identity = identity;
            self->m_identityError.clear();
        }
        Q_EMIT self->identityChanged();
        if (done)
            done(error.isError() ? Result<CallerIdentity, ApiError>(Failure(error))
                                 : Result<CallerIdentity, ApiError>(identity));
    });
}
