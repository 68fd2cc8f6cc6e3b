#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Small byte and text helpers shared by the servers (the sandbox's services, the CLI's local credential server),
// each written once.
namespace Bytes {

// True when a and b hold the same bytes. Every byte of the longer one is looked at whatever the contents, so the
// time taken tells nothing about where they differ (only, at most, that the lengths differ).
bool constantTimeEqual(const QByteArray& a, const QByteArray& b);

// "2026-05-21T10:39:29Z": milliseconds since the epoch as UTC ISO 8601 to the second, the form STS and the
// credentials URI use.
QString isoSeconds(qint64 msSinceEpoch);

// The decoded name/value pairs of a query string or an application/x-www-form-urlencoded body, in order, duplicates
// kept, empty parts skipped; plusIsSpace for form bodies (a query string's '+' stays a '+').
QList<QPair<QByteArray, QByteArray>> decodePairs(const QByteArray& raw, bool plusIsSpace);

} // namespace Bytes
