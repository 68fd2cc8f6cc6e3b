// The CLI carries its own copy of the translations (packaging/CMakeLists.txt embeds the .qm into
// roledesk_cli_lib) and loads it without the ui library.
#include "CliTranslations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTranslator>
#include <QtTest>

namespace {
// A string of a stable context (ui/AppIcons.cpp): every context is in the one .qm, so the CLI can look it up too.
const char* const kContext = "AppIcons";
const char* const kSource = "RoleDesk: credentials expired or unavailable";
} // namespace

class TestCliTranslations : public QObject
{
    Q_OBJECT
private slots:
    void cleanup();
    void qmIsEmbedded();
    void chineseOnRequest();
    void environmentVariableChoosesLanguage();
    void englishAndCLocaleLoadNothing();
};

void TestCliTranslations::cleanup()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
    for (QTranslator* t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    qunsetenv("ROLEDESK_LANGUAGE");
}

void TestCliTranslations::qmIsEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/roledesk_zh_CN.qm")));
}

void TestCliTranslations::chineseOnRequest()
{
    QCOMPARE(installCliTranslators(*QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const QString text = QCoreApplication::translate(kContext, kSource);
    QVERIFY2(text.contains(QStringLiteral("凭证")), qPrintable(text));
}

void TestCliTranslations::environmentVariableChoosesLanguage()
{
    qputenv("ROLEDESK_LANGUAGE", "zh_CN");
    QCOMPARE(installCliTranslators(*QCoreApplication::instance()), QStringLiteral("zh_CN"));
}

void TestCliTranslations::englishAndCLocaleLoadNothing()
{
    QCOMPARE(installCliTranslators(*QCoreApplication::instance(), QStringLiteral("en")), QString());
    QCOMPARE(installCliTranslators(*QCoreApplication::instance(), QStringLiteral("C")), QString());
    QCOMPARE(QCoreApplication::translate(kContext, kSource), QString::fromLatin1(kSource));
}

QTEST_GUILESS_MAIN(TestCliTranslations)
#include "test_clitranslations.moc"
