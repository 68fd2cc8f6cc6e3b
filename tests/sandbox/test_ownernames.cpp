// Owners by name: DataWorks ListProjectMembers (2024-05-18) in the sandbox, validated as the SDK model describes the
// request, read by DataWorksClient page by page, and resolved once per workspace by OwnerDirectory, with the fall-back
// to account ids (and the reason) when the caller may not list members.
#include "MockClock.h"
#include "Sandbox.h"
#include "SandboxEngine.h"
#include "SignedRequests.h"
#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace SignedRequests;
using namespace Qt::StringLiterals;

namespace {
const QString kLiWei = u"209332215761427301"_s; // seed: owner of retail_dw (10001) and of 700101
} // namespace

class TestOwnerNames : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC)};

    std::unique_ptr<SandboxEngine> engine()
    {
        auto e = std::make_unique<SandboxEngine>(&m_clock);
        QFile seed(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        if (!seed.open(QIODevice::ReadOnly))
            return {};
        QString error;
        if (!e->loadSeed(seed.readAll(), &error))
            return {};
        e->setStrictPlacement(true);
        return e;
    }

private slots:
    // The request as the SDK model has it: ProjectId required (int64), PageSize 1..100, RoleCodes/UserIds JSON arrays
    // of strings, all in the form body; an unknown workspace is refused.
    void sandboxValidatesTheRequest()
    {
        auto e = engine();
        QVERIFY(e);
        const Key admin{e->accessKeyId().toUtf8(), e->accessKeySecret().toUtf8(), {}};
        const auto call = [&](const Pairs& params) {
            return json(e->handle(v3("ListProjectMembers", "2024-05-18", params, admin, m_clock.nowUtc())));
        };
        QCOMPARE(call({}).value(u"Code").toString(), u"MissingProjectId"_s);
        QCOMPARE(call({{"ProjectId", "abc"}}).value(u"Code").toString(), u"InvalidParameter"_s);
        QCOMPARE(call({{"ProjectId", "10001"}, {"PageSize", "101"}}).value(u"Code").toString(), u"InvalidParameter"_s);
        QCOMPARE(call({{"ProjectId", "10001"}, {"UserIds", "209332215761427301"}}).value(u"Code").toString(),
                 u"InvalidParameter"_s);
        QCOMPARE(call({{"ProjectId", "99999"}}).value(u"Code").toString(), u"Invalid.Tenant.ProjectNotExist"_s);

        const QJsonObject answer = call({{"ProjectId", "10001"}, {"UserIds", "[\"209332215761427301\"]"}});
        const QJsonObject paging = answer.value(u"PagingInfo").toObject();
        QCOMPARE(paging.value(u"TotalCount").toInt(), 1);
        const QJsonObject member = paging.value(u"ProjectMembers").toArray().at(0).toObject();
        QCOMPARE(member.value(u"UserId").toString(), kLiWei);
        QCOMPARE(member.value(u"UserName").toString(), u"li.wei"_s);
        QCOMPARE(member.value(u"ProjectId").toInteger(), 10001);
        QCOMPARE(member.value(u"Status").toString(), u"Normal"_s);
        QCOMPARE(member.value(u"Roles").toArray().at(0).toObject().value(u"Code").toString(), u"role_project_owner"_s);
        // A filter by role code.
        const QJsonArray admins = call({{"ProjectId", "10001"}, {"RoleCodes", "[\"role_project_admin\"]"}})
                                      .value(u"PagingInfo")
                                      .toObject()
                                      .value(u"ProjectMembers")
                                      .toArray();
        QCOMPARE(admins.size(), 1);

        // A parameter in the query string where the SDK sends it in the body is refused (strict placement).
        V3Options inQuery;
        inQuery.formBody = false;
        const SandboxResponse misplaced = e->handle(
            v3("ListProjectMembers", "2024-05-18", {{"ProjectId", "10001"}}, admin, m_clock.nowUtc(), inQuery));
        QCOMPARE(json(misplaced).value(u"Code").toString(), u"MissingParameter"_s);

        e->setMemberListingAllowed(false);
        const SandboxResponse refused =
            e->handle(v3("ListProjectMembers", "2024-05-18", {{"ProjectId", "10001"}}, admin, m_clock.nowUtc()));
        QCOMPARE(refused.status, 403);
        QCOMPARE(json(refused).value(u"Code").toString(), u"NoPermission"_s);
    }

    // Over loopback HTTP: the client follows the pages, the directory resolves each workspace once (cached), fills
    // the environments' names, and falls back to ids with the reason when the caller may not list members.
    void clientPagesAndDirectoryCaches()
    {
        Sandbox sandbox;
        Sandbox::Options options;
        options.transitionDelayMs = 0;
        QString error;
        QVERIFY2(sandbox.load(options, &error), qPrintable(error));
        const QUrl base = sandbox.start();
        QVERIFY(base.isValid());
        Endpoints endpoints(sandbox.region());
        endpoints.setEndpointOverride(base);
        const Credential admin(sandbox.accessKeyId(), sandbox.accessKeySecret(), {}, {}, u"sandbox admin"_s);
        ApiClient api(endpoints, [admin] { return admin; });
        DataWorksClient dw(&api);

        // PageSize 2: several pages, every member once.
        QList<ProjectMember> members;
        bool answered = false;
        dw.listProjectMembers(
            10001,
            [&](const QList<ProjectMember>& m, const ApiError& e) {
                QVERIFY2(!e.isError(), qPrintable(e.toString()));
                members = m;
                answered = true;
            },
            2);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QVERIFY(members.size() > 2);
        QSet<QString> ids;
        for (const ProjectMember& m : members)
            ids.insert(m.userId);
        QCOMPARE(ids.size(), members.size());
        const qint64 before = sandbox.requestCount();

        OwnerDirectory owners(&dw);
        bool done = false;
        owners.resolve({10001, 10002}, [&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QCOMPARE(owners.name(10001, kLiWei), u"li.wei"_s);
        QVERIFY(owners.unavailableReason(10001).isEmpty());
        QCOMPARE(sandbox.requestCount() - before, 2); // one page of 100 per workspace

        // Cached: asking again sends nothing.
        done = false;
        owners.resolve({10001, 10002}, [&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(sandbox.requestCount() - before, 2);

        QList<Environment> envs(1);
        envs[0].instanceId = u"700101"_s;
        envs[0].projectId = 10001;
        envs[0].ownerId = kLiWei;
        owners.fill(&envs);
        QCOMPARE(envs[0].ownerName, u"li.wei"_s);

        // A caller that may not list members: ids stay, and the reason says why.
        sandbox.engine()->setMemberListingAllowed(false);
        OwnerDirectory refused(&dw);
        done = false;
        refused.resolve({10001}, [&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY(refused.name(10001, kLiWei).isEmpty());
        const QString reason = refused.unavailableReason(10001);
        QVERIFY2(reason.contains(u"may not list"_s) && reason.contains(u"NoPermission"_s) &&
                     reason.contains(u"10001"_s),
                 qPrintable(reason));
        QCOMPARE(refused.unavailableReasons(), QStringList{reason});
        QList<Environment> unresolved = envs;
        unresolved[0].ownerName.clear();
        refused.fill(&unresolved);
        QVERIFY(unresolved[0].ownerName.isEmpty());
        sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestOwnerNames)
#include "test_ownernames.moc"
