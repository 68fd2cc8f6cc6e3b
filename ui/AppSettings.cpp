#include "AppSettings.h"

#include "credentials/CredentialProviderFactory.h"

#include <QSettings>

namespace {
const QLatin1String accessKeyKind("ak");
}

QString ConnectionProfile::id() const
{
    switch (kind) {
    case Kind::DefaultChain:
        return CredentialProviderFactory::profileId(QStringLiteral("chain"));
    case Kind::CliProfile:
        return CredentialProviderFactory::profileId(QStringLiteral("profile"), name);
    case Kind::IniProfile:
        return CredentialProviderFactory::profileId(QStringLiteral("ini"), name);
    case Kind::AccessKey:
        return CredentialProviderFactory::profileId(accessKeyKind, name);
    }
    return CredentialProviderFactory::profileId(QStringLiteral("chain"));
}

ConnectionProfile ConnectionProfile::fromId(const QString& id)
{
    const CredentialProviderFactory::ProfileChoice choice = CredentialProviderFactory::parseProfileId(id);
    ConnectionProfile profile;
    profile.name = choice.argument;
    if (choice.kind == QLatin1String("profile"))
        profile.kind = Kind::CliProfile;
    else if (choice.kind == QLatin1String("ini"))
        profile.kind = Kind::IniProfile;
    else if (choice.kind == accessKeyKind)
        profile.kind = Kind::AccessKey;
    else
        return {};
    return profile;
}

Endpoints AppSettings::endpoints() const
{
    Endpoints endpoints(region);
    if (endpointOverride.isValid())
        endpoints.setEndpointOverride(endpointOverride);
    const std::pair<ApiService, QUrl> services[] = {{ApiService::DataWorks, dataWorksEndpoint},
                                                    {ApiService::Sts, stsEndpoint},
                                                    {ApiService::Ram, ramEndpoint},
                                                    {ApiService::MaxCompute, maxComputeEndpoint}};
    for (const auto& [service, url] : services)
        if (url.isValid())
            endpoints.setServiceOverride(service, url);
    return endpoints;
}

AppSettings AppSettings::load(QSettings& s)
{
    AppSettings a;
    a.region = s.value(QStringLiteral("connection/region"), a.region).toString();
    a.endpointOverride = s.value(QStringLiteral("connection/endpoint")).toUrl();
    a.dataWorksEndpoint = s.value(QStringLiteral("connection/endpointDataWorks")).toUrl();
    a.stsEndpoint = s.value(QStringLiteral("connection/endpointSts")).toUrl();
    a.ramEndpoint = s.value(QStringLiteral("connection/endpointRam")).toUrl();
    a.maxComputeEndpoint = s.value(QStringLiteral("connection/endpointMaxCompute")).toUrl();
    a.proxy = s.value(QStringLiteral("connection/proxy")).toUrl();
    a.caBundle = s.value(QStringLiteral("connection/caBundle")).toString();
    // "sandbox" is never saved (a sandbox run writes no connection settings); anything else in today's spelling.
    a.currentProfile = CredentialProviderFactory::normalizedProfileId(
        s.value(QStringLiteral("connection/profile"), a.currentProfile).toString());
    a.staleWindowMinutes = qBound(1, s.value(QStringLiteral("credentials/staleWindowMinutes"), 15).toInt(), 60);
    a.warnBeforeExpiryMinutes = qBound(1, s.value(QStringLiteral("credentials/warnMinutes"), 10).toInt(), 120);
    a.language = s.value(QStringLiteral("ui/language")).toString();
    a.rulesFile = s.value(QStringLiteral("rules/file")).toString();
    const int count = s.beginReadArray(QStringLiteral("accessKeys"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        ConnectionProfile p;
        p.kind = ConnectionProfile::Kind::AccessKey;
        p.name = s.value(QStringLiteral("name")).toString();
        p.accessKeyId = s.value(QStringLiteral("accessKeyId")).toString();
        if (!p.name.isEmpty())
            a.accessKeyProfiles.append(p);
    }
    s.endArray();
    return a;
}

void AppSettings::save(QSettings& s) const
{
    s.setValue(QStringLiteral("connection/region"), region);
    s.setValue(QStringLiteral("connection/endpoint"), endpointOverride);
    s.setValue(QStringLiteral("connection/endpointDataWorks"), dataWorksEndpoint);
    s.setValue(QStringLiteral("connection/endpointSts"), stsEndpoint);
    s.setValue(QStringLiteral("connection/endpointRam"), ramEndpoint);
    s.setValue(QStringLiteral("connection/endpointMaxCompute"), maxComputeEndpoint);
    s.setValue(QStringLiteral("connection/proxy"), proxy);
    s.setValue(QStringLiteral("connection/caBundle"), caBundle);
    s.setValue(QStringLiteral("connection/profile"), currentProfile);
    s.setValue(QStringLiteral("credentials/staleWindowMinutes"), staleWindowMinutes);
    s.setValue(QStringLiteral("credentials/warnMinutes"), warnBeforeExpiryMinutes);
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("rules/file"), rulesFile);
    s.beginWriteArray(QStringLiteral("accessKeys"), int(accessKeyProfiles.size()));
    for (int i = 0; i < accessKeyProfiles.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), accessKeyProfiles[i].name);
        s.setValue(QStringLiteral("accessKeyId"), accessKeyProfiles[i].accessKeyId);
    }
    s.endArray();
}
