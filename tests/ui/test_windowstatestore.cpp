#include "WindowStateStore.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

class TestWindowStateStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstRunHasNothing();
    void mainWindowRoundTrip();
    void splitterHeaderAndDialog();
    void lastWorkspaces();
    void corruptValuesAreIgnored();

private:
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("roledesk.ini")); }
    QTemporaryDir m_dir;
};

void TestWindowStateStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestWindowStateStore::firstRunHasNothing()
{
    QSettings settings(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    WindowStateStore store(settings);
    QMainWindow window;
    QVERIFY(!store.restore(window));
    QVERIFY(store.lastWorkspaces().isEmpty());
    QVERIFY(store.lastWorkspace().isEmpty());
}

void TestWindowStateStore::mainWindowRoundTrip()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        WindowStateStore store(settings);
        QMainWindow window;
        auto* dock = new QDockWidget(QStringLiteral("Details"), &window);
        dock->setObjectName(QStringLiteral("detailsDock"));
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        window.setCentralWidget(new QLabel(QStringLiteral("table")));
        window.resize(900, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dock->hide();
        store.save(window);
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    WindowStateStore store(settings);
    QMainWindow window;
    auto* dock = new QDockWidget(QStringLiteral("Details"), &window);
    dock->setObjectName(QStringLiteral("detailsDock"));
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    window.setCentralWidget(new QLabel(QStringLiteral("table")));
    QVERIFY(store.restore(window));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(900, 640));
    QVERIFY(dock->isHidden()); // the dock state came back too
}

void TestWindowStateStore::splitterHeaderAndDialog()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    WindowStateStore store(settings);

    QSplitter splitter;
    splitter.addWidget(new QLabel(QStringLiteral("a")));
    splitter.addWidget(new QLabel(QStringLiteral("b")));
    splitter.resize(600, 200);
    splitter.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splitter));
    splitter.setSizes({150, 450});
    const QList<int> sizes = splitter.sizes();
    store.saveSplitter(QStringLiteral("main"), splitter);

    QStandardItemModel model(3, 4);
    QTableView table;
    table.setModel(&model);
    table.horizontalHeader()->resizeSection(2, 222);
    table.horizontalHeader()->moveSection(0, 3);
    table.setColumnHidden(1, true);
    store.saveHeader(QStringLiteral("environments"), *table.horizontalHeader());

    QWidget dialog;
    dialog.resize(480, 320);
    store.saveGeometry(QStringLiteral("roleDialog"), dialog);

    QSplitter splitter2;
    splitter2.addWidget(new QLabel(QStringLiteral("a")));
    splitter2.addWidget(new QLabel(QStringLiteral("b")));
    splitter2.resize(600, 200);
    QVERIFY(store.restoreSplitter(QStringLiteral("main"), splitter2));
    splitter2.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splitter2));
    QCOMPARE(splitter2.sizes(), sizes);

    QTableView table2;
    table2.setModel(&model);
    QVERIFY(store.restoreHeader(QStringLiteral("environments"), *table2.horizontalHeader()));
    QCOMPARE(table2.horizontalHeader()->sectionSize(2), 222);
    QCOMPARE(table2.horizontalHeader()->visualIndex(0), 3);
    QVERIFY(table2.isColumnHidden(1));

    QWidget dialog2;
    QVERIFY(store.restoreGeometry(QStringLiteral("roleDialog"), dialog2));
    QCOMPARE(dialog2.size(), QSize(480, 320));
    QVERIFY(!store.restoreGeometry(QStringLiteral("neverSaved"), dialog2));
}

void TestWindowStateStore::lastWorkspaces()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        WindowStateStore store(settings);
        store.setLastWorkspaces({QStringLiteral("10001"), QStringLiteral("10002")});
        store.setLastWorkspace(QStringLiteral("10002"));
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    WindowStateStore store(settings);
    QCOMPARE(store.lastWorkspaces(), QStringList({QStringLiteral("10001"), QStringLiteral("10002")}));
    QCOMPARE(store.lastWorkspace(), QStringLiteral("10002"));
    // Another group (a second window kind) does not see them.
    WindowStateStore other(settings, QStringLiteral("inspector"));
    QVERIFY(other.lastWorkspaces().isEmpty());
}

void TestWindowStateStore::corruptValuesAreIgnored()
{
    QSettings settings(m_dir.filePath(QStringLiteral("corrupt.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("window/mainGeometry"), QByteArrayLiteral("garbage"));
    settings.setValue(QStringLiteral("window/main/splitter"), QByteArrayLiteral("garbage"));
    WindowStateStore store(settings);
    QMainWindow window;
    window.resize(700, 500);
    QVERIFY(!store.restore(window));
    QCOMPARE(window.size(), QSize(700, 500));
    QSplitter splitter;
    QVERIFY(!store.restoreSplitter(QStringLiteral("main"), splitter));
}

QTEST_MAIN(TestWindowStateStore)
#include "test_windowstatestore.moc"
