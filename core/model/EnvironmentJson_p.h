#pragma once

// Internal: how Environment reads one JSON value, shared by Environment::fromJson (Qt's DOM) and
// EnvironmentPageParser (simdjson) so that both give the same values for the same answer.
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace EnvironmentJson {
QString text(const QJsonValue& v); // strings as they are, numbers without losing digits, booleans as true/false
qint64 integer(const QJsonValue& v);
double number(const QJsonValue& v);
bool boolean(const QJsonValue& v);
// The string branches of the above (a JSON string's decoded text).
qint64 integerFromString(const QString& s);
double numberFromString(const QString& s);
bool booleanFromString(const QString& s);
QDateTime epochMs(qint64 ms); // invalid for ms <= 0
} // namespace EnvironmentJson
