#include "RolePolicy.h"

#include "Exposure.h"
#include "RoleArn.h"

#include <QCoreApplication>

namespace RolePolicy {

namespace {
void add(Decision& d, Rule rule, const QString& reason)
{
    d.rules << rule;
    d.reasons << reason;
}

QString statusReason(StatusClass cls, EnvironmentStatus status)
{
    const QString name = EnvironmentStatuses::displayName(status);
    switch (cls) {
    case StatusClass::Busy:
        return QCoreApplication::translate("RolePolicy",
                                           "The environment is %1: another operation is in progress. Wait until it "
                                           "has finished, refresh, and try again.")
            .arg(name);
    case StatusClass::Gone:
        return QCoreApplication::translate("RolePolicy",
                                           "The environment is %1: a deleted environment's role cannot be changed.")
            .arg(name);
    case StatusClass::Arrearage:
        return QCoreApplication::translate("RolePolicy",
                                           "The environment is suspended because the account has an overdue "
                                           "payment. Settle the payment first.");
    case StatusClass::Unknown:
        return QCoreApplication::translate("RolePolicy",
                                           "The environment's status is not one RoleDesk knows, so it cannot tell "
                                           "whether the environment can be updated. Refresh, or update RoleDesk.");
    case StatusClass::Updatable:
        break;
    }
    return {};
}

QString internetReason(const Input& in)
{
    if (in.internetPorts.isEmpty())
        return QCoreApplication::translate("RolePolicy", "This environment is reachable from the internet (the API "
                                                         "reports an enabled internet port forwarding).");
    return QCoreApplication::translate("RolePolicy", "This environment is reachable from the internet: the API "
                                                     "reports port forwarding to the internet (ports %1).")
        .arg(in.internetPorts.join(QStringLiteral(", ")));
}

Rule statusRule(StatusClass cls)
{
    switch (cls) {
    case StatusClass::Busy:
        return Rule::StatusBusy;
    case StatusClass::Gone:
        return Rule::StatusGone;
    case StatusClass::Arrearage:
        return Rule::StatusArrearage;
    case StatusClass::Unknown:
    case StatusClass::Updatable:
        break;
    }
    return Rule::StatusUnknown;
}
} // namespace

StatusClass classifyStatus(EnvironmentStatus status)
{
    switch (status) {
    case EnvironmentStatus::Running:
    case EnvironmentStatus::Stopped:
    case EnvironmentStatus::Saved:
    case EnvironmentStatus::SaveFailed:
    case EnvironmentStatus::Failed:
        return StatusClass::Updatable;
    case EnvironmentStatus::Creating:
    case EnvironmentStatus::Starting:
    case EnvironmentStatus::Stopping:
    case EnvironmentStatus::Updating:
    case EnvironmentStatus::Saving:
        return StatusClass::Busy;
    case EnvironmentStatus::Deleting:
    case EnvironmentStatus::Deleted:
        return StatusClass::Gone;
    case EnvironmentStatus::Arrearage:
        return StatusClass::Arrearage;
    case EnvironmentStatus::Unknown:
        break;
    }
    return StatusClass::Unknown;
}

QString publicEnvironmentGuidance()
{
    return QCoreApplication::translate(
        "RolePolicy",
        "DataWorks guidance: if the individual development environment is set to public in the workspace, "
        "do not associate a RAM role with it; select \"Do Not Associate Role\" to prevent unintended "
        "permission leaks, and use an AccessKey pair in code instead.");
}

Input inputFor(const Environment& environment, Visibility visibility, const RoleAssociation& requested,
               const std::optional<TrustPolicy>& trustPolicy)
{
    Input in;
    in.status = environment.status;
    in.visibility = visibility;
    in.current = environment.role;
    in.requested = requested;
    in.trustPolicy = trustPolicy;
    const Exposure exposure = Exposure::of(environment, visibility);
    in.internetReachable = exposure.isInternetReachable();
    in.internetPorts = exposure.internetPortTexts();
    return in;
}

Decision evaluate(const Input& in)
{
    Decision d;
    const RoleAssociation& requested = in.requested;

    // Rule 1: the request itself.
    if (requested.isUnknown()) {
        add(d, Rule::UnrecognisedRequest,
            QCoreApplication::translate("RolePolicy",
                                        "Only the DataWorks default role, a custom role or no role can be requested."));
    }
    RoleArn arn;
    if (requested.isCustomRole()) {
        arn = RoleArn::parse(requested.roleArn());
        if (!arn.isValid())
            add(d, Rule::MalformedArn, arn.errorString());
    }
    if (!d.rules.isEmpty()) {
        d.verdict = Verdict::Refused;
        return d;
    }

    // Rule 2: nothing to do.
    if (requested == in.current) {
        d.verdict = Verdict::Allowed;
        d.noChange = true;
        add(d, Rule::NoChange,
            QCoreApplication::translate("RolePolicy",
                                        "The environment already has this role; nothing will be changed."));
        if (Exposure::publicWithRole(requested, in.visibility)) {
            add(d, Rule::PublicKeepsRole,
                QCoreApplication::translate(
                    "RolePolicy", "This environment is recorded as public and has a role. Consider removing it.") +
                    u' ' + publicEnvironmentGuidance());
        }
        if (Exposure::internetWithRole(requested, in.internetReachable))
            add(d, Rule::InternetKeepsRole,
                internetReason(in) + u' ' +
                    QCoreApplication::translate("RolePolicy", "It has a role: consider removing it."));
        return d;
    }

    // Rules 3 and 4: refusals.
    const StatusClass cls = classifyStatus(in.status);
    if (cls != StatusClass::Updatable)
        add(d, statusRule(cls), statusReason(cls, in.status));

    QList<Rule> noteRules;
    QStringList notes;
    if (requested.isCustomRole()) {
        if (in.trustPolicy && in.trustPolicy->isValid()) {
            const TrustPolicy& trust = *in.trustPolicy;
            if (!trust.trustsDataWorks()) {
                const QStringList services = trust.trustedServices();
                const QStringList accounts = trust.trustedAccounts();
                QString what;
                if (services.isEmpty() && accounts.isEmpty())
                    what = QCoreApplication::translate("RolePolicy", "It trusts no service and no account.");
                else if (services.isEmpty())
                    what = QCoreApplication::translate("RolePolicy", "It trusts only accounts (%1).")
                               .arg(accounts.join(QStringLiteral(", ")));
                else
                    what = QCoreApplication::translate("RolePolicy", "It trusts %1.")
                               .arg((services + accounts).join(QStringLiteral(", ")));
                add(d, Rule::RoleNotTrusted,
                    QCoreApplication::translate(
                        "RolePolicy",
                        "The role %1 does not trust the DataWorks service (dataworks.aliyuncs.com). %2 Its trusted "
                        "entity must be the Alibaba Cloud service DataWorks; edit the role's trust policy in RAM. The "
                        "admin who associates it also needs ram:PassRole on the role.")
                        .arg(arn.toString(), what));
            } else if (!trust.trustedAccounts().isEmpty()) {
                noteRules << Rule::RoleTrustsAccounts;
                notes << QCoreApplication::translate(
                             "RolePolicy",
                             "Besides DataWorks, the role also trusts the account(s) %1: RAM users there may "
                             "assume it too.")
                             .arg(trust.trustedAccounts().join(QStringLiteral(", ")));
            }
        } else {
            noteRules << Rule::TrustPolicyUnknown;
            QString why;
            if (in.trustPolicy)
                why = in.trustPolicy->errorString() + u' ';
            notes << why + QCoreApplication::translate(
                               "RolePolicy",
                               "RoleDesk could not check the role's trust policy: make sure its trusted entity is the "
                               "DataWorks service (dataworks.aliyuncs.com) and that you have ram:PassRole on it.");
        }
    }
    if (in.current.isUnknown()) {
        noteRules << Rule::ReplacesUnrecognised;
        notes << QCoreApplication::translate(
                     "RolePolicy",
                     "The environment's current credential configuration is not one RoleDesk recognises (%1); it "
                     "will be replaced.")
                     .arg(in.current.description());
    }

    auto appendNotes = [&]() {
        d.rules << noteRules;
        d.reasons << notes;
    };

    if (!d.rules.isEmpty()) {
        d.verdict = Verdict::Refused;
        appendNotes();
        return d;
    }

    // Rule 5: removing a role.
    if (requested.isNone()) {
        d.verdict = Verdict::Allowed;
        add(d, Rule::RemovesRole,
            QCoreApplication::translate("RolePolicy", "Removing the role (Do Not Associate Role) is always allowed."));
        appendNotes();
        return d;
    }

    // Rules 6, 6b and 7: visibility and exposure.
    if (in.internetReachable) {
        d.verdict = Verdict::NeedsConfirmation;
        add(d, Rule::InternetReachable,
            internetReason(in) + u' ' +
                QCoreApplication::translate(
                    "RolePolicy",
                    "Anyone who reaches it can use the role's credentials. Prefer \"Do Not Associate Role\" or turn "
                    "the internet forwarding off first. To go ahead anyway, confirm and type a reason."));
    }
    switch (in.visibility) {
    case Visibility::Public:
        d.verdict = Verdict::NeedsConfirmation;
        add(d, Rule::PublicEnvironment,
            QCoreApplication::translate("RolePolicy", "This environment is recorded as public in its workspace.") +
                u' ' + publicEnvironmentGuidance() + u' ' +
                QCoreApplication::translate("RolePolicy", "To go ahead anyway, confirm and type a reason."));
        break;
    case Visibility::Unknown:
        if (!in.internetReachable)
            d.verdict = Verdict::Allowed;
        add(d, Rule::VisibilityUnknown,
            QCoreApplication::translate(
                "RolePolicy",
                "No admin has recorded whether this environment is public. If it is public in its workspace, do not "
                "associate a role."));
        break;
    case Visibility::Private:
        if (!in.internetReachable)
            d.verdict = Verdict::Allowed;
        break;
    }
    appendNotes();
    return d;
}

QString Decision::summary() const
{
    const QString joined = reasons.join(QLatin1Char(' '));
    switch (verdict) {
    case Verdict::Allowed:
        if (joined.isEmpty())
            return QCoreApplication::translate("RolePolicy", "Allowed.");
        return QCoreApplication::translate("RolePolicy", "Allowed. %1").arg(joined);
    case Verdict::NeedsConfirmation:
        return QCoreApplication::translate("RolePolicy", "Needs confirmation: %1").arg(joined);
    case Verdict::Refused:
        break;
    }
    return QCoreApplication::translate("RolePolicy", "Refused: %1").arg(joined);
}

QString verdictToString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Allowed:
        return QStringLiteral("allowed");
    case Verdict::NeedsConfirmation:
        return QStringLiteral("needs-confirmation");
    case Verdict::Refused:
        break;
    }
    return QStringLiteral("refused");
}

