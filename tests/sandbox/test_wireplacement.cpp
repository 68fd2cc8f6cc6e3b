// RoleDesk's real requests, captured at a strict sandbox, against the official SDK's placement of every parameter
// (dataworks-public 2024-05-18: the TypeScript SDK's client.ts and the Java async SDK's @Query/@Body annotations;
// shared/reference/dataworks-api.md "Where each parameter travels"), for every DataWorks action RoleDesk sends.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "model/CredentialConfigMapping.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// The facts, written out for this test: action -> (query parameters, body parameters RoleDesk may send).
struct Placement
{
    QStringList query;
    QStringList body;
};
const QHash<QString, Placement>& sdkPlacement()
{
    static const QHash<QString, Placement> table = {
        {u"ListProjects"_s,
         {{},
          {u"AliyunResourceGroupId"_s, u"AliyunResourceTags"_s, u"DevEnvironmentEnabled"_s, u"DevRoleDisabled"_s,
           u"PaiTaskEnabled"_s, u"Ids"_s, u"Names"_s, u"PageNumber"_s, u"PageSize"_s, u"Status"_s}}},
        {u"ListProjectMembers"_s, {{}, {u"PageNumber"_s, u"PageSize"_s, u"ProjectId"_s, u"RoleCodes"_s, u"UserIds"_s}}},
        {u"ListServerIdeInstances"_s,
         {{},
          {u"Keyword"_s, u"MaxResults"_s, u"NextToken"_s, u"PageNumber"_s, u"PageSize"_s, u"ProjectId"_s,
           u"RelatedUserId"_s, u"ResourceGroupId"_s, u"SubType"_s}}},
        {u"GetServerIdeInstance"_s, {{}, {u"InstanceId"_s}}},
        {u"UpdateServerIdeInstance"_s,
         {{u"InstanceId"_s},
          {u"CredentialConfig"_s, u"Cu"_s, u"Datasets"_s, u"ImageId"_s, u"ImageUrl"_s, u"InstanceName"_s,
           u"ProjectId"_s, u"UserVpc"_s}}},
        {u"CreateServerIdeInstance"_s,
         {{},
          {u"CredentialConfig"_s, u"Datasets"_s, u"UserCommand"_s, u"UserVpc"_s, u"Cu"_s, u"ImageId"_s, u"ImageUrl"_s,
           u"InstanceName"_s, u"Owner"_s, u"ProjectId"_s, u"ResourceGroupId"_s}}},
        {u"StartServerIdeInstance"_s, {{u"InstanceId"_s}, {}}},
        {u"StopServerIdeInstance"_s, {{u"InstanceId"_s}, {}}},
        {u"DeleteServerIdeInstance"_s, {{u"InstanceId"_s}, {}}},
    };
    return table;
}
} // namespace

