#include "EnvironmentTableModel.h"

#include "TimeText.h"

#include "model/Exposure.h"
#include "rules/RulePlan.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStyle>

EnvironmentTableModel::EnvironmentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void EnvironmentTableModel::setVisibilityLookup(VisibilityLookup lookup)
{
    m_visibility = std::move(lookup);
    refreshVisibility();
}

Visibility EnvironmentTableModel::visibilityOf(const QString& instanceId) const
{
    return m_visibility ? m_visibility(instanceId) : Visibility::Unknown;
}

void EnvironmentTableModel::setOwnerLookup(OwnerNameLookup names, OwnerReasonLookup reasons)
{
    m_ownerNames = std::move(names);
    m_ownerReasons = std::move(reasons);
    refreshOwnerNames();
}

void EnvironmentTableModel::refreshOwnerNames()
{
    if (m_rows.empty() || !m_ownerNames)
        return;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Environment& e = m_rows[i];
        QString name = m_ownerNames(e.projectId, e.ownerId);
        if (name.isEmpty() || name == e.ownerName)
            continue;
        share(name);
        e.ownerName = name;
        m_keys[i].owner = name.toLower();
        share(m_keys[i].owner);
    }
    Q_EMIT dataChanged(index(0, OwnerColumn), index(int(m_rows.size()) - 1, OwnerColumn));
}

QModelIndex EnvironmentTableModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_rows.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int EnvironmentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvironmentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EnvironmentTableModel::visibilityHeader()
{
    return tr("Visibility (recorded by admins)");
}

QVariant EnvironmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == RulesColumn)
        return tr("What the open rules file requires of each environment: OK, a deviation the plan would change, or "
                  "one it cannot fix (hover a row for why).");
    if (role == Qt::ToolTipRole && section == VisibilityColumn)
        return tr("Public or private in the workspace, as recorded by admins in RoleDesk: the DataWorks API does "
                  "not expose it.");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case OwnerColumn:
        return tr("Owner");
    case WorkspaceColumn:
        return tr("Workspace");
    case StatusColumn:
        return tr("Status");
    case VisibilityColumn:
        return tr("Visibility\n(recorded by admins)");
    case RoleColumn:
        return tr("RAM role");
    case UpdatedColumn:
        return tr("Updated");
    case RulesColumn:
        return tr("Rules");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EnvironmentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Environment& env = m_rows[size_t(index.row())];
    const RowKeys& keys = m_keys[size_t(index.row())];
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return env.instanceName;
        case IdColumn:
            return env.instanceId;
        case OwnerColumn:
            return env.ownerName.isEmpty() ? env.ownerId : env.ownerName;
        case WorkspaceColumn:
            return env.projectName.isEmpty() ? QString::number(env.projectId) : env.projectName;
        case StatusColumn:
            return env.statusDisplayText();
        case VisibilityColumn:
            return Visibilities::displayName(keys.visibility);
        case RoleColumn:
            return env.role.displayText(RoleAssociation::TextForm::Cell);
        case UpdatedColumn:
            return TimeText::local(env.updateTime);
        case RulesColumn:
            return ruleText(index.row());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == NameColumn && keys.internet)
            return Exposure::of(env, keys.visibility).summary();
        if (column == RulesColumn)
            return ruleToolTip(index.row());
        if (column == UpdatedColumn)
            return TimeText::utc(env.updateTime);
        if (column == VisibilityColumn)
            return headerData(VisibilityColumn, Qt::Horizontal, Qt::ToolTipRole);
        if (column == RoleColumn)
            return env.role.isUnknown() ? env.role.description() : env.role.displayText();
        if (column == OwnerColumn) {
            if (!env.ownerName.isEmpty())
                return tr("%1\nAccount ID: %2").arg(env.ownerName, env.ownerId);
            const QString reason = m_ownerReasons ? m_ownerReasons(env.projectId) : QString();
            return reason.isEmpty() ? tr("Account ID: %1").arg(env.ownerId)
                                    : tr("Account ID: %1\n%2").arg(env.ownerId, reason);
        }
        return {};
    case Qt::DecorationRole:
        // Reachable from the internet (what the API reports): a warning icon by the name, the ports in its tool tip.
        if (column == NameColumn && keys.internet)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (column == StatusColumn)
            return statusIcon(env.status, QGuiApplication::palette());
        if (column == VisibilityColumn)
            return visibilityIcon(keys.visibility, env.role.hasRole(), QGuiApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (column == VisibilityColumn && Exposure::publicWithRole(env.role, keys.visibility))
            return QBrush(publicColour(QGuiApplication::palette()));
        if (column == NameColumn && Exposure::internetWithRole(env.role, keys.internet))
            return QBrush(publicColour(QGuiApplication::palette()));
        if (column == RulesColumn && (keys.rule.state == RuleState::Change || keys.rule.state == RuleState::CannotFix))
            return QBrush(ruleColour(QGuiApplication::palette(), keys.rule.state == RuleState::CannotFix));
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return keys.name;
        case IdColumn:
            return keys.id;
        case OwnerColumn:
            return keys.owner;
        case WorkspaceColumn:
            return keys.workspace;
        case StatusColumn:
            return int(env.status);
        case VisibilityColumn:
            return int(keys.visibility);
        case RoleColumn:
            return keys.role;
        case UpdatedColumn:
            return env.updateTimeMs;
        case RulesColumn:
            return int(keys.rule.state);
        case ColumnCount:
            break;
        }
        return {};
    case RuleStateRole:
        return int(keys.rule.state);
    case InstanceIdRole:
        return env.instanceId;
    case StatusEnumRole:
        return int(env.status);
    case VisibilityEnumRole:
        return int(keys.visibility);
    case RoleKindRole:
        return int(env.role.kind());
    case ProjectIdRole:
        return env.projectId;
    case InternetReachableRole:
        return keys.internet;
    default:
        return {};
    }
}

