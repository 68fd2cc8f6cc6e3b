#pragma once

#include "CliCommand.h"

// roledesk-cli sandbox serve [--port N] [--seed FILE] [--environments N] [--credential-lifetime SECONDS]
//                            [--state FILE] [fault options]
// Stable contract: once listening, prints exactly one JSON line on stdout
//   {"endpoint": "http://127.0.0.1:PORT", "accessKeyId": "...", "accessKeySecret": "...", "accountId": "...",
//    "region": "...", "visibilityFile": "<path>"}
// then serves until SIGINT or SIGTERM (state saved, exit 0). This is the one place that prints the sandbox's
// own fake secret. Fault options (also from ROLEDESK_SANDBOX_* environment variables, for demos):
// --latency-ms, --latency-jitter-ms, --error-rate, --throttle-rps (SandboxNetworkOptions, shared with roledesk
// --sandbox), --malformed-rate, --credentials-outage START:END (seconds
// after start).
class SandboxServeCommand : public CliCommand
{
public:
    QStringList path() const override { return {QStringLiteral("sandbox"), QStringLiteral("serve")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
