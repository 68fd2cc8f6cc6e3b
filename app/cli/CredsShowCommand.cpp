#include "CredsShowCommand.h"

#include "CredsOptions.h"

#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CredsShowCommand", text);
}
} // namespace

QString CredsShowCommand::summary() const
{
    return tr("Show the current credential of a source (masked) and its state.");
}

QString CredsShowCommand::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return tr("expired %1 ago").arg(formatDuration(-seconds));
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return tr("%1h %2m").arg(h).arg(m, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1m %2s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(s);
}

int CredsShowCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    CredsOptions credsOptions;
    credsOptions.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object instead of text."));
    parser.addOption(json);
    if (const auto code = parse(parser, inv))
        return *code;

    QObject owner;
    int exitCode = CliExit::Usage;
    CredentialSource* source = credsOptions.fetchOnce(parser, inv, &owner, &exitCode);
    if (!source)
        return exitCode;
    const Clock& clock = inv.context.credentials.clockRef();

    const QDateTime now = clock.nowUtc();
    const CredentialSource::State state = source->state();
    const bool usable = state == CredentialSource::State::Fresh || state == CredentialSource::State::RefreshDue;
    const Credential& credential = source->lastCredential();
    QString reason;
    if (!source->lastError().isNull())
        reason = source->lastError().toString();
    else if (!usable)
        reason = tr("The credential has expired.");
    const QString sourceText = credential.isNull() ? source->provider()->description() : credential.source();

    if (parser.isSet(json)) {
        // The JSON contract is never translated.
        QJsonObject o;
        o.insert(QStringLiteral("source"), sourceText);
        o.insert(QStringLiteral("accessKeyId"),
                 credential.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(credential.maskedKeyId()));
        o.insert(QStringLiteral("expiration"),
                 credential.expires()
                     ? QJsonValue(credential.expiration().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")))
                     : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("secondsLeft"),
                 credential.expires() ? QJsonValue(double(credential.secondsLeft(now))) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("state"), CredentialSource::stateName(state));
        o.insert(QStringLiteral("error"), reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reason));
        inv.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        inv.out << tr("Source:       %1").arg(sourceText) << '\n';
        if (!credential.isNull()) {
            inv.out << tr("AccessKeyId:  %1").arg(credential.maskedKeyId()) << '\n';
            if (credential.expires()) {
                const QDateTime exp = credential.expiration();
                inv.out << tr("Expiration:   %1 (%2 UTC)")
                               .arg(exp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")),
                                    exp.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                        << '\n';
                inv.out << tr("Time left:    %1").arg(formatDuration(credential.secondsLeft(now))) << '\n';
            } else {
                inv.out << tr("Expiration:   never (a long-term AccessKey)") << '\n';
            }
        }
        inv.out << tr("State:        %1").arg(CredentialSource::stateText(state)) << '\n';
    }
    if (!usable) {
        inv.err << tr("Credentials unusable: %1").arg(reason) << '\n';
        return CliExit::CredentialsUnusable;
    }
    return CliExit::Ok;
}
