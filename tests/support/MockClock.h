#pragma once

#include "util/Clock.h"

// A clock that only moves when a test moves it.
class MockClock : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC))
        : m_now(start.toUTC())
    {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& utc) { m_now = utc.toUTC(); }
    void advanceSecond(qint64 s = 1) { m_now = m_now.addSecs(s); }
    void advanceMinute(qint64 m = 1) { m_now = m_now.addSecs(m * 60); }
    void advanceHour(qint64 h = 1) { m_now = m_now.addSecs(h * 3600); }
    void advanceMSecs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};
