#include "Redaction.h"

#include <QRegularExpression>

namespace Redaction {

namespace {
// 16 or more characters of [A-Za-z0-9_-] with both letters and digits, or 32 or more of them: a token, not a name like
// "credentials" or an id like "0" (instance ids such as "i-abc123" are shorter than tokens).
bool looksLikeToken(const QString& segment)
{
    if (segment.size() < 16)
        return false;
    bool letter = false;
    bool digit = false;
    for (const QChar c : segment) {
        if (c.isDigit() && c.unicode() < 128)
            digit = true;
        else if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            letter = true;
        else if (c != QLatin1Char('-') && c != QLatin1Char('_'))
            return false;
    }
    // Long random strings may by chance lack digits (base64url of 256 bits: 43 characters).
    return letter && (digit || segment.size() >= 32);
}
} // namespace

QString maskKeyId(const QString& keyId)
{
    if (keyId.size() <= 8)
        return keyId.isEmpty() ? QString() : QStringLiteral("****");
    return keyId.left(4) + QStringLiteral("****") + keyId.right(3);
}

QString redactUrl(const QUrl& url)
{
    if (!url.isValid())
        return QStringLiteral("<invalid URL>");
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    // A credentials service may carry its secret in the path (roledesk-cli serve, the sandbox, aws-vault
    // style servers): hide every segment that looks like a generated token rather than a word or a number.
    QStringList segments = shown.path(QUrl::FullyEncoded).split(QLatin1Char('/'));
    for (QString& segment : segments) {
        if (looksLikeToken(segment))
            segment = QStringLiteral("****");
    }
    shown.setPath(segments.join(QLatin1Char('/')), QUrl::TolerantMode);
    QString text = shown.toString(QUrl::FullyEncoded);
    if (url.hasQuery())
        text += QStringLiteral("?****");
    return text;
}

QString redactSecrets(const QString& text, const QStringList& secrets)
{
    QString out = text;
    for (const QString& secret : secrets) {
        if (secret.size() >= 4)
            out.replace(secret, QStringLiteral("****"));
    }
    // JSON members ("Name": "value") and form/query pairs (Name=value) whose names say they are secret.
    // The closing quote is optional: a cut-off answer ends inside its last value, which must still go.
    static const QRegularExpression jsonSecret(
        QStringLiteral(
            R"re(("(?:AccessKeySecret|SecurityToken|AccessKeyId|Password|Secret|Token|access_key_secret|sts_token)"\s*:\s*")((?:[^"\\]|\\.)*)("?))re"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(jsonSecret, QStringLiteral("\\1****\\3"));
    static const QRegularExpression pairSecret(
        QStringLiteral(R"re(\b(AccessKeySecret|SecurityToken|Signature|access_key_secret)=([^&\s]*))re"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(pairSecret, QStringLiteral("\\1=****"));
    return out;
}

QString bodyExcerpt(const QByteArray& body, const QStringList& secrets, int maxChars)
{
    QString text = QString::fromUtf8(body.left(maxChars * 4));
    text = redactSecrets(text, secrets);
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("...");
    return text;
}

} // namespace Redaction
