#include "EnvironmentFilterModel.h"

#include "EnvironmentTableModel.h"

#include <QCollator>
#include <QHash>

#include <algorithm>
#include <numeric>

namespace {

// Every character is ASCII. Qt 6.4's public API has no such test (QtPrivate::isAscii is private), so: one pass that
// ORs the UTF-16 units, without an early exit, which the compiler turns into wide operations. Called for a row's four
// short keys when the text index is built or extended (never per keystroke) and once per keyword.
bool isAscii(QStringView text)
{
    char16_t bits = 0;
    for (const QChar c : text)
        bits |= c.unicode();
    return bits < 0x80;
}

// base and adds both sorted by less; the merged sequence. Each added row is placed by binary search (k log n
// comparisons, then block copies) rather than by a linear merge (n comparisons): a page of 100 rows into
// 100,000 costs ~1,700 key comparisons instead of 100,000.
// An ascending order as the given direction shows it: the orders are total, so descending is the reverse.
std::vector<int> directed(std::vector<int> ascending, Qt::SortOrder order)
{
    if (order == Qt::DescendingOrder)
        std::reverse(ascending.begin(), ascending.end());
    return ascending;
}

// The visible text of one row in the keyword's search index: name, id, owner (name or id) and the owner's id, as
// EnvironmentFilter's keyword test reads them. Separators no keyword can match across (a keyword holding one is not
// taken for ASCII).
QByteArray searchText(const EnvironmentTableModel::RowKeys& keys)
{
    QByteArray text = keys.name.toLatin1() + '\x1f' + keys.id.toLatin1() + '\x1f' + keys.owner.toLatin1();
    if (keys.owner != keys.ownerId)
        text += '\x1f' + keys.ownerId.toLatin1();
    return text + '\x1e';
}

// Natural order for the text columns ("lab_1004" before "lab_10004"): the locale's collation in numeric mode,
// ignoring case. One collator per thread (QCollator is not safe to share between threads).
int naturalCompare(const QString& a, const QString& b)
{
    thread_local const QCollator collator = [] {
        // Qt compares plainly for the C locale (LANG=C, tests), numeric mode or not: collate as English there.
        const QLocale locale =
            QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale();
        QCollator c(locale);
        c.setNumericMode(true);
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    return collator.compare(a, b);
}

template<typename Less>
std::vector<int> mergeSorted(const std::vector<int>& base, const std::vector<int>& adds, Less less)
{
    std::vector<int> out;
    out.reserve(base.size() + adds.size());
    auto from = base.cbegin();
    for (const int row : adds) {
        const auto at = std::upper_bound(from, base.cend(), row, less);
        out.insert(out.end(), from, at);
        out.push_back(row);
        from = at;
    }
    out.insert(out.end(), from, base.cend());
    return out;
}

} // namespace

EnvironmentFilterModel::EnvironmentFilterModel(QObject* parent)
    : QAbstractProxyModel(parent)
{}

void EnvironmentFilterModel::setSourceModel(QAbstractItemModel* source)
{
    auto* model = qobject_cast<EnvironmentTableModel*>(source);
    Q_ASSERT_X(model || !source, "EnvironmentFilterModel", "the source must be an EnvironmentTableModel");
    beginResetModel();
    for (const QMetaObject::Connection& c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_source = model;
    if (m_source) {
        const auto aboutToReset = [this] { onAboutToReset(); };
        const auto reset = [this] { onReset(); };
        m_sourceConnections = {
            connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                    [this](const QModelIndex& parent, int first) {
                        // Pages are appended; rows inserted anywhere else renumber the rows after them.
                        if (!parent.isValid() && first < m_source->rowCount())
                            onAboutToReset();
                    }),
            connect(m_source, &QAbstractItemModel::rowsInserted, this, &EnvironmentFilterModel::onRowsInserted),
            connect(m_source, &QAbstractItemModel::dataChanged, this, &EnvironmentFilterModel::onDataChanged),
            connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, aboutToReset),
            connect(m_source, &QAbstractItemModel::modelReset, this, reset),
            // EnvironmentTableModel never removes rows nor reorders them; should it, a reset is correct.
            connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this, aboutToReset),
            connect(m_source, &QAbstractItemModel::rowsRemoved, this, reset),
            connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this, aboutToReset),
            connect(m_source, &QAbstractItemModel::layoutChanged, this, reset),
            connect(m_source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
            connect(m_source, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_source = nullptr;
                        m_resetting = true;
                        onReset();
                    }),
        };
    }
    m_resetting = true;
    onReset();
}

