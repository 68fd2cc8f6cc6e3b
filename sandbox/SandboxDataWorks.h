#pragma once

#include "SandboxInstanceJson.h"
#include "SandboxService.h"

// DataWorks 2024-05-18 (product dataworks-public): workspaces, their members and the individual development
// environments (ServerIde instances) with their lifecycle and CredentialConfig. Admin key only.
class SandboxDataWorks : public SandboxPopService
{
public:
    explicit SandboxDataWorks(SandboxShared& shared);

    QString misplacedParameter(const SandboxPopPlacement& placement) const override;
    bool sdkQueryParameter(const QString& action, const QString& name) const override;
    // The SDK model's placement facts (the engine's public statics forward here).
    static bool sdkSendsInQuery(const QString& action, const QString& name);
    static QString misplaced(const SandboxPopPlacement& placement);

    // Whether the admin key's user may list workspace members (SandboxEngine::setMemberListingAllowed).
    void setMemberListingAllowed(bool allowed);
    // Forgets what was derived from the previous state (after loading another one).
    void clearDerived();

private:
    SandboxResponse listProjects(const SandboxPopCall& call);
    SandboxResponse listProjectMembers(const SandboxPopCall& call);
    SandboxResponse listInstances(const SandboxPopCall& call);
    SandboxResponse createInstance(const SandboxPopCall& call);
    SandboxResponse getInstance(const SandboxPopCall& call);
    SandboxResponse updateInstance(const SandboxPopCall& call);
    SandboxResponse startInstance(const SandboxPopCall& call);
    SandboxResponse stopInstance(const SandboxPopCall& call);
    SandboxResponse deleteInstance(const SandboxPopCall& call);

    // The instance an action addresses (InstanceId), settled; nullptr with the refusal when there is none.
    SandboxData::Environment* instance(const SandboxPopCall& call, SandboxResponse* refusal);
    static SandboxResponse refuse(const SandboxPopCall& call, const SandboxData::Environment& env, const QString& what);
    // Starts a lifecycle step: `during` now, `after` once the transition delay has passed.
    SandboxResponse transition(const SandboxPopCall& call, SandboxData::Environment* env, const QString& during,
                               const QString& after);
    // Judges and stores a CredentialConfig parameter (SandboxData::normalizeCredentialConfig), deriving the role the
    // credentials service serves; false with the error answer.
    bool storeCredentialConfig(SandboxData::Environment* env, const QString& text, const SandboxPopContext& ctx,
                               SandboxResponse* refusal) const;

    SandboxInstanceJson m_instances;
    bool m_memberListingAllowed = true;
};
