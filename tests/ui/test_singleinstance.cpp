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
    void hugeCountsAreRefusedBeforeDecoding();
    void silentClientsAreDropped();
    void decodeMessageChecksEveryLength_data();
    void decodeMessageChecksEveryLength();
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

namespace {
QByteArray be32(quint32 v)
{
    QByteArray out(4, Qt::Uninitialized);
    out[0] = char(v >> 24);
    out[1] = char(v >> 16);
    out[2] = char(v >> 8);
    out[3] = char(v);
    return out;
}
QByteArray framed(const QByteArray& payload)
{
    return be32(quint32(payload.size())) + payload;
}
constexpr quint32 kMagic = 0x52444b31;
} // namespace

void TestSingleInstance::hugeCountsAreRefusedBeforeDecoding()
{
    // Issue 14: the right magic followed by a list count of ~2.4 billion strings. QDataStream would reserve
    // tens of GB for it (ASan aborts there); the count must be checked against the bytes first.
    SingleInstance first(m_key);
    QVERIFY(first.claim());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QLocalSocket stranger;
    stranger.connectToServer(first.serverName());
    QVERIFY(stranger.waitForConnected(5000));
    stranger.write(framed(be32(kMagic) + be32(0x90000000u) + "abcd"));
    QVERIFY(stranger.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(stranger.state() == QLocalSocket::UnconnectedState || stranger.waitForDisconnected(100),
                             30000);
    QCOMPARE(activated.count(), 0);
    SingleInstance second(m_key);
    QVERIFY(!second.claim({QStringLiteral("roledesk")}));
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 30000);
}

void TestSingleInstance::silentClientsAreDropped()
{
    SingleInstance first(m_key);
    QVERIFY(first.claim());
    QLocalSocket silent;
    silent.connectToServer(first.serverName());
    QVERIFY(silent.waitForConnected(5000));
    silent.write("\x00\x00", 2); // the start of a length, then nothing
    QVERIFY(silent.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QLocalSocket::UnconnectedState || silent.waitForDisconnected(100),
                             30000);
}

void TestSingleInstance::decodeMessageChecksEveryLength_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    // "e" apart: "\x00e" would be one hex escape (0x0e).
    const QByteArray name = QByteArray("\x00r\x00o\x00l\x00"
                                       "e",
                                       8);
    const QByteArray good = framed(be32(kMagic) + be32(1) + be32(8) + name);
    QTest::newRow("good") << good << int(SingleInstance::Decoded::Ok);
    QTest::newRow("no arguments") << framed(be32(kMagic) + be32(0)) << int(SingleInstance::Decoded::Ok);
    QTest::newRow("null string") << framed(be32(kMagic) + be32(1) + be32(0xffffffffu))
                                 << int(SingleInstance::Decoded::Ok);
    QTest::newRow("partial length") << QByteArray("\x00\x00", 2) << int(SingleInstance::Decoded::Incomplete);
    QTest::newRow("partial payload") << good.left(good.size() - 3) << int(SingleInstance::Decoded::Incomplete);
    QTest::newRow("wrong magic") << framed(be32(0x12345678) + be32(0)) << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("huge count") << framed(be32(kMagic) + be32(0x90000000u) + "abcd")
                                << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("string longer than the bytes")
        << framed(be32(kMagic) + be32(1) + be32(4000) + name) << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("odd string length") << framed(be32(kMagic) + be32(1) + be32(7) + name.left(7))
                                       << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("trailing bytes") << framed(be32(kMagic) + be32(0) + "x") << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("oversized length") << be32(64 * 1024 + 1) << int(SingleInstance::Decoded::Invalid);
    QTest::newRow("null payload") << be32(0xffffffffu) << int(SingleInstance::Decoded::Invalid);
}

void TestSingleInstance::decodeMessageChecksEveryLength()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    QStringList arguments;
    QCOMPARE(int(SingleInstance::decodeMessage(bytes, &arguments)), expected);
    if (expected == int(SingleInstance::Decoded::Ok) && QTest::currentDataTag() == QByteArray("good"))
        QCOMPARE(arguments, QStringList{QStringLiteral("role")});
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
