#pragma once

#include <QDateTime>
#include <QString>

class QWidget;

// How times and durations are written for people: local time in the text, UTC on hover, and a
// coarse countdown (a per-second countdown "feels like it's rushing me", so seconds appear only
// in the last minute).
namespace TimeText {

// "2026-01-01 13:00:00" in local time; empty for an invalid time.
QString local(const QDateTime& utc);
// "2026-01-01 12:00:00 UTC", for tool tips.
QString utc(const QDateTime& utc);
// Sets text to local time and the tool tip to UTC on a QLabel-like widget (anything with setText).
void apply(QWidget* label, const QDateTime& utc, const QString& emptyText = {});

// "1 h 5 min", "42 min", "45 s", "expired"; "does not expire" for INT64_MAX.
QString coarseDuration(qint64 seconds);

} // namespace TimeText
