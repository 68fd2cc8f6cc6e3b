#pragma once

#include <QDateTime>

// The source of "now" for everything that depends on time: expiry countdowns, refresh schedules,
// signature dates, audit records. Production code uses Clock::system(); tests inject a MockClock
// (tests/support/MockClock.h) and move time by hand instead of waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    qint64 nowMSecsSinceEpoch() const { return nowUtc().toMSecsSinceEpoch(); }

    // The process-wide wall clock. Never null.
    static const Clock* system();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};
