#include "CredsWatchCommand.h"

#include "CliJson.h"
#include "CliSession.h"
#include "CredsShowCommand.h"
#include "SignalWatcher.h"

#include "api/StsClient.h"
#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QEventLoop>

QString CredsWatchCommand::summary() const
{
    return tr("Print a credential source's state changes as they happen, until interrupted.");
}

int CredsWatchCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser, false, false);
    if (const auto code = parse(parser, inv))
        return *code;
    CliSession session(inv, parser, global);
    int exitCode = CliExit::Failure;
    QObject owner;
    CredentialProvider* provider = session.createProvider(nullptr, &exitCode);
    if (!provider)
        return exitCode;
    const Clock& clock = session.clock();
    auto* source = new CredentialSource(provider, &clock, &owner);
    const bool json = session.json();

    const auto print = [&](const QString& event) {
        const QDateTime now = clock.nowUtc();
        const Credential& c = source->lastCredential();
        const QString error = event == QLatin1String("error") ? source->lastError().toString() : QString();
        if (json) {
            QJsonObject o;
            o.insert(QStringLiteral("time"), CliJson::isoUtc(now));
            o.insert(QStringLiteral("event"), event);
            o.insert(QStringLiteral("state"), CredentialSource::stateName(source->state()));
            o.insert(QStringLiteral("source"), c.isNull() ? provider->description() : c.source());
            o.insert(QStringLiteral("accessKeyId"), c.isNull() ? QJsonValue() : QJsonValue(c.maskedKeyId()));
            o.insert(QStringLiteral("expiration"), CliJson::isoUtc(c.expiration()));
            o.insert(QStringLiteral("secondsLeft"),
                     c.expires() ? QJsonValue(double(c.secondsLeft(now))) : QJsonValue());
            o.insert(QStringLiteral("error"), CliJson::stringOrNull(error));
            o.insert(QStringLiteral("nextAttempt"), CliJson::isoUtc(source->nextAttemptUtc()));
            inv.out << QString::fromUtf8(CliJson::toLine(o));
        } else {
            QString line = now.toLocalTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") +
                           CredentialSource::stateText(source->state());
            if (event == QLatin1String("credential"))
                line += QStringLiteral("  ") + tr("new credential %1 from %2").arg(c.maskedKeyId(), c.source());
            if (c.expires())
                line += QStringLiteral("  ") +
                        tr("expires in %1").arg(CredsShowCommand::formatDuration(c.secondsLeft(now)));
            if (!error.isEmpty())
                line += QStringLiteral("  ") + error;
            if (event == QLatin1String("error") && source->nextAttemptUtc().isValid())
                line += QStringLiteral("  ") +
                        tr("(next try %1)")
                            .arg(source->nextAttemptUtc().toLocalTime().toString(QStringLiteral("HH:mm:ss")));
            inv.out << line << '\n';
        }
        inv.out.flush();
    };
    QObject::connect(source, &CredentialSource::stateChanged, &owner, [&] { print(QStringLiteral("state")); });
    QObject::connect(source, &CredentialSource::credentialChanged, &owner,
                     [&] { print(QStringLiteral("credential")); });
    QObject::connect(source, &CredentialSource::refreshFailed, &owner, [&] { print(QStringLiteral("error")); });

    QEventLoop loop;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::signalled, &loop, &QEventLoop::quit);
    source->start();
    loop.exec();
    return CliExit::Ok;
}

QString CredsValidateCommand::summary() const
{
    return tr("Check a credential with STS GetCallerIdentity: who it is, and whether it works.");
}

int CredsValidateCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    if (const auto code = parse(parser, inv))
        return *code;
    CliSession session(inv, parser, global);
    if (const auto code = session.openWithCredential())
        return *code;
    CallerIdentity identity;
    const ApiError apiError = session.callerIdentity(&identity);
    if (apiError.isError())
        return session.reportApiError(
            apiError, tr("The credential from %1 did not pass GetCallerIdentity").arg(session.credential().source()));
    if (session.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("arn"), identity.arn);
        o.insert(QStringLiteral("accountId"), identity.accountId);
        o.insert(QStringLiteral("identityType"), identity.identityType);
        o.insert(QStringLiteral("accessKeyId"), session.credential().maskedKeyId());
        o.insert(QStringLiteral("source"), session.credential().source());
        o.insert(QStringLiteral("expiration"), CliJson::isoUtc(session.credential().expiration()));
        inv.out << QString::fromUtf8(CliJson::toText(o));
    } else {
        inv.out
            << tr("Valid: %1").arg(identity.arn) << '\n'
            << tr("Account:      %1").arg(identity.accountId) << '\n'
            << tr("Type:         %1").arg(identity.identityType) << '\n'
            << tr("AccessKeyId:  %1 (from %2)").arg(session.credential().maskedKeyId(), session.credential().source())
            << '\n';
    }
    return CliExit::Ok;
}
