#include "LocalCredentialServer.h"

#include "credentials/CredentialSource.h"
#include "util/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Error");
    }
}

QByteArray errorBody(const QString& code, const QString& message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

LocalCredentialServer::LocalCredentialServer(CredentialSource* source, QObject* parent)
    : LocalCredentialServer(source, Options(), parent)
{}

LocalCredentialServer::LocalCredentialServer(CredentialSource* source, Options options, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_options(options)
    , m_server(new QTcpServer(this))
{
    // 32 bytes = 256 bits from the operating system's generator, base64url without padding (43 characters).
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(random.data()),
                                         reinterpret_cast<quint32*>(random.data() + random.size()));
    m_path = QByteArrayLiteral("/") + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    connect(m_server, &QTcpServer::newConnection, this, &LocalCredentialServer::onNewConnection);
}

LocalCredentialServer::~LocalCredentialServer() = default;

bool LocalCredentialServer::listen(quint16 port, QString* error)
{
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = tr("Cannot listen on 127.0.0.1:%1: %2. Choose another port with --port, or 0 for any free port.")
                     .arg(port)
                     .arg(m_server->errorString());
    return false;
}

void LocalCredentialServer::close()
{
    m_server->close();
}

bool LocalCredentialServer::isListening() const
{
    return m_server->isListening();
}

quint16 LocalCredentialServer::port() const
{
    return m_server->serverPort();
}

QUrl LocalCredentialServer::uri() const
{
    if (!m_server->isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QString::fromLatin1(m_path));
    return url;
}

bool LocalCredentialServer::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    // The length of the expected value is public (always 44); compare every byte of the longer one.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a.at(i)) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b.at(i)) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

QByteArray LocalCredentialServer::successBody(const QString& accessKeyId, const QString& secret, const QString& token,
                                              const QString& expiration)
{
    QJsonObject o;
    o.insert(QStringLiteral("Code"), QStringLiteral("Success"));
    o.insert(QStringLiteral("AccessKeyId"), accessKeyId);
    o.insert(QStringLiteral("AccessKeySecret"), secret);
    o.insert(QStringLiteral("SecurityToken"), token);
    o.insert(QStringLiteral("Expiration"), expiration);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void LocalCredentialServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        auto* idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start(m_options.idleTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LocalCredentialServer::onReadyRead(QTcpSocket* socket)
{
    if (socket->property("roledesk_answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("roledesk_buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > m_options.maxRequestBytes)
            respond(socket, 431, {}, {});
        else
            socket->setProperty("roledesk_buffer", buffer);
        return;
    }
    socket->setProperty("roledesk_buffer", QVariant());
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, {}, {});
        return;
    }
    const QByteArray method = requestLine.at(0);
    const QByteArray target = requestLine.at(1);
    // Defence in depth against DNS rebinding: a web page that somehow learnt the path still talks to its own
    // host name, never to 127.0.0.1/localhost.
    bool hostOk = true;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "host") {
            QByteArray host = line.mid(colon + 1).trimmed().toLower();
            const qsizetype portColon = host.lastIndexOf(':');
            if (portColon > 0 && !host.endsWith(']'))
                host.truncate(portColon);
            hostOk = host == "127.0.0.1" || host == "localhost" || host == "[::1]";
        }
    }
    ++m_requests;
    if (!hostOk || !constantTimeEquals(target, m_path)) {
        respond(socket, 404, {}, method);
        return;
    }
    if (method != "GET") {
        respond(socket, 405, {}, method);
        return;
    }
    int status = 200;
    const QByteArray body = credentialAnswer(&status);
    respond(socket, status, body, method);
}

QByteArray LocalCredentialServer::credentialAnswer(int* status) const
{
    const Credential credential = m_source->usableCredential();
    if (!credential.isNull() && credential.isSts() && credential.expires()) {
        *status = 200;
        return successBody(credential.accessKeyId(), credential.accessKeySecret(), credential.securityToken(),
                           credential.expiration().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
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

void LocalCredentialServer::respond(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& method)
{
    socket->setProperty("roledesk_answered", true);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!body.isEmpty())
        head += "Content-Type: application/json\r\n";
    if (status == 405)
        head += "Allow: GET\r\n";
    head += "Cache-Control: no-store\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n";
    socket->write(head);
    if (method != "HEAD")
        socket->write(body);
    socket->disconnectFromHost();
    qCDebug(lcCli) << "local credentials service answered" << status;
    emit answered(status);
}