// --- QAbstractItemModel ---

QModelIndex EnvironmentFilterModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_rows.size() ||
        column >= EnvironmentTableModel::ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex EnvironmentFilterModel::parent(const QModelIndex&) const
{
    return {};
}

QModelIndex EnvironmentFilterModel::sibling(int row, int column, const QModelIndex&) const
{
    return index(row, column);
}

int EnvironmentFilterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvironmentFilterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : EnvironmentTableModel::ColumnCount;
}

bool EnvironmentFilterModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0 && columnCount(parent) > 0;
}

QVariant EnvironmentFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_source)
        return {};
    // Columns are the source's; QAbstractProxyModel would map them through row 0, which an empty result lacks.
    if (orientation == Qt::Horizontal)
        return m_source->headerData(section, orientation, role);
    if (section < 0 || size_t(section) >= m_rows.size())
        return {};
    return m_source->headerData(m_rows[size_t(section)], orientation, role);
}

QModelIndex EnvironmentFilterModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this || size_t(proxyIndex.row()) >= m_rows.size())
        return {};
    return m_source->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex EnvironmentFilterModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source || sourceIndex.row() < 0 ||
        size_t(sourceIndex.row()) >= m_proxyRowOf.size())
        return {};
    const int row = m_proxyRowOf[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

// --- sorting ---

void EnvironmentFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column >= EnvironmentTableModel::ColumnCount)
        column = -1;
    if (!m_source) {
        m_sortColumn = column;
        m_sortOrder = order;
        return;
    }
    if (column == m_sortColumn && (order == m_sortOrder || column < 0))
        return; // m_order is kept sorted through every change: nothing to do
    if (m_sortColumn >= 0)
        ascendingOrder(m_sortColumn); // keep the order being left (the name order is every other column's tie-break)
    std::vector<int> next;
    if (column >= 0 && column == m_sortColumn) {
        next = directed(m_order, Qt::DescendingOrder); // the other direction of the same total order
    } else if (column >= 0) {
        next = directed(ascendingOrder(column), order);
    } else {
        next.resize(size_t(m_source->rowCount()));
        std::iota(next.begin(), next.end(), 0);
    }
    m_sortColumn = column;
    m_sortOrder = order;
    m_order = std::move(next);
    // The same rows show; only their order changes.
    std::vector<int> rows;
    rows.reserve(m_rows.size());
    for (const int row : m_order)
        if (m_proxyRowOf[size_t(row)] >= 0)
            rows.push_back(row);
    setShown(std::move(rows), true);
}

bool EnvironmentFilterModel::before(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b;
    return m_sortOrder == Qt::AscendingOrder ? lessByKeys(m_sortColumn, a, b) : lessByKeys(m_sortColumn, b, a);
}

const std::vector<int>& EnvironmentFilterModel::ascendingOrder(int column)
{
    m_ascending.resize(EnvironmentTableModel::ColumnCount);
    std::vector<int>& order = m_ascending[size_t(column)];
    const size_t n = size_t(m_source->rowCount());
    if (order.size() != n) {
        if (column == m_sortColumn && m_order.size() == n) {
            // The current order is kept exact through every change: no need to build it again.
            order = directed(m_order, m_sortOrder);
        } else {
            order = buildOrder(column);
        }
    }
    return order;
}

void EnvironmentFilterModel::dropOrders()
{
    m_ascending.clear();
    m_byInstanceId.clear();
}