QString ruleToString(Rule rule)
{
    switch (rule) {
    case Rule::NoChange:
        return QStringLiteral("no-change");
    case Rule::RemovesRole:
        return QStringLiteral("removes-role");
    case Rule::UnrecognisedRequest:
        return QStringLiteral("unrecognised-request");
    case Rule::MalformedArn:
        return QStringLiteral("malformed-arn");
    case Rule::StatusBusy:
        return QStringLiteral("status-busy");
    case Rule::StatusGone:
        return QStringLiteral("status-gone");
    case Rule::StatusArrearage:
        return QStringLiteral("status-arrearage");
    case Rule::StatusUnknown:
        return QStringLiteral("status-unknown");
    case Rule::RoleNotTrusted:
        return QStringLiteral("role-not-trusting-dataworks");
    case Rule::PublicEnvironment:
        return QStringLiteral("public-environment");
    case Rule::PublicKeepsRole:
        return QStringLiteral("public-keeps-role");
    case Rule::VisibilityUnknown:
        return QStringLiteral("visibility-unknown");
    case Rule::TrustPolicyUnknown:
        return QStringLiteral("trust-policy-unknown");
    case Rule::RoleTrustsAccounts:
        return QStringLiteral("role-trusts-accounts");
    case Rule::ReplacesUnrecognised:
        return QStringLiteral("replaces-unrecognised");
    case Rule::InternetReachable:
        return QStringLiteral("internet-reachable");
    case Rule::InternetKeepsRole:
        return QStringLiteral("internet-keeps-role");
    }
    return {};
}

