#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QWidget;

// One RoleDesk per user: the first process listens on a local socket whose name is derived from the user;
// a later launch hands its arguments to the first one and exits, and the first one raises its window.
//
//   SingleInstance instance;
//   if (!instance.claim(QCoreApplication::arguments()))
//       return 0;                                   // the running RoleDesk was asked to come forward
//   QObject::connect(&instance, &SingleInstance::activationRequested, &window,
//                    [&window] { SingleInstance::raise(&window); });
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // key separates programs (and tests) that must not see each other; the user is always part of the name.
    explicit SingleInstance(QString key = QStringLiteral("RoleDesk"), QObject* parent = nullptr);
    ~SingleInstance() override;

    // True when this process should go on: it is now the primary instance (it listens for later launches), or it
    // could neither reach a running instance nor listen (errorString() says why; two windows beat none).
    // False when another instance took the arguments: this process should exit with status 0.
    // Blocks for at most connectTimeoutMs while it talks to a running instance; call before the event loop.
    bool claim(const QStringList& arguments = {}, int connectTimeoutMs = 1000);
    bool isPrimary() const { return m_server != nullptr; }

    // The QLocalServer name: a path in $XDG_RUNTIME_DIR where there is one, else a name Qt places in the
    // temporary directory (Unix) or a named pipe (Windows).
    QString serverName() const { return m_serverName; }
    // Why the last claim() could neither reach a running instance nor listen (empty otherwise).
    QString errorString() const { return m_error; }

    static QString serverNameFor(const QString& key);

    // Decodes a message as it arrives on the socket (the framing sendToPrimary writes: a length, the magic, the
    // arguments) after checking the magic and every length against what is there; nothing is allocated for a
    // count the bytes cannot hold. Incomplete: wait for more bytes.
    enum class Decoded
    {
        Ok,
        Incomplete,
        Invalid
    };
    static Decoded decodeMessage(const QByteArray& buffer, QStringList* arguments);
    // Shows, un-minimises and raises a top-level window and asks the window manager to focus it.
    static void raise(QWidget* window);

signals:
    // A second launch happened; arguments are its command line.
    void activationRequested(const QStringList& arguments);

private:
    bool sendToPrimary(const QStringList& arguments, int timeoutMs);
    bool listen();
    void onNewConnection();

    QString m_serverName;
    QLocalServer* m_server = nullptr;
    QString m_error;
};
