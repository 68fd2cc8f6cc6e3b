#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli serve [--role-arn ARN | source options] [--port N] [--json] [global options]
// A local credentials service in the style of aws-vault's: 127.0.0.1 only, at a URI with an unguessable path
// (256 random bits), answering GET with the in-environment format that ALIBABA_CLOUD_CREDENTIALS_URI clients read.
// Prints the URI as the first line of stdout ({"uri": "..."} with --json), then serves until SIGINT/SIGTERM (exit 0).
class ServeCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    QStringList path() const override { return {QStringLiteral("serve")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
