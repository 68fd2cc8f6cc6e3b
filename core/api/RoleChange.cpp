#include "RoleChange.h"

#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "model/AuditLog.h"
#include "model/RoleArn.h"
#include "util/Logging.h"

#include <QDateTime>

struct RoleChange::Run
{
    Request request;
    Confirm confirm;
    Done done;
    Result result;
    qint64 judgedUpdateTimeMs = 0;
    bool answered = false;
};

namespace {
ApiError conflictError(const QString& action, const QString& message)
{
    ApiError error;
    error.kind = ApiError::Kind::Conflict;
    error.code = QStringLiteral("Conflict");
    error.service = apiServiceName(ApiService::DataWorks);
    error.action = action;
    error.message = message;
    error.explanation = ApiError::explanationForCode(QStringLiteral("Conflict"));
    return error;
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// The account id of a caller-identity or role ARN ("acs:ram::<account>:..."), empty when it is not one.
QString accountOf(const QString& arn)
{
    const QStringList parts = arn.split(QLatin1Char(':'));
    return parts.size() >= 5 && parts.at(0) == QLatin1String("acs") ? parts.at(3) : QString();
}
} // namespace

RoleChange::RoleChange(DataWorksClient* dataWorks, RamClient* ram, AuditLog* audit, QObject* parent)
    : QObject(parent)
    , m_dataWorks(dataWorks)
    , m_ram(ram)
    , m_audit(audit)
{}

QString RoleChange::outcomeToString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return QStringLiteral("applied");
    case Outcome::NoChange:
        return QStringLiteral("no-change");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::NeedsConfirmation:
        return QStringLiteral("needs-confirmation");
    case Outcome::NotConfirmed:
        return QStringLiteral("not-confirmed");
    case Outcome::Conflict:
        return QStringLiteral("conflict");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::AppliedReadBackDiffers:
        return QStringLiteral("applied-read-back-differs");
    }
    return QStringLiteral("failed");
}

QString RoleChange::auditOutcome(const Result& result)
{
    switch (result.outcome) {
    case Outcome::Failed:
        return QStringLiteral("failed: ") +
               (result.error.code.isEmpty() ? ApiError::kindName(result.error.kind) : result.error.code);
    case Outcome::AppliedReadBackDiffers:
        return QStringLiteral("applied, read back differs: ") +
               CredentialConfigMapping::fromJson(result.afterConfig).toString();
    default:
        return outcomeToString(result.outcome);
    }
}

void RoleChange::run(const Request& request, Confirm confirm, Done done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->confirm = std::move(confirm);
    run->done = std::move(done);
    run->result.plan.trustPolicy = request.trustPolicy;
    read(run);
}

void RoleChange::read(std::shared_ptr<Run> run)
{
    if (!m_dataWorks) {
        ApiError error;
        error.kind = ApiError::Kind::Canceled;
        error.code = QStringLiteral("Canceled");
        run->result.error = error;
        finish(run, Outcome::Failed, tr("The connection was closed before the change could start."));
        return;
    }
    QPointer<RoleChange> self(this);
    m_dataWorks->readServerIdeInstance(
        run->request.instanceId, [self, run](const ServerIdeInstanceRecord& record, const ApiError& error) {
            if (!self)
                return;
            if (error.isError()) {
                run->result.error = error;
                self->finish(run, Outcome::Failed,
                             tr("Cannot read environment %1: %2").arg(run->request.instanceId, error.toString()));
                return;
            }
            run->result.plan.environment = record.environment;
            run->result.plan.currentConfig = record.credentialConfig;
            run->judgedUpdateTimeMs = record.environment.updateTimeMs;
            if (run->request.expectedUpdateTimeMs &&
                *run->request.expectedUpdateTimeMs != record.environment.updateTimeMs) {
                self->conflict(run, record.environment, ConflictSince::Shown);
                return;
            }
            self->checkTrust(run);
        });
}

