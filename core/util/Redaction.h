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

// Replaces every occurrence of each secret (of at least 4 characters) in text with "****", in every spelling
// a reader could undo (see secretSpellings), and the values of JSON members and name=value pairs whose
// names look secret (AccessKeySecret, SecurityToken, Password, ...).
QString redactSecrets(const QString& text, const QStringList& secrets = {});

// The spellings of a secret value that a body may carry: as is, JSON-escaped ("\/", "\u002f"),
// percent-encoded, and its base64 variants (URL-safe alphabet, without padding).
QStringList secretSpellings(const QString& secret);

// Whether a member (JSON) or element (XML) name says its value is secret, compared on meaning: after
// unescaping, case-insensitively, ignoring '_', '-' and invisible format characters (U+FEFF).
// AccessKeySecret, SecurityToken, sts_token, access_key_secret, Password, ...; AccessKeyId counts (masked).
bool isSecretMemberName(const QString& name);

// A short, single-line excerpt of an answer body with secrets removed, for error messages. Decides on
// meaning: a body that parses as JSON (or XML) is excerpted from a re-serialised copy in which every value
// under a secret member, and every value equal to or containing a known secret, is replaced by "****" (an
// AccessKeyId is masked). A body that does not parse is prefixed "(not JSON, N bytes)" and shown only up to
// the first string that could hide a secret. Every path that shows a server's body goes through here.
QString bodyExcerpt(const QByteArray& body, const QStringList& secrets = {}, int maxChars = 200);

} // namespace Redaction
