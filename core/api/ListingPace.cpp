#include "ListingPace.h"

#include <algorithm>

namespace {
constexpr qint64 WindowMs = 1000;  // the limits the services state are per second
constexpr qint64 ReactionMs = 200; // one reaction to a burst of Throttling answers, not one per answer
constexpr double Margin = 0.95;    // pace a little under the measured rate, so timer jitter does not cross it
constexpr double ProbePerSecond = 0.5;
} // namespace

ListingPace::ListingPace(int initialWindow, int maxWindow)
    : m_window(std::clamp(initialWindow, 1, std::max(1, maxWindow)))
    , m_maxWindow(std::max(1, maxWindow))
{}

void ListingPace::forget(qint64 now)
{
    while (!m_accepted.empty() && m_accepted.front() <= now - WindowMs)
        m_accepted.pop_front();
}

void ListingPace::started(qint64 now)
{
    if (m_ratePerSecond > 0)
        m_nextStartMs = std::max(m_nextStartMs, now) + qint64(1000.0 / m_ratePerSecond + 0.5);
}

void ListingPace::answered(qint64 now, qint64 sentAt)
{
    m_accepted.push_back(sentAt);
    forget(now);
    if (m_throttles == 0) {
        m_window = std::min<double>(m_maxWindow, m_window + 1); // nothing limits us yet: grow fast
    } else {
        m_window = std::min<double>(m_maxWindow, m_window + 1.0 / m_window); // about one page per round trip
        m_ratePerSecond += ProbePerSecond / m_ratePerSecond;                 // about +0.5 per second
    }
}

void ListingPace::throttled(qint64 now, qint64 sentAt)
{
    ++m_throttles;
    forget(now);
    if (m_lastReactionMs >= 0 && (sentAt < m_lastReactionMs || now - m_lastReactionMs < ReactionMs))
        return;
    m_lastReactionMs = now;
    m_window = std::max(1.0, m_window / 2);
    // What the service accepted in the last second is what its per-second limit allows (at least one a second).
    const double accepted = std::max<double>(1.0, double(m_accepted.size()));
    const double rate = accepted * Margin;
    m_ratePerSecond = m_ratePerSecond > 0 ? std::min(m_ratePerSecond * 0.8, rate) : rate;
    m_ratePerSecond = std::max(0.5, m_ratePerSecond);
    m_nextStartMs = std::max(m_nextStartMs, now + qint64(1000.0 / m_ratePerSecond + 0.5));
}
