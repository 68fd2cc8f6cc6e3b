// CredentialConfigMapping's conservative reading (details) and writing (planWrite): every member a write does not mean
// to change is kept, UserInfo never travels back, and what is kept or dropped is said.
#include "model/CredentialConfigMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
const QString kArnA = QStringLiteral("acs:ram::1380246718450127:role/DataWorksDevRetailReader");
const QString kArnB = QStringLiteral("acs:ram::1380246718450127:role/DataWorksSharedAnalytics");
const QString kPolicy = QStringLiteral("{\"Statement\":[{\"Action\":\"odps:Read*\",\"Effect\":\"Allow\","
                                       "\"Resource\":\"*\"}],\"Version\":\"1\"}");

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// A custom role restricted by a session policy, as an answer carries it (with UserInfo secrets).
QJsonObject restrictedCustom()
{
    QJsonObject role{{QStringLiteral("RoleArn"), kArnA},
                     {QStringLiteral("RoleType"), QStringLiteral("service")},
                     {QStringLiteral("AssumeRoleFor"), QStringLiteral("1380246718450127")},
                     {QStringLiteral("Policy"), kPolicy},
                     {QStringLiteral("UserInfo"),
                      QJsonObject{{QStringLiteral("Id"), QStringLiteral("2093")},
                                  {QStringLiteral("AccessKeyId"), QStringLiteral("STS.NSECRETKEY")},
                                  {QStringLiteral("SecurityToken"), QStringLiteral("CAISSECRETTOKEN")}}}};
    QJsonObject config{{QStringLiteral("Key"), QStringLiteral("0")},
                       {QStringLiteral("Type"), QStringLiteral("Role")},
                       {QStringLiteral("Roles"), QJsonArray{role}}};
    return QJsonObject{{QStringLiteral("Enable"), true},
                       {QStringLiteral("AliyunEnvRoleKey"), QStringLiteral("0")},
                       {QStringLiteral("Configs"), QJsonArray{config}}};
}

QJsonObject firstRole(const QJsonObject& config, int configIndex = 0)
{
    return config.value(QStringLiteral("Configs"))
        .toArray()
        .at(configIndex)
        .toObject()
        .value(QStringLiteral("Roles"))
        .toArray()
        .at(0)
        .toObject();
}
} // namespace

