#pragma once

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

// Recognisable fake STS values for credential tests: any of fixtureSecrets() in output is a leak.
namespace CredentialFixtures {

inline QString keyId()
{
    return QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez7Ab7");
}
inline QString secret()
{
    return QStringLiteral("SecretValue-9f8e7d6c5b4a");
}
inline QString token()
{
    return QStringLiteral("TokenValue-CAIS0123456789abcdef");
}
inline QStringList secrets()
{
    return {secret(), token()};
}

// The first 10 characters of each secret: a cut-off answer must not leak a secret's beginning either.
inline QStringList secretPrefixes()
{
    return {secret().left(10), token().left(10)};
}

// An OIDC token file as a CI system mounts it (ALIBABA_CLOUD_OIDC_TOKEN_FILE, a profile's oidc_token_file): the
// token's bytes, replacing what was there. The path, or empty when the file cannot be written.
inline QString writeOidcTokenFile(const QString& path, const QByteArray& token)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(token) != token.size())
        return {};
    return path;
}

inline QString utc(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// A credentials URI answer object; pass an empty code to leave Code out.
inline QJsonObject answerObject(const QString& expiration, const QString& code = QStringLiteral("Success"))
{
    QJsonObject o;
    if (!code.isEmpty())
        o.insert(QStringLiteral("Code"), code);
    o.insert(QStringLiteral("AccessKeyId"), keyId());
    o.insert(QStringLiteral("AccessKeySecret"), secret());
    o.insert(QStringLiteral("SecurityToken"), token());
    o.insert(QStringLiteral("Expiration"), expiration);
    return o;
}

inline QByteArray toJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QByteArray answer(const QDateTime& expiration, const QString& code = QStringLiteral("Success"))
{
    return toJson(answerObject(utc(expiration), code));
}

} // namespace CredentialFixtures
