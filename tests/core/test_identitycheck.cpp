// IdentityCheck: a caller identity (STS GetCallerIdentity) against an environment's role, the one rule the credential
// inspector's Validate shows.
#include "model/IdentityCheck.h"

#include <QTest>

using Outcome = IdentityCheck::Outcome;

namespace {
const QString kAssumed = QStringLiteral("acs:ram::1380246718450127:assumed-role/DataWorksDevRetailReader/s-700101");
const QString kAssumedOther = QStringLiteral("acs:ram::1380246718450127:assumed-role/AliyunDataWorksDefaultRole/s-1");
const QString kUser = QStringLiteral("acs:ram::1380246718450127:user/alice");
const QString kRoleArn = QStringLiteral("acs:ram::1380246718450127:role/dataworksdevretailreader");
} // namespace

class TestIdentityCheck : public QObject
{
    Q_OBJECT
private slots:
    void roleNameFromEitherArnForm()
    {
        QCOMPARE(IdentityCheck::roleNameFromArn(kAssumed), QStringLiteral("DataWorksDevRetailReader"));
        QCOMPARE(IdentityCheck::roleNameFromArn(QStringLiteral("acs:ram::1:ROLE/Reader")), QStringLiteral("Reader"));
        QCOMPARE(IdentityCheck::roleNameFromArn(kUser), QString());
        QCOMPARE(IdentityCheck::roleNameFromArn(QStringLiteral("no colon")), QString());
    }

    // A custom role's ARN (role/NAME) against the assumed-role ARN of the session: the names compared ignoring case.
    void customRoleMatchesItsAssumedRoleSession()
    {
        const IdentityCheck check =
            IdentityCheck::of(RoleAssociation::customRole(kRoleArn), kAssumed, QStringLiteral("AssumedRoleUser"));
        QCOMPARE(check.outcome, Outcome::Matches);
        QVERIFY(check.matches());
        QCOMPARE(check.expectedRoleName, QStringLiteral("dataworksdevretailreader"));
        QCOMPARE(check.actualRoleName, QStringLiteral("DataWorksDevRetailReader"));
        QVERIFY(check.text.contains(QLatin1String("matches the environment's role dataworksdevretailreader")));
    }

    void customRoleAgainstAnotherRoleOrAUserIsAMismatch()
    {
        const RoleAssociation role = RoleAssociation::customRole(kRoleArn);
        IdentityCheck check = IdentityCheck::of(role, kAssumedOther, QStringLiteral("AssumedRoleUser"));
        QCOMPARE(check.outcome, Outcome::Mismatch);
        QVERIFY(!check.matches());
        QVERIFY(check.text.contains(QLatin1String("NOT match")));
        QVERIFY(check.text.contains(QLatin1String("AliyunDataWorksDefaultRole")));
        // No role name in the identity: the whole ARN is named.
        check = IdentityCheck::of(role, kUser, QStringLiteral("RAMUser"));
        QCOMPARE(check.outcome, Outcome::Mismatch);
        QVERIFY(check.text.contains(kUser));
    }

    // The default role's name is not published: only a role session is checked for.
    void defaultRoleNeedsARoleSession()
    {
        const RoleAssociation role = RoleAssociation::dataWorksDefault();
        IdentityCheck check = IdentityCheck::of(role, kAssumedOther, QStringLiteral("assumedroleuser"));
        QCOMPARE(check.outcome, Outcome::Matches);
        QVERIFY(check.text.contains(QLatin1String("AliyunDataWorksDefaultRole")));
        check = IdentityCheck::of(role, kUser, QStringLiteral("RAMUser"));
        QCOMPARE(check.outcome, Outcome::Mismatch);
        QVERIFY(check.text.contains(QLatin1String("not a role session")));
    }

    void noRoleIsAlwaysAMismatch()
    {
        const IdentityCheck check =
            IdentityCheck::of(RoleAssociation::none(), kAssumed, QStringLiteral("AssumedRoleUser"));
        QCOMPARE(check.outcome, Outcome::Mismatch);
        QVERIFY(!check.matches());
        QVERIFY(check.text.contains(QLatin1String("no role")));
    }

    // An unrecognised configuration gives nothing to compare with: not checked, not called a mismatch, no sentence.
    void unknownIsNotChecked()
    {
        const IdentityCheck check =
            IdentityCheck::of(RoleAssociation::unknown(QStringLiteral("odd config")), kUser, QStringLiteral("RAMUser"));
        QCOMPARE(check.outcome, Outcome::NotChecked);
        QVERIFY(check.matches());
        QVERIFY(check.text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIdentityCheck)
#include "test_identitycheck.moc"
