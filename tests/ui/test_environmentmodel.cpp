// EnvironmentTableModel + EnvironmentFilterModel at scale: 100,000 environments appended page by
// page, filtered with core's EnvironmentFilter (checked row by row against EnvironmentFilter::apply),
// sorted by each column, and visibility changes reflected in place.
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"

#include "model/EnvironmentFilter.h"
#include "model/VisibilityStore.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QElapsedTimer>
#include <QHash>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

namespace {

Environment makeEnvironment(int i)
{
    static const EnvironmentStatus statuses[] = {EnvironmentStatus::Running, EnvironmentStatus::Stopped,
                                                 EnvironmentStatus::Failed, EnvironmentStatus::Deleting,
                                                 EnvironmentStatus::Saved};
    Environment e;
    e.instanceId = QString::number(800000 + i);
    e.instanceName =
        QStringLiteral("Env_%1_%2").arg(i % 7 == 0 ? QStringLiteral("Sales") : QStringLiteral("lab")).arg(i);
    e.status = statuses[i % 5];
    e.statusText = EnvironmentStatuses::toString(e.status);
    e.projectId = 10001 + i % 4;
    e.projectName = QStringLiteral("ws_%1").arg(i % 4);
    e.ownerId = QStringLiteral("2093322157614273%1").arg(i % 10, 2, 10, QLatin1Char('0'));
    e.updateTimeMs = 1756000000000LL + qint64((i * 7919) % 100000) * 1000;
    e.updateTime = QDateTime::fromMSecsSinceEpoch(e.updateTimeMs, Qt::UTC);
    switch (i % 3) {
    case 0:
        e.role = RoleAssociation::none();
        break;
    case 1:
        e.role = RoleAssociation::dataWorksDefault();
        break;
    default:
        e.role = RoleAssociation::customRole(QStringLiteral("acs:ram::1380246718450127:role/Role%1").arg(i % 11));
    }
    return e;
}

} // namespace

