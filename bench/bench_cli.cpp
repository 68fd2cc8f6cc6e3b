// bench_cli: what a user of the command line waits for, both sides timed as whole processes (fork to exit):
// `roledesk-cli --endpoint URL envs list --json` against a node program on the official
// @alicloud/openapi-client 0.4.15 that lists with its natural sequential loop (PageSize 100) and writes the
// instances with JSON.stringify (bench/node/list-json-e2e.js), same sandbox (`roledesk-cli sandbox serve`, its own
// process), rounds alternating. Scenarios: (1) no network knobs, (2) --latency-ms 40, (3) --latency-ms 40
// --throttle-rps 20. Also, for (1), the start-up floor (a listing that matches nothing) and the text table.
//
// bench_cli [--environments N] [--runs N] [--only plain,latency,throttle]
#include "BenchSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Sandbox
{
    QString endpoint, keyId, secret, region;
};

struct Timed
{
    double ms = -1;
    QString error;
};

// Runs program with arguments, stdout to outFile, and times it from start to exit. Checks exit 0 and that stdout
// holds `expected` occurrences of `marker` (each environment once).
Timed runTimed(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
               const QString& outFile, const QByteArray& marker, int expected, const QString& workingDir = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(outFile, QIODevice::Truncate);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, program + u": "_s + process.errorString()};
    if (!process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished(5000);
        return {-1, program + u" timed out"_s};
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {-1, u"%1 failed (exit %2): %3"_s.arg(QFileInfo(program).fileName())
                        .arg(process.exitCode())
                        .arg(QString::fromUtf8(process.readAllStandardError()).trimmed().left(2000))};
    if (expected >= 0) {
        QFile out(outFile);
        if (!out.open(QIODevice::ReadOnly))
            return {-1, u"cannot read "_s + outFile};
        const QByteArray text = out.readAll();
        const int count = int(text.count(marker));
        if (count != expected)
            return {
                -1,
                u"%1 wrote %2 environments, expected %3"_s.arg(QFileInfo(program).fileName()).arg(count).arg(expected)};
    }
    return {ms, {}};
}

