#include "ProfileCredentialProvider.h"

#include "credentials/CloudSsoProvider.h"
#include "credentials/EcsRamRoleProvider.h"
#include "credentials/ExternalCredentialProvider.h"
#include "credentials/OAuthProvider.h"
#include "credentials/OidcRoleArnProvider.h"
#include "credentials/StsLocation.h"
#include "credentials/UriCredentialProvider.h"
#include "util/Clock.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <sys/file.h>
#endif

namespace {

QString notSupportedYet(const QString& what)
{
    return QCoreApplication::translate("ProfileCredentialProvider",
                                       "%1 profiles are not supported yet: RoleDesk cannot call STS AssumeRole in "
                                       "this version. Use an AccessKey or StsToken profile, or the environment's "
                                       "credentials URI.")
        .arg(what);
}

bool isExternalDisabled(const CredentialContext& context)
{
    return context.isTrue(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS"));
}

QString externalDisabledText(const QString& mode)
{
    return QCoreApplication::translate("ProfileCredentialProvider",
                                       "%1 profiles are disabled: ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true (it "
                                       "forbids External and CredentialsURI profiles). Unset it or pick another "
                                       "profile.")
        .arg(mode);
}

// The sign-in command the aliyun CLI offers for a CloudSSO or OAuth profile.
QString signInCommand(const QString& mode, const QString& profileName, const QString& oauthSite = {})
{
    if (mode.compare(QLatin1String("oauth"), Qt::CaseInsensitive) == 0)
        return OAuthProvider::signInCommand(profileName, oauthSite);
    return QStringLiteral("aliyun configure --profile %1 --mode %2").arg(profileName, mode);
}

// A CloudSSO/OAuth profile's cached STS credential: whole and not expired, or the reason why not.
struct CachedSts
{
    Credential credential;
    QString problem;
};

CachedSts cachedSts(const QJsonObject& profile, const QString& mode, const QString& profileName, const QString& where,
                    const Clock& clock)
{
    CachedSts c;
    const QString id = profile.value(QLatin1String("access_key_id")).toString();
    const QString secret = profile.value(QLatin1String("access_key_secret")).toString();
    const QString token = profile.value(QLatin1String("sts_token")).toString();
    const qint64 expires = profile.value(QLatin1String("sts_expiration")).toVariant().toLongLong();
    const QString command =
        signInCommand(mode, profileName, profile.value(QLatin1String("oauth_site_type")).toString());
    if (id.isEmpty() || secret.isEmpty() || token.isEmpty() || expires <= 0) {
        c.problem = QCoreApplication::translate("ProfileCredentialProvider",
                                                "The %1 profile %2 holds no cached STS credential. Sign in with `%3` "
                                                "(or run any aliyun command with --profile %2), then try again.")
                        .arg(mode, profileName, command);
        return c;
    }
    const QDateTime expiration = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    if (expiration <= clock.nowUtc()) {
        c.problem = QCoreApplication::translate("ProfileCredentialProvider",
                                                "The STS credential the aliyun CLI cached in the %1 profile %2 "
                                                "expired at %3 UTC and the sign-in cannot renew it. Run any aliyun "
                                                "command with --profile %2 to renew it, or sign in again with `%4`.")
                        .arg(mode, profileName, expiration.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), command);
        return c;
    }
    c.credential = Credential(id, secret, token, expiration, where);
    return c;
}

bool readSmallFile(const QString& path, QByteArray* out, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ProfileCredentialProvider", "Cannot read %1 (%2).")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *out = file.read(1024 * 1024);
    return true;
}

} // namespace

void ProfileProviderBase::fetch(Callback done)
{
    const Resolved resolved = resolve();
    if (!resolved.create) {
        finish(done, failure(resolved.error));
        return;
    }
    if (!m_delegate || resolved.signature != m_signature) {
        if (m_delegate)
            m_delegate->deleteLater();
        m_delegate = resolved.create(this);
        m_signature = resolved.signature;
    }
    m_delegate->fetch(done);
}