// Every source row in lessByKeys() order. That order is "the column's key, then the name order", so stable-sorting
// rows already in name order by the key alone gives it without comparing names for every tied pair (most pairs in
// the owner, role and status columns).
std::vector<int> EnvironmentFilterModel::buildOrder(int column)
{
    const int n = m_source->rowCount();
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    // By name, then instance id: the name column's order, and the tie-break of every other column.
    const auto byName = [this, &order] {
        if (m_byInstanceId.size() != order.size()) {
            m_byInstanceId = order;
            std::sort(m_byInstanceId.begin(), m_byInstanceId.end(), [this](int a, int b) {
                return m_source->environmentAt(a).instanceId < m_source->environmentAt(b).instanceId;
            });
        }
        order = m_byInstanceId;
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            return naturalCompare(m_source->keysAt(a).name, m_source->keysAt(b).name) < 0;
        });
    };
    // Owner, workspace and role have few distinct values: number them in text order once (a hash per row), then a
    // stable sort compares two integers instead of two strings scattered through memory.
    const auto byTextKey = [this, &order, n](QString EnvironmentTableModel::RowKeys::*key) {
        QHash<QString, int> numbers;
        QList<QString> distinct;
        std::vector<int> keyOf(static_cast<size_t>(n));
        for (int row = 0; row < n; ++row) {
            const QString& value = m_source->keysAt(row).*key;
            auto it = numbers.constFind(value);
            if (it == numbers.cend()) {
                it = numbers.insert(value, int(distinct.size()));
                distinct.append(value);
            }
            keyOf[size_t(row)] = *it;
        }
        std::vector<int> byText(size_t(distinct.size()));
        std::iota(byText.begin(), byText.end(), 0);
        std::sort(byText.begin(), byText.end(),
                  [&distinct](int a, int b) { return naturalCompare(distinct[a], distinct[b]) < 0; });
        // Values the collation calls equal ("lab_01", "lab_1") share a rank, so the name decides between them as in
        // lessByKeys().
        std::vector<int> rankOf(byText.size());
        int rank = 0;
        for (size_t i = 0; i < byText.size(); ++i) {
            if (i > 0 && naturalCompare(distinct[byText[i - 1]], distinct[byText[i]]) != 0)
                ++rank;
            rankOf[size_t(byText[i])] = rank;
        }
        for (int& k : keyOf)
            k = rankOf[size_t(k)];
        order = ascendingOrder(EnvironmentTableModel::NameColumn);
        std::stable_sort(order.begin(), order.end(),
                         [&keyOf](int a, int b) { return keyOf[size_t(a)] < keyOf[size_t(b)]; });
    };
    const auto byNumberThenName = [this, &order](auto number) {
        order = ascendingOrder(EnvironmentTableModel::NameColumn);
        std::stable_sort(order.begin(), order.end(), [&number](int a, int b) { return number(a) < number(b); });
    };
    switch (column) {
    case EnvironmentTableModel::NameColumn:
        byName();
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
    case EnvironmentTableModel::RulesColumn:
        byNumberThenName([this](int row) { return qint64(m_source->keysAt(row).rule.state); });
        break;
    case EnvironmentTableModel::IdColumn: {
        // Instance ids are digit strings: (length, value) compares as lessByKeys() does (length, then text), from
        // one contiguous array instead of strings scattered through memory. Any other id: the general sort.
        struct IdKey
        {
            qint64 length;
            qint64 value;
            int row;
        };
        std::vector<IdKey> keys;
        keys.reserve(size_t(n));
        for (int row = 0; row < n && keys.size() == size_t(row); ++row) {
            const QString& id = m_source->keysAt(row).id;
            bool digits = !id.isEmpty() && id.size() <= 18;
            qint64 value = 0;
            for (qsizetype i = 0; digits && i < id.size(); ++i) {
                const char16_t c = id.at(i).unicode();
                digits = c >= u'0' && c <= u'9';
                value = value * 10 + (c - u'0');
            }
            if (digits)
                keys.push_back({id.size(), value, row});
        }
        if (keys.size() == size_t(n)) {
            // Equal length and value means equal text; the instance id breaks such ties as lessByKeys() does not
            // need to (ids are unique), so the row decides, as std::sort's would be arbitrary anyway.
            std::sort(keys.begin(), keys.end(), [](const IdKey& a, const IdKey& b) {
                return a.length != b.length ? a.length < b.length
                       : a.value != b.value ? a.value < b.value
                                            : a.row < b.row;
            });
            for (size_t i = 0; i < keys.size(); ++i)
                order[i] = keys[i].row;
            break;
        }
        std::sort(order.begin(), order.end(), [this, column](int a, int b) { return lessByKeys(column, a, b); });
        break;
    }
    default:
        std::sort(order.begin(), order.end(), [this, column](int a, int b) { return lessByKeys(column, a, b); });
        break;
    }
    return order;
}

