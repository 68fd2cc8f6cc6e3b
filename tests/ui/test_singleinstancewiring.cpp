// The single-instance wiring of app/gui/main.cpp, in one process: a second plain launch reaches the first one's
// handler, which un-minimises and raises its window; a --sandbox session (its own key) and a normal one never
// hand over to each other. Each test gets a private XDG_RUNTIME_DIR, so the program's real keys are safe to use
// here without meeting a RoleDesk the user runs.
#include "SingleInstance.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include <memory>

namespace {
// The keys app/gui/main.cpp uses.
const QString kNormalKey = QStringLiteral("RoleDesk");
const QString kSandboxKey = QStringLiteral("RoleDesk-sandbox");
} // namespace

class TestSingleInstanceWiring : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void secondLaunchRaisesMinimisedWindow();
    void sandboxAndNormalSessionsAreSeparate();

private:
    std::unique_ptr<QTemporaryDir> m_runtime;
};

void TestSingleInstanceWiring::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime->path()));
}

void TestSingleInstanceWiring::cleanup()
{
    m_runtime.reset();
}

void TestSingleInstanceWiring::secondLaunchRaisesMinimisedWindow()
{
    SingleInstance first(kNormalKey);
    QVERIFY(first.claim({QStringLiteral("roledesk")}));
    QVERIFY(first.isPrimary());
    QVERIFY2(first.serverName().startsWith(m_runtime->path()), qPrintable(first.serverName()));

    QWidget window;
    window.resize(320, 200);
    QObject::connect(&first, &SingleInstance::activationRequested, &window,
                     [&window](const QStringList&) { SingleInstance::raise(&window); });
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    window.showMinimized();
    QVERIFY(window.isMinimized());

    SingleInstance second(kNormalKey);
    QVERIFY(!second.claim({QStringLiteral("roledesk")})); // main() returns 0 here
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 30000);
    QCOMPARE(activated.at(0).at(0).toStringList(), QStringList{QStringLiteral("roledesk")});
    QVERIFY(window.isVisible());
    QVERIFY(!window.isMinimized());
}

void TestSingleInstanceWiring::sandboxAndNormalSessionsAreSeparate()
{
    SingleInstance normal(kNormalKey);
    QVERIFY(normal.claim({QStringLiteral("roledesk")}));
    QSignalSpy normalActivated(&normal, &SingleInstance::activationRequested);

    // A sandbox launch while a normal RoleDesk runs starts its own session...
    SingleInstance sandbox(kSandboxKey);
    QVERIFY(sandbox.claim({QStringLiteral("roledesk"), QStringLiteral("--sandbox")}));
    QVERIFY(sandbox.isPrimary());
    QVERIFY(sandbox.serverName() != normal.serverName());
    QSignalSpy sandboxActivated(&sandbox, &SingleInstance::activationRequested);

    // ...a second sandbox launch raises the sandbox one, a second normal launch the normal one.
    SingleInstance secondSandbox(kSandboxKey);
    QVERIFY(!secondSandbox.claim({QStringLiteral("roledesk"), QStringLiteral("--sandbox")}));
    SingleInstance secondNormal(kNormalKey);
    QVERIFY(!secondNormal.claim({QStringLiteral("roledesk")}));
    QTRY_COMPARE_WITH_TIMEOUT(sandboxActivated.count(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(normalActivated.count(), 1, 30000);
    QCOMPARE(sandboxActivated.at(0).at(0).toStringList().last(), QStringLiteral("--sandbox"));
    QCOMPARE(normalActivated.at(0).at(0).toStringList(), QStringList{QStringLiteral("roledesk")});
}

QTEST_MAIN(TestSingleInstanceWiring)
#include "test_singleinstancewiring.moc"
