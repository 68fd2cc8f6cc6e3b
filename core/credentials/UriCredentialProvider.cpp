#include "UriCredentialProvider.h"

#include "credentials/CredentialHttp.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QNetworkAccessManager>

UriCredentialProvider::UriCredentialProvider(const CredentialContext& context, const QUrl& url, QObject* parent)
    : UriCredentialProvider(context, url, Options(), parent)
{}

UriCredentialProvider::UriCredentialProvider(const CredentialContext& context, const QUrl& url, Options options,
                                             QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_url(url.isEmpty() ? QUrl(context.value(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"))) : url)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxyFactory(new CredentialProxyFactory(context.environment));
}

QString UriCredentialProvider::description() const
{
    if (m_url.isEmpty())
        return tr("credentials URI (not set)");
    return tr("credentials URI %1").arg(Redaction::redactUrl(m_url));
}

void UriCredentialProvider::fetch(Callback done)
{
    if (m_url.isEmpty()) {
        finish(done, failure(tr("No credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is empty or not set and no URL "
                                "was given. Inside a DataWorks individual development environment it is set for "
                                "you; elsewhere pass --uri or use another source.")));
        return;
    }
    const QString scheme = m_url.scheme();
    if (!m_url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        m_url.host().isEmpty()) {
        finish(done, failure(tr("The credentials URI is not a valid http(s) URL. Check the value of "
                                "ALIBABA_CLOUD_CREDENTIALS_URI or --uri.")));
        return;
    }
    CredentialHttpRequest request;
    request.url = m_url;
    request.connectTimeoutMs = m_options.connectTimeoutMs;
    request.readTimeoutMs = m_options.readTimeoutMs;
    request.maxBytes = m_options.maxBytes;
    qCDebug(lcCredentials) << "fetching" << description();
    CredentialHttp::send(m_network, request, this, [this, done, request](const CredentialHttpResponse& response) {
        if (!response.answered()) {
            done(failure(response.describeFailure(request)));
            return;
        }
        CredentialResult result =
            CredentialParser::parse(response.body, response.status, description(), m_context.clockRef());
        if (result.ok())
            qCDebug(lcCredentials) << "got" << result.credential;
        else
            qCInfo(lcCredentials).noquote() << result.error.toString();
        done(result);
    });
}
