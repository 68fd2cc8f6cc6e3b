#pragma once

#include "model/Environment.h"
#include "model/ListingMerge.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"
#include "rules/RoleRules.h"
#include "rules/RulePlan.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPalette>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

// The environments of the chosen workspaces, one row each, filled page by page as answers arrive
// (appendEnvironments() inserts rows; it never resets the view). Built for 100,000 rows: every
// string a filter or a sort looks at is precomputed once per row (RowKeys), so
// EnvironmentFilterModel never allocates per call.
class EnvironmentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        IdColumn,
        OwnerColumn,
        WorkspaceColumn,
        StatusColumn,
        VisibilityColumn,
        RoleColumn,
        UpdatedColumn,
        RulesColumn, // last, so the saved header states of earlier versions keep their columns
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        // A sort key per column that compares cheaply: qint64 for times and enums, lower-cased text otherwise.
        SortRole = Qt::UserRole + 1,
        InstanceIdRole,
        StatusEnumRole,     // int(EnvironmentStatus)
        VisibilityEnumRole, // int(Visibility)
        RoleKindRole,       // int(RoleAssociation::Kind)
        ProjectIdRole,
        InternetReachableRole, // bool: the API reports an enabled internet port forwarding (Exposure)
        RuleStateRole,         // int(RuleState)
    };

    // What the rules file (core's RulePlan) says about a row, as the Rules column shows it.
    enum class RuleState : qint8
    {
        NoRules,   // no rules file is in force
        Pending,   // not evaluated yet (a page arrived, the rules changed): the next evaluation decides
        NoMatch,   // no rule matches it
        Keep,      // it satisfies its rule
        Change,    // it deviates, and the plan would change it
        CannotFix, // it deviates, and the plan cannot change it (the tool tip says why)
    };
    Q_ENUM(RuleState)
    struct RuleMark
    {
        RuleState state = RuleState::NoRules;
        int ruleIndex = -1; // into RuleSet::rules
    };

    // Per-row values derived once when the row arrives (or when its role/visibility changes).
    struct RowKeys
    {
        QString name; // lower-cased
        QString id;
        QString owner;   // lower-cased shown text: the owner's name when known, else the account id
        QString ownerId; // the account id (searchable whatever is shown)
        QString workspace;
        QString role; // lower-cased display text of the role
        Visibility visibility = Visibility::Unknown;
        bool internet = false; // Exposure::internetReachable(): marked by an icon in the name column
        RuleMark rule;
    };

    explicit EnvironmentTableModel(QObject* parent = nullptr);

    // Where the admin-recorded visibility comes from (the VisibilityStore); unset: everything Unknown.
    using VisibilityLookup = std::function<Visibility(const QString& instanceId)>;
    void setVisibilityLookup(VisibilityLookup lookup);

    // Where owner names come from (core's OwnerDirectory: one ListProjectMembers listing per workspace) and why a
    // workspace's names are missing; unset: owners show as account ids.
    using OwnerNameLookup = std::function<QString(qint64 projectId, const QString& ownerId)>;
    using OwnerReasonLookup = std::function<QString(qint64 projectId)>;
    void setOwnerLookup(OwnerNameLookup names, OwnerReasonLookup reasons);
    // Re-reads owner names for every row (after a workspace's members arrived).
    void refreshOwnerNames();

    // Without QAbstractTableModel's hasIndex() (two more virtual calls): the proxy's sort asks for two indexes
    // per comparison, about 1.7 million times to sort 100,000 rows.
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    // Room for this many rows, once the listing knows its total: growing a vector of 100,000 rows page by page
    // leaves up to half its capacity unused.
    void reserveRows(int total);
    // Pages in the order they arrived: new instance ids become rows, a repeated one replaces its row in place (core's
    // ListingMerge: first place kept, the copy read last wins; the CLI's listing follows the same rule).
    void appendEnvironments(const QList<Environment>& environments);
    // Replaces the row with the same instance id (after an update or a re-read); returns false if absent.
    bool updateEnvironment(const Environment& environment);
    // Re-reads visibility for every row (after an import or an edit).
    void refreshVisibility();
    void refreshVisibility(const QString& instanceId);

    // The rules the Rules column shows (null: none). Every row becomes Pending until applyRuleMarks(); a row that
    // changes afterwards (updateEnvironment, refreshVisibility(id)) is evaluated again at once, on its own.
    void setRules(std::shared_ptr<const RuleSet> rules, QHash<QString, TrustPolicy> trustPolicies = {});
    const std::shared_ptr<const RuleSet>& rules() const { return m_rules; }
    const QHash<QString, TrustPolicy>& trustPolicies() const { return m_trust; }
    // What a background evaluation works on: a copy of the rows (and their visibility) as they are now. The
    // generation tells applyRuleMarks() whether the rows are still those (no clear(), no other rules since).
    struct RuleSnapshot
    {
        quint64 generation = 0;
        std::vector<Environment> environments;
        std::vector<Visibility> visibility;
        size_t rows = 0; // the rows at the beginning: the snapshot is complete when it holds them all
    };
    RuleSnapshot ruleSnapshot();
    // The same in steps, so the GUI thread never copies 100,000 rows at once: begin, then copy `count` more rows per
    // call until it returns true (done). False with *stale set when the rows changed meanwhile (start again).
    RuleSnapshot beginRuleSnapshot();
    bool continueRuleSnapshot(RuleSnapshot& snapshot, int count, bool* stale);
    // The marks of a snapshot's rows (in its order); ignored when the generation is no longer current. Rows
    // evaluated on their own since the snapshot keep their newer mark.
    bool applyRuleMarks(quint64 generation, const std::vector<RuleMark>& marks);
    // Every row back to Pending (the visibility records changed): emits rulesNeedEvaluation().
    void invalidateRuleMarks();
    int pendingRuleCount() const;
    // "No rule", "OK: <rule>", "Change: <rule>", "Cannot fix: <rule>"; the tool tip: rule, current and required
    // role, and why (RulePlan::evaluateOne's reasons).
    QString ruleText(int row) const;
    QString ruleToolTip(int row) const;

    const Environment& environmentAt(int row) const { return m_rows[size_t(row)]; }
    const RowKeys& keysAt(int row) const { return m_keys[size_t(row)]; }
    int rowOf(const QString& instanceId) const;
    const std::vector<Environment>& environments() const { return m_rows; }

    // Shown in the header and everywhere visibility appears: the API does not expose it.
    static QString visibilityHeader();
    // The colour of "Public" on an environment that has a role, readable on the palette's base colours.
    static QColor publicColour(const QPalette& palette);
    // The status and visibility marks shown next to their text (the text always says it; the mark helps scanning).
    // Drawn for the palette: a darker tone on light bases, a lighter one on dark bases, 3:1 against Base either way.
    enum class Tone
    {
        Good,    // running
        Busy,    // on its way somewhere (starting, saving, ...)
        Idle,    // stopped, saved
        Bad,     // failed, overdue payment
        Neutral, // deleted, unknown
        Info,    // private
    };
    static Tone statusTone(EnvironmentStatus status);
    static QColor toneColour(Tone tone, const QPalette& palette);
    static QIcon statusIcon(EnvironmentStatus status, const QPalette& palette);
    static QIcon visibilityIcon(Visibility visibility, bool hasRole, const QPalette& palette);
    // The Rules column's colour: amber for a deviation the plan would change, red for one it cannot fix.
    static QColor ruleColour(const QPalette& palette, bool cannotFix);
    // The mark of one plan entry.
    static RuleMark markOf(const RulePlan::Entry& entry);

