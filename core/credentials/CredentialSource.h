#pragma once

#include "credentials/Credential.h"
#include "credentials/CredentialError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <functional>

class Clock;
class CredentialProvider;
class QTimer;

// One credential source over its lifetime: holds the current credential, refreshes it in the background
// ahead of the stale window, retries with exponential backoff and jitter after failures (never stops
// rescheduling), and exposes its state honestly. All times derive from the credential's absolute
// Expiration and the injected clock; a periodic check (checkIntervalMs) re-evaluates against the clock, so
// a clock jump or a machine waking from sleep is noticed at once. Nothing blocks: results arrive by signal.
class CredentialSource : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Fresh,
        RefreshDue,
        Refreshing,
        Expired,
        Failed
    };
    Q_ENUM(State)

    struct Options
    {
        // Inside this window before Expiration a credential is "refresh due" (the official libraries: 15 min).
        qint64 staleWindowSecs = 15 * 60;
        // The background refresh starts this long before the stale window begins.
        qint64 refreshAheadSecs = 60;
        // At least this long between two successful fetches, for answers that expire within the stale window.
        qint64 minRefreshIntervalSecs = 60;
        // Backoff after the n-th consecutive failure: min(max, initial * 2^(n-1)), then jitter.
        qint64 backoffInitialMs = 2000;
        qint64 backoffMaxMs = 5 * 60 * 1000;
        // The delay is drawn uniformly from [(1 - jitter) * backoff, backoff].
        double jitter = 0.5;
        // How often the state is re-evaluated against the clock (the timer granularity).
        int checkIntervalMs = 1000;
        // Clock progress that differs from real elapsed time by more than this counts as a jump (logged).
        qint64 clockJumpThresholdMs = 5000;
        // A fetch that has not reported back after this much real time counts as failed, so that a provider
        // that loses its callback can never stop the rescheduling.
        int fetchWatchdogMs = 120 * 1000;
        // After a configuration error (CredentialError::configuration) plan no further attempt: the state stays
        // Failed until refreshNow(). For a window a person watches (the inspector); services keep retrying.
        bool stopOnConfigurationError = false;
        // Uniform in [0, 1); tests inject a fixed value. Defaults to QRandomGenerator.
        std::function<double()> random;
    };

    // Takes ownership of provider (reparents it). clock must outlive this object.
    CredentialSource(CredentialProvider* provider, const Clock* clock, QObject* parent = nullptr);
    CredentialSource(CredentialProvider* provider, const Clock* clock, Options options, QObject* parent = nullptr);
    ~CredentialSource() override;

    // Starts the first fetch and the periodic check.
    void start();

    State state() const { return m_state; }
    // "fresh", "refresh-due", "refreshing", "expired", "failed" (the CLI's JSON contract).
    static QString stateName(State state);
    // Plain words for users ("Fresh", "Refresh due", ...), translated.
    static QString stateText(State state);

    // The credential only when it is usable now (not expired); a null Credential otherwise.
    Credential usableCredential() const;
    // The last credential fetched, even if expired: for display only, never for signing.
    const Credential& lastCredential() const { return m_credential; }
    // The last failure; null after a success.
    const CredentialError& lastError() const { return m_lastError; }
    // When the next fetch (refresh or retry) is due; invalid when none is planned (long-term keys).
    const QDateTime& nextAttemptUtc() const { return m_nextAttempt; }
    int consecutiveFailures() const { return m_failures; }
    bool isFetching() const { return m_fetching; }
    // True once at least one fetch has finished (successfully or not).
    bool hasResult() const { return m_hasResult; }
    CredentialProvider* provider() const { return m_provider; }
    const Options& options() const { return m_options; }
    // The backoff delay (ms) before jitter after the n-th consecutive failure.
    qint64 backoffMs(int failures) const;

public slots:
    // Fetch now, unless a fetch is already running.
    void refreshNow();
    // Compare everything with the clock now: state transitions, due refreshes, due retries.
    void reevaluate();

signals:
    void stateChanged(CredentialSource::State state);
    void credentialChanged(const Credential& credential);
    void refreshFailed(const CredentialError& error, const QDateTime& nextAttemptUtc);
    // Every finished fetch, successful or not (after credentialChanged/refreshFailed).
    void fetchFinished(bool ok);

private:
    void onTick();
    void startFetch();
    void onResult(bool ok, const Credential& credential, const CredentialError& error);
    void scheduleAfterSuccess();
    void updateState();
    State computeState() const;

    CredentialProvider* m_provider;
    const Clock* m_clock;
    Options m_options;
    QTimer* m_timer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_fetchStarted;
    QDateTime m_lastTickClock;
    Credential m_credential;
    CredentialError m_lastError;
    QDateTime m_nextAttempt;
    QDateTime m_lastSuccess;
    int m_failures = 0;
    bool m_fetching = false;
    bool m_hasResult = false;
    quint64 m_generation = 0;
    State m_state = State::Failed;
};
