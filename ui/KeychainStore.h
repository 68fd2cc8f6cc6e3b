#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Stores long-term AccessKey pairs in the OS keychain through qtkeychain, never in plain text:
// the insecure fallback (a QSettings file) is switched off on purpose. When no keyring is
// available the store says so and refuses, instead of quietly writing secrets to disk.
class KeychainStore : public QObject
{
    Q_OBJECT
public:
    enum class Result
    {
        Ok,
        NotFound,
        NoKeyring,
        Denied,
        Failed
    };
    Q_ENUM(Result)

    // Only the secret goes to the keychain; the key id is not secret and lives in QSettings.
    using WriteCallback = std::function<void(Result, const QString& message)>;
    using ReadCallback = std::function<void(Result, const QString& secret, const QString& message)>;

    explicit KeychainStore(QString service = QStringLiteral("RoleDesk"), QObject* parent = nullptr);

    // Virtual so a test can stand in for a keyring that never answers.
    virtual void writeSecret(const QString& account, const QString& secret, WriteCallback done);
    virtual void readSecret(const QString& account, ReadCallback done);
    virtual void removeSecret(const QString& account, WriteCallback done);

    const QString& service() const { return m_service; }

private:
    QString m_service;
};
