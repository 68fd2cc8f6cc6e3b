// Revocation::afterChange: how long credentials issued before a role change can still work.
#include "model/Revocation.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kArn = u"acs:ram::1380246718450127:role/PartnerEtlRole"_s;
const QDateTime kAt(QDate(2026, 12, 7), QTime(3, 30), Qt::UTC);
} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT
private slots:
    void customRoleUsesItsMaximum()
    {
        const Revocation::Window w =
            Revocation::afterChange(RoleAssociation::customRole(kArn), RoleAssociation::none(), kAt, 7200);
        QVERIFY(w.applies);
        QVERIFY(w.maximumKnown);
        QCOMPARE(w.maxSessionSeconds, 7200);
        QCOMPARE(w.validUntilUtc(), kAt.addSecs(7200));
        const QString text = w.explanation();
        QVERIFY2(text.contains(u"2026-12-07 05:30 UTC"_s), qPrintable(text));
        QVERIFY(text.contains(u"not revoked"_s));
        QVERIFY(text.contains(u"7200"_s));
        QVERIFY(text.contains(u"copy already taken out"_s));
    }

    void defaultRoleMaximumIsUnknownAndSaidSo()
    {
        const Revocation::Window w =
            Revocation::afterChange(RoleAssociation::dataWorksDefault(), RoleAssociation::customRole(kArn), kAt);
        QVERIFY(w.applies);
        QVERIFY(!w.maximumKnown);
        QCOMPARE(w.maxSessionSeconds, Revocation::kStsCeilingSeconds);
        QCOMPARE(w.validUntilUtc(), kAt.addSecs(43200));
        QVERIFY(w.explanation().contains(u"unknown"_s));
        QVERIFY(w.explanation().contains(u"12 hours"_s));
        // A maximum passed for the default role is not trusted as its own (nothing public gives it).
        QVERIFY(!Revocation::afterChange(RoleAssociation::dataWorksDefault(), RoleAssociation::none(), kAt, 3600)
                     .maximumKnown);
    }

    void customRoleWithoutAReadableMaximum()
    {
        const Revocation::Window w =
            Revocation::afterChange(RoleAssociation::customRole(kArn), RoleAssociation::dataWorksDefault(), kAt);
        QVERIFY(w.applies && !w.maximumKnown);
        QCOMPARE(w.validUntilUtc(), kAt.addSecs(43200));
        // Out-of-range values are kept inside what STS allows.
        QCOMPARE(Revocation::afterChange(RoleAssociation::customRole(kArn), RoleAssociation::none(), kAt, 99999)
                     .maxSessionSeconds,
                 43200);
    }

    void nothingToRevoke()
    {
        QVERIFY(!Revocation::afterChange(RoleAssociation::none(), RoleAssociation::dataWorksDefault(), kAt).applies);
        QVERIFY(!Revocation::afterChange(RoleAssociation::dataWorksDefault(), RoleAssociation::dataWorksDefault(), kAt)
                     .applies);
        const Revocation::Window none = Revocation::afterChange(RoleAssociation::none(), RoleAssociation::none(), kAt);
        QVERIFY(!none.validUntilUtc().isValid());
        QVERIFY(none.explanation().isEmpty());
        // An unrecognised configuration may hold credentials: it counts.
        QVERIFY(
            Revocation::afterChange(RoleAssociation::unknown(u"two configs"_s), RoleAssociation::none(), kAt).applies);
    }
};

QTEST_GUILESS_MAIN(TestRevocation)
#include "test_revocation.moc"
