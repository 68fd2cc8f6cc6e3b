#include "CredsProcessCommand.h"

#include "CredsOptions.h"

#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>

QString CredsProcessCommand::summary() const
{
    return tr("Print the credential of a source as aliyun CLI External-mode JSON (for other tools).");
}

int CredsProcessCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    CredsOptions credsOptions;
    credsOptions.addTo(parser);
    if (const auto code = parse(parser, inv))
        return *code;

    QObject owner;
    int exitCode = CliExit::Usage;
    CredentialSource* source = credsOptions.fetchOnce(parser, inv, &owner, &exitCode);
    if (!source)
        return exitCode;

    const Credential credential = source->usableCredential();
    if (credential.isNull()) {
        const QString reason =
            source->lastError().isNull() ? tr("The credential has expired.") : source->lastError().toString();
        inv.err << tr("Credentials unusable: %1").arg(reason) << '\n';
        return CliExit::CredentialsUnusable;
    }
    // The External-mode contract of the aliyun CLI and the official libraries; never translated.
    QJsonObject o;
    o.insert(QStringLiteral("mode"), credential.isSts() ? QStringLiteral("StsToken") : QStringLiteral("AK"));
    o.insert(QStringLiteral("access_key_id"), credential.accessKeyId());
    o.insert(QStringLiteral("access_key_secret"), credential.accessKeySecret());
    if (credential.isSts())
        o.insert(QStringLiteral("sts_token"), credential.securityToken());
    if (credential.expires())
        o.insert(QStringLiteral("expiration"),
                 credential.expiration().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    inv.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    return CliExit::Ok;
}
