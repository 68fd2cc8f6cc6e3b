#include "CredentialSource.h"

#include "credentials/CredentialProvider.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

CredentialSource::CredentialSource(CredentialProvider* provider, const Clock* clock, QObject* parent)
    : CredentialSource(provider, clock, Options(), parent)
{}

CredentialSource::CredentialSource(CredentialProvider* provider, const Clock* clock, Options options, QObject* parent)
    : QObject(parent)
    , m_provider(provider)
    , m_clock(clock ? clock : Clock::system())
    , m_options(std::move(options))
    , m_timer(new QTimer(this))
{
    Q_ASSERT(m_provider);
    m_provider->setParent(this);
    if (!m_options.random)
        m_options.random = [] { return QRandomGenerator::global()->generateDouble(); };
    m_timer->setInterval(std::max(1, m_options.checkIntervalMs));
    connect(m_timer, &QTimer::timeout, this, &CredentialSource::onTick);
}

CredentialSource::~CredentialSource() = default;

QString CredentialSource::stateName(State state)
{
    switch (state) {
    case State::Fresh:
        return QStringLiteral("fresh");
    case State::RefreshDue:
        return QStringLiteral("refresh-due");
    case State::Refreshing:
        return QStringLiteral("refreshing");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString CredentialSource::stateText(State state)
{
    switch (state) {
    case State::Fresh:
        return tr("Fresh");
    case State::RefreshDue:
        return tr("Refresh due");
    case State::Refreshing:
        return tr("Refreshing");
    case State::Expired:
        return tr("Expired");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

void CredentialSource::start()
{
    m_elapsed.start();
    m_lastTickClock = m_clock->nowUtc();
    m_timer->start();
    startFetch();
}

Credential CredentialSource::usableCredential() const
{
    if (m_credential.isNull() || m_credential.isExpiredAt(m_clock->nowUtc()))
        return {};
    return m_credential;
}

qint64 CredentialSource::backoffMs(int failures) const
{
    if (failures <= 0)
        return 0;
    const int shift = std::min(failures - 1, 30);
    const qint64 raw = m_options.backoffInitialMs * (qint64(1) << shift);
    return std::min(raw, m_options.backoffMaxMs);
}

void CredentialSource::refreshNow()
{
    if (!m_fetching)
        startFetch();
}

void CredentialSource::onTick()
{
    const QDateTime now = m_clock->nowUtc();
    const qint64 real = m_elapsed.restart();
    const qint64 progressed = m_lastTickClock.msecsTo(now);
    m_lastTickClock = now;
    // A sleep or a clock change: the wall clock moved differently from real time.
    if (std::abs(progressed - real) > m_options.clockJumpThresholdMs)
        qCInfo(lcCredentials) << "clock moved by" << progressed << "ms in" << real << "ms; re-evaluating";
    if (m_fetching && m_fetchStarted.hasExpired(m_options.fetchWatchdogMs)) {
        ++m_generation; // a late answer of the abandoned fetch is ignored
        CredentialError e;
        e.source = m_provider->description();
        e.message = tr("No answer within %1 s; the fetch was abandoned and will be retried.")
                        .arg(m_options.fetchWatchdogMs / 1000);
        onResult(false, {}, e);
        return;
    }
    reevaluate();
}

void CredentialSource::reevaluate()
{
    if (!m_fetching && m_nextAttempt.isValid() && m_clock->nowUtc() >= m_nextAttempt) {
        startFetch();
        return;
    }
    updateState();
}

void CredentialSource::startFetch()
{
    m_fetching = true;
    m_fetchStarted.start();
    m_nextAttempt = QDateTime();
    const quint64 generation = ++m_generation;
    updateState();
    m_provider->fetch([this, generation](const CredentialResult& result) {
        if (generation != m_generation)
            return;
        onResult(result.ok(), result.credential, result.error);
    });
}

void CredentialSource::onResult(bool ok, const Credential& credential, const CredentialError& error)
{
    m_fetching = false;
    m_hasResult = true;
    const QDateTime now = m_clock->nowUtc();
    if (ok) {
        const bool changed = !(credential == m_credential);
        m_credential = credential;
        m_lastError = CredentialError();
        m_failures = 0;
        m_lastSuccess = now;
        scheduleAfterSuccess();
        qCDebug(lcCredentials) << "credential from" << m_provider->name() << credential << "next refresh"
                               << m_nextAttempt;
        updateState();
        if (changed)
            emit credentialChanged(m_credential);
        emit fetchFinished(true);
        return;
    }
    ++m_failures;
    m_lastError = error;
    if (error.configuration && m_options.stopOnConfigurationError) {
        m_nextAttempt = QDateTime();
        qCInfo(lcCredentials).noquote()
            << QStringLiteral("credential fetch failed with a configuration error; no retry planned: %1")
                   .arg(error.toString());
        updateState();
        emit refreshFailed(m_lastError, m_nextAttempt);
        emit fetchFinished(false);
        return;
    }
    const qint64 backoff = backoffMs(m_failures);
    const double r = std::clamp(m_options.random(), 0.0, 1.0);
    const qint64 delay = std::max<qint64>(1, qint64(double(backoff) * (1.0 - m_options.jitter * r)));
    m_nextAttempt = now.addMSecs(delay);
    qCInfo(lcCredentials).noquote() << QStringLiteral("credential fetch failed (%1 in a row), retry in %2 ms: %3")
                                           .arg(m_failures)
                                           .arg(delay)
                                           .arg(error.toString());
    updateState();
    emit refreshFailed(m_lastError, m_nextAttempt);
    emit fetchFinished(false);
}

void CredentialSource::scheduleAfterSuccess()
{
    if (!m_credential.expires()) {
        m_nextAttempt = QDateTime();
        return;
    }
    const QDateTime expiration = m_credential.expiration();
    const QDateTime ahead = expiration.addSecs(-(m_options.staleWindowSecs + m_options.refreshAheadSecs));
    const QDateTime earliest = m_lastSuccess.addSecs(m_options.minRefreshIntervalSecs);
    m_nextAttempt = std::min(std::max(ahead, earliest), expiration);
}

CredentialSource::State CredentialSource::computeState() const
{
    if (m_fetching)
        return State::Refreshing;
    const QDateTime now = m_clock->nowUtc();
    if (!m_credential.isNull()) {
        if (!m_credential.isExpiredAt(now)) {
            if (m_credential.expires() && now.secsTo(m_credential.expiration()) <= m_options.staleWindowSecs)
                return State::RefreshDue;
            return State::Fresh;
        }
        return m_lastError.isNull() ? State::Expired : State::Failed;
    }
    return State::Failed;
}

void CredentialSource::updateState()
{
    const State next = computeState();
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged(m_state);
}
