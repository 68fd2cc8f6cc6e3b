#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

// roledesk-cli plan --rules FILE [--project ID|NAME] [--owner ID] [--status S[,S...]] [--keyword K]
//                   [--public|--private] [--exit-code] [global options]
// Reads the rules file (core/rules/RulesFile), lists the environments, and prints what the rules would change
// (core/rules/RulePlan): text grouped by workspace, or the JSON documented in docs/CLI.md. Nothing is sent.
// Exit codes: 0, 1 (the rules file has errors, listed as file:line:column, or the listing failed), 2, 3; with
// --exit-code also 5 when the plan has changes (CliExit::ChangesPending).
class PlanCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PlanCommand)

public:
    QStringList path() const override { return {QStringLiteral("plan")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// roledesk-cli apply --rules FILE [filters of plan] [--yes] [--limit N] [global options]
// Plans like `plan`, then applies the `change` entries one after the other through core's RoleChange (via
// core/rules/RuleApplier): re-planned on a fresh read of each environment, throttling retried with a pause, every
// change audited with its rule as the reason, progress on stderr, per-environment results. Interrupted (Ctrl+C,
// --limit, a failure), it is resumed by running it again: the new plan holds only what is left.
// Exit codes: 0 every planned change applied (cannot-fix entries are reported, not failures), 1 some change was not
// applied (conflict, failure, refused on the fresh read) or the run was interrupted, 2 usage (no --yes without a
// terminal), 3 credentials.
class ApplyCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ApplyCommand)

public:
    QStringList path() const override { return {QStringLiteral("apply")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
