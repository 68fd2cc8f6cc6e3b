#pragma once

#include <QtGlobal>

#include <deque>
#include <limits>

// How many pages of a listing may be in flight, and when requests may start, adapted to the answers.
//
// - Pages in flight: the window grows by one page per answer while nothing is throttled (up to the ceiling: the
//   connections Qt opens to one host), by about one page per round trip after, and halves on Throttling (once per
//   burst).
// - Rate: the services state their limits per second. From the first Throttling on, the pace knows a limit L: the
//   requests the service let through in the second before the throttled one was sent (requests still unanswered
//   count as let through: the gateway decides in arrival order). From then on no second (a sliding window, which is
//   stricter than a fixed one, so it also keeps to a per-calendar-second or token-bucket limit of the same rate)
//   holds more than L requests, past, in flight or scheduled: requests may start in bursts of L, the fastest a
//   per-second limit allows, rather than evenly spaced under it.
// - A throttled attempt is retried in the next free slot (a retry is a request like any other: it takes a slot).
// - A Throttling that the limit did not predict either means the limit is lower (L is measured again) or that the
//   requests' arrival times drifted from their send times (a measurement one below L: the window's safety margin
//   grows instead). After 3 s without Throttling the limit is raised by one, so a limit that was measured low is
//   found again; a raise that is throttled is measured again but never below the limit that held before it (the
//   arrival spread makes a measurement in a raised burst come out low) and doubles that time (up to 30 s).
//
// Pure logic with times passed in (milliseconds on any monotonic clock; a time may lie in the future for a send that
// is scheduled), so tests need no real time. ServerIdeListing uses it (Options::adaptive).
class ListingPace
{
public:
    ListingPace(int initialWindow, int maxWindow);

    // Pages that may be in flight now (>= 1).
    int window() const { return int(m_window); }
    // The earliest time (>= now) at which a new request may start.
    qint64 nextStartMs(qint64 now) const;
    bool paced() const { return m_limit > 0; }
    // The per-second limit learned from Throttling (0: none yet).
    int limitPerSecond() const { return m_limit; }
    int throttleCount() const { return m_throttles; }
    // The sliding window's length: a second plus the safety margin.
    qint64 windowMs() const;

    // A request starts (or is scheduled to start) at `at`.
    void started(qint64 at);
    // The attempt sent at `sentAt` was answered without throttling (or failed in a way the service counted).
    void answered(qint64 now, qint64 sentAt);
    // The attempt sent at `sentAt` was answered with Throttling at `now`; it will be retried. Returns when the retry
    // may start (>= now, a free slot, and not before `earliestRetry`), and records it as scheduled.
    qint64 throttled(qint64 now, qint64 sentAt, qint64 earliestRetry);
    // A send scheduled for `scheduledAt` (a retry) is due at `now`: returns when it may start under what the pace
    // knows now (>= now; the limit may have been measured again since it was scheduled), and records it there.
    qint64 due(qint64 scheduledAt, qint64 now);

private:
    enum class State
    {
        Pending,
        Accepted,
        Throttled,
    };
    struct Send
    {
        qint64 at;
        State state;
        bool claimed = false; // a retry's slot given when it was due (due()), not only when it was scheduled
    };
    void forget(qint64 now);
    void accept(qint64 sentAt);
    void insert(qint64 at, bool claimed);
    qint64 slotFrom(qint64 t, bool withABurst = false, qint64 ignoreAfter = std::numeric_limits<qint64>::max()) const;

    double m_window;
    const int m_maxWindow;
    int m_limit = 0; // 0: no limit known
    qint64 m_marginMs;
    qint64 m_probeAfterMs;
    qint64 m_lastReactionMs = -1;
    qint64 m_limitSetMs = -1;
    qint64 m_lastThrottleMs = -1;
    qint64 m_lastRaiseMs = -1;
    int m_limitBeforeRaise = 0;    // the limit that held before the last raise
    qint64 m_distrustUntilMs = -1; // the first Throttling let almost nothing of ours through: no sends before this
    bool m_probeFailed = false;    // a raise was throttled: raise by one from now on
    // The measurement that set the limit counted the sends before the throttled one in send order. Sends of the next
    // few milliseconds may have reached the gateway first over another connection and been let through: each that
    // is answered so adds one to that measurement (ListingPace::answered), as long as it is the one that holds.
    struct Measurement
    {
        qint64 sentAt = -1; // the throttled request's send time
        qint64 setMs = -1;  // when it set the limit (m_limitSetMs)
        int value = 0;      // what it counts now
        int cap = 0;        // never above this (a raise that was throttled: one below it)
        // Unanswered sends of its millisecond, all after it in send order (it is the first unanswered one of that
        // millisecond), not counted.
        int sameMsBehind = 0;
    };
    Measurement m_measurement;
    int m_throttles = 0;
    std::deque<Send> m_sends; // sorted by time, the last few seconds and the scheduled ones
};
