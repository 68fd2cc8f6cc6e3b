// The aliyun CLI config.json reader (~/.aliyun/config.json, CliProfileProvider::listProfiles and the per-profile
// description the doctor and the GUI pickers show): never crashes; no value under a secret member of any profile
// (access_key_secret, sts_token, access_token, ...) shows in what it says, in any spelling.
#include "FuzzSupport.h"

#include "credentials/ProfileCredentialProvider.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

bool secretMember(const QString& name)
{
    const QString lower = name.toLower();
    return lower.contains(QLatin1String("secret")) || lower.contains(QLatin1String("token")) ||
           lower.contains(QLatin1String("password"));
}

// Values under secret members, and every other string value (a secret that is also the text of a harmless member,
// a profile name say, may show through that member).
void collect(const QJsonValue& value, bool underSecret, QStringList* secrets, QStringList* plain)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            *plain << it.key();
            collect(it.value(), underSecret || secretMember(it.key()), secrets, plain);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            collect(v, underSecret, secrets, plain);
    } else if (value.isString()) {
        (underSecret ? secrets : plain)->append(value.toString());
    } else if (value.isDouble()) {
        *plain << QString::number(value.toDouble(), 'g', 17) << QString::number(value.toVariant().toLongLong());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir home;
    static const QString path = home.path() + QStringLiteral("/config.json");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(FuzzSupport::bytes(data, size));
    }
    CredentialContext context;
    context.homePath = home.path();
    context.environment.insert(QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"), path);
    QString current;
    QString error;
    const QList<ProfileInfo> profiles = CliProfileProvider::listProfiles(context, &current, &error);

    QStringList said{error};
    for (const ProfileInfo& p : profiles)
        said << p.name << p.kind << p.state;
    QStringList secrets;
    QStringList plain;
    collect(QJsonDocument::fromJson(FuzzSupport::bytes(data, size)).object(), false, &secrets, &plain);
    plain << path << home.path();
    for (const QString& secret : std::as_const(secrets)) {
        if (!FuzzSupport::distinctive(secret))
            continue;
        bool harmlessToo = false;
        for (const QString& p : std::as_const(plain))
            harmlessToo = harmlessToo || p.contains(secret);
        if (harmlessToo)
            continue;
        for (const QString& text : std::as_const(said))
            FUZZ_CHECK(!FuzzSupport::shows(text, secret), "a profile's secret shows in a listing or an error");
    }
    if (!error.isEmpty())
        FUZZ_CHECK(profiles.isEmpty(), "an error and profiles at once");
    return 0;
}
