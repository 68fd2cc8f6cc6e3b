#include "EnvironmentFilterModel.h"

#include "EnvironmentTableModel.h"

#include <algorithm>
#include <numeric>

EnvironmentFilterModel::EnvironmentFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EnvironmentTableModel::SortRole);
    // Sorting and filtering happen on demand; re-sorting on every inserted page would cost more than it gives.
    setDynamicSortFilter(true);
}

void EnvironmentFilterModel::setSourceModel(QAbstractItemModel* source)
{
    m_source = qobject_cast<EnvironmentTableModel*>(source);
    Q_ASSERT_X(m_source, "EnvironmentFilterModel", "the source must be an EnvironmentTableModel");
    for (const QMetaObject::Connection& c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    dropRanks();
    // Connected before the base class connects its own handlers, so stale ranks are gone before it re-sorts.
    if (m_source) {
        const auto drop = [this] { dropRanks(); };
        m_sourceConnections = {connect(m_source, &QAbstractItemModel::dataChanged, this, drop),
                               connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this, drop),
                               connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this, drop),
                               connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, drop),
                               connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this, drop)};
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void EnvironmentFilterModel::sort(int column, Qt::SortOrder order)
{
    ensureRank(column);
    QSortFilterProxyModel::sort(column, order);
}

void EnvironmentFilterModel::ensureRank(int column)
{
    if (!m_source || column < 0 || column >= EnvironmentTableModel::ColumnCount)
        return;
    m_ranks.resize(EnvironmentTableModel::ColumnCount);
    std::vector<int>& rank = m_ranks[size_t(column)];
    const int n = m_source->rowCount();
    if (rank.size() == size_t(n))
        return;
    const std::vector<int> order = orderFor(column);
    rank.assign(size_t(n), 0);
    for (int i = 0; i < n; ++i)
        rank[size_t(order[size_t(i)])] = i;
}

// The source rows in lessByKeys() order. Where that order is "primary key, then a tie-break order", stable-sorting
// rows already in the tie-break order by the primary key alone gives the same order without comparing the
// tie-break for every tied pair (most pairs in the owner, role and status columns).
std::vector<int> EnvironmentFilterModel::orderFor(int column)
{
    const int n = m_source->rowCount();
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    const auto byTextKey = [this, &order](QString EnvironmentTableModel::RowKeys::*key) {
        if (m_byInstanceId.size() != order.size()) {
            m_byInstanceId = order;
            std::sort(m_byInstanceId.begin(), m_byInstanceId.end(), [this](int a, int b) {
                return m_source->environmentAt(a).instanceId < m_source->environmentAt(b).instanceId;
            });
        }
        order = m_byInstanceId;
        std::stable_sort(order.begin(), order.end(), [this, key](int a, int b) {
            return (m_source->keysAt(a).*key).compare(m_source->keysAt(b).*key) < 0;
        });
    };
    // Then by name (and instance id): the name column's order.
    const auto byNumberThenName = [this, &order](auto number) {
        ensureRank(EnvironmentTableModel::NameColumn);
        const std::vector<int>& nameRank = m_ranks[EnvironmentTableModel::NameColumn];
        for (size_t row = 0; row < nameRank.size(); ++row)
            order[size_t(nameRank[row])] = int(row);
        std::stable_sort(order.begin(), order.end(), [&number](int a, int b) { return number(a) < number(b); });
    };
    switch (column) {
    case EnvironmentTableModel::NameColumn:
        byTextKey(&EnvironmentTableModel::RowKeys::name);
        break;
    case EnvironmentTableModel::OwnerColumn:
        byTextKey(&EnvironmentTableModel::RowKeys::owner);
        break;
    case EnvironmentTableModel::WorkspaceColumn:
        byTextKey(&EnvironmentTableModel::RowKeys::workspace);
        break;
    case EnvironmentTableModel::RoleColumn:
        byTextKey(&EnvironmentTableModel::RowKeys::role);
        break;
    case EnvironmentTableModel::StatusColumn:
        byNumberThenName([this](int row) { return qint64(m_source->environmentAt(row).status); });
        break;
    case EnvironmentTableModel::VisibilityColumn:
        byNumberThenName([this](int row) { return qint64(m_source->keysAt(row).visibility); });
        break;
    case EnvironmentTableModel::UpdatedColumn:
        byNumberThenName([this](int row) { return m_source->environmentAt(row).updateTimeMs; });
        break;
    default:
        std::sort(order.begin(), order.end(), [this, column](int a, int b) { return lessByKeys(column, a, b); });
        break;
    }
    return order;
}

EnvironmentFilter EnvironmentFilterModel::filterFromChoices(const QString& text, int status, int visibility,
                                                            int roleKind)
{
    EnvironmentFilter filter;
    filter.keyword = text.trimmed();
    if (status >= 0)
        filter.statuses = {EnvironmentStatus(status)};
    if (visibility >= 0)
        filter.visibility = Visibility(visibility);
    if (roleKind >= 0)
        filter.roleKind = RoleAssociation::Kind(roleKind);
    return filter;
}

