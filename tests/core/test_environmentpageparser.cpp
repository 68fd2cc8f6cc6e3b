// EnvironmentPageParser (simdjson) against the Qt path it replaces (Environment::listFromAnswer / fromJson, as
// ServerIdeListing reads a page): real sandbox pages, crafted edge cases and a seeded random-mutation loop. The fast
// parser may decline a page (the listing then uses the Qt path); whenever it answers, its values must be exactly
// the Qt path's, and it must only answer for documents Qt accepts.
// A core test (CTest core_environmentpageparser) that links the sandbox: the real pages come from its engine.
#include "MockClock.h"
#include "SandboxEngine.h"
#include "SignedRequests.h"
#include "model/CredentialConfigMapping.h"
#include "model/Environment.h"
#include "model/EnvironmentPageParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace SignedRequests;
using namespace Qt::StringLiterals;

namespace {

struct QtPage
{
    bool ok = false;
    QJsonObject answer; // without the instance arrays, as the fast parser gives it
    QList<Environment> environments;
    bool hasTopLevelInstances = false;
    QList<Environment> topLevelInstances;
};

// The Qt path, as ServerIdeListing::onPage and ApiClient read an answer.
QtPage qtPage(const QByteArray& body, StringPool* pool)
{
    QtPage page;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return page;
    page.ok = true;
    QJsonObject answer = doc.object();
    page.environments = Environment::listFromAnswer(answer, pool);
    if (answer.value(u"Instances").isArray()) {
        page.hasTopLevelInstances = true;
        for (const QJsonValue& v : answer.value(u"Instances").toArray())
            page.topLevelInstances << Environment::fromJson(v.toObject(), pool);
    }
    answer.remove(u"Instances"_s);
    if (answer.value(u"PagingInfo").isObject()) {
        QJsonObject paging = answer.value(u"PagingInfo").toObject();
        paging.remove(u"Instances"_s);
        answer.insert(u"PagingInfo"_s, paging);
    }
    page.answer = answer;
    return page;
}

QString describe(const Environment& e)
{
    QString s;
    QDebug(&s) << e << e.projectName << e.resourceGroupId << e.resourceGroupName << e.imageId << e.imageName
               << e.imageUrl << e.cu << e.failReason << e.createTimeMs << e.updateTimeMs << e.userVpc.vpcId
               << e.userVpc.vSwitchId << e.userVpc.securityGroupId << e.datasets.size() << e.forwardInfos.size();
    for (const ForwardInfo& f : e.forwardInfos)
        QDebug(&s) << f.name << f.enabled << f.accessTypes << f.containerName << f.forwardPort << f.externalPort
                   << f.hasEip << f.hasNatGateway << f.hasSshPublicKey;
    return s;
}

// Empty when the fast parser agrees with Qt (or declined); otherwise what differs.
QString compare(const QByteArray& body, bool* usedFast = nullptr)
{
    StringPool qtPool;
    StringPool fastPool;
    const QtPage expected = qtPage(body, &qtPool);
    const std::optional<EnvironmentPageParser::Page> fast = EnvironmentPageParser::parse(body, &fastPool);
    if (usedFast)
        *usedFast = fast.has_value();
    if (!fast)
        return {};
    if (!expected.ok)
        return u"the fast parser accepted a body Qt rejects"_s;
    if (fast->answer != expected.answer)
        return u"answer differs: "_s + QString::fromUtf8(QJsonDocument(fast->answer).toJson(QJsonDocument::Compact)) +
               u" vs "_s + QString::fromUtf8(QJsonDocument(expected.answer).toJson(QJsonDocument::Compact));
    if (fast->hasTopLevelInstances != expected.hasTopLevelInstances)
        return u"top-level Instances differ"_s;
    const auto lists = [](const QList<Environment>& a, const QList<Environment>& b) -> QString {
        if (a.size() != b.size())
            return u"sizes %1 vs %2"_s.arg(a.size()).arg(b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!(a[i] == b[i]))
                return u"environment %1: "_s.arg(i) + describe(a[i]) + u" vs "_s + describe(b[i]);
            // The role's details too (chain roles, role type, session policy): equality of roles ignores them.
            if (!a[i].role.sameDetails(b[i].role))
                return u"environment %1: role details %2 vs %3"_s.arg(i).arg(a[i].role.detailText(),
                                                                             b[i].role.detailText());
            // Same bytes, same JSON type behind each value.
            if (a[i].cu != b[i].cu || std::signbit(a[i].cu) != std::signbit(b[i].cu))
                return u"environment %1: Cu %2 vs %3"_s.arg(i).arg(a[i].cu).arg(b[i].cu);
        }
        return {};
    };
    if (const QString d = lists(fast->environments, expected.environments); !d.isEmpty())
        return d;
    if (const QString d = lists(fast->topLevelInstances, expected.topLevelInstances); !d.isEmpty())
        return u"top-level: "_s + d;
    if (fastPool.size() != qtPool.size())
        return u"pooled texts %1 vs %2"_s.arg(fastPool.size()).arg(qtPool.size());
    return {};
}

