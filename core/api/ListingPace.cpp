#include "ListingPace.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace {
constexpr qint64 SecondMs = 1000;      // the limits the services state are per second
constexpr qint64 InitialMarginMs = 25; // send time -> arrival time: the client's event loop and the network
constexpr qint64 MarginStepMs = 15;
constexpr qint64 MaxMarginMs = 250;
constexpr qint64 ReactionMs = 200; // one reaction to a burst of Throttling answers, not one per answer
// Raise the limit by a half (at least one) after a second without Throttling, twice as long after each raise that was
// throttled (the pace sends in bursts, one per window: a raise can only be judged a window later). A limit measured in
// the first burst is low when another client (or the previous run of this one) used part of the quota in that second:
// it must come back within a listing, not after half a minute.
constexpr qint64 ProbeAfterMs = 1000;
constexpr qint64 MaxProbeAfterMs = 30000;
constexpr qint64 KeepMs = 5000; // how long past sends are kept
// Requests sent this close together may reach the gateway in either order (two pools of connections, the server's
// threads): a send this soon after a throttled one that is let through was counted by the gateway before it.
constexpr qint64 ReorderMs = 5;
// Fewer of ours let through before the first Throttling than this: the second's quota went to someone else (another
// client, the previous run of this one), not a measurement of the limit (sends wait for that second to pass).
constexpr int MinBelievableLimit = 4;
// (The least time a listing can take: with L a sliding second, request k + L starts no earlier than a second after
// request k, so N requests on one quota need ceil(N / L) - 1 seconds between the first and the last start, plus a
// round trip: 4,040 ms for 100 pages at 20/s and 40 ms. Alibaba Cloud's quotas are per API operation and account, so
// the CLI's owner names (ListProjectMembers) do not count in N; requests of the same operation by another client do,
// and this pace does not see them: it measures what of its own was let through. The header's sentence on raises
// predates ProbeAfterMs: a quiet second raises the limit by a half until a raise is throttled, then by one, each wait
// twice the last.)
} // namespace

ListingPace::ListingPace(int initialWindow, int maxWindow)
    : m_window(std::clamp(initialWindow, 1, std::max(1, maxWindow)))
    , m_maxWindow(std::max(1, maxWindow))
    , m_marginMs(InitialMarginMs)
    , m_probeAfterMs(ProbeAfterMs)
{}

qint64 ListingPace::windowMs() const
{
    return SecondMs + m_marginMs;
}

void ListingPace::forget(qint64 now)
{
    while (!m_sends.empty() && m_sends.front().at <= now - KeepMs)
        m_sends.pop_front();
}

void ListingPace::accept(qint64 sentAt)
{
    for (Send& s : m_sends) {
        if (s.at == sentAt && s.state == State::Pending) {
            s.state = State::Accepted;
            return;
        }
    }
}

// withABurst: not `t` itself but the first free time from `t` on at which a second of earlier sends closes, so that the
// request goes with the next burst. A request sent alone between bursts takes a place in every second it starts, a
// burst's place each time: the bursts after it are one short and its page comes a window late, again and again.
// ignoreUnclaimedAfter: retries scheduled for later than this that have not been due yet do not count (a due retry
// goes before them; they take their slot again when they are due, and see its). Counted, retries moved by due() would
// postpone each other without end.
qint64 ListingPace::slotFrom(qint64 t, bool withABurst, qint64 ignoreUnclaimedAfter) const
{
    if (m_limit <= 0)
        return t;
    const qint64 w = windowMs();
    std::vector<qint64> taken;
    taken.reserve(m_sends.size());
    for (const Send& s : m_sends)
        if (s.state != State::Throttled && (s.claimed || s.at <= ignoreUnclaimedAfter))
            taken.push_back(s.at);
    // A candidate is free when every window of length w that contains it holds fewer than L other sends. The first
    // free time is `t` itself or just after the window of some send closes.
    std::vector<qint64> candidates;
    if (!withABurst)
        candidates.push_back(t);
    for (qint64 at : taken)
        if (at + w >= t)
            candidates.push_back(at + w);
    if (candidates.empty())
        candidates.push_back(t);
    std::sort(candidates.begin(), candidates.end());
    for (qint64 c : candidates) {
        bool free = true;
        // Windows [start, start + w) that contain c start in (c - w, c]; it suffices to try those that start at c
        // or at a taken send inside (c - w, c).
        std::vector<qint64> starts{c};
        for (qint64 at : taken)
            if (at > c - w && at < c)
                starts.push_back(at);
        for (qint64 start : starts) {
            int inside = 0;
            for (qint64 at : taken)
                if (at >= start && at < start + w)
                    ++inside;
            if (inside >= m_limit) {
                free = false;
                break;
            }
        }
        if (free)
            return c;
    }
    return candidates.back(); // not reached: the last candidate is past every window
}

qint64 ListingPace::nextStartMs(qint64 now) const
{
    if (m_limit <= 0 && now < m_distrustUntilMs)
        return m_distrustUntilMs;
    return slotFrom(now);
}

qint64 ListingPace::due(qint64 scheduledAt, qint64 now)
{
    // Its own entry (sends of the same time are alike; an unclaimed one first, as a retry is before it is due).
    auto own = m_sends.end();
    for (auto it = m_sends.begin(); it != m_sends.end(); ++it) {
        if (it->at == scheduledAt && it->state == State::Pending && (own == m_sends.end() || !it->claimed))
            own = it;
        if (it->at > scheduledAt)
            break;
    }
    if (own != m_sends.end())
        m_sends.erase(own);
    qint64 at = now;
    if (m_limit <= 0 && now < m_distrustUntilMs)
        at = m_distrustUntilMs;
    else if (m_limit > 0)
        at = slotFrom(now, false, now);
    insert(at, true);
    return at;
}