QString minMax(const QList<double>& v)
{
    return Bench::fmt(*std::min_element(v.begin(), v.end()), 0) + u"-"_s +
           Bench::fmt(*std::max_element(v.begin(), v.end()), 0);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption environmentsOption(u"environments"_s, u"Environments in the sandbox."_s, u"N"_s,
                                                u"10000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Rounds per scenario."_s, u"N"_s, u"3"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Scenarios: plain,latency,throttle."_s, u"LIST"_s,
                                        u"plain,latency,throttle"_s);
    parser.addHelpOption();
    parser.addOptions({environmentsOption, runsOption, onlyOption});
    parser.process(app);
    const int environments = parser.value(environmentsOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);

    QString error;
    if (!Bench::checkNodeModules(&error))
        return Bench::cannotRun(error);
    const QString cli = Bench::programPath(u"roledesk-cli"_s);
    if (!QFileInfo(cli).isExecutable())
        return Bench::cannotRun(cli + u" is missing"_s);
    QTemporaryDir dir;
    const QString outFile = dir.filePath(u"out.json"_s);
    const int pageSize = 100;
    const int requests = (environments + pageSize - 1) / pageSize;

    struct Scenario
    {
        QString name;
        QStringList serverArgs;
        int latencyMs;
        int rps;
    };
    QList<Scenario> scenarios;
    if (only.contains(u"plain"_s))
        scenarios.append({u"(1) no knobs"_s, {}, 0, 0});
    if (only.contains(u"latency"_s))
        scenarios.append({u"(2) --latency-ms 40"_s, {u"--latency-ms"_s, u"40"_s}, 40, 0});
    if (only.contains(u"throttle"_s))
        scenarios.append({u"(3) --latency-ms 40 --throttle-rps 20"_s,
                          {u"--latency-ms"_s, u"40"_s, u"--throttle-rps"_s, u"20"_s},
                          40,
                          20});

    Bench::Table table(
        u"bench_cli: %1 environments, whole processes (start to exit), medians of %2 rounds"_s.arg(environments)
            .arg(runs),
        {u"scenario"_s, u"client"_s, u"median ms"_s, u"min-max ms"_s, u"vs SDK program"_s, u"goal"_s,
         u"load (1 min) during"_s});
    for (const Scenario& scenario : scenarios) {
        Bench::ServerProcess server;
        if (!server.start(cli,
                          QStringList{u"sandbox"_s, u"serve"_s, u"--environments"_s, QString::number(environments)} +
                              scenario.serverArgs,
                          &error))
            return Bench::cannotRun(error);
        const QJsonObject info = server.info();
        const Sandbox sandbox{info.value(u"endpoint"_s).toString(), info.value(u"accessKeyId"_s).toString(),
                              info.value(u"accessKeySecret"_s).toString(), info.value(u"region"_s).toString()};

        // RoleDesk: the admin key from the environment (the default chain's first source), an empty profile.
        QProcessEnvironment cliEnv = QProcessEnvironment::systemEnvironment();
        cliEnv.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, sandbox.keyId);
        cliEnv.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, sandbox.secret);
        cliEnv.insert(u"ALIBABA_CLOUD_ECS_METADATA_DISABLED"_s, u"true"_s);
        cliEnv.insert(u"HOME"_s, dir.path());
        cliEnv.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        cliEnv.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        cliEnv.remove(u"ALIBABA_CLOUD_PROFILE"_s);
        QProcessEnvironment nodeEnv = QProcessEnvironment::systemEnvironment();
        nodeEnv.insert(u"NODE_PATH"_s, Bench::nodeModulesDir());
        const QStringList cliArgs{u"--endpoint"_s, sandbox.endpoint, u"envs"_s, u"list"_s, u"--json"_s};
        const QStringList nodeArgs{Bench::benchNodeScript(u"list-json-e2e.js"_s),
                                   sandbox.endpoint,
                                   sandbox.keyId,
                                   sandbox.secret,
                                   sandbox.region,
                                   QString::number(pageSize)};
        const QString nodeDir = Bench::sourceDir() + u"/tests/interop/node"_s;
        const bool throttled = scenario.rps > 0;
        // Throttled: let the server's one-second window empty before each run, so each starts from the same state.
        const auto settle = [throttled] {
            if (throttled)
                QThread::msleep(1500);
        };

        // Warm-up of both (page cache, the server's lazy work).
        settle();
        Timed warm = runTimed(cli, cliArgs, cliEnv, outFile, "\"instanceId\"", environments);
        if (warm.ms < 0)
            return Bench::cannotRun(warm.error);
        settle();
        warm = runTimed(u"node"_s, nodeArgs, nodeEnv, outFile, "\"InstanceId\"", environments, nodeDir);
        if (warm.ms < 0)
            return Bench::cannotRun(warm.error);

        QList<double> mine, sdk, noMatch, text, loads;
        for (int round = 0; round < runs; ++round) {
            loads.append(Bench::loadAverage().section(u' ', 0, 0).toDouble());
            settle();
            const Timed r = runTimed(cli, cliArgs, cliEnv, outFile, "\"instanceId\"", environments);
            settle();
            const Timed n = runTimed(u"node"_s, nodeArgs, nodeEnv, outFile, "\"InstanceId\"", environments, nodeDir);
            if (r.ms < 0 || n.ms < 0)
                return Bench::cannotRun(r.ms < 0 ? r.error : n.error);
            mine.append(r.ms);
            sdk.append(n.ms);
            if (!throttled && scenario.latencyMs == 0) {
                const Timed none = runTimed(cli, cliArgs + QStringList{u"--keyword"_s, u"no-such-environment"_s},
                                            cliEnv, outFile, "\"instanceId\"", 0);
                const Timed tableRun =
                    runTimed(cli, QStringList{u"--endpoint"_s, sandbox.endpoint, u"envs"_s, u"list"_s}, cliEnv, outFile,
                             "\n", environments + 2);
                if (none.ms < 0 || tableRun.ms < 0)
                    return Bench::cannotRun(none.ms < 0 ? none.error : tableRun.error);
                noMatch.append(none.ms);
                text.append(tableRun.ms);
            }
            std::fprintf(stderr, "%s round %d: roledesk-cli %.0f ms, SDK program %.0f ms\n", qPrintable(scenario.name),
                         round + 1, r.ms, n.ms);
        }
        const double sdkMedian = Bench::median(sdk);
        const double mineMedian = Bench::median(mine);
        const QString load = Bench::fmt(*std::min_element(loads.begin(), loads.end()), 1) + u"-"_s +
                             Bench::fmt(*std::max_element(loads.begin(), loads.end()), 1);
        QString goal;
        if (scenario.rps > 0) {
            // The floor a per-second limit sets: the first `rps` requests at once, then `rps` a second.
            const double floorMs = std::max(0, requests - scenario.rps) * 1000.0 / scenario.rps + scenario.latencyMs;
            goal = u"floor %1 ms; %2 of it (goal <= 110%)"_s.arg(Bench::fmt(floorMs, 0))
                       .arg(Bench::fmt(100.0 * mineMedian / floorMs, 0) + u"%"_s);
        } else if (scenario.latencyMs > 0) {
            goal = u"goal < 1000 ms and >= 4x"_s;
        } else {
            goal = u"goal >= 3x"_s;
        }
        table.addRow({scenario.name, u"roledesk-cli envs list --json"_s, Bench::fmt(mineMedian, 0), minMax(mine),
                      Bench::ratio(sdkMedian, mineMedian), goal, load});
        table.addRow({scenario.name, u"node, @alicloud/openapi-client 0.4.15"_s, Bench::fmt(sdkMedian, 0), minMax(sdk),
                      u"1.00x"_s, QString(), load});
        if (!noMatch.isEmpty()) {
            table.addRow({scenario.name, u"roledesk-cli envs list --json --keyword (no match: start-up, 1 request)"_s,
                          Bench::fmt(Bench::median(noMatch), 0), minMax(noMatch), QString(), QString(), load});
            table.addRow({scenario.name, u"roledesk-cli envs list (text table)"_s, Bench::fmt(Bench::median(text), 0),
                          minMax(text), Bench::ratio(sdkMedian, Bench::median(text)), QString(), load});
        }
        server.stop();
    }
    table.addNote(u"whole processes, fork to exit, stdout to a file; the node program writes JSON.stringify(instances, "
                  u"null, 4); both list with PageSize 100"_s);
    table.addNote(u"the machine's load average is printed beside each scenario: figures from a shared machine are "
                  u"not quiet-machine figures"_s);
    table.print();
    return 0;
}
