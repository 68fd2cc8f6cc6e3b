#include "CliApp.h"
#include "CredsDoctorCommand.h"
#include "CredsShowCommand.h"
#include "EnvsCommands.h"
#include "SandboxServeCommand.h"

// One line per command. Keep the order of `roledesk-cli --help`.
void registerBuiltinCommands(CliApp& app)
{
    app.addCommand(std::make_unique<CredsShowCommand>());
    app.addCommand(std::make_unique<CredsDoctorCommand>());
    app.addCommand(std::make_unique<EnvsListCommand>());
    app.addCommand(std::make_unique<EnvsShowCommand>());
    app.addCommand(std::make_unique<SandboxServeCommand>());
}
