#pragma once

#include "SandboxService.h"

// RAM 2015-05-01 (product Ram): GetRole and ListRoles (Marker paging). Admin key only.
class SandboxRam : public SandboxPopService
{
public:
    explicit SandboxRam(SandboxShared& shared);

private:
    SandboxResponse getRole(const SandboxPopCall& call);
    SandboxResponse listRoles(const SandboxPopCall& call);
    QJsonObject roleJson(const SandboxData::Role& role, bool withPolicy) const;
};
