#pragma once

#include "RoleRules.h"

#include "model/Environment.h"
#include "model/RolePolicy.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The evaluation of role rules: ONE pure function, RulePlan::evaluate(), shared by `roledesk-cli plan/apply`
// (and any later front end). Environments + recorded visibility + rules -> one entry per environment: its
// current role, the role its rule requires, the deciding rule, and the action:
//   keep        the environment already satisfies its rule, or no rule matches it;
//   change      it deviates and RolePolicy allows the change (or the rule carries a public override for it);
//   cannot-fix  it deviates but the change cannot be made: RolePolicy refuses it (status, trust policy, ...),
//               it would give a public environment a role without an override, it would give a role to an
//               environment the API reports as reachable from the internet (never from a rules file), or the rule
//               names no single role to change to. The reason says which.
// Every proposed change is judged by RolePolicy::evaluate(), so a plan never proposes what the policy refuses.
namespace RulePlan {

enum class Action
{
    Keep,
    Change,
    CannotFix
};

struct Entry
{
    qsizetype environmentIndex = -1; // into the evaluated list
    QString instanceId;
    RoleAssociation current;
    Visibility visibility = Visibility::Unknown;
    int ruleIndex = -1;                    // into RuleSet::rules; -1 when no rule matches
    std::optional<RoleAssociation> target; // for Change: the role it gets; for CannotFix: the role it would get
    Action action = Action::Keep;
    bool publicOverride = false; // Change of a public environment to a role, allowed by the rule's override
    QString overrideReason;      // the rule's public-override-reason, when publicOverride
    RolePolicy::Verdict verdict = RolePolicy::Verdict::Allowed; // RolePolicy on the target (Allowed for keep)
    QList<RolePolicy::Rule> policyRules;                        // what fired in RolePolicy (empty for keep)
    QStringList reasons;                                        // translated plain words: why this action
};

struct Plan
{
    QList<Entry> entries; // in the order of the environments
    int keep = 0;
    int change = 0;
    int cannotFix = 0;
    bool hasChanges() const { return change > 0; }
};

// The recorded visibility of an instance id (VisibilityStore::visibility(), or a test's table).
using VisibilityLookup = std::function<Visibility(const QString& instanceId)>;

// trustPolicies: the trust policy of a custom role (by canonical ARN) when it could be read (RAM GetRole);
// a role missing there counts as "could not be checked" (a note, as in RolePolicy).
Plan evaluate(const RuleSet& rules, const QList<Environment>& environments, const VisibilityLookup& visibility,
              const QHash<QString, TrustPolicy>& trustPolicies = {});

// One environment: the same decision evaluate() makes for it (apply re-plans a fresh read of each one with it).
Entry evaluateOne(const RuleSet& rules, const Environment& environment, Visibility visibility,
                  const QHash<QString, TrustPolicy>& trustPolicies = {});

// "keep", "change", "cannot-fix" (the JSON contract of `plan`).
QString actionToString(Action action);

// The audit reason of a change made by the rule: "rules file <file>, rule \"<name>\": <description>" (not
// translated, like every audit record).
QString auditReason(const RuleSet& rules, int ruleIndex);

} // namespace RulePlan
