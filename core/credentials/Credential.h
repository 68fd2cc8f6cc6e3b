#pragma once

#include <QDateTime>
#include <QDebug>
#include <QString>

// One whole credential as a single fetch delivered it: never assembled from parts of two fetches.
// Its printable forms (maskedKeyId(), QDebug) never contain the secret or the token.
class Credential
{
public:
    Credential() = default;
    Credential(QString accessKeyId, QString accessKeySecret, QString securityToken, QDateTime expiration,
               QString source);

    bool isNull() const { return m_accessKeyId.isEmpty(); }
    const QString& accessKeyId() const { return m_accessKeyId; }
    const QString& accessKeySecret() const { return m_accessKeySecret; }
    // Empty for a long-term AccessKey pair.
    const QString& securityToken() const { return m_securityToken; }
    bool isSts() const { return !m_securityToken.isEmpty(); }
    // UTC; invalid for a long-term AccessKey pair, which does not expire.
    const QDateTime& expiration() const { return m_expiration; }
    bool expires() const { return m_expiration.isValid(); }
    // Where it came from, as shown to users: "credentials URI http://127.0.0.1:7002/...", "file /mnt/...".
    const QString& source() const { return m_source; }

    QString maskedKeyId() const;
    // Seconds until expiration at the given instant (negative once expired); INT64_MAX when it never expires.
    qint64 secondsLeft(const QDateTime& nowUtc) const;
    bool isExpiredAt(const QDateTime& nowUtc) const { return expires() && nowUtc >= m_expiration; }
    // The values a redactor must hide, for error texts that might echo them.
    QStringList secrets() const;

    bool operator==(const Credential& other) const = default;

private:
    QString m_accessKeyId;
    QString m_accessKeySecret;
    QString m_securityToken;
    QDateTime m_expiration;
    QString m_source;
};

QDebug operator<<(QDebug debug, const Credential& credential);
