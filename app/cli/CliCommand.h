#pragma once

#include "credentials/CredentialContext.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

// Exit codes: a stable contract for scripts.
namespace CliExit {
constexpr int Ok = 0;
constexpr int Failure = 1;
constexpr int Usage = 2;
constexpr int CredentialsUnusable = 3;
constexpr int RefusedByPolicy = 4;
// Only with `plan --exit-code` (like `git diff --exit-code`): the plan has changes to apply.
constexpr int ChangesPending = 5;
} // namespace CliExit

// What a command may read from the machine; tests inject their own (environment, home, clock).
struct CliContext
{
    CredentialContext credentials;
    // The DataWorks credentials file (--source file default, doctor); tests point it at a temp file.
    QString credentialsFilePath;
    // RoleDesk's visibility records and audit log; empty: the defaults under AppDataLocation
    // (VisibilityStore::defaultFilePath(), AuditLog::defaultDatabasePath()). Tests point them at temp files.
    QString visibilityFilePath;
    QString auditDatabasePath;

    static CliContext system();
};

// One invocation of one command. arguments() begins with the command words ("roledesk-cli creds show")
// as one element, the way QCommandLineParser expects argv[0].
struct CliInvocation
{
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;
    const CliContext& context;
};

// A command of roledesk-cli. Adding one: a class with path(), summary() and run() in its own .cpp/.h under
// app/cli/, plus one line in registerBuiltinCommands() (BuiltinCommands.cpp). run() may wait for
// asynchronous work with a local QEventLoop: the CLI's top level is the one place where that is allowed.
class CliCommand
{
public:
    virtual ~CliCommand();
    // The words that select it: {"creds", "show"}.
    virtual QStringList path() const = 0;
    // One line for the command list in --help.
    virtual QString summary() const = 0;
    virtual int run(const CliInvocation& invocation) = 0;

protected:
    // Adds -h/--help, parses; on a usage error prints it with the help to stderr and returns CliExit::Usage,
    // on --help prints the help and returns CliExit::Ok; returns nothing when the command should go on.
    // Positional arguments are refused unless allowPositional.
    std::optional<int> parse(QCommandLineParser& parser, const CliInvocation& invocation,
                             bool allowPositional = false) const;
    QString helpText(const QCommandLineParser& parser) const;
};
