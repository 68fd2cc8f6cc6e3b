#include "ExecCommand.h"

#include "CliSession.h"
#include "CredentialService.h"
#include "LocalCredentialServer.h"
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>

QString ExecCommand::summary() const
{
    return tr("Run a command with ALIBABA_CLOUD_CREDENTIALS_URI pointing at a private credentials service.");
}

QProcessEnvironment ExecCommand::childEnvironment(const QProcessEnvironment& parent, const QString& uri)
{
    QProcessEnvironment env = parent;
    static const QStringList exact = {
        QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
        QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"),
        QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"),
        QStringLiteral("ALIBABA_CLOUD_ROLE_SESSION_NAME"),
        QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
        QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"),
        QStringLiteral("ALICLOUD_ACCESS_KEY"),
        QStringLiteral("ALICLOUD_SECRET_KEY"),
        QStringLiteral("ALICLOUD_SECURITY_TOKEN"),
        QStringLiteral("ALICLOUD_ACCESS_KEY_ID"),
        QStringLiteral("ALICLOUD_ACCESS_KEY_SECRET"),
        QStringLiteral("ALIBABACLOUD_ACCESS_KEY_ID"),
        QStringLiteral("ALIBABACLOUD_ACCESS_KEY_SECRET"),
        QStringLiteral("ALIBABACLOUD_SECURITY_TOKEN"),
    };
    static const QStringList prefixes = {QStringLiteral("ALIBABA_CLOUD_"), QStringLiteral("ALICLOUD_"),
                                         QStringLiteral("ALIBABACLOUD_"), QStringLiteral("ALIYUN_")};
    static const QStringList secretWords = {QStringLiteral("KEY"), QStringLiteral("SECRET"), QStringLiteral("TOKEN"),
                                            QStringLiteral("PASSWORD")};
    const QStringList keys = env.keys();
    for (const QString& key : keys) {
        const QString upper = key.toUpper();
        bool remove = exact.contains(upper);
        for (const QString& prefix : prefixes) {
            if (!upper.startsWith(prefix))
                continue;
            for (const QString& word : secretWords)
                remove = remove || upper.contains(word);
        }
        if (remove)
            env.remove(key);
    }
    env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), uri);
    env.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), QStringLiteral("true"));
    return env;
}

int ExecCommand::run(const CliInvocation& inv)
{
    // Everything after "--" belongs to the command, untouched by our parser.
    QStringList ours = inv.arguments;
    QStringList command;
    const qsizetype dashes = ours.indexOf(QStringLiteral("--"));
    if (dashes >= 0) {
        command = ours.mid(dashes + 1);
        ours = ours.mid(0, dashes);
    }
    const CliInvocation own{ours, inv.out, inv.err, inv.context};
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    CredentialService service;
    service.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("-- COMMAND [ARGS...]"), tr("The command to run."));
    if (const auto code = parse(parser, own))
        return *code;
    if (command.isEmpty()) {
        inv.err << tr("exec needs a command after --, e.g. roledesk-cli exec --role-arn ARN -- python3 job.py") << '\n';
        return CliExit::Usage;
    }
    if (const QString problem = service.validate(parser); !problem.isEmpty()) {
        inv.err << problem << '\n';
        return CliExit::Usage;
    }
    const QProcessEnvironment parentEnv = inv.context.credentials.environment;
    QString program = command.constFirst();
    if (!program.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(
            program, parentEnv.value(QStringLiteral("PATH")).split(QDir::listSeparator(), Qt::SkipEmptyParts));
        if (found.isEmpty()) {
            inv.err << tr("Cannot run %1: not found in PATH.").arg(program) << '\n';
            return 127;
        }
        program = found;
    }

    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    QObject owner;
    SignalWatcher watcher;
    if (const auto code = service.start(session, parser, 0, &owner))
        return *code;

    QProcess child;
    child.setProgram(program);
    child.setArguments(command.mid(1));
    child.setProcessEnvironment(childEnvironment(parentEnv, service.uri().toString(QUrl::FullyEncoded)));
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.setInputChannelMode(QProcess::ForwardedInputChannel);
    QEventLoop loop;
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&child, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    // Ctrl-C reaches the whole foreground process group, the command included: passing SIGINT on as well would
    // interrupt it twice. A SIGTERM sent to roledesk-cli alone is passed on; either way we wait for the command.
    QObject::connect(&watcher, &SignalWatcher::signalled, &child, [&child](int number) {
        if (number == SIGTERM && child.processId() > 0)
            ::kill(pid_t(child.processId()), SIGTERM);
    });
    inv.out.flush();
    inv.err.flush();
    child.start();
    loop.exec();
    service.server()->close();
    if (child.error() == QProcess::FailedToStart) {
        inv.err << tr("Cannot run %1: %2").arg(program, child.errorString()) << '\n';
        return 127;
    }
    if (child.exitStatus() == QProcess::CrashExit)
        return 128 + child.exitCode();
    return child.exitCode();
}
