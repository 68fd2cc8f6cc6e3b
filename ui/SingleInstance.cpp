#include "SingleInstance.h"

#include "util/Logging.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QWidget>

#include <memory>

namespace {

// A message is: magic, then the arguments as a QStringList. Anything else is ignored, so a stray client (or
// another program that picked the same name) cannot make RoleDesk do anything but come to the front.
constexpr quint32 kMagic = 0x52444b31; // "RDK1"
constexpr qint64 kMaxMessageBytes = 64 * 1024;

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

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxMessageBytes) {
                qCWarning(lcUi) << "single instance: oversized message ignored";
                socket->abort();
                return;
            }
            QDataStream in(socket);
            in.setVersion(QDataStream::Qt_6_4);
            in.startTransaction();
            QByteArray payload;
            in >> payload;
            if (!in.commitTransaction())
                return; // wait for the rest
            QDataStream body(payload);
            body.setVersion(QDataStream::Qt_6_4);
            quint32 magic = 0;
            QStringList arguments;
            body >> magic >> arguments;
            socket->disconnectFromServer();
            if (body.status() != QDataStream::Ok || magic != kMagic) {
                qCWarning(lcUi) << "single instance: unrecognised message ignored";
                return;
            }
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
