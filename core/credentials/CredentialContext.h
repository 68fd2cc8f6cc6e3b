#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>

class Clock;
class CredentialProvider;
class QObject;

// What a provider that assumes a RAM role needs (aliyun CLI RamRoleArn/ChainableRamRoleArn profiles,
// INI ram_role_arn sections). The source provider supplies the credential that calls STS AssumeRole.
struct RoleArnSpec
{
    QString roleArn;
    QString sessionName;
    QString externalId;
    QString policy;
    QString regionId;
    int durationSeconds = 3600;
    // Where STS is called when the profile or the environment says (StsLocation: sts_endpoint, sts_region,
    // ALIBABA_CLOUD_STS_*); empty: the front end's endpoints (the connection's region, the sandbox, a gateway).
    QUrl stsEndpoint;
    // Owned by the provider the factory returns (reparent it); never null.
    CredentialProvider* sourceProvider = nullptr;
    // Shown to users: "aliyun CLI profile dev (RamRoleArn)".
    QString description;
};

// Everything a provider reads from the machine, injectable so tests never touch the real home
// directory or environment. CredentialContext::system() is the real machine.
struct CredentialContext
{
    QProcessEnvironment environment;
    QString homePath;
    const Clock* clock = nullptr;
    // Instance metadata service; tests point it at a loopback server.
    QUrl ecsMetadataBaseUrl = QUrl(QStringLiteral("http://100.100.100.200"));
    // The OAuth sign-in site for aliyun CLI OAuth profiles; empty: the official site of the profile's
    // oauth_site_type (OAuthProvider::siteUrl). Tests and the sandbox point it at a loopback server.
    QUrl oauthSignInUrl;
    // Creates a provider that assumes a RAM role through STS (RamRoleArn, ChainableRamRoleArn, ram_role_arn).
    // system() sets RamRoleArnProvider::factory(); a context built by hand without it makes those profiles fail
    // with a clear "not supported yet" error instead.
    std::function<CredentialProvider*(const RoleArnSpec& spec, QObject* parent)> roleArnProviderFactory;

    static CredentialContext system();

    // The injected clock, or the system clock when none was set.
    const Clock& clockRef() const;
    QString value(const QString& name) const { return environment.value(name); }
    // "true" (any case) only, like the official libraries.
    bool isTrue(const QString& name) const;
};
