#pragma once

#include "CliCommand.h"

// roledesk-cli creds show [--source ...] [--uri URL] [--file PATH] [--profile NAME] [--json]
// Fetches once and prints the source, the masked key id, the expiration (local and UTC), the time left and the
// state; never the secret or the token. Exit 0 when usable (fresh, refresh-due), 3 when not, 2 on usage errors.
// --json prints exactly one object:
//   {"source", "accessKeyId" (masked or null), "expiration" (UTC "...Z" or null), "secondsLeft" (or null),
//    "state": "fresh|refresh-due|expired|failed", "error": <text or null>}
class CredsShowCommand : public CliCommand
{
public:
    QStringList path() const override { return {QStringLiteral("creds"), QStringLiteral("show")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;

    // "5h 03m", "12m 30s", "45s", "expired 3m ago" (translated).
    static QString formatDuration(qint64 seconds);
};