QByteArray page(const QByteArray& instances)
{
    return R"({"RequestId":"r-1","PagingInfo":{"TotalCount":1,"PageNumber":1,"PageSize":100,"Instances":[)" +
           instances + "]}}";
}

const QByteArray kFull =
    R"({"InstanceId":"42","InstanceName":"n","Status":"Running","ProjectId":7,"ProjectName":"p","ResourceGroupId":3,)"
    R"("ResourceGroupName":"g","OwnerId":"o","ImageId":"i","ImageName":"in","ImageUrl":"u","Cu":4,"FailReason":"",)"
    R"("CreateTime":1700000000000,"UpdateTime":1700000360000,)"
    R"("UserVpc":{"VpcId":"vpc-1","VSwitchId":"vsw-1","SecurityGroupId":"sg-1","ForwardInfos":[{"Name":"ssh",)"
    R"("Enable":true,"AccessType":["internet"],"ContainerName":"c","ForwardPort":"22","ExternalPort":"2222",)"
    R"("EipAllocationId":"eip-1","NatGatewayId":"","SSHPublicKey":"ssh-ed25519 AAAA"}]},)"
    R"("Datasets":[{"Identifier":"d1","MountPath":"/mnt/d","ReadOnly":true,"Uri":"oss://b/p"}],)"
    R"("CredentialConfig":{"Enable":true,"AliyunEnvRoleKey":"0","Configs":[{"Key":"0","Type":"Role","Roles":)"
    R"([{"RoleArn":"acs:ram::1:role/r","RoleType":"service","UserInfo":{"AccessKeyId":"STS.x","SecurityToken":"t"}}]}]}})";

// One instance with `key` set to `value` (raw JSON), the rest of kFull kept.
QByteArray withField(const QByteArray& key, const QByteArray& value)
{
    QJsonObject o = QJsonDocument::fromJson(kFull).object();
    o.remove(QString::fromUtf8(key));
    QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    json.chop(1);
    return json + ",\"" + key + "\":" + value + "}";
}

} // namespace

class TestEnvironmentPageParser : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC)};

    void check(const QByteArray& body, int expectFast /* 1 must take it, 0 must decline, -1 either */)
    {
        bool fast = false;
        const QString difference = compare(body, &fast);
        QVERIFY2(difference.isEmpty(), qPrintable(difference + u"\nbody: "_s + QString::fromUtf8(body.left(600))));
        if (expectFast >= 0)
            QVERIFY2(fast == bool(expectFast),
                     qPrintable((fast ? u"took: "_s : u"declined: "_s) + QString::fromUtf8(body.left(600))));
    }

