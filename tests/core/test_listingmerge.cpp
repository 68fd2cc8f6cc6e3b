// ListingMerge: the one rule for an environment a listing returns twice, used by the GUI's table and by
// ServerIdeListing (the CLI): first place kept, the copy read last wins.
#include "model/ListingMerge.h"

#include <QTest>

using Outcome = ListingMerge::Outcome;
using Placement = ListingMerge::Placement;

class TestListingMerge : public QObject
{
    Q_OBJECT
private slots:
    void newInstancesAreAppendedInOrder()
    {
        ListingMerge merge;
        QCOMPARE(merge.place(QStringLiteral("a"), 1), (Placement{Outcome::Added, 0}));
        QCOMPARE(merge.place(QStringLiteral("b"), 1), (Placement{Outcome::Added, 1}));
        QCOMPARE(merge.place(QStringLiteral("c"), 2), (Placement{Outcome::Added, 2}));
        QCOMPARE(merge.size(), 3);
        QCOMPARE(merge.indexOf(QStringLiteral("b")), 1);
        QCOMPARE(merge.indexOf(QStringLiteral("z")), -1);
    }

    // The GUI's case: pages handed over as they arrive, so every repeat was read later and replaces in place.
    void aCopyReadLaterReplacesAtTheFirstPlace()
    {
        ListingMerge merge;
        merge.place(QStringLiteral("a"), 1);
        merge.place(QStringLiteral("b"), 1);
        QCOMPARE(merge.place(QStringLiteral("a"), 2), (Placement{Outcome::Replaces, 0}));
        QCOMPARE(merge.size(), 2);
        QCOMPARE(merge.place(QStringLiteral("a"), 5), (Placement{Outcome::Replaces, 0}));
    }

    // The CLI's case: pages handed over in page order, each with the order its answer arrived in. A later page that
    // was read earlier does not override the copy read after it.
    void aCopyReadEarlierIsDropped()
    {
        ListingMerge merge;
        merge.place(QStringLiteral("x"), 1);                                                // page 1, read first
        merge.place(QStringLiteral("y"), 3);                                                // page 2, read last
        QCOMPARE(merge.place(QStringLiteral("y"), 2), (Placement{Outcome::Superseded, 1})); // page 3, read second
        QCOMPARE(merge.place(QStringLiteral("x"), 3), (Placement{Outcome::Replaces, 0}));   // x again in page 2
        // A copy read earlier after a later one never wins back.
        QCOMPARE(merge.place(QStringLiteral("x"), 2), (Placement{Outcome::Superseded, 0}));
    }

    // The same page (or pages read together): the later one handed over counts as read last.
    void aTieGoesToTheLaterOne()
    {
        ListingMerge merge;
        merge.place(QStringLiteral("a"), 4);
        QCOMPARE(merge.place(QStringLiteral("a"), 4), (Placement{Outcome::Replaces, 0}));
    }

    void clearForgetsEverything()
    {
        ListingMerge merge;
        merge.place(QStringLiteral("a"), 1);
        merge.clear();
        QCOMPARE(merge.size(), 0);
        QCOMPARE(merge.place(QStringLiteral("a"), 0), (Placement{Outcome::Added, 0}));
    }
};

QTEST_GUILESS_MAIN(TestListingMerge)
#include "test_listingmerge.moc"
