// RoleDesk's own clients (core/api, core/credentials) end to end against the sandbox on loopback:
// listing with both paging styles, the role change, STS, MaxCompute, the credentials URI, and faults.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/MaxComputeClient.h"
#include "api/RoleChange.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/UriCredentialProvider.h"
#include "model/RoleAssociation.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestSandboxEndToEnd : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox> m_sandbox;
    QUrl m_base;

    std::unique_ptr<ApiClient> client(const Credential& credential)
    {
        Endpoints endpoints(m_sandbox->region());
        endpoints.setEndpointOverride(m_base);
        auto api = std::make_unique<ApiClient>(endpoints, [credential] { return credential; });
        ApiClient::Options options;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 200;
        options.timeoutMs = 20000;
        api->setOptions(options);
        return api;
    }
    Credential admin() const
    {
        return Credential(m_sandbox->accessKeyId(), m_sandbox->accessKeySecret(), {}, {}, u"sandbox admin"_s);
    }

private slots:
    void init()
    {
        m_sandbox = std::make_unique<Sandbox>();
        m_base = m_sandbox->start();
        QVERIFY(m_base.isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void listsEveryEnvironmentBothWays()
    {
        auto api = client(admin());
        DataWorksClient dw(api.get());
        for (const auto paging : {ServerIdeListing::Paging::PageNumber, ServerIdeListing::Paging::NextToken}) {
            ServerIdeListing::Options options;
            options.paging = paging;
            options.pageSize = 7;
            ServerIdeListing* listing = dw.listServerIdeInstances({}, options);
            QTRY_VERIFY_WITH_TIMEOUT(listing->isFinished(), 30000);
            QVERIFY2(!listing->error().isError(), qPrintable(listing->error().toString()));
            QCOMPARE(listing->environments().size(), 40);
            listing->deleteLater();
        }
        ServerIdeFilter filter;
        filter.projectId = 10005;
        ServerIdeListing* listing = dw.listServerIdeInstances(filter);
        QTRY_VERIFY_WITH_TIMEOUT(listing->isFinished(), 30000);
        QCOMPARE(listing->environments().size(), 10);
    }

    void setRoleRoundTrip()
    {
        auto api = client(admin());
        DataWorksClient dw(api.get());
        bool done = false;
        Environment shown;
        dw.getServerIdeInstance(u"700104"_s, [&](const Environment& e, const ApiError& error) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            shown = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(shown.role.isNone());
        // The one core role change, confirmed up front as a bulk run or `role set --yes` does.
        RoleChange change(&dw, nullptr, nullptr);
        RoleChange::Request request;
        request.instanceId = shown.instanceId;
        request.requested = RoleAssociation::customRole(u"acs:ram::1380246718450127:role/DataWorksDevRetailReader"_s);
        request.expectedUpdateTimeMs = shown.updateTimeMs;
        request.confirmedUpFront = true;
        RoleChange::Result result;
        done = false;
        change.run(request, {}, [&](const RoleChange::Result& r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY2(result.outcome == RoleChange::Outcome::Applied, qPrintable(result.message));
        QVERIFY(result.after.role.isCustomRole());
        QVERIFY(result.after.updateTimeMs > shown.updateTimeMs);
        QVERIFY(!result.requestId.isEmpty());
        // The stale copy is now refused as a conflict.
        request.requested = RoleAssociation::dataWorksDefault();
        done = false;
        change.run(request, {}, [&](const RoleChange::Result& r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(result.outcome, RoleChange::Outcome::Conflict);
        QCOMPARE(result.error.kind, ApiError::Kind::Conflict);
    }

    void credentialsUriThenStsAndMaxCompute()
    {
        // The environment's credentials service, read by RoleDesk's URI provider.
        CredentialContext context;
        UriCredentialProvider provider(context, m_sandbox->credentialsUri(u"700101"_s));
        CredentialResult fetched;
        bool done = false;
        provider.fetch([&](const CredentialResult& r) {
            fetched = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(fetched.ok());
        QVERIFY(fetched.credential.isSts());

        auto api = client(fetched.credential);
        StsClient sts(api.get());
        done = false;
        CallerIdentity identity;
        sts.getCallerIdentity([&](const CallerIdentity& id, const ApiError& error) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            identity = id;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(identity.identityType, u"AssumedRoleUser"_s);
        QVERIFY(identity.arn.contains(u":assumed-role/SandboxDataWorksDefaultRole/"_s));

        // The default role reads the owner's (li.wei's) projects and nothing else.
        MaxComputeClient odps(api.get());
        done = false;
        int tables = 0;
        odps.listTables(u"retail_dw"_s, [&](const QList<MaxComputeTable>& t, const ApiError& error) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            tables = int(t.size());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(tables, 12);
        done = false;
        ApiError denied;
        odps.listTables(u"risk_ml"_s, [&](const QList<MaxComputeTable>&, const ApiError& error) {
            denied = error;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(denied.code, u"AccessDenied"_s);
    }

    void assumeRoleAndMarkerPaging()
    {
        auto adminApi = client(admin());
        StsClient sts(adminApi.get());
        AssumeRoleRequest request;
        request.roleArn = u"acs:ram::1380246718450127:role/OpsBreakGlassRole"_s;
        request.roleSessionName = u"roledesk-e2e"_s;
        Credential assumed;
        bool done = false;
        sts.assumeRole(request, [&](const Credential& c, const ApiError& error) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            assumed = c;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(assumed.isSts());

        auto api = client(assumed);
        MaxComputeClient odps(api.get());
        done = false;
        int tables = 0;
        odps.listTables(u"risk_ml"_s, [&](const QList<MaxComputeTable>& t, const ApiError& error) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            tables = int(t.size());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(tables, 250);

        request.roleArn = u"acs:ram::1380246718450127:role/DataWorksDevRetailReader"_s;
        done = false;
        ApiError refused;
        sts.assumeRole(request, [&](const Credential&, const ApiError& error) {
            refused = error;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(refused.code, u"NoPermission"_s);
    }

    void faults()
    {
        auto api = client(admin());
        DataWorksClient dw(api.get());
        StsClient sts(api.get());

        // Throttling: the client backs off (with its default schedule) and gets through.
        auto patientApi = client(admin());
        patientApi->setOptions(ApiClient::Options());
        DataWorksClient patient(patientApi.get());
        SandboxFaults f;
        f.throttleRequestsPerSecond = 2;
        m_sandbox->setFaults(f);
        ServerIdeListing::Options options;
        options.pageSize = 10;
        ServerIdeListing* listing = patient.listServerIdeInstances({}, options);
        QTRY_VERIFY_WITH_TIMEOUT(listing->isFinished(), 60000);
        QVERIFY2(!listing->error().isError(), qPrintable(listing->error().toString()));
        QCOMPARE(listing->environments().size(), 40);

        // Every answer a 503: retried, then a service error.
        f = {};
        f.errorRate = 1.0;
        m_sandbox->setFaults(f);
        bool done = false;
        ApiError error;
        sts.getCallerIdentity([&](const CallerIdentity&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QCOMPARE(error.kind, ApiError::Kind::Service);
        QCOMPARE(error.code, u"ServiceUnavailable"_s);

        // Malformed answers are reported as such, not as success.
        f = {};
        f.malformedRate = 1.0;
        m_sandbox->setFaults(f);
        done = false;
        sts.getCallerIdentity([&](const CallerIdentity&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY(error.isError());

        // Latency: slower, still correct.
        f = {};
        f.latencyMs = 100;
        m_sandbox->setFaults(f);
        done = false;
        sts.getCallerIdentity([&](const CallerIdentity& id, const ApiError& e) {
            error = e;
            QCOMPARE(id.accountId, m_sandbox->accountId());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));

        // A credentials-service outage.
        f = {};
        f.credentialsOutageUntil = QDateTime::currentDateTimeUtc().addSecs(600);
        m_sandbox->setFaults(f);
        CredentialContext context;
        UriCredentialProvider provider(context, m_sandbox->credentialsUri(u"700101"_s));
        CredentialResult fetched;
        done = false;
        provider.fetch([&](const CredentialResult& r) {
            fetched = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(!fetched.ok());
    }
};

QTEST_GUILESS_MAIN(TestSandboxEndToEnd)
#include "test_sandboxendtoend.moc"
