// bench_credentials: (1) fetch latency from a loopback credentials URI (the sandbox's credentials service, in
// its own process): RoleDesk's UriCredentialProvider against the official @alicloud/credentials 2.4.7 forced to
// refetch, same server, same run, rounds interleaved; (2) single-thread signing throughput of every scheme
// in core/signing (V3, RPC V1, ODPS, ODPS V4), with @alicloud/openapi-util 0.3.3 for the two it has.
//
// bench_credentials [--fetches N] [--runs N]
#include "BenchSupport.h"

#include "credentials/CredentialContext.h"
#include "credentials/UriCredentialProvider.h"
#include "signing/Signing.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// count fetches one after the other; per-fetch milliseconds, empty with *error on a failed fetch.
QList<double> fetchSeries(const QUrl& url, bool newProviderEachTime, int count, QString* error)
{
    const CredentialContext context = CredentialContext::system();
    std::unique_ptr<UriCredentialProvider> shared;
    if (!newProviderEachTime)
        shared = std::make_unique<UriCredentialProvider>(context, url);
    QList<double> samples;
    QEventLoop loop;
    std::unique_ptr<UriCredentialProvider> current;
    QElapsedTimer timer;
    std::function<void()> next = [&] {
        if (samples.size() == count) {
            loop.quit();
            return;
        }
        UriCredentialProvider* provider = shared.get();
        timer.start();
        if (newProviderEachTime) {
            current = std::make_unique<UriCredentialProvider>(context, url);
            provider = current.get();
        }
        provider->fetch([&](const CredentialResult& result) {
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!result.ok()) {
                *error = u"UriCredentialProvider failed: "_s + result.error.message;
                loop.quit();
                return;
            }
            samples.append(ms);
            // Next fetch from the event loop, not from inside the callback (the provider may still be on the stack).
            QTimer::singleShot(0, &loop, next);
        });
    };
    QTimer::singleShot(0, &loop, next);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!error->isEmpty() || samples.size() != count)
        return {};
    return samples;
}