CredentialProvider* ProfileProviderBase::makeRoleArnProvider(const CredentialContext& context, RoleArnSpec spec,
                                                             QObject* parent) const
{
    if (context.roleArnProviderFactory)
        return context.roleArnProviderFactory(spec, parent);
    delete spec.sourceProvider;
    return new FailingCredentialProvider(name(), spec.description, notSupportedYet(QStringLiteral("RamRoleArn")),
                                         parent);
}

// ---- aliyun CLI ----

CliProfileProvider::CliProfileProvider(const CredentialContext& context, QString profileName, QObject* parent)
    : ProfileProviderBase(parent)
    , m_context(context)
    , m_profileName(std::move(profileName))
{}

QString CliProfileProvider::configPath(const CredentialContext& context)
{
    const QString overridden = context.value(QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"));
    if (!overridden.isEmpty())
        return overridden;
    return context.homePath + QStringLiteral("/.aliyun/config.json");
}

QString CliProfileProvider::description() const
{
    const QString profile =
        m_profileName.isEmpty() ? m_context.value(QStringLiteral("ALIBABA_CLOUD_PROFILE")) : m_profileName;
    if (profile.isEmpty())
        return tr("aliyun CLI profile (current) in %1").arg(configPath(m_context));
    return tr("aliyun CLI profile %1 in %2").arg(profile, configPath(m_context));
}

static bool readCliConfig(const QString& path, QJsonObject* root, QString* error)
{
    if (!QFileInfo::exists(path)) {
        *error = QCoreApplication::translate("ProfileCredentialProvider",
                                             "%1 does not exist. Run `aliyun configure` to create a profile.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QByteArray text;
    if (!readSmallFile(path, &text, error))
        return false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("ProfileCredentialProvider",
                                             "%1 is not a valid aliyun CLI configuration (%2). Fix or recreate it "
                                             "with `aliyun configure`.")
                     .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return false;
    }
    *root = doc.object();
    return true;
}

QList<ProfileInfo> CliProfileProvider::listProfiles(const CredentialContext& context, QString* currentName,
                                                    QString* error)
{
    QJsonObject root;
    QString err;
    QList<ProfileInfo> list;
    if (!readCliConfig(configPath(context), &root, &err)) {
        if (error)
            *error = err;
        return list;
    }
    if (currentName)
        *currentName = root.value(QLatin1String("current")).toString();
    const QJsonArray profiles = root.value(QLatin1String("profiles")).toArray();
    for (const QJsonValue& v : profiles) {
        const QJsonObject p = v.toObject();
        ProfileInfo info;
        info.name = p.value(QLatin1String("name")).toString();
        info.kind = p.value(QLatin1String("mode")).toString();
        describeProfile(context, p, &info);
        list << info;
    }
    return list;
}

void CliProfileProvider::describeProfile(const CredentialContext& context, const QJsonObject& p, ProfileInfo* info)
{
    const QString lower = info->kind.toLower();
    auto field = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    info->supported = true;
    if (lower == QLatin1String("ak")) {
        info->state = tr("long-term AccessKey %1").arg(Redaction::maskKeyId(field("access_key_id")));
    } else if (lower == QLatin1String("ststoken")) {
        info->state = tr("fixed STS credential %1").arg(Redaction::maskKeyId(field("access_key_id")));
    } else if (lower == QLatin1String("credentialsuri") || lower == QLatin1String("external")) {
        if (isExternalDisabled(context)) {
            info->supported = false;
            info->state = tr("disabled by ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS");
        } else if (lower == QLatin1String("external")) {
            QString error;
            const QStringList args = ExternalCredentialProvider::splitCommand(field("process_command"), &error);
            info->supported = !args.isEmpty();
            info->state = args.isEmpty() ? error : tr("runs %1 for each credential").arg(args.first());
        } else {
            info->state = tr("asks a credentials URI");
        }
    } else if (lower == QLatin1String("ecsramrole")) {
        info->state = tr("asks the ECS metadata service (works on ECS only)");
    } else if (lower == QLatin1String("ramrolearn") || lower == QLatin1String("chainableramrolearn")) {
        info->supported = info->modeSupported = bool(context.roleArnProviderFactory);
        info->state = info->supported ? tr("assumes %1 with STS AssumeRole").arg(field("ram_role_arn"))
                                      : tr("not supported by this front end");
    } else if (lower == QLatin1String("oidc")) {
        const QString file = field("oidc_token_file");
        info->supported = QFileInfo::exists(file);
        info->state = info->supported ? tr("assumes %1 with STS AssumeRoleWithOIDC").arg(field("ram_role_arn"))
                                      : tr("OIDC token file %1 is missing").arg(QDir::toNativeSeparators(file));
    } else if (lower == QLatin1String("cloudsso") || lower == QLatin1String("oauth")) {
        const CachedSts c = cachedSts(p, info->kind, info->name, {}, context.clockRef());
        const qint64 nowSecs = context.clockRef().nowUtc().toSecsSinceEpoch();
        const qint64 tokenExpire = p.value(QLatin1String("cloud_sso_access_token_expire")).toVariant().toLongLong();
        if (lower == QLatin1String("cloudsso") && !field("access_token").isEmpty() && tokenExpire > nowSecs) {
            info->state = tr("CloudSSO sign-in valid until %1 UTC; RoleDesk renews the STS credential through it")
                              .arg(QDateTime::fromSecsSinceEpoch(tokenExpire, Qt::UTC)
                                       .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            return;
        }
        const qint64 oauthExpire = p.value(QLatin1String("oauth_access_token_expire")).toVariant().toLongLong();
        if (lower == QLatin1String("oauth") && OAuthProvider::siteUrl(field("oauth_site_type"), context).isValid() &&
            (!field("oauth_refresh_token").isEmpty() ||
             (!field("oauth_access_token").isEmpty() && oauthExpire > nowSecs))) {
            info->state = field("oauth_refresh_token").isEmpty()
                              ? tr("OAuth sign-in valid until %1 UTC; RoleDesk renews the STS credential through it")
                                    .arg(QDateTime::fromSecsSinceEpoch(oauthExpire, Qt::UTC)
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                              : tr("OAuth sign-in (site %1); RoleDesk renews the STS credential and the sign-in")
                                    .arg(field("oauth_site_type").toUpper());
            return;
        }
        info->supported = !c.credential.isNull();
        info->state =
            info->supported
                ? tr("cached STS credential %1 valid until %2 UTC")
                      .arg(c.credential.maskedKeyId(),
                           c.credential.expiration().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                : tr("sign-in needed: run `%1`").arg(signInCommand(info->kind, info->name, field("oauth_site_type")));
    } else {
        info->supported = info->modeSupported = false;
        info->state = tr("mode not supported by RoleDesk");
    }
}

ProfileProviderBase::Resolved CliProfileProvider::resolve() const
{
    QJsonObject root;
    Resolved r;
    if (!readCliConfig(configPath(m_context), &root, &r.error))
        return r;
    QString profile = m_profileName;
    if (profile.isEmpty())
        profile = m_context.value(QStringLiteral("ALIBABA_CLOUD_PROFILE"));
    if (profile.isEmpty())
        profile = root.value(QLatin1String("current")).toString();
    if (profile.isEmpty())
        profile = QStringLiteral("default");
    return resolveProfile(root, profile, 0);
}

ProfileProviderBase::Resolved CliProfileProvider::resolveProfile(const QJsonObject& root, const QString& profileName,
                                                                 int depth) const
{
    Resolved r;
    QJsonObject profile;
    const QJsonArray profiles = root.value(QLatin1String("profiles")).toArray();
    for (const QJsonValue& v : profiles) {
        if (v.toObject().value(QLatin1String("name")).toString() == profileName)
            profile = v.toObject();
    }
    const QString path = QDir::toNativeSeparators(configPath(m_context));
    if (profile.isEmpty()) {
        r.error = tr("There is no profile named \"%1\" in %2. Pick one of its profiles (--profile or "
                     "ALIBABA_CLOUD_PROFILE) or create it with `aliyun configure --profile %1`.")
                      .arg(profileName, path);
        return r;
    }
    r.signature = QJsonDocument(profile).toJson(QJsonDocument::Compact);
    const QString mode = profile.value(QLatin1String("mode")).toString();
    const QString lower = mode.toLower();
    const QString where = tr("aliyun CLI profile %1 (%2) in %3").arg(profileName, mode, path);
    auto field = [&profile](const char* key) { return profile.value(QLatin1String(key)).toString(); };
    const CredentialContext context = m_context;

    if (lower == QLatin1String("ak") || lower == QLatin1String("ststoken")) {
        const QString id = field("access_key_id");
        const QString secret = field("access_key_secret");
        const QString token = lower == QLatin1String("ststoken") ? field("sts_token") : QString();
        if (id.isEmpty() || secret.isEmpty() || (lower == QLatin1String("ststoken") && token.isEmpty())) {
            r.error = tr("The profile lacks access_key_id, access_key_secret%1. Complete it with `aliyun configure "
                         "--profile %2`.")
                          .arg(lower == QLatin1String("ststoken") ? tr(" or sts_token") : QString(), profileName);
            return r;
        }
        r.create = [id, secret, token, where](QObject* parent) {
            return new StaticCredentialProvider(Credential(id, secret, token, {}, where), QStringLiteral("profile"),
                                                parent);
        };
    } else if (lower == QLatin1String("credentialsuri")) {
        if (isExternalDisabled(context)) {
            r.error = externalDisabledText(mode);
            return r;
        }
        const QUrl url(field("credentials_uri"));
        if (url.isEmpty()) {
            r.error = tr("The CredentialsURI profile %1 has no credentials_uri.").arg(profileName);
            return r;
        }
        r.create = [context, url](QObject* parent) { return new UriCredentialProvider(context, url, parent); };
    } else if (lower == QLatin1String("ecsramrole")) {
        const QString role = field("ram_role_name");
        r.create = [context, role](QObject* parent) { return new EcsRamRoleProvider(context, role, parent); };
    } else if (lower == QLatin1String("ramrolearn") || lower == QLatin1String("chainableramrolearn")) {
        RoleArnSpec spec;
        spec.roleArn = field("ram_role_arn");
        spec.sessionName = field("ram_session_name");
        spec.externalId = field("external_id");
        spec.regionId = field("region_id");
        spec.durationSeconds = profile.value(QLatin1String("expired_seconds")).toInt(3600);
        spec.description = where;
        const StsLocation sts{field("sts_region"), field("sts_endpoint"),
                              profile.value(QLatin1String("enable_vpc")).toBool() ||
                                  field("endpoint_type").compare(QLatin1String("vpc"), Qt::CaseInsensitive) == 0};
        if (!sts.applyTo(&spec, context, &r.error))
            return r;
        if (!context.roleArnProviderFactory) {
            r.error = notSupportedYet(mode);
            r.create = nullptr;
            return r;
        }
        Resolved source;
        if (lower == QLatin1String("ramrolearn")) {
            const QString id = field("access_key_id");
            const QString secret = field("access_key_secret");
            const QString token = field("sts_token");
            source.create = [id, secret, token, where](QObject* parent) {
                return new StaticCredentialProvider(Credential(id, secret, token, {}, where), QStringLiteral("profile"),
                                                    parent);
            };
        } else if (depth < 5) {
            source = resolveProfile(root, field("source_profile"), depth + 1);
        } else {
            source.error = tr("The chain of source_profile entries is too long or circular.");
        }
        if (!source.create) {
            r.error = source.error;
            return r;
        }
        r.create = [this, context, spec, source](QObject* parent) {
            RoleArnSpec s = spec;
            s.sourceProvider = source.create(nullptr);
            return makeRoleArnProvider(context, s, parent);
        };
    } else if (lower == QLatin1String("external")) {
        if (isExternalDisabled(context)) {
            r.error = externalDisabledText(mode);
            return r;
        }
        const QString command = field("process_command");
        QString splitError;
        if (ExternalCredentialProvider::splitCommand(command, &splitError).isEmpty()) {
            r.error = tr("The External profile %1 has an unusable process_command: %2").arg(profileName, splitError);
            return r;
        }
        r.create = [context, command, where](QObject* parent) {
            return new ExternalCredentialProvider(context, command, where, parent);
        };
    } else if (lower == QLatin1String("oidc")) {
        OidcRoleArnProvider::Spec spec;
        spec.roleArn = field("ram_role_arn");
        spec.oidcProviderArn = field("oidc_provider_arn");
        spec.tokenFile = field("oidc_token_file");
        spec.sessionName = field("ram_session_name");
        const int duration = profile.value(QLatin1String("duration_seconds")).toInt();
        const int expired = profile.value(QLatin1String("expired_seconds")).toInt();
        spec.durationSeconds = duration > 0 ? duration : (expired > 0 ? expired : 3600);
        spec.sts.profileRegion = field("sts_region");
        spec.sts.profileEndpoint = field("sts_endpoint");
        spec.sts.profileVpc = profile.value(QLatin1String("enable_vpc")).toBool() ||
                              field("endpoint_type").compare(QLatin1String("vpc"), Qt::CaseInsensitive) == 0;
        spec.description = where;
        r.create = [context, spec](QObject* parent) { return new OidcRoleArnProvider(context, spec, parent); };
    } else if (lower == QLatin1String("cloudsso")) {
        CloudSsoProvider::Spec spec;
        spec.profileName = profileName;
        spec.signInUrl = field("cloud_sso_sign_in_url");
        spec.accountId = field("cloud_sso_account_id");
        spec.accessConfig = field("cloud_sso_access_config");
        spec.accessToken = field("access_token");
        spec.accessTokenExpire = profile.value(QLatin1String("cloud_sso_access_token_expire")).toVariant().toLongLong();
        spec.cached = cachedSts(profile, mode, profileName, where, context.clockRef()).credential;
        spec.description = where;
        r.create = [context, spec](QObject* parent) { return new CloudSsoProvider(context, spec, parent); };
    } else if (lower == QLatin1String("oauth")) {
        OAuthProvider::Spec spec;
        spec.profileName = profileName;
        spec.configPath = configPath(m_context);
        spec.siteType = field("oauth_site_type");
        spec.refreshToken = field("oauth_refresh_token");
        spec.accessToken = field("oauth_access_token");
        spec.accessTokenExpire = profile.value(QLatin1String("oauth_access_token_expire")).toVariant().toLongLong();
        const CachedSts c = cachedSts(profile, mode, profileName, where, context.clockRef());
        spec.cached = c.credential;
        spec.description = where;
        if (c.credential.isNull() && spec.refreshToken.isEmpty() && spec.accessToken.isEmpty()) {
            r.error = c.problem;
            return r;
        }
        // The signature holds the whole profile, so a file rewritten by a renewal (here or by the aliyun CLI) gives
        // a provider with the newest tokens.
        r.create = [context, spec](QObject* parent) { return new OAuthProvider(context, spec, parent); };
    } else {
        r.error = tr("Profile mode \"%1\" is not supported by RoleDesk. Use AK, StsToken, RamRoleArn, "
                     "ChainableRamRoleArn, EcsRamRole, CredentialsURI, External, OIDC, CloudSSO or OAuth.")
                      .arg(mode);
    }
    return r;
}

bool CliProfileProvider::updateProfile(const QString& path, const QString& profileName, const QJsonObject& fields,
                                       QString* error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        *error = tr("Cannot open %1 to save the renewed sign-in (%2).").arg(shown, file.errorString());
        return false;
    }
#ifdef Q_OS_UNIX
    // Released when the file is closed.
    if (::flock(file.handle(), LOCK_EX) != 0) {
        *error = tr("Cannot lock %1.").arg(shown);
        return false;
    }
#endif
    const QByteArray text = file.readAll();
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (!doc.isObject()) {
        *error = tr("%1 is no longer a valid aliyun CLI configuration (%2).").arg(shown, parseError.errorString());
        return false;
    }
    QJsonObject root = doc.object();
    QJsonArray profiles = root.value(QLatin1String("profiles")).toArray();
    bool found = false;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        QJsonObject p = profiles.at(i).toObject();
        if (p.value(QLatin1String("name")).toString() != profileName)
            continue;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            p.insert(it.key(), it.value());
        profiles[i] = p;
        found = true;
        break;
    }
    if (!found) {
        *error = tr("The profile %1 is no longer in %2.").arg(profileName, shown);
        return false;
    }
    root.insert(QStringLiteral("profiles"), profiles);
    const QByteArray out = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!file.seek(0) || file.write(out) != out.size() || !file.resize(out.size()) || !file.flush()) {
        *error = tr("Cannot write %1 (%2).").arg(shown, file.errorString());
        return false;
    }
    return true;
}

// ---- INI ----

IniProfileProvider::IniProfileProvider(const CredentialContext& context, QString profileName, QObject* parent)
    : ProfileProviderBase(parent)
    , m_context(context)
    , m_profileName(std::move(profileName))
{}

QString IniProfileProvider::iniPath(const CredentialContext& context)
{
    const QString overridden = context.value(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"));
    if (!overridden.isEmpty())
        return overridden;
    const QString plain = context.homePath + QStringLiteral("/.alibabacloud/credentials");
    const QString ini = context.homePath + QStringLiteral("/.alibabacloud/credentials.ini");
    if (!QFileInfo::exists(plain) && QFileInfo::exists(ini))
        return ini;
    return plain;
}

QString IniProfileProvider::sectionName() const
{
    if (!m_profileName.isEmpty())
        return m_profileName;
    const QString fromEnv = m_context.value(QStringLiteral("ALIBABA_CLOUD_PROFILE"));
    return fromEnv.isEmpty() ? QStringLiteral("default") : fromEnv;
}

QString IniProfileProvider::description() const
{
    return tr("INI profile %1 in %2").arg(sectionName(), QDir::toNativeSeparators(iniPath(m_context)));
}

QMap<QString, QMap<QString, QString>> IniProfileProvider::parseIni(const QByteArray& text)
{
    QMap<QString, QMap<QString, QString>> sections;
    QString current;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2).trimmed();
            sections[current];
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || current.isEmpty())
            continue;
        sections[current][line.left(eq).trimmed()] = line.mid(eq + 1).trimmed();
    }
    return sections;
}

