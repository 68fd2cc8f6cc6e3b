#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

#include <QJsonObject>
#include <QMap>

// A profile found in a file the user already has, for listings (doctor, GUI pickers).
struct ProfileInfo
{
    QString name;
    // aliyun CLI mode ("AK", "StsToken", ...) or INI type ("access_key", ...).
    QString kind;
    bool supported = false;
    // False when RoleDesk (or this front end) cannot read this mode at all; supported may also be false because
    // the profile needs a sign-in or a file is missing.
    bool modeSupported = true;
    // Plain words for users: what RoleDesk will do with it, or why it cannot ("runs a command",
    // "cached STS credential valid until ...", "sign-in needed: run `aliyun configure ...`").
    QString state;
};

// Base of the two profile providers: each fetch re-reads the file (the user may edit it), turns the chosen
// profile into a delegate provider and forwards to it. The delegate is kept while the profile is unchanged
// (so a RamRoleArn provider keeps its cached session).
class ProfileProviderBase : public CredentialProvider
{
    Q_OBJECT
public:
    using CredentialProvider::CredentialProvider;
    void fetch(Callback done) override;

protected:
    struct Resolved
    {
        // Identifies the profile's content; the delegate is rebuilt when it changes.
        QByteArray signature;
        // Null with an error message when the profile cannot be used.
        std::function<CredentialProvider*(QObject* parent)> create;
        QString error;
    };
    virtual Resolved resolve() const = 0;
    // A provider that assumes roleArn with the source provider, or a "not supported yet" failure while
    // the context has no roleArnProviderFactory.
    CredentialProvider* makeRoleArnProvider(const CredentialContext& context, RoleArnSpec spec, QObject* parent) const;

private:
    QByteArray m_signature;
    CredentialProvider* m_delegate = nullptr;
};

// Profiles of the aliyun CLI in ~/.aliyun/config.json (ALIBABA_CLOUD_CONFIG_FILE overrides; the profile from
// the constructor, else ALIBABA_CLOUD_PROFILE, else the file's "current"). Modes AK, StsToken, CredentialsURI,
// EcsRamRole, External (ExternalCredentialProvider), OIDC (OidcRoleArnProvider), CloudSSO (CloudSsoProvider) and
// OAuth (OAuthProvider: the cached STS credential, renewed as the official libraries renew it, with the renewed
// tokens written back into the profile); RamRoleArn/ChainableRamRoleArn through
// CredentialContext::roleArnProviderFactory. ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true refuses External and
// CredentialsURI profiles.
class CliProfileProvider : public ProfileProviderBase
{
    Q_OBJECT
public:
    CliProfileProvider(const CredentialContext& context, QString profileName = {}, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("profile"); }
    QString description() const override;

    static QString configPath(const CredentialContext& context);
    static QList<ProfileInfo> listProfiles(const CredentialContext& context, QString* currentName = nullptr,
                                           QString* error = nullptr);
    // Sets `fields` in the profile named profileName of the aliyun CLI configuration at path, keeping every other
    // field and profile: the file is locked (flock(2) on Unix, as the official libraries and the aliyun CLI lock it),
    // read again, and rewritten in place (its permissions stay). Only OAuthProvider writes, after a renewal whose
    // refresh token rotated. False with *error (no field values in it) when the file or the profile is gone.
    static bool updateProfile(const QString& path, const QString& profileName, const QJsonObject& fields,
                              QString* error);

protected:
    Resolved resolve() const override;

private:
    Resolved resolveProfile(const QJsonObject& root, const QString& profileName, int depth) const;
    // The state shown in listings for one profile object (no network, no process run).
    static void describeProfile(const CredentialContext& context, const QJsonObject& profile, ProfileInfo* info);

    CredentialContext m_context;
    QString m_profileName;
};

// INI profiles in ~/.alibabacloud/credentials or credentials.ini (ALIBABA_CLOUD_CREDENTIALS_FILE overrides);
// section from the constructor, else ALIBABA_CLOUD_PROFILE, else "default". Types access_key, ecs_ram_role;
// ram_role_arn through CredentialContext::roleArnProviderFactory.
class IniProfileProvider : public ProfileProviderBase
{
    Q_OBJECT
public:
    IniProfileProvider(const CredentialContext& context, QString profileName = {}, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("ini"); }
    QString description() const override;

    // The file that would be read (the first that exists), or the preferred path when none exists.
    static QString iniPath(const CredentialContext& context);
    static QList<ProfileInfo> listProfiles(const CredentialContext& context, QString* error = nullptr);
    // section -> key -> value; comment lines start with # or ;.
    static QMap<QString, QMap<QString, QString>> parseIni(const QByteArray& text);

protected:
    Resolved resolve() const override;

private:
    QString sectionName() const;

    CredentialContext m_context;
    QString m_profileName;
};
