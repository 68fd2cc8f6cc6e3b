#include "AppIcons.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void simplifiedChineseIsEmbedded();
    void englishLoadsNothing();
    void chineseTranslatesTheInterface();
    void unknownLanguageStaysEnglish();
    void searchPathPrefersInstalledFiles();

private:
    QLocale m_defaultLocale;
};

void TestTranslations::init()
{
    m_defaultLocale = QLocale();
}

void TestTranslations::cleanup()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
    for (QTranslator* t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(m_defaultLocale);
}

void TestTranslations::simplifiedChineseIsEmbedded()
{
    QVERIFY2(Translations::availableLanguages().contains(QStringLiteral("zh_CN")),
             qPrintable(Translations::availableLanguages().join(QLatin1Char(','))));
}

void TestTranslations::englishLoadsNothing()
{
    QCOMPARE(Translations::installTranslators(*QCoreApplication::instance(), QStringLiteral("en")), QString());
    QCOMPARE(AppIcons::trayToolTip(AppIcons::TrayState::Expired),
             QStringLiteral("RoleDesk: credentials expired or unavailable"));
}

void TestTranslations::chineseTranslatesTheInterface()
{
    QCOMPARE(Translations::installTranslators(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
             QStringLiteral("zh_CN"));
    const QString tip = AppIcons::trayToolTip(AppIcons::TrayState::Expired);
    QVERIFY2(tip != QStringLiteral("RoleDesk: credentials expired or unavailable"), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("凭证")), qPrintable(tip));
    // Dates and numbers follow the chosen language too.
    QCOMPARE(QLocale().language(), QLocale::Chinese);
}

void TestTranslations::unknownLanguageStaysEnglish()
{
    QCOMPARE(Translations::installTranslators(*QCoreApplication::instance(), QStringLiteral("de_DE")), QString());
    QCOMPARE(AppIcons::trayToolTip(AppIcons::TrayState::Ok), QStringLiteral("RoleDesk: credentials are valid"));
}

void TestTranslations::searchPathPrefersInstalledFiles()
{
    qputenv("ROLEDESK_TRANSLATIONS_DIR", "/opt/roledesk-test-translations");
    const QStringList path = Translations::searchPath();
    qunsetenv("ROLEDESK_TRANSLATIONS_DIR");
    QCOMPARE(path.first(), QStringLiteral("/opt/roledesk-test-translations"));
    QCOMPARE(path.last(), QStringLiteral(":/i18n"));
    QVERIFY(path.contains(
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/roledesk/translations"))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
