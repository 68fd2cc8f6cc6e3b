#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

class CliSession;
class OwnerDirectory;
struct Environment;
struct Exposure;
class QTextStream;
class TablePrinter;
class VisibilityStore;

// roledesk-cli envs list [--project ID] [--owner ID] [--status S[,S...]] [--keyword K] [--public|--private]
//                        [--role default|custom|none] [--internet] [global options]
// Lists individual development environments (ListServerIdeInstances, every page) with RoleDesk's recorded
// visibility. JSON: an array of
//   {"instanceId", "name", "status", "projectId", "projectName", "ownerId", "ownerName": <string or null>,
//    "visibility": "public|private|unknown",
//    "role": {"kind": "default|custom|none", "arn": <string or null>}, "updateTime": "<UTC ISO 8601>",
//    "updateTimeMs": <epoch ms, what role set --if-update-time compares>,
//    "exposure": {"internet": bool, "internetWithRole": bool, "internetPorts": [...], "forwards": [...]}}
// (CliJson::exposure). --internet keeps the environments reachable from the internet; the text table's INTERNET
// column marks them with their ports.
class EnvsListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(EnvsListCommand)

public:
    QStringList path() const override { return {QStringLiteral("envs"), QStringLiteral("list")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

// roledesk-cli envs show ID [global options]: one environment (GetServerIdeInstance), the same JSON object.
class EnvsShowCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(EnvsShowCommand)

public:
    QStringList path() const override { return {QStringLiteral("envs"), QStringLiteral("show")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};

namespace EnvsOutput {
// "2026-11-01 16:15 (08:15 UTC)": local time, UTC in brackets.
QString localAndUtc(const QDateTime& time);
// The same with the translated "%1 (%2 UTC)" looked up once by the caller (a long table).
QString localAndUtc(const QDateTime& time, const QString& pattern);
// `envs list --json`: the array of environments with their recorded visibility, streamed to out.
void writeJson(QTextStream& out, const QList<Environment>& environments, const VisibilityStore& store);
// Sets each environment's ownerName (OwnerDirectory: ListProjectMembers per workspace); writes why names are missing
// to err.
void resolveOwnerNames(CliSession& session, QList<Environment>* environments, QTextStream& err);
// The same with a directory that may already have asked for (or learnt) some workspaces' members.
void resolveOwnerNames(CliSession& session, OwnerDirectory* owners, QList<Environment>* environments, QTextStream& err);
// The role as one table cell: core's RoleAssociation::displayText(TextForm::Cell), the GUI's table cell too
// ("DataWorks default role", "No role", "Custom: NAME"; the ARN in JSON).
QString roleCell(const Environment& environment);
// "yes (22->22026)" for an environment reachable from the internet, "-" otherwise.
QString internetCell(const Exposure& exposure);
} // namespace EnvsOutput
