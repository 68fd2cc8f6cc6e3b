// KeychainStore against the real desktop keyring: scripts/ctest-in-session.sh runs the suite inside
// dbus-run-session with a throw-away, unlocked gnome-keyring and sets ROLEDESK_REQUIRE_KEYRING=1, so there a
// missing keyring is a failure, not a skip. Without that script (a bare `ctest`) the round trip is skipped with
// the reason; the refusal to fall back to plain text is tested in every setting.
#include "KeychainStore.h"
#include "SecretScanner.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

struct Outcome
{
    bool done = false;
    KeychainStore::Result result = KeychainStore::Result::Failed;
    QString secret;
    QString message;
};

bool keyringRequired()
{
    return qEnvironmentVariable("ROLEDESK_REQUIRE_KEYRING") == QLatin1String("1");
}

// True when some file under dir contains needle (the plain-text fallback would have written one).
QString fileContaining(const QString& dir, const QByteArray& needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return path;
    }
    return {};
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void storeReadDelete();
    void readMissingIsNotFound();
    void refusesPlainTextWithoutKeyring();
    void noKeyringChild();

private:
    Outcome write(KeychainStore& store, const QString& account, const QString& secret);
    Outcome read(KeychainStore& store, const QString& account);
    Outcome remove(KeychainStore& store, const QString& account);
    bool keyringUsable();

    // Unique per run so a developer's real keyring (if the test ever meets one) is never touched by name.
    const QString m_service = QStringLiteral("RoleDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
};

void TestKeychainStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

Outcome TestKeychainStore::write(KeychainStore& store, const QString& account, const QString& secret)
{
    Outcome o;
    store.writeSecret(account, secret, [&o](KeychainStore::Result r, const QString& message) {
        o.result = r;
        o.message = message;
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 60000); }();
    return o;
}

Outcome TestKeychainStore::read(KeychainStore& store, const QString& account)
{
    Outcome o;
    store.readSecret(account, [&o](KeychainStore::Result r, const QString& secret, const QString& message) {
        o.result = r;
        o.secret = secret;
        o.message = message;
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 60000); }();
    return o;
}

Outcome TestKeychainStore::remove(KeychainStore& store, const QString& account)
{
    Outcome o;
    store.removeSecret(account, [&o](KeychainStore::Result r, const QString& message) {
        o.result = r;
        o.message = message;
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 60000); }();
    return o;
}

bool TestKeychainStore::keyringUsable()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (keyringRequired())
            qWarning("ROLEDESK_REQUIRE_KEYRING=1 but there is no session bus");
        return false;
    }
    return true;
}

void TestKeychainStore::storeReadDelete()
{
    if (!keyringUsable()) {
        if (keyringRequired())
            QFAIL("a keyring is required (ROLEDESK_REQUIRE_KEYRING=1) but there is no session bus");
        QSKIP("no session bus: run the suite through scripts/test.sh (dbus-run-session + gnome-keyring)");
    }
    LogCapture logs;
    KeychainStore store(m_service);
    const QString account = QStringLiteral("accesskey/test-profile");
    const QString secret = QStringLiteral("RoleDeskKeychainSecret-") + QUuid::createUuid().toString(QUuid::Id128);

    const Outcome written = write(store, account, secret);
    if (written.result == KeychainStore::Result::NoKeyring && !keyringRequired())
        QSKIP(qPrintable(QStringLiteral("no keyring daemon on this bus: ") + written.message));
    QVERIFY2(written.result == KeychainStore::Result::Ok, qPrintable(written.message));

    const Outcome readBack = read(store, account);
    QVERIFY2(readBack.result == KeychainStore::Result::Ok, qPrintable(readBack.message));
    QCOMPARE(readBack.secret, secret);

    // A second store under the same account replaces the secret (an admin re-entering a rotated key).
    const QString rotated = secret + QStringLiteral("-rotated");
    QVERIFY(write(store, account, rotated).result == KeychainStore::Result::Ok);
    QCOMPARE(read(store, account).secret, rotated);

    // The secret really is in the Secret Service, under the service name, not in some file of ours.
    if (const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool")); !tool.isEmpty()) {
        QProcess lookup;
        lookup.start(tool,
                     {QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"), account});
        QVERIFY(lookup.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), rotated);
    }

    const Outcome removed = remove(store, account);
    QVERIFY2(removed.result == KeychainStore::Result::Ok, qPrintable(removed.message));
    const Outcome gone = read(store, account);
    QCOMPARE(gone.result, KeychainStore::Result::NotFound);
    QVERIFY(gone.secret.isEmpty());
    QVERIFY(gone.message.contains(account));
    // Removing what is not there is not an error (the user deleting a profile twice).
    QCOMPARE(remove(store, account).result, KeychainStore::Result::Ok);

    const QString leaked = logs.findAny({secret, rotated});
    QVERIFY2(leaked.isEmpty(), "a secret reached the log");
}

void TestKeychainStore::readMissingIsNotFound()
{
    if (!keyringUsable()) {
        if (keyringRequired())
            QFAIL("a keyring is required (ROLEDESK_REQUIRE_KEYRING=1) but there is no session bus");
        QSKIP("no session bus: run the suite through scripts/test.sh (dbus-run-session + gnome-keyring)");
    }
    KeychainStore store(m_service);
    const Outcome o = read(store, QStringLiteral("accesskey/never-stored"));
    if (o.result == KeychainStore::Result::NoKeyring && !keyringRequired())
        QSKIP(qPrintable(QStringLiteral("no keyring daemon on this bus: ") + o.message));
    QCOMPARE(o.result, KeychainStore::Result::NotFound);
    QVERIFY(o.message.contains(QLatin1String("accesskey/never-stored")));
}

// Runs noKeyringChild in a child process whose session bus does not exist, with HOME and the XDG folders in a
// temporary directory, and checks that the secret was refused and written nowhere.
void TestKeychainStore::refusesPlainTextWithoutKeyring()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROLEDESK_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-such-bus"));
    env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("ROLEDESK_CHILD_SECRET"), QStringLiteral("RoleDeskPlainTextProbe-8c1f0d"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeyringChild")});
    QVERIFY(child.waitForFinished(120000));
    const QString output = QString::fromUtf8(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("SKIP")), qPrintable(output));
    const QString file = fileContaining(home.path(), QByteArrayLiteral("RoleDeskPlainTextProbe-8c1f0d"));
    QVERIFY2(file.isEmpty(), qPrintable(QStringLiteral("the secret was written in plain text to ") + file));
}

// Body of refusesPlainTextWithoutKeyring, in the child process only.
void TestKeychainStore::noKeyringChild()
{
    if (qEnvironmentVariable("ROLEDESK_KEYCHAIN_CHILD") != QLatin1String("1"))
        return; // only meaningful inside the child started above
    KeychainStore store(m_service);
    const QString secret = qEnvironmentVariable("ROLEDESK_CHILD_SECRET");
    const Outcome written = write(store, QStringLiteral("accesskey/no-keyring"), secret);
    QCOMPARE(written.result, KeychainStore::Result::NoKeyring);
    // The user is told there is no keyring and that RoleDesk will not use plain text.
    QVERIFY2(written.message.contains(QLatin1String("plain text")), qPrintable(written.message));
    QVERIFY(!written.message.contains(secret));
    const Outcome readBack = read(store, QStringLiteral("accesskey/no-keyring"));
    QVERIFY(readBack.result != KeychainStore::Result::Ok);
    QVERIFY(readBack.secret.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "test_keychainstore.moc"