// Signatures per second of fn over ~ms milliseconds.
double rate(const std::function<QByteArray()>& fn, int ms)
{
    for (int i = 0; i < 2000; ++i)
        fn();
    QElapsedTimer timer;
    timer.start();
    qint64 n = 0;
    size_t sink = 0;
    while (timer.elapsed() < ms) {
        for (int i = 0; i < 200; ++i)
            sink += size_t(fn().size());
        n += 200;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (sink == 0)
        return 0; // never: keeps the work observable
    return double(n) / seconds;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // One line per request would cost more than some of what is measured.
    QLoggingCategory::setFilterRules(u"roledesk.*.info=false"_s);
    QCommandLineParser parser;
    const QCommandLineOption fetchesOption(u"fetches"_s, u"fetches per series"_s, u"N"_s, u"500"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"rounds"_s, u"N"_s, u"5"_s);
    parser.addOptions({fetchesOption, runsOption});
    parser.process(app);
    const int fetches = qMax(10, parser.value(fetchesOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QString error;
    if (!Bench::checkNodeModules(&error))
        return Bench::cannotRun(error);
    Bench::ServerProcess server;
    if (!server.start(Bench::programPath(u"bench_sandbox_server"_s), {}, &error))
        return Bench::cannotRun(error);
    const QUrl url(server.info().value(u"credentialsUri"_s).toString());
    if (!url.isValid() || url.isEmpty())
        return Bench::cannotRun(u"the sandbox offers no environment with a credential"_s);

    // Warm-up of our side (the node scripts warm up inside their own process).
    if (fetchSeries(url, false, 50, &error).isEmpty())
        return Bench::cannotRun(error);

    struct Series
    {
        QString name;
        QList<double> p50, p99, mean;
    };
    Series ours{u"RoleDesk UriCredentialProvider, one provider, fetch() each time"_s, {}, {}, {}};
    Series oursNew{u"RoleDesk UriCredentialProvider, new provider per fetch"_s, {}, {}, {}};
    Series theirsRefresh{u"@alicloud/credentials 2.4.7, one client, session expired before each fetch"_s, {}, {}, {}};
    Series theirsNew{u"@alicloud/credentials 2.4.7, new client per fetch"_s, {}, {}, {}};
    auto add = [](Series* s, const QList<double>& v) {
        s->p50.append(Bench::percentile(v, 50));
        s->p99.append(Bench::percentile(v, 99));
        double sum = 0;
        for (double x : v)
            sum += x;
        s->mean.append(sum / double(v.size()));
    };
    auto nodeSeries = [&](const QString& mode) -> QList<double> {
        const QJsonObject r = Bench::runNode(Bench::benchNodeScript(u"creds-uri-latency.js"_s),
                                             {url.toString(), mode, QString::number(fetches)}, &error);
        QList<double> v;
        for (const QJsonValue& x : r.value(u"samples"_s).toArray())
            v.append(x.toDouble());
        return v;
    };
    for (int round = 0; round < runs; ++round) {
        const QList<double> a = fetchSeries(url, false, fetches, &error);
        const QList<double> b = fetchSeries(url, true, fetches, &error);
        const QList<double> c = nodeSeries(u"refresh"_s);
        const QList<double> d = nodeSeries(u"new"_s);
        if (a.isEmpty() || b.isEmpty() || c.isEmpty() || d.isEmpty())
            return Bench::cannotRun(error);
        add(&ours, a);
        add(&oursNew, b);
        add(&theirsRefresh, c);
        add(&theirsNew, d);
        std::fprintf(stderr, "round %d: p50 RoleDesk %.3f / %.3f ms, npm %.3f / %.3f ms\n", round + 1, ours.p50.last(),
                     oursNew.p50.last(), theirsRefresh.p50.last(), theirsNew.p50.last());
    }

    Bench::Table latency(u"bench_credentials: fetch latency from a loopback credentials URI (%1 fetches x %2 rounds "
                         u"per client)"_s.arg(fetches)
                             .arg(runs),
                         {u"client"_s, u"p50 ms"_s, u"p99 ms"_s, u"mean ms"_s, u"npm p50 / this p50 (same mode)"_s});
    auto row = [&](const Series& s, const Series& peer) {
        latency.addRow({s.name, Bench::fmt(Bench::median(s.p50), 3), Bench::fmt(Bench::median(s.p99), 3),
                        Bench::fmt(Bench::median(s.mean), 3),
                        &s == &peer ? u"(peer)"_s : Bench::ratio(Bench::median(peer.p50), Bench::median(s.p50))});
    };
    row(ours, theirsRefresh);
    row(theirsRefresh, theirsRefresh);
    row(oursNew, theirsNew);
    row(theirsNew, theirsNew);
    latency.addNote(u"server: bench_sandbox_server (the Sandbox's credentials service) in its own process; "
                    u"figures are medians over rounds of each round's percentile"_s);
    latency.addNote(u"the npm client is forced to refetch honestly: its own SessionCredentialProvider refresh path "
                    u"(expirationTimestamp cleared) or a new client; its process start-up is not counted"_s);

    // ---- Signing throughput ----
    const QByteArray keyId = "LTAI5tBenchKeyId00000000";
    const QByteArray secret = "BenchSecret0123456789abcdefghij";
    Signing::V3Input v3;
    v3.method = "POST";
    v3.path = "/";
    v3.query = {{"PageNumber", "7"}, {"PageSize", "100"}, {"ProjectId", "10001"}, {"Keyword", "notebook"}};
    v3.payloadHashHex = Signing::emptyPayloadHash();
    v3.headers = {{"host", "dataworks.cn-hangzhou.aliyuncs.com"},
                  {"x-acs-version", "2024-05-18"},
                  {"x-acs-action", "ListServerIdeInstances"},
                  {"user-agent", "bench"},
                  {"x-acs-date", "2026-11-28T14:00:00Z"},
                  {"x-acs-signature-nonce", "b2a9c7e8f0d14e2f9a6b3c5d7e8f9a0b"},
                  {"accept", "application/json"},
                  {"x-acs-content-sha256", Signing::emptyPayloadHash()}};
    const Signing::BytePairList rpc{{"Action", "AssumeRole"},
                                    {"Format", "JSON"},
                                    {"Version", "2015-04-01"},
                                    {"AccessKeyId", keyId},
                                    {"SignatureMethod", "HMAC-SHA1"},
                                    {"SignatureVersion", "1.0"},
                                    {"SignatureNonce", "b2a9c7e8f0d14e2f9a6b3c5d7e8f9a0b"},
                                    {"Timestamp", "2026-11-28T14:00:00Z"},
                                    {"RoleArn", "acs:ram::1234567890123456:role/dw-dev-role"},
                                    {"RoleSessionName", "roledesk-check"},
                                    {"DurationSeconds", "3600"}};
    Signing::OdpsInput odps;
    odps.method = "GET";
    odps.date = "Sat, 28 Nov 2026 14:00:00 GMT";
    odps.headers = {{"Date", odps.date}, {"x-odps-user-agent", "RoleDesk"}, {"Content-Type", "application/xml"}};
    odps.resource = "/projects/analytics_prod/tables";
    odps.query = {{"expectmarker", "true"}, {"maxitems", "100"}, {"marker", ""}};

    const int ms = 400;
    QList<double> rV3, rRpc, rOdps, rOdpsV4;
    for (int i = 0; i < runs; ++i) {
        rV3.append(rate([&] { return Signing::signV3(v3, keyId, secret).authorization; }, ms));
        rRpc.append(rate([&] { return Signing::signRpcV1("POST", rpc, secret); }, ms));
        rOdps.append(rate([&] { return Signing::odpsAuthorization(odps, keyId, secret); }, ms));
        rOdpsV4.append(
            rate([&] { return Signing::odpsAuthorizationV4(odps, keyId, secret, "20261128", "cn-hangzhou"); }, ms));
    }
    const QJsonObject nodeSign = Bench::runNode(Bench::benchNodeScript(u"sign-throughput.js"_s),
                                                {QString::number(ms), QString::number(runs)}, &error);
    if (nodeSign.isEmpty())
        return Bench::cannotRun(error);
    auto medianOf = [](const QJsonArray& a) {
        QList<double> v;
        for (const QJsonValue& x : a)
            v.append(x.toDouble());
        return Bench::median(v);
    };
    const double nodeV3 = medianOf(nodeSign.value(u"v3"_s).toArray());
    const double nodeRpc = medianOf(nodeSign.value(u"rpc"_s).toArray());
    Bench::Table signing(
        u"bench_credentials: signing throughput, one thread (signatures/s, median of %1 x %2 ms)"_s.arg(runs).arg(ms),
        {u"scheme"_s, u"RoleDesk core/signing"_s, u"@alicloud/openapi-util 0.3.3"_s, u"RoleDesk vs npm"_s,
         u"us per signature (RoleDesk)"_s});
    auto signRow = [&](const QString& name, const QList<double>& v, double peer) {
        const double m = Bench::median(v);
        signing.addRow({name, Bench::fmt(m, 0), std::isnan(peer) ? u"(not offered)"_s : Bench::fmt(peer, 0),
                        std::isnan(peer) ? u"-"_s : Bench::ratio(m, peer), Bench::fmt(1e6 / m, 2)});
    };
    signRow(u"V3 ACS3-HMAC-SHA256 (ListServerIdeInstances)"_s, rV3, nodeV3);
    signRow(u"RPC V1 HMAC-SHA1 (AssumeRole)"_s, rRpc, nodeRpc);
    signRow(u"ODPS (HMAC-SHA1, ListTables)"_s, rOdps, std::nan(""));
    signRow(u"ODPS V4 (derived key, ListTables)"_s, rOdpsV4, std::nan(""));
    signing.addNote(u"the same canonical inputs on both sides; the payload hash is precomputed on both sides "
                    u"(an empty body); V3 includes building the canonical request and the Authorization header"_s);
    latency.print();
    signing.print();
    return 0;
}
