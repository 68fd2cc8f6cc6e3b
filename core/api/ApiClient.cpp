#include "ApiClient.h"

#include "signing/Signing.h"
#include "util/CaBundle.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/ReadCap.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>
#include <QXmlStreamReader>

#ifndef ROLEDESK_VERSION
#define ROLEDESK_VERSION "0.0.0"
#endif

namespace {

QByteArray hostHeader(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':')) // IPv6 literal
        host = '[' + host + ']';
    const int port = url.port();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (port > 0 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray isoDate(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1();
}

QByteArray nonce()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

Signing::BytePairList toBytePairs(const StringPairList& pairs)
{
    Signing::BytePairList out;
    out.reserve(pairs.size());
    for (const auto& [k, v] : pairs)
        out.append({k.toUtf8(), v.toUtf8()});
    return out;
}

// The XML error of MaxCompute: <Error><Code/><Message/><RequestId/><HostId/></Error>.
void parseXmlError(const QByteArray& body, ApiError& error)
{
    QXmlStreamReader xml(body);
    QString current;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            current = xml.name().toString();
        } else if (token == QXmlStreamReader::Characters && !xml.isWhitespace()) {
            const QString text = xml.text().toString().trimmed();
            if (current == QLatin1String("Code"))
                error.code = text;
            else if (current == QLatin1String("Message"))
                error.message += text;
            else if (current == QLatin1String("RequestId"))
                error.requestId = text;
            else if (current == QLatin1String("HostId"))
                error.hostId = text;
        } else if (token == QXmlStreamReader::EndElement) {
            current.clear();
        }
    }
}

bool neverReachedServer(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError ||
           error == QNetworkReply::ProxyConnectionRefusedError || error == QNetworkReply::ProxyNotFoundError;
}

QString networkCode(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("Network.ConnectionRefused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("Network.RemoteHostClosed");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("Network.HostNotFound");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("Network.TlsHandshakeFailed");
    default:
        return QStringLiteral("Network.Error");
    }
}

QString networkExplanation(QNetworkReply::NetworkError error, const QString& host)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QCoreApplication::translate(
                   "ApiClient",
                   "Nothing accepts connections at %1. Check the endpoint (region, --endpoint) and that the "
                   "service or sandbox is running.")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return QCoreApplication::translate(
                   "ApiClient",
                   "%1 closed the connection before answering. Retry; if it persists, check proxies and the "
                   "endpoint.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return QCoreApplication::translate(
                   "ApiClient",
                   "The host name %1 could not be resolved. Check the region, the endpoint and the network/DNS.")
            .arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return QCoreApplication::translate(
                   "ApiClient",
                   "The TLS handshake with %1 failed (certificate not trusted or intercepted). Check the system "
                   "certificates and any proxy that inspects HTTPS.")
            .arg(host);
    default:
        return QCoreApplication::translate(
                   "ApiClient", "The request to %1 failed on the network. Check the connection and the endpoint.")
            .arg(host);
    }
}

// A request body that can be read once and never rewound. QNetworkAccessManager transparently re-sends a
// request whose connection closed before any answer byte (QHttpNetworkConnectionChannel's reconnect
// attempts), POST included. For a write that might have reached the server that would be an unsafe repeat;
// with this body and DoNotBufferUploadDataAttribute the re-send cannot rewind and the call fails instead.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return (m_data.size() - m_pos) + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

ApiRequest ApiRequest::pop(ApiService service, const QString& action, const QString& version,
                           const StringPairList& params, bool idempotent, const StringPairList& query)
{
    ApiRequest request;
    request.service = service;
    request.action = action;
    request.version = version;
    request.params = params;
    request.query = query;
    request.idempotent = idempotent;
    return request;
}

ApiReply::ApiReply(const ApiRequest& request, QObject* parent)
    : QObject(parent)
    , m_request(request)
{}

