#pragma once

#include "api/Endpoints.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

#include <QList>

class ApiClient;
class Clock;
class StsClient;

// Credentials from STS AssumeRole with a source credential: the aliyun CLI RamRoleArn / ChainableRamRoleArn
// profile modes and the INI ram_role_arn type (through CredentialContext::roleArnProviderFactory).
// Each fetch takes a fresh source credential and assumes the role, except that a session with more than half
// of its lifetime left is handed out again (CredentialSource refreshes well before that point), and
// concurrent fetches share one AssumeRole call.
class RamRoleArnProvider : public CredentialProvider
{
    Q_OBJECT
public:
    // Takes ownership of spec.sourceProvider.
    RamRoleArnProvider(const RoleArnSpec& spec, const Endpoints& endpoints, const Clock* clock = nullptr,
                       QObject* parent = nullptr);
    ~RamRoleArnProvider() override;

    QString name() const override { return QStringLiteral("ram_role_arn"); }
    QString description() const override;
    void fetch(Callback done) override;

    ApiClient* apiClient() const { return m_api; }
    const RoleArnSpec& spec() const { return m_spec; }

    // What CredentialContext::roleArnProviderFactory expects; STS is reached through `endpoints` (the sandbox
    // or a gateway when the front end has an --endpoint).
    static std::function<CredentialProvider*(const RoleArnSpec&, QObject*)> factory(const Endpoints& endpoints,
                                                                                    const Clock* clock = nullptr);

private:
    void deliver(const CredentialResult& result);

    RoleArnSpec m_spec;
    CredentialProvider* m_source = nullptr;
    const Clock* m_clock;
    ApiClient* m_api = nullptr;
    StsClient* m_sts = nullptr;
    Credential m_base; // the source credential AssumeRole is signed with
    Credential m_cached;
    QDateTime m_cachedAt;
    QList<Callback> m_waiting;
};
