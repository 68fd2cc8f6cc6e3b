// Adaptive pages in flight (ListingPace) and ServerIdeListing against loopback servers that throttle: the window
// grows while answers are unthrottled, halves and paces on Throttling; every page arrives once, in order, and a
// listing that is throttled beyond ApiClient's attempt bound fails as before, with the service's error.
#include "ApiTestSupport.h"
#include "ScriptedHttpServer.h"
#include "api/DataWorksClient.h"
#include "api/ListingPace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <deque>
#include <memory>

using namespace ApiTestSupport;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {
QByteArray page(int pageNumber, int pageSize, int total)
{
    QJsonArray instances;
    for (int i = (pageNumber - 1) * pageSize; i < qMin(total, pageNumber * pageSize); ++i)
        instances.append(QJsonObject{{QStringLiteral("InstanceId"), QString::number(700001 + i)},
                                     {QStringLiteral("InstanceName"), QStringLiteral("dev_%1").arg(i + 1)},
                                     {QStringLiteral("Status"), QStringLiteral("Running")},
                                     {QStringLiteral("ProjectId"), 10000}});
    const QJsonObject paging{{QStringLiteral("PageNumber"), pageNumber},
                             {QStringLiteral("PageSize"), pageSize},
                             {QStringLiteral("TotalCount"), total},
                             {QStringLiteral("Instances"), instances}};
    return QJsonDocument(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("LIST-%1").arg(pageNumber)},
                                     {QStringLiteral("PagingInfo"), paging}})
        .toJson(QJsonDocument::Compact);
}

QStringList expectedIds(int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids << QString::number(700000 + i);
    return ids;
}

QStringList idsOf(const QList<Environment>& environments)
{
    QStringList ids;
    for (const Environment& e : environments)
        ids << e.instanceId;
    return ids;
}
} // namespace

