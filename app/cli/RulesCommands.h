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
