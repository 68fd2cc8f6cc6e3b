#include "CliCommand.h"

#include "credentials/FileCredentialProvider.h"

#include <QCoreApplication>

CliContext CliContext::system()
{
    CliContext context;
    context.credentials = CredentialContext::system();
    context.credentialsFilePath = FileCredentialProvider::defaultPath();
    return context;
}

CliCommand::~CliCommand() = default;

QString CliCommand::helpText(const QCommandLineParser& parser) const
{
    // QCommandLineParser's own first line names the binary from QCoreApplication; ours names the command.
    QString text = parser.helpText();
    const qsizetype firstNewline = text.indexOf(QLatin1Char('\n'));
    const QString usageLine = QCoreApplication::translate("CliCommand", "Usage: roledesk-cli %1 [options]")
                                  .arg(path().join(QLatin1Char(' ')));
    return usageLine + (firstNewline >= 0 ? text.mid(firstNewline) : QString());
}

std::optional<int> CliCommand::parse(QCommandLineParser& parser, const CliInvocation& invocation,
                                     bool allowPositional) const
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("CliCommand", "Show this help."));
    parser.addOption(help);
    parser.setApplicationDescription(summary());
    if (!parser.parse(invocation.arguments)) {
        invocation.err << parser.errorText() << '\n' << helpText(parser);
        return CliExit::Usage;
    }
    if (parser.isSet(help)) {
        invocation.out << helpText(parser);
        return CliExit::Ok;
    }
    if (!allowPositional && !parser.positionalArguments().isEmpty()) {
        invocation.err << QCoreApplication::translate("CliCommand", "Unexpected argument: %1")
                              .arg(parser.positionalArguments().constFirst())
                       << '\n'
                       << helpText(parser);
        return CliExit::Usage;
    }
    return std::nullopt;
}