class TestCredentialConfigWrite : public QObject
{
    Q_OBJECT
private slots:
    void readsDetails()
    {
        const RoleAssociation r = CredentialConfigMapping::fromJson(restrictedCustom());
        QVERIFY(r.isCustomRole());
        QCOMPARE(r.roleArn(), kArnA);
        QVERIFY(r.isRestricted());
        QCOMPARE(r.sessionPolicy(), kPolicy);
        QCOMPARE(r.assumeRoleFor(), QStringLiteral("1380246718450127"));
        QVERIFY(r.detailText().contains(QStringLiteral("session policy")));
        // Details do not make another role: the plain custom role is the same choice.
        QCOMPARE(r, RoleAssociation::customRole(kArnA));
        QVERIFY(!r.sameDetails(RoleAssociation::customRole(kArnA)));

        const RoleAssociation chain =
            CredentialConfigMapping::fromJson(parse(R"({"Enable":true,"Configs":[{"Key":"0","Type":"RoleChain","Roles":[
                  {"RoleArn":"acs:ram::1:role/AliyunDataWorksDefaultRole","RoleType":"service"},
                  {"RoleArn":"acs:ram::1:role/second"}]}]})"));
        QVERIFY(chain.isDataWorksDefault());
        QCOMPARE(chain.chainRoles().size(), 2);
        QCOMPARE(chain.chainRoles().at(0).roleArn, QStringLiteral("acs:ram::1:role/AliyunDataWorksDefaultRole"));
        QCOMPARE(chain.chainRoles().at(0).roleType, QStringLiteral("service"));
        QVERIFY(chain.detailText().contains(QStringLiteral("acs:ram::1:role/second")));

        const RoleAssociation user = CredentialConfigMapping::fromJson(parse(
            R"({"Enable":true,"Configs":[{"Type":"Role","Roles":[{"RoleArn":"acs:ram::1:role/u","RoleType":"user"}]}]})"));
        QVERIFY(user.isCustomRole());
        QVERIFY(user.isUserRole());
    }

    void withoutUserInfoRemovesEverySecret()
    {
        const QJsonObject clean = CredentialConfigMapping::withoutUserInfo(restrictedCustom());
        const QByteArray text = QJsonDocument(clean).toJson();
        QVERIFY(!text.contains("UserInfo"));
        QVERIFY(!text.contains("SECRET"));
        QCOMPARE(firstRole(clean).value(QStringLiteral("Policy")).toString(), kPolicy);
        // The JSON string form too.
        const QJsonObject fromString = CredentialConfigMapping::withoutUserInfo(
            QString::fromUtf8(QJsonDocument(restrictedCustom()).toJson(QJsonDocument::Compact)));
        QCOMPARE(fromString, clean);
    }

    void customToCustomKeepsPolicyAssumeRoleForAndType()
    {
        const auto plan = CredentialConfigMapping::planWrite(
            CredentialConfigMapping::withoutUserInfo(restrictedCustom()), RoleAssociation::customRole(kArnB));
        QVERIFY(!plan.isBlocked());
        const QJsonObject role = firstRole(plan.config);
        QCOMPARE(role.value(QStringLiteral("RoleArn")).toString(), kArnB);
        QCOMPARE(role.value(QStringLiteral("Policy")).toString(), kPolicy);
        QCOMPARE(role.value(QStringLiteral("AssumeRoleFor")).toString(), QStringLiteral("1380246718450127"));
        QCOMPARE(role.value(QStringLiteral("RoleType")).toString(), QStringLiteral("service"));
        QVERIFY(!role.contains(QStringLiteral("UserInfo")));
        QVERIFY(plan.kept.join(QLatin1Char('\n')).contains(QStringLiteral("session policy")));
        QVERIFY(plan.dropped.isEmpty());
        // Asked to, it drops the policy and says so.
        CredentialConfigMapping::WriteOptions drop;
        drop.dropSessionPolicy = true;
        const auto dropped =
            CredentialConfigMapping::planWrite(restrictedCustom(), RoleAssociation::customRole(kArnB), drop);
        QVERIFY(!firstRole(dropped.config).contains(QStringLiteral("Policy")));
        QVERIFY(dropped.dropped.join(QLatin1Char('\n')).contains(QStringLiteral("session policy")));
    }

    void replacingARestrictedRoleIsBlockedUnlessDropped()
    {
        // Default role or none where a session policy restricted a custom role: the default role has no place for
        // the policy, so it is not silently lost.
        const auto blocked =
            CredentialConfigMapping::planWrite(restrictedCustom(), RoleAssociation::dataWorksDefault());
        QVERIFY(blocked.isBlocked());
        QVERIFY(blocked.blockers.first().contains(kArnA));
        CredentialConfigMapping::WriteOptions drop;
        drop.dropSessionPolicy = true;
        const auto allowed =
            CredentialConfigMapping::planWrite(restrictedCustom(), RoleAssociation::dataWorksDefault(), drop);
        QVERIFY(!allowed.isBlocked());
        QVERIFY(CredentialConfigMapping::fromJson(allowed.config).isDataWorksDefault());
        // Removing the role removes its policy with it: no block.
        const auto none = CredentialConfigMapping::planWrite(restrictedCustom(), RoleAssociation::none());
        QVERIFY(!none.isBlocked());
        QCOMPARE(none.config.value(QStringLiteral("Enable")).toBool(true), false);
        QVERIFY(CredentialConfigMapping::fromJson(none.config).isNone());
        QVERIFY(!none.dropped.isEmpty());
    }

    void otherConfigsAndUnknownMembersAreKept()
    {
        // Configured by someone else: two configs, the key selects "1"; members RoleDesk does not know.
        const QJsonObject current = parse(R"({"Enable":true,"AliyunEnvRoleKey":"1","Extra":"keep me","Configs":[
            {"Key":"0","Type":"RoleChain"},
            {"Key":"1","Type":"Role","Note":"x","Roles":[{"RoleArn":"acs:ram::1380246718450127:role/DataWorksDevRetailReader","RoleType":"user","Label":"l"}]}]})");
        QCOMPARE(CredentialConfigMapping::fromJson(current).roleArn(), kArnA);
        const auto plan = CredentialConfigMapping::planWrite(current, RoleAssociation::customRole(kArnB));
        QVERIFY(!plan.isBlocked());
        QCOMPARE(plan.config.value(QStringLiteral("Extra")).toString(), QStringLiteral("keep me"));
        QCOMPARE(plan.config.value(QStringLiteral("AliyunEnvRoleKey")).toString(), QStringLiteral("1"));
        const QJsonArray configs = plan.config.value(QStringLiteral("Configs")).toArray();
        QCOMPARE(configs.size(), 2);
        QCOMPARE(configs.at(0).toObject(), current.value(QStringLiteral("Configs")).toArray().at(0).toObject());
        QCOMPARE(configs.at(1).toObject().value(QStringLiteral("Note")).toString(), QStringLiteral("x"));
        const QJsonObject role = firstRole(plan.config, 1);
        QCOMPARE(role.value(QStringLiteral("RoleArn")).toString(), kArnB);
        QCOMPARE(role.value(QStringLiteral("RoleType")).toString(), QStringLiteral("user"));
        QCOMPARE(role.value(QStringLiteral("Label")).toString(), QStringLiteral("l"));
        QCOMPARE(CredentialConfigMapping::fromJson(plan.config).roleArn(), kArnB);
        // The default role replaces only the selected config.
        const auto toDefault = CredentialConfigMapping::planWrite(current, RoleAssociation::dataWorksDefault());
        QVERIFY(!toDefault.isBlocked());
        const QJsonArray after = toDefault.config.value(QStringLiteral("Configs")).toArray();
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.at(1).toObject().value(QStringLiteral("Type")).toString(), QStringLiteral("RoleChain"));
        QCOMPARE(after.at(1).toObject().value(QStringLiteral("Key")).toString(), QStringLiteral("1"));
        QVERIFY(CredentialConfigMapping::fromJson(toDefault.config).isDataWorksDefault());
    }

    void defaultReusesAChainSeenElsewhereOrSaysItIsMinimal()
    {
        CredentialConfigMapping::WriteOptions options;
        options.defaultChain = {
            {QStringLiteral("acs:ram::1:role/AliyunDataWorksDefaultRole"), QStringLiteral("service")}};
        options.defaultChainSource = QStringLiteral("environment 700101");
        const auto plan = CredentialConfigMapping::planWrite({}, RoleAssociation::dataWorksDefault(), options);
        const QJsonObject role = firstRole(plan.config);
        QCOMPARE(role.value(QStringLiteral("RoleArn")).toString(),
                 QStringLiteral("acs:ram::1:role/AliyunDataWorksDefaultRole"));
        QVERIFY(!role.contains(QStringLiteral("AssumeRoleFor")));
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("environment 700101")));
        const auto minimal = CredentialConfigMapping::planWrite({}, RoleAssociation::dataWorksDefault());
        QCOMPARE(minimal.config, CredentialConfigMapping::toJson(RoleAssociation::dataWorksDefault()));
        QVERIFY(minimal.notes.join(QLatin1Char('\n')).contains(QStringLiteral("minimal")));
        // From nothing, a custom role is the minimal form too.
        QCOMPARE(CredentialConfigMapping::planWrite({}, RoleAssociation::customRole(kArnA)).config,
                 CredentialConfigMapping::toJson(RoleAssociation::customRole(kArnA)));
    }

    void serializeSortsKeysLikeTheSdk()
    {
        const QString text = CredentialConfigMapping::serialize(
            CredentialConfigMapping::planWrite({}, RoleAssociation::customRole(kArnA)).config);
        QCOMPARE(text,
                 QStringLiteral("{\"AliyunEnvRoleKey\":\"0\",\"Configs\":[{\"Key\":\"0\",\"Roles\":[{\"RoleArn\":\"") +
                     kArnA + QStringLiteral("\",\"RoleType\":\"service\"}],\"Type\":\"Role\"}],\"Enable\":true}"));
    }

    void sameMeaningAllowsWhatTheServiceFillsIn()
    {
        const QJsonObject sent = CredentialConfigMapping::toJson(RoleAssociation::customRole(kArnA));
        QJsonObject back = sent;
        QJsonArray configs = back.value(QStringLiteral("Configs")).toArray();
        QJsonObject config = configs.at(0).toObject();
        QJsonArray roles = config.value(QStringLiteral("Roles")).toArray();
        QJsonObject role = roles.at(0).toObject();
        role.insert(QStringLiteral("AssumeRoleFor"), QStringLiteral("1380246718450127"));
        roles.replace(0, role);
        config.insert(QStringLiteral("Roles"), roles);
        configs.replace(0, config);
        back.insert(QStringLiteral("Configs"), configs);
        QVERIFY(CredentialConfigMapping::sameMeaning(sent, back));
        // A policy that appears, or another role, is a different meaning.
        role.insert(QStringLiteral("Policy"), kPolicy);
        roles.replace(0, role);
        config.insert(QStringLiteral("Roles"), roles);
        configs.replace(0, config);
        back.insert(QStringLiteral("Configs"), configs);
        QVERIFY(!CredentialConfigMapping::sameMeaning(sent, back));
        QVERIFY(!CredentialConfigMapping::sameMeaning(sent, CredentialConfigMapping::toJson(RoleAssociation::none())));
    }
};

QTEST_GUILESS_MAIN(TestCredentialConfigWrite)
#include "test_credentialconfigwrite.moc"
