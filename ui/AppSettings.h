#pragma once

#include "api/Endpoints.h"

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

// A saved way to connect. Only non-secret fields: an AccessKey pair's secret lives in the OS
// keychain (KeychainStore), under the account "accesskey/<name>".
struct ConnectionProfile
{
    enum class Kind
    {
        DefaultChain,
        CliProfile,
        IniProfile,
        AccessKey
    };
    Kind kind = Kind::DefaultChain;
    QString name;        // the aliyun CLI / INI profile name, or the label of a stored AccessKey pair
    QString accessKeyId; // AccessKey only

    QString keychainAccount() const { return QStringLiteral("accesskey/") + name; }
    // How the connection bar remembers the choice: core's CredentialProviderFactory::profileId() ("chain",
    // "profile:<name>", "ini:<name>"), plus the GUI's own "ak:<name>" for a key pair in the keychain.
    QString id() const;
    // Reads the ids of earlier versions too ("cli:<name>" for an aliyun CLI profile); an unknown id is the chain.
    static ConnectionProfile fromId(const QString& id);
    bool operator==(const ConnectionProfile&) const = default;
};

// Everything the GUI remembers between runs, through QSettings. Never a secret.
struct AppSettings
{
    QString region = QStringLiteral("cn-hangzhou");
    QUrl endpointOverride;  // one URL for every service (a private gateway); empty for the public endpoints
    QUrl dataWorksEndpoint; // per-service overrides; empty when unset
    QUrl stsEndpoint;
    QUrl ramEndpoint;
    QUrl maxComputeEndpoint;
    QUrl proxy;                       // empty: the system proxy settings
    QString caBundle;                 // extra CAs (PEM) for HTTPS; empty: $SSL_CERT_FILE, else only the system's
    int staleWindowMinutes = 15;      // a credential is refreshed this long before it expires
    int warnBeforeExpiryMinutes = 10; // notify this long before expiry
    QString language;                 // empty: the system language
    QString rulesFile;                // the rules file last opened (File > Open rules file...); empty: none
    QString currentProfile = QStringLiteral("chain");
    QList<ConnectionProfile> accessKeyProfiles; // the stored pairs (ids only)

    // The one place settings become endpoints: the region, the one override URL and the per-service overrides.
    Endpoints endpoints() const;

    // Reads the profile ids of earlier versions too and keeps them in today's spelling (ConnectionProfile).
    static AppSettings load(QSettings& settings);
    void save(QSettings& settings) const;
};
