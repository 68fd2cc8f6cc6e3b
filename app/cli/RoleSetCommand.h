#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli role set ID (--default | --custom ARN | --none) [--allow-public --reason TEXT]
//                       [--allow-internet --reason TEXT] [--yes] [--if-update-time MS]
//                       [--stop [--stop-poll-interval MS]] [global options]
// Decided by core's RolePolicy (the same function as the GUI): refused -> exit 4 with the reasons, nothing
// sent; a public environment getting a role needs --allow-public and --reason (recorded in the audit log), one
// the API reports as reachable from the internet (ForwardInfos) needs --allow-internet and --reason;
// the environment changed since it was read (UpdateTime) -> exit 1. Every attempt that is sent is recorded in
// the audit log with the caller identity (GetCallerIdentity) as the actor. Without --yes it asks on a terminal,
// and refuses (exit 2) when stdin is not a terminal.
// JSON: {"instanceId", "changed", "from": {"kind","arn"}, "to": {"kind","arn"}, "override", "reason",
//        "verdict", "rules": [...], "reasons": [...], "environment": <envs show object or null>}
// plus, after a role was removed or replaced, "revocation": {"credentialsValidUntil", "maxSessionSeconds",
// "maximumKnown"} (credentials already issued stay valid until they expire; said on stderr too) and, with --stop,
// "stop": {"outcome": "stopped|already-stopped|failed|cancelled", "status", "error"}; a stop that fails -> exit 1
// (the role change itself was made and audited; so is the stop).
class RoleSetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RoleSetCommand)

public:
    QStringList path() const override { return {QStringLiteral("role"), QStringLiteral("set")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