class TestWirePlacement : public QObject
{
    Q_OBJECT

private slots:
    void everyDataWorksActionMatchesTheSdk()
    {
        Sandbox sandbox;
        Sandbox::Options options;
        options.transitionDelayMs = 0;
        QString error;
        QVERIFY2(sandbox.load(options, &error), qPrintable(error));
        QVERIFY(sandbox.engine()->strictPlacement());
        const QUrl base = sandbox.start();
        QVERIFY(base.isValid());
        Endpoints endpoints(sandbox.region());
        endpoints.setEndpointOverride(base);
        const Credential admin(sandbox.accessKeyId(), sandbox.accessKeySecret(), {}, {}, u"sandbox admin"_s);
        ApiClient api(endpoints, [admin] { return admin; });
        DataWorksClient dw(&api);

        int pending = 0;
        QStringList failures;
        const auto expectOk = [&](const QString& what) {
            ++pending;
            return [&, what](const ApiError& e) {
                if (e.isError())
                    failures << what + u": "_s + e.toString();
                --pending;
            };
        };
        dw.listProjects(
            [&, done = expectOk(u"ListProjects"_s)](const QList<Workspace>&, const ApiError& e) { done(e); });
        dw.listProjectMembers(10001, [&, done = expectOk(u"ListProjectMembers"_s)](const QList<ProjectMember>&,
                                                                                   const ApiError& e) { done(e); });
        ServerIdeFilter filter;
        filter.projectId = 10001;
        filter.keyword = u"li"_s;
        filter.relatedUserId = u"209332215761427301"_s;
        filter.resourceGroupId = u"9876543210"_s;
        filter.subType = u"PERSONAL_DEV"_s;
        ServerIdeListing* pages = dw.listServerIdeInstances(filter);
        ServerIdeListing::Options tokenPaging;
        tokenPaging.paging = ServerIdeListing::Paging::NextToken;
        tokenPaging.pageSize = 20;
        ServerIdeListing* tokens = dw.listServerIdeInstances({}, tokenPaging);
        QTRY_VERIFY_WITH_TIMEOUT(pending == 0 && pages->isFinished() && tokens->isFinished(), 30000);
        QVERIFY2(!pages->error().isError(), qPrintable(pages->error().toString()));
        QVERIFY2(!tokens->error().isError(), qPrintable(tokens->error().toString()));
        dw.getServerIdeInstance(u"700104"_s,
                                [&, done = expectOk(u"Get"_s)](const Environment&, const ApiError& e) { done(e); });
        dw.updateCredentialConfig(u"700104"_s, CredentialConfigMapping::toJson(RoleAssociation::dataWorksDefault()),
                                  [&, done = expectOk(u"Update"_s)](const QString&, const ApiError& e) { done(e); });
        QString created;
        dw.createServerIdeInstance(
            10001, u"9876543210"_s, u"wire_check"_s,
            {{u"Cu"_s, u"4"_s},
             {u"CredentialConfig"_s,
              CredentialConfigMapping::serialize(CredentialConfigMapping::toJson(RoleAssociation::none()))}},
            [&, done = expectOk(u"Create"_s)](const QString& id, const ApiError& e) {
                created = id;
                done(e);
            });
        QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 30000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        dw.stopServerIdeInstance(u"700101"_s, expectOk(u"Stop"_s));
        dw.startServerIdeInstance(u"700102"_s, expectOk(u"Start"_s)); // Stopped in the seed
        dw.deleteServerIdeInstance(created, expectOk(u"Delete"_s));
        QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 30000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

        QSet<QString> seen;
        for (const SandboxEngine::PopPlacement& p : sandbox.engine()->recentPlacements()) {
            const auto fact = sdkPlacement().constFind(p.action);
            QVERIFY2(fact != sdkPlacement().cend(),
                     qPrintable(u"RoleDesk sent an action this test does not know: "_s + p.action));
            seen.insert(p.action);
            for (const QString& name : p.query)
                QVERIFY2(fact->query.contains(name), qPrintable(p.action + u": "_s + name + u" in the query"_s));
            for (const QString& name : p.body)
                QVERIFY2(fact->body.contains(name), qPrintable(p.action + u": "_s + name + u" in the body"_s));
            for (const QString& name : fact->query)
                QVERIFY2(p.query.contains(name), qPrintable(p.action + u": "_s + name + u" missing from the query"_s));
        }
        QCOMPARE(seen.size(), sdkPlacement().size());
        // The listing's filters all travel, in the body.
        bool filtered = false;
        for (const SandboxEngine::PopPlacement& p : sandbox.engine()->recentPlacements())
            if (p.action == u"ListServerIdeInstances"_s && p.body.contains(u"RelatedUserId"_s))
                filtered = p.body.contains(u"ProjectId"_s) && p.body.contains(u"Keyword"_s) &&
                           p.body.contains(u"ResourceGroupId"_s) && p.body.contains(u"SubType"_s);
        QVERIFY(filtered);
        sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestWirePlacement)
#include "test_wireplacement.moc"
