#pragma once

#include "CliCommand.h"

// roledesk-cli creds doctor: where credentials can come from on this machine, and what to do outside DataWorks.
// Exit 0 when some source is usable, 3 when none is.
class CredsDoctorCommand : public CliCommand
{
public:
    QStringList path() const override { return {QStringLiteral("creds"), QStringLiteral("doctor")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