// The definition of every column's order (buildOrder() is a faster way to the same order): the column's key, then the
// name, then the instance id (unique, so the order is total).
bool EnvironmentFilterModel::lessByKeys(int column, int l, int r) const
{
    const Environment& a = m_source->environmentAt(l);
    const Environment& b = m_source->environmentAt(r);
    const EnvironmentTableModel::RowKeys& ka = m_source->keysAt(l);
    const EnvironmentTableModel::RowKeys& kb = m_source->keysAt(r);
    // Precomputed lower-cased keys: a plain comparison, no QVariant, no allocation.
    const auto byName = [&] {
        const int c = naturalCompare(ka.name, kb.name);
        return c != 0 ? c < 0 : a.instanceId < b.instanceId;
    };
    const auto byText = [&](const QString& x, const QString& y) {
        const int c = naturalCompare(x, y);
        return c != 0 ? c < 0 : byName();
    };
    switch (column) {
    case EnvironmentTableModel::NameColumn:
        return byName();
    case EnvironmentTableModel::IdColumn:
        // Numeric ids sort as numbers when they are of different length ("99" before "100").
        return ka.id.size() != kb.id.size() ? ka.id.size() < kb.id.size() : ka.id < kb.id;
    case EnvironmentTableModel::OwnerColumn:
        return byText(ka.owner, kb.owner);
    case EnvironmentTableModel::WorkspaceColumn:
        return byText(ka.workspace, kb.workspace);
    case EnvironmentTableModel::StatusColumn:
        return a.status != b.status ? int(a.status) < int(b.status) : byName();
    case EnvironmentTableModel::VisibilityColumn:
        return ka.visibility != kb.visibility ? int(ka.visibility) < int(kb.visibility) : byName();
    case EnvironmentTableModel::RoleColumn:
        return byText(ka.role, kb.role);
    case EnvironmentTableModel::UpdatedColumn:
        return a.updateTimeMs != b.updateTimeMs ? a.updateTimeMs < b.updateTimeMs : byName();
    case EnvironmentTableModel::RulesColumn:
        // Deviations first when descending: the state's order is NoRules, Pending, NoMatch, Keep, Change, CannotFix.
        return ka.rule.state != kb.rule.state ? int(ka.rule.state) < int(kb.rule.state) : byName();
    default:
        return l < r;
    }
}

// --- filtering ---

EnvironmentFilter EnvironmentFilterModel::filterFromChoices(const QString& text, int status, int visibility,
                                                            int roleKind)
{
    EnvironmentFilter filter;
    filter.keyword = text.trimmed();
    if (status != AnyChoice)
        filter.statuses = {EnvironmentStatus(status)};
    if (visibility != AnyChoice)
        filter.visibility = Visibility(visibility);
    if (roleKind != AnyChoice)
        filter.roleKind = RoleAssociation::Kind(roleKind);
    return filter;
}

void EnvironmentFilterModel::setFilter(const EnvironmentFilter& filter)
{
    EnvironmentFilter next = filter;
    // The workspace list and "Has a role" are set on their own (setProjectIds(), setRequireRole()): a filter that
    // leaves them unset keeps them.
    if (!next.projectIds)
        next.projectIds = m_filter.projectIds;
    if (!next.hasRole)
        next.hasRole = m_filter.hasRole;
    replaceFilter(std::move(next), std::nullopt);
}

void EnvironmentFilterModel::replaceFilter(EnvironmentFilter next, std::optional<bool> narrowingHint)
{
    next.keyword = next.keyword.trimmed();
    EnvironmentFilter nextWithoutKeyword = next;
    nextWithoutKeyword.keyword.clear();
    const QString nextKeywordLower = next.keyword.toLower();
    const bool nextAscii = !nextKeywordLower.isEmpty() && isAscii(nextKeywordLower) &&
                           !nextKeywordLower.contains(QChar(0x1f)) && !nextKeywordLower.contains(QChar(0x1e));
    // Typing one more character: every row the new text matches, the old text matched (it is a substring of the
    // new one, ignoring case), so only the rows shown now need testing. Kept to ASCII, where lower-casing and
    // Qt's case-insensitive comparison agree.
    const bool narrowing = narrowingHint.value_or(
        nextWithoutKeyword == m_filterWithoutKeyword &&
        (m_keywordLower.isEmpty() || (m_asciiKeyword && nextAscii && nextKeywordLower.contains(m_keywordLower))));
    if (next == m_filter)
        return;
    m_filter = std::move(next);
    m_filterWithoutKeyword = std::move(nextWithoutKeyword);
    m_keywordLower = nextKeywordLower;
    m_keywordLatin1 = nextAscii ? nextKeywordLower.toLatin1() : QByteArray();
    m_asciiKeyword = nextAscii;
    refilter(narrowing);
}

