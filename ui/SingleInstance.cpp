#include "SingleInstance.h"

#include "util/Logging.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace {

// A message is: magic, then the arguments as a QStringList. Anything else is ignored, so a stray client (or
// another program that picked the same name) cannot make RoleDesk do anything but come to the front.
constexpr quint32 kMagic = 0x52444b31; // "RDK1"
constexpr qint64 kMaxMessageBytes = 64 * 1024;
constexpr int kIdleTimeoutMs = 5000;

QString userIdentity()
{
    // USER/USERNAME can be missing in services; the home directory is per user everywhere.
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user + QLatin1Char('|') + QDir::homePath();
}

} // namespace

SingleInstance::SingleInstance(QString key, QObject* parent)
    : QObject(parent)
    , m_serverName(serverNameFor(key))
{}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file so the next launch does not meet a stale one
}

QString SingleInstance::serverNameFor(const QString& key)
{
    const QByteArray digest =
        QCryptographicHash::hash((key + QLatin1Char('|') + userIdentity()).toUtf8(), QCryptographicHash::Sha256);
    const QString name = QStringLiteral("roledesk-") + QString::fromLatin1(digest.toHex().left(16));
#ifdef Q_OS_UNIX
    // The runtime directory is private to the user (0700), so no other user can even see the socket.
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isDir() && QFileInfo(runtimeDir).isWritable())
        return runtimeDir + QLatin1Char('/') + name + QStringLiteral(".sock");
#endif
    return name;
}

bool SingleInstance::claim(const QStringList& arguments, int connectTimeoutMs)
{
    m_error.clear();
    if (m_server)
        return true;
    if (sendToPrimary(arguments, connectTimeoutMs))
        return false;
    if (listen())
        return true;
    // Two launches at the same moment: the other one won the race between our connect and our listen.
    if (sendToPrimary(arguments, connectTimeoutMs))
        return false;
    qCWarning(lcUi) << "single instance: cannot listen on" << m_serverName << m_error;
    // Running twice is better than not running at all.
    return true;
}

bool SingleInstance::sendToPrimary(const QStringList& arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << kMagic << arguments;
    }
    QByteArray message;
    {
        QDataStream out(&message, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << payload; // length-prefixed
    }
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs)) {
        m_error = socket.errorString();
        return false;
    }
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    qCInfo(lcUi) << "RoleDesk is already running for this user: asked it to come to the front";
    return true;
}

bool SingleInstance::listen()
{
    auto server = std::make_unique<QLocalServer>(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_serverName)) {
        if (server->serverError() != QAbstractSocket::AddressInUseError) {
            m_error = server->errorString();
            return false;
        }
        // Nobody answered on the name, so the socket file was left by a crashed instance.
        QLocalServer::removeServer(m_serverName);
        if (!server->listen(m_serverName)) {
            m_error = server->errorString();
            return false;
        }
    }
    m_server = server.release();
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

SingleInstance::Decoded SingleInstance::decodeMessage(const QByteArray& buffer, QStringList* arguments)
{
    // Checked by hand, field by field, before anything is allocated: QDataStream would take a garbage list
    // count at its word and reserve gigabytes for it.
    auto readU32 = [&buffer](qsizetype at) {
        const auto* p = reinterpret_cast<const uchar*>(buffer.constData() + at);
        return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    };
    if (buffer.size() < 4)
        return Decoded::Incomplete;
    const quint32 payloadSize = readU32(0);
    if (payloadSize == 0xffffffffu || payloadSize > quint32(kMaxMessageBytes) || payloadSize < 8)
        return Decoded::Invalid;
    if (buffer.size() < 4 + qsizetype(payloadSize))
        return Decoded::Incomplete;
    if (buffer.size() > 4 + qsizetype(payloadSize))
        return Decoded::Invalid; // one message per connection
    qsizetype at = 4;
    const qsizetype end = 4 + qsizetype(payloadSize);
    if (readU32(at) != kMagic)
        return Decoded::Invalid;
    at += 4;
    const quint32 count = readU32(at);
    at += 4;
    // Every string takes at least its 4-byte length.
    if (count > quint32((end - at) / 4))
        return Decoded::Invalid;
    QStringList list;
    list.reserve(qsizetype(count));
    for (quint32 i = 0; i < count; ++i) {
        if (end - at < 4)
            return Decoded::Invalid;
        const quint32 bytes = readU32(at);
        at += 4;
        if (bytes == 0xffffffffu) {
            list << QString();
            continue;
        }
        if (bytes % 2 != 0 || bytes > quint32(end - at))
            return Decoded::Invalid;
        QString text(qsizetype(bytes / 2), Qt::Uninitialized);
        for (qsizetype k = 0; k < text.size(); ++k) {
            const auto* p = reinterpret_cast<const uchar*>(buffer.constData() + at + 2 * k);
            text[k] = QChar(ushort((p[0] << 8) | p[1]));
        }
        at += bytes;
        list << text;
    }
    if (at != end)
        return Decoded::Invalid;
    if (arguments)
        *arguments = list;
    return Decoded::Ok;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that connects and stays silent (or trickles) must not hold the socket.
        auto* idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, [socket] {
            qCWarning(lcUi) << "single instance: silent client dropped";
            socket->abort();
        });
        idle->start(kIdleTimeoutMs);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxMessageBytes + 4) {
                qCWarning(lcUi) << "single instance: oversized message ignored";
                socket->abort();
                return;
            }
            QStringList arguments;
            switch (decodeMessage(socket->peek(kMaxMessageBytes + 8), &arguments)) {
            case Decoded::Incomplete:
                return; // wait for the rest
            case Decoded::Invalid:
                qCWarning(lcUi) << "single instance: unrecognised message ignored";
                socket->abort();
                return;
            case Decoded::Ok:
                break;
            }
            socket->readAll();
            socket->disconnectFromServer();
            emit activationRequested(arguments);
        });
    }
}

void SingleInstance::raise(QWidget* window)
{
    if (!window)
        return;
    window = window->window();
    window->show();
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->raise();
    window->activateWindow();
}
