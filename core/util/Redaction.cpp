#include "Redaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

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

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Redaction", text);
}

const QString kMask = QStringLiteral("****");

int hexValue(QChar c)
{
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// text with the escapes a reader undoes in their head undone: JSON (\uXXXX, \/, \n, and leniently any \x),
// percent-encoding of ASCII (%2F) and XML character references (&#47; &#x2f; &amp;). rawStart[i] is the index in
// text where decoded character i begins; rawStart has one more entry, text.size(), for the end.
struct Decoded
{
    QString text;
    QList<qsizetype> rawStart;
    bool cleanJsonEscapes = true; // no backslash escape that JSON would refuse
};

Decoded decodeLeniently(QStringView text)
{
    Decoded d;
    d.text.reserve(text.size());
    d.rawStart.reserve(text.size() + 1);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype at = i;
        const QChar c = text.at(i);
        QChar out = c;
        qsizetype used = 1;
        if (c == QLatin1Char('\\') && i + 1 < n) {
            const QChar e = text.at(i + 1);
            used = 2;
            switch (e.unicode()) {
            case 'n':
                out = QLatin1Char('\n');
                break;
            case 't':
                out = QLatin1Char('\t');
                break;
            case 'r':
                out = QLatin1Char('\r');
                break;
            case 'b':
                out = QChar(8);
                break;
            case 'f':
                out = QChar(12);
                break;
            case '"':
            case '\\':
            case '/':
                out = e;
                break;
            case 'u': {
                int value = 0;
                bool ok = i + 5 < n;
                for (qsizetype k = 0; ok && k < 4; ++k) {
                    const int h = hexValue(text.at(i + 2 + k));
                    ok = h >= 0;
                    value = value * 16 + h;
                }
                if (ok) {
                    out = QChar(ushort(value));
                    used = 6;
                } else {
                    out = e;
                    d.cleanJsonEscapes = false;
                }
                break;
            }
            default:
                out = e;
                d.cleanJsonEscapes = false;
                break;
            }
        } else if (c == QLatin1Char('%') && i + 2 < n && hexValue(text.at(i + 1)) >= 0 &&
                   hexValue(text.at(i + 2)) >= 0) {
            const int value = hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2));
            if (value < 0x80) {
                out = QChar(ushort(value));
                used = 3;
            }
        } else if (c == QLatin1Char('&')) {
            const qsizetype semi = text.indexOf(QLatin1Char(';'), i + 1);
            if (semi > i + 1 && semi - i <= 10) {
                const QStringView entity = text.mid(i + 1, semi - i - 1);
                bool ok = false;
                uint value = 0;
                if (entity.startsWith(QLatin1String("#x")) || entity.startsWith(QLatin1String("#X")))
                    value = entity.mid(2).toUInt(&ok, 16);
                else if (entity.startsWith(QLatin1Char('#')))
                    value = entity.mid(1).toUInt(&ok, 10);
                else if (entity == QLatin1String("amp"))
                    value = '&', ok = true;
                else if (entity == QLatin1String("lt"))
                    value = '<', ok = true;
                else if (entity == QLatin1String("gt"))
                    value = '>', ok = true;
                else if (entity == QLatin1String("quot"))
                    value = '"', ok = true;
                else if (entity == QLatin1String("apos"))
                    value = '\'', ok = true;
                if (ok && value < 0x10000) {
                    out = QChar(ushort(value));
                    used = semi - i + 1;
                }
            }
        }
        d.text += out;
        d.rawStart.append(at);
        i += used;
    }
    d.rawStart.append(n);
    return d;
}