private slots:
    void sandboxPages()
    {
        SandboxEngine engine(&m_clock);
        QFile seed(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(engine.loadSeed(seed.readAll(), &error), qPrintable(error));
        engine.setBaseUrl(u"http://127.0.0.1:8080"_s);
        engine.generateEnvironments(3000);
        const Key admin{engine.accessKeyId().toUtf8(), engine.accessKeySecret().toUtf8(), {}};

        QList<QByteArray> bodies;
        for (int p = 1; p <= 30; ++p) {
            const SandboxResponse r = engine.handle(v3("ListServerIdeInstances", "2024-05-18",
                                                       {{"PageNumber", QByteArray::number(p)}, {"PageSize", "100"}},
                                                       admin, m_clock.nowUtc()));
            QCOMPARE(r.status, 200);
            bodies << r.body;
        }
        // The whole listing through one pool each, as ServerIdeListing does.
        StringPool qtPool;
        StringPool fastPool;
        QSet<QString> statuses;
        QSet<int> roleKinds;
        for (const QByteArray& body : bodies) {
            const QtPage expected = qtPage(body, &qtPool);
            const auto fast = EnvironmentPageParser::parse(body, &fastPool);
            QVERIFY(fast.has_value());
            QCOMPARE(fast->environments.size(), 100);
            QCOMPARE(fast->answer, expected.answer);
            QVERIFY(fast->answer.value(u"PagingInfo").toObject().contains(u"TotalCount"));
            for (qsizetype i = 0; i < 100; ++i) {
                QVERIFY2(fast->environments[i] == expected.environments[i],
                         qPrintable(describe(fast->environments[i]) + u" vs "_s + describe(expected.environments[i])));
                QVERIFY(fast->environments[i].role.sameDetails(expected.environments[i].role));
                statuses << fast->environments[i].statusText;
                roleKinds << int(fast->environments[i].role.kind());
            }
        }
        QCOMPARE(fastPool.size(), qtPool.size());
        QVERIFY(roleKinds.size() >= 3); // none, default, custom
        QVERIFY(statuses.size() >= 5);

        // Repeated texts are shared through the pool as on the Qt path.
        const auto first = EnvironmentPageParser::parse(bodies[0], &fastPool);
        const auto second = EnvironmentPageParser::parse(bodies[1], &fastPool);
        QVERIFY(first && second);
        QVERIFY(!first->environments[0].ownerId.isEmpty());
        bool sharedOwner = false;
        for (const Environment& e : second->environments)
            sharedOwner |= e.ownerId == first->environments[0].ownerId &&
                           e.ownerId.constData() == first->environments[0].ownerId.constData();
        QVERIFY(sharedOwner);

        // Every status, documented or not, spelled as the API does or otherwise.
        QList<QByteArray> spellings;
        for (EnvironmentStatus s : EnvironmentStatuses::all())
            spellings << EnvironmentStatuses::toString(s).toUtf8();
        spellings << "running"
                  << " Stopped "
                  << "DELETED"
                  << "Deleted"
                  << "Hibernating"
                  << ""
                  << "\\u0052unning";
        for (const QByteArray& spelling : spellings) {
            QByteArray body = bodies[0];
            const QByteArray replacement = "\"Status\":\"" + spelling + '"';
            body.replace("\"Status\":\"Running\"", replacement);
            body.replace("\"Status\":\"Stopped\"", replacement);
            check(body, 1);
        }
    }

    void craftedEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expectFast");
        const auto row = [](const char* name, const QByteArray& body, int expectFast) {
            QTest::newRow(name) << body << expectFast;
        };
        row("full", page(kFull), 1);
        row("empty instance", page("{}"), 1);
        row("no instances", page(""), 1);
        row("two", page(kFull + "," + kFull), 1);
        row("non-object instances", page("1,null,\"x\",[],true," + kFull), 1);
        row("no PagingInfo", R"({"RequestId":"r"})", 1);
        row("PagingInfo not an object", R"({"RequestId":"r","PagingInfo":[1,2]})", 1);
        row("Instances not an array", R"({"PagingInfo":{"TotalCount":3,"Instances":{"a":1}}})", 1);
        row("Instances a string", R"({"PagingInfo":{"TotalCount":3,"Instances":"[]"}})", 1);
        row("top-level Instances", "{\"TotalCount\":1,\"NextToken\":\"t\",\"Instances\":[" + kFull + "]}", 1);
        row("both Instances", "{\"Instances\":[" + kFull + "],\"PagingInfo\":{\"Instances\":[{}]}}", 1);
        row("TotalCount as string", R"({"PagingInfo":{"TotalCount":"3","PageSize":"100","Instances":[]}})", 1);
        row("empty object", "{}", 1);
        row("top-level array", "[]", 0);
        row("top-level string", "\"x\"", 0);
        row("empty body", "", 0);
        row("whitespace", " \n\t{ \"PagingInfo\" : { \"Instances\" : [ { } ] } } \r\n", 1);
        row("truncated", page(kFull).left(300), 0);
        row("trailing garbage", page(kFull) + "x", 0);
        row("trailing comma", page(kFull + ","), 0);
        row("BOM", "\xEF\xBB\xBF" + page(kFull), 0);
        row("unknown fields", withField("Whatever", R"({"a":[1,2.5,{"b":null}],"c":"\u00e9"})"), 1);
        row("duplicate known key", page(kFull.left(kFull.size() - 1) + ",\"Cu\":8}"), 0);
        row("duplicate unknown key", page(withField("X", "1").chopped(1) + ",\"X\":2}"), 1);
        row("duplicate top-level key", R"({"RequestId":"a","RequestId":"b","PagingInfo":{"Instances":[]}})", 1);
        row("duplicate PagingInfo", R"({"PagingInfo":{"Instances":[{}]},"PagingInfo":{"Instances":[]}})", 0);
        row("duplicate paging key", R"({"PagingInfo":{"TotalCount":1,"TotalCount":2,"Instances":[]}})", 1);
        row("duplicate Instances", R"({"PagingInfo":{"Instances":[{}],"Instances":[]}})", 0);

        const QList<QPair<QByteArray, QByteArray>> values = {
            {"string", R"("abc")"},
            {"number string", R"("12")"},
            {"padded number string", R"("  42 ")"},
            {"float string", R"("2.5")"},
            {"exponent string", R"("1e3")"},
            {"bad number string", R"("12abc")"},
            {"int", "12"},
            {"negative", "-7"},
            {"float", "1.5"},
            {"float integral", "4.0"},
            {"exponent", "1e3"},
            {"small", "1e-5"},
            {"int64 max", "9223372036854775807"},
            {"int64 min", "-9223372036854775808"},
            {"above int64", "9223372036854775808"},
            {"uint64 max", "18446744073709551615"},
            {"above uint64", "18446744073709551616"},
            {"huge int", "123456789012345678901234567890"},
            {"2^53+1", "9007199254740993"},
            {"huge float", "1.7976931348623157e308"},
            {"overflow", "1e400"},
            {"underflow", "1e-400"},
            {"subnormal", "4e-320"},
            {"minus zero", "-0"},
            {"minus zero float", "-0.0"},
            {"zero", "0"},
            {"zero float", "0.0"},
            {"true", "true"},
            {"false", "false"},
            {"true string", R"("TRUE")"},
            {"null", "null"},
            {"empty object", "{}"},
            {"empty array", "[]"},
            {"object", R"({"VpcId":"v","VSwitchId":7,"SecurityGroupId":null,"Other":1})"},
            {"array", R"([{"Identifier":"d","ReadOnly":"true"},3,null,{"ReadOnly":1,"Uri":2.5}])"},
            {"object as string", "\"{\\\"VpcId\\\":\\\"x\\\"}\""},
            {"array as string", "\"[{\\\"Identifier\\\":\\\"x\\\"}]\""},
            {"escapes", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0000\\u001f\""},
            {"utf8", "\"caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80\""},
            {"unicode escapes", R"("caf\u00e9 \u4e2d\ud83d\ude00")"},
            {"lone high surrogate", R"("\ud800x")"},
            {"lone low surrogate", R"("\udc00")"},
            {"reversed surrogates", R"("\ude00\ud83d")"},
            {"noncharacter", "\"\xEF\xBF\xBF\""},
            {"invalid utf8", "\"\xC3\x28\""},
            {"overlong utf8", "\"\xC0\xAF\""},
            {"raw control char", "\"a\x01"
                                 "b\""},
            {"bad escape", R"("\x")"},
            {"dup vpc key", R"({"VpcId":"a","VpcId":"b"})"},
            {"dup dataset key", R"([{"Uri":"a","Uri":"b"}])"},
            {"forward infos",
             R"({"VpcId":"v","ForwardInfos":[{"Name":"s","Enable":true,"AccessType":["internet","intranet"],)"
             R"("ForwardPort":22,"ExternalPort":"2222","EipAllocationId":"e","NatGatewayId":7,"SSHPublicKey":"k"},)"
             R"(1,null,[],{"AccessType":"internet","Enable":"true"},{"AccessType":[3,null,{},"x"],"Enable":1},)"
             R"({"Other":[1.5],"ContainerName":null,"SSHPublicKey":""}]})"},
            {"forward infos not an array", R"({"ForwardInfos":{"Name":"x"}})"},
            // Not a raw string: moc's scanner would take its escaped quotes for the end of the literal.
            {"forward infos as string", "{\"ForwardInfos\":\"[{\\\"Enable\\\":true}]\"}"},
            {"forward access type object", R"({"ForwardInfos":[{"AccessType":{"a":2.5},"Enable":false}]})"},
            {"dup forward key", R"({"ForwardInfos":[{"Name":"a","Name":"b"}]})"},
            {"dup ForwardInfos", R"({"ForwardInfos":[],"ForwardInfos":[{}]})"},
            {"forward underflow", R"({"ForwardInfos":[{"ForwardPort":1e-400}]})"},
            {"forward access underflow", R"({"ForwardInfos":[{"AccessType":[1e-400]}]})"},
            {"default role", CredentialConfigMapping::toCompactJson(RoleAssociation::dataWorksDefault()).toUtf8()},
            {"custom role",
             CredentialConfigMapping::toCompactJson(RoleAssociation::customRole(u"acs:ram::1:role/x"_s)).toUtf8()},
            {"no role", CredentialConfigMapping::toCompactJson(RoleAssociation::none()).toUtf8()},
            {"config as string", "\"{\\\"Enable\\\":true,\\\"AliyunEnvRoleKey\\\":\\\"0\\\",\\\"Configs\\\":[]}\""},
            {"odd config", R"({"Enable":"yes","Configs":[{"Key":0,"Type":"Role","Roles":[{"RoleArn":5}]}]})"},
            {"config with a float", R"({"Enable":true,"Configs":[{"Key":"0","Type":"RoleChain","N":1e3}]})"},
        };
        const QList<QByteArray> keys = {"InstanceId",      "InstanceName", "Status",           "ProjectId",
                                        "ResourceGroupId", "Cu",           "CreateTime",       "UpdateTime",
                                        "UserVpc",         "Datasets",     "CredentialConfig", "FailReason"};
        for (const QByteArray& key : keys) {
            for (const auto& [name, value] : values) {
                const QByteArray rowName = key + ": " + name;
                QTest::newRow(rowName.constData()) << page(withField(key, value)) << -1;
            }
        }
    }

    void craftedEdgeCases()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, expectFast);
        check(body, expectFast);
    }

    // Types the fast path must take (not leave to Qt): the tolerance is part of it, not a fallback.
    void toleranceIsFast()
    {
        for (const QByteArray& key : {QByteArray("ProjectId"), QByteArray("Cu"), QByteArray("CreateTime")}) {
            for (const QByteArray& value : {QByteArray(R"("12")"), QByteArray(R"(" 42 ")"), QByteArray("1.5"),
                                            QByteArray("null"), QByteArray("true"), QByteArray("9223372036854775808")})
                check(page(withField(key, value)), 1);
        }
        for (const QByteArray& value :
             {QByteArray("12"), QByteArray("2.5"), QByteArray("9007199254740993"), QByteArray("1e300"),
              QByteArray("false"), QByteArray("[]"), QByteArray(R"("caf\u00e9\ud83d\ude00")")})
            check(page(withField("ResourceGroupId", value)), 1);
        check(page(withField("Datasets", R"([{"ReadOnly":"TRUE"},{"ReadOnly":1},7])")), 1);
        check(page(withField("UserVpc", R"({"VpcId":12,"Other":[]})")), 1);
        check(page(withField("UserVpc", R"({"ForwardInfos":[{"Enable":"true","AccessType":"internet",)"
                                        R"("ForwardPort":22},7,{"AccessType":[1,"Internet"]}]})")),
              1);
    }

    void randomMutations()
    {
        QRandomGenerator random(20261130);
        const QList<QByteArray> snippets = {"\"x\"",
                                            "\"12\"",
                                            "\" 7 \"",
                                            "12",
                                            "-3",
                                            "2.5",
                                            "1e2",
                                            "1e-400",
                                            "1e400",
                                            "-0",
                                            "0.0",
                                            "9223372036854775808",
                                            "true",
                                            "false",
                                            "null",
                                            "{}",
                                            "[]",
                                            "{\"VpcId\":3}",
                                            "{\"ForwardInfos\":[{\"Enable\":true,\"AccessType\":[\"internet\"],"
                                            "\"ForwardPort\":22,\"SSHPublicKey\":\"k\"},3]}",
                                            "[{\"ReadOnly\":\"true\"}]",
                                            "\"\\ud83d\\ude00\"",
                                            "\"\\ud800\"",
                                            "\"\\u00e9\"",
                                            "\"{\\\"VpcId\\\":\\\"a\\\"}\"",
                                            "\"Running\"",
                                            "\"DELETED\"",
                                            "\"new\""};
        const QList<QByteArray> keys = {
            "InstanceId", "InstanceName", "Status",     "ProjectId", "ProjectName", "ResourceGroupId",  "Cu",
            "OwnerId",    "CreateTime",   "UpdateTime", "UserVpc",   "Datasets",    "CredentialConfig", "Unknown"};
        const QByteArray junk = "{}[]\",:0123456789.eE-+\\u tfnl\xC3\xA9";
        int fast = 0;
        int declined = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray instances;
            const int count = random.bounded(4);
            for (int i = 0; i < count; ++i) {
                QByteArray instance = "{";
                const int fields = random.bounded(8);
                for (int f = 0; f < fields; ++f) {
                    if (f)
                        instance += ',';
                    instance +=
                        '"' + keys[random.bounded(keys.size())] + "\":" + snippets[random.bounded(snippets.size())];
                }
                instance += '}';
                if (random.bounded(3) == 0)
                    instance = kFull.left(kFull.size() - 1) + (fields ? "," + instance.mid(1) : QByteArray("}"));
                instances += (i ? "," : "") + instance;
            }
            QByteArray body = page(instances);
            const int mutations = random.bounded(3) == 0 ? 1 + random.bounded(3) : 0;
            for (int m = 0; m < mutations; ++m) {
                const int at = random.bounded(int(body.size()));
                switch (random.bounded(3)) {
                case 0:
                    body.remove(at, 1 + random.bounded(3));
                    break;
                case 1:
                    body.insert(at, junk[random.bounded(int(junk.size()))]);
                    break;
                default:
                    body[at] = junk[random.bounded(int(junk.size()))];
                    break;
                }
            }
            bool usedFast = false;
            const QString difference = compare(body, &usedFast);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(u"round %1: "_s.arg(round) + difference + u"\nbody: "_s + QString::fromUtf8(body)));
            ++(usedFast ? fast : declined);
        }
        qInfo("random mutations: %d read by the fast parser, %d left to Qt", fast, declined);
        QVERIFY(fast > 500);
        QVERIFY(declined > 500);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentPageParser)
#include "test_environmentpageparser.moc"