void EnvironmentFilterModel::setFilter(const EnvironmentFilter& filter)
{
    m_filter = filter;
    m_filter.keyword = m_filter.keyword.trimmed();
    m_filterWithoutKeyword = m_filter;
    m_filterWithoutKeyword.keyword.clear();
    m_keywordLower = m_filter.keyword.toLower();
    m_asciiKeyword = !m_keywordLower.isEmpty() && QtPrivate::isAscii(QStringView(m_keywordLower));
    ensureRank(sortColumn());
    // A new text changes which of 100,000 rows show in scattered places of the sorted order: rebuilding the
    // mapping (one filter pass + one sort of the matches) is far cheaper than Qt's incremental row removal and
    // insertion, which costs a pass over the mapping per contiguous run of changed rows.
    invalidate();
}

void EnvironmentFilterModel::setRequireRole(bool require)
{
    if (m_requireRole == require)
        return;
    m_requireRole = require;
    invalidateRowsFilter();
}

void EnvironmentFilterModel::setProjectIds(const QSet<qint64>& ids)
{
    m_projectIds = ids;
    m_projectFilter = true;
    invalidateRowsFilter();
}

void EnvironmentFilterModel::clearProjectIds()
{
    if (!m_projectFilter)
        return;
    m_projectIds.clear();
    m_projectFilter = false;
    invalidateRowsFilter();
}

bool EnvironmentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!m_source)
        return true;
    const Environment& env = m_source->environmentAt(sourceRow);
    if (m_projectFilter && !m_projectIds.contains(env.projectId))
        return false;
    if (m_requireRole && !env.role.hasRole())
        return false;
    const EnvironmentTableModel::RowKeys& keys = m_source->keysAt(sourceRow);
    if (m_asciiKeyword && QtPrivate::isAscii(QStringView(env.instanceName)) &&
        QtPrivate::isAscii(QStringView(env.instanceId))) {
        // For ASCII text, EnvironmentFilter's case-insensitive substring test equals a plain one on the lower-cased
        // keys; QString's case-insensitive search folds every character and cost most of a keystroke.
        if (!keys.name.contains(m_keywordLower) && !keys.id.contains(m_keywordLower))
            return false;
        return m_filterWithoutKeyword.matches(env, keys.visibility);
    }
    // The same predicate as the CLI's list options.
    return m_filter.matches(env, keys.visibility);
}

bool EnvironmentFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_source)
        return QSortFilterProxyModel::lessThan(left, right);
    const int column = left.column();
    if (column >= 0 && size_t(column) < m_ranks.size()) {
        const std::vector<int>& rank = m_ranks[size_t(column)];
        if (!rank.empty() && rank.size() == size_t(m_source->rowCount()))
            return rank[size_t(left.row())] < rank[size_t(right.row())];
    }
    return lessByKeys(column, left.row(), right.row());
}

bool EnvironmentFilterModel::lessByKeys(int column, int l, int r) const
{
    const Environment& a = m_source->environmentAt(l);
    const Environment& b = m_source->environmentAt(r);
    const EnvironmentTableModel::RowKeys& ka = m_source->keysAt(l);
    const EnvironmentTableModel::RowKeys& kb = m_source->keysAt(r);
    // Precomputed lower-cased keys: a plain comparison, no QVariant, no allocation.
    const auto byText = [&](const QString& x, const QString& y) {
        const int c = x.compare(y);
        return c != 0 ? c < 0 : a.instanceId < b.instanceId;
    };
    switch (column) {
    case EnvironmentTableModel::NameColumn:
        return byText(ka.name, kb.name);
    case EnvironmentTableModel::IdColumn:
        // Numeric ids sort as numbers when they are of different length ("99" before "100").
        return ka.id.size() != kb.id.size() ? ka.id.size() < kb.id.size() : ka.id < kb.id;
    case EnvironmentTableModel::OwnerColumn:
        return byText(ka.owner, kb.owner);
    case EnvironmentTableModel::WorkspaceColumn:
        return byText(ka.workspace, kb.workspace);
    case EnvironmentTableModel::StatusColumn:
        return a.status != b.status ? int(a.status) < int(b.status) : byText(ka.name, kb.name);
    case EnvironmentTableModel::VisibilityColumn:
        return ka.visibility != kb.visibility ? int(ka.visibility) < int(kb.visibility) : byText(ka.name, kb.name);
    case EnvironmentTableModel::RoleColumn:
        return byText(ka.role, kb.role);
    case EnvironmentTableModel::UpdatedColumn:
        return a.updateTimeMs != b.updateTimeMs ? a.updateTimeMs < b.updateTimeMs : byText(ka.name, kb.name);
    default:
        return l < r;
    }
}
