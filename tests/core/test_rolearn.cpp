#include "model/RoleArn.h"

#include <QTest>

class TestRoleArn : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("role");
        QTest::newRow("plain") << QStringLiteral("acs:ram::1234567890123456:role/DataWorksRole")
                               << QStringLiteral("1234567890123456") << QStringLiteral("DataWorksRole");
        QTest::newRow("all chars") << QStringLiteral("acs:ram::1:role/a.b-c_D9") << QStringLiteral("1")
                                   << QStringLiteral("a.b-c_D9");
        QTest::newRow("whitespace") << QStringLiteral("  acs:ram::42:role/x\n") << QStringLiteral("42")
                                    << QStringLiteral("x");
        QTest::newRow("64 chars") << QStringLiteral("acs:ram::42:role/") + QString(64, u'r') << QStringLiteral("42")
                                  << QString(64, u'r');
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, account);
        QFETCH(QString, role);
        const RoleArn arn = RoleArn::parse(text);
        QVERIFY2(arn.isValid(), qPrintable(arn.errorString()));
        QCOMPARE(arn.accountId(), account);
        QCOMPARE(arn.roleName(), role);
        QCOMPARE(arn.toString(), QStringLiteral("acs:ram::") + account + QStringLiteral(":role/") + role);
        QVERIFY(arn.errorString().isEmpty());
    }

    void rejectsWithAReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("wrong service") << QStringLiteral("acs:sts::1:role/x") << QStringLiteral("acs:ram::");
        QTest::newRow("user arn") << QStringLiteral("acs:ram::1:user/alice") << QStringLiteral(":role/");
        QTest::newRow("assumed role") << QStringLiteral("acs:ram::1:assumed-role/x/s") << QStringLiteral(":role/");
        QTest::newRow("no account") << QStringLiteral("acs:ram:::role/x") << QStringLiteral("account");
        QTest::newRow("masked account") << QStringLiteral("acs:ram::123456789012****:role/x")
                                        << QStringLiteral("digits");
        QTest::newRow("no name") << QStringLiteral("acs:ram::1:role/") << QStringLiteral("no role name");
        QTest::newRow("too long") << QStringLiteral("acs:ram::1:role/") + QString(65, u'r') << QStringLiteral("64");
        QTest::newRow("bad char") << QStringLiteral("acs:ram::1:role/a b") << QStringLiteral("letters");
        QTest::newRow("slash in name") << QStringLiteral("acs:ram::1:role/a/b") << QStringLiteral("letters");
        QTest::newRow("unicode") << QStringLiteral("acs:ram::1:role/r\u00f4le") << QStringLiteral("letters");
    }
    void rejectsWithAReason()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const RoleArn arn = RoleArn::parse(text);
        QVERIFY(!arn.isValid());
        QVERIFY(arn.toString().isEmpty());
        QVERIFY2(arn.errorString().contains(mentions), qPrintable(arn.errorString()));
        QCOMPARE(arn.input(), text);
    }

    void comparesRoleNamesCaseInsensitively()
    {
        QVERIFY(RoleArn::roleNamesEqual(u"DataWorksRole", u"dataworksrole"));
        QVERIFY(!RoleArn::roleNamesEqual(u"a", u"b"));
        const RoleArn a = RoleArn::parse(QStringLiteral("acs:ram::1:role/MyRole"));
        QVERIFY(a.sameRole(RoleArn::parse(QStringLiteral("acs:ram::1:role/MYROLE"))));
        QVERIFY(!a.sameRole(RoleArn::parse(QStringLiteral("acs:ram::2:role/MyRole"))));
        QVERIFY(!a.sameRole(RoleArn::parse(QStringLiteral("bad"))));
        QVERIFY(RoleArn::isValidRoleName(u"a_b"));
        QVERIFY(!RoleArn::isValidRoleName(u""));
    }
};

QTEST_GUILESS_MAIN(TestRoleArn)
#include "test_rolearn.moc"
