#include "LocalCredentialServer.h"

#include "credentials/CredentialSource.h"
#include "credentials/CredentialsUriFormat.h"
#include "util/Bytes.h"
#include "util/HttpGuard.h"
#include "util/Logging.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace {

QByteArray errorBody(const QString& code, const QString& message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}})
        .toJson(QJsonDocument::Compact);
}

// Defence in depth against DNS rebinding: a web page that somehow learnt the path still talks to its own host name,
// never to 127.0.0.1/localhost. A request without a Host header (HTTP/1.0) passes.
bool loopbackHost(const QHttpServerRequest& request)
{
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("host", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray host = value.trimmed().toLower();
        const qsizetype portColon = host.lastIndexOf(':');
        if (portColon > 0 && !host.endsWith(']'))
            host.truncate(portColon);
        return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
    }
    return true;
}

} // namespace

LocalCredentialServer::LocalCredentialServer(CredentialSource* source, QObject* parent)
    : LocalCredentialServer(source, Options(), parent)
{}

LocalCredentialServer::LocalCredentialServer(CredentialSource* source, Options options, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_options(options)
    , m_http(new QHttpServer(this))
{
    // 32 bytes = 256 bits from the operating system's generator, base64url without padding (43 characters).
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(random.data()),
                                         reinterpret_cast<quint32*>(random.data() + random.size()));
    m_path = QByteArrayLiteral("/") + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    // No routes: every request comes here, so the path is compared in one place, in constant time.
    m_http->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        onRequest(request, std::move(responder));
    });
}

LocalCredentialServer::~LocalCredentialServer() = default;

bool LocalCredentialServer::listen(quint16 port, QString* error)
{
    HttpLimits limits;
    limits.maxHeaderBytes = m_options.maxRequestBytes;
    limits.maxBodyBytes = m_options.maxRequestBytes;
    // A request's headers must be complete within half the idle time, so a client that stalls mid-request gets its
    // 408 before the idle close.
    limits.headerTimeoutMs = m_options.idleTimeoutMs / 2;
    limits.idleTimeoutMs = m_options.idleTimeoutMs;
    auto* tcp = new GuardedTcpServer(limits, this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1: %2. Choose another port with --port, or 0 for any free port.")
                         .arg(port)
                         .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_http->bind(tcp);
    m_tcp = tcp;
    return true;
}

void LocalCredentialServer::close()
{
    if (m_tcp)
        m_tcp->close();
}

bool LocalCredentialServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 LocalCredentialServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl LocalCredentialServer::uri() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QString::fromLatin1(m_path));
    return url;
}

void LocalCredentialServer::onRequest(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ++m_requests;
    const QUrl url = request.url();
    const QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    int status = 404;
    QByteArray body;
    if (loopbackHost(request) && !url.hasQuery() && Bytes::constantTimeEqual(target, m_path)) {
        if (request.method() == QHttpServerRequest::Method::Get)
            body = credentialAnswer(&status);
        else
            status = 405;
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    if (!body.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    if (status == 405)
        responder.writeHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(request.method() == QHttpServerRequest::Method::Head ? QByteArray() : body);
    // One request per connection, as the header says; pending bytes are sent first.
    if (QTcpSocket* socket = responder.socket())
        socket->disconnectFromHost();
    qCDebug(lcCli) << "local credentials service answered" << status;
    emit answered(status);
}

QByteArray LocalCredentialServer::credentialAnswer(int* status) const
{
    const Credential credential = m_source->usableCredential();
    if (!credential.isNull() && credential.isSts() && credential.expires()) {
        *status = 200;
        return QJsonDocument(CredentialsUriFormat::answer(credential)).toJson(QJsonDocument::Compact);
    }
    *status = 503;
    if (!credential.isNull())
        return errorBody(QStringLiteral("CredentialNotServable"),
                         tr("The credential source gives a long-term AccessKey, which is never served: the "
                            "in-environment format carries STS credentials only. Use --role-arn to serve a role "
                            "session instead."));
    const CredentialError& error = m_source->lastError();
    QString message = error.isNull() ? tr("No credential yet: the first fetch has not finished.")
                                     : tr("No usable credential: %1").arg(error.toString());
    if (m_source->nextAttemptUtc().isValid())
        message += QLatin1Char(' ') + tr("Next try at %1.").arg(m_source->nextAttemptUtc().toString(Qt::ISODate));
    return errorBody(QStringLiteral("CredentialUnavailable"), message);
}
