#pragma once

#include "model/EnvironmentFilter.h"

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

class EnvironmentTableModel;

// Filters and sorts EnvironmentTableModel rows with core's EnvironmentFilter (the same predicate the
// CLI uses). Built for 100,000 rows: filterAcceptsRow() and lessThan() read the source model's
// precomputed keys directly, no QVariant and no allocation per call.
class EnvironmentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EnvironmentFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    EnvironmentTableModel* environmentModel() const { return m_source; }

    const EnvironmentFilter& filter() const { return m_filter; }
    void setFilter(const EnvironmentFilter& filter);

    // Workspaces the user ticked; an empty set shows none, an unset filter (the default) shows all.
    void setProjectIds(const QSet<qint64>& ids);
    void clearProjectIds();
    // On top of the role-kind criterion: only environments that have a role (default or custom), for
    // the risk banner's "Show them".
    void setRequireRole(bool require);
    bool requireRole() const { return m_requireRole; }

    // The filter the GUI's filter bar describes: text as typed, status/visibility/role-kind as the
    // combo values (-1 = any).
    static EnvironmentFilter filterFromChoices(const QString& text, int status, int visibility, int roleKind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool lessByKeys(int column, int left, int right) const;
    void ensureRank(int column);
    void dropRanks()
    {
        m_ranks.clear();
        m_byInstanceId.clear();
    }
    std::vector<int> orderFor(int column);

    EnvironmentTableModel* m_source = nullptr;
    // Per column: source row -> its position in that column's ascending order, so the sorts after a filter
    // change (every keystroke) compare two integers. Built on demand by sort() and setFilter(); dropped on any
    // source change (an empty or short vector is not used: lessThan() then compares the keys).
    std::vector<std::vector<int>> m_ranks;
    std::vector<int> m_byInstanceId; // source rows by instance id: the tie-break order of the text columns
    QList<QMetaObject::Connection> m_sourceConnections;
    EnvironmentFilter m_filter;
    // The keyword test without case folding per call, for ASCII keywords on ASCII names and ids (same answers):
    // m_filter minus its keyword, and the keyword lower-cased.
    EnvironmentFilter m_filterWithoutKeyword;
    QString m_keywordLower;
    bool m_asciiKeyword = false;
    QSet<qint64> m_projectIds;
    bool m_projectFilter = false;
    bool m_requireRole = false;
};