void EnvironmentTableModel::clear()
{
    beginResetModel();
    // Swapped with empty ones: clear() would keep the capacity of the last listing.
    std::vector<Environment>().swap(m_rows);
    std::vector<RowKeys>().swap(m_keys);
    m_merge.clear();
    m_pagesRead = 0;
    m_shared = {};
    m_roles = {};
    ++m_ruleGeneration;
    m_evaluatedSinceSnapshot.clear();
    endResetModel();
}

void EnvironmentTableModel::reserveRows(int total)
{
    if (total <= 0 || size_t(total) <= m_rows.capacity())
        return;
    m_rows.reserve(size_t(total));
    m_keys.reserve(size_t(total));
    m_merge.reserve(total);
}

void EnvironmentTableModel::share(QString& text)
{
    if (text.isEmpty())
        return;
    auto it = m_shared.constFind(text);
    if (it == m_shared.cend())
        it = m_shared.insert(text);
    text = *it;
}

Environment EnvironmentTableModel::stored(const Environment& environment)
{
    Environment e = environment;
    if (e.ownerName.isEmpty() && m_ownerNames)
        e.ownerName = m_ownerNames(e.projectId, e.ownerId);
    for (QString* text :
         {&e.statusText, &e.projectName, &e.resourceGroupId, &e.resourceGroupName, &e.ownerId, &e.ownerName, &e.imageId,
          &e.imageName, &e.imageUrl, &e.failReason, &e.userVpc.vpcId, &e.userVpc.vSwitchId, &e.userVpc.securityGroupId})
        share(*text);
    const QString& roleKey = e.role.roleArn().isEmpty() ? e.role.description() : e.role.roleArn();
    auto role = m_roles.constFind(roleKey);
    if (role == m_roles.cend())
        m_roles.insert(roleKey, e.role);
    else if (*role == e.role)
        e.role = *role;
    return e;
}

