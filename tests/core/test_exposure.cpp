// Exposure: what the API reports (UserVpc.ForwardInfos) read by Environment::fromJson, and the one computation the
// GUI, the CLI and RolePolicy share.
#include "model/Environment.h"
#include "model/Exposure.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Environment parse(const QByteArray& userVpc, const QByteArray& credentialConfig = "{}",
                  const QByteArray& status = "Running")
{
    const QByteArray json = R"({"InstanceId":"7","Status":")" + status + R"(","UserVpc":)" + userVpc +
                            R"(,"CredentialConfig":)" + credentialConfig + "}";
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    Q_ASSERT(doc.isObject());
    return Environment::fromJson(doc.object());
}

const QByteArray kDefaultRole =
    R"({"Enable":true,"AliyunEnvRoleKey":"0","Configs":[{"Key":"0","Type":"RoleChain","Roles":[]}]})";
} // namespace

class TestExposure : public QObject
{
    Q_OBJECT
private slots:
    void parsesForwardInfosWithoutSecrets()
    {
        const Environment e = parse(
            R"({"VpcId":"vpc-1","ForwardInfos":[)"
            R"({"Name":"ssh","Enable":true,"AccessType":["internet"],"ContainerName":"main","ForwardPort":"22",)"
            R"("ExternalPort":"2222","EipAllocationId":"eip-bp1x","NatGatewayId":"","SSHPublicKey":"ssh-ed25519 AAAAC3Nz secretish"},)"
            R"({"Name":"web","Enable":"true","AccessType":["intranet"],"ForwardPort":8080,"ExternalPort":8080,"NatGatewayId":"ngw-1"},)"
            R"({"Name":"off","Enable":false,"AccessType":["internet","intranet"],"ForwardPort":"9000"}]})");
        QCOMPARE(e.userVpc.vpcId, u"vpc-1"_s);
        QCOMPARE(e.forwardInfos.size(), 3);
        const ForwardInfo& ssh = e.forwardInfos[0];
        QCOMPARE(ssh.name, u"ssh"_s);
        QVERIFY(ssh.enabled);
        QCOMPARE(ssh.accessTypes, QStringList{u"internet"_s});
        QCOMPARE(ssh.containerName, u"main"_s);
        QCOMPARE(ssh.forwardPort, u"22"_s);
        QCOMPARE(ssh.externalPort, u"2222"_s);
        QVERIFY(ssh.hasEip);
        QVERIFY(!ssh.hasNatGateway);
        QVERIFY(ssh.hasSshPublicKey);
        QVERIFY(ssh.isInternet());
        const ForwardInfo& web = e.forwardInfos[1];
        QVERIFY(web.enabled); // "true" as a string, as the other booleans are read
        QCOMPARE(web.forwardPort, u"8080"_s);
        QVERIFY(web.hasNatGateway);
        QVERIFY(!web.hasSshPublicKey);
        QVERIFY(!web.isInternet());
        QVERIFY(!e.forwardInfos[2].isInternet()); // disabled

        // No key material anywhere in what is kept or logged.
        QString logged;
        QDebug(&logged) << e;
        for (const ForwardInfo& f : e.forwardInfos) {
            logged += f.name + f.containerName + f.forwardPort + f.externalPort + f.accessTypes.join(u',');
        }
        logged += Exposure::of(e, Visibility::Unknown).forwardDescriptions().join(u'\n');
        QVERIFY(!logged.contains(u"AAAAC3Nz"_s));
        QVERIFY(!logged.contains(u"eip-bp1x"_s));
    }

    void toleratesOddShapes()
    {
        QVERIFY(parse(R"({"VpcId":"v"})").forwardInfos.isEmpty());
        QVERIFY(parse(R"({"VpcId":"v","ForwardInfos":null})").forwardInfos.isEmpty());
        QVERIFY(parse(R"({"VpcId":"v","ForwardInfos":"[]"})").forwardInfos.isEmpty());
        QCOMPARE(parse(R"({"ForwardInfos":[1,null]})").forwardInfos.size(), 2);
        // AccessType as one string still counts; case and blanks do not hide "internet".
        const Environment single = parse(R"({"ForwardInfos":[{"Enable":true,"AccessType":"Internet"}]})");
        QVERIFY(single.forwardInfos.value(0).isInternet());
        const Environment padded = parse(R"({"ForwardInfos":[{"Enable":true,"AccessType":[" INTERNET "]}]})");
        QVERIFY(padded.forwardInfos.value(0).isInternet());
        const Environment none = parse(R"({"ForwardInfos":[{"Enable":true,"AccessType":[]}]})");
        QVERIFY(!none.forwardInfos.value(0).isInternet());
    }

