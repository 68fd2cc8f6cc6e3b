#pragma once

#include <QCoreApplication>

#include "CliCommand.h"
#include "CredsOptions.h"

#include "api/ApiError.h"
#include "api/CloudConnection.h"
#include "api/Endpoints.h"
#include "credentials/Credential.h"

#include <QCommandLineOption>
#include <QEventLoop>
#include <QObject>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class ApiClient;
class AuditLog;
class CredentialProvider;
class DataWorksClient;
class MaxComputeClient;
class RamClient;
class Sandbox;
class StsClient;
class VisibilityStore;

// The global options of every command that talks to the cloud (docs/CLI.md):
//   --endpoint URL  --region ID  --json  --sandbox  and the credential source options of CredsOptions
//   (--source, --uri, --file, --profile NAME).
class GlobalOptions
{
    Q_DECLARE_TR_FUNCTIONS(GlobalOptions)

public:
    // withSandbox: offer --sandbox; withEndpoint: offer --endpoint/--region.
    void addTo(QCommandLineParser& parser, bool withEndpoint = true, bool withSandbox = true);
    bool json(const QCommandLineParser& parser) const { return parser.isSet(m_json); }
    bool sandbox(const QCommandLineParser& parser) const { return m_hasSandbox && parser.isSet(m_sandbox); }

    CredsOptions creds;
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("json")};
    QCommandLineOption m_sandbox{QStringLiteral("sandbox"), QStringLiteral("sandbox")};
    QCommandLineOption m_endpoint{QStringLiteral("endpoint"), QStringLiteral("endpoint"), QStringLiteral("URL")};
    QCommandLineOption m_region{QStringLiteral("region"), QStringLiteral("region"), QStringLiteral("ID")};
    bool m_hasSandbox = false;
    bool m_hasEndpoint = false;
};

// What one command run needs to talk to the cloud: the profile the options describe (core's CloudProfile: source,
// endpoints), an in-process sandbox for --sandbox (sandbox/SandboxConnection), and core's CloudConnection on them:
// the admin credential (its first fetch awaited; the sandbox's key with --sandbox) and the service clients signed
// with it. Also the local stores (visibility, audit log). The CLI's top level may wait with a local QEventLoop
// (wait()); library code never does.
class CliSession : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(CliSession)

public:
    CliSession(const CliInvocation& invocation, const QCommandLineParser& parser, const GlobalOptions& options);
    ~CliSession() override;

    // Starts the sandbox (--sandbox) and builds the endpoints. Returns an exit code on failure (message printed).
    std::optional<int> open();
    // Opens the connection on the chosen source (or the sandbox's key) and waits for its first credential. Exit 2
    // for a usage error, 3 with the reason when no usable credential came.
    std::optional<int> fetchCredential();
    // open() then fetchCredential(): what a command that needs nothing local between the two begins with.
    std::optional<int> openWithCredential();
    // The provider the source options select (or the sandbox's key), owned by parent; null with the usage error
    // printed and *exitCode set.
    CredentialProvider* createProvider(QObject* parent, int* exitCode);

    // The first credential of the connection (what the command was started with).
    const Credential& credential() const { return m_credential; }
    // Adjustable between open() and fetchCredential() (a command's own --maxcompute-endpoint).
    const Endpoints& endpoints() const { return m_profile.endpoints; }
    Endpoints& endpoints() { return m_profile.endpoints; }
    bool json() const { return m_json; }
    Sandbox* sandbox() const { return m_sandbox.get(); }
    const CliInvocation& invocation() const { return m_inv; }
    const Clock& clock() const { return m_inv.context.credentials.clockRef(); }

    // The connection and its clients; null before fetchCredential() succeeded.
    CloudConnection* connection() const { return m_connection; }
    ApiClient* api() const;
    DataWorksClient* dataWorks() const;
    StsClient* sts() const;
    RamClient* ram() const;
    MaxComputeClient* maxCompute() const;

    // The local stores; with --sandbox they live in a temporary folder seeded from the sandbox's visibility file.
    QString visibilityFilePath() const;
    QString auditDatabasePath() const;
    // Loads the visibility store; exit 1 with the reason on failure.
    std::optional<int> loadVisibility(VisibilityStore* store);

    // Runs a local event loop until done() is called by the asynchronous work start() begins.
    void wait(const std::function<void(std::function<void()> done)>& start);
    // Waits for one client call that answers (value, error): start(reply) begins it, passing reply as the call's
    // callback. Stores the answer in *value and returns the error.
    template<typename T, typename Start>
    ApiError waitFor(T* value, Start&& start);

    // Asks STS who the credential is, through the connection (CloudConnection::identify(), which also keeps the answer
    // as the connection's identity); stores it in *identity and returns the error.
    ApiError callerIdentity(CallerIdentity* identity);

    // Prints the error to stderr in plain words and returns the exit code for it: 3 when the service rejected the
    // credential (unknown key, bad signature, expired token), 1 otherwise.
    int reportApiError(const ApiError& error, const QString& what);
    static bool isCredentialError(const ApiError& error);

private:
    const CliInvocation& m_inv;
    const QCommandLineParser& m_parser;
    const GlobalOptions& m_options;
    bool m_json = false;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_sandboxDir;
    CloudProfile m_profile; // endpoints from open(); the source's kind and argument from the options
    Credential m_credential;
    CloudConnection* m_connection = nullptr;
};

template<typename T, typename Start>
ApiError CliSession::waitFor(T* value, Start&& start)
{
    ApiError result;
    wait([&](std::function<void()> done) {
        start(std::function<void(const T&, const ApiError&)>([&result, value, done](const T& v, const ApiError& error) {
            *value = v;
            result = error;
            done();
        }));
    });
    return result;
}
