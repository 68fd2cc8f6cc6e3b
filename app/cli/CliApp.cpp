#include "CliApp.h"

#include "util/CaBundle.h"

#include <QCoreApplication>

CliApp::CliApp(CliContext context)
    : m_context(std::move(context))
{
    registerBuiltinCommands(*this);
}

CliApp::~CliApp() = default;

void CliApp::addCommand(std::unique_ptr<CliCommand> command)
{
    m_commands.push_back(std::move(command));
}

void CliApp::printUsage(QTextStream& stream, const QString& prefix) const
{
    stream << QCoreApplication::translate("CliApp", "Usage: roledesk-cli <command> [options]") << "\n\n"
           << QCoreApplication::translate("CliApp", "Commands:") << '\n';
    for (const auto& command : m_commands) {
        const QString words = command->path().join(QLatin1Char(' '));
        if (!prefix.isEmpty() && !words.startsWith(prefix + QLatin1Char(' ')))
            continue;
        stream << "  " << words.leftJustified(22) << ' ' << command->summary() << '\n';
    }
    stream << '\n'
           << QCoreApplication::translate("CliApp",
                                          "Options: --help, --version. `roledesk-cli <command> --help` shows a "
                                          "command's options.\nExit codes: 0 ok, 1 failure, 2 usage error, 3 "
                                          "credentials unusable, 4 refused by policy, 5 changes pending (only "
                                          "`plan --exit-code`).")
           << '\n'
           << QCoreApplication::translate("CliApp",
                                          "Global options (before or after the command, where it takes them): "
                                          "--endpoint URL, --region ID,\n--profile NAME, --json, --sandbox (an "
                                          "in-process sandbox for one command), --ca-bundle PATH (extra CAs for "
                                          "HTTPS; default $SSL_CERT_FILE).\nThe contract: docs/CLI.md.")
           << '\n';
}

int CliApp::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    // Global options may come before the command words ("roledesk-cli --json envs list"): move them after the
    // words, where the command's own parser reads them (each command that needs them declares them).
    QStringList args = arguments;
    // --ca-bundle PATH (anywhere before "--"): extra CAs for every HTTPS client, else $SSL_CERT_FILE.
    QString caBundle;
    for (qsizetype i = 0; i < args.size() && args.at(i) != QLatin1String("--");) {
        if (args.at(i).startsWith(QLatin1String("--ca-bundle="))) {
            caBundle = args.takeAt(i).section(QLatin1Char('='), 1);
        } else if (args.at(i) == QLatin1String("--ca-bundle") && i + 1 < args.size()) {
            args.removeAt(i);
            caBundle = args.takeAt(i);
        } else {
            ++i;
        }
    }
    const QString bundle = CaBundle::choose(caBundle, m_context.credentials.environment);
    if (!bundle.isEmpty()) {
        QString problem;
        if (!CaBundle::install(bundle, &problem)) {
            err << problem << '\n';
            err.flush();
            return caBundle.isEmpty() ? CliExit::Failure : CliExit::Usage;
        }
    }
    QStringList globals;
    static const QStringList flags = {QStringLiteral("--json"), QStringLiteral("--sandbox")};
    static const QStringList valued = {QStringLiteral("--endpoint"), QStringLiteral("--region"),
                                       QStringLiteral("--profile")};
    while (!args.isEmpty()) {
        const QString a = args.constFirst();
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (flags.contains(a) || (valued.contains(name) && a.contains(QLatin1Char('=')))) {
            globals << args.takeFirst();
        } else if (valued.contains(a) && args.size() >= 2) {
            globals << args.takeFirst();
            globals << args.takeFirst();
        } else {
            break;
        }
    }
    const QString first = args.value(0);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "roledesk-cli " << ROLEDESK_VERSION << '\n';
        return CliExit::Ok;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(out);
        return CliExit::Ok;
    }
    if (args.isEmpty()) {
        printUsage(err);
        return CliExit::Usage;
    }

    CliCommand* match = nullptr;
    qsizetype matchLength = 0;
    for (const auto& command : m_commands) {
        const QStringList words = command->path();
        if (words.size() > matchLength && args.mid(0, words.size()) == words) {
            match = command.get();
            matchLength = words.size();
        }
    }
    if (!match) {
        // A group word alone ("creds") or with an unknown sub-command: list what the group offers.
        bool isGroup = false;
        for (const auto& command : m_commands)
            isGroup = isGroup || command->path().constFirst() == first;
        if (isGroup) {
            if (args.size() > 1)
                err << QCoreApplication::translate("CliApp", "Unknown command: %1")
                           .arg(args.mid(0, 2).join(QLatin1Char(' ')))
                    << "\n\n";
            printUsage(err, first);
        } else {
            err << QCoreApplication::translate("CliApp", "Unknown command: %1").arg(first) << "\n\n";
            printUsage(err);
        }
        return CliExit::Usage;
    }
    QStringList commandArgs = args.mid(matchLength);
    // Before "--" (exec passes what follows to its command untouched).
    const qsizetype dashes = commandArgs.indexOf(QStringLiteral("--"));
    for (qsizetype i = 0; i < globals.size(); ++i)
        commandArgs.insert(dashes >= 0 ? dashes + i : commandArgs.size(), globals.at(i));
    commandArgs.prepend(QStringLiteral("roledesk-cli ") + match->path().join(QLatin1Char(' ')));
    const CliInvocation invocation{commandArgs, out, err, m_context};
    const int code = match->run(invocation);
    out.flush();
    err.flush();
    return code;
}
