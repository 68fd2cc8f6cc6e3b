// The sandbox's OIDC identity provider. Judged as the cloud judges a token: signed by the provider, unexpired, from
// its issuer and for STS; the role's trust policy must trust the provider (Principal.Federated).
#include "SandboxOidc.h"

#include "SandboxService.h"
#include "util/Bytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

SandboxOidcProvider::SandboxOidcProvider(SandboxShared& shared)
    : m_shared(shared)
{}

QString SandboxOidcProvider::providerArn() const
{
    return u"acs:ram::"_s + m_shared.state.accountId + u":oidc-provider/RoleDeskSandbox"_s;
}

QString SandboxOidcProvider::issuer()
{
    return u"https://oidc.sandbox.roledesk.invalid"_s;
}

QString SandboxOidcProvider::issueToken(const QString& subject, int lifetimeSeconds)
{
    if (m_key.isEmpty()) {
        for (int i = 0; i < 8; ++i) {
            const quint32 word = QRandomGenerator::system()->generate();
            m_key.append(reinterpret_cast<const char*>(&word), sizeof word);
        }
    }
    const qint64 now = m_shared.nowMs() / 1000;
    const QByteArray header = SandboxService::base64Url(R"({"alg":"HS256","typ":"JWT","kid":"sandbox"})");
    const QByteArray payload =
        SandboxService::base64Url(QJsonDocument(QJsonObject{{u"iss"_s, issuer()},
                                                            {u"sub"_s, subject},
                                                            {u"aud"_s, u"sts.aliyuncs.com"_s},
                                                            {u"iat"_s, double(now)},
                                                            {u"exp"_s, double(now + lifetimeSeconds)}})
                                      .toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return QString::fromLatin1(
        signingInput + '.' +
        SandboxService::base64Url(QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256)));
}

bool SandboxOidcProvider::trust(const QString& roleName)
{
    for (SandboxData::Role& role : m_shared.state.roles) {
        if (role.name.compare(roleName, Qt::CaseInsensitive) != 0)
            continue;
        QJsonArray statements = role.trustPolicy.value(u"Statement").toArray();
        statements.append(QJsonObject{
            {u"Action"_s, u"sts:AssumeRole"_s},
            {u"Effect"_s, u"Allow"_s},
            {u"Principal"_s, QJsonObject{{u"Federated"_s, QJsonArray{providerArn()}}}},
            {u"Condition"_s, QJsonObject{{u"StringEquals"_s, QJsonObject{{u"oidc:iss"_s, issuer()},
                                                                         {u"oidc:aud"_s, u"sts.aliyuncs.com"_s}}}}}});
        role.trustPolicy.insert(u"Statement"_s, statements);
        return true;
    }
    return false;
}

bool SandboxOidcProvider::isTrustedBy(const QJsonObject& trustPolicy) const
{
    const QString arn = providerArn();
    for (const QJsonValue& sv : trustPolicy.value(u"Statement").toArray()) {
        const QJsonObject st = sv.toObject();
        if (st.value(u"Effect").toString() != QLatin1String("Allow"))
            continue;
        const QJsonValue federated = st.value(u"Principal").toObject().value(u"Federated");
        const QJsonArray list = federated.isArray() ? federated.toArray() : QJsonArray{federated};
        for (const QJsonValue& p : list)
            if (p.toString() == arn)
                return true;
    }
    return false;
}

SandboxOidcProvider::Check SandboxOidcProvider::check(const QByteArray& token, QJsonObject* claims) const
{
    // header.payload.signature, HS256 with this provider's key, from our issuer, for STS, unexpired.
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || m_key.isEmpty())
        return Check::Invalid;
    const QByteArray expected = SandboxService::base64Url(
        QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), m_key, QCryptographicHash::Sha256));
    if (!Bytes::constantTimeEqual(expected, parts.at(2)))
        return Check::Invalid;
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
    *claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    if (header.value(u"alg"_s).toString() != QLatin1String("HS256") || claims->value(u"iss"_s).toString() != issuer() ||
        claims->value(u"aud"_s).toString() != QLatin1String("sts.aliyuncs.com"))
        return Check::Invalid;
    if (qint64(claims->value(u"exp"_s).toDouble()) * 1000 <= m_shared.nowMs())
        return Check::Expired;
    return Check::Valid;
}
