#include "Credential.h"

#include "util/Redaction.h"

#include <limits>

Credential::Credential(QString accessKeyId, QString accessKeySecret, QString securityToken, QDateTime expiration,
                       QString source)
    : m_accessKeyId(std::move(accessKeyId))
    , m_accessKeySecret(std::move(accessKeySecret))
    , m_securityToken(std::move(securityToken))
    , m_expiration(expiration.isValid() ? expiration.toUTC() : QDateTime())
    , m_source(std::move(source))
{}

QString Credential::maskedKeyId() const
{
    return Redaction::maskKeyId(m_accessKeyId);
}

qint64 Credential::secondsLeft(const QDateTime& nowUtc) const
{
    if (!expires())
        return std::numeric_limits<qint64>::max();
    return nowUtc.secsTo(m_expiration);
}

QStringList Credential::secrets() const
{
    QStringList list;
    if (!m_accessKeySecret.isEmpty())
        list << m_accessKeySecret;
    if (!m_securityToken.isEmpty())
        list << m_securityToken;
    return list;
}

QDebug operator<<(QDebug debug, const Credential& credential)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Credential(" << credential.maskedKeyId();
    if (credential.expires())
        debug << ", expires " << credential.expiration().toString(Qt::ISODate);
    debug << ", from " << credential.source() << ')';
    return debug;
}