// Every spelling of the secrets that could be searched for in decoded text (at least 4 characters).
QStringList searchSpellings(const QStringList& secrets)
{
    QStringList all;
    for (const QString& secret : secrets) {
        for (const QString& spelling : secretSpellings(secret)) {
            if (spelling.size() >= 4 && !all.contains(spelling))
                all << spelling;
        }
    }
    // Longest first, so that a secret containing another is replaced as a whole.
    std::sort(all.begin(), all.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return all;
}

// Replaces every known secret in text, in any spelling decodeLeniently undoes, by "****".
QString replaceKnownSecrets(const QString& text, const QStringList& secrets)
{
    const QStringList spellings = searchSpellings(secrets);
    if (spellings.isEmpty() || text.isEmpty())
        return text;
    const Decoded decoded = decodeLeniently(text);
    QList<QPair<qsizetype, qsizetype>> ranges; // raw [start, end)
    // As written (a secret may itself contain what looks like an escape, "%2F" or "\\u0041")...
    for (const QString& spelling : spellings) {
        for (qsizetype at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.size()))
            ranges.append({at, at + spelling.size()});
    }
    // ... and as a reader decodes it.
    for (const QString& spelling : spellings) {
        for (qsizetype at = decoded.text.indexOf(spelling); at >= 0;
             at = decoded.text.indexOf(spelling, at + spelling.size()))
            ranges.append({decoded.rawStart.at(at), decoded.rawStart.at(at + spelling.size())});
    }
    if (ranges.isEmpty())
        return text;
    std::sort(ranges.begin(), ranges.end());
    QString out;
    qsizetype pos = 0;
    for (qsizetype k = 0; k < ranges.size();) {
        qsizetype start = ranges.at(k).first;
        qsizetype end = ranges.at(k).second;
        for (++k; k < ranges.size() && ranges.at(k).first <= end; ++k)
            end = qMax(end, ranges.at(k).second);
        start = qMax(start, pos);
        out += QStringView(text).mid(pos, start - pos);
        out += kMask;
        pos = end;
    }
    out += QStringView(text).mid(pos);
    return out;
}

QString normalizedName(const QString& name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Format || c.isSpace() || c == QLatin1Char('_') || c == QLatin1Char('-'))
            continue;
        out += c.toLower();
    }
    return out;
}

bool isKeyIdName(const QString& name)
{
    const QString n = normalizedName(name);
    return n == QLatin1String("accesskeyid");
}

// A value that could be a generated secret: 20 or more characters of the base64 alphabets with letters and
// digits. Used only where the structure cannot be trusted (a body that is not JSON).
bool couldBeSecret(QStringView value)
{
    int run = 0;
    bool lower = false;
    bool upper = false;
    bool digit = false;
    for (const QChar c : value) {
        const bool isLower = c >= QLatin1Char('a') && c <= QLatin1Char('z');
        const bool isUpper = c >= QLatin1Char('A') && c <= QLatin1Char('Z');
        const bool isDigit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (isLower || isUpper || isDigit || c == QLatin1Char('+') || c == QLatin1Char('/') || c == QLatin1Char('=') ||
            c == QLatin1Char('_')) {
            ++run;
            lower = lower || isLower;
            upper = upper || isUpper;
            digit = digit || isDigit;
            // Random base64 of 20 characters almost always mixes letters and digits; longer runs may lack digits.
            if ((run >= 20 && (lower || upper) && digit) || (run >= 32 && lower && upper))
                return true;
        } else {
            run = 0;
            lower = upper = digit = false;
        }
    }
    return false;
}

QJsonValue redactJson(const QJsonValue& value, const QStringList& secrets);

// The values under secret members anywhere in a parsed body: the same value written under a harmless name
// elsewhere in the body must go too.
void collectSecretValues(const QJsonValue& value, QStringList* out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretMemberName(it.key()) && !isKeyIdName(it.key()) && it.value().isString() &&
                it.value().toString().size() >= 4)
                *out << it.value().toString();
            collectSecretValues(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectSecretValues(item, out);
    }
}

QJsonValue redactMember(const QString& name, const QJsonValue& value, const QStringList& secrets)
{
    if (isKeyIdName(name))
        return value.isString() ? QJsonValue(maskKeyId(value.toString())) : QJsonValue(kMask);
    if (isSecretMemberName(name))
        return QJsonValue(kMask);
    return redactJson(value, secrets);
}

