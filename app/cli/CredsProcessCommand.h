#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli creds process [source options]: RoleDesk as a credential source for other tools. Fetches once from
// the chosen source and prints exactly the aliyun CLI External-mode JSON on stdout, one line:
//   {"mode":"StsToken","access_key_id":"...","access_key_secret":"...","sts_token":"...","expiration":"...Z"}
//   {"mode":"AK","access_key_id":"...","access_key_secret":"..."}                (a long-term AccessKey)
// (an STS credential without a known expiration has no "expiration"). This is the one command that prints a secret,
// on stdout only, because the reader (the aliyun CLI, an official SDK) asked for it; nothing else is printed there.
// Errors go to stderr (never a secret). Exit codes as creds show: 0 usable, 3 not, 2 on usage errors.
class CredsProcessCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CredsProcessCommand)

public:
    QStringList path() const override { return {QStringLiteral("creds"), QStringLiteral("process")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
