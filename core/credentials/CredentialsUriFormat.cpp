#include "CredentialsUriFormat.h"

#include "credentials/Credential.h"

namespace CredentialsUriFormat {

namespace {
QString utcSeconds(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}
} // namespace

QJsonObject answer(const QString& accessKeyId, const QString& accessKeySecret, const QString& securityToken,
                   const QDateTime& expiration, const QDateTime& lastUpdated)
{
    QJsonObject o{{QStringLiteral("Code"), QStringLiteral("Success")},
                  {QStringLiteral("AccessKeyId"), accessKeyId},
                  {QStringLiteral("AccessKeySecret"), accessKeySecret},
                  {QStringLiteral("SecurityToken"), securityToken},
                  {QStringLiteral("Expiration"), utcSeconds(expiration)}};
    if (lastUpdated.isValid())
        o.insert(QStringLiteral("LastUpdated"), utcSeconds(lastUpdated));
    return o;
}

QJsonObject answer(const Credential& credential)
{
    return answer(credential.accessKeyId(), credential.accessKeySecret(), credential.securityToken(),
                  credential.expiration());
}

} // namespace CredentialsUriFormat