QJsonValue redactJson(const QJsonValue& value, const QStringList& secrets)
{
    if (value.isString())
        return QJsonValue(redactSecrets(value.toString(), secrets));
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(redactJson(item, secrets));
        return out;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(redactSecrets(it.key(), secrets), redactMember(it.key(), it.value(), secrets));
        return out;
    }
    return value;
}

// An XML body rebuilt with the text of secret elements and every known secret hidden; empty if not XML.
QString redactXml(const QByteArray& body, const QStringList& secrets, bool* ok)
{
    QXmlStreamReader xml(body);
    QString out;
    QStringList open;
    int secretDepth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            open << name;
            if (secretDepth > 0 || isSecretMemberName(name))
                ++secretDepth;
            out += QLatin1Char('<') + name;
            for (const QXmlStreamAttribute& attribute : xml.attributes()) {
                const QString attributeName = attribute.name().toString();
                const QString shown =
                    isSecretMemberName(attributeName) ? kMask : redactSecrets(attribute.value().toString(), secrets);
                out += QLatin1Char(' ') + attributeName + QStringLiteral("=\"") + shown + QLatin1Char('"');
            }
            out += QLatin1Char('>');
        } else if (token == QXmlStreamReader::Characters) {
            if (secretDepth > 0) {
                if (!xml.isWhitespace() && !out.endsWith(kMask))
                    out += kMask;
            } else {
                out += redactSecrets(xml.text().toString(), secrets);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (secretDepth > 0)
                --secretDepth;
            if (!open.isEmpty())
                open.removeLast();
            out += QStringLiteral("</") + xml.name().toString() + QLatin1Char('>');
        }
    }
    *ok = !xml.hasError() && !out.isEmpty();
    return out;
}

// A body that is not JSON (nor XML): its structure cannot be trusted, so every quoted string under a secret
// name, every string that could be a secret, and every run of text that could be one is hidden, and the excerpt
// ends at the first string whose escapes JSON would refuse (what it spells cannot be known).
QString redactUnstructured(const QString& text)
{
    QString out;
    bool secretValuePending = false;
    qsizetype i = 0;
    const qsizetype n = text.size();
    qsizetype plainStart = 0;
    auto flushPlain = [&](qsizetype end) {
        const QStringView plain = QStringView(text).mid(plainStart, end - plainStart);
        // Unquoted runs that could be secrets (a token in an HTML page or a plain-text echo).
        static const QRegularExpression run(QStringLiteral("[A-Za-z0-9+/=_]{20,}"));
        QString piece = plain.toString();
        QString rebuilt;
        qsizetype last = 0;
        for (auto it = run.globalMatch(piece); it.hasNext();) {
            const auto m = it.next();
            if (!couldBeSecret(m.capturedView()))
                continue;
            rebuilt += QStringView(piece).mid(last, m.capturedStart() - last);
            rebuilt += kMask;
            last = m.capturedEnd();
        }
        rebuilt += QStringView(piece).mid(last);
        out += rebuilt;
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (secretValuePending && !c.isSpace() && c != QLatin1Char(':') && c != QLatin1Char('"')) {
            // An unquoted value (number, literal, garbage) under a secret name.
            flushPlain(i);
            qsizetype end = i;
            while (end < n && text.at(end) != QLatin1Char(',') && text.at(end) != QLatin1Char('}') &&
                   text.at(end) != QLatin1Char(']') && text.at(end) != QLatin1Char('\n'))
                ++end;
            out += kMask;
            i = plainStart = end;
            secretValuePending = false;
            continue;
        }
        if (c != QLatin1Char('"')) {
            ++i;
            continue;
        }
        flushPlain(i);
        qsizetype end = i + 1;
        while (end < n && text.at(end) != QLatin1Char('"')) {
            if (text.at(end) == QLatin1Char('\\'))
                ++end;
            ++end;
        }
        const bool closed = end < n;
        const QStringView raw = QStringView(text).mid(i + 1, qMin(end, n) - i - 1);
        const Decoded decoded = decodeLeniently(raw);
        qsizetype after = closed ? end + 1 : n;
        qsizetype look = after;
        while (look < n && text.at(look).isSpace())
            ++look;
        const bool isName = look < n && text.at(look) == QLatin1Char(':');
        if (isName) {
            secretValuePending = isSecretMemberName(decoded.text);
            out += QLatin1Char('"') + raw + (closed ? QStringLiteral("\"") : QString());
        } else if (secretValuePending) {
            out += QLatin1Char('"') + kMask + (closed ? QStringLiteral("\"") : QString());
            secretValuePending = false;
        } else if (!decoded.cleanJsonEscapes) {
            out += QStringLiteral("\"...");
            return out;
        } else if (couldBeSecret(decoded.text)) {
            out += QLatin1Char('"') + kMask + (closed ? QStringLiteral("\"") : QString());
        } else {
            out += QLatin1Char('"') + raw + (closed ? QStringLiteral("\"") : QString());
        }
        i = plainStart = after;
    }
    flushPlain(n);
    return out;
}

