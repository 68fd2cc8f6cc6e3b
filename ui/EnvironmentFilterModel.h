#pragma once

#include "model/EnvironmentFilter.h"

#include <QAbstractProxyModel>
#include <QByteArray>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>
#include <vector>

class EnvironmentTableModel;

// Filters and sorts EnvironmentTableModel rows with core's EnvironmentFilter (the same predicate the CLI
// uses). Built for 100,000 rows, so it is not a QSortFilterProxyModel: that one re-sorts every match after
// each filter change (about 1.7 million comparisons for 100,000 rows, each through index() and lessThan()).
// This proxy keeps all source rows in the current sort order (m_order) and a filter change is one pass over
// that order (over the rows shown when the text only grows): no sort per keystroke. The order of a column is
// built once per data change from precomputed keys and kept up to date as pages arrive (a merge) and as
// single rows change (re-placed by binary search).
//
// Signals: a filter or sort change is a layout change (persistent indexes, so the selection and the current
// row, follow their rows; rows filtered out lose them); pages whose shown rows all land after the ones
// already shown are plain row insertions; a source reset is a reset.
class EnvironmentFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit EnvironmentFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    EnvironmentTableModel* environmentModel() const { return m_source; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

    // Stable and total: ties on a column's key are broken by name, then by instance id, so a sort is the
    // same whatever order the rows arrived in. -1 = the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The whole filter, core's EnvironmentFilter: every row shown matches it (and the rules' "only deviations").
    const EnvironmentFilter& filter() const { return m_filter; }
    // The filter bar's criteria. The workspace set (EnvironmentFilter::projectIds) and "has a role"
    // (EnvironmentFilter::hasRole) come from their own controls through the setters below: a filter that leaves them
    // unset keeps the ones in force.
    void setFilter(const EnvironmentFilter& filter);

    // Workspaces the user ticked (EnvironmentFilter::projectIds); an empty set shows none, an unset filter (the
    // default) shows all.
    void setProjectIds(const QSet<qint64>& ids);
    void clearProjectIds();
    // EnvironmentFilter::hasRole on top of the role-kind criterion: only environments that have a role (default or
    // custom), for the role filter's "Has a role" and the risk banner's "Show them".
    void setRequireRole(bool require);
    bool requireRole() const { return m_filter.hasRole.value_or(false); }
    // Only environments the rules file says deviate (would change, or cannot be fixed).
    void setDeviationsOnly(bool only);
    bool deviationsOnly() const { return m_deviationsOnly; }

    // A combo's "any" choice in filterFromChoices().
    static constexpr int AnyChoice = -1;
    // The filter the GUI's filter bar describes: text as typed, status/visibility/role-kind as the
    // combo values (int(EnvironmentStatus), int(Visibility), int(RoleAssociation::Kind), or AnyChoice).
    static EnvironmentFilter filterFromChoices(const QString& text, int status, int visibility, int roleKind);

private:
    bool accepts(int sourceRow) const;
    bool acceptsRule(int sourceRow) const;
    // m_filter := next and refilter; narrowingHint: the caller knows whether rows can only disappear (else computed).
    void replaceFilter(EnvironmentFilter next, std::optional<bool> narrowingHint);
    // accepts() without the keyword: the filter's other criteria (workspaces and "has a role" included).
    bool acceptsBesidesKeyword(int sourceRow) const;
    void rebuildTextIndex();
    void appendToTextIndex(int firstRow, int lastRow);
    QByteArrayView textOf(int sourceRow) const;
    // a before b in the current sort (the column's ascending order, reversed for descending).
    bool before(int a, int b) const;
    bool lessByKeys(int column, int left, int right) const;
    const std::vector<int>& ascendingOrder(int column);
    std::vector<int> buildOrder(int column);
    void dropOrders();

    // Which rows show, as a layout change when the shown rows differ. narrowing: only rows shown now can show
    // afterwards (the text grew), so only they are tested.
    void refilter(bool narrowing);
    // The accepted rows in sort order (the narrowing pass tests only the rows shown now).
    std::vector<int> matchingRows(bool narrowing);
    void setShown(std::vector<int> rows, bool forceLayoutChange = false);
    void rebuildProxyRowOf();

    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onAboutToReset();
    void onReset();

    EnvironmentTableModel* m_source = nullptr;
    QList<QMetaObject::Connection> m_sourceConnections;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_order;      // every source row, in the current sort order
    std::vector<int> m_rows;       // proxy row -> source row (the accepted rows of m_order, in its order)
    std::vector<int> m_proxyRowOf; // source row -> proxy row, -1 when filtered out
    // Per column, every source row in ascending order (empty: not built since the data last changed).
    std::vector<std::vector<int>> m_ascending;
    std::vector<int> m_byInstanceId; // source rows by instance id: the tie-break order of the text columns
    bool m_resetting = false;

    // The keyword's search text, contiguous: each ASCII row's lower-cased name and id ("name\x1fid\x1e"), in source
    // row order, so a keystroke scans a few megabytes instead of following four string pointers per row (those
    // cache misses were most of a keystroke). Rows with non-ASCII text are not in it: accepts() tests them.
    QByteArray m_text;
    std::vector<int> m_textRows;  // the rows in m_text, ascending
    std::vector<int> m_textStart; // where each of m_textRows starts in m_text (ascending)
    std::vector<int> m_textAt;    // source row -> its index in m_textRows, -1 when not indexed
    bool m_textDirty = true;      // a row's text changed: rebuilt by the next keyword filter

    EnvironmentFilter m_filter;
    // The keyword test without case folding per call, for ASCII keywords on ASCII names and ids (same answers):
    // m_filter minus its keyword, and the keyword lower-cased.
    EnvironmentFilter m_filterWithoutKeyword;
    QString m_keywordLower;
    QByteArray m_keywordLatin1; // m_keywordLower in the text index's encoding (ASCII keywords only)
    bool m_asciiKeyword = false;
    bool m_deviationsOnly = false;
};
