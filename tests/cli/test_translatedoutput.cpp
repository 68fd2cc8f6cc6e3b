// roledesk-cli in Simplified Chinese: human output is translated, JSON output is byte-identical to English (keys
// and enum values such as "public"/"default"/"fresh" are a contract for scripts and never go through tr()).
// In-process against the sandbox fixture, and once more through the built program, which proves app/cli/main.cpp
// installs the translators from $ROLEDESK_LANGUAGE (and none under --json).
#include "CliSandboxFixture.h"
#include "CliTranslations.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTranslatedOutput : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void inProcessHumanTranslatedJsonIdentical();
    void programHonoursRoledeskLanguage();

private:
    static void removeTranslators();
    std::unique_ptr<CliSandboxFixture> m_fx;
};

void TestTranslatedOutput::removeTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
    for (QTranslator* t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void TestTranslatedOutput::init()
{
    removeTranslators();
    m_fx = std::make_unique<CliSandboxFixture>();
    QVERIFY(m_fx->start());
    QVERIFY(m_fx->importSandboxVisibility());
}

void TestTranslatedOutput::cleanup()
{
    removeTranslators();
    m_fx.reset();
}

void TestTranslatedOutput::inProcessHumanTranslatedJsonIdentical()
{
    const CliRun englishHelp = m_fx->run({u"--help"_s}, false);
    QCOMPARE(englishHelp.code, 0);
    QVERIFY2(englishHelp.all().contains(u"Commands:"_s), qPrintable(englishHelp.all()));
    const CliRun englishJson = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s});
    QCOMPARE(englishJson.code, 0);
    QVERIFY(englishJson.array().size() > 0);

    QCOMPARE(installCliTranslators(*QCoreApplication::instance(), u"zh_CN"_s), u"zh_CN"_s);

    const CliRun chineseHelp = m_fx->run({u"--help"_s}, false);
    QCOMPARE(chineseHelp.code, 0);
    QVERIFY2(chineseHelp.all().contains(u"命令："_s), qPrintable(chineseHelp.all()));
    QVERIFY(!chineseHelp.all().contains(u"Commands:"_s));

    const CliRun chineseJson = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s});
    QCOMPARE(chineseJson.code, 0);
    QCOMPARE(chineseJson.out, englishJson.out);
    for (const QJsonValue& v : chineseJson.array()) {
        const QString visibility = v[u"visibility"_s].toString();
        QVERIFY2(visibility == u"public"_s || visibility == u"private"_s, qPrintable(visibility));
        const QString kind = v[u"role"_s][u"kind"_s].toString();
        QVERIFY2(kind == u"default"_s || kind == u"custom"_s || kind == u"none"_s, qPrintable(kind));
    }
}

void TestTranslatedOutput::programHonoursRoledeskLanguage()
{
#ifndef ROLEDESK_CLI_EXE
    QFAIL("ROLEDESK_CLI_EXE is not defined: tests/CMakeLists.txt must pass $<TARGET_FILE:roledesk-cli>");
#else
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const auto runCli = [&home](const QByteArray& language, const QStringList& args) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // A throw-away home: the sandbox's visibility records and audit log must not touch the user's.
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        env.insert(u"ROLEDESK_LANGUAGE"_s, QString::fromLatin1(language));
        env.remove(u"QT_LOGGING_RULES"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ROLEDESK_CLI_EXE), args);
        if (!process.waitForFinished(120000))
            process.kill();
        const QByteArray out = process.readAllStandardOutput();
        return std::make_pair(process.exitCode(), out);
    };

    const auto [enHelpCode, enHelp] = runCli("en", {u"--help"_s});
    QCOMPARE(enHelpCode, 0);
    QVERIFY2(enHelp.contains("Commands:"), enHelp.constData());
    const auto [zhHelpCode, zhHelp] = runCli("zh_CN", {u"--help"_s});
    QCOMPARE(zhHelpCode, 0);
    QVERIFY2(QString::fromUtf8(zhHelp).contains(u"命令："_s), zhHelp.constData());

    // Human output of a command in Chinese.
    const auto [zhTableCode, zhTable] = runCli("zh_CN", {u"--sandbox"_s, u"envs"_s, u"list"_s});
    QCOMPARE(zhTableCode, 0);
    QVERIFY2(QString::fromUtf8(zhTable).contains(u"可见性"_s), zhTable.constData());

    // roles list carries prose built with tr() ("explanation"): the program keeps it English under --json.
    const QList<QStringList> commands{{u"--sandbox"_s, u"--json"_s, u"envs"_s, u"list"_s},
                                      {u"--sandbox"_s, u"--json"_s, u"roles"_s, u"list"_s}};
    for (const QStringList& command : commands) {
        const auto [enCode, enJson] = runCli("en", command);
        QCOMPARE(enCode, 0);
        const auto [zhCode, zhJson] = runCli("zh_CN", command);
        QCOMPARE(zhCode, 0);
        QVERIFY2(QJsonDocument::fromJson(enJson).isArray(), enJson.constData());
        QVERIFY(!QJsonDocument::fromJson(enJson).array().isEmpty());
        QCOMPARE(zhJson, enJson);
    }
#endif
}

QTEST_GUILESS_MAIN(TestTranslatedOutput)
#include "test_translatedoutput.moc"
