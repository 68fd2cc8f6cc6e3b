#include "CredentialHttp.h"

#include "util/CaBundle.h"
#include "util/ReadCap.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <memory>

CredentialProxyFactory::CredentialProxyFactory(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{}

bool CredentialProxyFactory::isLocalHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address(host);
    if (address.isNull())
        return false;
    // 100.100.100.200 is the ECS metadata service: reachable only from the instance itself.
    return address.isLoopback() || address.isLinkLocal() || address == QHostAddress(QStringLiteral("100.100.100.200"));
}

QList<QNetworkProxy> CredentialProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    const QString host = query.peerHostName();
    if (isLocalHost(host))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};

    auto env = [this](const char* upper, const char* lower) {
        QString v = m_environment.value(QLatin1String(upper));
        return v.isEmpty() ? m_environment.value(QLatin1String(lower)) : v;
    };
    const QString noProxy = env("NO_PROXY", "no_proxy");
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed();
        if (entry == QLatin1String("*"))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        if (entry.startsWith(QLatin1Char('.')))
            entry = entry.mid(1);
        if (host.compare(entry, Qt::CaseInsensitive) == 0 ||
            host.endsWith(QLatin1Char('.') + entry, Qt::CaseInsensitive))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }
    const bool https = query.url().scheme() == QLatin1String("https");
    const QString proxyText = https ? env("HTTPS_PROXY", "https_proxy") : env("HTTP_PROXY", "http_proxy");
    if (!proxyText.isEmpty()) {
        QUrl proxyUrl = QUrl::fromUserInput(proxyText);
        if (proxyUrl.isValid() && !proxyUrl.host().isEmpty()) {
            const auto type = proxyUrl.scheme().startsWith(QLatin1String("socks")) ? QNetworkProxy::Socks5Proxy
                                                                                   : QNetworkProxy::HttpProxy;
            return {QNetworkProxy(type, proxyUrl.host(),
                                  quint16(proxyUrl.port(type == QNetworkProxy::HttpProxy ? 80 : 1080)),
                                  proxyUrl.userName(), proxyUrl.password())};
        }
    }
    return QNetworkProxyFactory::systemProxyForQuery(query);
}

QString CredentialHttpResponse::describeFailure(const CredentialHttpRequest& request) const
{
    switch (failure) {
    case Failure::None:
        return {};
    case Failure::ConnectTimeout:
        return QCoreApplication::translate("CredentialHttp",
                                           "No connection within %1 ms (connect time-out). Check that the address is "
                                           "reachable from this machine.")
            .arg(request.connectTimeoutMs);
    case Failure::ReadTimeout:
        return QCoreApplication::translate("CredentialHttp",
                                           "No answer within %1 ms after the request was sent (read time-out). The "
                                           "service is hanging; try again, or restart it.")
            .arg(request.readTimeoutMs);
    case Failure::Deadline:
        return QCoreApplication::translate("CredentialHttp",
                                           "The answer did not complete within %1 ms (overall deadline), although "
                                           "the service may still be sending. The service is too slow or "
                                           "misbehaving; try again, or restart it.")
            .arg(request.effectiveDeadlineMs());
    case Failure::TooLarge:
        return QCoreApplication::translate("CredentialHttp",
                                           "The answer is larger than %1 bytes and was cut off; a credentials answer "
                                           "is under 8 KiB. Check that the address really serves credentials.")
            .arg(request.maxBytes);
    case Failure::Network:
        return QCoreApplication::translate("CredentialHttp",
                                           "Network error: %1. Check that the service runs and the address is right.")
            .arg(networkError);
    }
    return {};
}

