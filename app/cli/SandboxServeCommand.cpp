#include "SandboxServeCommand.h"

#include "Sandbox.h"
#include "SignalWatcher.h"

#include "util/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SandboxServeCommand", text);
}

// One JSON string literal, escaped by Qt's writer (the contract line keeps its documented key order).
QString jsonString(const QString& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// The option's value, else the environment variable's, else empty.
QString optionOrEnv(const QCommandLineParser& parser, const QCommandLineOption& option, const char* variable)
{
    if (parser.isSet(option))
        return parser.value(option);
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(variable));
}
} // namespace

QString SandboxServeCommand::summary() const
{
    return tr("Serve the simulated DataWorks workspace on 127.0.0.1 until interrupted.");
}

int SandboxServeCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    const QCommandLineOption port(QStringLiteral("port"), tr("Port on 127.0.0.1 (default: any free port)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed JSON file (default: the shipped workspace)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption environments(QStringLiteral("environments"),
                                          tr("Serve exactly N environments: the seed's, then generated ones."),
                                          QStringLiteral("N"));
    const QCommandLineOption lifetime(QStringLiteral("credential-lifetime"),
                                      tr("Lifetime of the STS credentials the environments hand out (default 3600)."),
                                      QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   tr("Keep the state in FILE: loaded when it exists, saved on change and on exit."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), tr("Fault: add this latency to every answer."),
                                     QStringLiteral("MS"));
    const QCommandLineOption errorRate(QStringLiteral("error-rate"),
                                       tr("Fault: answer this share (0-1) of requests with HTTP 503."),
                                       QStringLiteral("RATE"));
    const QCommandLineOption throttle(QStringLiteral("throttle-rps"),
                                      tr("Fault: answer Throttling.User above N requests per second."),
                                      QStringLiteral("N"));
    const QCommandLineOption malformed(QStringLiteral("malformed-rate"),
                                       tr("Fault: cut this share (0-1) of successful answers in half."),
                                       QStringLiteral("RATE"));
    const QCommandLineOption outage(QStringLiteral("credentials-outage"),
                                    tr("Fault: the credentials services answer 503 from START to END seconds after "
                                       "start."),
                                    QStringLiteral("START:END"));
    const QCommandLineOption transition(QStringLiteral("transition-delay-ms"),
                                        tr("How long Starting, Stopping, ... last (default 3000)."),
                                        QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption strictPlacement(
        QStringLiteral("strict-placement"),
        tr("Reject a DataWorks parameter sent where the official SDK does not put it (query string or form body)."));
    for (const QCommandLineOption* o : {&port, &seed, &environments, &lifetime, &state, &latency, &errorRate, &throttle,
                                        &malformed, &outage, &transition, &strictPlacement})
        parser.addOption(*o);
    if (const auto code = parse(parser, inv))
        return *code;

    const auto number = [&](const QString& text, const QString& what, qint64 min, qint64 max, qint64* out) {
        bool ok = false;
        *out = text.toLongLong(&ok);
        if (!ok || *out < min || *out > max) {
            inv.err << tr("Invalid %1 \"%2\": expected a whole number from %3 to %4.").arg(what, text).arg(min).arg(max)
                    << '\n';
            return false;
        }
        return true;
    };
    const auto rate = [&](const QString& text, const QString& what, double* out) {
        bool ok = false;
        *out = text.toDouble(&ok);
        if (!ok || *out < 0.0 || *out > 1.0) {
            inv.err << tr("Invalid %1 \"%2\": expected a number from 0 to 1.").arg(what, text) << '\n';
            return false;
        }
        return true;
    };

    qint64 portNumber = 0, lifetimeSeconds = 3600, transitionMs = 3000, count = -1;
    if (!number(parser.value(port), QStringLiteral("--port"), 0, 65535, &portNumber) ||
        !number(parser.value(lifetime), QStringLiteral("--credential-lifetime"), 60, 43200, &lifetimeSeconds) ||
        !number(parser.value(transition), QStringLiteral("--transition-delay-ms"), 0, 3600000, &transitionMs) ||
        (parser.isSet(environments) &&
         !number(parser.value(environments), QStringLiteral("--environments"), 0, 10000000, &count)))
        return CliExit::Usage;

    SandboxFaults faults;
    qint64 value = 0;
    QString text = optionOrEnv(parser, latency, "ROLEDESK_SANDBOX_LATENCY_MS");
    if (!text.isEmpty()) {
        if (!number(text, QStringLiteral("--latency-ms"), 0, 600000, &value))
            return CliExit::Usage;
        faults.latencyMs = int(value);
    }
    text = optionOrEnv(parser, throttle, "ROLEDESK_SANDBOX_THROTTLE_RPS");
    if (!text.isEmpty()) {
        if (!number(text, QStringLiteral("--throttle-rps"), 0, 1000000, &value))
            return CliExit::Usage;
        faults.throttleRequestsPerSecond = int(value);
    }
    text = optionOrEnv(parser, errorRate, "ROLEDESK_SANDBOX_ERROR_RATE");
    if (!text.isEmpty() && !rate(text, QStringLiteral("--error-rate"), &faults.errorRate))
        return CliExit::Usage;
    text = optionOrEnv(parser, malformed, "ROLEDESK_SANDBOX_MALFORMED_RATE");
    if (!text.isEmpty() && !rate(text, QStringLiteral("--malformed-rate"), &faults.malformedRate))
        return CliExit::Usage;
    text = optionOrEnv(parser, outage, "ROLEDESK_SANDBOX_CREDENTIALS_OUTAGE");
    if (!text.isEmpty()) {
        const QStringList parts = text.split(QLatin1Char(':'));
        qint64 from = 0, until = 0;
        if (parts.size() != 2 || !number(parts.at(0), QStringLiteral("--credentials-outage START"), 0, 864000, &from) ||
            !number(parts.at(1), QStringLiteral("--credentials-outage END"), from, 864000, &until))
            return CliExit::Usage;
        const QDateTime now = Clock::system()->nowUtc();
        faults.credentialsOutageFrom = now.addSecs(from);
        faults.credentialsOutageUntil = now.addSecs(until);
    }

    Sandbox sandbox;
    Sandbox::Options options;
    options.seedFile = parser.value(seed);
    options.environments = count;
    options.credentialLifetimeSeconds = int(lifetimeSeconds);
    options.transitionDelayMs = int(transitionMs);
    options.stateFile = parser.value(state);
    // Other clients (older official SDKs send every parameter in the query string) talk to a served sandbox: as
    // tolerant as the gateway unless asked.
    options.strictPlacement = parser.isSet(strictPlacement);
    QString error;
    if (!sandbox.load(options, &error)) {
        inv.err << error << '\n';
        return CliExit::Failure;
    }
    sandbox.setFaults(faults);
    const QUrl endpoint = sandbox.start(quint16(portNumber));
    if (endpoint.isEmpty()) {
        inv.err << sandbox.errorString() << '\n';
        return CliExit::Failure;
    }
    const QString visibilityFile =
        options.stateFile.isEmpty()
            ? QDir::temp().filePath(QStringLiteral("roledesk-sandbox-%1-visibility.json").arg(endpoint.port()))
            : options.stateFile + QStringLiteral(".visibility.json");
    if (!sandbox.writeVisibilityFile(visibilityFile, &error)) {
        inv.err << error << '\n';
        return CliExit::Failure;
    }

    SignalWatcher watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &SignalWatcher::signalled, &loop, [&loop](int) { loop.quit(); });

    // The contract line: exactly one, in this key order, then nothing else on stdout.
    inv.out << "{\"endpoint\": " << jsonString(endpoint.toString())
            << ", \"accessKeyId\": " << jsonString(sandbox.accessKeyId())
            << ", \"accessKeySecret\": " << jsonString(sandbox.accessKeySecret())
            << ", \"accountId\": " << jsonString(sandbox.accountId())
            << ", \"region\": " << jsonString(sandbox.region()) << ", \"visibilityFile\": "
            << jsonString(QDir::toNativeSeparators(QFileInfo(visibilityFile).absoluteFilePath())) << "}\n";
    inv.out.flush();

    loop.exec();
    sandbox.stop();
    return CliExit::Ok;
}
