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

CredentialProvider* create(const QString& kind, const CredentialContext& context, const QString& argument,
                           QObject* parent, QString* error)
{
    if (kind == QLatin1String("uri")) {
        const QUrl url(argument);
        if (!argument.isEmpty() && (!url.isValid() || url.host().isEmpty())) {
            *error = QCoreApplication::translate("CredentialProviderFactory", "\"%1\" is not an http(s) URL such as "
                                                                              "http://127.0.0.1:7002/credentials.")
                         .arg(argument);
            return nullptr;
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
    *error =
        QCoreApplication::translate("CredentialProviderFactory", "Unknown credential source \"%1\"; use one of %2.")
            .arg(kind, kinds().join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace CredentialProviderFactory
