#include "CloudSsoProvider.h"

#include "credentials/CredentialHttp.h"
#include "credentials/CredentialParser.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

CloudSsoProvider::CloudSsoProvider(const CredentialContext& context, Spec spec, QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_spec(std::move(spec))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new CredentialProxyFactory(context.environment));
}

void CloudSsoProvider::fetch(Callback done)
{
    const QDateTime now = m_context.clockRef().nowUtc();
    const Credential cached = m_spec.cached;
    const bool cacheUsable = !cached.isNull() && !cached.isExpiredAt(now);
    if (cacheUsable && cached.secondsLeft(now) > kStaleWindowSecs) {
        finish(done, CredentialResult::success(cached));
        return;
    }
    const QString command = QStringLiteral("aliyun configure --profile %1 --mode CloudSSO").arg(m_spec.profileName);
    const bool tokenValid = !m_spec.accessToken.isEmpty() && m_spec.accessTokenExpire > now.toSecsSinceEpoch();
    if (!tokenValid) {
        if (cacheUsable) {
            finish(done, CredentialResult::success(cached));
            return;
        }
        finish(done, failure(tr("The CloudSSO sign-in of profile %1 has expired (its cached STS credential too). "
                                "Sign in again with `%2`, then try again.")
                                 .arg(m_spec.profileName, command)));
        return;
    }
    QUrl url(m_spec.signInUrl);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") &&
         !(url.scheme() == QLatin1String("http") && CredentialProxyFactory::isLocalHost(url.host())))) {
        finish(done, failure(tr("The CloudSSO profile %1 has no usable cloud_sso_sign_in_url (an https URL). "
                                "Configure it again with `%2`.")
                                 .arg(m_spec.profileName, command)));
        return;
    }
    if (m_spec.accountId.isEmpty() || m_spec.accessConfig.isEmpty()) {
        finish(done, failure(tr("The CloudSSO profile %1 lacks cloud_sso_account_id or cloud_sso_access_config. "
                                "Configure it again with `%2`.")
                                 .arg(m_spec.profileName, command)));
        return;
    }
    url.setPath(QStringLiteral("/cloud-credentials"));
    url.setQuery(QString());
    url.setFragment(QString());
    const QByteArray authorization = QByteArrayLiteral("Bearer ") + m_spec.accessToken.toUtf8();
    CredentialHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("Authorization"), authorization}};
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("AccountId"), m_spec.accountId},
                                             {QStringLiteral("AccessConfigurationId"), m_spec.accessConfig}})
                       .toJson(QJsonDocument::Compact);
    qCDebug(lcCredentials).noquote() << "CloudSSO cloud-credentials at" << url.host() << "for" << m_spec.profileName;
    const QString accessToken = m_spec.accessToken;
    CredentialHttp::send(
        m_network, request, this,
        [this, done, request, cached, cacheUsable, accessToken, command](const CredentialHttpResponse& r) {
            auto fallBack = [&](const QString& why) {
                if (cacheUsable) {
                    qCInfo(lcCredentials).noquote() << description() << why << "- using the cached credential";
                    done(CredentialResult::success(cached));
                } else {
                    done(failure(why));
                }
            };
            if (!r.answered()) {
                fallBack(tr("The CloudSSO portal %1 did not answer: %2")
                             .arg(request.url.host(), r.describeFailure(request)));
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            const QJsonObject c = o.value(QLatin1String("CloudCredential")).toObject();
            const QStringList hide = {accessToken, c.value(QLatin1String("AccessKeySecret")).toString(),
                                      c.value(QLatin1String("SecurityToken")).toString()};
            if (r.status != 200) {
                const QString code = o.value(QLatin1String("ErrorCode")).toString().isEmpty()
                                         ? o.value(QLatin1String("Code")).toString()
                                         : o.value(QLatin1String("ErrorCode")).toString();
                CredentialError e;
                e.source = description();
                e.httpStatus = r.status;
                e.message = tr("The CloudSSO portal refused to issue a credential (%1). If the sign-in is no longer "
                               "valid, sign in again with `%2`.")
                                .arg(code.isEmpty() ? QStringLiteral("HTTP %1").arg(r.status) : code.left(80), command);
                e.bodyExcerpt = Redaction::bodyExcerpt(r.body, hide);
                if (cacheUsable)
                    done(CredentialResult::success(cached));
                else
                    done(CredentialResult::failure(e));
                return;
            }
            const QJsonObject answer{{QStringLiteral("AccessKeyId"), c.value(QLatin1String("AccessKeyId"))},
                                     {QStringLiteral("AccessKeySecret"), c.value(QLatin1String("AccessKeySecret"))},
                                     {QStringLiteral("SecurityToken"), c.value(QLatin1String("SecurityToken"))},
                                     {QStringLiteral("Expiration"), c.value(QLatin1String("Expiration"))}};
            const CredentialResult result = CredentialParser::parseBody(
                QJsonDocument(answer).toJson(QJsonDocument::Compact), description(), m_context.clockRef());
            if (!result.ok()) {
                fallBack(result.error.message);
                return;
            }
            m_spec.cached = result.credential;
            done(result);
        });
}
