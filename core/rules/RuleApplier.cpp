#include "RuleApplier.h"

#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "model/RoleArn.h"

#include <QTimer>

RuleApplier::RuleApplier(const RuleSet& rules, DataWorksClient* dataWorks, RamClient* ram, AuditLog* audit,
                         const Options& options, QObject* parent)
    : QObject(parent)
    , m_rules(rules)
    , m_dataWorks(dataWorks)
    , m_ram(ram)
    , m_audit(audit)
    , m_options(options)
{}

void RuleApplier::start(const RulePlan::Plan& plan, const QList<Environment>& environments,
                        const QHash<QString, TrustPolicy>& trustPolicies)
{
    m_trust = trustPolicies;
    m_items.clear();
    m_visibility.clear();
    m_expectedUpdateTime.clear();
    for (const RulePlan::Entry& entry : plan.entries) {
        if (entry.action != RulePlan::Action::Change || !entry.target)
            continue;
        const Environment& e = environments.at(entry.environmentIndex);
        Item item;
        item.instanceId = entry.instanceId;
        item.name = e.instanceName;
        item.from = entry.current;
        item.to = *entry.target;
        item.ruleIndex = entry.ruleIndex;
        item.override = entry.publicOverride;
        item.outcome = QStringLiteral("not-started");
        m_items << item;
        m_visibility << entry.visibility;
        m_expectedUpdateTime << e.updateTimeMs;
    }
    m_current = -1;
    m_cancelled = false;
    m_running = true;
    // Asynchronous even when there is nothing to do, so finished() always follows start().
    QTimer::singleShot(0, this, &RuleApplier::next);
}

void RuleApplier::cancel()
{
    m_cancelled = true;
}

int RuleApplier::applied() const
{
    int n = 0;
    for (const Item& item : m_items)
        n += item.outcome.startsWith(QLatin1String("applied")) ? 1 : 0;
    return n;
}

int RuleApplier::notApplied() const
{
    return int(m_items.size()) - applied();
}

void RuleApplier::next()
{
    ++m_current;
    const bool limitReached = m_options.maxChanges >= 0 && m_current >= m_options.maxChanges;
    if (m_current >= m_items.size() || m_cancelled || limitReached || !m_dataWorks) {
        if (limitReached && m_current < m_items.size())
            m_cancelled = true;
        m_running = false;
        emit finished();
        return;
    }
    m_attempt = 0;
    emit itemStarted(m_current, int(m_items.size()), m_items.at(m_current));
    runCurrent();
}

void RuleApplier::runCurrent()
{
    const Item& item = m_items.at(m_current);
    delete m_change;
    m_change = new RoleChange(m_dataWorks, m_ram, m_audit, this);

    RoleChange::Request request;
    request.instanceId = item.instanceId;
    request.requested = item.to;
    request.visibility = m_visibility.at(m_current);
    request.expectedUpdateTimeMs = m_expectedUpdateTime.at(m_current);
    if (item.to.isCustomRole()) {
        const RoleArn arn = RoleArn::parse(item.to.roleArn());
        const auto it = m_trust.constFind(arn.isValid() ? arn.toString() : item.to.roleArn());
        if (it != m_trust.cend())
            request.trustPolicy = *it;
        request.trustChecked = true; // the plan read it (or could not) once for the whole run
    }
    request.actor = m_options.actor;
    request.auditReason = RulePlan::auditReason(m_rules, item.ruleIndex);
    request.confirmedUpFront = true; // the run was confirmed as a whole (--yes, the dialog's start)

    const int index = m_current;
    const auto confirm = [this, index](const RoleChange::Plan& plan, RoleChange::Answer answer) {
        // Re-plan on the fresh read: the rules decide again, with what the environment is now.
        const Item& current = m_items.at(index);
        const RulePlan::Entry fresh = RulePlan::evaluateOne(m_rules, plan.environment, m_visibility.at(index), m_trust);
        RoleChange::Confirmation confirmation;
        if (fresh.action != RulePlan::Action::Change || !fresh.target || *fresh.target != current.to ||
            fresh.ruleIndex != current.ruleIndex) {
            m_items[index].message = tr("Re-planned on a fresh read: %1").arg(fresh.reasons.join(QLatin1Char(' ')));
            confirmation.proceed = false;
            answer(confirmation);
            return;
        }
        confirmation.proceed = true;
        QString reason = RulePlan::auditReason(m_rules, fresh.ruleIndex);
        if (fresh.publicOverride) {
            // The rule confirms the public rule only; RoleChange refuses any other confirmation rule (internet).
            confirmation.override = true;
            confirmation.confirmedRules = {RolePolicy::Rule::PublicEnvironment};
            reason += QStringLiteral("; public override: ") + fresh.overrideReason;
        }
        confirmation.reason = reason;
        answer(confirmation);
    };
    m_change->run(request, confirm, [this](const RoleChange::Result& result) { onResult(result); });
}

void RuleApplier::onResult(const RoleChange::Result& result)
{
    Item& item = m_items[m_current];
    item.audited = result.audited;
    item.after = result.isApplied() ? result.after : result.plan.environment;
    if (result.outcome == RoleChange::Outcome::Failed && result.error.isThrottling() &&
        m_attempt < m_options.throttleRetries && !m_cancelled) {
        // Refused by the service's rate limit: nothing was written. Wait, then run the whole change again.
        const int delay =
            qMin(m_options.throttleMaxDelayMs, m_options.throttleBaseDelayMs * (1 << qMin(m_attempt, 16)));
        ++m_attempt;
        ++item.throttled;
        emit throttled(item.instanceId, delay);
        QTimer::singleShot(delay, this, &RuleApplier::runCurrent);
        return;
    }
    switch (result.outcome) {
    case RoleChange::Outcome::Applied:
        item.outcome = QStringLiteral("applied");
        item.message = result.message;
        break;
    case RoleChange::Outcome::AppliedReadBackDiffers:
        item.outcome = QStringLiteral("applied-read-back-differs");
        item.message = result.message;
        break;
    case RoleChange::Outcome::NotConfirmed:
    case RoleChange::Outcome::NoChange:
        item.outcome = QStringLiteral("skipped");
        if (item.message.isEmpty())
            item.message = result.message;
        break;
    case RoleChange::Outcome::Conflict:
        item.outcome = QStringLiteral("conflict");
        item.message = result.message;
        break;
    case RoleChange::Outcome::Refused:
    case RoleChange::Outcome::NeedsConfirmation:
        item.outcome = QStringLiteral("refused");
        item.message = result.message;
        break;
    case RoleChange::Outcome::Failed:
        item.outcome = QStringLiteral("failed");
        item.message = result.message.isEmpty() ? result.error.toString() : result.message;
        break;
    }
    emit itemFinished(m_current, int(m_items.size()), item);
    QTimer::singleShot(0, this, &RuleApplier::next);
}
