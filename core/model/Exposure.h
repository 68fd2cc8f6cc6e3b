#pragma once

#include "Environment.h"
#include "Visibility.h"

#include <QList>
#include <QString>
#include <QStringList>

// How exposed one environment is, computed in one place for the GUI, the CLI and RolePolicy: what the API reports
// (UserVpc.ForwardInfos entries that forward a port to the internet), what an admin recorded (visibility), whether
// the environment holds a role, and its status. A plain value; no I/O.
struct Exposure
{
    QList<ForwardInfo> forwards;         // every ForwardInfos entry, as parsed (no secrets)
    QList<ForwardInfo> internetForwards; // the enabled ones with AccessType internet
    Visibility visibility = Visibility::Unknown;
    bool hasRole = false; // the DataWorks default role or a custom role
    EnvironmentStatus status = EnvironmentStatus::Unknown;

    // At least one port is forwarded to the internet (through an EIP or a NAT gateway). Said whatever the status:
    // a stopped environment is reachable again as soon as it starts.
    bool isInternetReachable() const { return !internetForwards.isEmpty(); }
    bool isRecordedPublic() const { return visibility == Visibility::Public; }
    // Recorded public and holding role credentials: anyone in the workspace can use the role (publicWithRole()).
    bool isPublicWithRole() const { return hasRole && isRecordedPublic(); }
    // Reachable from the internet and holding role credentials: the exposure the product guidance warns about.
    bool isInternetReachableWithRole() const { return hasRole && isInternetReachable(); }
    // Internet-reachable now: forwarded and running.
    bool isReachableNow() const { return isInternetReachable() && status == EnvironmentStatus::Running; }
    // Whether an internet forward has an SSH public key set (typical for SSH forwarding).
    bool internetSshKeySet() const;

    // "22->2222" style descriptions of the internet forwards ("ForwardPort->ExternalPort", or one of them).
    QStringList internetPortTexts() const;
    // One translated line for people: "Reachable from the internet (ports 22->2222) with a role", "Not reachable
    // from the internet", ...
    QString summary() const;
    // One translated line per forward, for the details pane: port, access type, EIP / NAT, SSH key set.
    QStringList forwardDescriptions() const;

    static Exposure of(const Environment& environment, Visibility visibility);
    // isInternetReachable() of(environment) without building the value (for filters over many rows).
    static bool internetReachable(const Environment& environment);

    // The two risks RoleDesk counts and warns about, written once for every front end (the GUI's banner, table colours
    // and visibility guard, the CLI's counts and warnings, RolePolicy's confirmation rules): an environment that holds
    // a role (the DataWorks default role or a custom role: RoleAssociation::hasRole(); no role and an unrecognised
    // configuration are not counted) and is exposed, either recorded public (anyone in the workspace can use the role)
    // or reachable from the internet (anyone who gets in can). For many rows, with the parts already at hand.
    static bool publicWithRole(const RoleAssociation& role, Visibility visibility)
    {
        return role.hasRole() && visibility == Visibility::Public;
    }
    static bool internetWithRole(const RoleAssociation& role, bool internetReachable)
    {
        return role.hasRole() && internetReachable;
    }
    static QString portText(const ForwardInfo& forward);
    static QString describe(const ForwardInfo& forward);

    bool operator==(const Exposure&) const = default;
};