    void exposureCombinations_data()
    {
        QTest::addColumn<QByteArray>("forwards");
        QTest::addColumn<bool>("withRole");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<bool>("internet");
        QTest::addColumn<bool>("internetWithRole");
        QTest::addColumn<bool>("reachableNow");
        QTest::addColumn<QStringList>("ports");

        const QByteArray internet =
            R"([{"Enable":true,"AccessType":["internet"],"ForwardPort":"22","ExternalPort":"2222"}])";
        const QByteArray intranet = R"([{"Enable":true,"AccessType":["intranet"],"ForwardPort":"22"}])";
        const QByteArray disabled = R"([{"Enable":false,"AccessType":["internet"],"ForwardPort":"22"}])";
        const QByteArray samePort = R"([{"Enable":true,"AccessType":["internet"],"ForwardPort":"8888",)"
                                    R"("ExternalPort":"8888"},{"Enable":true,"AccessType":["internet"]}])";
        const QStringList ssh{u"22->2222"_s};
        QTest::newRow("none") << QByteArray("[]") << true << QByteArray("Running") << false << false << false
                              << QStringList();
        QTest::newRow("intranet with role")
            << intranet << true << QByteArray("Running") << false << false << false << QStringList();
        QTest::newRow("disabled internet")
            << disabled << true << QByteArray("Running") << false << false << false << QStringList();
        QTest::newRow("internet, no role")
            << internet << false << QByteArray("Running") << true << false << true << ssh;
        QTest::newRow("internet with role") << internet << true << QByteArray("Running") << true << true << true << ssh;
        QTest::newRow("internet stopped") << internet << true << QByteArray("Stopped") << true << true << false << ssh;
        QTest::newRow("ports") << samePort << false << QByteArray("Running") << true << false << true
                               << QStringList{u"8888"_s, u"?"_s};
    }

    void exposureCombinations()
    {
        QFETCH(QByteArray, forwards);
        QFETCH(bool, withRole);
        QFETCH(QByteArray, status);
        QFETCH(bool, internet);
        QFETCH(bool, internetWithRole);
        QFETCH(bool, reachableNow);
        QFETCH(QStringList, ports);
        const Environment e =
            parse(R"({"ForwardInfos":)" + forwards + "}", withRole ? kDefaultRole : QByteArray("{}"), status);
        QCOMPARE(e.role.hasRole(), withRole);
        for (const Visibility vis : {Visibility::Unknown, Visibility::Private, Visibility::Public}) {
            const Exposure x = Exposure::of(e, vis);
            QCOMPARE(x.isInternetReachable(), internet);
            QCOMPARE(x.isInternetReachableWithRole(), internetWithRole);
            QCOMPARE(x.isReachableNow(), reachableNow);
            QCOMPARE(x.isRecordedPublic(), vis == Visibility::Public);
            QCOMPARE(x.hasRole, withRole);
            QCOMPARE(x.visibility, vis);
            QCOMPARE(x.internetPortTexts(), ports);
            QCOMPARE(x.forwards.size(), e.forwardInfos.size());
            QCOMPARE(x.forwardDescriptions().size(), e.forwardInfos.size());
            QCOMPARE(x.summary().contains(u"Reachable from the internet"_s), internet);
        }
    }

    void describesAForward()
    {
        ForwardInfo f;
        f.name = u"ssh"_s;
        f.enabled = true;
        f.accessTypes = QStringList{u"internet"_s};
        f.forwardPort = u"22"_s;
        f.externalPort = u"2222"_s;
        f.hasEip = true;
        f.hasSshPublicKey = true;
        const QString line = Exposure::describe(f);
        QVERIFY2(line.contains(u"22->2222"_s) && line.contains(u"EIP"_s) && line.contains(u"SSH public key set"_s) &&
                     line.contains(u"reachable from the internet"_s),
                 qPrintable(line));
        f.enabled = false;
        QVERIFY(Exposure::describe(f).contains(u"disabled"_s));
    }

    // The two risks, written once: a role (default or custom) AND exposed (recorded public / internet-reachable).
    void risksNeedARoleAndAnExposure()
    {
        const RoleAssociation custom = RoleAssociation::customRole(u"acs:ram::1:role/R"_s);
        const RoleAssociation unknown = RoleAssociation::unknown(u"odd"_s);
        QVERIFY(Exposure::publicWithRole(RoleAssociation::dataWorksDefault(), Visibility::Public));
        QVERIFY(Exposure::publicWithRole(custom, Visibility::Public));
        QVERIFY(!Exposure::publicWithRole(RoleAssociation::none(), Visibility::Public));
        QVERIFY(!Exposure::publicWithRole(unknown, Visibility::Public));
        QVERIFY(!Exposure::publicWithRole(custom, Visibility::Private));
        QVERIFY(!Exposure::publicWithRole(custom, Visibility::Unknown));
        QVERIFY(Exposure::internetWithRole(custom, true));
        QVERIFY(!Exposure::internetWithRole(custom, false));
        QVERIFY(!Exposure::internetWithRole(RoleAssociation::none(), true));
        QVERIFY(!Exposure::internetWithRole(unknown, true));

        // The value form says the same.
        const Environment e =
            parse("{\"ForwardInfos\":[{\"Enable\":true,\"AccessType\":[\"internet\"],\"ForwardPort\":\"22\"}]}",
                  kDefaultRole);
        QVERIFY(Exposure::of(e, Visibility::Public).isPublicWithRole());
        QVERIFY(!Exposure::of(e, Visibility::Private).isPublicWithRole());
        QVERIFY(Exposure::of(e, Visibility::Private).isInternetReachableWithRole());
        const Environment bare = parse("{\"ForwardInfos\":[]}");
        QVERIFY(!Exposure::of(bare, Visibility::Public).isPublicWithRole());
    }
};

QTEST_GUILESS_MAIN(TestExposure)
#include "test_exposure.moc"
