// bench_sandbox_server: a bench-only sandbox in its own process, for the benchmarks that need more than
// `roledesk-cli sandbox serve` offers: a credentials URI to fetch from, and the server's own count of the
// role updates it applied per environment (read from the sandbox's log lines, so nothing in sandbox/ changes).
//
// bench_sandbox_server [--environments N] [--throttle-rps R]
// Prints one JSON line when listening: {"endpoint","accessKeyId","accessKeySecret","region","credentialsUri"}.
// Then answers commands on stdin, one JSON line each:
//   report   -> {"environments":[{"id":..,"role":"None|Default|Custom","updates":N},...],"requests":N}
//   throttle R -> {"ok":true}
// Contains the sandbox's own fake admin secret only (never a real one).
#include "Sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QMutex g_mutex;
QHash<QString, int> g_updates; // instanceId -> role updates the sandbox applied
QtMessageHandler g_previous = nullptr;

void countUpdates(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // SandboxDataWorks logs every applied UpdateServerIdeInstance: environment "<id>" role now ...
    static const QRegularExpression update(u"^environment \"?([^\" ]+)\"? role now"_s);
    if (qstrcmp(context.category, "roledesk.sandbox") == 0) {
        const QRegularExpressionMatch m = update.match(message);
        if (m.hasMatch()) {
            QMutexLocker lock(&g_mutex);
            ++g_updates[m.captured(1)];
        }
        if (type == QtInfoMsg || type == QtDebugMsg)
            return; // thousands of lines would only slow the server down
    }
    g_previous(type, context, message);
}

void writeLine(const QJsonObject& object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

QString roleName(SandboxData::RoleKind kind)
{
    switch (kind) {
    case SandboxData::RoleKind::Default:
        return u"Default"_s;
    case SandboxData::RoleKind::Custom:
        return u"Custom"_s;
    case SandboxData::RoleKind::None:
        break;
    }
    return u"None"_s;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    g_previous = qInstallMessageHandler(countUpdates);
    QCommandLineParser parser;
    const QCommandLineOption environments(u"environments"_s, u"environments"_s, u"N"_s, u"-1"_s);
    const QCommandLineOption throttle(u"throttle-rps"_s, u"throttle"_s, u"R"_s, u"0"_s);
    parser.addOptions({environments, throttle});
    parser.process(app);

    Sandbox sandbox;
    Sandbox::Options options;
    options.environments = parser.value(environments).toLongLong();
    options.transitionDelayMs = 0;
    QString error;
    if (!sandbox.load(options, &error)) {
        std::fprintf(stderr, "bench_sandbox_server: %s\n", qPrintable(error));
        return 2;
    }
    const QUrl endpoint = sandbox.start();
    if (endpoint.isEmpty()) {
        std::fprintf(stderr, "bench_sandbox_server: %s\n", qPrintable(sandbox.errorString()));
        return 2;
    }
    SandboxFaults faults;
    faults.throttleRequestsPerSecond = parser.value(throttle).toInt();
    faults.scope = SandboxFaults::Pop;
    sandbox.setFaults(faults);

    // The first environment whose credentials service hands out a credential.
    QString credentialsUri;
    const QList<QPair<QString, bool>> all = sandbox.engine()->visibility();
    for (const auto& entry : all) {
        SandboxIssuedCredential issued;
        QString reason;
        if (sandbox.engine()->currentEnvironmentCredential(entry.first, &issued, &reason)) {
            credentialsUri = sandbox.credentialsUri(entry.first).toString();
            break;
        }
    }
    writeLine({{u"endpoint"_s, endpoint.toString()},
               {u"accessKeyId"_s, sandbox.accessKeyId()},
               {u"accessKeySecret"_s, sandbox.accessKeySecret()},
               {u"region"_s, sandbox.region()},
               {u"credentialsUri"_s, credentialsUri}});

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer - 1);
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        const QString command = QString::fromUtf8(buffer, n).trimmed();
        if (command == u"report"_s) {
            QJsonArray list;
            QMutexLocker lock(&g_mutex);
            for (const auto& entry : sandbox.engine()->visibility()) {
                SandboxData::Environment env;
                if (!sandbox.engine()->environment(entry.first, &env))
                    continue;
                list.append(QJsonObject{{u"id"_s, env.instanceId},
                                        {u"role"_s, roleName(env.roleKind)},
                                        {u"status"_s, env.status},
                                        {u"updates"_s, g_updates.value(env.instanceId)}});
            }
            writeLine({{u"environments"_s, list}, {u"requests"_s, sandbox.requestCount()}});
        } else if (command.startsWith(u"throttle "_s)) {
            SandboxFaults f = sandbox.faults();
            f.throttleRequestsPerSecond = command.mid(9).toInt();
            sandbox.setFaults(f);
            writeLine({{u"ok"_s, true}});
        } else {
            writeLine({{u"error"_s, u"unknown command"_s}});
        }
    });
    const int code = QCoreApplication::exec();
    sandbox.stop();
    return code;
}
