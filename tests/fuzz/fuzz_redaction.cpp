// Redaction::bodyExcerpt on any body (JSON, XML, anything): never crashes, stays short, and shows neither a value
// under a secret member (decided after unescaping) nor a known secret in any spelling.
#include "FuzzSupport.h"

#include "util/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
void collect(const QJsonValue& value, QStringList* secret, QStringList* any)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString()) {
                *any << it.value().toString();
                if (Redaction::isSecretMemberName(it.key()))
                    *secret << it.value().toString();
            }
            collect(it.value(), secret, any);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            if (item.isString())
                *any << item.toString();
            collect(item, secret, any);
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);
    const QString plain = Redaction::bodyExcerpt(body, {}, 200);
    FUZZ_CHECK(plain.size() <= 200 + 24 + 3, "an excerpt longer than its limit");
    QStringList secretValues;
    QStringList anyValues;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject() || doc.isArray()) {
        collect(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), &secretValues, &anyValues);
        const QString full = Redaction::bodyExcerpt(body, {}, 1 << 20);
        for (const QString& secret : secretValues) {
            // A secret value may also be written elsewhere in the body under a harmless name.
            if (FuzzSupport::distinctive(secret) && anyValues.count(secret) == secretValues.count(secret))
                FUZZ_CHECK(!FuzzSupport::shows(full, secret), "a secret member's value shows");
        }
    }
    // Any distinctive string of the body, declared a known secret, must vanish whatever the body's shape.
    const QString text = QString::fromUtf8(body);
    for (qsizetype at = text.indexOf(QLatin1Char('"')); at >= 0 && at + 13 < text.size();
         at = text.indexOf(QLatin1Char('"'), at + 1)) {
        const QString candidate = text.mid(at + 1, 16);
        // U+FFFD is what invalid UTF-8 decodes to, never part of a real secret (ASCII, base64): a candidate with one
        // could be "shown" by FuzzSupport::readable decoding an invalid percent escape ("%Z") into another U+FFFD
        // (findings/redaction/crash-c81b...: the excerpt was right, the check was not).
        if (!FuzzSupport::distinctive(candidate) || candidate.contains(QLatin1Char('\\')) ||
            candidate.contains(QLatin1Char('"')) || candidate.contains(QChar::ReplacementCharacter))
            continue;
        const QString shown = Redaction::bodyExcerpt(body, {candidate}, 1 << 20);
        FUZZ_CHECK(!FuzzSupport::shows(shown, candidate), "a known secret shows");
        FUZZ_CHECK(!Redaction::redactSecrets(text, {candidate}).contains(candidate), "redactSecrets left a secret");
        break;
    }
    return 0;
}
