#include "CredsOptions.h"

#include "credentials/CredentialProviderFactory.h"
#include "credentials/CredentialSource.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CredsOptions", text);
}
} // namespace

QStringList CredsOptions::sourceNames()
{
    return CredentialProviderFactory::kinds();
}

void CredsOptions::addTo(QCommandLineParser& parser)
{
    m_source.setDescription(tr("Where the credential comes from: chain (the default provider chain), uri, file, env, "
                               "profile (aliyun CLI), ini, ecs."));
    m_uri.setDescription(tr("The credentials URI (default: $ALIBABA_CLOUD_CREDENTIALS_URI). Implies --source uri."));
    m_file.setDescription(tr("The credentials file (default: /mnt/.alibabacloud/credentials). Implies --source file."));
    m_profile.setDescription(tr("The profile name (aliyun CLI, or INI with --source ini). Implies --source profile."));
    parser.addOption(m_source);
    parser.addOption(m_uri);
    parser.addOption(m_file);
    parser.addOption(m_profile);
}

Result<CloudProfile, QString> CredsOptions::profile(const QCommandLineParser& parser, const CliContext& context) const
{
    QString source = parser.value(m_source);
    if (source.isEmpty()) {
        if (parser.isSet(m_uri))
            source = QStringLiteral("uri");
        else if (parser.isSet(m_file))
            source = QStringLiteral("file");
        else if (parser.isSet(m_profile))
            source = QStringLiteral("profile");
        else
            source = QStringLiteral("chain");
    }
    if (!sourceNames().contains(source)) {
        return Failure(
            tr("Unknown --source \"%1\"; use one of %2.").arg(source, sourceNames().join(QStringLiteral(", "))));
    }
    if (parser.isSet(m_uri) && source != QLatin1String("uri"))
        return Failure(tr("--uri goes only with --source uri."));
    if (parser.isSet(m_file) && source != QLatin1String("file"))
        return Failure(tr("--file goes only with --source file."));
    if (parser.isSet(m_profile) && source != QLatin1String("profile") && source != QLatin1String("ini"))
        return Failure(tr("--profile goes only with --source profile or --source ini."));
    QString argument;
    if (source == QLatin1String("uri"))
        argument = parser.value(m_uri);
    else if (source == QLatin1String("file"))
        argument = parser.isSet(m_file) ? parser.value(m_file) : context.credentialsFilePath;
    else if (source == QLatin1String("profile") || source == QLatin1String("ini"))
        argument = parser.value(m_profile);
    CloudProfile profile;
    profile.kind = source;
    profile.argument = argument;
    return profile;
}

Result<CredentialProvider*, QString> CredsOptions::createProvider(const QCommandLineParser& parser,
                                                                  const CliContext& context, QObject* parent) const
{
    const auto chosen = profile(parser, context);
    if (!chosen)
        return Failure(chosen.error());
    return CredentialProviderFactory::create(chosen.value().kind, context.credentials, chosen.value().argument, parent);
}

void startAndWaitForFirstResult(CredentialSource* source)
{
    QEventLoop loop;
    QObject::connect(source, &CredentialSource::fetchFinished, &loop, &QEventLoop::quit);
    source->start();
    if (!source->hasResult())
        loop.exec();
}

CredentialSource* CredsOptions::fetchOnce(const QCommandLineParser& parser, const CliInvocation& inv, QObject* owner,
                                          int* exitCode) const
{
    const auto provider = createProvider(parser, inv.context, nullptr);
    if (!provider) {
        inv.err << provider.error() << '\n';
        *exitCode = CliExit::Usage;
        return nullptr;
    }
    auto* source = new CredentialSource(provider.value(), &inv.context.credentials.clockRef(), owner);
    startAndWaitForFirstResult(source);
    return source;
}
