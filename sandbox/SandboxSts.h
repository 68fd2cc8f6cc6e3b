#pragma once

#include "SandboxOidc.h"
#include "SandboxService.h"

// STS 2015-04-01 (product Sts): GetCallerIdentity (any verified caller), AssumeRole (the admin key) and the anonymous
// AssumeRoleWithOIDC, whose token comes from the sandbox's OIDC provider (oidc()).
class SandboxSts : public SandboxPopService
{
public:
    explicit SandboxSts(SandboxShared& shared);

    SandboxOidcProvider& oidc() { return m_oidc; }

private:
    SandboxResponse getCallerIdentity(const SandboxPopCall& call);
    SandboxResponse assumeRole(const SandboxPopCall& call);
    SandboxResponse assumeRoleWithOidc(const SandboxPopCall& call);

    SandboxOidcProvider m_oidc;
};
