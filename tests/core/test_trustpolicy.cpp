#include "model/TrustPolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace {
QString fixture(const char* name)
{
    QFile file(QStringLiteral(ROLEDESK_TEST_DATA_DIR "/model/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}
} // namespace

class TestTrustPolicy : public QObject
{
    Q_OBJECT
private slots:
    void dataWorksOnlyRole()
    {
        const TrustPolicy p = TrustPolicy::parse(fixture("trust_dataworks.json"));
        QVERIFY2(p.isValid(), qPrintable(p.errorString()));
        QVERIFY(p.trustsDataWorks());
        QVERIFY(p.trustsService(QStringLiteral("dataworks.aliyuncs.com")));
        QVERIFY(!p.trustsAccount(QStringLiteral("1234567890123456")));
        QCOMPARE(p.trustedServices(), QStringList{QStringLiteral("dataworks.aliyuncs.com")});
        QVERIFY(p.trustedAccounts().isEmpty());
        QVERIFY(p.explanation().contains(QLatin1String("trusts the DataWorks service")));
        QVERIFY(p.explanation().contains(QLatin1String("RAM users cannot assume it")));
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("services")).toArray(),
                 QJsonArray{QStringLiteral("dataworks.aliyuncs.com")});
        QCOMPARE(json.value(QStringLiteral("accounts")).toArray(), QJsonArray());
    }

    void accountTrustedRole()
    {
        const TrustPolicy p = TrustPolicy::parse(fixture("trust_account.json"));
        QVERIFY(p.isValid());
        QVERIFY(!p.trustsDataWorks());
        QVERIFY(p.trustsAccount(QStringLiteral("1234567890123456")));
        QVERIFY(!p.trustsAccount(QStringLiteral("999")));
        QCOMPARE(p.trustedAccounts(), QStringList{QStringLiteral("1234567890123456")});
        QCOMPARE(p.trustedRamPrincipals(), QStringList{QStringLiteral("acs:ram::1234567890123456:root")});
        QVERIFY(p.explanation().contains(QLatin1String("does not trust the DataWorks service")));
        QVERIFY(p.explanation().contains(QLatin1String("1234567890123456")));
    }

    void stringsListsAndCase()
    {
        const TrustPolicy p = TrustPolicy::parse(fixture("trust_mixed.json"));
        QVERIFY(p.isValid());
        QCOMPARE(p.statements().size(), 3);
        QVERIFY(p.trustsDataWorks()); // Service as a string, different case
        QVERIFY(p.trustsService(QStringLiteral("ecs.aliyuncs.com")));
        QVERIFY(p.trustsAccount(QStringLiteral("1111222233334444"))); // a user in the account
        QVERIFY(p.trustsAccount(QStringLiteral("5555666677778888"))); // a role in the account
        QCOMPARE(p.trustedAccounts(),
                 (QStringList{QStringLiteral("1111222233334444"), QStringLiteral("5555666677778888")}));
        QCOMPARE(p.trustedServices().size(), 3);
        QVERIFY(p.statements().at(1).hasCondition);
        QVERIFY(p.explanation().contains(QLatin1String("conditions")));
        QVERIFY(p.explanation().contains(QLatin1String("ecs.aliyuncs.com")));
    }

    void statementAsObjectAndSingleStrings()
    {
        const TrustPolicy p = TrustPolicy::parse(QStringLiteral(
            "{\"Statement\":{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":\"1234\"}}}"));
        QVERIFY(p.isValid());
        QVERIFY(p.trustsAccount(QStringLiteral("1234")));
    }

    void denyAndOtherActions()
    {
        const TrustPolicy denied = TrustPolicy::parse(QStringLiteral(
            "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            "\"dataworks.aliyuncs.com\",\"RAM\":\"acs:ram::1:root\"}},{\"Action\":\"sts:*\",\"Effect\":\"Deny\","
            "\"Principal\":{\"Service\":[\"dataworks.aliyuncs.com\"]}}]}"));
        QVERIFY(denied.isValid());
        QVERIFY(!denied.trustsDataWorks());
        QVERIFY(denied.trustsAccount(QStringLiteral("1")));
        QVERIFY(denied.trustedServices().isEmpty());

        const TrustPolicy otherAction = TrustPolicy::parse(QStringLiteral(
            "{\"Statement\":[{\"Action\":\"ram:GetRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            "\"dataworks.aliyuncs.com\"}}]}"));
        QVERIFY(!otherAction.trustsDataWorks());

        const TrustPolicy everyone = TrustPolicy::parse(QStringLiteral(
            "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"*\"]}}]}"));
        QVERIFY(everyone.trustsAccount(QStringLiteral("42")));
        QVERIFY(everyone.explanation().contains(QLatin1String("every")));
    }

    void invalidDocuments_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::newRow("not json") << QStringLiteral("{oops");
        QTest::newRow("array") << QStringLiteral("[]");
        QTest::newRow("no statement") << QStringLiteral("{\"Version\":\"1\"}");
    }
    void invalidDocuments()
    {
        QFETCH(QString, doc);
        const TrustPolicy p = TrustPolicy::parse(doc);
        QVERIFY(!p.isValid());
        QVERIFY(!p.errorString().isEmpty());
        QVERIFY(!p.trustsDataWorks());
        QCOMPARE(p.explanation(), p.errorString());
    }

    void memberNamesWithALeadingBomAgreeWithLookup()
    {
        // Issue 14: Qt 6.4 keeps "\uFEFFStatement" so that value("Statement") misses it while iteration returns
        // "Statement"; the case-insensitive iteration must not read a member a lookup would not.
        const QString bom(QChar(0xFEFF));
        const QString statement = QStringLiteral(
            R"({"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["dataworks.aliyuncs.com"]}})");
        const TrustPolicy top = TrustPolicy::parse(QStringLiteral("{\"") + bom + QStringLiteral("Statement\":[") +
                                                   statement + QStringLiteral("]}"));
        QVERIFY(!top.isValid());
        QVERIFY(!top.trustsDataWorks());
        QString nestedDoc = QStringLiteral("{\"Statement\":[") + statement + QStringLiteral("]}");
        nestedDoc.replace(QStringLiteral("\"Principal\""), QLatin1Char('"') + bom + QStringLiteral("Principal\""));
        const TrustPolicy nested = TrustPolicy::parse(nestedDoc);
        QVERIFY(!nested.trustsDataWorks());
        // Without the U+FEFF the same documents are read.
        QVERIFY(TrustPolicy::parse(QStringLiteral("{\"Statement\":[") + statement + QStringLiteral("]}"))
                    .trustsDataWorks());
    }

    void accountOfPrincipal()
    {
        QCOMPARE(TrustPolicy::accountOfPrincipal(QStringLiteral("acs:ram::123:root")), QStringLiteral("123"));
        QCOMPARE(TrustPolicy::accountOfPrincipal(QStringLiteral("acs:ram::123:user/a")), QStringLiteral("123"));
        QCOMPARE(TrustPolicy::accountOfPrincipal(QStringLiteral("123")), QStringLiteral("123"));
        QCOMPARE(TrustPolicy::accountOfPrincipal(QStringLiteral("*")), QStringLiteral("*"));
        QCOMPARE(TrustPolicy::accountOfPrincipal(QStringLiteral("ecs.aliyuncs.com")), QString());
    }
};

QTEST_GUILESS_MAIN(TestTrustPolicy)
#include "test_trustpolicy.moc"
