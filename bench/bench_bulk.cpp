// bench_bulk: setting the role of 1,000 environments on a sandbox that throttles above a fixed request rate.
// The driver is the loop RoleDesk's bulk change runs (BulkRoleDialog: DataWorksClient::setRole, one environment
// after the other: re-read, update, re-read). Total time is compared with the rate limit's floor (requests
// needed / rate), and the server's own per-environment update count (bench_sandbox_server) proves that no
// update was lost or applied twice.
//
// bench_bulk [--environments N] [--rate R] [--runs N]
#include "BenchSupport.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/RoleChange.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

struct ServerState
{
    QHash<QString, int> updates;
    QHash<QString, QString> roles;
    qint64 requests = 0;
};

ServerState report(Bench::ServerProcess* server)
{
    ServerState s;
    const QJsonObject r = server->command("report");
    for (const QJsonValue& v : r.value(u"environments"_s).toArray()) {
        const QJsonObject o = v.toObject();
        s.updates.insert(o.value(u"id"_s).toString(), o.value(u"updates"_s).toInt());
        s.roles.insert(o.value(u"id"_s).toString(), o.value(u"role"_s).toString());
    }
    s.requests = qint64(r.value(u"requests"_s).toDouble());
    return s;
}

struct RunResult
{
    double seconds = 0;
    int ok = 0;
    int throttledFailures = 0; // gave up on Throttling (after the client's retries for reads)
    int otherFailures = 0;     // refused by the service for another reason (e.g. a deleted environment)
    QHash<QString, bool> succeeded;
    qint64 attempts = 0;
};

