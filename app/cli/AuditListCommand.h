#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli audit list [--since DATE] [--instance ID] [--json]: the local audit log of role changes, oldest
// first. DATE is YYYY-MM-DD (midnight UTC) or an ISO 8601 date-time. JSON: an array of
//   {"time", "actor", "instanceId", "from": {"kind","arn"}, "to": {"kind","arn"}, "override": true|false,
//    "reason": <string or null>, "environmentName", "outcome"}
class AuditListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuditListCommand)

public:
    QStringList path() const override { return {QStringLiteral("audit"), QStringLiteral("list")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;

    // YYYY-MM-DD (UTC midnight) or ISO 8601 date-time (UTC when no offset is given); invalid on failure.
    static QDateTime parseSince(const QString& text);
};
