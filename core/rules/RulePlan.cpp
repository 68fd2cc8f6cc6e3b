#include "RulePlan.h"

#include "model/RoleArn.h"

namespace RulePlan {

namespace {
QString ruleLabel(const RuleSet& rules, int index)
{
    const RoleRule& rule = rules.rules.at(index);
    return QCoreApplication::translate("RulePlan", "rule %1 \"%2\" (%3)")
        .arg(index + 1)
        .arg(rule.name, rule.where.toString());
}
} // namespace

Entry evaluateOne(const RuleSet& rules, const Environment& e, Visibility visibility,
                  const QHash<QString, TrustPolicy>& trustPolicies)
{
    Entry entry;
    entry.instanceId = e.instanceId;
    entry.current = e.role;
    entry.visibility = visibility;
    entry.ruleIndex = rules.firstMatch(e, visibility);
    if (entry.ruleIndex < 0) {
        entry.action = Action::Keep;
        entry.reasons << QCoreApplication::translate("RulePlan",
                                                     "No rule matches this environment; it is left as it is.");
        return entry;
    }
    const RoleRule& rule = rules.rules.at(entry.ruleIndex);
    if (rule.require.isSatisfiedBy(e.role, rules.allowedCustomRoles)) {
        entry.action = Action::Keep;
        entry.reasons << QCoreApplication::translate("RulePlan", "It has %1, as %2 requires.")
                             .arg(e.role.displayText(), ruleLabel(rules, entry.ruleIndex));
        return entry;
    }
    entry.target = rule.require.target(rules.allowedCustomRoles);
    if (!entry.target) {
        entry.action = Action::CannotFix;
        entry.verdict = RolePolicy::Verdict::Refused;
        entry.reasons << QCoreApplication::translate(
                             "RulePlan", "%1 requires %2, but names no single role to change it to: put the role to "
                                         "change to first in any-of, or list only one allowed custom role.")
                             .arg(ruleLabel(rules, entry.ruleIndex), rule.require.displayText());
        return entry;
    }

    std::optional<TrustPolicy> trust;
    if (entry.target->isCustomRole()) {
        const RoleArn arn = RoleArn::parse(entry.target->roleArn());
        const auto it = trustPolicies.constFind(arn.isValid() ? arn.toString() : entry.target->roleArn());
        if (it != trustPolicies.cend())
            trust = *it;
    }
    const RolePolicy::Decision decision =
        RolePolicy::evaluate(RolePolicy::inputFor(e, visibility, *entry.target, trust));
    entry.verdict = decision.verdict;
    entry.policyRules = decision.rules;
    const QString deviation =
        QCoreApplication::translate("RulePlan", "%1 requires %2; it has %3.")
            .arg(ruleLabel(rules, entry.ruleIndex), rule.require.displayText(), e.role.displayText());
    entry.reasons << deviation;
    switch (decision.verdict) {
    case RolePolicy::Verdict::Allowed:
        entry.action = Action::Change;
        entry.reasons << decision.reasons;
        break;
    case RolePolicy::Verdict::NeedsConfirmation:
        if (decision.has(RolePolicy::Rule::InternetReachable)) {
            // An environment the API reports as reachable from the internet never gets a role from a rules file,
            // whatever the rule says: a person confirms that one environment at a time (role set --allow-internet).
            entry.action = Action::CannotFix;
            entry.reasons << decision.reasons;
            entry.reasons << QCoreApplication::translate(
                "RulePlan", "A rules file never gives a role to an environment reachable from the internet: turn "
                            "its internet port forwarding off, or change it on its own with role set "
                            "--allow-internet and a reason.");
            break;
        }
        // Otherwise only a public environment getting a role needs confirmation; a rule confirms it only when it
        // names the environment (a selector matched it, so the id is in match.environments) and gives a reason.
        if (!rule.publicOverrideReason.isEmpty() && rule.match.environments.contains(e.instanceId)) {
            entry.action = Action::Change;
            entry.publicOverride = true;
            entry.overrideReason = rule.publicOverrideReason;
            entry.reasons << decision.reasons;
            entry.reasons << QCoreApplication::translate("RulePlan", "The rule overrides this for the environment: %1")
                                 .arg(rule.publicOverrideReason);
        } else {
            entry.action = Action::CannotFix;
            entry.reasons << decision.reasons;
            entry.reasons << QCoreApplication::translate(
                "RulePlan", "A rules file gives a public environment a role only when the rule names the "
                            "environment (match.environment) and gives a public-override-reason.");
        }
        break;
    case RolePolicy::Verdict::Refused:
        entry.action = Action::CannotFix;
        entry.reasons << decision.reasons;
        break;
    }
    return entry;
}

Plan evaluate(const RuleSet& rules, const QList<Environment>& environments, const VisibilityLookup& visibility,
              const QHash<QString, TrustPolicy>& trustPolicies)
{
    Plan plan;
    plan.entries.reserve(environments.size());
    for (qsizetype i = 0; i < environments.size(); ++i) {
        const Environment& e = environments.at(i);
        Entry entry = evaluateOne(rules, e, visibility ? visibility(e.instanceId) : Visibility::Unknown, trustPolicies);
        entry.environmentIndex = i;
        switch (entry.action) {
        case Action::Keep:
            ++plan.keep;
            break;
        case Action::Change:
            ++plan.change;
            break;
        case Action::CannotFix:
            ++plan.cannotFix;
            break;
        }
        plan.entries << std::move(entry);
    }
    return plan;
}

QString actionToString(Action action)
{
    switch (action) {
    case Action::Keep:
        return QStringLiteral("keep");
    case Action::Change:
        return QStringLiteral("change");
    case Action::CannotFix:
        break;
    }
    return QStringLiteral("cannot-fix");
}

QString auditReason(const RuleSet& rules, int ruleIndex)
{
    if (ruleIndex < 0 || ruleIndex >= rules.rules.size())
        return {};
    const RoleRule& rule = rules.rules.at(ruleIndex);
    QString text = QStringLiteral("rules file %1, rule \"%2\"").arg(rules.file, rule.name);
    if (!rule.description.isEmpty())
        text += QStringLiteral(": ") + rule.description;
    return text;
}

} // namespace RulePlan
