#pragma once

#include "RulePlan.h"

#include "api/RoleChange.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class AuditLog;
class DataWorksClient;
class RamClient;
class QTimer;

// Applies the `change` entries of a rules plan, one environment after the other, through THE role-change operation
// (RoleChange: read, policy, write, read back, audit): there is no other write path.
//
// - Re-planned per environment: RoleChange reads the environment again, and the confirmation step evaluates the
//   rules on that fresh read (RulePlan::evaluateOne). Only when it still says "change to the same role" does the
//   write go ahead; otherwise the entry is skipped with the fresh reasons. An environment changed since the listing
//   (another UpdateTime) is a conflict: nothing is written; the next plan shows it again.
// - Every change is audited with the rule as its reason (RulePlan::auditReason); a public override additionally
//   carries the rule's public-override-reason, and is confirmed only when the fresh plan still grants it.
// - Throttling: a write the service refused with a throttling error changed nothing, so it is tried again after a
//   growing pause (Options), up to Options::throttleRetries times; reads are already retried by ApiClient.
// - Resumable: cancel() stops after the environment in progress. Nothing else is kept: running the plan again (a
//   fresh listing) finds what is left, because applied environments now satisfy their rules.
class RuleApplier : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString actor;                  // the caller identity ARN, for the audit records
        int throttleRetries = 6;        // per environment
        int throttleBaseDelayMs = 1000; // then 2x, 4x, ... capped at throttleMaxDelayMs
        int throttleMaxDelayMs = 16000;
        int maxChanges = -1; // stop after this many attempted changes (< 0: no limit)
    };

    // One attempted change.
    struct Item
    {
        QString instanceId;
        QString name;
        RoleAssociation from;
        RoleAssociation to;
        int ruleIndex = -1;
        bool override = false;
        // "applied", "applied-read-back-differs", "skipped", "conflict", "refused", "failed", "not-started"
        QString outcome;
        QString message;   // translated plain words
        int throttled = 0; // throttled writes retried
        bool audited = false;
        // The environment as read back after the write (applied) or as found (conflict); null otherwise. Front ends
        // show it without listing again.
        Environment after;
    };

    RuleApplier(const RuleSet& rules, DataWorksClient* dataWorks, RamClient* ram, AuditLog* audit,
                const Options& options, QObject* parent = nullptr);

    // Starts applying plan's change entries (environments: the list the plan was evaluated on). finished() follows.
    void start(const RulePlan::Plan& plan, const QList<Environment>& environments,
               const QHash<QString, TrustPolicy>& trustPolicies);
    // Stops after the environment in progress; the rest become "not-started".
    void cancel();

    const QList<Item>& items() const { return m_items; }
    int applied() const;
    int notApplied() const;
    bool isCancelled() const { return m_cancelled; }

signals:
    // Before (started) and after (finished) each environment; index counts from 0 of total.
    void itemStarted(int index, int total, const RuleApplier::Item& item);
    void itemFinished(int index, int total, const RuleApplier::Item& item);
    void throttled(const QString& instanceId, int delayMs);
    void finished();

private:
    void next();
    void runCurrent();
    void onResult(const RoleChange::Result& result);

    RuleSet m_rules;
    QPointer<DataWorksClient> m_dataWorks;
    QPointer<RamClient> m_ram;
    AuditLog* m_audit;
    Options m_options;
    RoleChange* m_change = nullptr;
    QHash<QString, TrustPolicy> m_trust;
    QList<Item> m_items;
    QList<Visibility> m_visibility;     // per item
    QList<qint64> m_expectedUpdateTime; // per item
    int m_current = -1;
    int m_attempt = 0;
    bool m_cancelled = false;
    bool m_running = false;
};
