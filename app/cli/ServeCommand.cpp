#include "ServeCommand.h"

#include "CliJson.h"
#include "CliSession.h"
#include "CredentialService.h"
#include "LocalCredentialServer.h"
#include "SignalWatcher.h"

#include "credentials/CredentialSource.h"

#include <QCoreApplication>
#include <QEventLoop>

QString ServeCommand::summary() const
{
    return tr("Serve STS credentials on 127.0.0.1 at an unguessable URI, for ALIBABA_CLOUD_CREDENTIALS_URI.");
}

int ServeCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    CredentialService service;
    service.addTo(parser);
    const QCommandLineOption port(QStringLiteral("port"), tr("Listen on this port (default 0: any free port)."),
                                  QStringLiteral("N"));
    parser.addOption(port);
    if (const auto code = parse(parser, inv))
        return *code;
    if (const QString problem = service.validate(parser); !problem.isEmpty()) {
        inv.err << problem << '\n';
        return CliExit::Usage;
    }
    bool ok = true;
    const uint portNumber = parser.isSet(port) ? parser.value(port).toUInt(&ok) : 0;
    if (!ok || portNumber > 65535) {
        inv.err << tr("--port takes 0 to 65535.") << '\n';
        return CliExit::Usage;
    }
    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    QObject owner;
    // Watch signals from the start, so an early Ctrl-C still ends cleanly.
    SignalWatcher watcher;
    if (const auto code = service.start(session, parser, quint16(portNumber), &owner))
        return *code;
    const QString uri = service.uri().toString(QUrl::FullyEncoded);
    if (session.json())
        inv.out << QString::fromUtf8(CliJson::toLine(QJsonObject{{QStringLiteral("uri"), uri}}));
    else
        inv.out << uri << '\n';
    inv.out.flush();
    inv.err << tr("Serving credentials of %1 until interrupted (Ctrl-C). Point programs at it with "
                  "ALIBABA_CLOUD_CREDENTIALS_URI.")
                   .arg(service.source()->lastCredential().source())
            << '\n';
    inv.err.flush();
    QEventLoop loop;
    QObject::connect(&watcher, &SignalWatcher::signalled, &loop, &QEventLoop::quit);
    loop.exec();
    service.server()->close();
    inv.err << tr("Stopped.") << '\n';
    return CliExit::Ok;
}