void ListingPace::started(qint64 at)
{
    insert(at, false);
}

void ListingPace::insert(qint64 at, bool claimed)
{
    const auto pos =
        std::upper_bound(m_sends.begin(), m_sends.end(), at, [](qint64 t, const Send& s) { return t < s.at; });
    m_sends.insert(pos, Send{at, State::Pending, claimed});
}

void ListingPace::answered(qint64 now, qint64 sentAt)
{
    accept(sentAt);
    forget(now);
    Measurement& m = m_measurement;
    if (m.setMs >= 0 && m.setMs == m_limitSetMs && sentAt >= m.sentAt && sentAt <= m.sentAt + ReorderMs) {
        // Sent just after the throttled request that measured the limit, and let through: it reached the gateway
        // first (over another connection), unless the gateway's second moved on in between, which it cannot have
        // done if nothing of ours let through lies a second before them both.
        bool counted = false;
        if (sentAt == m.sentAt) {
            counted = m.sameMsBehind <= 0; // more answers of that millisecond than sends it left uncounted
            --m.sameMsBehind;
        }
        bool secondMoved = false;
        for (const Send& s : m_sends)
            if (s.state == State::Accepted && s.at > m.sentAt - SecondMs - ReorderMs && s.at <= sentAt - SecondMs)
                secondMoved = true;
        if (!counted && !secondMoved) {
            m.value = std::min(m.cap, m.value + 1);
            m_limit = std::max(m_limit, m.value);
        }
    }
    if (m_throttles == 0) {
        m_window = std::min<double>(m_maxWindow, m_window + 1); // nothing limits us yet: grow fast
        return;
    }
    m_window = std::min<double>(m_maxWindow, m_window + 1.0 / m_window); // about one page per round trip
    const qint64 quietSince = std::max(m_lastThrottleMs, m_lastRaiseMs);
    if (m_limit > 0 && now - quietSince >= m_probeAfterMs) {
        // A half more until a raise was throttled (the first measurement may have shared its second with other
        // traffic); one more after that (the limit was found: probing costs a window's worth of retries).
        m_limitBeforeRaise = m_limit;
        m_limit += m_probeFailed ? 1 : std::max(1, m_limit / 2);
        m_lastRaiseMs = now;
    }
}

qint64 ListingPace::throttled(qint64 now, qint64 sentAt, qint64 earliestRetry)
{
    ++m_throttles;
    if (m_lastRaiseMs >= 0 && m_lastRaiseMs > m_lastThrottleMs) {
        m_probeAfterMs = std::min(MaxProbeAfterMs, 2 * m_probeAfterMs); // the last raise went too far
        m_probeFailed = true;
    }
    m_lastThrottleMs = now;
    // What the service let through in the second before this attempt reached it: the sends before it (in send
    // order: several may share a millisecond) that were not throttled.
    int letThrough = 0;
    int sameMsBehind = 0; // unanswered sends of its millisecond after it, not counted
    bool found = false;
    for (Send& s : m_sends) {
        if (found) {
            if (s.at != sentAt)
                break;
            if (s.state == State::Pending)
                ++sameMsBehind;
        } else if (s.at == sentAt && s.state == State::Pending) {
            s.state = State::Throttled;
            found = true;
        } else if (s.state != State::Throttled && s.at > sentAt - SecondMs) {
            ++letThrough;
        }
    }
    forget(now);
    if (m_limit <= 0 && letThrough < MinBelievableLimit && (m_distrustUntilMs < 0 || sentAt < m_distrustUntilMs)) {
        // Not a measurement (MinBelievableLimit): wait for this second to pass, then measure.
        if (m_distrustUntilMs < 0) {
            m_distrustUntilMs = now + windowMs();
            m_window = std::max(1.0, m_window / 2);
        }
        const qint64 retryAt = std::max({now, earliestRetry, m_distrustUntilMs});
        started(retryAt);
        return retryAt;
    }
    letThrough = std::max(1, letThrough);
    int cap = std::numeric_limits<int>::max();
    bool measured = false; // this refusal set the limit
    if (m_lastRaiseMs >= 0 && sentAt >= m_lastRaiseMs && m_limit > m_limitBeforeRaise && m_limitBeforeRaise > 0) {
        cap = m_limit - 1;
        // Sent under a raise that went too far: what got through, but never below the limit that held for a second
        // before the raise (a measurement in a raised burst comes out low by the arrival spread).
        m_limit = std::max(m_limitBeforeRaise, std::min(letThrough, m_limit - 1));
        m_limitSetMs = now;
        measured = true;
    } else if (m_limit <= 0) {
        m_limit = letThrough; // the first measurement
        m_limitSetMs = now;
        measured = true;
    } else if (sentAt >= m_limitSetMs) {
        // Sent while this limit was kept (the rest of a burst sent before it tells nothing new).
        if (letThrough < m_limit) {
            m_limit = letThrough; // a limit raised too far by probing, or a lower limit
            m_limitSetMs = now;
            measured = true;
        } else {
            m_marginMs = std::min(MaxMarginMs, m_marginMs + MarginStepMs); // the limit held: arrival times drifted
        }
    }

    if (measured)
        m_measurement = Measurement{sentAt, now, letThrough, cap, sameMsBehind};

    if (m_lastReactionMs < 0 || (sentAt >= m_lastReactionMs && now - m_lastReactionMs >= ReactionMs)) {
        m_lastReactionMs = now;
        m_window = std::max(1.0, m_window / 2);
    }
    // A retry that must wait out ApiClient's back-off first goes with the burst after it, not alone in between.
    const qint64 retryAt = slotFrom(std::max(now, earliestRetry), earliestRetry > now);
    started(retryAt);
    return retryAt;
}
