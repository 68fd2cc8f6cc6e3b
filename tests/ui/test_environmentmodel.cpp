// EnvironmentTableModel + EnvironmentFilterModel at scale: 100,000 environments appended page by
// page, filtered with core's EnvironmentFilter (checked row by row against EnvironmentFilter::apply),
// sorted by each column, and visibility changes reflected in place.
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"

#include "model/EnvironmentFilter.h"
#include "model/VisibilityStore.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

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

    void headerSaysRecordedByAdmins()
    {
        EnvironmentTableModel model;
        QVERIFY(model.headerData(EnvironmentTableModel::VisibilityColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("recorded by admins")));
        QCOMPARE(model.columnCount(), 8);
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
};

QTEST_MAIN(TestEnvironmentModel)
#include "test_environmentmodel.moc"