void RoleChange::checkTrust(std::shared_ptr<Run> run)
{
    const RoleAssociation& requested = run->request.requested;
    const RoleArn arn = RoleArn::parse(requested.roleArn());
    if (!requested.isCustomRole() || !arn.isValid() || run->request.trustPolicy || run->request.trustChecked ||
        !m_ram) {
        evaluate(run);
        return;
    }
    QPointer<RoleChange> self(this);
    m_ram->getRole(arn.roleName(), [self, run](const RamRole& role, const ApiError& error) {
        if (!self)
            return;
        if (error.isError())
            run->result.plan.trustNote = tr("The role's trust policy could not be read (%1).").arg(error.toString());
        else if (role.trustPolicy.isValid())
            run->result.plan.trustPolicy = role.trustPolicy;
        self->evaluate(run);
    });
}

void RoleChange::findDefaultChain(std::shared_ptr<Run> run)
{
    const Environment& env = run->result.plan.environment;
    // Only needed when the default role is requested for an environment that does not have it, no example was
    // given, and the environment's workspace is known.
    if (!run->request.requested.isDataWorksDefault() || env.role.isDataWorksDefault() ||
        !run->request.defaultChain.isEmpty() || env.projectId == 0 || !m_dataWorks) {
        decide(run);
        return;
    }
    const auto known = m_defaultChains.constFind(env.projectId);
    if (known != m_defaultChains.cend()) {
        run->request.defaultChain = known->roles;
        run->request.defaultChainSource = known->source;
        decide(run);
        return;
    }
    ServerIdeFilter filter;
    filter.projectId = env.projectId;
    ServerIdeListing::Options options;
    options.pageSize = 100;
    options.maxConcurrent = 1;
    ServerIdeListing* listing = m_dataWorks->listServerIdeInstances(filter, options);
    QPointer<RoleChange> self(this);
    const QString account = accountOf(run->request.actor);
    // The first page is enough: this looks for an example, not for every environment.
    auto settled = std::make_shared<bool>(false);
    connect(listing, &ServerIdeListing::pageLoaded, this,
            [self, run, listing, account, settled](int, const QList<Environment>& page) {
                if (!self || *settled)
                    return;
                *settled = true;
                for (const Environment& other : page) {
                    if (other.instanceId == run->request.instanceId || !other.role.isDataWorksDefault() ||
                        other.role.chainRoles().isEmpty())
                        continue;
                    bool sameAccount = true;
                    for (const RoleAssociation::ChainRole& role : other.role.chainRoles())
                        sameAccount = sameAccount && (account.isEmpty() || accountOf(role.roleArn) == account);
                    if (!sameAccount)
                        continue;
                    run->request.defaultChain = other.role.chainRoles();
                    run->request.defaultChainSource =
                        tr("environment %1 (%2)").arg(other.instanceId, other.instanceName);
                    break;
                }
                self->m_defaultChains.insert(run->result.plan.environment.projectId,
                                             {run->request.defaultChain, run->request.defaultChainSource});
                listing->cancel();
                listing->deleteLater();
                self->decide(run);
            });
    const auto noExample = [self, run, listing, settled] {
        if (!self || *settled)
            return;
        *settled = true;
        listing->deleteLater();
        self->decide(run);
    };
    connect(listing, &ServerIdeListing::finished, this, noExample);
    connect(listing, &ServerIdeListing::failed, this, noExample);
}

void RoleChange::evaluate(std::shared_ptr<Run> run)
{
    Plan& plan = run->result.plan;
    const Request& request = run->request;
    plan.decision = RolePolicy::evaluate(
        RolePolicy::inputFor(plan.environment, request.visibility, request.requested, plan.trustPolicy));
    if (plan.decision.isRefused()) {
        finish(run, Outcome::Refused, tr("Refused by policy: %1").arg(plan.decision.reasons.join(QLatin1Char(' '))));
        return;
    }
    if (plan.decision.noChange) {
        finish(run, Outcome::NoChange,
               tr("Environment %1 already has this role (%2): nothing to change.")
                   .arg(request.instanceId, plan.environment.role.displayText()));
        return;
    }
    findDefaultChain(run);
}

