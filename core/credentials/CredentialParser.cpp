#include "CredentialParser.h"

#include "util/Clock.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace CredentialParser {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CredentialParser", text);
}

// The secret values an answer carries, even when the answer as a whole is rejected, so that no
// error excerpt can echo them.
QStringList answerSecrets(const QJsonObject& object)
{
    QStringList secrets;
    for (const char* key : {"AccessKeySecret", "SecurityToken"}) {
        const QString value = object.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            secrets << value;
    }
    return secrets;
}

CredentialError makeError(const QString& source, int status, const QString& message, const QByteArray& body,
                          const QStringList& secrets)
{
    CredentialError e;
    e.source = source;
    e.httpStatus = status;
    e.message = message;
    e.bodyExcerpt = Redaction::bodyExcerpt(body, secrets);
    return e;
}

CredentialResult judge(const QByteArray& body, int status, const QString& source, const Clock& clock)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return CredentialResult::failure(
            makeError(source, status,
                      tr("The answer is not valid JSON (%1 at offset %2). Check that the address really serves "
                         "credentials.")
                          .arg(parseError.errorString())
                          .arg(parseError.offset),
                      body, {}));
    }
    if (!doc.isObject()) {
        return CredentialResult::failure(makeError(
            source, status,
            tr("The answer is JSON but not an object. Check that the address really serves credentials."), body, {}));
    }
    const QJsonObject object = doc.object();
    const QStringList secrets = answerSecrets(object);

    if (object.contains(QLatin1String("Code"))) {
        const QString code = object.value(QLatin1String("Code")).toString();
        if (code != QLatin1String("Success")) {
            return CredentialResult::failure(makeError(
                source, status,
                tr("The answer's Code is \"%1\", not \"Success\": the service refused to hand out credentials. "
                   "Read its message below and check the environment's RAM role.")
                    .arg(Redaction::redactSecrets(code.left(80), secrets)),
                body, secrets));
        }
    }

    QStringList missing;
    for (const char* key : {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
        const QJsonValue v = object.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty())
            missing << QLatin1String(key);
    }
    if (!missing.isEmpty()) {
        return CredentialResult::failure(
            makeError(source, status,
                      tr("The answer lacks %1 (missing or empty). A credentials answer needs AccessKeyId, "
                         "AccessKeySecret, SecurityToken and Expiration; check what serves it.")
                          .arg(missing.join(QStringLiteral(", "))),
                      body, secrets));
    }

    const QString expirationText = object.value(QLatin1String("Expiration")).toString();
    const QDateTime expiration = parseExpiration(expirationText);
    if (!expiration.isValid()) {
        return CredentialResult::failure(
            makeError(source, status,
                      tr("The Expiration \"%1\" is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ (optionally with "
                         ".mmm milliseconds); other forms are refused so that the expiry is never misread.")
                          .arg(Redaction::redactSecrets(expirationText.left(60), secrets)),
                      body, secrets));
    }
    const QDateTime now = clock.nowUtc();
    if (expiration <= now) {
        return CredentialResult::failure(
            makeError(source, status,
                      tr("The credential arrived already expired (Expiration %1, now %2). Check the machine's clock "
                         "and whether the service renews its credentials.")
                          .arg(expiration.toString(Qt::ISODate), now.toString(Qt::ISODate)),
                      body, secrets));
    }
    Credential credential(object.value(QLatin1String("AccessKeyId")).toString(), secrets.value(0), secrets.value(1),
                          expiration, source);
    return CredentialResult::success(std::move(credential));
}

} // namespace

QDateTime parseExpiration(const QString& text)
{
    static const QRegularExpression form(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{3}))?Z$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(),
                     m.captured(7).isEmpty() ? 0 : m.captured(7).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

CredentialResult parse(const QByteArray& body, int httpStatus, const QString& sourceDescription, const Clock& clock)
{
    if (httpStatus != 200) {
        QStringList secrets;
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject())
            secrets = answerSecrets(doc.object());
        QString hint;
        if (httpStatus == 403 || httpStatus == 401)
            hint = tr("The service refused access: check that this machine may read the credentials (inside a "
                      "DataWorks individual development environment, that a RAM role is attached).");
        else if (httpStatus >= 500)
            hint = tr("The service failed: try again in a moment; if it persists, restart the environment.");
        else
            hint = tr("Check the address: only HTTP 200 carries credentials.");
        CredentialError error = makeError(sourceDescription, httpStatus,
                                          tr("Unexpected HTTP status %1. %2").arg(httpStatus).arg(hint), body, secrets);
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            error.serviceCode = Redaction::redactSecrets(o.value(QLatin1String("Code")).toString(), secrets);
            error.serviceMessage = Redaction::redactSecrets(o.value(QLatin1String("Message")).toString(), secrets);
        }
        // [inferred] Which answers no retry can fix: the in-environment service's error codes are not published, so
        // this reads HTTP statuses (4xx but 408 time-out and 429 throttling) and codes that name a state someone must
        // change (an environment not running, no role associated).
        error.configuration = (httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429) ||
                              error.serviceCode.contains(QLatin1String("NotRunning")) ||
                              error.serviceCode.contains(QLatin1String("NoRole"));
        return CredentialResult::failure(error);
    }
    return judge(body, httpStatus, sourceDescription, clock);
}

CredentialResult parseBody(const QByteArray& body, const QString& sourceDescription, const Clock& clock)
{
    return judge(body, 0, sourceDescription, clock);
}

} // namespace CredentialParser
