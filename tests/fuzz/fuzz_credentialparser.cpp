// The credentials answer parser: never crashes, and no secret the answer carries (under any member spelling) shows
// in any message, whatever the status or the answer's shape.
#include "FuzzSupport.h"

#include "credentials/CredentialParser.h"
#include "util/Clock.h"
#include "util/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
class FixedClock : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC); }
};

void collectSecrets(const QJsonValue& value, QStringList* out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Redaction::isSecretMemberName(it.key()) && it.value().isString() &&
                it.key().compare(QLatin1String("AccessKeyId"), Qt::CaseInsensitive) != 0)
                *out << it.value().toString();
            collectSecrets(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectSecrets(item, out);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const FixedClock clock;
    const QByteArray body = FuzzSupport::bytes(data, size);
    QStringList secrets;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    collectSecrets(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), &secrets);
    for (const int status : {200, 500}) {
        const CredentialResult r = CredentialParser::parse(body, status, QStringLiteral("fuzz"), clock);
        if (r.ok())
            continue; // a good answer carries its secrets on purpose
        const QString text = r.error.toString();
        for (const QString& secret : secrets) {
            if (FuzzSupport::distinctive(secret))
                FUZZ_CHECK(!FuzzSupport::shows(text, secret), "a secret shows in a credentials error");
        }
    }
    CredentialParser::parseBody(body, QStringLiteral("fuzz"), clock);
    return 0;
}
