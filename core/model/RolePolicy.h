#pragma once

#include "Environment.h"
#include "RoleAssociation.h"
#include "TrustPolicy.h"
#include "Visibility.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The role-change policy: ONE pure function, evaluate(), that every front end (GUI, CLI, sandbox
// checks) asks before it sends UpdateServerIdeInstance. No I/O, no clock, no state.
//
// Rules, in the order they are applied:
//  1. Refused: the requested role is unrecognised (only parsing produces that) or a custom role with a
//     malformed ARN.
//  2. Allowed, no change: the requested role equals the current one (nothing will be sent).
//  3. Refused: the status does not allow an update (table below).
//  4. Refused: a custom role whose known trust policy does not trust dataworks.aliyuncs.com (the role's
//     trusted entity must be the DataWorks service; the admin also needs ram:PassRole on the role).
//     Unknown trust policy: not refused, a note says it could not be checked.
//  5. Allowed: removing the role ("Do Not Associate Role"), whatever the visibility.
//  6. NeedsConfirmation: an environment recorded as public getting any role (product guidance: a public
//     environment should use "Do Not Associate Role"). An override needs a typed reason.
//  6b. NeedsConfirmation: an environment the API reports as reachable from the internet (an enabled
//     UserVpc.ForwardInfos entry with AccessType internet, see Exposure) getting any role, whatever its recorded
//     visibility and status. An override needs a typed reason, as for 6; both fire when both apply.
//  7. Allowed, with a note, when visibility is not recorded; Allowed when private (unless 6b applies).
// When several refusals of rule 1 apply, all are reported; likewise all of rules 3 and 4.
//
// Status table (what a role change may do in each ServerIde status):
//   Running, Stopped, Saved, SaveFailed, Failed   Updatable  the environment exists and is at rest (a failed
//                                                            one may need exactly this change to recover)
//   Creating, Starting, Stopping, Updating, Saving Busy      refused: another operation is in progress;
//                                                            wait until it finishes, then re-read
//   Deleting, DELETED                              Gone      refused: the environment is (being) deleted
//   Arrearage                                      Arrearage refused: the account has an overdue payment
//   anything else (Unknown)                        Unknown   refused: RoleDesk cannot tell whether it can
//                                                            be updated; refresh, or update RoleDesk
namespace RolePolicy {

enum class Verdict
{
    Allowed,
    NeedsConfirmation,
    Refused
};

// Stable identifiers of what fired, for tests and the CLI's JSON (see ruleToString()).
enum class Rule
{
    NoChange,             // "no-change"
    RemovesRole,          // "removes-role"
    UnrecognisedRequest,  // "unrecognised-request"       (refusal)
    MalformedArn,         // "malformed-arn"              (refusal)
    StatusBusy,           // "status-busy"                (refusal)
    StatusGone,           // "status-gone"                (refusal)
    StatusArrearage,      // "status-arrearage"           (refusal)
    StatusUnknown,        // "status-unknown"             (refusal)
    RoleNotTrusted,       // "role-not-trusting-dataworks" (refusal)
    PublicEnvironment,    // "public-environment"         (needs confirmation)
    PublicKeepsRole,      // "public-keeps-role"          (note on a no-change for a public env with a role)
    VisibilityUnknown,    // "visibility-unknown"         (note)
    TrustPolicyUnknown,   // "trust-policy-unknown"       (note)
    RoleTrustsAccounts,   // "role-trusts-accounts"       (note)
    ReplacesUnrecognised, // "replaces-unrecognised"      (note)
    InternetReachable,    // "internet-reachable"         (needs confirmation)
    InternetKeepsRole, // "internet-keeps-role"        (note on a no-change for an internet-reachable env with a role)
};

enum class StatusClass
{
    Updatable,
    Busy,
    Gone,
    Arrearage,
    Unknown
};

struct Input
{
    EnvironmentStatus status = EnvironmentStatus::Unknown;
    Visibility visibility = Visibility::Unknown;
    RoleAssociation current;
    RoleAssociation requested;
    // The requested custom role's trust policy when it could be read (RAM GetRole); ignored otherwise.
    std::optional<TrustPolicy> trustPolicy;
    // The exposure the API reports (Exposure::isInternetReachable()) and the internet ports, for the reason text.
    bool internetReachable = false;
    QStringList internetPorts;
};

struct Decision
{
    Verdict verdict = Verdict::Refused;
    bool noChange = false;
    QList<Rule> rules;   // refusals first, then the deciding rule, then notes
    QStringList reasons; // translated plain words, one per rule, same order

    bool isAllowed() const { return verdict == Verdict::Allowed; }
    bool needsConfirmation() const { return verdict == Verdict::NeedsConfirmation; }
    bool isRefused() const { return verdict == Verdict::Refused; }
    bool has(Rule rule) const { return rules.contains(rule); }
    // One translated line: "Allowed.", "Needs confirmation: ...", "Refused: ...".
    QString summary() const;
};

Decision evaluate(const Input& input);

// The usual Input: the environment as shown (its status, current role and exposure), its recorded visibility,
// the requested role and, for a custom role, its trust policy when RAM GetRole could read it.
Input inputFor(const Environment& environment, Visibility visibility, const RoleAssociation& requested,
               const std::optional<TrustPolicy>& trustPolicy = std::nullopt);

StatusClass classifyStatus(EnvironmentStatus status);
inline bool statusAllowsUpdate(EnvironmentStatus status)
{
    return classifyStatus(status) == StatusClass::Updatable;
}

// "allowed", "needs-confirmation", "refused".
QString verdictToString(Verdict verdict);
QString ruleToString(Rule rule);

// The product guidance quoted when a public environment would get a role (translated).
QString publicEnvironmentGuidance();

// An override reason counts when it has non-whitespace text.
bool isValidOverrideReason(const QString& reason);
// The rules of a decision that a person must confirm, each on its own (PublicEnvironment: --allow-public,
// InternetReachable: --allow-internet), in the decision's order. Empty unless it needs confirmation.
QList<Rule> confirmationRules(const Decision& decision);
// Empty when the change may go ahead: Allowed, or NeedsConfirmation where every rule of confirmationRules() is in
// `confirmed` and the reason is valid. Otherwise, in plain words, why not: the reasons of the rules not confirmed
// (a refusal cannot be overridden).
QString checkConfirmation(const Decision& decision, const QList<Rule>& confirmed, const QString& reason);
// The same with every confirmation rule confirmed (true) or none (false).
QString checkConfirmation(const Decision& decision, bool confirmed, const QString& reason);

} // namespace RolePolicy
