#include "OidcRoleArnProvider.h"

#include "credentials/CredentialHttp.h"
#include "credentials/CredentialParser.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace {

QByteArray formEncode(const QList<QPair<QString, QString>>& pairs)
{
    QByteArray out;
    for (const auto& [k, v] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

} // namespace

OidcRoleArnProvider::OidcRoleArnProvider(const CredentialContext& context, Spec spec, QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_spec(std::move(spec))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new CredentialProxyFactory(context.environment));
    if (m_spec.description.isEmpty())
        m_spec.description = tr("OIDC role %1").arg(m_spec.roleArn);
}

OidcRoleArnProvider::Spec OidcRoleArnProvider::fromEnvironment(const CredentialContext& context)
{
    Spec s;
    s.roleArn = context.value(QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"));
    s.oidcProviderArn = context.value(QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"));
    s.tokenFile = context.value(QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
    s.sessionName = context.value(QStringLiteral("ALIBABA_CLOUD_ROLE_SESSION_NAME"));
    s.description = QCoreApplication::translate("OidcRoleArnProvider",
                                                "OIDC role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, "
                                                "ALIBABA_CLOUD_OIDC_TOKEN_FILE)");
    return s;
}

void OidcRoleArnProvider::fetch(Callback done)
{
    if (m_spec.roleArn.isEmpty() || m_spec.oidcProviderArn.isEmpty() || m_spec.tokenFile.isEmpty()) {
        finish(done, failure(tr("An OIDC role needs a role ARN, an OIDC provider ARN and a token file; one of them "
                                "is empty (profile fields ram_role_arn, oidc_provider_arn, oidc_token_file, or "
                                "the ALIBABA_CLOUD_ROLE_ARN / _OIDC_PROVIDER_ARN / _OIDC_TOKEN_FILE variables).")));
        return;
    }
    if (m_spec.durationSeconds < 900) {
        finish(done,
               failure(tr("The session duration %1 s is below STS's minimum of 900 s.").arg(m_spec.durationSeconds)));
        return;
    }
    QFile file(m_spec.tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        finish(done, failure(tr("Cannot read the OIDC token file %1 (%2).")
                                 .arg(QDir::toNativeSeparators(m_spec.tokenFile), file.errorString())));
        return;
    }
    const QString token = QString::fromUtf8(file.read(64 * 1024)).trimmed();
    if (token.isEmpty()) {
        finish(done, failure(tr("The OIDC token file %1 is empty.").arg(QDir::toNativeSeparators(m_spec.tokenFile))));
        return;
    }
    QString error;
    QUrl url = m_spec.sts.resolve(m_context, &error);
    if (!url.isValid()) {
        finish(done, failure(error));
        return;
    }
    const QString timestamp = m_context.clockRef().nowUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    url.setQuery(QStringLiteral("Version=2015-04-01&Action=AssumeRoleWithOIDC&Format=JSON&Timestamp=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(timestamp)));
    QString session = m_spec.sessionName;
    if (session.isEmpty())
        session = QStringLiteral("roledesk-%1").arg(m_context.clockRef().nowUtc().toMSecsSinceEpoch());
    QList<QPair<QString, QString>> form = {{QStringLiteral("OIDCProviderArn"), m_spec.oidcProviderArn},
                                           {QStringLiteral("OIDCToken"), token},
                                           {QStringLiteral("RoleArn"), m_spec.roleArn}};
    if (!m_spec.policy.isEmpty())
        form.append({QStringLiteral("Policy"), m_spec.policy});
    form.append({QStringLiteral("RoleSessionName"), session});
    form.append({QStringLiteral("DurationSeconds"), QString::number(m_spec.durationSeconds)});

    CredentialHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    request.body = formEncode(form);
    request.connectTimeoutMs = connectTimeoutMs;
    request.readTimeoutMs = readTimeoutMs;
    qCDebug(lcCredentials).noquote() << "AssumeRoleWithOIDC at" << Redaction::redactUrl(url) << "for" << m_spec.roleArn;
    CredentialHttp::send(m_network, request, this, [this, done, request, token](const CredentialHttpResponse& r) {
        if (!r.answered()) {
            done(failure(tr("STS AssumeRoleWithOIDC at %1: %2").arg(request.url.host(), r.describeFailure(request))));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QJsonObject c = o.value(QLatin1String("Credentials")).toObject();
        const QStringList hide = {token, c.value(QLatin1String("AccessKeySecret")).toString(),
                                  c.value(QLatin1String("SecurityToken")).toString()};
        if (r.status != 200) {
            const QString code = o.value(QLatin1String("Code")).toString();
            const QString message = Redaction::redactSecrets(o.value(QLatin1String("Message")).toString(), hide);
            done(failure(code.isEmpty() ? tr("STS refused AssumeRoleWithOIDC (HTTP %1).").arg(r.status)
                                        : tr("STS refused AssumeRoleWithOIDC: %1: %2").arg(code, message.left(300)),
                         r.status, Redaction::bodyExcerpt(r.body, hide)));
            return;
        }
        QJsonObject answer{{QStringLiteral("AccessKeyId"), c.value(QLatin1String("AccessKeyId"))},
                           {QStringLiteral("AccessKeySecret"), c.value(QLatin1String("AccessKeySecret"))},
                           {QStringLiteral("SecurityToken"), c.value(QLatin1String("SecurityToken"))},
                           {QStringLiteral("Expiration"), c.value(QLatin1String("Expiration"))}};
        CredentialResult result = CredentialParser::parseBody(QJsonDocument(answer).toJson(QJsonDocument::Compact),
                                                              description(), m_context.clockRef());
        if (result.ok())
            qCDebug(lcCredentials) << "got" << result.credential;
        done(result);
    });
}