namespace CredentialHttp {

void send(QNetworkAccessManager* manager, const CredentialHttpRequest& request, QObject* context,
          std::function<void(const CredentialHttpResponse&)> done)
{
    CaBundle::applyPendingFor(request.url); // the CA bundle's certificates, before the first HTTPS request
    QNetworkRequest netRequest(request.url);
    netRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    netRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    netRequest.setTransferTimeout(0); // our own timers distinguish connect from read time-outs
    // Uncompressed: the cap then counts the bytes on the wire, and no small answer can inflate.
    netRequest.setRawHeader("Accept-Encoding", "identity");
    for (const auto& [name, value] : request.headers)
        netRequest.setRawHeader(name, value);
    // A body goes as a byte array with its length and unbuffered, so that ReadCap::start() may start it at once.
    if (!request.body.isEmpty()) {
        netRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        netRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    }
    // Qt's network thread holds no more than this ahead of us, from the start (ReadCap says how): an answer that
    // announces (or sends) more than the cap fills the buffer, readyRead below sees it and aborts, whatever the
    // chunking or Content-Length and however late this thread gets to it.
    QNetworkReply* reply = ReadCap::send(manager, netRequest, request.method, request.body, request.maxBytes + 1);

    struct State
    {
        CredentialHttpResponse::Failure failure = CredentialHttpResponse::Failure::None;
        bool finished = false;
        QString tlsProblem;
        QByteArray body; // taken out of the reply as it arrives (see progress below)
    };
    auto state = std::make_shared<State>();
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [state](const QList<QSslError>& errors) { state->tlsProblem = CaBundle::describe(errors); });
    auto* connectTimer = new QTimer(reply);
    auto* readTimer = new QTimer(reply);
    auto* deadlineTimer = new QTimer(reply);
    connectTimer->setSingleShot(true);
    readTimer->setSingleShot(true);
    deadlineTimer->setSingleShot(true);
    QPointer<QNetworkReply> guard(reply);
    auto abortWith = [state, guard](CredentialHttpResponse::Failure f) {
        if (state->finished || !guard)
            return;
        state->failure = f;
        guard->abort();
    };
    QObject::connect(connectTimer, &QTimer::timeout, reply,
                     [abortWith] { abortWith(CredentialHttpResponse::Failure::ConnectTimeout); });
    QObject::connect(readTimer, &QTimer::timeout, reply,
                     [abortWith] { abortWith(CredentialHttpResponse::Failure::ReadTimeout); });
    QObject::connect(deadlineTimer, &QTimer::timeout, reply,
                     [abortWith] { abortWith(CredentialHttpResponse::Failure::Deadline); });
    // The request is on the wire once the connection stands: from then on the read time-out applies.
    QObject::connect(reply, &QNetworkReply::requestSent, reply, [connectTimer, readTimer, request] {
        connectTimer->stop();
        readTimer->start(request.readTimeoutMs);
    });
    // The body is read out as it arrives, so that Qt's read buffer keeps moving: a reply that is only watched can
    // stall with its buffer one byte short of the cap (Qt 6.4's QHttpThreadDelegate stops after a whole block that
    // leaves less than a block of room and waits for a read), and the cap would never be seen.
    auto progress = [reply, connectTimer, readTimer, request, abortWith, state] {
        connectTimer->stop();
        readTimer->start(request.readTimeoutMs);
        if (state->finished || state->failure != CredentialHttpResponse::Failure::None)
            return;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        ReadCap::appendAvailable(reply, &state->body, request.maxBytes);
        if ((length.isValid() && length.toLongLong() > request.maxBytes) || state->body.size() > request.maxBytes)
            abortWith(CredentialHttpResponse::Failure::TooLarge);
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, progress);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, progress);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, state, done, request] {
        if (state->finished)
            return; // the context went away first: nobody is left to hear the answer
        state->finished = true;
        CredentialHttpResponse response;
        response.failure = state->failure;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (response.failure == CredentialHttpResponse::Failure::None) {
            response.body = state->body;
            ReadCap::appendAvailable(reply, &response.body, request.maxBytes);
            if (response.body.size() > request.maxBytes) {
                response.failure = CredentialHttpResponse::Failure::TooLarge;
                response.body.truncate(int(request.maxBytes));
            } else if (reply->error() != QNetworkReply::NoError && response.status == 0) {
                response.failure = CredentialHttpResponse::Failure::Network;
                // Qt may quote the URL; its query can hold a token.
                response.networkError =
                    reply->errorString().replace(request.url.toString(), Redaction::redactUrl(request.url));
                if (!state->tlsProblem.isEmpty())
                    response.networkError = state->tlsProblem;
            }
        }
        reply->deleteLater();
        done(response);
    });
    // A context that dies first must not leave the reply running.
    QObject::connect(context, &QObject::destroyed, reply, [guard, state] {
        state->finished = true;
        if (guard) {
            // abort() emits finished() at once, into a context that is half destroyed: silence it first.
            QObject::disconnect(guard, nullptr, nullptr, nullptr);
            guard->abort();
            guard->deleteLater();
        }
    });
    connectTimer->start(request.connectTimeoutMs);
    deadlineTimer->start(request.effectiveDeadlineMs());
}

} // namespace CredentialHttp
