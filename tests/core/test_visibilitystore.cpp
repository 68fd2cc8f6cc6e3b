#include "MockClock.h"
#include "model/VisibilityStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(ROLEDESK_TEST_DATA_DIR "/model/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QString kAdmin = QStringLiteral("acs:ram::1234567890123456:user/admin");

// True when some error names the line and contains the text.
bool hasError(const QStringList& errors, int line, const QString& text)
{
    const QString marker = QStringLiteral("line %1").arg(line);
    for (const QString& e : errors) {
        if (e.contains(marker) && e.contains(text))
            return true;
    }
    return false;
}
} // namespace

class TestVisibilityStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPathIsInAppData()
    {
        QVERIFY(VisibilityStore::defaultFilePath().endsWith(QLatin1String("/visibility.json")));
        QCOMPARE(VisibilityStore().filePath(), VisibilityStore::defaultFilePath());
    }

    void setSaveAndReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/visibility.json"));
        MockClock clock;
        VisibilityStore store(path, &clock);
        QVERIFY(store.load()); // missing file: empty
        QCOMPARE(store.visibility(QStringLiteral("1")), Visibility::Unknown);
        store.set(QStringLiteral("1"), Visibility::Public, kAdmin);
        clock.advanceMinute();
        store.set(QStringLiteral("2"), Visibility::Private, kAdmin);
        store.set(QStringLiteral("3"), Visibility::Private, kAdmin);
        store.set(QStringLiteral("3"), Visibility::Unknown, kAdmin); // removes
        QString error;
        QVERIFY2(store.save(&error), qPrintable(error));

        VisibilityStore reloaded(path, &clock);
        QVERIFY2(reloaded.load(&error), qPrintable(error));
        QCOMPARE(reloaded.records().size(), 2);
        QCOMPARE(reloaded.visibility(QStringLiteral("1")), Visibility::Public);
        QCOMPARE(reloaded.visibility(QStringLiteral("2")), Visibility::Private);
        QCOMPARE(reloaded.visibility(QStringLiteral("3")), Visibility::Unknown);
        const auto r = reloaded.record(QStringLiteral("2"));
        QVERIFY(r.has_value());
        QCOMPARE(r->recordedBy, kAdmin);
        QCOMPARE(r->recordedAt, QDateTime(QDate(2026, 1, 1), QTime(12, 1), Qt::UTC));

        // The saved file is itself in the import format.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        VisibilityStore other(dir.filePath(QStringLiteral("other.json")), &clock);
        const VisibilityImportResult result = other.importJson(saved, kAdmin);
        QVERIFY(result.ok);
        QCOMPARE(other.visibility(QStringLiteral("1")), Visibility::Public);
    }

    void damagedFileSaysWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("visibility.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n\"environments\": [\n  {\"instanceId\": \"1\",, }\n]}");
        file.close();
        VisibilityStore store(path);
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("line 3")), qPrintable(error));
        QVERIFY(store.records().isEmpty());
    }

    void importsJson()
    {
        MockClock clock;
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"), &clock);
        const VisibilityImportResult result = store.importJson(fixture("visibility_ok.json"), kAdmin);
        QVERIFY2(result.ok, qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.entries, 3);
        QCOMPARE(result.changed, 3);
        QCOMPARE(store.visibility(QStringLiteral("699573")), Visibility::Public);
        QCOMPARE(store.visibility(QStringLiteral("699574")), Visibility::Private);
        QCOMPARE(store.visibility(QStringLiteral("699575")), Visibility::Private);
        QCOMPARE(store.record(QStringLiteral("699573"))->recordedBy, kAdmin);
    }

    void importsCsvWithQuotesCrlfAndBom()
    {
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        store.set(QStringLiteral("699575"), Visibility::Public, kAdmin);
        const VisibilityImportResult result = store.importCsv(fixture("visibility_ok.csv"), kAdmin);
        QVERIFY2(result.ok, qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.entries, 3);
        QCOMPARE(store.visibility(QStringLiteral("699573")), Visibility::Public);
        QCOMPARE(store.visibility(QStringLiteral("699574")), Visibility::Private);
        QCOMPARE(store.visibility(QStringLiteral("699575")), Visibility::Unknown); // "Unknown" clears
    }

    void badJsonNamesLinesAndAppliesNothing()
    {
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        store.set(QStringLiteral("699573"), Visibility::Private, kAdmin);
        const VisibilityStore before = store;
        const VisibilityImportResult result =
            store.importJson(fixture("visibility_bad.json"), kAdmin, QStringLiteral("bad.json"));
        QVERIFY(!result.ok);
        const QString all = result.errors.join(QLatin1Char('\n'));
        QVERIFY2(result.errors.size() == 4, qPrintable(all));
        QVERIFY2(hasError(result.errors, 4, QStringLiteral("instance id is missing")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 5, QStringLiteral("\"shared\"")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 7, QStringLiteral("must be an object")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 8, QStringLiteral("line 3")), qPrintable(all)); // duplicate
        for (const QString& e : result.errors)
            QVERIFY(e.startsWith(QLatin1String("bad.json, line ")));
        // Nothing applied: the valid first entry (699573 public) did not land.
        QCOMPARE(store.records(), before.records());
        QCOMPARE(store.visibility(QStringLiteral("699573")), Visibility::Private);
    }

    void badCsvNamesLinesAndAppliesNothing()
    {
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        const VisibilityImportResult result =
            store.importCsv(fixture("visibility_bad.csv"), kAdmin, QStringLiteral("bad.csv"));
        QVERIFY(!result.ok);
        const QString all = result.errors.join(QLatin1Char('\n'));
        QCOMPARE(result.errors.size(), 4);
        QVERIFY2(hasError(result.errors, 3, QStringLiteral("\"sometimes\"")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 3, QStringLiteral("public, private or unknown")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 4, QStringLiteral("missing")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 5, QStringLiteral("line 2")), qPrintable(all));
        QVERIFY2(hasError(result.errors, 6, QStringLiteral("columns")), qPrintable(all));
        QVERIFY(store.records().isEmpty());
    }

    void csvStructuralErrors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QByteArray("\r\n\r\n") << 1 << QStringLiteral("header");
        QTest::newRow("wrong header") << QByteArray("id,vis\n1,public\n") << 1 << QStringLiteral("instanceId");
        QTest::newRow("open quote") << QByteArray("instanceId,visibility\n1,public\n\"2,private\n") << 3
                                    << QStringLiteral("not closed");
        QTest::newRow("text after quote")
            << QByteArray("instanceId,visibility\r\n\"1\"x,public\r\n") << 2 << QStringLiteral("closing quote");
        QTest::newRow("space in id") << QByteArray("instanceId,visibility\n\"1 2\",public\n") << 2
                                     << QStringLiteral("spaces");
    }
    void csvStructuralErrors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        QFETCH(QString, text);
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        const VisibilityImportResult result = store.importCsv(csv, kAdmin);
        QVERIFY(!result.ok);
        QVERIFY2(hasError(result.errors, line, text), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(store.records().isEmpty());
    }

    void quotedFieldWithNewlineKeepsLineNumbers()
    {
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        const VisibilityImportResult result =
            store.importCsv(QByteArray("name,instanceId,visibility\n\"two\nlines\",1,public\nx,2,nope\n"), kAdmin);
        QVERIFY(!result.ok);
        QVERIFY2(hasError(result.errors, 4, QStringLiteral("nope")), qPrintable(result.errors.join(QLatin1Char('\n'))));
    }

    void importFileByExtension()
    {
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("v.CSV"));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("instanceId,visibility\n9,public\n");
        csv.close();
        VisibilityStore store(dir.filePath(QStringLiteral("store.json")));
        QVERIFY(store.importFile(csvPath, kAdmin).ok);
        QCOMPARE(store.visibility(QStringLiteral("9")), Visibility::Public);
        const VisibilityImportResult missing = store.importFile(dir.filePath(QStringLiteral("nope.json")), kAdmin);
        QVERIFY(!missing.ok);
        QVERIFY(missing.errors.first().contains(QLatin1String("nope.json")));
    }

    void saveIsAtomicOverAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.json"));
        VisibilityStore store(path);
        store.set(QStringLiteral("1"), Visibility::Public, kAdmin);
        QVERIFY(store.save());
        store.set(QStringLiteral("2"), Visibility::Private, kAdmin);
        QVERIFY(store.save());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("environments")).toArray().size(), 2);
        // No temporary files left next to it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("v.json")});
    }
};

QTEST_GUILESS_MAIN(TestVisibilityStore)
#include "test_visibilitystore.moc"
