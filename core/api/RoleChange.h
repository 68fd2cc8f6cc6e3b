#pragma once

#include "api/ApiError.h"
#include "model/CredentialConfigMapping.h"
#include "model/Environment.h"
#include "model/RolePolicy.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class AuditLog;
class DataWorksClient;
class RamClient;

// THE role change: the one operation behind the role dialog, the bulk change and `roledesk-cli role set`.
//
//   read the environment (GetServerIdeInstance: its status, role and whole CredentialConfig)
//   -> for a custom role, read its trust policy (RAM GetRole) unless the caller already did
//   -> RolePolicy::evaluate()                                     refused / no change end here
//   -> for the default role, a chain the service wrote for another environment of the workspace (one listing page)
//   -> CredentialConfigMapping::planWrite(): what is sent, kept and dropped   blocked ends here
//   -> the front end's confirmation step (a dialog, a prompt, --yes, a bulk run's settings)
//   -> read again when a person confirmed (Request::confirmedUpFront unset), and stop on any change (conflict)
//   -> UpdateServerIdeInstance (InstanceId in the query, CredentialConfig as the SDK serialises it)
//   -> read back, and compare what the service now holds with what was sent
//   -> one audit record, the same from every front end (actor, from, to, override, reason, outcome, RequestId)
//
// CONCURRENCY: the API has no precondition parameter (no UpdateTime or ClientToken in the model), so the
// compare-and-write is client-side: the window between the last read and the write is kept as short as one round
// trip, and a change by someone else inside that window cannot be detected before it is overwritten. The read-back
// reports when the service's configuration afterwards means something other than what was sent.
class RoleChange : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Applied,                // written and read back as sent
        NoChange,               // the environment already has the requested role: nothing sent
        Refused,                // RolePolicy refused it, or the write would lose what was not dropped (blockers)
        NeedsConfirmation,      // the policy needs a confirmation with a reason, and the front end gave none
        NotConfirmed,           // the front end declined
        Conflict,               // the environment changed since it was shown or read: nothing sent
        Failed,                 // an API call failed (see error); nothing or (for the write) maybe something sent
        AppliedReadBackDiffers, // written, but the service's configuration now says something else
    };

    struct Request
    {
        QString instanceId;
        RoleAssociation requested;
        Visibility visibility = Visibility::Unknown; // as the front end's visibility record says
        // The UpdateTime the front end showed: a different one at the first read is a conflict. Unset: the first
        // read is what is judged.
        std::optional<qint64> expectedUpdateTimeMs;
        // The requested custom role's trust policy, when the front end already read it (a bulk run reads it once).
        // trustChecked with no policy: it could not be read; do not try again.
        std::optional<TrustPolicy> trustPolicy;
        bool trustChecked = false;
        bool dropSessionPolicy = false;
        // For "default role": a chain the service wrote for another environment of the same account (the front end
        // may know one from its listing), and where it was seen. Empty: RoleChange looks at the environment's own
        // workspace (one ListServerIdeInstances page) for one.
        QList<RoleAssociation::ChainRole> defaultChain;
        QString defaultChainSource;
        QString actor; // the caller identity ARN (STS GetCallerIdentity), for the audit record
        // Why the change is made, recorded in the audit log for a change that needs no confirmation (a rules file's
        // rule); empty: none. An overridden confirmation records Confirmation::reason instead.
        QString auditReason;
        // The confirmation step answers without asking anyone (--yes, a bulk run started with its settings): the
        // write follows the first read directly. Otherwise the environment is read again after the confirmation.
        bool confirmedUpFront = false;
    };

    // What will be sent, shown to the confirmation step.
    struct Plan
    {
        Environment environment;   // as read (never carries UserInfo)
        QJsonObject currentConfig; // the current CredentialConfig without UserInfo
        RolePolicy::Decision decision;
        CredentialConfigMapping::WritePlan write;
        std::optional<TrustPolicy> trustPolicy;
        QString trustNote; // why the trust policy could not be read, when it could not
    };

    struct Confirmation
    {
        bool proceed = false;
        bool override = false; // confirms a NeedsConfirmation verdict...
        QString reason;        // ...with this reason (kept in the audit log)...
        // ...for these rules only (RolePolicy::confirmationRules: each one is confirmed on its own, so confirming a
        // public environment never confirms internet exposure). Empty with override set: every confirmation rule of
        // the plan handed to the confirm step. The rules are checked against the decision on the read that is written
        // from: a rule that appears there and was not confirmed ends in NeedsConfirmation, whatever the front end.
        QList<RolePolicy::Rule> confirmedRules;
    };
    using Answer = std::function<void(const Confirmation&)>;
    // Called once with the plan when the change is allowed or needs confirmation; must call answer exactly once,
    // now or later (a dialog). Not called for refusals, no-change and conflicts.
    using Confirm = std::function<void(const Plan& plan, Answer answer)>;

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        Plan plan;
        Environment after; // as read back (null when not written or the read-back failed)
        QJsonObject afterConfig;
        ApiError error;    // Failed (and Conflict: kind Conflict)
        QString requestId; // of UpdateServerIdeInstance
        bool override = false;
        QString reason;
        QString message; // translated, one paragraph: what happened and what to do next
        bool audited = false;
        QString auditError; // why the audit record could not be written
        bool isApplied() const { return outcome == Outcome::Applied || outcome == Outcome::AppliedReadBackDiffers; }
    };
    using Done = std::function<void(const Result&)>;

    // audit may be null (nothing recorded; Result::auditError says so).
    RoleChange(DataWorksClient* dataWorks, RamClient* ram, AuditLog* audit, QObject* parent = nullptr);

    // Runs one change. done is called exactly once, on this object's thread, unless this object is destroyed first.
    void run(const Request& request, Confirm confirm, Done done);

    // "applied", "no-change", "refused", "needs-confirmation", "not-confirmed", "conflict", "failed",
    // "applied-read-back-differs".
    static QString outcomeToString(Outcome outcome);
    // The audit log's outcome text for a result ("applied", "conflict", "failed: <code>", ...).
    static QString auditOutcome(const Result& result);

private:
    struct Run;
    void read(std::shared_ptr<Run> run);
    void checkTrust(std::shared_ptr<Run> run);
    void evaluate(std::shared_ptr<Run> run);
    void findDefaultChain(std::shared_ptr<Run> run);
    void decide(std::shared_ptr<Run> run);
    void confirmed(std::shared_ptr<Run> run, const Confirmation& confirmation);
    void write(std::shared_ptr<Run> run);
    void readBack(std::shared_ptr<Run> run);
    enum class ConflictSince
    {
        Shown,      // the first read differs from the copy the front end showed (Request::expectedUpdateTimeMs)
        Confirming, // the read after a person's confirmation differs from the one judged
    };
    void conflict(std::shared_ptr<Run> run, const Environment& fresh, ConflictSince since);
    void finish(std::shared_ptr<Run> run, Outcome outcome, const QString& message);

    struct ChainExample
    {
        QList<RoleAssociation::ChainRole> roles; // empty: looked, none found
        QString source;
    };
    QHash<qint64, ChainExample> m_defaultChains; // per workspace, once looked up (a bulk run looks once)
    QPointer<DataWorksClient> m_dataWorks;
    QPointer<RamClient> m_ram;
    AuditLog* m_audit;
};