void EnvironmentFilterModel::setRequireRole(bool require)
{
    if (requireRole() == require)
        return;
    EnvironmentFilter next = m_filter;
    if (require)
        next.hasRole = true;
    else
        next.hasRole.reset();
    replaceFilter(std::move(next), require); // requiring a role only hides rows
}

void EnvironmentFilterModel::setProjectIds(const QSet<qint64>& ids)
{
    // From all workspaces to some, or to none, only hides rows.
    const bool narrowing = !m_filter.projectIds || ids.isEmpty();
    EnvironmentFilter next = m_filter;
    next.projectIds = ids;
    replaceFilter(std::move(next), narrowing);
}

void EnvironmentFilterModel::clearProjectIds()
{
    if (!m_filter.projectIds)
        return;
    EnvironmentFilter next = m_filter;
    next.projectIds.reset();
    replaceFilter(next, false); // a copy: moving it trips GCC 12's -Wmaybe-uninitialized on the emptied QSet
}

bool EnvironmentFilterModel::acceptsRule(int sourceRow) const
{
    if (!m_deviationsOnly)
        return true;
    const EnvironmentTableModel::RuleState state = m_source->keysAt(sourceRow).rule.state;
    return state == EnvironmentTableModel::RuleState::Change || state == EnvironmentTableModel::RuleState::CannotFix;
}

void EnvironmentFilterModel::setDeviationsOnly(bool only)
{
    if (m_deviationsOnly == only)
        return;
    m_deviationsOnly = only;
    refilter(only);
}

bool EnvironmentFilterModel::acceptsBesidesKeyword(int sourceRow) const
{
    if (!acceptsRule(sourceRow))
        return false;
    return m_filterWithoutKeyword.isEmpty() ||
           m_filterWithoutKeyword.matches(m_source->environmentAt(sourceRow), m_source->keysAt(sourceRow).visibility);
}

bool EnvironmentFilterModel::accepts(int sourceRow) const
{
    if (m_keywordLower.isEmpty())
        return acceptsBesidesKeyword(sourceRow);
    if (m_asciiKeyword && !m_textDirty && m_textAt[size_t(sourceRow)] >= 0) {
        // For ASCII text, EnvironmentFilter's case-insensitive substring test equals a plain one on the lower-cased
        // text; QString's case-insensitive search folds every character.
        return textOf(sourceRow).contains(m_keywordLatin1) && acceptsBesidesKeyword(sourceRow);
    }
    // The same predicate as the CLI's list options (core's EnvironmentFilter, workspaces and "has a role" included).
    return acceptsRule(sourceRow) &&
           m_filter.matches(m_source->environmentAt(sourceRow), m_source->keysAt(sourceRow).visibility);
}

QByteArrayView EnvironmentFilterModel::textOf(int sourceRow) const
{
    const int i = m_textAt[size_t(sourceRow)];
    const qsizetype start = m_textStart[size_t(i)];
    const qsizetype end = size_t(i) + 1 < m_textStart.size() ? m_textStart[size_t(i) + 1] : m_text.size();
    return QByteArrayView(m_text.constData() + start, end - start);
}

void EnvironmentFilterModel::rebuildTextIndex()
{
    m_text.clear();
    m_textRows.clear();
    m_textStart.clear();
    m_textAt.clear();
    m_textDirty = false;
    if (m_source)
        appendToTextIndex(0, m_source->rowCount() - 1);
}

