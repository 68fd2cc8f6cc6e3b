#include "EnvironmentStop.h"

#include "api/DataWorksClient.h"
#include "model/AuditLog.h"

EnvironmentStop::EnvironmentStop(DataWorksClient* client, AuditLog* audit, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_audit(audit)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EnvironmentStop::poll);
}

EnvironmentStop::~EnvironmentStop() = default;

QString EnvironmentStop::outcomeToString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Stopped:
        return QStringLiteral("stopped");
    case Outcome::AlreadyStopped:
        return QStringLiteral("already-stopped");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Running:
        break;
    }
    return QStringLiteral("running");
}

void EnvironmentStop::start(const Environment& environment, const Options& options)
{
    if (m_started)
        return;
    m_started = true;
    m_environment = environment;
    m_options = options;
    m_options.pollIntervalMs = qMax(1, m_options.pollIntervalMs);
    m_options.maxPolls = qMax(1, m_options.maxPolls);
    m_lastStatus = environment.status;
    m_lastStatusText = environment.statusText;
    QTimer::singleShot(0, this, &EnvironmentStop::send);
}

void EnvironmentStop::cancel()
{
    if (!m_started || isFinished())
        return;
    m_timer.stop();
    finish(Outcome::Cancelled,
           m_sent ? tr("Stopped following environment %1. The stop request was already sent and cannot be withdrawn; "
                       "the environment may still stop. Refresh to see its status.")
                        .arg(m_environment.instanceId)
                  : tr("Cancelled before the stop request was sent: environment %1 was not stopped.")
                        .arg(m_environment.instanceId));
}

void EnvironmentStop::send()
{
    if (isFinished())
        return;
    if (!m_client) {
        finish(Outcome::Failed, tr("Cannot stop environment %1: not connected.").arg(m_environment.instanceId));
        return;
    }
    if (m_environment.status == EnvironmentStatus::Stopped) {
        finish(Outcome::AlreadyStopped);
        return;
    }
    m_sent = true;
    QPointer<EnvironmentStop> self(this);
    m_client->stopServerIdeInstance(m_environment.instanceId, [self](const ApiError& error) {
        if (!self || self->isFinished())
            return;
        if (error.isError()) {
            self->finish(Outcome::Failed,
                         tr("DataWorks refused to stop environment %1: %2")
                             .arg(self->m_environment.instanceId, error.toString()),
                         error);
            return;
        }
        self->audit(QStringLiteral("stop: requested"), error.requestId);
        self->m_timer.start(self->m_options.pollIntervalMs);
    });
}

void EnvironmentStop::poll()
{
    if (isFinished() || !m_client)
        return;
    ++m_polls;
    QPointer<EnvironmentStop> self(this);
    m_client->getServerIdeInstance(m_environment.instanceId, [self](const Environment& e, const ApiError& error) {
        if (!self || self->isFinished())
            return;
        if (error.isError()) {
            self->finish(Outcome::Failed,
                         tr("The stop of environment %1 was requested, but reading its status failed: %2")
                             .arg(self->m_environment.instanceId, error.toString()),
                         error);
            return;
        }
        if (e.status != self->m_lastStatus || e.statusText != self->m_lastStatusText) {
            self->m_lastStatus = e.status;
            self->m_lastStatusText = e.statusText;
            emit self->statusChanged(e.status, e.statusText);
        }
        switch (e.status) {
        case EnvironmentStatus::Stopped:
            self->finish(Outcome::Stopped);
            return;
        case EnvironmentStatus::Stopping:
        case EnvironmentStatus::Running: // the service may take a moment to show Stopping
        case EnvironmentStatus::Saving:
        case EnvironmentStatus::Updating:
            break;
        default:
            self->finish(Outcome::Failed,
                         tr("Environment %1 did not stop: it is now %2%3.")
                             .arg(self->m_environment.instanceId, e.statusDisplayText(),
                                  e.failReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.failReason)));
            return;
        }
        if (self->m_polls >= self->m_options.maxPolls) {
            self->finish(Outcome::Failed,
                         tr("Environment %1 is still %2 after %3 status reads; it did not reach Stopped in time. "
                            "Refresh later, or stop it in the DataWorks console.")
                             .arg(self->m_environment.instanceId, e.statusDisplayText())
                             .arg(self->m_polls));
            return;
        }
        self->m_timer.start(self->m_options.pollIntervalMs);
    });
}

void EnvironmentStop::finish(Outcome outcome, const QString& error, const ApiError& apiError)
{
    if (isFinished())
        return;
    m_outcome = outcome;
    m_error = error;
    m_apiError = apiError;
    m_timer.stop();
    switch (outcome) {
    case Outcome::Stopped:
        audit(QStringLiteral("stop: stopped"));
        break;
    case Outcome::AlreadyStopped:
        audit(QStringLiteral("stop: already stopped"));
        break;
    case Outcome::Failed:
        audit(apiError.isError() && !apiError.code.isEmpty() ? QStringLiteral("stop: failed: ") + apiError.code
                                                             : QStringLiteral("stop: failed"),
              apiError.requestId);
        break;
    case Outcome::Cancelled:
        audit(m_sent ? QStringLiteral("stop: cancelled (request sent)") : QStringLiteral("stop: cancelled"));
        break;
    case Outcome::Running:
        break;
    }
    emit finished(outcome);
}

void EnvironmentStop::audit(const QString& outcome, const QString& requestId)
{
    if (!m_audit)
        return;
    // The role is unchanged by a stop: from and to are the role as shown.
    m_audit->recordChange(m_options.actor, m_environment, m_environment.role, m_environment.role, false, QString(),
                          outcome, requestId);
}
