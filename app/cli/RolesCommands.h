#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli roles list [global options]: the account's RAM roles (ListRoles, every page; GetRole for the trust
// policies ListRoles leaves out). JSON: an array of {"name", "arn", "trust": {"services": [...], "accounts": [...]},
// "description", "maxSessionDuration", "usable"}.
class RolesListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RolesListCommand)

public:
    QStringList path() const override { return {QStringLiteral("roles"), QStringLiteral("list")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// roledesk-cli roles check ARN [global options]: whether the role can be an environment's custom role, by core's
// RolePolicy (its trust policy must trust dataworks.aliyuncs.com). JSON: the roles list object plus
// "usable": true|false, "reasons": [...], "rules": [...], "explanation". Exit 0 usable, 4 not usable, 1 when the
// role cannot be read, 2 for a malformed ARN.
class RolesCheckCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RolesCheckCommand)

public:
    QStringList path() const override { return {QStringLiteral("roles"), QStringLiteral("check")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
