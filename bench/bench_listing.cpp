// bench_listing: 10,000 environments (PageSize 100) from a sandbox in its own process into Environment values,
// end to end (signing, HTTP, JSON, parsing), RoleDesk's DataWorksClient against the official
// @alicloud/openapi-client 0.4.15 (its natural sequential loop over PageNumber, signature V3), same server,
// same run, rounds interleaved so both see the same machine load.
//
// bench_listing [--environments N] [--page-size N] [--runs N]
#include "BenchSupport.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "model/EnvironmentPageParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

struct Server
{
    QUrl endpoint;
    QString region;
    Credential admin;
    qint64 pid = 0;
};

// One whole listing with a fresh client (new connections, like a program that lists once). Milliseconds, or
// a negative value with *error set.
double listOnce(const Server& server, int pageSize, int maxConcurrent, int expected, QString* error,
                double* clientCpuMs = nullptr, double* serverCpuMs = nullptr, bool fastJson = true)
{
    Endpoints endpoints(server.region);
    endpoints.setEndpointOverride(server.endpoint);
    const Credential admin = server.admin;
    ApiClient api(endpoints, [admin] { return admin; });
    DataWorksClient dataWorks(&api);
    ServerIdeListing::Options options;
    options.pageSize = pageSize;
    options.maxConcurrent = maxConcurrent;
    options.fastJson = fastJson;

    const double cpu0 = Bench::cpuMs();
    const double server0 = Bench::cpuMs(server.pid);
    QElapsedTimer timer;
    timer.start();
    ServerIdeListing* listing = dataWorks.listServerIdeInstances({}, options);
    QEventLoop loop;
    QObject::connect(listing, &ServerIdeListing::finished, &loop, &QEventLoop::quit);
    QObject::connect(listing, &ServerIdeListing::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (clientCpuMs)
        *clientCpuMs = Bench::cpuMs() - cpu0;
    if (serverCpuMs)
        *serverCpuMs = Bench::cpuMs(server.pid) - server0;
    if (!listing->isFinished() || listing->error().isError()) {
        *error = u"RoleDesk listing failed: "_s + listing->error().toString();
        return -1;
    }
    if (listing->environments().size() != expected) {
        *error = u"RoleDesk listed %1 environments, expected %2"_s.arg(listing->environments().size()).arg(expected);
        return -1;
    }
    return ms;
}

// The answer bodies of one listing (each page once), for the parse-only measurement.
QList<QByteArray> fetchBodies(const Server& server, int pageSize, int environments)
{
    Endpoints endpoints(server.region);
    endpoints.setEndpointOverride(server.endpoint);
    const Credential admin = server.admin;
    ApiClient api(endpoints, [admin] { return admin; });
    QList<QByteArray> bodies;
    for (int page = 1; page <= (environments + pageSize - 1) / pageSize; ++page) {
        ApiRequest request = ApiRequest::pop(
            ApiService::DataWorks, u"ListServerIdeInstances"_s, DataWorksClient::apiVersion(),
            {{u"PageNumber"_s, QString::number(page)}, {u"PageSize"_s, QString::number(pageSize)}}, true);
        QEventLoop loop;
        api.call(request, &loop, [&](ApiReply* reply) {
            bodies << reply->body();
            loop.quit();
        });
        loop.exec();
    }
    return bodies;
}

// Milliseconds to turn every body into Environment values, as the listing does, with Qt's DOM or with simdjson.
double parseAll(const QList<QByteArray>& bodies, bool fast, qsizetype* count)
{
    StringPool pool;
    *count = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray& body : bodies) {
        if (fast) {
            const auto page = EnvironmentPageParser::parse(body, &pool);
            *count += page ? page->environments.size() : -1000000;
        } else {
            *count += Environment::listFromAnswer(QJsonDocument::fromJson(body).object(), &pool).size();
        }
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // One line per request would cost more than some of what is measured.
    QLoggingCategory::setFilterRules(u"roledesk.*.info=false"_s);
    QCommandLineParser parser;
    const QCommandLineOption environmentsOption(u"environments"_s, u"environments"_s, u"N"_s, u"10000"_s);
    const QCommandLineOption pageSizeOption(u"page-size"_s, u"page size"_s, u"N"_s, u"100"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"measured rounds"_s, u"N"_s, u"7"_s);
    parser.addOptions({environmentsOption, pageSizeOption, runsOption});
    parser.process(app);
    const int environments = parser.value(environmentsOption).toInt();
    const int pageSize = parser.value(pageSizeOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QString error;
    if (!Bench::checkNodeModules(&error))
        return Bench::cannotRun(error);

    // The shipped CLI's server when it exists, else the bench-only one: same Sandbox either way.
    Bench::ServerProcess serverProcess;
    QString serverName = u"roledesk-cli sandbox serve"_s;
    QString program = Bench::programPath(u"roledesk-cli"_s);
    QStringList arguments{u"sandbox"_s, u"serve"_s, u"--environments"_s, QString::number(environments)};
    if (!QFileInfo(program).isExecutable()) {
        serverName = u"bench_sandbox_server"_s;
        program = Bench::programPath(u"bench_sandbox_server"_s);
        arguments = {u"--environments"_s, QString::number(environments)};
    }
    if (!serverProcess.start(program, arguments, &error))
        return Bench::cannotRun(error);
    const QJsonObject info = serverProcess.info();
    Server server;
    server.endpoint = QUrl(info.value(u"endpoint"_s).toString());
    server.region = info.value(u"region"_s).toString();
    server.pid = serverProcess.process()->processId();
    server.admin = Credential(info.value(u"accessKeyId"_s).toString(), info.value(u"accessKeySecret"_s).toString(), {},
                              {}, u"sandbox admin"_s);

    const QStringList nodeArgs{server.endpoint.toString(),
                               server.admin.accessKeyId(),
                               server.admin.accessKeySecret(),
                               server.region,
                               QString::number(pageSize),
                               QString::number(environments),
                               u"1"_s,
                               QString::number(server.pid)};
    // Warm-up: first connections, page cache, the server's lazy work.
    if (listOnce(server, pageSize, 4, environments, &error) < 0)
        return Bench::cannotRun(error);

    QList<double> concurrent, sequential, node, qtJson;
    QList<double> concurrentCpu, sequentialCpu, nodeCpu, concurrentServer, sequentialServer, nodeServer, qtJsonCpu,
        qtJsonServer;
    for (int round = 0; round < runs; ++round) {
        // node: one untimed listing warms its JIT, then one timed listing, in its own process.
        const QJsonObject result =
            Bench::runNode(Bench::benchNodeScript(u"list-openapi-client.js"_s), nodeArgs, &error);
        if (result.isEmpty())
            return Bench::cannotRun(error);
        node.append(result.value(u"ms"_s).toDouble());
        nodeCpu.append(result.value(u"cpuMs"_s).toDouble());
        nodeServer.append(result.value(u"serverCpuMs"_s).toDouble());
        double cpu = 0, serverCpu = 0;
        const double c = listOnce(server, pageSize, 4, environments, &error, &cpu, &serverCpu);
        concurrentCpu.append(cpu);
        concurrentServer.append(serverCpu);
        const double s = listOnce(server, pageSize, 1, environments, &error, &cpu, &serverCpu);
        sequentialCpu.append(cpu);
        sequentialServer.append(serverCpu);
        const double q = listOnce(server, pageSize, 4, environments, &error, &cpu, &serverCpu, false);
        qtJsonCpu.append(cpu);
        qtJsonServer.append(serverCpu);
        if (c < 0 || s < 0 || q < 0)
            return Bench::cannotRun(error);
        qtJson.append(q);
        concurrent.append(c);
        sequential.append(s);
        std::fprintf(
            stderr, "round %d: RoleDesk %.0f ms (4 in flight), %.0f ms (sequential), %.0f ms (Qt JSON); node %.0f ms\n",
            round + 1, c, s, q, node.last());
    }

    const double nodeMedian = Bench::median(node);
    Bench::Table table(u"bench_listing: %1 environments, PageSize %2, %3 pages, server: %4"_s.arg(environments)
                           .arg(pageSize)
                           .arg((environments + pageSize - 1) / pageSize)
                           .arg(serverName),
                       {u"client"_s, u"median ms"_s, u"min ms"_s, u"max ms"_s, u"envs/s"_s, u"client CPU ms"_s,
                        u"server CPU ms"_s, u"speed-up vs npm"_s, u"goal"_s});
    auto row = [&](const QString& name, const QList<double>& v, const QList<double>& cpu,
                   const QList<double>& serverCpu, const QString& goal) {
        const double m = Bench::median(v);
        table.addRow({name, Bench::fmt(m), Bench::fmt(*std::min_element(v.begin(), v.end())),
                      Bench::fmt(*std::max_element(v.begin(), v.end())), Bench::fmt(environments / (m / 1000.0), 0),
                      Bench::fmt(Bench::median(cpu), 0), Bench::fmt(Bench::median(serverCpu), 0),
                      Bench::ratio(nodeMedian, m), goal});
    };
    const double cm = Bench::median(concurrent);
    row(u"RoleDesk DataWorksClient, 4 pages in flight (GUI setting)"_s, concurrent, concurrentCpu, concurrentServer,
        (cm < 1000 ? u"< 1 s: met"_s : u"< 1 s: MISSED"_s) +
            (nodeMedian / cm >= 3 ? u"; >= 3x: met"_s : u"; >= 3x: MISSED"_s));
    row(u"RoleDesk DataWorksClient, sequential (1 in flight)"_s, sequential, sequentialCpu, sequentialServer,
        u"(like for like)"_s);
    row(u"RoleDesk, 4 in flight, Qt JSON only (fastJson off: the parse before simdjson)"_s, qtJson, qtJsonCpu,
        qtJsonServer, u"(before)"_s);
    row(u"@alicloud/openapi-client 0.4.15, sequential"_s, node, nodeCpu, nodeServer, u"(peer)"_s);
    table.addNote(u"CPU: user + system time of the client process and of the server process during the timed "
                  u"listing (/proc, 10 ms ticks)"_s);
    table.addNote(
        u"%1 measured rounds after one warm-up; each round: node (1 warm-up + 1 timed listing in its "
        u"own process), RoleDesk 4 in flight, RoleDesk sequential, RoleDesk 4 in flight with Qt JSON only; each "
        u"listing uses a new client"_s.arg(runs));
    table.addNote(u"timed: first request sent -> all pages parsed (RoleDesk: Environment values; npm: the JSON "
                  u"objects callApi returns); node process start-up not counted"_s);
    table.print();

    // The parse alone (no HTTP), the same pages: Qt's QJsonDocument + Environment::fromJson against simdjson
    // (EnvironmentPageParser), which the listing uses.
    const QList<QByteArray> bodies = fetchBodies(server, pageSize, environments);
    qsizetype bytes = 0;
    for (const QByteArray& body : bodies)
        bytes += body.size();
    QList<double> qtParse, fastParse;
    for (int round = 0; round < qMax(runs, 7); ++round) {
        qsizetype qtCount = 0, fastCount = 0;
        qtParse.append(parseAll(bodies, false, &qtCount));
        fastParse.append(parseAll(bodies, true, &fastCount));
        if (qtCount != environments || fastCount != environments)
            return Bench::cannotRun(
                u"parse-only: %1 / %2 environments, expected %3"_s.arg(qtCount).arg(fastCount).arg(environments));
    }
    Bench::Table parseTable(u"bench_listing, parse only: %1 pages, %2 MB, %3 environments"_s.arg(bodies.size())
                                .arg(double(bytes) / 1e6, 0, 'f', 2)
                                .arg(environments),
                            {u"parser"_s, u"median ms"_s, u"min ms"_s, u"us per environment"_s});
    const auto parseRow = [&](const QString& name, const QList<double>& v) {
        const double m = Bench::median(v);
        parseTable.addRow({name, Bench::fmt(m), Bench::fmt(*std::min_element(v.begin(), v.end())),
                           Bench::fmt(m * 1000.0 / environments, 2)});
    };
    parseRow(u"QJsonDocument::fromJson + Environment::listFromAnswer (before)"_s, qtParse);
    parseRow(u"EnvironmentPageParser (simdjson), the listing's path"_s, fastParse);
    parseTable.print();
    return 0;
}
