#include "ApiTestSupport.h"
#include "MockClock.h"
#include "Sanitizers.h"
#include "ScriptedHttpServer.h"
#include "SecretScanner.h"
#include "api/DataWorksClient.h"
#include "api/RoleChange.h"
#include "model/AuditLog.h"
#include "model/CredentialConfigMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {
const QString kLeakedKeyId = QStringLiteral("STS.LeakedKeyIdInUserInfo9876");
const QString kLeakedToken = QStringLiteral("CAISleakedSecurityTokenFromListAnswer_0123456789abcdef");
const qint64 kUpdateTime = 1756003600000;

QJsonObject instance(int n, qint64 updateTime = kUpdateTime)
{
    QJsonObject userInfo{{QStringLiteral("Id"), QStringLiteral("20933221576142")},
                         {QStringLiteral("Type"), QStringLiteral("sub")},
                         {QStringLiteral("AccessKeyId"), kLeakedKeyId},
                         {QStringLiteral("SecurityToken"), kLeakedToken}};
    QJsonObject role{{QStringLiteral("RoleArn"), QStringLiteral("acs:ram::1234567890123456:role/devrole")},
                     {QStringLiteral("RoleType"), QStringLiteral("service")},
                     {QStringLiteral("AssumeRoleFor"), QStringLiteral("1234567890123456")},
                     {QStringLiteral("Policy"), QString()},
                     {QStringLiteral("UserInfo"), userInfo}};
    QJsonObject config{{QStringLiteral("Key"), QStringLiteral("0")},
                       {QStringLiteral("Type"), QStringLiteral("Role")},
                       {QStringLiteral("Roles"), QJsonArray{role}}};
    QJsonObject credentialConfig{{QStringLiteral("Enable"), true},
                                 {QStringLiteral("AliyunEnvRoleKey"), QStringLiteral("0")},
                                 {QStringLiteral("Configs"), QJsonArray{config}}};
    return QJsonObject{{QStringLiteral("InstanceId"), QString::number(700000 + n)},
                       {QStringLiteral("InstanceName"), QStringLiteral("dev_%1").arg(n)},
                       {QStringLiteral("Status"), QStringLiteral("Running")},
                       {QStringLiteral("ProjectId"), 10000},
                       {QStringLiteral("ResourceGroupId"), 9876543210.0},
                       {QStringLiteral("OwnerId"), QStringLiteral("20933221576142")},
                       {QStringLiteral("Cu"), 10},
                       {QStringLiteral("CreateTime"), double(1756000000000)},
                       {QStringLiteral("UpdateTime"), double(updateTime)},
                       {QStringLiteral("CredentialConfig"), credentialConfig}};
}

QByteArray listAnswer(const QList<int>& ids, int pageNumber, int pageSize, int total, const QString& nextToken)
{
    QJsonArray instances;
    for (int id : ids)
        instances.append(instance(id));
    QJsonObject paging{{QStringLiteral("PageNumber"), pageNumber},
                       {QStringLiteral("PageSize"), pageSize},
                       {QStringLiteral("Instances"), instances}};
    if (total >= 0)
        paging.insert(QStringLiteral("TotalCount"), total);
    QJsonObject answer{{QStringLiteral("RequestId"), QStringLiteral("LIST-%1").arg(pageNumber)},
                       {QStringLiteral("MaxResults"), pageSize},
                       {QStringLiteral("NextToken"), nextToken},
                       {QStringLiteral("PagingInfo"), paging}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

QByteArray getAnswer(qint64 updateTime)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("GET-1")},
                                     {QStringLiteral("Instance"), instance(1, updateTime)}})
        .toJson(QJsonDocument::Compact);
}

QStringList idsOf(const QList<Environment>& environments)
{
    QStringList ids;
    for (const Environment& e : environments)
        ids << e.instanceId;
    return ids;
}

QStringList expectedIds(int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids << QString::number(700000 + i);
    return ids;
}
} // namespace

class TestDataWorksClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    MockClock m_clock;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DataWorksClient> m_client;

    // Answers ListServerIdeInstances for `total` instances in both paging styles; page p of n waits
    // (n - p + 1) * stepMs so later pages arrive first.
    void servePages(int total, int stepMs)
    {
        m_server->setHandler([total, stepMs](const Request& r) {
            if (r.header("x-acs-action") != "ListServerIdeInstances")
                return error(400, QStringLiteral("UnexpectedAction"));
            const int maxResults = r.formValue("MaxResults").toInt();
            if (maxResults > 0) {
                const int start = r.formValue("NextToken").isEmpty() ? 0 : r.formValue("NextToken").mid(4).toInt();
                QList<int> ids;
                for (int i = start; i < qMin(total, start + maxResults); ++i)
                    ids << i + 1;
                const int next = start + maxResults;
                return ok(listAnswer(ids, 0, maxResults, total,
                                     next < total ? QStringLiteral("tok-%1").arg(next) : QString()));
            }
            const int page = r.formValue("PageNumber").toInt();
            const int size = r.formValue("PageSize").toInt();
            const int pages = (total + size - 1) / size;
            QList<int> ids;
            for (int i = (page - 1) * size; i < qMin(total, page * size); ++i)
                ids << i + 1;
            Response response = ok(listAnswer(ids, page, size, total, QString()));
            response.delayMs = page == 1 ? 0 : (pages - page + 1) * stepMs;
            return response;
        });
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints(QStringLiteral("cn-shanghai"));
        endpoints.setEndpointOverride(m_server->baseUrl());
        m_api = std::make_unique<ApiClient>(
            endpoints,
            [] {
                return Credential(QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("TestSecret0123456789"), {}, {},
                                  QStringLiteral("test"));
            },
            &m_clock);
        ApiClient::Options options;
        options.backoffBaseMs = 5;
        options.maxAttempts = 2;
        m_api->setOptions(options);
        m_client = std::make_unique<DataWorksClient>(m_api.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_api.reset();
        m_server.reset();
    }

    void pageNumberPagingIsConcurrentBoundedAndOrdered()
    {
        servePages(23, 100 * kSanitizerSlowdown); // each step longer than handling a request takes
        ServerIdeListing::Options options;
        options.pageSize = 5;
        options.maxConcurrent = 4;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QList<int> arrival;
        connect(listing, &ServerIdeListing::pageLoaded, this,
                [&arrival](int page, const QList<Environment>&) { arrival << page; });
        QSignalSpy progress(listing, &ServerIdeListing::progress);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QSignalSpy failed(listing, &ServerIdeListing::failed);
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_server->requestCount(), 5);
        QCOMPARE(idsOf(listing->environments()), expectedIds(23));
        QCOMPARE(listing->total(), 23);
        QCOMPARE(listing->loaded(), 23);
        // Pages 2..5 were in flight together (4 allowed) and the slowest (page 2) came last.
        QCOMPARE(m_server->peakInFlight(), 4);
        QCOMPARE(listing->peakInFlight(), 4);
        QCOMPARE(arrival.first(), 1);
        QCOMPARE(arrival.last(), 2);
        QCOMPARE(arrival, QList<int>({1, 5, 4, 3, 2}));
        QCOMPARE(progress.count(), 5);
        QCOMPARE(progress.last().at(0).toInt(), 23);
        QCOMPARE(progress.last().at(1).toInt(), 23);
        QCOMPARE(progress.first().at(0).toInt(), 5);
    }

    void pagesWithoutTotalCountAreWalkedUntilAShortPage()
    {
        m_server->setHandler([](const Request& r) {
            const int page = r.formValue("PageNumber").toInt();
            QList<int> ids;
            for (int i = (page - 1) * 2; i < qMin(5, page * 2); ++i)
                ids << i + 1;
            return ok(listAnswer(ids, page, 2, -1, QString()));
        });
        ServerIdeListing::Options options;
        options.pageSize = 2;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(idsOf(listing->environments()), expectedIds(5));
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(listing->total(), 5);
    }

    // An environment listed twice (items shift between pages while the listing runs): kept once, at its first place
    // in page order, as the page READ LAST has it (core's ListingMerge; the GUI applies the same rule), whatever the
    // page numbers say. Page 2 is answered last here.
    void aRepeatedEnvironmentKeepsItsFirstPlaceAndTheCopyReadLast()
    {
        m_server->setHandler([](const Request& r) {
            const int page = r.formValue("PageNumber").toInt();
            const auto withStatus = [](int id, const char* status) {
                QJsonObject o = instance(id);
                o.insert(QStringLiteral("Status"), QString::fromLatin1(status));
                return o;
            };
            QJsonArray instances;
            if (page == 1)
                instances = {withStatus(1, "Running"), withStatus(2, "Running")};
            else if (page == 2)
                instances = {withStatus(2, "Stopped"), withStatus(3, "Running"), withStatus(4, "Running")};
            else
                instances = {withStatus(4, "Deleting"), withStatus(5, "Running")};
            const QJsonObject paging{{QStringLiteral("PageNumber"), page},
                                     {QStringLiteral("PageSize"), 3},
                                     {QStringLiteral("TotalCount"), 7},
                                     {QStringLiteral("Instances"), instances}};
            Response response = ok(QJsonDocument(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("L")},
                                                             {QStringLiteral("PagingInfo"), paging}})
                                       .toJson(QJsonDocument::Compact));
            response.delayMs = page == 2 ? 300 : 0;
            return response;
        });
        ServerIdeListing::Options options;
        options.pageSize = 3;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QList<int> arrival;
        connect(listing, &ServerIdeListing::pageLoaded, this,
                [&arrival](int page, const QList<Environment>&) { arrival << page; });
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(arrival, QList<int>({1, 3, 2}));
        QCOMPARE(idsOf(listing->environments()), expectedIds(5));
        // 700002: page 1 then page 2 (read later): page 2's copy. 700004: page 2 (read last) beats page 3.
        QCOMPARE(listing->environments().at(1).statusText, QStringLiteral("Stopped"));
        QCOMPARE(listing->environments().at(3).statusText, QStringLiteral("Running"));
    }

    void concurrencyBoundIsRespected()
    {
        servePages(40, 30);
        ServerIdeListing::Options options;
        options.pageSize = 4; // 10 pages
        options.maxConcurrent = 2;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_server->requestCount(), 10);
        QCOMPARE(m_server->peakInFlight(), 2);
        QCOMPARE(listing->peakInFlight(), 2);
        QCOMPARE(idsOf(listing->environments()), expectedIds(40));
    }

    void nextTokenPagingAndEveryFilter()
    {
        servePages(7, 0);
        ServerIdeFilter filter;
        filter.projectId = 10000;
        filter.resourceGroupId = QStringLiteral("9876543210");
        filter.keyword = QStringLiteral("dev box");
        filter.relatedUserId = QStringLiteral("20933221576142");
        filter.subType = QStringLiteral("PERSONAL_DEV");
        ServerIdeListing::Options options;
        options.paging = ServerIdeListing::Paging::NextToken;
        options.pageSize = 3;
        ServerIdeListing* listing = m_client->listServerIdeInstances(filter, options);
        QSignalSpy pages(listing, &ServerIdeListing::pageLoaded);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(idsOf(listing->environments()), expectedIds(7));
        QCOMPARE(pages.count(), 3);
        QCOMPARE(m_server->requestCount(), 3);
        const auto& requests = m_server->requests();
        QVERIFY(requests.at(0).formValue("NextToken").isEmpty());
        QCOMPARE(requests.at(1).formValue("NextToken"), QByteArray("tok-3"));
        QCOMPARE(requests.at(2).formValue("NextToken"), QByteArray("tok-6"));
        for (const Request& r : requests) {
            QCOMPARE(r.formValue("ProjectId"), QByteArray("10000"));
            QCOMPARE(r.formValue("ResourceGroupId"), QByteArray("9876543210"));
            QCOMPARE(r.formValue("Keyword"), QByteArray("dev box"));
            QCOMPARE(r.formValue("RelatedUserId"), QByteArray("20933221576142"));
            QCOMPARE(r.formValue("SubType"), QByteArray("PERSONAL_DEV"));
            QCOMPARE(r.formValue("MaxResults"), QByteArray("3"));
            QVERIFY(r.formValue("PageNumber").isEmpty());
            QCOMPARE(r.header("x-acs-version"), QByteArray("2024-05-18"));
            QString why;
            QVERIFY2(verifyV3(r, "LTAI5tTestKeyId0001", "TestSecret0123456789", &why), qPrintable(why));
        }
    }

    void filtersAreSentWithPageNumberPaging()
    {
        servePages(2, 0);
        ServerIdeFilter filter;
        filter.projectId = 42;
        filter.keyword = QStringLiteral("x");
        ServerIdeListing* listing = m_client->listServerIdeInstances(filter);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        const Request& r = m_server->requests().first();
        QCOMPARE(r.formValue("ProjectId"), QByteArray("42"));
        QCOMPARE(r.formValue("Keyword"), QByteArray("x"));
        QCOMPARE(r.formValue("PageNumber"), QByteArray("1"));
        QCOMPARE(r.formValue("PageSize"), QByteArray("50"));
        QVERIFY(r.formValue("SubType").isEmpty());
        QVERIFY(!r.body.contains("RelatedUserId"));
    }

    void aFailingPageStopsTheListing()
    {
        m_server->setHandler([](const Request& r) {
            const int page = r.formValue("PageNumber").toInt();
            if (page == 3)
                return error(403, QStringLiteral("Forbidden.NoPermission"), QStringLiteral("no"), QStringLiteral("P3"));
            return ok(listAnswer({page}, page, 1, 5, QString()));
        });
        ServerIdeListing::Options options;
        options.pageSize = 1;
        options.maxConcurrent = 1;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QSignalSpy failed(listing, &ServerIdeListing::failed);
        QVERIFY(failed.wait(20000));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(listing->error().code, QStringLiteral("Forbidden.NoPermission"));
        QCOMPARE(listing->error().requestId, QStringLiteral("P3"));
        QCOMPARE(m_server->requestCount(), 3); // page 4 and 5 never asked for
    }

    // The GUI's way: every page is taken from pageLoaded and the listing keeps none (no copy of 100,000
    // environments next to the model's). All pages still arrive, each once, and finished() ends it.
    void listingWithoutRetentionDeliversEveryPageAndKeepsNone()
    {
        servePages(23, 30);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        options.retainEnvironments = false;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QMap<int, QList<Environment>> received;
        connect(listing, &ServerIdeListing::pageLoaded, this,
                [&received](int page, const QList<Environment>& environments) {
                    QVERIFY(!received.contains(page));
                    received.insert(page, environments);
                });
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(received.keys(), QList<int>({1, 2, 3, 4, 5}));
        QList<Environment> all;
        for (const QList<Environment>& page : std::as_const(received))
            all += page;
        QCOMPARE(idsOf(all), expectedIds(23));
        QVERIFY(listing->environments().isEmpty());
        QCOMPARE(listing->loaded(), 23);
        QCOMPARE(listing->total(), 23);
    }

    // Retained pages are moved into environments(): the same values as the pages delivered, in page order, and the
    // texts that repeat between environments are one shared copy.
    void retainedPagesBecomeTheResultAndShareRepeatedTexts()
    {
        servePages(12, 20);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QMap<int, QList<Environment>> received;
        connect(listing, &ServerIdeListing::pageLoaded, this,
                [&received](int page, const QList<Environment>& environments) { received.insert(page, environments); });
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        QList<Environment> fromPages;
        for (const QList<Environment>& page : std::as_const(received))
            fromPages += page;
        QCOMPARE(listing->environments(), fromPages);
        QCOMPARE(idsOf(listing->environments()), expectedIds(12));
        const Environment& first = listing->environments().first();
        const Environment& last = listing->environments().last();
        QCOMPARE(last.ownerId, first.ownerId);
        QCOMPARE(last.ownerId.constData(), first.ownerId.constData()); // one copy for the whole listing
        QCOMPARE(last.statusText.constData(), first.statusText.constData());
        QCOMPARE(last.role.roleArn().constData(), first.role.roleArn().constData());
        QVERIFY(last.instanceId != first.instanceId);
    }

    // Deleting a listing while pages are in flight (the GUI closing, or reloading) is safe: nothing more arrives.
    void deletingAListingMidFlightIsSafe()
    {
        servePages(20, 300);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        options.retainEnvironments = false;
        QPointer<ServerIdeListing> listing = m_client->listServerIdeInstances({}, options);
        int pages = 0;
        connect(listing, &ServerIdeListing::pageLoaded, this, [&pages] { ++pages; });
        QTRY_COMPARE_WITH_TIMEOUT(pages, 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 4, 5000);
        delete listing.data();
        QVERIFY(listing.isNull());
        QTest::qWait(1500); // the answers to pages 2-4 arrive for no one
        QCOMPARE(pages, 1);
    }

    void cancelStopsEverything()
    {
        servePages(20, 400);
        ServerIdeListing::Options options;
        options.pageSize = 5;
        ServerIdeListing* listing = m_client->listServerIdeInstances({}, options);
        QSignalSpy pages(listing, &ServerIdeListing::pageLoaded);
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QSignalSpy failed(listing, &ServerIdeListing::failed);
        QVERIFY(pages.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 4, 5000);
        listing->cancel();
        QTest::qWait(600);
        QCOMPARE(pages.count(), 1);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void secretsInCredentialConfigReachNoModelAndNoLog()
    {
        LogCapture capture;
        servePages(3, 0);
        ServerIdeListing* listing = m_client->listServerIdeInstances();
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(20000));
        const QStringList secrets = {kLeakedKeyId, kLeakedToken};
        QCOMPARE(listing->environments().size(), 3);
        QString modelText;
        for (const Environment& e : listing->environments()) {
            QVERIFY(e.role.isCustomRole());
            QCOMPARE(e.role.roleArn(), QStringLiteral("acs:ram::1234567890123456:role/devrole"));
            QDebug(&modelText) << e << e.role.toCredentialConfigJson() << e.role.displayText();
        }
        QVERIFY2(findSecret(modelText, secrets).isEmpty(), "secret reached the model");
        QVERIFY2(capture.findAny(secrets).isEmpty(), "secret reached a log line");
        QVERIFY(capture.lines().join(QLatin1Char('\n')).contains(QStringLiteral("ListServerIdeInstances")));

        m_server->setHandler([](const Request&) { return ok(getAnswer(kUpdateTime)); });
        Environment got;
        m_client->getServerIdeInstance(QStringLiteral("700001"),
                                       [&got](const Environment& e, const ApiError&) { got = e; });
        QTRY_VERIFY_WITH_TIMEOUT(!got.isNull(), 10000);
        QString gotText;
        QDebug(&gotText) << got;
        QVERIFY(findSecret(gotText, secrets).isEmpty());
        QVERIFY(capture.findAny(secrets).isEmpty());
    }

    void listProjectsReadsEveryPage()
    {
        m_server->setHandler([](const Request& r) {
            const int page = r.formValue("PageNumber").toInt();
            QJsonArray projects;
            for (int i = 0; i < (page < 3 ? 2 : 1); ++i) {
                const int id = (page - 1) * 2 + i + 1;
                projects.append(QJsonObject{{QStringLiteral("Id"), id},
                                            {QStringLiteral("Name"), QStringLiteral("ws_%1").arg(id)},
                                            {QStringLiteral("DevEnvironmentEnabled"), true}});
            }
            QJsonObject paging{{QStringLiteral("PageNumber"), page},
                               {QStringLiteral("PageSize"), 2},
                               {QStringLiteral("TotalCount"), 5},
                               {QStringLiteral("Projects"), projects}};
            return ok(QJsonDocument(QJsonObject{{QStringLiteral("PagingInfo"), paging}}).toJson());
        });
        QList<Workspace> workspaces;
        bool done = false;
        m_client->listProjects(
            [&](const QList<Workspace>& list, const ApiError& e) {
                QVERIFY(!e.isError());
                workspaces = list;
                done = true;
            },
            2);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(workspaces.size(), 5);
        QCOMPARE(workspaces.last().name, QStringLiteral("ws_5"));
        QVERIFY(workspaces.first().devEnvironmentEnabled);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(m_server->requests().first().header("x-acs-action"), QByteArray("ListProjects"));
    }

    void updateSendsInstanceIdInTheQueryAndTheWholeConfig()
    {
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"U-1\"}"); });
        // What a read gave (UserInfo included, as answers carry it) with a custom role restricted by a policy.
        const QJsonObject config =
            QJsonDocument::fromJson(
                "{\"Enable\":true,\"AliyunEnvRoleKey\":\"0\",\"Configs\":[{\"Key\":\"0\",\"Type\":\"Role\","
                "\"Roles\":[{\"RoleArn\":\"acs:ram::1234567890123456:role/x\",\"RoleType\":\"service\","
                "\"AssumeRoleFor\":\"1234567890123456\",\"Policy\":\"{\\\"Version\\\":\\\"1\\\"}\","
                "\"UserInfo\":{\"Id\":\"1\",\"Type\":\"sub\",\"AccessKeyId\":\"STS.NleakedKeyId\","
                "\"SecurityToken\":\"CAISleakedToken\"}}]}]}")
                .object();
        QVERIFY(!config.isEmpty());
        QString requestId;
        ApiError result;
        bool done = false;
        m_client->updateCredentialConfig(QStringLiteral("700001"), config, [&](const QString& id, const ApiError& e) {
            requestId = id;
            result = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!result.isError());
        QCOMPARE(requestId, QStringLiteral("U-1"));
        const Request& r = m_server->requests().first();
        QCOMPARE(r.header("x-acs-action"), QByteArray("UpdateServerIdeInstance"));
        // As the official SDK sends it: InstanceId in the query string, CredentialConfig in the form body.
        QCOMPARE(r.queryValue("InstanceId"), QByteArray("700001"));
        QVERIFY(r.formValue("InstanceId").isEmpty());
        QVERIFY(r.queryValue("CredentialConfig").isEmpty());
        // The signature covers the query (a verifier that canonicalises it accepts the request).
        QString why;
        QVERIFY2(ApiTestSupport::verifyV3(r, "LTAI5tTestKeyId0001", "TestSecret0123456789", &why), qPrintable(why));
        const QByteArray sent = r.formValue("CredentialConfig");
        // Keys in alphabetical order at every level, compact; never the UserInfo secrets.
        QCOMPARE(sent, QByteArray("{\"AliyunEnvRoleKey\":\"0\",\"Configs\":[{\"Key\":\"0\",\"Roles\":[{"
                                  "\"AssumeRoleFor\":\"1234567890123456\",\"Policy\":\"{\\\"Version\\\":\\\"1\\\"}\","
                                  "\"RoleArn\":\"acs:ram::1234567890123456:role/x\",\"RoleType\":\"service\"}],"
                                  "\"Type\":\"Role\"}],\"Enable\":true}"));
        QVERIFY(!sent.contains("leaked"));
    }

    void startStopDeleteSendInstanceIdInTheQuery()
    {
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"L\",\"InstanceId\":\"700001\"}"); });
        int done = 0;
        m_client->startServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        m_client->stopServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        m_client->deleteServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, 10000);
        for (const Request& r : m_server->requests()) {
            QCOMPARE(r.queryValue("InstanceId"), QByteArray("700001"));
            QVERIFY(r.form().isEmpty());
        }
        // A read keeps it in the body, as the SDK sends GetServerIdeInstance.
        m_server->setHandler([](const Request&) { return ok(getAnswer(kUpdateTime)); });
        bool read = false;
        m_client->getServerIdeInstance(QStringLiteral("700001"),
                                       [&](const Environment&, const ApiError&) { read = true; });
        QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
        QCOMPARE(m_server->requests().last().formValue("InstanceId"), QByteArray("700001"));
        QVERIFY(m_server->requests().last().query.isEmpty());
    }

    // RoleChange reads back after the write and says so when the service holds something else than was sent.
    void roleChangeReportsAReadBackThatDiffers()
    {
        int gets = 0;
        m_server->setHandler([&gets](const Request& r) {
            if (r.header("x-acs-action") == "GetServerIdeInstance") {
                ++gets;
                // First read: the custom role devrole. After the write: still devrole (the service ignored it).
                return ok(getAnswer(gets == 1 ? kUpdateTime : kUpdateTime + 9000));
            }
            return ok("{\"RequestId\":\"UPDATE-7\"}");
        });
        QTemporaryDir dir;
        AuditLog audit(dir.filePath(QStringLiteral("audit.sqlite")));
        QVERIFY(audit.open());
        RoleChange change(m_client.get(), nullptr, &audit);
        RoleChange::Request request;
        request.instanceId = QStringLiteral("700001");
        request.requested = RoleAssociation::none();
        request.actor = QStringLiteral("acs:ram::1234567890123456:user/admin");
        request.confirmedUpFront = true;
        RoleChange::Result result;
        bool done = false;
        change.run(request, {}, [&](const RoleChange::Result& r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.outcome, RoleChange::Outcome::AppliedReadBackDiffers);
        QVERIFY(result.isApplied());
        QCOMPARE(result.requestId, QStringLiteral("UPDATE-7"));
        QVERIFY(result.message.contains(QStringLiteral("devrole")));
        QCOMPARE(gets, 2);
        const QList<AuditEntry> entries = audit.query();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().requestId, QStringLiteral("UPDATE-7"));
        QVERIFY(entries.first().outcome.startsWith(QStringLiteral("applied, read back differs")));
        QCOMPARE(entries.first().fromRole, QStringLiteral("acs:ram::1234567890123456:role/devrole"));
        QCOMPARE(entries.first().toRole, QStringLiteral("none"));
        // Nothing secret was sent back: the write carried no UserInfo.
        for (const Request& r : m_server->requests())
            QVERIFY(!r.body.contains("Leaked") && !r.query.contains("Leaked"));
    }

    void lifecycleCalls()
    {
        m_server->setHandler([](const Request& r) {
            if (r.header("x-acs-action") == "CreateServerIdeInstance")
                return ok("{\"RequestId\":\"C\",\"InstanceId\":812345}");
            return ok("{\"RequestId\":\"L\",\"InstanceId\":\"700001\"}");
        });
        QString created;
        m_client->createServerIdeInstance(10000, QStringLiteral("9876543210"), QStringLiteral("new"),
                                          {{QStringLiteral("Cu"), QStringLiteral("4")}},
                                          [&](const QString& id, const ApiError&) { created = id; });
        QTRY_COMPARE_WITH_TIMEOUT(created, QStringLiteral("812345"), 10000);
        int done = 0;
        m_client->startServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        m_client->stopServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        m_client->deleteServerIdeInstance(QStringLiteral("700001"), [&](const ApiError& e) { done += !e.isError(); });
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, 10000);
        QStringList actions;
        for (const Request& r : m_server->requests())
            actions << QString::fromLatin1(r.header("x-acs-action"));
        actions.sort();
        QCOMPARE(actions,
                 QStringList({QStringLiteral("CreateServerIdeInstance"), QStringLiteral("DeleteServerIdeInstance"),
                              QStringLiteral("StartServerIdeInstance"), QStringLiteral("StopServerIdeInstance")}));
        QCOMPARE(m_server->requests().first().formValue("InstanceName"), QByteArray("new"));
        QCOMPARE(m_server->requests().first().formValue("Cu"), QByteArray("4"));
    }

    // As the official SDK sends it: StopServerIdeInstance's InstanceId in the query string, not the form body.
    void stopSendsTheInstanceIdInTheQuery()
    {
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"S\"}"); });
        bool done = false;
        m_client->stopServerIdeInstance(QStringLiteral("700126"), [&](const ApiError& e) { done = !e.isError(); });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(m_server->requests().size(), 1);
        const Request& r = m_server->requests().first();
        QCOMPARE(r.header("x-acs-action"), QByteArray("StopServerIdeInstance"));
        QCOMPARE(r.queryItems(), (QList<QPair<QByteArray, QByteArray>>{{"InstanceId", "700126"}}));
        QVERIFY(r.formValue("InstanceId").isEmpty());
        QVERIFY(!r.body.contains("InstanceId"));
    }
};

QTEST_GUILESS_MAIN(TestDataWorksClient)
#include "test_dataworksclient.moc"
