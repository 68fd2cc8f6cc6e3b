#include "AuditListCommand.h"
#include "CliApp.h"
#include "CredsDoctorCommand.h"
#include "CredsProcessCommand.h"
#include "CredsShowCommand.h"
#include "CredsWatchCommand.h"
#include "EnvsCommands.h"
#include "ExecCommand.h"
#include "MaxComputeTablesCommand.h"
#include "RoleSetCommand.h"
#include "RolesCommands.h"
#include "RulesCommands.h"
#include "SandboxServeCommand.h"
#include "ServeCommand.h"
#include "VisibilityCommands.h"

// One line per command. Keep the order of `roledesk-cli --help`.
void registerBuiltinCommands(CliApp& app)
{
    app.addCommand(std::make_unique<CredsShowCommand>());
    app.addCommand(std::make_unique<CredsDoctorCommand>());
    app.addCommand(std::make_unique<CredsWatchCommand>());
    app.addCommand(std::make_unique<CredsValidateCommand>());
    app.addCommand(std::make_unique<CredsProcessCommand>());
    app.addCommand(std::make_unique<EnvsListCommand>());
    app.addCommand(std::make_unique<EnvsShowCommand>());
    app.addCommand(std::make_unique<RoleSetCommand>());
    app.addCommand(std::make_unique<RolesListCommand>());
    app.addCommand(std::make_unique<RolesCheckCommand>());
    app.addCommand(std::make_unique<PlanCommand>());
    app.addCommand(std::make_unique<ApplyCommand>());
    app.addCommand(std::make_unique<VisibilitySetCommand>());
    app.addCommand(std::make_unique<VisibilityImportCommand>());
    app.addCommand(std::make_unique<MaxComputeTablesCommand>());
    app.addCommand(std::make_unique<ServeCommand>());
    app.addCommand(std::make_unique<ExecCommand>());
    app.addCommand(std::make_unique<AuditListCommand>());
    app.addCommand(std::make_unique<SandboxServeCommand>());
}
