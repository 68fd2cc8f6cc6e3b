#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli creds watch [source options] [--json]: starts a CredentialSource and prints every state change,
// new credential (masked) and failed refresh as it happens, until SIGINT/SIGTERM (exit 0). With --json one object
// per line: {"time", "event": "state|credential|error", "state", "source", "accessKeyId" (masked or null),
// "expiration", "secondsLeft", "error", "nextAttempt"}.
class CredsWatchCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CredsWatchCommand)

public:
    QStringList path() const override { return {QStringLiteral("creds"), QStringLiteral("watch")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// roledesk-cli creds validate [source options] [--endpoint URL] [--region ID] [--sandbox] [--json]: calls STS
// GetCallerIdentity with the chosen credential. JSON: {"arn", "accountId", "identityType", "accessKeyId" (masked),
// "source"}. Exit 3 when the credential is unusable (cannot be obtained, or STS rejects it), 1 on other failures.
class CredsValidateCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CredsValidateCommand)

public:
    QStringList path() const override { return {QStringLiteral("creds"), QStringLiteral("validate")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
