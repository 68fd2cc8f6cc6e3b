#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

// The one place that decides how secrets and identifiers are hidden before anything is printed.
namespace Redaction {

// "STS.NUgYrLnoC37mZZCNnAbez7Ab7" -> "STS.****Ab7": the first 4 and last 3 characters around ****.
// Ids of 8 characters or fewer are fully masked ("****") since the ends would reveal most of them.
QString maskKeyId(const QString& keyId);

// A URL safe to show: user info removed, the query and fragment replaced by "****" when present, and
// path segments that look like generated tokens (a credentials server's secret path) replaced by "****".
QString redactUrl(const QUrl& url);

// Replaces every occurrence of each secret (of at least 4 characters) in text with "****", and the
// values of JSON members whose names look secret (AccessKeySecret, SecurityToken, Password, ...).
QString redactSecrets(const QString& text, const QStringList& secrets = {});

// A short, single-line excerpt of an answer body with secrets removed, for error messages.
QString bodyExcerpt(const QByteArray& body, const QStringList& secrets = {}, int maxChars = 200);

} // namespace Redaction