QByteArray ApiReply::rawHeader(const QByteArray& name) const
{
    for (const auto& [k, v] : m_headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

void ApiReply::abort()
{
    if (m_finished || m_aborted)
        return;
    m_aborted = true;
    if (m_network) {
        m_network->abort(); // its finished() ends the call as Canceled
        return;
    }
    if (m_backoff)
        m_backoff->stop();
    if (auto* client = qobject_cast<ApiClient*>(parent())) {
        ApiError error = client->baseError(this);
        error.kind = ApiError::Kind::Canceled;
        error.code = QStringLiteral("Canceled");
        error.message = tr("Canceled.");
        client->finish(this, error);
    }
}

ApiClient::ApiClient(Endpoints endpoints, CredentialGetter credentials, const Clock* clock, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_credentials(std::move(credentials))
    , m_clock(clock ? clock : Clock::system())
    , m_writeNam(new QNetworkAccessManager(this))
{
    for (int i = 0; i < ReadPools; ++i)
        m_readNams.append(new QNetworkAccessManager(this));
    // Signed requests must never be replayed to another host by a redirect.
    for (QNetworkAccessManager* nam : std::as_const(m_readNams))
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_writeNam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("RoleDesk/" ROLEDESK_VERSION " (") + QSysInfo::kernelType().toUtf8() + "; " +
           QSysInfo::currentCpuArchitecture().toUtf8() + ") Qt/" + qVersion();
}

QByteArray ApiClient::formEncode(const StringPairList& params)
{
    QByteArray out;
    for (const auto& [k, v] : params) {
        if (!out.isEmpty())
            out += '&';
        out += Signing::percentEncode(k.toUtf8()) + '=' + Signing::percentEncode(v.toUtf8());
    }
    return out;
}

QDateTime ApiClient::parseHttpDate(const QByteArray& value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return {};
    const QLocale c = QLocale::c();
    static const QStringList formats = {
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("ddd, d MMM yyyy HH:mm:ss 'GMT'"),
        QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"), QStringLiteral("ddd MMM d HH:mm:ss yyyy")};
    for (const QString& format : formats) {
        QDateTime dt = c.toDateTime(text, format);
        if (dt.isValid()) {
            if (format.contains(QLatin1String("yy HH")) && dt.date().year() < 1970)
                dt = dt.addYears(100);
            dt.setTimeSpec(Qt::UTC);
            return dt;
        }
    }
    QDateTime dt = QDateTime::fromString(text, Qt::RFC2822Date);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

ApiReply* ApiClient::send(const ApiRequest& request)
{
    auto* reply = new ApiReply(request, this);
    reply->m_timeout = new QTimer(reply);
    reply->m_timeout->setSingleShot(true);
    connect(reply->m_timeout, &QTimer::timeout, reply, [reply] {
        if (reply->m_network) {
            reply->m_timedOut = true;
            reply->m_network->abort();
        }
    });
    reply->m_backoff = new QTimer(reply);
    reply->m_backoff->setSingleShot(true);
    // Precise: a retry may have been put in a slot of a paced listing (ApiRequest::retryDelay); a coarse timer may
    // fire 5% off.
    reply->m_backoff->setTimerType(Qt::PreciseTimer);
    connect(reply->m_backoff, &QTimer::timeout, this, [this, reply] {
        if (reply->m_request.beforeRetry && !reply->m_finished && !reply->m_aborted) {
            const int later = reply->m_request.beforeRetry(reply->m_attempts + 1);
            if (later > 0) {
                reply->m_backoff->start(later);
                return;
            }
        }
        startAttempt(reply);
    });
    // Always asynchronous, so callers can connect after send() even when the call fails at once.
    QTimer::singleShot(0, reply, [this, reply] { startAttempt(reply); });
    return reply;
}

void ApiClient::call(const ApiRequest& request, QObject* context, std::function<void(ApiReply*)> done)
{
    ApiReply* reply = send(request);
    connect(reply, &ApiReply::finished, context ? context : this, [reply, done = std::move(done)] {
        if (done)
            done(reply);
    });
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
}

ApiError ApiClient::baseError(const ApiReply* reply) const
{
    ApiError error;
    error.service = apiServiceName(reply->m_request.service);
    error.action = reply->m_request.action;
    const QUrl base = m_endpoints.baseUrl(reply->m_request.service, reply->m_request.region);
    if (base.isValid())
        error.host = QString::fromUtf8(hostHeader(base));
    error.attempts = reply->m_attempts;
    return error;
}

void ApiClient::startAttempt(ApiReply* reply)
{
    if (reply->m_finished || reply->m_aborted)
        return;
    const ApiRequest& request = reply->m_request;
    ++reply->m_attempts;

    QString endpointError;
    const QUrl base = m_endpoints.baseUrl(request.service, request.region, &endpointError);
    if (!base.isValid()) {
        ApiError error = baseError(reply);
        error.kind = ApiError::Kind::InvalidEndpoint;
        error.code = QStringLiteral("InvalidEndpoint");
        error.message = endpointError;
        error.explanation = endpointError;
        finish(reply, error);
        return;
    }

    const Credential credential = m_credentials ? m_credentials() : Credential();
    if (credential.isNull()) {
        ApiError error = baseError(reply);
        error.kind = ApiError::Kind::NoCredential;
        error.code = QStringLiteral("NoCredential");
        error.explanation = tr("No credential is available to sign the request. Configure an AccessKey, a profile "
                               "or another credential source, or refresh the current one.");
        finish(reply, error);
        return;
    }
    reply->m_secrets = credential.secrets();
    reply->m_maskedKeyId = credential.maskedKeyId();
    const QByteArray keyId = credential.accessKeyId().toUtf8();
    const QByteArray secret = credential.accessKeySecret().toUtf8();
    const QDateTime now = m_clock->nowUtc();

    QUrl url = base;
    CaBundle::applyPendingFor(url); // the CA bundle's certificates, before the first HTTPS request
    QNetworkRequest netRequest;
    netRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    netRequest.setRawHeader("User-Agent", userAgent());
    netRequest.setRawHeader("Accept",
                            request.signature == ApiRequest::Signature::Odps ? "application/xml" : "application/json");
    QByteArray body;
    QByteArray method = "POST";

    switch (request.signature) {
    case ApiRequest::Signature::V3: {
        body = formEncode(request.params);
        const QByteArray payloadHash = Signing::hexSha256(body);
        Signing::BytePairList headers = {
            {"host", hostHeader(url)},
            {"x-acs-action", request.action.toUtf8()},
            {"x-acs-version", request.version.toUtf8()},
            {"x-acs-date", isoDate(now)},
            {"x-acs-signature-nonce", nonce()},
            {"x-acs-content-sha256", payloadHash},
            {"content-type", "application/x-www-form-urlencoded"},
        };
        if (credential.isSts())
            headers.append({"x-acs-security-token", credential.securityToken().toUtf8()});
        Signing::V3Input input;
        input.method = method;
        input.path = url.path(QUrl::FullyDecoded).toUtf8();
        input.query = toBytePairs(request.query);
        // The URL carries the query exactly as it was signed (RFC 3986 encoded, sorted).
        if (!request.query.isEmpty())
            url.setQuery(QString::fromLatin1(Signing::canonicalQueryV3(input.query)), QUrl::StrictMode);
        input.headers = headers;
        input.payloadHashHex = payloadHash;
        const Signing::V3Result signature = Signing::signV3(input, keyId, secret);
        for (const auto& [k, v] : headers)
            netRequest.setRawHeader(k, v);
        netRequest.setRawHeader("Authorization", signature.authorization);
        break;
    }
    case ApiRequest::Signature::RpcV1: {
        StringPairList params = {
            {QStringLiteral("Format"), QStringLiteral("JSON")},
            {QStringLiteral("Version"), request.version},
            {QStringLiteral("AccessKeyId"), credential.accessKeyId()},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("Timestamp"), QString::fromLatin1(isoDate(now))},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("SignatureNonce"), QString::fromLatin1(nonce())},
            {QStringLiteral("Action"), request.action},
        };
        if (credential.isSts())
            params.append({QStringLiteral("SecurityToken"), credential.securityToken()});
        params += request.params;
        // V1 signs every parameter wherever it travels; the request's query parameters stay in the URL.
        const QByteArray signature = Signing::signRpcV1(method, toBytePairs(params + request.query), secret);
        params.append({QStringLiteral("Signature"), QString::fromLatin1(signature)});
        if (!request.query.isEmpty())
            url.setQuery(QString::fromLatin1(formEncode(request.query)), QUrl::StrictMode);
        // Everything in the body rather than the query: the token and signature stay out of URLs and proxy logs.
        body = formEncode(params);
        netRequest.setRawHeader("host", hostHeader(url));
        netRequest.setRawHeader("content-type", "application/x-www-form-urlencoded");
        break;
    }
    case ApiRequest::Signature::Odps: {
        method = request.method;
        QString path = url.path(QUrl::FullyDecoded);
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + request.path, QUrl::DecodedMode);
        QByteArray encodedQuery;
        for (const auto& [k, v] : request.query) {
            if (!encodedQuery.isEmpty())
                encodedQuery += '&';
            encodedQuery += Signing::percentEncode(k.toUtf8());
            if (!v.isEmpty())
                encodedQuery += '=' + Signing::percentEncode(v.toUtf8());
        }
        if (!encodedQuery.isEmpty())
            url.setQuery(QString::fromLatin1(encodedQuery), QUrl::StrictMode);
        Signing::OdpsInput input;
        input.method = method;
        input.date = Signing::httpDate(now);
        input.resource = request.path.toUtf8();
        input.query = toBytePairs(request.query);
        netRequest.setRawHeader("Date", input.date);
        netRequest.setRawHeader("Authorization", Signing::odpsAuthorization(input, keyId, secret));
        // MaxCompute takes the STS token in its own header, outside the signature.
        if (credential.isSts())
            netRequest.setRawHeader("authorization-sts-token", credential.securityToken().toUtf8());
        break;
    }
    }
    netRequest.setUrl(url);

    reply->m_timedOut = false;
    // Qt's network thread holds no more than the cap ahead of us, from the start (core/util/ReadCap.h says how), so
    // an endless answer fills the buffer and stops there instead of in memory, however late this thread gets to
    // it; the first byte beyond the cap aborts the attempt (readyRead below).
    const qint64 readBuffer = m_options.maxResponseBytes + 1;
    QNetworkReply* network = nullptr;
    if (method != "GET" && !request.idempotent) {
        auto* device = new OneShotBody(body);
        netRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        netRequest.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        // A fresh connection for every write (own manager, no keep-alive): never a stale pooled socket, which
        // is the case Qt's transparent re-send exists for.
        // HTTP/1.1 only: HTTP/2 forbids the Connection header and multiplexes on a shared connection.
        netRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        netRequest.setRawHeader("Connection", "close");
        network = ReadCap::send(m_writeNam, netRequest, method, device, readBuffer);
        device->setParent(network);
    } else {
        QNetworkAccessManager* nam = m_readNams.front();
        for (QNetworkAccessManager* candidate : std::as_const(m_readNams))
            if (m_readsInFlight.value(candidate) < m_readsInFlight.value(nam))
                nam = candidate;
        if (method != "GET") {
            // A body goes with its length and unbuffered, so that ReadCap::start() may start it at once.
            netRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            netRequest.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        }
        network = ReadCap::send(nam, netRequest, method, body, readBuffer);
        ++m_readsInFlight[nam];
        connect(network, &QNetworkReply::finished, this, [this, nam] { --m_readsInFlight[nam]; });
    }
    reply->m_network = network;
    // A refused certificate: keep which one and why, for the error (CaBundle::describe).
    connect(network, &QNetworkReply::sslErrors, network, [network](const QList<QSslError>& errors) {
        network->setProperty("roledeskTlsProblem", CaBundle::describe(errors));
    });
    reply->m_tooLarge = false;
    // The answer is taken out of the reply as it arrives (into m_body, which holds nothing else until the attempt
    // ends), so that Qt's read buffer keeps moving: a reply that is only watched can stall with its buffer one
    // byte short of the cap (Qt 6.4's QHttpThreadDelegate::readyReadSlot stops after a whole block that leaves
    // less than a block of room, then waits for the buffer to be read), and the cap would never be seen.
    reply->m_body.clear();
    connect(network, &QNetworkReply::readyRead, reply, [reply, network, max = m_options.maxResponseBytes] {
        if (reply->m_tooLarge)
            return;
        ReadCap::appendAvailable(network, &reply->m_body, max);
        if (reply->m_body.size() > max) {
            reply->m_tooLarge = true;
            network->abort();
        }
    });
    reply->m_timeout->start(m_options.timeoutMs);
    qCDebug(lcApi).noquote() << "->" << apiServiceName(request.service) << request.action << "to"
                             << Redaction::redactUrl(url) << "key" << reply->m_maskedKeyId << "attempt"
                             << reply->m_attempts;
    connect(network, &QNetworkReply::finished, this, [this, reply, network] { onAttemptFinished(reply, network); });
}

void ApiClient::checkClockSkew(const QByteArray& dateHeader)
{
    const QDateTime serverTime = parseHttpDate(dateHeader);
    if (!serverTime.isValid())
        return;
    const qint64 skew = m_clock->nowUtc().secsTo(serverTime);
    const bool detected = qAbs(skew) > m_options.clockSkewThresholdSeconds;
    if (detected != m_clockSkewDetected || (detected && skew != m_clockSkewSeconds)) {
        m_clockSkewDetected = detected;
        m_clockSkewSeconds = detected ? skew : 0;
        if (detected)
            qCWarning(lcApi).noquote() << "clock skew: the server's time is" << skew << "s away from the local clock";
        emit clockSkewChanged();
    }
}

void ApiClient::onAttemptFinished(ApiReply* reply, QNetworkReply* network)
{
    network->deleteLater();
    reply->m_timeout->stop();
    reply->m_network = nullptr;
    const ApiRequest& request = reply->m_request;

    const QNetworkReply::NetworkError netError = network->error();
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->m_httpStatus = status;
    // The rest of the answer (what arrived with its end); an answer cut off at the cap, or canceled, has no body.
    if (!reply->m_tooLarge && !reply->m_aborted)
        ReadCap::appendAvailable(network, &reply->m_body, m_options.maxResponseBytes);
    if (reply->m_body.size() > m_options.maxResponseBytes && !reply->m_aborted)
        reply->m_tooLarge = true;
    if (reply->m_tooLarge || reply->m_aborted)
        reply->m_body.clear();
    reply->m_headers = network->rawHeaderPairs();
    if (status > 0)
        checkClockSkew(network->rawHeader("Date"));

    ApiError error = baseError(reply);
    error.httpStatus = status;
    error.requestId = QString::fromUtf8(network->rawHeader("x-acs-request-id"));
    if (error.requestId.isEmpty())
        error.requestId = QString::fromUtf8(network->rawHeader("x-odps-request-id"));

    const bool isXml = request.signature == ApiRequest::Signature::Odps;
    if (reply->m_aborted) {
        error.kind = ApiError::Kind::Canceled;
        error.code = QStringLiteral("Canceled");
        error.message = tr("Canceled.");
    } else if (reply->m_tooLarge) {
        error.kind = ApiError::Kind::Parse;
        error.code = QStringLiteral("ResponseTooLarge");
        error.message =
            tr("The answer is larger than %1 bytes; reading stopped there.").arg(m_options.maxResponseBytes);
        error.explanation = tr("The answer is larger than %1 bytes; no API answer is that large. Check that the "
                               "endpoint points at the Alibaba Cloud API and not at something that streams data.")
                                .arg(m_options.maxResponseBytes);
    } else if (status == 0 || reply->m_timedOut) {
        // A server that sent its headers and then drips the body is as timed out as one that never answered.
        if (reply->m_timedOut) {
            error.kind = ApiError::Kind::Timeout;
            error.code = QStringLiteral("Timeout");
            error.explanation = tr("%1 did not answer within %2 seconds. Check the network and the endpoint, or "
                                   "raise the time-out.")
                                    .arg(error.host)
                                    .arg(m_options.timeoutMs / 1000.0, 0, 'g', 3);
        } else {
            error.kind = ApiError::Kind::Network;
            error.code = networkCode(netError);
            error.message = Redaction::redactSecrets(network->errorString(), reply->m_secrets);
            error.explanation = networkExplanation(netError, error.host);
            const QString tls = network->property("roledeskTlsProblem").toString();
            if (netError == QNetworkReply::SslHandshakeFailedError && !tls.isEmpty())
                error.explanation = tls;
        }
    } else if (status >= 200 && status < 300) {
        QJsonObject parsed;
        if (!isXml && request.parseJson && request.parseJson(reply->m_body, &parsed)) {
            reply->m_json = std::move(parsed);
            if (error.requestId.isEmpty())
                error.requestId = reply->m_json.value(QLatin1String("RequestId")).toString();
        } else if (!isXml) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(reply->m_body, &parseError);
            if (doc.isObject()) {
                reply->m_json = doc.object();
                if (error.requestId.isEmpty())
                    error.requestId = reply->m_json.value(QLatin1String("RequestId")).toString();
            } else {
                error.kind = ApiError::Kind::Parse;
                error.code = QStringLiteral("InvalidResponse");
                error.explanation = tr("The answer is not the JSON object the API returns (%1). Check that the "
                                       "endpoint points at the Alibaba Cloud API.")
                                        .arg(parseError.errorString());
            }
        }
    } else {
        readServiceError(reply->m_body, isXml, status, reply->m_secrets, &error);
    }
    reply->m_requestId = error.requestId;

    if (error.isError() && m_clockSkewDetected) {
        error.clockSkewDetected = true;
        error.clockSkewSeconds = m_clockSkewSeconds;
        const qint64 minutes = qAbs(m_clockSkewSeconds) / 60;
        const QString skewText = m_clockSkewSeconds < 0
                                     ? tr("This computer's clock is %1 minutes ahead of the server's.").arg(minutes)
                                     : tr("This computer's clock is %1 minutes behind the server's.").arg(minutes);
        error.explanation =
            skewText + QLatin1Char(' ') +
            tr("Signed requests carry the time and are rejected when it is off: synchronise the system clock "
               "(NTP).") +
            (error.explanation.isEmpty() ? QString() : QLatin1Char(' ') + error.explanation);
    }

    qCInfo(lcApi).noquote() << apiServiceName(request.service) << request.action << error.host << "HTTP" << status
                            << "RequestId" << (error.requestId.isEmpty() ? QStringLiteral("-") : error.requestId)
                            << "key" << reply->m_maskedKeyId << "attempt" << reply->m_attempts
                            << (error.isError() ? ApiError::kindName(error.kind) + QLatin1Char(' ') + error.code
                                                : QStringLiteral("ok"));

    if (error.isError() && shouldRetry(reply, error, netError)) {
        int delay = backoffDelayMs(reply->m_attempts, network->rawHeader("Retry-After"));
        if (request.retryDelay)
            delay = qMax(0, request.retryDelay(error, reply->m_attempts, delay));
        qCInfo(lcApi).noquote() << "retrying" << request.action << "in" << delay << "ms";
        emit reply->retrying(reply->m_attempts, delay, error);
        reply->m_backoff->start(delay);
        return;
    }
    finish(reply, error);
}

bool ApiClient::shouldRetry(const ApiReply* reply, const ApiError& error, QNetworkReply::NetworkError netError) const
{
    if (reply->m_aborted || reply->m_attempts >= m_options.maxAttempts)
        return false;
    if (error.kind == ApiError::Kind::Network && neverReachedServer(netError))
        return true; // safe even for writes: the server never saw the request
    // Throttling is decided by the gateway before the API runs: a throttled write did nothing, so sending it
    // again cannot apply it twice (the official SDKs' retry policies treat throttling the same way).
    if (error.kind == ApiError::Kind::Service && error.isThrottling())
        return true;
    if (!reply->m_request.idempotent)
        return false;
    switch (error.kind) {
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Network:
        return netError != QNetworkReply::SslHandshakeFailedError;
    case ApiError::Kind::Service:
        return error.httpStatus == 429 || error.httpStatus >= 500 ||
               error.code.startsWith(QLatin1String("Throttling")) || error.code == QLatin1String("ServiceUnavailable");
    default:
        return false;
    }
}

int ApiClient::backoffDelayMs(int attempt, const QByteArray& retryAfter) const
{
    qint64 delay = qint64(m_options.backoffBaseMs) << qMin(attempt - 1, 20);
    delay = qMin<qint64>(delay, m_options.backoffMaxMs);
    // Full jitter on the upper half spreads clients that were throttled together.
    const qint64 half = delay / 2;
    delay = half + (half > 0 ? QRandomGenerator::global()->bounded(half + 1) : 0);
    bool ok = false;
    const int serverAsks = retryAfter.trimmed().toInt(&ok);
    if (ok && serverAsks > 0)
        delay = qMax<qint64>(delay, qMin<qint64>(qint64(serverAsks) * 1000, m_options.backoffMaxMs));
    return int(delay);
}

void ApiClient::readServiceError(const QByteArray& body, bool isXml, int httpStatus, const QStringList& secrets,
                                 ApiError* error)
{
    error->kind = ApiError::Kind::Service;
    error->httpStatus = httpStatus;
    if (isXml) {
        parseXmlError(body, *error);
    } else {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        error->code = object.value(QLatin1String("Code")).toString();
        error->message = object.value(QLatin1String("Message")).toString();
        if (const QString id = object.value(QLatin1String("RequestId")).toString(); !id.isEmpty())
            error->requestId = id;
        error->hostId = object.value(QLatin1String("HostId")).toString();
    }
    // Every member is the server's choice: an echo of the request can put a secret in any of them.
    error->code = Redaction::redactSecrets(error->code, secrets);
    error->message = Redaction::redactSecrets(error->message, secrets);
    error->requestId = Redaction::redactSecrets(error->requestId, secrets);
    error->hostId = Redaction::redactSecrets(error->hostId, secrets);
    if (error->code.isEmpty() && error->message.isEmpty())
        error->message = Redaction::bodyExcerpt(body, secrets);
    error->explanation = ApiError::explanationForCode(error->code);
    if (error->explanation.isEmpty()) {
        if (httpStatus == 429 || httpStatus == 503)
            error->explanation = ApiError::explanationForCode(QStringLiteral("Throttling"));
        else if (httpStatus >= 500)
            error->explanation = tr("The service had an internal error. Retry later; quote the RequestId if "
                                    "you contact support.");
        else if (httpStatus == 404 && error->code.isEmpty())
            error->explanation = tr("The endpoint answered 404 Not Found: check the endpoint URL and region.");
    }
}

void ApiClient::finish(ApiReply* reply, ApiError error)
{
    if (reply->m_finished)
        return;
    error.attempts = reply->m_attempts;
    reply->m_error = error;
    reply->m_finished = true;
    reply->m_secrets.clear();
    if (error.isError() && error.kind != ApiError::Kind::Canceled)
        qCWarning(lcApi).noquote() << error.toString();
    emit reply->finished();
}
