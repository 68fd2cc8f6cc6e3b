#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

// The roledesk-cli dispatcher: picks the command whose words match the start of the arguments (the longest
// match wins), hands it the rest, and returns its exit code. Runs in-process so tests capture the output:
//   CliApp app(context);  QString o, e;  QTextStream out(&o), err(&e);
//   int code = app.run({"creds", "show", "--json"}, out, err);
class CliApp
{
public:
    // Registers the built-in commands (registerBuiltinCommands).
    explicit CliApp(CliContext context = CliContext::system());
    ~CliApp();

    void addCommand(std::unique_ptr<CliCommand> command);
    const std::vector<std::unique_ptr<CliCommand>>& commands() const { return m_commands; }
    const CliContext& context() const { return m_context; }

    // args without the program name. Global options (--json, --sandbox, --endpoint, --region, --profile) may come
    // before the command words; they are handed to the command.
    int run(const QStringList& args, QTextStream& out, QTextStream& err);

private:
    void printUsage(QTextStream& stream, const QString& prefix = {}) const;

    CliContext m_context;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

// Adds every built-in command; one line per command (BuiltinCommands.cpp).
void registerBuiltinCommands(CliApp& app);
