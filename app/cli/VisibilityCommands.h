#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli visibility set ID public|private|unknown [--json]: records (or with "unknown" removes) whether an
// environment is public in its workspace. RoleDesk keeps this record itself: the DataWorks API has none.
// JSON: {"instanceId", "visibility", "recordedBy", "recordedAt"}.
class VisibilitySetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(VisibilitySetCommand)

public:
    QStringList path() const override { return {QStringLiteral("visibility"), QStringLiteral("set")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// roledesk-cli visibility import FILE [--json]: JSON as the sandbox writes it ({"environments": [{"instanceId",
// "visibility"}]}) or CSV (a header naming instanceId and visibility); all or nothing, every error with its line.
// JSON: {"file", "entries", "changed"}; exit 1 with every error on stderr when the file is not valid.
class VisibilityImportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(VisibilityImportCommand)

public:
    QStringList path() const override { return {QStringLiteral("visibility"), QStringLiteral("import")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// Who records: $USER (RoleDesk's local records need no cloud call), or "unknown".
QString visibilityRecorder(const CliContext& context);
