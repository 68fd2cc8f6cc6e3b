#include "CredentialProviderFactory.h"

#include "credentials/DefaultCredentialChain.h"
#include "credentials/EcsRamRoleProvider.h"
#include "credentials/EnvCredentialProvider.h"
#include "credentials/FileCredentialProvider.h"
#include "credentials/ProfileCredentialProvider.h"
#include "credentials/UriCredentialProvider.h"

#include <QCoreApplication>

namespace CredentialProviderFactory {

QStringList kinds()
{
    return {QStringLiteral("chain"),   QStringLiteral("uri"), QStringLiteral("file"), QStringLiteral("env"),
            QStringLiteral("profile"), QStringLiteral("ini"), QStringLiteral("ecs")};
}

Result<CredentialProvider*, QString> create(const QString& kind, const CredentialContext& context,
                                            const QString& argument, QObject* parent)
{
    if (kind == QLatin1String("uri")) {
        const QUrl url(argument);
        if (!argument.isEmpty() && (!url.isValid() || url.host().isEmpty())) {
            return Failure(QCoreApplication::translate("CredentialProviderFactory",
                                                       "\"%1\" is not an http(s) URL such as "
                                                       "http://127.0.0.1:7002/credentials.")
                               .arg(argument));
        }
        return new UriCredentialProvider(context, url, parent);
    }
    if (kind == QLatin1String("file"))
        return new FileCredentialProvider(context, argument, parent);
    if (kind == QLatin1String("env"))
        return new EnvCredentialProvider(context, parent);
    if (kind == QLatin1String("profile"))
        return new CliProfileProvider(context, argument, parent);
    if (kind == QLatin1String("ini"))
        return new IniProfileProvider(context, argument, parent);
    if (kind == QLatin1String("ecs"))
        return new EcsRamRoleProvider(context, argument, parent);
    if (kind == QLatin1String("chain"))
        return new DefaultCredentialChain(context, parent);
    return Failure(
        QCoreApplication::translate("CredentialProviderFactory", "Unknown credential source \"%1\"; use one of %2.")
            .arg(kind, kinds().join(QStringLiteral(", "))));
}

QString profileId(const QString& kind, const QString& argument)
{
    return argument.isEmpty() ? kind : kind + QLatin1Char(':') + argument;
}

ProfileChoice parseProfileId(const QString& id)
{
    if (id.isEmpty())
        return {QStringLiteral("chain"), {}};
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    ProfileChoice choice{colon < 0 ? id : id.left(colon), colon < 0 ? QString() : id.mid(colon + 1)};
    // RoleDesk up to 0.x (the GUI's own ids) saved an aliyun CLI profile as "cli:<name>".
    if (choice.kind == QLatin1String("cli"))
        choice.kind = QStringLiteral("profile");
    return choice;
}

QString normalizedProfileId(const QString& id)
{
    const ProfileChoice choice = parseProfileId(id);
    return profileId(choice.kind, choice.argument);
}

} // namespace CredentialProviderFactory