void RoleChange::decide(std::shared_ptr<Run> run)
{
    Plan& plan = run->result.plan;
    const Request& request = run->request;
    CredentialConfigMapping::WriteOptions options;
    options.dropSessionPolicy = request.dropSessionPolicy;
    options.defaultChain = request.defaultChain;
    options.defaultChainSource = request.defaultChainSource;
    plan.write = CredentialConfigMapping::planWrite(plan.currentConfig, request.requested, options);
    if (plan.write.isBlocked()) {
        finish(run, Outcome::Refused, plan.write.blockers.join(QLatin1Char(' ')));
        return;
    }
    QPointer<RoleChange> self(this);
    Answer answer = [self, run](const Confirmation& confirmation) {
        if (!self || run->answered)
            return;
        run->answered = true;
        self->confirmed(run, confirmation);
    };
    if (run->confirm)
        run->confirm(plan, answer);
    else
        answer(Confirmation{true, false, {}, {}});
}

void RoleChange::confirmed(std::shared_ptr<Run> run, const Confirmation& confirmation)
{
    const RolePolicy::Decision& decision = run->result.plan.decision;
    if (!confirmation.proceed) {
        finish(run, Outcome::NotConfirmed, tr("Not confirmed: nothing was changed."));
        return;
    }
    if (decision.needsConfirmation()) {
        QList<RolePolicy::Rule> confirmedRules;
        if (confirmation.override)
            confirmedRules = confirmation.confirmedRules.isEmpty() ? RolePolicy::confirmationRules(decision)
                                                                   : confirmation.confirmedRules;
        const QString problem = RolePolicy::checkConfirmation(decision, confirmedRules, confirmation.reason);
        if (!problem.isEmpty()) {
            finish(run, Outcome::NeedsConfirmation, tr("Refused by policy: %1").arg(problem));
            return;
        }
        run->result.override = true;
        run->result.reason = confirmation.reason.trimmed();
    } else if (!run->request.auditReason.trimmed().isEmpty()) {
        run->result.reason = run->request.auditReason.trimmed();
    }
    if (run->request.confirmedUpFront) {
        // Confirmed without asking anyone (the CLI's --yes, a bulk run): the read is one round trip old.
        write(run);
        return;
    }
    // A person confirmed, which takes time: read again, right before the write, and stop on any change.
    QPointer<RoleChange> self(this);
    if (!m_dataWorks) {
        finish(run, Outcome::Failed, tr("The connection was closed before the change could be written."));
        return;
    }
    m_dataWorks->readServerIdeInstance(
        run->request.instanceId, [self, run](const ServerIdeInstanceRecord& record, const ApiError& error) {
            if (!self)
                return;
            if (error.isError()) {
                run->result.error = error;
                self->finish(run, Outcome::Failed,
                             tr("Cannot read environment %1 again before writing: %2. Nothing was changed.")
                                 .arg(run->request.instanceId, error.toString()));
                return;
            }
            if (record.environment.updateTimeMs != run->judgedUpdateTimeMs ||
                record.credentialConfig != run->result.plan.currentConfig) {
                self->conflict(run, record.environment, ConflictSince::Confirming);
                return;
            }
            self->write(run);
        });
}

void RoleChange::write(std::shared_ptr<Run> run)
{
    if (!m_dataWorks) {
        finish(run, Outcome::Failed, tr("The connection was closed before the change could be written."));
        return;
    }
    QPointer<RoleChange> self(this);
    m_dataWorks->updateCredentialConfig(
        run->request.instanceId, run->result.plan.write.config,
        [self, run](const QString& requestId, const ApiError& error) {
            if (!self)
                return;
            run->result.requestId = requestId.isEmpty() ? error.requestId : requestId;
            if (error.isError()) {
                run->result.error = error;
                self->finish(run, Outcome::Failed,
                             tr("The change of %1 failed: %2").arg(run->request.instanceId, error.toString()));
                return;
            }
            self->readBack(run);
        });
}