class TestEnvironmentModel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kRows = 100'000;
    QList<Environment> m_all;
    QHash<QString, Visibility> m_visibility;

    QList<QString> shownIds(const EnvironmentFilterModel& proxy) const
    {
        QList<QString> ids;
        ids.reserve(proxy.rowCount());
        for (int r = 0; r < proxy.rowCount(); ++r)
            ids << proxy.index(r, 0).data(EnvironmentTableModel::InstanceIdRole).toString();
        return ids;
    }

    QList<QString> expectedIds(const EnvironmentFilter& filter, bool requireRole = false) const
    {
        QList<QString> ids;
        for (const Environment& e : m_all)
            if (filter.matches(e, m_visibility.value(e.instanceId, Visibility::Unknown)) &&
                (!requireRole || e.role.hasRole()))
                ids << e.instanceId;
        return ids;
    }

    // The order the proxy promises, computed independently from the source's values: the column's sort key, then
    // the lower-cased name, then the instance id; reversed for descending.
    static QList<QString> referenceIds(const EnvironmentTableModel& model, const std::function<bool(int)>& shows,
                                       int column, Qt::SortOrder order)
    {
        QList<int> rows;
        for (int r = 0; r < model.rowCount(); ++r)
            if (shows(r))
                rows << r;
        if (column >= 0) {
            const auto key = [&model, column](int r) {
                return model.index(r, column).data(EnvironmentTableModel::SortRole);
            };
            // Text in natural order, ignoring case ("lab_7" before "lab_1001", as issue 13 asks): the reference
            // collates on its own, in English where the test runs under the C locale.
            QCollator natural(QLocale(QLocale::English, QLocale::UnitedStates));
            natural.setNumericMode(true);
            natural.setCaseSensitivity(Qt::CaseInsensitive);
            std::sort(rows.begin(), rows.end(), [&](int a, int b) {
                const QVariant ka = key(a), kb = key(b);
                if (ka.typeId() == QMetaType::QString && kb.typeId() == QMetaType::QString) {
                    const int c = natural.compare(ka.toString(), kb.toString());
                    if (c != 0)
                        return c < 0;
                } else {
                    const QPartialOrdering c = QVariant::compare(ka, kb);
                    if (c != QPartialOrdering::Equivalent)
                        return c == QPartialOrdering::Less;
                }
                const int byName = natural.compare(model.keysAt(a).name, model.keysAt(b).name);
                if (byName != 0)
                    return byName < 0;
                return model.environmentAt(a).instanceId < model.environmentAt(b).instanceId;
            });
            if (order == Qt::DescendingOrder)
                std::reverse(rows.begin(), rows.end());
        }
        QList<QString> ids;
        for (int r : std::as_const(rows))
            ids << model.environmentAt(r).instanceId;
        return ids;
    }

    static QList<QString> proxyIds(const EnvironmentFilterModel& proxy)
    {
        QList<QString> ids;
        for (int r = 0; r < proxy.rowCount(); ++r)
            ids << proxy.index(r, 0).data(EnvironmentTableModel::InstanceIdRole).toString();
        return ids;
    }

    // What the proxy should show for a filter (and the "has a role" switch), in its order.
    static QList<QString> expectedShown(const EnvironmentTableModel& model, const EnvironmentFilterModel& proxy)
    {
        const EnvironmentFilter filter = proxy.filter();
        const bool requireRole = proxy.requireRole();
        return referenceIds(
            model,
            [&](int r) {
                const Environment& e = model.environmentAt(r);
                return filter.matches(e, model.keysAt(r).visibility) && (!requireRole || e.role.hasRole());
            },
            proxy.sortColumn(), proxy.sortOrder());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_all.reserve(kRows);
        for (int i = 0; i < kRows; ++i) {
            m_all << makeEnvironment(i);
            if (i % 13 == 0)
                m_visibility.insert(m_all.last().instanceId, Visibility::Public);
            else if (i % 2 == 0)
                m_visibility.insert(m_all.last().instanceId, Visibility::Private);
        }
    }

    void modelContract()
    {
        // Qt's own checker over a small model: rows inserted page by page, updates, reset.
        EnvironmentTableModel model;
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEnvironments(m_all.mid(0, 50));
        model.appendEnvironments(m_all.mid(50, 50));
        Environment changed = m_all.at(3);
        changed.role = RoleAssociation::dataWorksDefault();
        QVERIFY(model.updateEnvironment(changed));
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("sales"), -1, -1, -1));
        proxy.sort(EnvironmentTableModel::NameColumn);
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void pagesAppendRowsWithoutReset()
    {
        EnvironmentTableModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.appendEnvironments(m_all.mid(0, 100));
        model.appendEnvironments(m_all.mid(100, 100));
        // A page that repeats known environments updates them in place.
        model.appendEnvironments(m_all.mid(150, 100));
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowOf(m_all.at(249).instanceId), 249);
    }

    // core's ListingMerge in the table: a repeated environment keeps its row and shows the copy read last, also when
    // both copies come in the same batch of pages (one row, not two).
    void aRepeatKeepsItsRowAndTheLatestCopy()
    {
        EnvironmentTableModel model;
        model.appendEnvironments(m_all.mid(0, 3));
        Environment later = m_all.at(1);
        later.status = EnvironmentStatus::Deleting;
        later.statusText = QStringLiteral("Deleting");
        model.appendEnvironments({m_all.at(3), later});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(later.instanceId), 1);
        QCOMPARE(model.environmentAt(1).status, EnvironmentStatus::Deleting);
        Environment again = m_all.at(4);
        Environment againLater = again;
        againLater.instanceName = QStringLiteral("renamed_in_a_later_page");
        model.appendEnvironments({again, m_all.at(5), againLater});
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowOf(again.instanceId), 4);
        QCOMPARE(model.environmentAt(4).instanceName, QStringLiteral("renamed_in_a_later_page"));
        model.clear();
        model.appendEnvironments({m_all.at(1)});
        QCOMPARE(model.rowOf(m_all.at(1).instanceId), 0);
    }

    void repeatedValuesShareOneCopy()
    {
        // 100,000 rows repeat a few workspaces, owners, statuses and roles: the model keeps one copy of each.
        EnvironmentTableModel model;
        model.reserveRows(300);
        QList<Environment> page;
        for (int i = 0; i < 300; ++i) {
            Environment e = m_all.at(i);
            // Fresh strings, as a JSON answer gives them: equal text, separate memory.
            e.projectName = QString(e.projectName.constData(), e.projectName.size());
            e.ownerId = QString(e.ownerId.constData(), e.ownerId.size());
            e.statusText = QString(e.statusText.constData(), e.statusText.size());
            if (e.role.kind() == RoleAssociation::Kind::CustomRole)
                e.role = RoleAssociation::customRole(QString(e.role.roleArn().constData(), e.role.roleArn().size()));
            page << e;
        }
        model.appendEnvironments(page.mid(0, 150));
        model.appendEnvironments(page.mid(150));
        QCOMPARE(model.rowCount(), 300);
        const auto at = [&model](int row) -> const Environment& { return model.environmentAt(row); };
        QCOMPARE(at(3).projectName, at(7).projectName); // i % 4
        QCOMPARE(at(3).projectName.constData(), at(7).projectName.constData());
        QCOMPARE(at(3).ownerId.constData(), at(13).ownerId.constData());      // i % 10
        QCOMPARE(at(3).statusText.constData(), at(8).statusText.constData()); // i % 5
        QCOMPARE(at(2).role.roleArn(), at(35).role.roleArn());                // custom, i % 11
        QCOMPARE(at(2).role.roleArn().constData(), at(35).role.roleArn().constData());
        QCOMPARE(model.keysAt(2).role.constData(), model.keysAt(35).role.constData());
        QCOMPARE(model.keysAt(3).workspace.constData(), model.keysAt(7).workspace.constData());
        // The values are unchanged, row by row.
        for (int i = 0; i < 300; ++i)
            QCOMPARE(model.environmentAt(i), m_all.at(i));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.appendEnvironments(page.mid(0, 10));
        QCOMPARE(model.environmentAt(9), m_all.at(9));
    }

    void sortsIdsByLengthThenText()
    {
        // Numeric ids sort as numbers ("99" before "100"); ids of the same length by text. Digit-only ids take a fast
        // path, any other id the general comparison: both must give this order, ascending and descending.
        const QList<QList<QString>> cases{
            {QStringLiteral("100"), QStringLiteral("99"), QStringLiteral("7"), QStringLiteral("0100"),
             QStringLiteral("123456789012345678"), QStringLiteral("0099"), QStringLiteral("5")},
            {QStringLiteral("100"), QStringLiteral("99"), QStringLiteral("i-abc"), QStringLiteral("0100"),
             QStringLiteral("1234567890123456789"), QStringLiteral("7")},
        };
        for (const QList<QString>& ids : cases) {
            EnvironmentTableModel model;
            QList<Environment> envs;
            for (const QString& id : ids) {
                Environment e = m_all.at(envs.size());
                e.instanceId = id;
                envs << e;
            }
            model.appendEnvironments(envs);
            EnvironmentFilterModel proxy;
            proxy.setSourceModel(&model);
            QList<QString> expected = ids;
            std::sort(expected.begin(), expected.end(), [](const QString& a, const QString& b) {
                return a.size() != b.size() ? a.size() < b.size() : a < b;
            });
            proxy.sort(EnvironmentTableModel::IdColumn, Qt::AscendingOrder);
            QCOMPARE(proxyIds(proxy), expected);
            proxy.sort(EnvironmentTableModel::NameColumn, Qt::AscendingOrder);
            proxy.sort(EnvironmentTableModel::IdColumn, Qt::DescendingOrder);
            std::reverse(expected.begin(), expected.end());
            QCOMPARE(proxyIds(proxy), expected);
        }
    }

    void headerSaysRecordedByAdmins()
    {
        EnvironmentTableModel model;
        QVERIFY(model.headerData(EnvironmentTableModel::VisibilityColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("recorded by admins")));
        QCOMPARE(model.columnCount(), 9); // the Rules column is the last
    }

    void filtersHundredThousandRowsLikeCore()
    {
        EnvironmentTableModel model;
        const QHash<QString, Visibility> vis = m_visibility;
        model.setVisibilityLookup([vis](const QString& id) { return vis.value(id, Visibility::Unknown); });
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        QElapsedTimer timer;
        timer.start();
        for (int page = 0; page < kRows / 100; ++page)
            model.appendEnvironments(m_all.mid(page * 100, 100));
        qInfo() << "appended" << kRows << "rows in 1000 pages in" << timer.elapsed() << "ms";
        QCOMPARE(model.rowCount(), kRows);
        QCOMPARE(proxy.rowCount(), kRows);

        struct Case
        {
            QString text;
            int status;
            int visibility;
            int roleKind;
            bool requireRole;
        };
        const QList<Case> cases{
            {QStringLiteral("sales"), -1, -1, -1, false},
            {QStringLiteral("  SALES_7"), -1, -1, -1, false},
            {QStringLiteral("8000"), int(EnvironmentStatus::Running), -1, -1, false},
            {QString(), -1, int(Visibility::Public), -1, true},
            {QString(), int(EnvironmentStatus::Deleting), int(Visibility::Unknown),
             int(RoleAssociation::Kind::CustomRole), false},
            {QStringLiteral("lab_9"), -1, int(Visibility::Private), int(RoleAssociation::Kind::None), false},
            {QStringLiteral("no such environment"), -1, -1, -1, false},
        };
        for (const Case& c : cases) {
            const EnvironmentFilter filter =
                EnvironmentFilterModel::filterFromChoices(c.text, c.status, c.visibility, c.roleKind);
            timer.restart();
            proxy.setRequireRole(c.requireRole);
            proxy.setFilter(filter);
            const qint64 ms = timer.elapsed();
            const QList<QString> expected = expectedIds(filter, c.requireRole);
            QCOMPARE(proxy.rowCount(), int(expected.size()));
            QList<QString> shown = shownIds(proxy);
            QList<QString> want = expected;
            std::sort(shown.begin(), shown.end());
            std::sort(want.begin(), want.end());
            QCOMPARE(shown, want);
            qInfo() << "filter" << c.text << "->" << expected.size() << "rows in" << ms << "ms";
        }
        // Workspaces: only the ticked ones.
        proxy.setRequireRole(false);
        proxy.setFilter(EnvironmentFilter());
        proxy.setProjectIds({10001, 10003});
        QCOMPARE(proxy.rowCount(), kRows / 2);
        proxy.clearProjectIds();
        QCOMPARE(proxy.rowCount(), kRows);
    }

    void sortsHundredThousandRowsByEveryColumn()
    {
        EnvironmentTableModel model;
        const QHash<QString, Visibility> vis = m_visibility;
        model.setVisibilityLookup([vis](const QString& id) { return vis.value(id, Visibility::Unknown); });
        model.appendEnvironments(m_all);
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        for (int column = 0; column < EnvironmentTableModel::ColumnCount; ++column) {
            QElapsedTimer timer;
            timer.start();
            proxy.sort(column, Qt::AscendingOrder);
            const qint64 ms = timer.elapsed();
            for (int r = 1; r < proxy.rowCount(); r += 97) {
                const QVariant a = proxy.index(r - 1, column).data(EnvironmentTableModel::SortRole);
                const QVariant b = proxy.index(r, column).data(EnvironmentTableModel::SortRole);
                QVERIFY2(QVariant::compare(a, b) != QPartialOrdering::Greater,
                         qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(r)));
            }
            qInfo() << "sorted column" << column << "in" << ms << "ms";
        }
    }

    void visibilityChangesShowAtOnce()
    {
        EnvironmentTableModel model;
        QHash<QString, Visibility> vis;
        model.setVisibilityLookup([&vis](const QString& id) { return vis.value(id, Visibility::Unknown); });
        model.appendEnvironments(m_all.mid(0, 10));
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices({}, -1, int(Visibility::Public), -1));
        QCOMPARE(proxy.rowCount(), 0);
        vis.insert(m_all.at(4).instanceId, Visibility::Public);
        model.refreshVisibility(m_all.at(4).instanceId);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(model.index(4, EnvironmentTableModel::VisibilityColumn).data().toString(),
                 Visibilities::displayName(Visibility::Public));
    }

    void roleColumnShowsKindAndName()
    {
        EnvironmentTableModel model;
        model.appendEnvironments({m_all.at(0), m_all.at(1), m_all.at(2)});
        QCOMPARE(model.index(0, EnvironmentTableModel::RoleColumn).data().toString(),
                 RoleAssociation::kindDisplayName(RoleAssociation::Kind::None));
        QCOMPARE(model.index(1, EnvironmentTableModel::RoleColumn).data().toString(),
                 RoleAssociation::kindDisplayName(RoleAssociation::Kind::DataWorksDefault));
        QCOMPARE(model.index(2, EnvironmentTableModel::RoleColumn).data().toString(), QStringLiteral("Custom: Role2"));
        QVERIFY(model.index(2, EnvironmentTableModel::RoleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("acs:ram::")));
        QVERIFY(model.index(2, EnvironmentTableModel::UpdatedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(QStringLiteral("UTC")));
    }
    void sortedOrderSurvivesPagesUpdatesAndFilters()
    {
        // Pages arrive in shuffled order, so every page lands scattered through the sorted rows; the proxy keeps
        // its order by merging, never by re-sorting. After every step its rows must equal a from-scratch
        // computation, and Qt's model checker watches the signals.
        constexpr int rows = 3000;
        QList<Environment> shuffled = m_all.mid(0, rows);
        std::mt19937 random(20261129);
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        EnvironmentTableModel model;
        QHash<QString, Visibility> vis;
        model.setVisibilityLookup([&vis](const QString& id) { return vis.value(id, Visibility::Unknown); });
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
        proxy.sort(EnvironmentTableModel::RoleColumn, Qt::DescendingOrder);
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("lab"), -1, -1, -1));
        for (int page = 0; page < rows / 100; ++page) {
            model.appendEnvironments(shuffled.mid(page * 100, 100));
            QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
            if (page == 7)
                proxy.sort(EnvironmentTableModel::OwnerColumn, Qt::AscendingOrder);
            if (page == 13)
                proxy.sort(EnvironmentTableModel::UpdatedColumn, Qt::DescendingOrder);
            if (page == 17)
                proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("lab_1"), -1, -1, -1));
            if (page == 19)
                proxy.setRequireRole(true);
            if (page == 23)
                proxy.sort(-1);
            if (page == 25)
                proxy.sort(EnvironmentTableModel::StatusColumn, Qt::AscendingOrder);
            QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        }
        QCOMPARE(resets.count(), 0); // pages are insertions or layout changes, never a reset
        // Single rows change their keys: each moves to its place, in or out of the filter.
        proxy.sort(EnvironmentTableModel::RoleColumn, Qt::AscendingOrder);
        proxy.setRequireRole(false);
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices({}, -1, -1, int(RoleAssociation::Kind::CustomRole)));
        for (int i = 0; i < 40; ++i) {
            Environment e = model.environmentAt(int(random() % rows));
            e.role = i % 3 == 0 ? RoleAssociation::none()
                     : i % 3 == 1
                         ? RoleAssociation::dataWorksDefault()
                         : RoleAssociation::customRole(QStringLiteral("acs:ram::1380246718450127:role/Moved%1").arg(i));
            QVERIFY(model.updateEnvironment(e));
            QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        }
        // Renamed rows: the keyword's search text follows the new names, while typing on.
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("lab"), -1, -1, -1));
        for (int i = 0; i < 6; ++i) {
            Environment e = model.environmentAt(i * 101);
            e.instanceName =
                i % 2 ? QStringLiteral("Renamed_Sales_%1").arg(i) : QStringLiteral("Renamed_LAB_%1").arg(i);
            QVERIFY(model.updateEnvironment(e));
            QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
            proxy.setFilter(EnvironmentFilterModel::filterFromChoices(
                i % 2 ? QStringLiteral("lab") : QStringLiteral("ed_lab"), -1, -1, -1));
            QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        }
        // A visibility import changes every row at once.
        proxy.sort(EnvironmentTableModel::VisibilityColumn, Qt::DescendingOrder);
        proxy.setFilter(EnvironmentFilter());
        for (int i = 0; i < rows; i += 3)
            vis.insert(m_all.at(i).instanceId, i % 2 ? Visibility::Public : Visibility::Private);
        model.refreshVisibility();
        QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices({}, -1, int(Visibility::Public), -1));
        QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        QCOMPARE(proxy.rowCount(), int(std::count(vis.cbegin(), vis.cend(), Visibility::Public)));
    }

    void typingNarrowsAndDeletingWidens()
    {
        // Each keystroke of a growing text tests only the rows shown; deleting tests them all again. Both must
        // give what a fresh filter gives, in order, including case and non-ASCII text.
        EnvironmentTableModel model;
        QList<Environment> envs = m_all.mid(0, 5000);
        envs[10].instanceName = QStringLiteral("Straße_Sales_10");
        envs[11].instanceName = QStringLiteral("\u00c9t\u00e9_sales_11");
        model.appendEnvironments(envs);
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(EnvironmentTableModel::NameColumn, Qt::AscendingOrder);
        for (const QString& word :
             {QStringLiteral("SALES_1"), QStringLiteral("env_lab_49"), QStringLiteral("\u00e9t\u00e9")}) {
            for (int n = 1; n <= word.size(); ++n) {
                proxy.setFilter(EnvironmentFilterModel::filterFromChoices(word.left(n), -1, -1, -1));
                QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
            }
            for (int n = word.size() - 1; n >= 0; --n) {
                proxy.setFilter(EnvironmentFilterModel::filterFromChoices(word.left(n), -1, -1, -1));
                QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
            }
        }
        QCOMPARE(proxy.rowCount(), model.rowCount());
        // Another criterion changing with the text is never taken for narrowing.
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("sales"),
                                                                  int(EnvironmentStatus::Running), -1, -1));
        QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("sales_"), -1, -1, -1));
        QCOMPARE(proxyIds(proxy), expectedShown(model, proxy));
        QVERIFY(proxy.rowCount() > 0);
    }

    void selectionFollowsItsRow()
    {
        EnvironmentTableModel model;
        model.appendEnvironments(m_all.mid(0, 2000));
        EnvironmentFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(EnvironmentTableModel::NameColumn, Qt::AscendingOrder);
        QItemSelectionModel selection(&proxy);
        const QString id = m_all.at(707).instanceId; // "Env_Sales_707"
        const auto rowOfId = [&proxy, &id] {
            for (int r = 0; r < proxy.rowCount(); ++r)
                if (proxy.index(r, 0).data(EnvironmentTableModel::InstanceIdRole).toString() == id)
                    return r;
            return -1;
        };
        selection.setCurrentIndex(proxy.index(rowOfId(), 2),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const auto current = [&selection] {
            return selection.currentIndex().data(EnvironmentTableModel::InstanceIdRole).toString();
        };
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("sales_70"), -1, -1, -1));
        QCOMPARE(current(), id);
        QCOMPARE(selection.currentIndex().row(), rowOfId());
        QCOMPARE(selection.currentIndex().column(), 2);
        QVERIFY(selection.isRowSelected(rowOfId(), {}));
        proxy.sort(EnvironmentTableModel::UpdatedColumn, Qt::DescendingOrder);
        QCOMPARE(current(), id);
        QVERIFY(selection.isRowSelected(rowOfId(), {}));
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("lab"), -1, -1, -1));
        QVERIFY(!selection.currentIndex().isValid());
        QVERIFY(!selection.hasSelection());
        // Headers still name the columns when nothing matches.
        proxy.setFilter(EnvironmentFilterModel::filterFromChoices(QStringLiteral("no such environment"), -1, -1, -1));
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(proxy.headerData(EnvironmentTableModel::NameColumn, Qt::Horizontal).toString(),
                 model.headerData(EnvironmentTableModel::NameColumn, Qt::Horizontal).toString());
    }
};

QTEST_MAIN(TestEnvironmentModel)
#include "test_environmentmodel.moc"
