#pragma once

#include "api/ApiError.h"
#include "api/Endpoints.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialSource.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>

class ApiClient;
class Clock;
class CredentialProvider;
class DataWorksClient;
class MaxComputeClient;
class RamClient;

// One description of a way to connect: which credential source (a kind and argument as CredentialProviderFactory
// names them), where the services live (region, one override URL, per-service overrides), and whether it is the
// sandbox. A plain value without secrets: front ends build it from their options or settings and remember its id().
struct CloudProfile
{
    // One of CredentialProviderFactory::kinds(), or a front end's own name for a provider it builds itself
    // (a key pair from the keychain, the sandbox's admin key: they need a secret no description may hold).
    QString kind = QStringLiteral("chain");
    QString argument;
    Endpoints endpoints;
    // The sandbox's loopback account (the GUI's marker, records kept apart), never a real one.
    bool sandbox = false;
    // How the front end names the connection (status bar, audit actor while the caller is unknown).
    QString label;

    // "chain", "profile:work", ...: CredentialProviderFactory::profileId().
    QString id() const;
    // The kind and argument of an id (earlier spellings too: CredentialProviderFactory::parseProfileId()).
    static CloudProfile fromId(const QString& id, const Endpoints& endpoints = Endpoints());
};

// How a CloudConnection behaves (outside the class so that it can be a default argument).
struct CloudConnectionOptions
{
    CredentialSource::Options source;
    // Ask GetCallerIdentity as soon as the first credential arrived (and, after a failure, the next one).
    // The inspector asks only on Validate.
    bool identifyOnConnect = true;
};

// One connection to the cloud (or the sandbox), the same for the GUI session, the CLI session and the credential
// inspector: the credential source (a CredentialSource over the profile's provider, refreshed ahead of expiry),
// the endpoints, one ApiClient that signs every request with the credential usable at that moment, the service
// clients on it (DataWorks, STS, RAM, MaxCompute), and who the caller is (STS GetCallerIdentity).
// Nothing blocks: the first credential and the identity arrive by signal. Call start() once the signals of
// credentials() are connected.
class CloudConnection : public QObject
{
    Q_OBJECT
public:
    using Options = CloudConnectionOptions;

    // Builds the provider the profile names with CredentialProviderFactory, in context; RamRoleArn profiles assume
    // their role through the profile's endpoints. Fails with the factory's sentence (unknown kind, unusable
    // argument).
    static Result<CloudConnection*, QString> open(const CloudProfile& profile, CredentialContext context,
                                                  const Clock* clock, QObject* parent = nullptr,
                                                  const Options& options = Options());
    // Over a provider the front end built (takes ownership): a key pair from the keychain, the sandbox's admin key,
    // a test's provider.
    CloudConnection(const CloudProfile& profile, CredentialProvider* provider, const Clock* clock,
                    QObject* parent = nullptr, const Options& options = Options());
    ~CloudConnection() override;

    // Starts the credential source (its first fetch).
    void start();

    const CloudProfile& profile() const { return m_profile; }
    const Endpoints& endpoints() const { return m_profile.endpoints; }
    const QString& label() const { return m_profile.label; }
    bool isSandbox() const { return m_profile.sandbox; }
    const Clock* clock() const { return m_clock; }

    CredentialSource* credentials() const { return m_source; }
    ApiClient* api() const { return m_api; }
    DataWorksClient* dataWorks() const { return m_dataWorks; }
    StsClient* sts() const { return m_sts; }
    RamClient* ram() const { return m_ram; }
    MaxComputeClient* maxCompute() const { return m_maxCompute; }

    // Empty until GetCallerIdentity answered.
    const CallerIdentity& identity() const { return m_identity; }
    // Why the identity is unknown: the credential's or GetCallerIdentity's error; empty otherwise.
    const QString& identityError() const { return m_identityError; }
    // Asks STS who the credential is; identity()/identityError() and identityChanged() follow the answer, then done
    // (if any) gets it. Never calls done after this connection is gone.
    void identify(std::function<void(const Result<CallerIdentity, ApiError>&)> done = {});

Q_SIGNALS:
    void identityChanged();

private:
    CloudProfile m_profile;
    const Clock* m_clock;
    Options m_options;
    CredentialSource* m_source = nullptr;
    ApiClient* m_api = nullptr;
    DataWorksClient* m_dataWorks = nullptr;
    StsClient* m_sts = nullptr;
    RamClient* m_ram = nullptr;
    MaxComputeClient* m_maxCompute = nullptr;
    CallerIdentity m_identity;
    QString m_identityError;
};