void RoleChange::readBack(std::shared_ptr<Run> run)
{
    QPointer<RoleChange> self(this);
    m_dataWorks->readServerIdeInstance(
        run->request.instanceId, [self, run](const ServerIdeInstanceRecord& record, const ApiError& error) {
            if (!self)
                return;
            const Environment& before = run->result.plan.environment;
            const QString from = before.role.displayText();
            const QString to = run->request.requested.displayText();
            if (error.isError()) {
                // The update succeeded; only the confirmation read failed.
                run->result.after = {};
                self->finish(run, Outcome::Applied,
                             tr("Role of %1 (%2) changed: %3 -> %4. It could not be read back (%5): refresh to see it.")
                                 .arg(run->request.instanceId, before.instanceName, from, to, error.toString()));
                return;
            }
            run->result.after = record.environment;
            run->result.afterConfig = record.credentialConfig;
            const QJsonObject& sent = run->result.plan.write.config;
            if (!CredentialConfigMapping::sameMeaning(sent, record.credentialConfig)) {
                const RoleAssociation now = CredentialConfigMapping::fromJson(record.credentialConfig);
                QString nowText = now.displayText();
                if (!now.detailText().isEmpty())
                    nowText += QStringLiteral(" (") + now.detailText() + QLatin1Char(')');
                self->finish(run, Outcome::AppliedReadBackDiffers,
                             tr("The service accepted the change of %1, but reading it back shows \"%2\", not what was "
                                "sent (\"%3\"). Check the environment in the DataWorks console; the audit log records "
                                "this.")
                                 .arg(run->request.instanceId, nowText, to));
                return;
            }
            self->finish(
                run, Outcome::Applied,
                tr("Role of %1 (%2) changed: %3 -> %4.").arg(run->request.instanceId, before.instanceName, from, to));
        });
}

void RoleChange::conflict(std::shared_ptr<Run> run, const Environment& fresh, ConflictSince since)
{
    // The one conflict ending (nothing was written): the fresh copy becomes what the result shows, the error says
    // against which copy it was found, and the message what to do next.
    const QString id = run->request.instanceId;
    const QString updated = utc(fresh.updateTimeMs);
    run->result.plan.environment = fresh;
    QString detail;
    QString message;
    if (since == ConflictSince::Shown) {
        detail = tr("Environment %1 was updated at %2 (UTC), after the copy shown (%3 UTC); nothing was changed.")
                     .arg(id, updated, utc(run->request.expectedUpdateTimeMs.value_or(0)));
        message = tr("Not changed: someone else changed environment %1 since it was shown (updated %2 UTC, role now "
                     "\"%3\"). Nothing was overwritten: look at it again and retry if the change is still right.")
                      .arg(id, updated, fresh.role.displayText());
    } else {
        detail = tr("Environment %1 was updated at %2 (UTC) while the change was being confirmed; nothing was changed.")
                     .arg(id, updated);
        message = tr("Not changed: someone else changed environment %1 while you were confirming (updated %2 UTC, "
                     "role now \"%3\"). Nothing was overwritten: review it and apply again if your change is still "
                     "right.")
                      .arg(id, updated, fresh.role.displayText());
    }
    run->result.error = conflictError(QStringLiteral("GetServerIdeInstance"), detail);
    finish(run, Outcome::Conflict, message);
}

void RoleChange::finish(std::shared_ptr<Run> run, Outcome outcome, const QString& message)
{
    Result& result = run->result;
    result.outcome = outcome;
    result.message = message;
    // Every attempt that reached the point of writing, or found a conflict, is audited; refusals, no-change and
    // declined confirmations changed nothing and asked nothing of the service.
    const bool attempted = outcome == Outcome::Applied || outcome == Outcome::AppliedReadBackDiffers ||
                           outcome == Outcome::Conflict ||
                           (outcome == Outcome::Failed && !result.plan.write.config.isEmpty());
    if (attempted) {
        if (!m_audit) {
            result.auditError = tr("No audit log is open.");
        } else {
            QString error;
            const Environment& env = result.plan.environment.isNull() ? result.after : result.plan.environment;
            Environment subject = env;
            if (subject.isNull())
                subject.instanceId = run->request.instanceId;
            result.audited =
                m_audit->recordChange(run->request.actor, subject, result.plan.environment.role, run->request.requested,
                                      result.override, result.reason, auditOutcome(result), result.requestId, &error);
            if (!result.audited) {
                result.auditError = error;
                qCWarning(lcApi).noquote()
                    << "role change of" << run->request.instanceId << "could not be audited:" << error;
            }
        }
    }
    qCInfo(lcApi).noquote() << "role change of" << run->request.instanceId << outcomeToString(outcome);
    if (run->done)
        run->done(result);
}