void EnvironmentTableModel::appendEnvironments(const QList<Environment>& environments)
{
    if (environments.isEmpty())
        return;
    // A page may repeat environments already shown (a re-read, an overlapping page): core's ListingMerge says where
    // each goes. Pages are handed over as they arrive, so a repeat was read later and replaces its row in place.
    const quint64 read = ++m_pagesRead;
    const int first = int(m_rows.size());
    QList<Environment> fresh;
    fresh.reserve(environments.size());
    for (const Environment& env : environments) {
        const ListingMerge::Placement at = m_merge.place(env.instanceId, read);
        if (at.outcome == ListingMerge::Outcome::Added)
            fresh.append(env);
        else if (at.outcome == ListingMerge::Outcome::Replaces && at.index >= first)
            fresh[at.index - first] = env; // repeated within these pages: not a row yet
        else if (at.outcome == ListingMerge::Outcome::Replaces)
            updateEnvironment(env);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    // No reserve(size() + n) here: called once per page, it would reallocate and move every row each time
    // (quadratic over a 100,000-row listing); push_back grows geometrically.
    for (const Environment& env : std::as_const(fresh)) {
        m_rows.push_back(stored(env));
        m_keys.push_back(makeKeys(m_rows.back()));
    }
    endInsertRows();
    // New rows are Pending: evaluated in the background, never row by row on this thread while a listing arrives.
    if (m_rules)
        Q_EMIT rulesNeedEvaluation();
}

bool EnvironmentTableModel::updateEnvironment(const Environment& environment)
{
    const int row = rowOf(environment.instanceId);
    if (row < 0)
        return false;
    m_rows[size_t(row)] = stored(environment);
    m_keys[size_t(row)] = makeKeys(m_rows[size_t(row)]);
    if (m_rules) {
        m_keys[size_t(row)].rule = evaluateRow(row);
        m_evaluatedSinceSnapshot.push_back(row);
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int EnvironmentTableModel::rowOf(const QString& instanceId) const
{
    return m_merge.indexOf(instanceId);
}

void EnvironmentTableModel::refreshVisibility()
{
    if (m_rows.empty())
        return;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_keys[i].visibility = visibilityOf(m_rows[i].instanceId);
        // Rules may select by visibility: every mark waits for the next evaluation.
        if (m_rules)
            m_keys[i].rule = {RuleState::Pending, -1};
    }
    if (m_rules)
        ++m_ruleGeneration;
    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    if (m_rules)
        Q_EMIT rulesNeedEvaluation();
}

void EnvironmentTableModel::refreshVisibility(const QString& instanceId)
{
    const int row = rowOf(instanceId);
    if (row < 0)
        return;
    m_keys[size_t(row)].visibility = visibilityOf(instanceId);
    if (m_rules) {
        m_keys[size_t(row)].rule = evaluateRow(row);
        m_evaluatedSinceSnapshot.push_back(row);
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

EnvironmentTableModel::RowKeys EnvironmentTableModel::makeKeys(const Environment& env)
{
    RowKeys keys;
    // toLower() hands back the same string when nothing changes; the repeated keys share one copy.
    keys.name = env.instanceName.toLower();
    keys.id = env.instanceId.toLower();
    keys.owner = (env.ownerName.isEmpty() ? env.ownerId : env.ownerName).toLower();
    share(keys.owner);
    keys.ownerId = env.ownerId;
    keys.workspace = (env.projectName.isEmpty() ? QString::number(env.projectId) : env.projectName).toLower();
    share(keys.workspace);
    keys.role = env.role.displayText(RoleAssociation::TextForm::Cell).toLower();
    share(keys.role);
    keys.visibility = visibilityOf(env.instanceId);
    keys.internet = Exposure::internetReachable(env);
    keys.rule.state = m_rules ? RuleState::Pending : RuleState::NoRules;
    return keys;
}

QColor EnvironmentTableModel::publicColour(const QPalette& palette)
{
    // A dark red on light bases, a light red on dark ones: 4.5:1 against Base and AlternateBase either way.
    return palette.color(QPalette::Base).lightnessF() < 0.5 ? QColor(0xff, 0x8a, 0x80) : QColor(0xa3, 0x24, 0x16);
}

EnvironmentTableModel::Tone EnvironmentTableModel::statusTone(EnvironmentStatus status)
{
    switch (status) {
    case EnvironmentStatus::Running:
        return Tone::Good;
    case EnvironmentStatus::Creating:
    case EnvironmentStatus::Starting:
    case EnvironmentStatus::Stopping:
    case EnvironmentStatus::Updating:
    case EnvironmentStatus::Deleting:
    case EnvironmentStatus::Saving:
        return Tone::Busy;
    case EnvironmentStatus::Stopped:
    case EnvironmentStatus::Saved:
        return Tone::Idle;
    case EnvironmentStatus::Failed:
    case EnvironmentStatus::Arrearage:
    case EnvironmentStatus::SaveFailed:
        return Tone::Bad;
    case EnvironmentStatus::Deleted:
    case EnvironmentStatus::Unknown:
        break;
    }
    return Tone::Neutral;
}

QColor EnvironmentTableModel::toneColour(Tone tone, const QPalette& palette)
{
    // Pairs checked for 3:1 (WCAG non-text contrast) against the Base and AlternateBase of RoleDesk's light and dark
    // palettes (tests/ui/test_environmentmodel.cpp).
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x5c, 0xd6, 0x6e) : QColor(0x1f, 0x7a, 0x33);
    case Tone::Busy:
        return dark ? QColor(0xf0, 0xb4, 0x29) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Idle:
        return dark ? QColor(0xa8, 0xac, 0xb0) : QColor(0x5f, 0x63, 0x68);
    case Tone::Bad:
        return publicColour(palette);
    case Tone::Info:
        return dark ? QColor(0x7a, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xb4);
    case Tone::Neutral:
        break;
    }
    return dark ? QColor(0x8c, 0x8c, 0x8c) : QColor(0x6e, 0x6e, 0x6e);
}

namespace {
// A 16x16 mark drawn at twice the resolution (crisp at 1.5x and 2x), cached per shape, colour and palette family.
template<typename Draw>
QIcon cachedMark(const QString& key, Draw draw)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    QPixmap pixmap(32, 32);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        draw(p);
    }
    return *cache.insert(key, QIcon(pixmap));
}
} // namespace