QString singleLine(QString text, int maxChars)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("...");
    return text;
}

} // namespace

QStringList secretSpellings(const QString& secret)
{
    if (secret.isEmpty())
        return {};
    QStringList spellings{secret};
    QString escapedSlash = secret;
    escapedSlash.replace(QLatin1Char('/'), QStringLiteral("\\/"));
    spellings << escapedSlash;
    spellings << QString::fromLatin1(QUrl::toPercentEncoding(secret));
    // Base64 variants: the URL-safe alphabet, and either without padding.
    QString urlSafe = secret;
    urlSafe.replace(QLatin1Char('+'), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('_'));
    QString unpadded = secret;
    while (unpadded.endsWith(QLatin1Char('=')))
        unpadded.chop(1);
    QString urlSafeUnpadded = urlSafe;
    while (urlSafeUnpadded.endsWith(QLatin1Char('=')))
        urlSafeUnpadded.chop(1);
    spellings << urlSafe << unpadded << urlSafeUnpadded;
    spellings.removeDuplicates();
    return spellings;
}

bool isSecretMemberName(const QString& name)
{
    const QString n = normalizedName(name);
    if (n.isEmpty())
        return false;
    static const QStringList exact = {QStringLiteral("accesskeyid"),   QStringLiteral("signature"),
                                      QStringLiteral("authorization"), QStringLiteral("passwd"),
                                      QStringLiteral("privatekey"),    QStringLiteral("credential"),
                                      QStringLiteral("credentials")};
    return exact.contains(n) || n.endsWith(QLatin1String("secret")) || n.endsWith(QLatin1String("token")) ||
           n.endsWith(QLatin1String("password"));
}

QString redactSecrets(const QString& text, const QStringList& secrets)
{
    QString out = replaceKnownSecrets(text, secrets);
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
    if (body.isEmpty())
        return {};
    // JSON: decide on the parsed meaning, show a re-serialised copy.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        const QJsonValue parsed = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        QStringList known = secrets;
        collectSecretValues(parsed, &known);
        const QJsonValue redacted = redactJson(parsed, known);
        const QJsonDocument shown =
            redacted.isObject() ? QJsonDocument(redacted.toObject()) : QJsonDocument(redacted.toArray());
        return singleLine(replaceKnownSecrets(QString::fromUtf8(shown.toJson(QJsonDocument::Compact)), known),
                          maxChars);
    }
    // XML (MaxCompute errors): the same on the parsed elements.
    if (body.trimmed().startsWith('<')) {
        bool ok = false;
        const QString xml = redactXml(body, secrets, &ok);
        if (ok)
            return singleLine(replaceKnownSecrets(xml, secrets), maxChars);
    }
    // Neither: show only what cannot hide a secret, and say so.
    const QString text = QString::fromUtf8(body.left(qMax(maxChars, 0) * 4));
    const QString shown = redactUnstructured(redactSecrets(text, secrets));
    return singleLine(tr("(not JSON, %1 bytes)").arg(body.size()) + QLatin1Char(' ') + shown, maxChars + 24);
}

} // namespace Redaction