static bool readIni(const QString& path, QMap<QString, QMap<QString, QString>>* out, QString* error)
{
    if (!QFileInfo::exists(path)) {
        *error = QCoreApplication::translate("ProfileCredentialProvider",
                                             "%1 does not exist. Create it with a [default] section of type "
                                             "access_key, or use another source.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QByteArray text;
    if (!readSmallFile(path, &text, error))
        return false;
    *out = IniProfileProvider::parseIni(text);
    return true;
}

QList<ProfileInfo> IniProfileProvider::listProfiles(const CredentialContext& context, QString* error)
{
    QMap<QString, QMap<QString, QString>> sections;
    QList<ProfileInfo> list;
    QString err;
    if (!readIni(iniPath(context), &sections, &err)) {
        if (error)
            *error = err;
        return list;
    }
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        ProfileInfo info;
        info.name = it.key();
        info.kind = it.value().value(QStringLiteral("type"));
        info.supported = info.kind == QLatin1String("access_key") || info.kind == QLatin1String("ecs_ram_role") ||
                         (info.kind == QLatin1String("ram_role_arn") && context.roleArnProviderFactory);
        info.modeSupported = info.supported;
        if (info.kind == QLatin1String("access_key"))
            info.state = tr("long-term AccessKey %1")
                             .arg(Redaction::maskKeyId(it.value().value(QStringLiteral("access_key_id"))));
        else if (info.kind == QLatin1String("ecs_ram_role"))
            info.state = tr("asks the ECS metadata service (works on ECS only)");
        else if (info.kind == QLatin1String("ram_role_arn"))
            info.state = info.supported
                             ? tr("assumes %1 with STS AssumeRole").arg(it.value().value(QStringLiteral("role_arn")))
                             : tr("not supported by this front end");
        else
            info.state = tr("type not supported by RoleDesk");
        list << info;
    }
    return list;
}

ProfileProviderBase::Resolved IniProfileProvider::resolve() const
{
    Resolved r;
    QMap<QString, QMap<QString, QString>> sections;
    const QString path = QDir::toNativeSeparators(iniPath(m_context));
    if (!readIni(iniPath(m_context), &sections, &r.error))
        return r;
    const QString section = sectionName();
    if (!sections.contains(section)) {
        r.error = tr("%1 has no [%2] section. Add it or choose another (--profile or ALIBABA_CLOUD_PROFILE).")
                      .arg(path, section);
        return r;
    }
    const QMap<QString, QString> s = sections.value(section);
    QByteArray signature;
    for (auto it = s.cbegin(); it != s.cend(); ++it)
        signature += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
    r.signature = signature;
    const QString type = s.value(QStringLiteral("type"));
    const QString where = tr("INI profile %1 (%2) in %3").arg(section, type, path);
    const CredentialContext context = m_context;
    if (type == QLatin1String("access_key")) {
        const QString id = s.value(QStringLiteral("access_key_id"));
        const QString secret = s.value(QStringLiteral("access_key_secret"));
        if (id.isEmpty() || secret.isEmpty()) {
            r.error = tr("The [%1] section lacks access_key_id or access_key_secret in %2.").arg(section, path);
            return r;
        }
        r.create = [id, secret, where](QObject* parent) {
            return new StaticCredentialProvider(Credential(id, secret, {}, {}, where), QStringLiteral("ini"), parent);
        };
    } else if (type == QLatin1String("ecs_ram_role")) {
        const QString role = s.value(QStringLiteral("role_name"));
        r.create = [context, role](QObject* parent) { return new EcsRamRoleProvider(context, role, parent); };
    } else if (type == QLatin1String("ram_role_arn")) {
        if (!context.roleArnProviderFactory) {
            r.error = notSupportedYet(QStringLiteral("ram_role_arn"));
            return r;
        }
        RoleArnSpec spec;
        spec.roleArn = s.value(QStringLiteral("role_arn"));
        spec.sessionName = s.value(QStringLiteral("role_session_name"));
        spec.policy = s.value(QStringLiteral("policy"));
        spec.description = where;
        if (!StsLocation().applyTo(&spec, context, &r.error))
            return r;
        const QString id = s.value(QStringLiteral("access_key_id"));
        const QString secret = s.value(QStringLiteral("access_key_secret"));
        r.create = [this, context, spec, id, secret, where](QObject* parent) {
            RoleArnSpec copy = spec;
            copy.sourceProvider =
                new StaticCredentialProvider(Credential(id, secret, {}, {}, where), QStringLiteral("ini"), nullptr);
            return makeRoleArnProvider(context, copy, parent);
        };
    } else {
        r.error = tr("Profile type \"%1\" of [%2] is not supported by RoleDesk. Use access_key, ecs_ram_role or "
                     "ram_role_arn.")
                      .arg(type, section);
    }
    return r;
}
