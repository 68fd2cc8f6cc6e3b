#include "SingleInstance.h"

#include <QDataStream>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void secondLaunchHandsOverArguments();
    void nameDependsOnKeyAndUser();
    void staleSocketIsReplaced();
    void nextLaunchAfterExitBecomesPrimary();
    void garbageIsIgnored();
    void raiseShowsMinimisedWindow();

private:
    QString m_key;
    QTemporaryDir m_runtime;
};

void TestSingleInstance::init()
{
    // A private runtime directory per test, as the session manager gives each user.
    QVERIFY(m_runtime.isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    m_key = QStringLiteral("RoleDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestSingleInstance::secondLaunchHandsOverArguments()
{
    SingleInstance first(m_key);
    QVERIFY(first.claim({QStringLiteral("roledesk")}));
    QVERIFY(first.isPrimary());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);

    SingleInstance second(m_key);
    const QStringList arguments{QStringLiteral("roledesk"), QStringLiteral("--inspect"), QStringLiteral("中文 ✓")};
    QVERIFY(!second.claim(arguments));
    QVERIFY(!second.isPrimary());

    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 30000);
    QCOMPARE(activated.at(0).at(0).toStringList(), arguments);

    // A third launch is handed over too.
    SingleInstance third(m_key);
    QVERIFY(!third.claim({QStringLiteral("roledesk")}));
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 2, 30000);
}

void TestSingleInstance::nameDependsOnKeyAndUser()
{
    const QString name = SingleInstance::serverNameFor(m_key);
    QCOMPARE(SingleInstance::serverNameFor(m_key), name);
    QVERIFY(SingleInstance::serverNameFor(m_key + QStringLiteral("x")) != name);
#ifdef Q_OS_UNIX
    QVERIFY2(name.startsWith(m_runtime.path() + QLatin1Char('/')), qPrintable(name));
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", "/home/someone-else");
    const QString otherUser = SingleInstance::serverNameFor(m_key);
    qputenv("HOME", oldHome);
    QVERIFY(otherUser != name);
#endif
}

void TestSingleInstance::staleSocketIsReplaced()
{
#ifdef Q_OS_UNIX
    // What a crashed instance leaves: a socket path nobody listens on.
    const QString name = SingleInstance::serverNameFor(m_key);
    QFile stale(name);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    SingleInstance instance(m_key);
    QVERIFY2(instance.claim({}, 2000), qPrintable(instance.errorString()));
    QVERIFY(instance.isPrimary());
    QVERIFY(instance.errorString().isEmpty());
#else
    QSKIP("socket files exist on Unix only");
#endif
}

void TestSingleInstance::nextLaunchAfterExitBecomesPrimary()
{
    {
        SingleInstance first(m_key);
        QVERIFY(first.claim());
    }
    SingleInstance next(m_key);
    QVERIFY(next.claim());
    QVERIFY(next.isPrimary());
}

void TestSingleInstance::garbageIsIgnored()
{
    SingleInstance first(m_key);
    QVERIFY(first.claim());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);

    QLocalSocket stranger;
    stranger.connectToServer(first.serverName());
    QVERIFY(stranger.waitForConnected(5000));
    QByteArray message;
    {
        QDataStream out(&message, QIODevice::WriteOnly);
        out << QByteArrayLiteral("not a RoleDesk message at all");
    }
    stranger.write(message);
    QVERIFY(stranger.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(stranger.state() == QLocalSocket::UnconnectedState || stranger.waitForDisconnected(100),
                             30000);
    QCOMPARE(activated.count(), 0);

    // The server still works for a real second launch afterwards.
    SingleInstance second(m_key);
    QVERIFY(!second.claim({QStringLiteral("roledesk")}));
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 30000);
}

void TestSingleInstance::raiseShowsMinimisedWindow()
{
    QWidget window;
    window.showMinimized();
    QVERIFY(window.isMinimized());
    SingleInstance::raise(&window);
    QVERIFY(window.isVisible());
    QVERIFY(!window.isMinimized());
}

QTEST_MAIN(TestSingleInstance)
#include "test_singleinstance.moc"
