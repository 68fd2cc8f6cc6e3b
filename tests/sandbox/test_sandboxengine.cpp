// The simulated services without a socket: routing, paging, filters, signatures, permissions,
// lifecycle, the credentials service and faults, all on a MockClock.
#include "MockClock.h"
#include "SandboxEngine.h"
#include "SecretScanner.h"
#include "SignedRequests.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace SignedRequests;
using namespace Qt::StringLiterals;

class TestSandboxEngine : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<SandboxEngine> m_engine;
    Key m_admin;

    QDateTime now() const { return m_clock.nowUtc(); }
    SandboxResponse call(const QByteArray& action, const QByteArray& version, const Pairs& params = {},
                         const Key* key = nullptr)
    {
        return m_engine->handle(v3(action, version, params, key ? *key : m_admin, now()));
    }
    SandboxResponse dw(const QByteArray& action, const Pairs& params = {}, const Key* key = nullptr)
    {
        return call(action, "2024-05-18", params, key);
    }
    static QString code(const SandboxResponse& r) { return json(r).value(u"Code").toString(); }
    Key envKey(const QString& instanceId)
    {
        SandboxIssuedCredential c;
        QString error;
        if (!m_engine->currentEnvironmentCredential(instanceId, &c, &error))
            qWarning() << "no credential:" << error;
        return {c.accessKeyId.toUtf8(), c.accessKeySecret.toUtf8(), c.securityToken.toUtf8()};
    }
    Key assume(const QByteArray& roleName)
    {
        const SandboxResponse r =
            call("AssumeRole", "2015-04-01",
                 {{"RoleArn", "acs:ram::1380246718450127:role/" + roleName}, {"RoleSessionName", "test-session"}});
        const QJsonObject c = json(r).value(u"Credentials").toObject();
        return {c.value(u"AccessKeyId").toString().toUtf8(), c.value(u"AccessKeySecret").toString().toUtf8(),
                c.value(u"SecurityToken").toString().toUtf8()};
    }
    SandboxResponse getCredentials(const QString& instanceId)
    {
        SandboxRequest r;
        r.path = QUrl(m_engine->credentialsUri(instanceId)).path().toUtf8();
        return m_engine->handle(r);
    }