bool isValidOverrideReason(const QString& reason)
{
    return !reason.trimmed().isEmpty();
}

QList<Rule> confirmationRules(const Decision& decision)
{
    QList<Rule> rules;
    if (!decision.needsConfirmation())
        return rules;
    for (Rule rule : decision.rules) {
        if (rule == Rule::PublicEnvironment || rule == Rule::InternetReachable)
            rules << rule;
    }
    return rules;
}

QString checkConfirmation(const Decision& decision, bool confirmed, const QString& reason)
{
    return checkConfirmation(decision, confirmed ? confirmationRules(decision) : QList<Rule>(), reason);
}

QString checkConfirmation(const Decision& decision, const QList<Rule>& confirmed, const QString& reason)
{
    switch (decision.verdict) {
    case Verdict::Allowed:
        return {};
    case Verdict::NeedsConfirmation: {
        // Each rule is confirmed on its own: confirming a public environment does not confirm internet exposure.
        QStringList missing;
        for (qsizetype i = 0; i < decision.rules.size(); ++i) {
            const Rule rule = decision.rules.at(i);
            if ((rule == Rule::PublicEnvironment || rule == Rule::InternetReachable) && !confirmed.contains(rule))
                missing << decision.reasons.value(i);
        }
        if (!missing.isEmpty())
            return QCoreApplication::translate("RolePolicy", "This change needs confirmation: %1")
                .arg(missing.join(QLatin1Char(' ')));
        if (!isValidOverrideReason(reason))
            return QCoreApplication::translate(
                "RolePolicy", "Type a reason for going against the guidance; it is kept in the audit log.");
        return {};
    }
    case Verdict::Refused:
        break;
    }
    return QCoreApplication::translate("RolePolicy", "The change is refused and cannot be overridden: %1")
        .arg(decision.reasons.join(QLatin1Char(' ')));
}

} // namespace RolePolicy
