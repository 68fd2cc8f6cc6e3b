#pragma once

#include "SandboxService.h"

#include <QHash>
#include <QList>
#include <QPair>

class SandboxAuth;

// The POP API gateway at "/": reads the action and version (x-acs-action/x-acs-version for signature V3, the Action
// and Version parameters for RPC V1), finds the registered POP service action, checks the signature (SandboxAuth),
// logs and (when strict) checks where each parameter travelled, checks the action's access, and calls its handler.
// An action no service registered is InvalidAction.NotFound (404).
class SandboxPopGateway : public SandboxPathService
{
public:
    SandboxPopGateway(SandboxShared& shared, SandboxAuth& auth);

    void addService(SandboxPopService* service);
    SandboxResponse handle(const SandboxRequest& request) override;
    SandboxResponse faultAnswer(Fault fault, const QString& requestId, const QString& host) const override;

    // The last requests' placements (at most kPlacementLogSize), oldest first.
    QList<SandboxPopPlacement> recentPlacements() const { return m_placements; }
    static constexpr qsizetype kPlacementLogSize = 1000;

private:
    struct Target
    {
        SandboxPopService* service = nullptr;
        SandboxPopService::Action action;
    };

    SandboxAuth& m_auth;
    QHash<QPair<QString, QString>, Target> m_targets; // (action, version) -> handler
    QList<SandboxPopPlacement> m_placements;
};