RunResult runBulk(ApiClient* api, const QList<Environment>& environments, const RoleAssociation& role)
{
    DataWorksClient dataWorks(api);
    // The GUI's bulk run: one RoleChange for the run, confirmed up front.
    RoleChange change(&dataWorks, nullptr, nullptr);
    RunResult result;
    QEventLoop loop;
    qsizetype next = 0;
    QElapsedTimer timer;
    std::function<void()> step = [&] {
        if (next == environments.size()) {
            loop.quit();
            return;
        }
        const Environment env = environments.at(next++);
        RoleChange::Request request;
        request.instanceId = env.instanceId;
        request.requested = role;
        request.expectedUpdateTimeMs = env.updateTimeMs;
        request.trustChecked = true;
        request.confirmedUpFront = true;
        change.run(request, {}, [&, id = env.instanceId](const RoleChange::Result& outcome) {
            const ApiError& error = outcome.error;
            if (outcome.isApplied() || outcome.outcome == RoleChange::Outcome::NoChange) {
                ++result.ok;
                result.succeeded.insert(id, true);
            } else if (error.httpStatus == 429 || error.code.startsWith(u"Throttling"_s)) {
                ++result.throttledFailures;
                result.succeeded.insert(id, false);
            } else {
                ++result.otherFailures;
                result.succeeded.insert(id, false);
            }
            QTimer::singleShot(0, &loop, step);
        });
    };
    timer.start();
    QTimer::singleShot(0, &loop, step);
    loop.exec();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // One line per request would cost more than some of what is measured.
    QLoggingCategory::setFilterRules(u"roledesk.*.info=false"_s);
    QCommandLineParser parser;
    const QCommandLineOption environmentsOption(u"environments"_s, u"environments"_s, u"N"_s, u"1000"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"the sandbox's limit, requests/s"_s, u"R"_s, u"200"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"runs"_s, u"N"_s, u"5"_s);
    parser.addOptions({environmentsOption, rateOption, runsOption});
    parser.process(app);
    const int count = parser.value(environmentsOption).toInt();
    const int rate = qMax(1, parser.value(rateOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    Bench::ServerProcess server;
    QString error;
    if (!server.start(Bench::programPath(u"bench_sandbox_server"_s), {u"--environments"_s, QString::number(count)},
                      &error))
        return Bench::cannotRun(error);

    QList<double> seconds;
    QList<double> floors;
    int totalLost = 0, totalDoubled = 0, totalThrottledFailures = 0, totalOtherFailures = 0, totalOk = 0;
    qint64 requestsPerRun = 0;
    for (int run = 0; run < runs; ++run) {
        // Fresh data before each run, unthrottled (as the GUI shows a fresh listing), then the limit.
        server.command("throttle 0");
        const std::unique_ptr<ApiClient> api = Bench::sandboxApi(server.info());
        const QList<Environment> environments = Bench::listAll(api.get(), &error);
        if (environments.size() != count)
            return Bench::cannotRun(error.isEmpty() ? u"listed %1 environments"_s.arg(environments.size()) : error);
        const ServerState before = report(&server);
        server.command("throttle " + QByteArray::number(rate));
        QThread::msleep(1100); // an empty window for the throttle

        const RoleAssociation role = run % 2 == 0 ? RoleAssociation::dataWorksDefault() : RoleAssociation::none();
        const QString expectedRole = run % 2 == 0 ? u"Default"_s : u"None"_s;
        const RunResult r = runBulk(api.get(), environments, role);
        server.command("throttle 0");
        const ServerState after = report(&server);

        int lost = 0, doubled = 0;
        for (const Environment& env : environments) {
            const int applied = after.updates.value(env.instanceId) - before.updates.value(env.instanceId);
            const bool ok = r.succeeded.value(env.instanceId);
            if (applied > 1)
                ++doubled;
            // Lost: reported done but not applied (or not as asked), or applied while reported failed.
            if ((ok && (applied != 1 || after.roles.value(env.instanceId) != expectedRole)) || (!ok && applied != 0))
                ++lost;
        }
        // Requests the server saw during the run (reads, writes, and throttled attempts).
        const qint64 requests = after.requests - before.requests;
        requestsPerRun = qMax(requestsPerRun, requests);
        const double floor = double(3 * r.ok) / rate; // setRole: re-read, update, re-read
        seconds.append(r.seconds);
        floors.append(floor);
        totalLost += lost;
        totalDoubled += doubled;
        totalThrottledFailures += r.throttledFailures;
        totalOtherFailures += r.otherFailures;
        totalOk += r.ok;
        std::fprintf(stderr,
                     "run %d: %.1f s (floor %.1f s), done %d, gave up on throttling %d, refused %d, lost %d, "
                     "doubled %d\n",
                     run + 1, r.seconds, floor, r.ok, r.throttledFailures, r.otherFailures, lost, doubled);
    }

    const double median = Bench::median(seconds);
    const double floor = Bench::median(floors);
    Bench::Table table(u"bench_bulk: set the role of %1 environments, sandbox limit %2 requests/s (HTTP 429 "
                       u"Throttling.User above it)"_s.arg(count)
                           .arg(rate),
                       {u"measure"_s, u"value"_s, u"goal"_s});
    table.addRow({u"total time, median of %1 runs"_s.arg(runs), Bench::fmt(median, 2) + u" s"_s, {}});
    table.addRow({u"floor: 3 requests per change x changes done / rate"_s, Bench::fmt(floor, 2) + u" s"_s, {}});
    table.addRow({u"floor if one request per change"_s, Bench::fmt(double(count) / rate, 2) + u" s"_s, {}});
    table.addRow({u"time / floor"_s, Bench::ratio(median, floor), {}});
    table.addRow(
        {u"changes done (all runs)"_s, u"%1 of %2"_s.arg(totalOk).arg(runs * count),
         totalThrottledFailures == 0 ? u"none failed on throttling: met"_s : u"none failed on throttling: MISSED"_s});
    table.addRow({u"gave up on throttling (all runs)"_s, QString::number(totalThrottledFailures), {}});
    table.addRow({u"refused by the service for another reason (all runs)"_s, QString::number(totalOtherFailures), {}});
    table.addRow({u"lost updates (server count vs client report)"_s, QString::number(totalLost),
                  totalLost == 0 ? u"0: met"_s : u"0: MISSED"_s});
    table.addRow({u"doubled updates (server count > 1)"_s, QString::number(totalDoubled),
                  totalDoubled == 0 ? u"0: met"_s : u"0: MISSED"_s});
    table.addRow({u"HTTP requests the server saw in one run (max)"_s, QString::number(requestsPerRun), {}});
    table.addNote(u"driver: DataWorksClient::setRole one environment after the other, as BulkRoleDialog runs it; "
                  u"roles alternate Default / None between runs; fresh listing before each run"_s);
    table.addNote(u"the server's count comes from bench_sandbox_server, which counts the role updates the sandbox "
                  u"applied per environment"_s);
    table.print();
    return 0;
}