Q_SIGNALS:
    // Rows became Pending (rows appended, the visibility records changed) while rules are in force.
    void rulesNeedEvaluation();

private:
    RowKeys makeKeys(const Environment& environment);
    // The row as stored: the values many rows repeat (workspace, owner, status, image, resource group, role)
    // share one copy, so 100,000 rows hold a few hundred such strings instead of a million.
    Environment stored(const Environment& environment);
    void share(QString& text);
    Visibility visibilityOf(const QString& instanceId) const;
    // The row's mark from core's RulePlan::evaluateOne (one row, synchronously).
    RuleMark evaluateRow(int row) const;
    void emitRuleColumnChanged();

    std::vector<Environment> m_rows;
    std::vector<RowKeys> m_keys;
    ListingMerge m_merge; // instance id -> row, and the one rule for a repeated environment
    quint64 m_pagesRead = 0;
    QSet<QString> m_shared;                  // the repeated values, one copy each
    QHash<QString, RoleAssociation> m_roles; // by role ARN (or description): one copy each
    VisibilityLookup m_visibility;
    OwnerNameLookup m_ownerNames;
    OwnerReasonLookup m_ownerReasons;
    std::shared_ptr<const RuleSet> m_rules;
    QHash<QString, TrustPolicy> m_trust;
    quint64 m_ruleGeneration = 1;
    std::vector<int> m_evaluatedSinceSnapshot; // rows evaluated on their own after the last snapshot
};
