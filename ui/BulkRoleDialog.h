#pragma once

#include "model/Environment.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"
#include "rules/RulePlan.h"

#include <QDialog>
#include <QHash>

#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;
class RoleChange;
class RuleApplier;
class RolePicker;
class Session;

// One role for a selection of environments, one environment after the other: each is judged by
// RolePolicy, changed with the conflict check, and reported (changed / unchanged / refused by policy
// with the reason / conflict / API error). Cancel stops before the next environment.
//
// "Fix deviations" (a rules plan): the same dialog with a different target role per environment. The plan's change
// entries are applied by core's RuleApplier, i.e. through RoleChange with every guard of a single change: a fresh read
// re-planned by the rules, a public environment given a role only by a rule that names it and gives a reason, the
// audit reason being the rule, throttled writes tried again; the cannot-fix entries are listed with their reasons.
class BulkRoleDialog : public QDialog
{
    Q_OBJECT
public:
    using VisibilityLookup = std::function<Visibility(const QString& instanceId)>;

    enum class ItemResult
    {
        Pending,
        Changed,
        Unchanged,
        Refused,
        Conflict,
        Failed,
        Cancelled,
        CannotFix // Fix deviations: the plan says it cannot be changed (not attempted)
    };
    Q_ENUM(ItemResult)

    BulkRoleDialog(Session* session, QList<Environment> environments, VisibilityLookup visibility,
                   QWidget* parent = nullptr);
    // Fix deviations: plan was evaluated by RulePlan::evaluate(rules, environments, ...).
    BulkRoleDialog(Session* session, const RuleSet& rules, const RulePlan::Plan& plan, QList<Environment> environments,
                   QHash<QString, TrustPolicy> trustPolicies, QWidget* parent = nullptr);
    bool isPlanMode() const { return m_planMode; }

    bool isRunning() const { return m_running; }
    ItemResult resultAt(int index) const { return m_results.value(index, ItemResult::Pending); }
    int count() const { return int(m_environments.size()); }
    // The environment of a row as it was listed (before any change of this run).
    const Environment& environmentAt(int index) const { return m_environments.at(index); }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void environmentChanged(const Environment& environment);
    void runFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fitPlanColumns();

private:
    RoleAssociation requestedRole() const;
    void buildProgressAndResults(class QVBoxLayout* layout, const QStringList& headers);
    void buildButtons(class QVBoxLayout* layout);
    void startPlan();
    void next();
    // Start only when the chosen role can be asked for (a custom role's ARN well-formed); says why not.
    void updateStartState();
    void record(int index, ItemResult result, const QString& detail);
    void finish();

    Session* m_session;
    QList<Environment> m_environments;
    VisibilityLookup m_visibility;
    QList<ItemResult> m_results;
    std::optional<TrustPolicy> m_trust;
    RoleChange* m_change = nullptr; // one for the run: it remembers the default-role chain it found
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
    // Fix deviations
    bool m_planMode = false;
    bool m_fitted = false; // fitted to the screen on its first show
    RuleSet m_rules;
    RulePlan::Plan m_plan;
    QHash<QString, TrustPolicy> m_trustPolicies;
    QList<Environment> m_planEnvironments; // the list the plan was evaluated on
    QList<RoleAssociation> m_rowTargets;   // plan mode: each row's target (none for cannot-fix rows)
    RuleApplier* m_applier = nullptr;
    int m_resultColumn = 2; // of the result text; the detail is the next column

    QButtonGroup* m_choices = nullptr;
    QRadioButton* m_default = nullptr;
    QRadioButton* m_custom = nullptr;
    QRadioButton* m_none = nullptr;
    RolePicker* m_arn = nullptr;
    QCheckBox* m_includePublic = nullptr;
    QLineEdit* m_reason = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_resultsView = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
};