QIcon EnvironmentTableModel::statusIcon(EnvironmentStatus status, const QPalette& palette)
{
    const Tone tone = statusTone(status);
    const QColor colour = toneColour(tone, palette);
    // The shape tells the family without the colour: filled dot, ring, hollow circle, cross, dash.
    return cachedMark(QStringLiteral("status-%1-%2").arg(int(tone)).arg(colour.name()), [tone, colour](QPainter& p) {
        const QRectF box(3, 3, 10, 10);
        switch (tone) {
        case Tone::Good:
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(box);
            break;
        case Tone::Busy:
            p.setPen(QPen(colour, 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(box.adjusted(1, 1, -1, -1));
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawPie(box, 90 * 16, -180 * 16);
            break;
        case Tone::Idle:
            p.setPen(QPen(colour, 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(box.adjusted(1, 1, -1, -1));
            break;
        case Tone::Bad:
            p.setPen(QPen(colour, 2.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(4, 4), QPointF(12, 12));
            p.drawLine(QPointF(12, 4), QPointF(4, 12));
            break;
        case Tone::Neutral:
        case Tone::Info:
            p.setPen(QPen(colour, 2.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(4, 8), QPointF(12, 8));
            break;
        }
    });
}

QIcon EnvironmentTableModel::visibilityIcon(Visibility visibility, bool hasRole, const QPalette& palette)
{
    if (visibility == Visibility::Unknown)
        return {}; // the text says "Unknown"; no mark keeps the column calm where nothing is recorded
    const bool isPublic = visibility == Visibility::Public;
    const QColor colour = isPublic ? (hasRole ? publicColour(palette) : toneColour(Tone::Busy, palette))
                                   : toneColour(Tone::Info, palette);
    return cachedMark(QStringLiteral("visibility-%1-%2").arg(int(visibility)).arg(colour.name()),
                      [isPublic, colour](QPainter& p) {
                          if (isPublic) {
                              // An open padlock: the shackle lifted off the body.
                              p.setPen(QPen(colour, 1.8));
                              p.setBrush(Qt::NoBrush);
                              QPainterPath shackle;
                              shackle.moveTo(10.5, 7);
                              shackle.lineTo(10.5, 4.5);
                              shackle.arcTo(QRectF(7.5, 1.5, 6, 6), 0, 180);
                              p.drawPath(shackle);
                          } else {
                              p.setPen(QPen(colour, 1.8));
                              p.setBrush(Qt::NoBrush);
                              QPainterPath shackle;
                              shackle.moveTo(5.5, 7.5);
                              shackle.lineTo(5.5, 5);
                              shackle.arcTo(QRectF(5.5, 2, 5, 6), 180, -180);
                              shackle.lineTo(10.5, 7.5);
                              p.drawPath(shackle);
                          }
                          p.setPen(Qt::NoPen);
                          p.setBrush(colour);
                          p.drawRoundedRect(QRectF(3.5, 7.5, 9, 7), 1.5, 1.5);
                      });
}

QColor EnvironmentTableModel::ruleColour(const QPalette& palette, bool cannotFix)
{
    // Amber for "would change", the public colour's red for "cannot fix"; both readable on light and dark bases.
    if (cannotFix)
        return publicColour(palette);
    return palette.color(QPalette::Base).lightnessF() < 0.5 ? QColor(0xff, 0xc1, 0x4d) : QColor(0x8a, 0x5a, 0x00);
}

// --- rules ---

void EnvironmentTableModel::setRules(std::shared_ptr<const RuleSet> rules, QHash<QString, TrustPolicy> trustPolicies)
{
    m_rules = std::move(rules);
    m_trust = std::move(trustPolicies);
    ++m_ruleGeneration;
    m_evaluatedSinceSnapshot.clear();
    const RuleMark mark{m_rules ? RuleState::Pending : RuleState::NoRules, -1};
    for (RowKeys& keys : m_keys)
        keys.rule = mark;
    emitRuleColumnChanged();
    if (m_rules && !m_rows.empty())
        Q_EMIT rulesNeedEvaluation();
}

EnvironmentTableModel::RuleSnapshot EnvironmentTableModel::ruleSnapshot()
{
    RuleSnapshot snapshot = beginRuleSnapshot();
    bool stale = false;
    continueRuleSnapshot(snapshot, int(snapshot.rows), &stale);
    return snapshot;
}

EnvironmentTableModel::RuleSnapshot EnvironmentTableModel::beginRuleSnapshot()
{
    RuleSnapshot snapshot;
    snapshot.generation = m_ruleGeneration;
    snapshot.rows = m_rows.size();
    snapshot.environments.reserve(snapshot.rows);
    snapshot.visibility.reserve(snapshot.rows);
    // From here on, a row evaluated on its own keeps its mark over the snapshot's (whose copy may be older).
    m_evaluatedSinceSnapshot.clear();
    return snapshot;
}

bool EnvironmentTableModel::continueRuleSnapshot(RuleSnapshot& snapshot, int count, bool* stale)
{
    // Copies of implicitly shared values: reference counts, not texts. Rows are only ever appended or replaced in
    // place, so the first `rows` rows are still the snapshot's rows unless the generation moved (clear(), other rules,
    // other visibility records).
    *stale = snapshot.generation != m_ruleGeneration || snapshot.rows > m_rows.size();
    if (*stale)
        return false;
    const size_t from = snapshot.environments.size();
    const size_t to = qMin(snapshot.rows, from + size_t(qMax(0, count)));
    for (size_t i = from; i < to; ++i) {
        snapshot.environments.push_back(m_rows[i]);
        snapshot.visibility.push_back(m_keys[i].visibility);
    }
    return snapshot.environments.size() == snapshot.rows;
}

bool EnvironmentTableModel::applyRuleMarks(quint64 generation, const std::vector<RuleMark>& marks)
{
    if (generation != m_ruleGeneration || !m_rules || marks.size() > m_keys.size())
        return false;
    std::vector<bool> newer(marks.size(), false);
    for (const int row : m_evaluatedSinceSnapshot)
        if (size_t(row) < newer.size())
            newer[size_t(row)] = true;
    for (size_t i = 0; i < marks.size(); ++i)
        if (!newer[i])
            m_keys[i].rule = marks[i];
    emitRuleColumnChanged();
    return true;
}

void EnvironmentTableModel::invalidateRuleMarks()
{
    if (!m_rules)
        return;
    ++m_ruleGeneration;
    for (RowKeys& keys : m_keys)
        keys.rule = {RuleState::Pending, -1};
    emitRuleColumnChanged();
    if (!m_rows.empty())
        Q_EMIT rulesNeedEvaluation();
}

int EnvironmentTableModel::pendingRuleCount() const
{
    int n = 0;
    for (const RowKeys& keys : m_keys)
        n += keys.rule.state == RuleState::Pending ? 1 : 0;
    return n;
}

void EnvironmentTableModel::emitRuleColumnChanged()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, RulesColumn), index(int(m_rows.size()) - 1, RulesColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, SortRole, RuleStateRole});
}

EnvironmentTableModel::RuleMark EnvironmentTableModel::evaluateRow(int row) const
{
    if (!m_rules)
        return {};
    const RulePlan::Entry entry =
        RulePlan::evaluateOne(*m_rules, m_rows[size_t(row)], m_keys[size_t(row)].visibility, m_trust);
    return markOf(entry);
}

EnvironmentTableModel::RuleMark EnvironmentTableModel::markOf(const RulePlan::Entry& entry)
{
    RuleMark mark;
    mark.ruleIndex = entry.ruleIndex;
    switch (entry.action) {
    case RulePlan::Action::Keep:
        mark.state = entry.ruleIndex < 0 ? RuleState::NoMatch : RuleState::Keep;
        break;
    case RulePlan::Action::Change:
        mark.state = RuleState::Change;
        break;
    case RulePlan::Action::CannotFix:
        mark.state = RuleState::CannotFix;
        break;
    }
    return mark;
}

QString EnvironmentTableModel::ruleText(int row) const
{
    const RuleMark& mark = m_keys[size_t(row)].rule;
    const QString rule = m_rules && mark.ruleIndex >= 0 && mark.ruleIndex < m_rules->rules.size()
                             ? m_rules->rules.at(mark.ruleIndex).name
                             : QString();
    switch (mark.state) {
    case RuleState::NoRules:
        return {};
    case RuleState::Pending:
        return tr("evaluating...");
    case RuleState::NoMatch:
        return tr("no rule");
    case RuleState::Keep:
        return tr("OK: %1").arg(rule);
    case RuleState::Change:
        return tr("Deviates: %1").arg(rule);
    case RuleState::CannotFix:
        return tr("Cannot fix: %1").arg(rule);
    }
    return {};
}

QString EnvironmentTableModel::ruleToolTip(int row) const
{
    if (!m_rules || m_keys[size_t(row)].rule.state == RuleState::NoRules)
        return {};
    if (m_keys[size_t(row)].rule.state == RuleState::Pending)
        return tr("The rules are being evaluated for this environment.");
    // Evaluated again for the tool tip (one environment: microseconds), so the words are core's own.
    const Environment& env = m_rows[size_t(row)];
    const RulePlan::Entry entry = RulePlan::evaluateOne(*m_rules, env, m_keys[size_t(row)].visibility, m_trust);
    QStringList lines;
    if (entry.ruleIndex >= 0) {
        const RoleRule& rule = m_rules->rules.at(entry.ruleIndex);
        // The file's name with line and column (the rules banner's tool tip has the whole path).
        const QString where = QStringLiteral("%1:%2:%3")
                                  .arg(QFileInfo(rule.where.file).fileName())
                                  .arg(rule.where.line)
                                  .arg(rule.where.column);
        lines << tr("Rule %1 \"%2\" (%3)").arg(entry.ruleIndex + 1).arg(rule.name, where);
        lines << tr("Current role: %1").arg(env.role.displayText());
        lines << tr("Required: %1").arg(rule.require.displayText());
    }
    switch (entry.action) {
    case RulePlan::Action::Keep:
        break;
    case RulePlan::Action::Change:
        lines
            << tr("Fix deviations would change it to: %1").arg(entry.target ? entry.target->displayText() : QString());
        break;
    case RulePlan::Action::CannotFix:
        lines << tr("Cannot be fixed by the rules file:");
        break;
    }
    // With a rule, the first reason restates what the lines above say (it has X, the rule requires Y); a reason that
    // stands alone (the rule names no single role) is kept.
    const bool restated = entry.ruleIndex >= 0 && (entry.action == RulePlan::Action::Keep || entry.reasons.size() > 1);
    lines << (restated ? entry.reasons.mid(1) : entry.reasons);
    return lines.join(QLatin1Char('\n'));
}