void EnvironmentFilterModel::appendToTextIndex(int firstRow, int lastRow)
{
    m_textAt.resize(size_t(m_source->rowCount()), -1);
    for (int row = firstRow; row <= lastRow; ++row) {
        const EnvironmentTableModel::RowKeys& keys = m_source->keysAt(row);
        if (!isAscii(keys.name) || !isAscii(keys.id) || !isAscii(keys.owner) || !isAscii(keys.ownerId))
            continue; // accepts() tests it with EnvironmentFilter's own comparison
        m_textAt[size_t(row)] = int(m_textRows.size());
        m_textRows.push_back(row);
        m_textStart.push_back(int(m_text.size()));
        m_text.append(searchText(keys));
    }
}

void EnvironmentFilterModel::refilter(bool narrowing)
{
    if (m_source)
        setShown(matchingRows(narrowing));
}

std::vector<int> EnvironmentFilterModel::matchingRows(bool narrowing)
{
    if (m_textDirty && m_asciiKeyword)
        rebuildTextIndex();
    const bool useIndex = m_asciiKeyword;
    std::vector<int> rows;
    if (narrowing) {
        rows.reserve(m_rows.size());
        for (const int row : m_rows)
            if (accepts(row))
                rows.push_back(row);
    } else if (useIndex) {
        // One search through the text index marks the rows whose text holds the keyword, then one pass over the
        // sorted rows keeps those (and the non-ASCII rows the predicate accepts) that meet the other criteria.
        std::vector<char> hit(m_textAt.size(), 0);
        const QByteArrayView text(m_text);
        qsizetype from = 0;
        while ((from = text.indexOf(m_keywordLatin1, from)) >= 0) {
            const auto at = std::upper_bound(m_textStart.cbegin(), m_textStart.cend(), int(from)) - 1;
            const size_t i = size_t(at - m_textStart.cbegin());
            hit[size_t(m_textRows[i])] = 1;
            if (i + 1 >= m_textStart.size())
                break;
            from = m_textStart[i + 1]; // the next row
        }
        const bool besides = m_deviationsOnly || !m_filterWithoutKeyword.isEmpty();
        rows.reserve(m_order.size());
        for (const int row : m_order) {
            if (m_textAt[size_t(row)] < 0 ? accepts(row) : hit[size_t(row)] && (!besides || acceptsBesidesKeyword(row)))
                rows.push_back(row);
        }
    } else {
        rows.reserve(m_order.size());
        for (const int row : m_order)
            if (accepts(row))
                rows.push_back(row);
    }
    rows.shrink_to_fit();
    return rows;
}

void EnvironmentFilterModel::setShown(std::vector<int> rows, bool forceLayoutChange)
{
    if (!forceLayoutChange && rows == m_rows)
        return;
    // Rows come and go or move; the columns never change, which the hint tells the horizontal header (it then
    // skips saving and restoring its sections).
    const QAbstractItemModel::LayoutChangeHint hint = QAbstractItemModel::VerticalSortHint;
    Q_EMIT layoutAboutToBeChanged({}, hint);
    // Persistent indexes (selection, current row, open editors) follow their source rows.
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(size_t(from.size()));
    for (const QModelIndex& index : from)
        sourceRows.push_back(index.row() >= 0 && size_t(index.row()) < m_rows.size() ? m_rows[size_t(index.row())]
                                                                                     : -1);
    m_rows = std::move(rows);
    rebuildProxyRowOf();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int source = sourceRows[size_t(i)];
        const int row = source >= 0 ? m_proxyRowOf[size_t(source)] : -1;
        to.append(row >= 0 ? createIndex(row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
}

void EnvironmentFilterModel::rebuildProxyRowOf()
{
    m_proxyRowOf.assign(m_source ? size_t(m_source->rowCount()) : 0, -1);
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRowOf[size_t(m_rows[i])] = int(i);
}

// --- source changes ---

void EnvironmentFilterModel::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (m_resetting) {
        onReset();
        return;
    }
    // Rows were appended: first == the old row count. Other columns' orders are stale; the current one is kept
    // sorted by placing the new rows into it.
    dropOrders();
    std::vector<int> fresh(size_t(last - first + 1));
    std::iota(fresh.begin(), fresh.end(), first);
    const auto less = [this](int a, int b) { return before(a, b); };
    if (m_sortColumn >= 0) {
        std::sort(fresh.begin(), fresh.end(), less);
        m_order = mergeSorted(m_order, fresh, less);
    } else {
        m_order.insert(m_order.end(), fresh.cbegin(), fresh.cend());
    }
    m_proxyRowOf.resize(size_t(m_source->rowCount()), -1);
    if (!m_textDirty)
        appendToTextIndex(first, last);

    std::vector<int> shown;
    for (const int row : fresh)
        if (accepts(row))
            shown.push_back(row);
    if (shown.empty())
        return;
    if (m_rows.empty() || before(m_rows.back(), shown.front())) {
        // All after the rows shown (always so without a sort): plain insertions, cheap for the view.
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(shown.size()) - 1);
        for (const int row : shown) {
            m_proxyRowOf[size_t(row)] = int(m_rows.size());
            m_rows.push_back(row);
        }
        endInsertRows();
        return;
    }
    // Scattered through the sorted rows: one layout change rather than a row insertion per run.
    setShown(mergeSorted(m_rows, shown, less), true);
}

