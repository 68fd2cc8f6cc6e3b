#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli role set ID (--default | --custom ARN | --none) [--allow-public --reason TEXT] [--yes]
//                       [--if-update-time MS] [global options]
// Decided by core's RolePolicy (the same function as the GUI): refused -> exit 4 with the reasons, nothing
// sent; a public environment getting a role needs --allow-public and --reason (recorded in the audit log);
// the environment changed since it was read (UpdateTime) -> exit 1. Every attempt that is sent is recorded in
// the audit log with the caller identity (GetCallerIdentity) as the actor. Without --yes it asks on a terminal,
// and refuses (exit 2) when stdin is not a terminal.
// JSON: {"instanceId", "changed", "from": {"kind","arn"}, "to": {"kind","arn"}, "override", "reason",
//        "verdict", "rules": [...], "reasons": [...], "environment": <envs show object or null>}
class RoleSetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RoleSetCommand)

public:
    QStringList path() const override { return {QStringLiteral("role"), QStringLiteral("set")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