private slots:
    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC));
        m_engine = std::make_unique<SandboxEngine>(&m_clock);
        QFile seed(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(m_engine->loadSeed(seed.readAll(), &error), qPrintable(error));
        m_engine->setBaseUrl(u"http://127.0.0.1:8080"_s);
        m_engine->setTransitionDelayMs(2000);
        // As strict as every sandbox RoleDesk starts for itself.
        m_engine->setStrictPlacement(true);
        m_admin = {m_engine->accessKeyId().toUtf8(), m_engine->accessKeySecret().toUtf8(), {}};
    }

    // The SDK model's ListProjects filters and fields, ResourceGroupId's string forms, and instance answers with the
    // model's fields only.
    void projectFiltersAndModelFields()
    {
        const auto projects = [&](const Pairs& params) {
            return json(dw("ListProjects", params)).value(u"PagingInfo").toObject().value(u"Projects").toArray();
        };
        QCOMPARE(projects({{"PageSize", "100"}}).size(), 5);
        const QJsonArray byIds = projects({{"Ids", "[10002,10004]"}, {"PageSize", "100"}});
        QCOMPARE(byIds.size(), 2);
        QCOMPARE(byIds.at(0).toObject().value(u"Id").toInteger(), 10002);
        QCOMPARE(projects({{"Names", "[\"iot_stream\"]"}}).size(), 1);
        QCOMPARE(projects({{"Status", "NoSuchStatus"}}).size(), 0);
        QCOMPARE(projects({{"DevEnvironmentEnabled", "true"}, {"PageSize", "100"}}).size() +
                     projects({{"DevEnvironmentEnabled", "false"}, {"PageSize", "100"}}).size(),
                 5);
        QCOMPARE(code(dw("ListProjects", {{"Ids", "10002"}})), u"InvalidParameter"_s);
        const QJsonObject project = projects({}).at(0).toObject();
        QVERIFY(project.contains(u"AliyunResourceGroupId"));
        QVERIFY(project.value(u"AliyunResourceTags").isArray());

        const auto total = [&](const QByteArray& group) {
            return json(dw("ListServerIdeInstances", {{"ResourceGroupId", group}}))
                .value(u"PagingInfo")
                .toObject()
                .value(u"TotalCount")
                .toInt();
        };
        const int plain = total("9876543210");
        QVERIFY(plain > 0);
        QCOMPARE(total("Serverless_res_group_1380246718450127_9876543210"), plain);
        QCOMPARE(code(dw("ListServerIdeInstances", {{"ResourceGroupId", "group-x"}})), u"InvalidParameter"_s);

        const QJsonObject instance =
            json(dw("GetServerIdeInstance", {{"InstanceId", "700103"}})).value(u"Instance").toObject();
        QVERIFY(!instance.contains(u"SubType"));
        const QJsonArray datasets = instance.value(u"Datasets").toArray();
        QVERIFY(!datasets.isEmpty());
        QVERIFY(datasets.at(0).toObject().contains(u"ExtOptions"));
        QVERIFY(datasets.at(0).toObject().value(u"Version").isDouble());
    }

    // Strict placement: a parameter where the official SDK does not put it is refused, naming it; tolerant (the
    // gateway's known behaviour for RPC parameters) takes either place. The log says where each parameter came.
    void strictPlacementNamesTheMisplacedParameter()
    {
        V3Options allInQuery;
        allInQuery.formBody = false;
        const auto send = [&](const QByteArray& action, const Pairs& params, const V3Options& options) {
            return m_engine->handle(v3(action, "2024-05-18", params, m_admin, m_clock.nowUtc(), options));
        };
        // InstanceId of a read belongs in the body, of a write in the query.
        SandboxResponse r = send("GetServerIdeInstance", {{"InstanceId", "700101"}}, allInQuery);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), u"MissingParameter"_s);
        QVERIFY(json(r).value(u"Message").toString().contains(u"\"InstanceId\""_s));
        V3Options sdk; // sdkPutsInQuery: InstanceId of Stop in the query
        QCOMPARE(send("StopServerIdeInstance", {{"InstanceId", "700101"}}, sdk).status, 200);
        QCOMPARE(send("GetServerIdeInstance", {{"InstanceId", "700101"}}, sdk).status, 200);
        const SandboxEngine::PopPlacement stop =
            m_engine->recentPlacements().at(m_engine->recentPlacements().size() - 2);
        QCOMPARE(stop.action, u"StopServerIdeInstance"_s);
        QCOMPARE(stop.query, QStringList{u"InstanceId"_s});
        QVERIFY(stop.body.isEmpty());
        // A write's InstanceId in the body, as RoleDesk used to send it: refused while strict.
        Signing::BytePairList body = {{"InstanceId", "700102"}, {"InstanceName", "x"}};
        {
            // Build it by hand: everything in the form body.
            Signing::V3Input in;
            SandboxRequest req;
            req.method = "POST";
            req.path = "/";
            req.body = formEncode(body);
            req.headers = {{"host", "127.0.0.1:8080"},
                           {"x-acs-action", "UpdateServerIdeInstance"},
                           {"x-acs-version", "2024-05-18"},
                           {"x-acs-date", Signing::isoTimestamp(m_clock.nowUtc())},
                           {"x-acs-signature-nonce", nonce()},
                           {"x-acs-content-sha256", Signing::hexSha256(req.body)},
                           {"content-type", "application/x-www-form-urlencoded"}};
            in.method = "POST";
            in.path = "/";
            in.headers = req.headers;
            in.payloadHashHex = Signing::hexSha256(req.body);
            req.headers.append(qMakePair(QByteArray("authorization"),
                                         QByteArray(Signing::signV3(in, m_admin.id, m_admin.secret).authorization)));
            r = m_engine->handle(req);
            QCOMPARE(code(r), u"MissingParameter"_s);
            m_engine->setStrictPlacement(false);
            req.headers.last() = qMakePair(QByteArray("authorization"), QByteArray());
            in.headers = req.headers.mid(0, req.headers.size() - 1);
            for (auto& h : in.headers)
                if (h.first == "x-acs-signature-nonce")
                    h.second = nonce();
            req.headers = in.headers;
            req.headers.append(qMakePair(QByteArray("authorization"),
                                         QByteArray(Signing::signV3(in, m_admin.id, m_admin.secret).authorization)));
            r = m_engine->handle(req);
            QCOMPARE(r.status, 200); // tolerant: either place
        }
        QCOMPARE(send("GetServerIdeInstance", {{"InstanceId", "700101"}}, allInQuery).status, 200);
    }

    void seedIsBelievable()
    {
        QCOMPARE(m_engine->accountId(), u"1380246718450127"_s);
        QVERIFY(m_engine->accessKeyId().startsWith(u"LTAI"_s));
        QCOMPARE(m_engine->environmentCount(), 40);
        int publicWithRole = 0;
        for (const auto& [id, isPublic] : m_engine->visibility()) {
            SandboxData::Environment e;
            QVERIFY(m_engine->environment(id, &e));
            if (isPublic && e.roleKind != SandboxData::RoleKind::None)
                ++publicWithRole;
        }
        QVERIFY(publicWithRole >= 3);
        const QJsonObject vis = QJsonDocument::fromJson(m_engine->visibilityJson()).object();
        const QJsonArray list = vis.value(u"environments").toArray();
        QCOMPARE(list.size(), 40);
        QCOMPARE(list.first().toObject().keys(), (QStringList{u"instanceId"_s, u"visibility"_s}));
    }

    void routing()
    {
        QCOMPARE(dw("ListProjects").status, 200);
        SandboxResponse r = dw("NoSuchAction");
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), u"InvalidAction.NotFound"_s);
        r = call("ListServerIdeInstances", "2020-05-18"); // the old version has no ServerIde operations
        QCOMPARE(code(r), u"InvalidAction.NotFound"_s);
        SandboxRequest other;
        other.path = "/elsewhere";
        QCOMPARE(m_engine->handle(other).status, 404);
        // The error body has exactly the fields the real services send, and every answer carries Date.
        QCOMPARE(json(r).keys(), (QStringList{u"Code"_s, u"HostId"_s, u"Message"_s, u"Recommend"_s, u"RequestId"_s}));
        QCOMPARE(header(r, "Date"), Signing::httpDate(now()));
        QVERIFY(!header(dw("ListProjects"), "Date").isEmpty());
    }

    void listProjects()
    {
        const QJsonObject paging =
            json(dw("ListProjects", {{"PageSize", "2"}, {"PageNumber", "2"}})).value(u"PagingInfo").toObject();
        QCOMPARE(paging.value(u"TotalCount").toInt(), 5);
        const QJsonArray projects = paging.value(u"Projects").toArray();
        QCOMPARE(projects.size(), 2);
        QCOMPARE(projects.first().toObject().value(u"Name").toString(), u"marketing_bi"_s);
        QVERIFY(projects.first().toObject().contains(u"DevRoleDisabled"));
    }

    void pagingByPageNumber()
    {
        QSet<QString> seen;
        for (int page = 1; page <= 5; ++page) {
            const QJsonObject body =
                json(dw("ListServerIdeInstances", {{"PageNumber", QByteArray::number(page)}, {"PageSize", "9"}}));
            const QJsonObject paging = body.value(u"PagingInfo").toObject();
            QCOMPARE(paging.value(u"TotalCount").toInt(), 40);
            QCOMPARE(paging.value(u"PageNumber").toInt(), page);
            for (const QJsonValue& v : paging.value(u"Instances").toArray())
                seen.insert(v.toObject().value(u"InstanceId").toString());
        }
        QCOMPARE(seen.size(), 40);
        QCOMPARE(code(dw("ListServerIdeInstances", {{"PageSize", "500"}})), u"InvalidParameter"_s);
    }

    void pagingByNextToken()
    {
        QSet<QString> seen;
        QByteArray token;
        int requests = 0;
        do {
            Pairs params{{"MaxResults", "7"}};
            if (!token.isEmpty())
                params.append(qMakePair(QByteArray("NextToken"), QByteArray(token)));
            const QJsonObject body = json(dw("ListServerIdeInstances", params));
            QCOMPARE(body.value(u"MaxResults").toInt(), 7);
            for (const QJsonValue& v : body.value(u"PagingInfo").toObject().value(u"Instances").toArray())
                seen.insert(v.toObject().value(u"InstanceId").toString());
            token = body.value(u"NextToken").toString().toUtf8();
            QVERIFY(++requests < 20);
        } while (!token.isEmpty());
        QCOMPARE(requests, 6);
        QCOMPARE(seen.size(), 40);
        QCOMPARE(code(dw("ListServerIdeInstances", {{"NextToken", "garbage"}})), u"InvalidParameter.NextToken"_s);
    }

    // Instances are written as text by the sandbox (no QJsonObject per request): the listing and
    // GetServerIdeInstance write the same object, follow every change at once, and the decoy key and token in
    // UserInfo are stable per environment, distinct between environments and shaped like real ones.
    void listedInstancesMatchGetAndFollowChanges()
    {
        const auto listAll = [this] {
            QHash<QString, QJsonObject> byId;
            const QJsonArray instances = json(dw("ListServerIdeInstances", {{"PageSize", "100"}}))
                                             .value(u"PagingInfo")
                                             .toObject()
                                             .value(u"Instances")
                                             .toArray();
            for (const QJsonValue& v : instances)
                byId.insert(v.toObject().value(u"InstanceId").toString(), v.toObject());
            return byId;
        };
        const auto userInfo = [](const QJsonObject& instance) {
            return instance.value(u"CredentialConfig")
                .toObject()
                .value(u"Configs")
                .toArray()
                .first()
                .toObject()
                .value(u"Roles")
                .toArray()
                .first()
                .toObject()
                .value(u"UserInfo")
                .toObject();
        };
        const QHash<QString, QJsonObject> first = listAll();
        QCOMPARE(first.size(), 40);
        QCOMPARE(listAll(), first); // deterministic, decoys included
        static const QRegularExpression keyShape(u"^STS\\.N[1-9A-HJ-NP-Za-km-z]{24}$"_s);
        static const QRegularExpression tokenShape(u"^CAIS[0-9A-Za-z]{380}$"_s);
        QSet<QString> decoyKeys, decoyTokens;
        int withRole = 0;
        for (auto it = first.cbegin(); it != first.cend(); ++it) {
            const QJsonObject got =
                json(dw("GetServerIdeInstance", {{"InstanceId", it.key().toUtf8()}})).value(u"Instance").toObject();
            QCOMPARE(got, it.value());
            const QJsonObject info = userInfo(it.value());
            if (info.isEmpty())
                continue;
            ++withRole;
            QCOMPARE(info.value(u"Id").toString(), it.value().value(u"OwnerId").toString());
            const QString key = info.value(u"AccessKeyId").toString();
            const QString token = info.value(u"SecurityToken").toString();
            QVERIFY2(keyShape.match(key).hasMatch(), qPrintable(key));
            QVERIFY2(tokenShape.match(token).hasMatch(), qPrintable(token));
            decoyKeys.insert(key);
            decoyTokens.insert(token);
        }
        QVERIFY(withRole >= 5);
        QCOMPARE(decoyKeys.size(), withRole);
        QCOMPARE(decoyTokens.size(), withRole);

        // A role change: the default role on an environment without one shows at once, with its decoy.
        const QString id = u"700104"_s;
        QVERIFY(userInfo(first.value(id)).isEmpty());
        m_clock.advanceSecond(5);
        // A chain that names the default role: the service fills UserInfo into every role it names.
        const QByteArray defaultRole =
            "{\"Enable\":true,\"AliyunEnvRoleKey\":\"0\",\"Configs\":[{\"Key\":\"0\","
            "\"Type\":\"RoleChain\",\"Roles\":[{\"RoleArn\":\"acs:ram::1380246718450127:role/"
            "SandboxDataWorksDefaultRole\",\"RoleType\":\"service\"}]}]}";
        QCOMPARE(dw("UpdateServerIdeInstance", {{"InstanceId", id.toUtf8()}, {"CredentialConfig", defaultRole}}).status,
                 200);
        QHash<QString, QJsonObject> after = listAll();
        const QJsonObject changed = after.value(id);
        QVERIFY(changed.value(u"UpdateTime").toDouble() > first.value(id).value(u"UpdateTime").toDouble());
        QVERIFY(keyShape.match(userInfo(changed).value(u"AccessKeyId").toString()).hasMatch());
        QCOMPARE(json(dw("GetServerIdeInstance", {{"InstanceId", id.toUtf8()}})).value(u"Instance").toObject(),
                 changed);
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            if (it.key() != id)
                QCOMPARE(after.value(it.key()), it.value());

        // A lifecycle step shows at once and settles by the clock.
        QString running;
        for (auto it = after.cbegin(); it != after.cend() && running.isEmpty(); ++it)
            if (it.value().value(u"Status").toString() == u"Running"_s)
                running = it.key();
        QVERIFY(!running.isEmpty());
        QCOMPARE(dw("StopServerIdeInstance", {{"InstanceId", running.toUtf8()}}).status, 200);
        QCOMPARE(listAll().value(running).value(u"Status").toString(), u"Stopping"_s);
        m_clock.advanceSecond(3);
        QCOMPARE(listAll().value(running).value(u"Status").toString(), u"Stopped"_s);
    }

    void filters_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("ProjectId") << QByteArray("ProjectId") << QByteArray("10002") << 8;
        QTest::newRow("RelatedUserId") << QByteArray("RelatedUserId") << QByteArray("209332215761427301") << 3;
        QTest::newRow("Keyword name") << QByteArray("Keyword") << QByteArray("LAB_") << 7;
        QTest::newRow("Keyword id") << QByteArray("Keyword") << QByteArray("700105") << 1;
        QTest::newRow("SubType") << QByteArray("SubType") << QByteArray("DATA_AGENT") << 3;
        QTest::newRow("ResourceGroupId") << QByteArray("ResourceGroupId") << QByteArray("9876543211") << 2;
    }
    void filters()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        const QJsonObject paging =
            json(dw("ListServerIdeInstances", {{name, value}, {"PageSize", "100"}})).value(u"PagingInfo").toObject();
        QCOMPARE(paging.value(u"TotalCount").toInt(), expected);
        QCOMPARE(paging.value(u"Instances").toArray().size(), expected);
    }

    void getAndUpdateCredentialConfig()
    {
        SandboxData::Environment e0;
        QJsonObject inst = json(dw("GetServerIdeInstance", {{"InstanceId", "700104"}})).value(u"Instance").toObject();
        QCOMPARE(inst.value(u"InstanceName").toString(), u"zhang_min_scratch"_s);
        QCOMPARE(inst.value(u"CredentialConfig").toObject().value(u"Enable").toBool(true), false);
        const qint64 before = qint64(inst.value(u"UpdateTime").toDouble());

        const QByteArray config = R"({"Enable":true,"AliyunEnvRoleKey":"0","Configs":[{"Key":"0","Type":"Role",)"
                                  R"("Roles":[{"RoleArn":"acs:ram::1380246718450127:role/DataWorksDevRetailReader",)"
                                  R"("RoleType":"service"}]}]})";
        m_clock.advanceSecond(5);
        SandboxResponse r = dw("UpdateServerIdeInstance", {{"InstanceId", "700104"}, {"CredentialConfig", config}});
        QCOMPARE(r.status, 200);
        inst = json(dw("GetServerIdeInstance", {{"InstanceId", "700104"}})).value(u"Instance").toObject();
        QVERIFY(qint64(inst.value(u"UpdateTime").toDouble()) > before);
        const QJsonObject cc = inst.value(u"CredentialConfig").toObject();
        QVERIFY(cc.value(u"Enable").toBool());
        const QJsonObject role =
            cc.value(u"Configs").toArray().first().toObject().value(u"Roles").toArray().first().toObject();
        QCOMPARE(role.value(u"RoleArn").toString(), u"acs:ram::1380246718450127:role/DataWorksDevRetailReader"_s);
        // The decoy live key the real answers carry.
        QVERIFY(role.value(u"UserInfo").toObject().value(u"AccessKeyId").toString().startsWith(u"STS."_s));
        QVERIFY(role.value(u"UserInfo").toObject().value(u"SecurityToken").toString().size() > 300);

        r = dw("UpdateServerIdeInstance",
               {{"InstanceId", "700104"},
                {"CredentialConfig", R"({"Enable":true,"Configs":[{"Key":"0","Type":"Role","Roles":[{"RoleArn":)"
                                     R"("acs:ram::1380246718450127:role/NoSuchRole","RoleType":"service"}]}]})"}});
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), u"EntityNotExist.Role"_s);
        // Judged by the SDK model, not by RoleDesk's mapping: a config the model allows is stored as written...
        r = dw("UpdateServerIdeInstance", {{"InstanceId", "700104"}, {"CredentialConfig", "{\"Enable\":true}"}});
        QCOMPARE(r.status, 200);
        QVERIFY(m_engine->environment(u"700104"_s, &e0));
        QCOMPARE(e0.credentialConfig, QByteArray("{\"Enable\":true}"));
        QCOMPARE(e0.roleKind, SandboxData::RoleKind::None); // nothing selected: the service serves nothing
        // ...and one it does not is refused, naming the member.
        const QList<QByteArray> invalid = {
            "{\"Enable\":\"yes\"}",
            "{\"Enable\":true,\"Configs\":[{\"Key\":\"0\",\"Type\":\"Oidc\"}]}",
            "{\"Enable\":true,\"Configs\":[{\"Key\":0,\"Type\":\"RoleChain\"}]}",
            "{\"Enable\":true,\"Configs\":[{\"Key\":\"0\",\"Type\":\"Role\",\"Roles\":[{\"RoleArn\":\"acs:ram::"
            "1380246718450127:"
            "role/DataWorksDevRetailReader\",\"RoleType\":\"robot\"}]}]}",
            "[1,2]",
        };
        for (const QByteArray& bad : invalid) {
            r = dw("UpdateServerIdeInstance", {{"InstanceId", "700104"}, {"CredentialConfig", bad}});
            QCOMPARE(r.status, 400);
            QCOMPARE(code(r), u"InvalidParameter.CredentialConfig"_s);
        }
        // UserInfo is the service's to fill in: a request that sends it back is refused (strict, as in every test).
        r = dw("UpdateServerIdeInstance",
               {{"InstanceId", "700104"},
                {"CredentialConfig",
                 "{\"Enable\":true,\"Configs\":[{\"Key\":\"0\",\"Type\":\"RoleChain\",\"Roles\":[{\"RoleArn\":"
                 "\"acs:ram::1:role/x\",\"UserInfo\":{\"AccessKeyId\":\"STS.x\"}}]}]}"}});
        QCOMPARE(code(r), u"InvalidParameter.CredentialConfig"_s);
        QVERIFY(json(r).value(u"Message").toString().contains(u"UserInfo"_s));
        // What the model allows beyond RoleDesk's own forms is stored and served as written (with UserInfo filled).
        const QByteArray restricted =
            "{\"AliyunEnvRoleKey\":\"1\",\"Configs\":[{\"Key\":\"0\",\"Type\":\"RoleChain\"},{\"Key\":\"1\","
            "\"Roles\":[{\"AssumeRoleFor\":\"1380246718450127\",\"Policy\":\"{\\\"Version\\\":\\\"1\\\"}\","
            "\"RoleArn\":\"acs:ram::1380246718450127:role/DataWorksDevRetailReader\",\"RoleType\":\"user\"}],"
            "\"Type\":\"Role\"}],\"Enable\":true}";
        QCOMPARE(dw("UpdateServerIdeInstance", {{"InstanceId", "700104"}, {"CredentialConfig", restricted}}).status,
                 200);
        QVERIFY(m_engine->environment(u"700104"_s, &e0));
        QCOMPARE(e0.credentialConfig, restricted);
        QCOMPARE(e0.roleKind, SandboxData::RoleKind::Custom);
        QCOMPARE(e0.customRoleName, u"DataWorksDevRetailReader"_s);
        QJsonObject served = json(dw("GetServerIdeInstance", {{"InstanceId", "700104"}}))
                                 .value(u"Instance")
                                 .toObject()
                                 .value(u"CredentialConfig")
                                 .toObject();
        QJsonObject servedRole =
            served.value(u"Configs").toArray().at(1).toObject().value(u"Roles").toArray().first().toObject();
        QCOMPARE(servedRole.value(u"Policy").toString(), QStringLiteral("{\"Version\":\"1\"}"));
        QCOMPARE(servedRole.value(u"RoleType").toString(), u"user"_s);
        QVERIFY(servedRole.value(u"UserInfo").toObject().value(u"AccessKeyId").toString().startsWith(u"STS."_s));
        servedRole.remove(u"UserInfo");
        QJsonArray servedConfigs = served.value(u"Configs").toArray();
        QJsonObject second = servedConfigs.at(1).toObject();
        second.insert(u"Roles", QJsonArray{servedRole});
        servedConfigs.replace(1, second);
        served.insert(u"Configs", servedConfigs);
        QCOMPARE(QJsonDocument(served).toJson(QJsonDocument::Compact), restricted);
        r = dw("UpdateServerIdeInstance", {{"InstanceId", "700104"}, {"CredentialConfig", R"({"Enable":false})"}});
        QCOMPARE(r.status, 200);
        SandboxData::Environment e = e0;
        QVERIFY(m_engine->environment(u"700104"_s, &e));
        QCOMPARE(e.roleKind, SandboxData::RoleKind::None);
        QCOMPARE(code(dw("GetServerIdeInstance", {{"InstanceId", "1"}})), u"NotFound.ServerIdeInstance"_s);
    }

    void lifecycle()
    {
        // 700101 li_wei_notebook is Running.
        QCOMPARE(code(dw("StartServerIdeInstance", {{"InstanceId", "700101"}})), u"InvalidStatus.ServerIdeInstance"_s);
        QCOMPARE(dw("StopServerIdeInstance", {{"InstanceId", "700101"}}).status, 200);
        SandboxData::Environment e;
        QVERIFY(m_engine->environment(u"700101"_s, &e));
        QCOMPARE(e.status, u"Stopping"_s);
        m_clock.advanceSecond(3);
        QVERIFY(m_engine->environment(u"700101"_s, &e));
        QCOMPARE(e.status, u"Stopped"_s);
        QCOMPARE(dw("StartServerIdeInstance", {{"InstanceId", "700101"}}).status, 200);
        QVERIFY(m_engine->environment(u"700101"_s, &e));
        QCOMPARE(e.status, u"Starting"_s);
        m_clock.advanceSecond(3);
        const QJsonObject inst =
            json(dw("GetServerIdeInstance", {{"InstanceId", "700101"}})).value(u"Instance").toObject();
        QCOMPARE(inst.value(u"Status").toString(), u"Running"_s);

        SandboxResponse r =
            dw("CreateServerIdeInstance",
               {{"ProjectId", "10005"}, {"ResourceGroupId", "9876543210"}, {"InstanceName", "new_one"}});
        QCOMPARE(r.status, 200);
        const QString id = json(r).value(u"InstanceId").toString();
        QVERIFY(m_engine->environment(id, &e));
        QCOMPARE(e.status, u"Creating"_s);
        m_clock.advanceSecond(3);
        QVERIFY(m_engine->environment(id, &e));
        QCOMPARE(e.status, u"Running"_s);
        QCOMPARE(m_engine->environmentCount(), 41);
        QCOMPARE(dw("DeleteServerIdeInstance", {{"InstanceId", id.toUtf8()}}).status, 200);
        m_clock.advanceSecond(3);
        QVERIFY(m_engine->environment(id, &e));
        QCOMPARE(e.status, u"DELETED"_s);
        QCOMPARE(code(dw("CreateServerIdeInstance", {{"InstanceName", "x"}})), u"MissingParameter"_s);
    }

    void rpcSignatureV1()
    {
        SandboxResponse r = m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, m_admin, now()));
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(u"Arn").toString(), u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        QCOMPARE(json(r).value(u"IdentityType").toString(), u"RAMUser"_s);
        r = m_engine->handle(rpc("ListRoles", "2015-05-01", {{"MaxItems", "3"}}, m_admin, now(), "POST"));
        QCOMPARE(r.status, 200);
        Key wrong = m_admin;
        wrong.secret = "not-the-secret";
        r = m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, wrong, now()));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), u"SignatureDoesNotMatch"_s);
        r = m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, m_admin, now().addSecs(-16 * 60)));
        QCOMPARE(code(r), u"InvalidTimeStamp.Expired"_s);
        QCOMPARE(m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, m_admin, now(), "GET", "n-1")).status,
                 200);
        r = m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, m_admin, now(), "GET", "n-1"));
        QCOMPARE(code(r), u"SignatureNonceUsed"_s);
    }

    void signatureV3Failures()
    {
        // Parameters in the query instead of a form body are signed (and verified) too. (Where they belong is the
        // strict placement check's business, tested above: off here, as for other clients.)
        m_engine->setStrictPlacement(false);
        V3Options inQuery;
        inQuery.formBody = false;
        QCOMPARE(m_engine
                     ->handle(v3("ListServerIdeInstances", "2024-05-18", {{"PageSize", "5"}, {"Keyword", "a b*"}},
                                 m_admin, now(), inQuery))
                     .status,
                 200);

        Key wrong = m_admin;
        wrong.secret = "wrong";
        SandboxResponse r = dw("ListProjects", {}, &wrong);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), u"SignatureDoesNotMatch"_s);
        QVERIFY(findSecret(QString::fromUtf8(r.body), {m_engine->accessKeySecret()}).isEmpty());

        Key unknown{"LTAI5tUnknownKey000000", "whatever", {}};
        r = dw("ListProjects", {}, &unknown);
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), u"InvalidAccessKeyId.NotFound"_s);

        r = m_engine->handle(v3("ListProjects", "2024-05-18", {}, m_admin, now().addSecs(16 * 60)));
        QCOMPARE(code(r), u"InvalidTimeStamp.Expired"_s);
        QCOMPARE(m_engine->handle(v3("ListProjects", "2024-05-18", {}, m_admin, now().addSecs(14 * 60))).status, 200);

        V3Options fixed;
        fixed.nonce = "same-nonce";
        QCOMPARE(m_engine->handle(v3("ListProjects", "2024-05-18", {}, m_admin, now(), fixed)).status, 200);
        r = m_engine->handle(v3("ListProjects", "2024-05-18", {}, m_admin, now(), fixed));
        QCOMPARE(code(r), u"SignatureNonceUsed"_s);

        V3Options tampered;
        tampered.bodyOverride = "PageSize=99";
        r = m_engine->handle(v3("ListProjects", "2024-05-18", {{"PageSize", "1"}}, m_admin, now(), tampered));
        QCOMPARE(code(r), u"SignatureDoesNotMatch"_s);

        SandboxRequest changedHost = v3("ListProjects", "2024-05-18", {}, m_admin, now());
        changedHost.headers[0].second = "evil.example:80";
        QCOMPARE(code(m_engine->handle(changedHost)), u"SignatureDoesNotMatch"_s);

        SandboxRequest noAuth = v3("ListProjects", "2024-05-18", {}, m_admin, now());
        noAuth.headers.removeLast();
        QCOMPARE(code(m_engine->handle(noAuth)), u"IncompleteSignature"_s);
    }

    void stsAndPermissions()
    {
        // A role that trusts the account can be assumed; one that trusts only DataWorks cannot.
        const Key ops = assume("OpsBreakGlassRole");
        QVERIFY(ops.id.startsWith("STS."));
        SandboxResponse r =
            call("AssumeRole", "2015-04-01",
                 {{"RoleArn", "acs:ram::1380246718450127:role/DataWorksDevRetailReader"}, {"RoleSessionName", "s"}});
        QCOMPARE(r.status, 400); // RoleSessionName too short is checked first
        r = call("AssumeRole", "2015-04-01",
                 {{"RoleArn", "acs:ram::1380246718450127:role/DataWorksDevRetailReader"}, {"RoleSessionName", "s12"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), u"NoPermission"_s);
        r = call("AssumeRole", "2015-04-01",
                 {{"RoleArn", "acs:ram::1380246718450127:role/Nope"}, {"RoleSessionName", "s12"}});
        QCOMPARE(code(r), u"EntityNotExist.Role"_s);

        r = call("GetCallerIdentity", "2015-04-01", {}, &ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(u"Arn").toString(),
                 u"acs:ram::1380246718450127:assumed-role/OpsBreakGlassRole/test-session"_s);
        QCOMPARE(json(r).value(u"IdentityType").toString(), u"AssumedRoleUser"_s);
        // The STS credential gets NoPermission outside what it may do.
        r = dw("ListServerIdeInstances", {}, &ops);
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), u"NoPermission"_s);
        // Over RPC V1 too.
        QCOMPARE(m_engine->handle(rpc("GetCallerIdentity", "2015-04-01", {}, ops, now())).status, 200);

        Key badToken = ops;
        badToken.token = "CAISforged";
        QCOMPARE(code(call("GetCallerIdentity", "2015-04-01", {}, &badToken)),
                 u"InvalidSecurityToken.MismatchWithAccessKey"_s);
        m_clock.advanceHour(2);
        r = call("GetCallerIdentity", "2015-04-01", {}, &ops);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), u"InvalidSecurityToken.Expired"_s);
    }

    void ram()
    {
        SandboxResponse r = call("GetRole", "2015-05-01", {{"RoleName", "datAWorksDevRetailReader"}});
        QCOMPARE(r.status, 200);
        const QJsonObject role = json(r).value(u"Role").toObject();
        QCOMPARE(role.value(u"RoleName").toString(), u"DataWorksDevRetailReader"_s);
        const QJsonObject trust =
            QJsonDocument::fromJson(role.value(u"AssumeRolePolicyDocument").toString().toUtf8()).object();
        QVERIFY(trust.value(u"Statement").isArray());
        QCOMPARE(code(call("GetRole", "2015-05-01", {{"RoleName", "Nope"}})), u"EntityNotExist.Role"_s);

        QStringList names;
        QByteArray marker;
        int pages = 0;
        for (;;) {
            Pairs params{{"MaxItems", "4"}};
            if (!marker.isEmpty())
                params.append(qMakePair(QByteArray("Marker"), QByteArray(marker)));
            const QJsonObject body = json(call("ListRoles", "2015-05-01", params));
            ++pages;
            for (const QJsonValue& v : body.value(u"Roles").toObject().value(u"Role").toArray())
                names.append(v.toObject().value(u"RoleName").toString());
            if (!body.value(u"IsTruncated").toBool())
                break;
            marker = body.value(u"Marker").toString().toUtf8();
        }
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 9);
    }

    void maxComputeListing()
    {
        // risk_ml holds 250 tables: three pages of 100.
        QStringList names;
        QByteArray marker;
        int pages = 0;
        do {
            Pairs query{{"expectmarker", "true"}};
            if (!marker.isEmpty())
                query.append(qMakePair(QByteArray("marker"), QByteArray(marker)));
            const SandboxResponse r = m_engine->handle(odps("/api/projects/risk_ml/tables", query, m_admin, now()));
            QCOMPARE(r.status, 200);
            QCOMPARE(header(r, "Content-Type"), QByteArray("application/xml"));
            QXmlStreamReader xml(r.body);
            marker.clear();
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"Marker")
                    marker = xml.readElementText().toUtf8();
                else if (xml.isStartElement() && xml.name() == u"Name")
                    names.append(xml.readElementText());
            }
            QVERIFY(++pages < 10);
        } while (!marker.isEmpty());
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 250);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 250);
        // The V4 form of the signature.
        QCOMPARE(m_engine->handle(odps("/api/projects/retail_dw/tables", {}, m_admin, now(), "cn-hangzhou")).status,
                 200);
    }

    void maxComputeErrors()
    {
        Key wrong = m_admin;
        wrong.secret = "wrong";
        SandboxResponse r = m_engine->handle(odps("/api/projects/retail_dw/tables", {}, wrong, now()));
        QCOMPARE(r.status, 401);
        QVERIFY(r.body.contains("<Code>SignatureNotMatch</Code>"));
        QVERIFY(!header(r, "x-odps-request-id").isEmpty());
        r = m_engine->handle(odps("/api/projects/retail_dw/tables", {}, m_admin, now().addSecs(-20 * 60)));
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("<Code>RequestTimeTooSkewed</Code>"));
        r = m_engine->handle(odps("/api/projects/nope/tables", {}, m_admin, now()));
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.contains("<Code>NoSuchProject</Code>"));
        r = m_engine->handle(odps("/api/projects/retail_dw/tables", {}, m_admin, now(), "cn-beijing"));
        QVERIFY(r.body.contains("<Code>SignatureNotMatch</Code>"));
    }

    void roleCredentialsReadWhatTheRoleAllows()
    {
        // Default role (700101, owner li.wei): li.wei's projects, nothing else.
        const Key def = envKey(u"700101"_s);
        QCOMPARE(m_engine->handle(odps("/api/projects/retail_dw/tables", {}, def, now())).status, 200);
        QCOMPARE(m_engine->handle(odps("/api/projects/retail_dw_dev/tables", {}, def, now())).status, 200);
        SandboxResponse r = m_engine->handle(odps("/api/projects/risk_ml/tables", {}, def, now()));
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("<Code>AccessDenied</Code>"));
        // Without the STS token header the key is refused.
        Key noToken = def;
        noToken.token.clear();
        QCOMPARE(m_engine->handle(odps("/api/projects/retail_dw/tables", {}, noToken, now())).status, 400);

        // Custom role (700109 chen_jie_features, DataWorksDevRiskAnalyst): risk_ml and risk_ml_features.
        const Key risk = envKey(u"700109"_s);
        QCOMPARE(m_engine->handle(odps("/api/projects/risk_ml_features/tables", {}, risk, now())).status, 200);
        QCOMPARE(m_engine->handle(odps("/api/projects/retail_dw/tables", {}, risk, now())).status, 403);
        r = call("GetCallerIdentity", "2015-04-01", {}, &risk);
        QCOMPARE(json(r).value(u"Arn").toString(),
                 u"acs:ram::1380246718450127:assumed-role/DataWorksDevRiskAnalyst/dw-ide-700109"_s);
        QCOMPARE(dw("ListProjects", {}, &risk).status, 403);
    }

    void credentialsService()
    {
        SandboxResponse r = getCredentials(u"700101"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject first = json(r);
        QCOMPARE(first.value(u"Code").toString(), u"Success"_s);
        QVERIFY(first.value(u"AccessKeyId").toString().startsWith(u"STS."_s));
        QVERIFY(!first.value(u"AccessKeySecret").toString().isEmpty());
        QVERIFY(first.value(u"SecurityToken").toString().size() > 500);
        QCOMPARE(first.value(u"Expiration").toString(), u"2026-11-28T10:00:00Z"_s);
        QVERIFY(m_engine->credentialsUri(u"700101"_s).startsWith(u"http://127.0.0.1:8080/envs/700101/credentials/"_s));

        // No role: an error with a JSON Code and Message.
        r = getCredentials(u"700106"_s); // retail_onboarding, Running, no role
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), u"NoRoleAssociated"_s);
        // A stopped environment's service is not running.
        QCOMPARE(code(getCredentials(u"700102"_s)), u"EnvironmentNotRunning"_s);
        // A custom role DataWorks may not assume (EcsAppServerRole, trusts ECS only) on a running environment.
        QCOMPARE(dw("UpdateServerIdeInstance",
                    {{"InstanceId", "700106"},
                     {"CredentialConfig", R"({"Enable":true,"Configs":[{"Key":"0","Type":"Role","Roles":[{"RoleArn":)"
                                          R"("acs:ram::1380246718450127:role/EcsAppServerRole"}]}]})"}})
                     .status,
                 200);
        r = getCredentials(u"700106"_s);
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), u"NoPermission"_s);

        // A wrong token in the URI.
        SandboxRequest guess;
        guess.path = "/envs/700101/credentials/00000000000000000000000000000000";
        QCOMPARE(m_engine->handle(guess).status, 403);
    }

    void credentialsRotate()
    {
        m_engine->setCredentialLifetimeSeconds(3600);
        const QJsonObject a = json(getCredentials(u"700101"_s));
        m_clock.advanceMinute(30);
        const QJsonObject b = json(getCredentials(u"700101"_s));
        QCOMPARE(b.value(u"AccessKeyId"), a.value(u"AccessKeyId")); // 30 minutes left: still served
        m_clock.advanceMinute(11);                                  // 19 minutes left: rotated ahead of expiry
        const QJsonObject c = json(getCredentials(u"700101"_s));
        QVERIFY(c.value(u"AccessKeyId") != a.value(u"AccessKeyId"));
        QCOMPARE(c.value(u"Expiration").toString(), u"2026-11-28T10:41:00Z"_s);
        // The old one still works until it expires, like real STS credentials.
        const Key old{a.value(u"AccessKeyId").toString().toUtf8(), a.value(u"AccessKeySecret").toString().toUtf8(),
                      a.value(u"SecurityToken").toString().toUtf8()};
        QCOMPARE(call("GetCallerIdentity", "2015-04-01", {}, &old).status, 200);

        // Short lifetimes rotate at half-life.
        m_engine->setCredentialLifetimeSeconds(120);
        const QJsonObject d = json(getCredentials(u"700101"_s));
        m_clock.advanceSecond(59);
        QCOMPARE(json(getCredentials(u"700101"_s)).value(u"AccessKeyId"), d.value(u"AccessKeyId"));
        m_clock.advanceSecond(2);
        QVERIFY(json(getCredentials(u"700101"_s)).value(u"AccessKeyId") != d.value(u"AccessKeyId"));
    }

    void latencyJitter()
    {
        SandboxFaults f;
        f.latencyMs = 40;
        f.latencyJitterMs = 10;
        m_engine->setFaults(f);
        QSet<int> seen;
        for (int i = 0; i < 300; ++i) {
            const int delay = dw("ListProjects").delayMs;
            QVERIFY2(delay >= 30 && delay <= 50, qPrintable(QString::number(delay)));
            seen.insert(delay);
        }
        QVERIFY(seen.size() >= 10); // it varies, over the whole range
        QVERIFY(seen.contains(30) || seen.contains(31));
        QVERIFY(seen.contains(50) || seen.contains(49));
        // Never below zero.
        f.latencyMs = 5;
        f.latencyJitterMs = 20;
        m_engine->setFaults(f);
        for (int i = 0; i < 100; ++i)
            QVERIFY(dw("ListProjects").delayMs >= 0);
        f.latencyJitterMs = 0;
        m_engine->setFaults(f);
        QCOMPARE(dw("ListProjects").delayMs, 5);
    }

    void faults()
    {
        SandboxFaults f;
        f.errorRate = 1.0;
        m_engine->setFaults(f);
        SandboxResponse r = dw("ListProjects");
        QCOMPARE(r.status, 503);
        QCOMPARE(code(r), u"ServiceUnavailable"_s);
        QCOMPARE(getCredentials(u"700101"_s).status, 503);

        f = {};
        f.throttleRequestsPerSecond = 2;
        f.scope = SandboxFaults::Pop;
        m_engine->setFaults(f);
        QCOMPARE(dw("ListProjects").status, 200);
        QCOMPARE(dw("ListProjects").status, 200);
        r = dw("ListProjects");
        QCOMPARE(r.status, 429);
        QCOMPARE(code(r), u"Throttling.User"_s);
        QCOMPARE(getCredentials(u"700101"_s).status, 200); // out of scope
        // Another operation has a quota of its own (Alibaba Cloud's rate limits are per operation and account).
        QVERIFY(dw("ListServerIdeInstances").status != 429);
        QVERIFY(dw("ListServerIdeInstances").status != 429);
        QCOMPARE(dw("ListServerIdeInstances").status, 429);
        m_clock.advanceMSecs(1001);
        QCOMPARE(dw("ListProjects").status, 200);
        // A gateway that counts every operation on one quota, when a test asks for one.
        f.throttleAllOperationsTogether = true;
        m_engine->setFaults(f);
        m_clock.advanceMSecs(1001);
        QCOMPARE(dw("ListProjects").status, 200);
        QVERIFY(dw("ListServerIdeInstances").status != 429);
        QCOMPARE(dw("ListProjects").status, 429);
        QCOMPARE(dw("ListServerIdeInstances").status, 429);
        m_clock.advanceMSecs(1001);

        f = {};
        f.malformedRate = 1.0;
        f.latencyMs = 250;
        m_engine->setFaults(f);
        r = dw("ListProjects");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.delayMs, 250);
        QJsonParseError error{};
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        f = {};
        f.credentialsOutageFrom = now().addSecs(60);
        f.credentialsOutageUntil = now().addSecs(120);
        m_engine->setFaults(f);
        QCOMPARE(getCredentials(u"700101"_s).status, 200);
        m_clock.advanceSecond(60);
        r = getCredentials(u"700101"_s);
        QCOMPARE(r.status, 503);
        QCOMPARE(code(r), u"ServiceUnavailable"_s);
        QCOMPARE(dw("ListProjects").status, 200); // the outage is the credentials service's only
        m_clock.advanceSecond(60);
        QCOMPARE(getCredentials(u"700101"_s).status, 200);

        // A partial error rate is deterministic for a given seed.
        f = {};
        f.errorRate = 0.5;
        f.randomSeed = 7;
        m_engine->setFaults(f);
        QList<int> firstRun;
        for (int i = 0; i < 20; ++i)
            firstRun.append(dw("ListProjects").status);
        QVERIFY(firstRun.contains(200) && firstRun.contains(503));
        f.randomSeed = 8;
        m_engine->setFaults(f);
        f.randomSeed = 7;
        m_engine->setFaults(f);
        QList<int> secondRun;
        for (int i = 0; i < 20; ++i)
            secondRun.append(dw("ListProjects").status);
        QCOMPARE(secondRun, firstRun);
    }

    void noSecretsInLogs()
    {
        LogCapture capture;
        const Key def = envKey(u"700101"_s);
        QCOMPARE(call("GetCallerIdentity", "2015-04-01", {}, &def).status, 200);
        Key wrong = def;
        wrong.secret = "x";
        QCOMPARE(call("GetCallerIdentity", "2015-04-01", {}, &wrong).status, 400);
        const QStringList secrets{QString::fromUtf8(def.secret), QString::fromUtf8(def.token),
                                  m_engine->accessKeySecret(), QString::fromUtf8(def.id)};
        QVERIFY2(capture.findAny(secrets).isEmpty(), "a secret reached the log");
    }
};

QTEST_GUILESS_MAIN(TestSandboxEngine)
#include "test_sandboxengine.moc"