class TestListingPace : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DataWorksClient> m_client;
    // The throttling server's own account: accepted requests per page number, throttled answers.
    QHash<int, int> m_accepted;
    int m_throttledAnswers = 0;

    // A per-second limit like the gateway's: at most `perSecond` accepted in any sliding second (throttled requests
    // do not count), each answer after delayMs.
    void serveThrottled(int total, int perSecond, int delayMs)
    {
        auto window = std::make_shared<std::deque<qint64>>();
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        m_server->setHandler([=, this](const Request& r) {
            const qint64 now = clock->elapsed();
            while (!window->empty() && window->front() <= now - 1000)
                window->pop_front();
            if (perSecond > 0 && int(window->size()) >= perSecond) {
                ++m_throttledAnswers;
                Response response = error(429, QStringLiteral("Throttling.User"),
                                          QStringLiteral("Request was denied due to user flow control."));
                response.delayMs = delayMs;
                return response;
            }
            window->push_back(now);
            const int number = r.formValue("PageNumber").toInt();
            ++m_accepted[number];
            Response response = ok(page(number, r.formValue("PageSize").toInt(), total));
            response.delayMs = delayMs;
            return response;
        });
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints(QStringLiteral("cn-shanghai"));
        endpoints.setEndpointOverride(m_server->baseUrl());
        m_api = std::make_unique<ApiClient>(endpoints, [] {
            return Credential(QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("TestSecret0123456789"), {}, {},
                              QStringLiteral("test"));
        });
        m_client = std::make_unique<DataWorksClient>(m_api.get());
        m_accepted.clear();
        m_throttledAnswers = 0;
    }
    void cleanup()
    {
        m_client.reset();
        m_api.reset();
        m_server.reset();
    }

    // ---- the pace alone, with times passed in ----

    void growsWhileUnthrottled()
    {
        ListingPace pace(2, 6);
        QCOMPARE(pace.window(), 2);
        QVERIFY(!pace.paced());
        for (int i = 0; i < 10; ++i) {
            pace.started(i * 10);
            QCOMPARE(pace.nextStartMs(), 0); // never paced before any Throttling
            pace.answered(i * 10 + 5, i * 10);
        }
        QCOMPARE(pace.window(), 6); // the ceiling, not more
        QCOMPARE(ListingPace(9, 4).window(), 4);
        QCOMPARE(ListingPace(0, 0).window(), 1);
    }

    void halvesAndPacesOnThrottlingOncePerBurst()
    {
        ListingPace pace(6, 6);
        // 20 accepted within the first 200 ms, then a burst of Throttling answers.
        for (int i = 0; i < 20; ++i)
            pace.answered(100 + i * 10, i * 10);
        pace.throttled(300, 250);
        QCOMPARE(pace.window(), 3);
        QVERIFY(pace.paced());
        QCOMPARE(pace.ratePerSecond(), 20 * 0.95); // what the service let through, with a margin
        // The rest of the burst (sent before the reaction) and its retries change nothing more.
        pace.throttled(310, 260);
        pace.throttled(600, 280);
        QCOMPARE(pace.window(), 3);
        QCOMPARE(pace.ratePerSecond(), 20 * 0.95);
        QCOMPARE(pace.throttleCount(), 3);
        // Paced: each start moves the next one by 1/rate.
        const qint64 next = pace.nextStartMs();
        QVERIFY(next > 300);
        pace.started(next);
        QCOMPARE(pace.nextStartMs(), next + qint64(1000.0 / (20 * 0.95) + 0.5));
        // A later Throttling of a request sent under the new pace lowers the rate again, never below 0.5/s.
        pace.throttled(2000, 1900);
        QCOMPARE(pace.window(), 1);
        QVERIFY(pace.ratePerSecond() <= 20 * 0.95 * 0.8 + 1e-9);
        for (int i = 0; i < 20; ++i)
            pace.throttled(3000 + i * 1000, 3000 + i * 1000);
        QCOMPARE(pace.window(), 1);
        QVERIFY(pace.ratePerSecond() >= 0.5);
    }

    void probesUpwardsSlowlyAfterThrottling()
    {
        ListingPace pace(4, 6);
        for (int i = 0; i < 10; ++i)
            pace.answered(i * 100, i * 100);
        pace.throttled(1000, 950);
        const double rate = pace.ratePerSecond();
        for (int i = 0; i < 10; ++i)
            pace.answered(1100 + i * 100, 1000 + i * 100);
        QVERIFY(pace.ratePerSecond() > rate);
        QVERIFY(pace.ratePerSecond() < rate + 1.0);
    }

    // ---- the listing against loopback servers ----

    void growsToTheCeilingOnAFastServer()
    {
        serveThrottled(200, 0, 30);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        options.initialConcurrent = 2;
        options.maxConcurrent = 6;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(idsOf(listing->environments()), expectedIds(200));
        QCOMPARE(listing->peakInFlight(), 6);
        QVERIFY(m_server->peakInFlight() <= 6);
        QCOMPARE(listing->pace().throttleCount(), 0);
        QVERIFY(!listing->pace().paced());
        for (int p = 1; p <= 40; ++p)
            QCOMPARE(m_accepted.value(p), 1);
    }

    void throttledListingCompletesInOrderWithNoPageLostOrDoubled()
    {
        // 40 pages against 10 requests a second: several seconds of Throttling for an unpaced client.
        serveThrottled(200, 10, 20);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QList<int> pages;
        connect(listing, &ServerIdeListing::pageLoaded, this,
                [&pages](int number, const QList<Environment>&) { pages << number; });
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QSignalSpy failed(listing, &ServerIdeListing::failed);
        QVERIFY(finished.wait(120000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(idsOf(listing->environments()), expectedIds(200));
        std::sort(pages.begin(), pages.end());
        QList<int> all;
        for (int p = 1; p <= 40; ++p)
            all << p;
        QCOMPARE(pages, all);
        for (int p = 1; p <= 40; ++p)
            QCOMPARE(m_accepted.value(p), 1);
        QVERIFY(m_throttledAnswers > 0);
        QVERIFY(listing->pace().throttleCount() > 0);
        QVERIFY(listing->pace().paced());
        // Paced at what the server accepted (10 a second, less the margin), never above it.
        QVERIFY(listing->pace().ratePerSecond() <= 10.0);
        listing->deleteLater();
    }

    void throttledBeyondTheAttemptBoundFailsAsBefore()
    {
        // Everything after the first page is throttled: the page's last attempt reports the service's error.
        int answered = 0;
        m_server->setHandler([&answered](const Request& r) {
            if (r.formValue("PageNumber").toInt() == 1 && answered++ == 0)
                return ok(page(1, 5, 20));
            return error(429, QStringLiteral("Throttling.User"), QStringLiteral("denied"));
        });
        ApiClient::Options apiOptions;
        apiOptions.backoffBaseMs = 5;
        m_api->setOptions(apiOptions);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QSignalSpy failed(listing, &ServerIdeListing::failed);
        QVERIFY(failed.wait(60000));
        QCOMPARE(finished.count(), 0);
        const ApiError error = listing->error();
        QCOMPARE(error.code, QStringLiteral("Throttling.User"));
        QCOMPARE(error.attempts, apiOptions.maxAttempts);
        QVERIFY(listing->error().isThrottling());
        // Nothing more after the failure: no page started later by the pace timer.
        const int requests = m_server->requestCount();
        QTest::qWait(300);
        QCOMPARE(m_server->requestCount(), requests);
        QCOMPARE(failed.count(), 1);
    }

    void notAdaptiveKeepsTheFixedWindow()
    {
        serveThrottled(100, 0, 30);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        options.adaptive = false;
        options.maxConcurrent = 3;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(idsOf(listing->environments()), expectedIds(100));
        QCOMPARE(listing->peakInFlight(), 3);
    }
};

QTEST_GUILESS_MAIN(TestListingPace)
#include "test_listingpace.moc"