void EnvironmentFilterModel::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                           const QList<int>& roles)
{
    if (!m_source || m_resetting || !topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (topLeft.column() == EnvironmentTableModel::RulesColumn &&
        bottomRight.column() == EnvironmentTableModel::RulesColumn &&
        m_sortColumn != EnvironmentTableModel::RulesColumn && !m_deviationsOnly) {
        // Only the rules marks changed (a whole evaluation's worth at once) and neither the order nor the filter looks
        // at them: nothing moves. Only that column's cached order is stale.
        if (size_t(EnvironmentTableModel::RulesColumn) < m_ascending.size())
            m_ascending[size_t(EnvironmentTableModel::RulesColumn)].clear();
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, EnvironmentTableModel::RulesColumn),
                               index(int(m_rows.size()) - 1, EnvironmentTableModel::RulesColumn), roles);
        return;
    }
    const auto changed = [first, last](int row) { return row >= first && row <= last; };
    // Keys may have changed (a role, a visibility, a name): every column's order may be stale, and so may the place
    // of the changed rows in the current one.
    dropOrders();
    for (int row = first; row <= last && !m_textDirty; ++row) {
        // Usually a role or a visibility changed, not the text; a renamed row rebuilds the index when next needed.
        if (m_textAt[size_t(row)] < 0 || textOf(row) != searchText(m_source->keysAt(row)))
            m_textDirty = true;
    }
    if (m_sortColumn >= 0) {
        const size_t n = m_order.size();
        if (size_t(last - first + 1) * 16 > n) {
            m_order = directed(buildOrder(m_sortColumn), m_sortOrder); // m_order itself is stale here
        } else {
            const auto less = [this](int a, int b) { return before(a, b); };
            std::vector<int> moved(size_t(last - first + 1));
            std::iota(moved.begin(), moved.end(), first);
            std::sort(moved.begin(), moved.end(), less);
            m_order.erase(std::remove_if(m_order.begin(), m_order.end(), changed), m_order.end());
            m_order = mergeSorted(m_order, moved, less);
        }
    }
    std::vector<int> rows;
    rows.reserve(m_rows.size() + size_t(last - first + 1));
    for (const int row : m_order)
        if (changed(row) ? accepts(row) : m_proxyRowOf[size_t(row)] >= 0)
            rows.push_back(row);
    setShown(std::move(rows));
    // Then the new values of the changed rows that show: one signal for a large change (a visibility import).
    if (last - first >= 64) {
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_rows.size()) - 1, bottomRight.column()), roles);
        return;
    }
    for (int row = first; row <= last; ++row) {
        const int shownAt = m_proxyRowOf[size_t(row)];
        if (shownAt >= 0)
            Q_EMIT dataChanged(index(shownAt, topLeft.column()), index(shownAt, bottomRight.column()), roles);
    }
}

void EnvironmentFilterModel::onAboutToReset()
{
    if (m_resetting)
        return;
    beginResetModel();
    m_resetting = true;
}

void EnvironmentFilterModel::onReset()
{
    if (!m_resetting)
        return;
    dropOrders();
    m_textDirty = true;
    const int n = m_source ? m_source->rowCount() : 0;
    if (m_source && m_sortColumn >= 0) {
        m_order = directed(buildOrder(m_sortColumn), m_sortOrder); // m_order itself is stale here
    } else {
        m_order.resize(size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
    }
    rebuildTextIndex();
    m_rows = m_source ? matchingRows(false) : std::vector<int>();
    rebuildProxyRowOf();
    m_resetting = false;
    endResetModel();
}
