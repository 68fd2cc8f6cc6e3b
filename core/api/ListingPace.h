#pragma once

#include <QtGlobal>

#include <deque>

// How many pages of a listing may be in flight, and how fast requests may start, adapted to the answers: the
// window grows by one page per answer while answers come back unthrottled (up to the ceiling), halves on
// Throttling (once per burst: not again for attempts sent before that reaction), and from the first Throttling on
// requests are also paced at the rate the service accepted in the second before it (what a per-second limit lets
// through), probing slowly upwards while no Throttling comes back. Pure logic with times passed in (milliseconds on any
// monotonic clock), so tests need no real time. ServerIdeListing uses it (Options::adaptive).
class ListingPace
{
public:
    ListingPace(int initialWindow, int maxWindow);

    // Pages that may be in flight now (>= 1).
    int window() const { return int(m_window); }
    // The earliest time the next request may start (<= now: at once).
    qint64 nextStartMs() const { return m_nextStartMs; }
    bool paced() const { return m_ratePerSecond > 0; }
    double ratePerSecond() const { return m_ratePerSecond; }
    int throttleCount() const { return m_throttles; }

    // A request started at `now`.
    void started(qint64 now);
    // A page was answered without throttling; it was (last) sent at `sentAt`.
    void answered(qint64 now, qint64 sentAt);
    // An attempt sent at `sentAt` was answered with Throttling (ApiClient retries it after its back-off). Attempts
    // sent before the last reaction (the same burst, or retries of it) change nothing more.
    void throttled(qint64 now, qint64 sentAt);

private:
    void forget(qint64 now);

    double m_window;
    const int m_maxWindow;
    double m_ratePerSecond = 0; // 0: not paced
    qint64 m_nextStartMs = 0;
    qint64 m_lastReactionMs = -1;
    int m_throttles = 0;
    std::deque<qint64> m_accepted; // send times of the answered requests of the last second
};
