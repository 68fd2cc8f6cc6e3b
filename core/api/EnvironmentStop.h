#pragma once

#include "api/ApiError.h"
#include "model/Environment.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class AuditLog;
class DataWorksClient;

// Stops one environment and follows it until it is Stopped: the revocation step an admin can take after removing or
// replacing a role (credentials already issued stay valid until they expire; a stopped environment no longer runs the
// processes that hold them nor its credential service). One operation shared by the GUI and the CLI.
//
// StopServerIdeInstance (InstanceId in the query, as the SDK sends it), then GetServerIdeInstance every
// pollIntervalMs until the status is Stopped. Fails with a clear reason when the service refuses the stop, when the
// environment ends anywhere but Stopped (Failed, Deleted, Running again...), when a read fails, or after maxPolls
// reads. cancel() stops following it (the stop request itself, once sent, cannot be withdrawn: said so). An
// environment already Stopped succeeds without sending anything. Every outcome is audited (AuditLog entry with the
// environment's role unchanged and an outcome "stop: ...").
class EnvironmentStop : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Running, // not finished yet
        Stopped,
        AlreadyStopped,
        Failed,
        Cancelled
    };
    Q_ENUM(Outcome)

    struct Options
    {
        int pollIntervalMs = 3000;
        int maxPolls = 200; // 10 minutes at the default interval
        QString actor;      // caller identity ARN for the audit log
    };

    EnvironmentStop(DataWorksClient* client, AuditLog* audit, QObject* parent = nullptr);
    ~EnvironmentStop() override;

    // `environment`: as shown (its id, name, role and status). Starts on the next event-loop turn.
    void start(const Environment& environment, const Options& options);
    void start(const Environment& environment) { start(environment, Options()); }
    void cancel();

    Outcome outcome() const { return m_outcome; }
    bool isFinished() const { return m_outcome != Outcome::Running; }
    // Translated: why it failed or was cancelled; empty otherwise.
    const QString& errorString() const { return m_error; }
    const ApiError& apiError() const { return m_apiError; }
    // The last status read (Stopping, Stopped...).
    EnvironmentStatus lastStatus() const { return m_lastStatus; }
    QString lastStatusText() const { return m_lastStatusText; }
    int polls() const { return m_polls; }
    static QString outcomeToString(Outcome outcome); // "stopped", "already-stopped", "failed", "cancelled", "running"

signals:
    void statusChanged(EnvironmentStatus status, const QString& statusText);
    void finished(EnvironmentStop::Outcome outcome);

private:
    void send();
    void poll();
    void finish(Outcome outcome, const QString& error = QString(), const ApiError& apiError = ApiError());
    void audit(const QString& outcome, const QString& requestId = QString());

    QPointer<DataWorksClient> m_client;
    AuditLog* m_audit = nullptr;
    Environment m_environment;
    Options m_options;
    QTimer m_timer;
    Outcome m_outcome = Outcome::Running;
    QString m_error;
    ApiError m_apiError;
    EnvironmentStatus m_lastStatus = EnvironmentStatus::Unknown;
    QString m_lastStatusText;
    int m_polls = 0;
    bool m_started = false;
    bool m_sent = false;
};
