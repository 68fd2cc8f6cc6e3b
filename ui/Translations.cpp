#include "Translations.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

namespace {

bool followsSystem(const QString& languageOverride)
{
    return languageOverride.isEmpty() || languageOverride == QLatin1String("system");
}

} // namespace

QStringList searchPath()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("ROLEDESK_TRANSLATIONS_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
    // Installed files win over the embedded copy so a distribution can ship corrected translations.
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        dirs << QDir::cleanPath(appDir + QStringLiteral("/../share/roledesk/translations")) // Linux, TGZ, build tree
             << QDir::cleanPath(appDir + QStringLiteral("/translations"))                   // Windows installers
             << QDir::cleanPath(appDir + QStringLiteral("/../Resources/translations"));     // macOS bundle
    }
    dirs << QStringLiteral(":/i18n");
    return dirs;
}

QStringList availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("roledesk_*.qm")}, QDir::Files);
    for (const QString& file : files)
        languages << QFileInfo(file).completeBaseName().mid(int(qstrlen("roledesk_")));
    return languages;
}

QString installTranslators(QCoreApplication& app, const QString& languageOverride)
{
    const bool system = followsSystem(languageOverride);
    const QLocale locale = system ? QLocale::system() : QLocale(languageOverride);
    if (!system && locale.language() == QLocale::English) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return {};
    }

    auto* translator = new QTranslator(&app);
    QString loadedFrom;
    const QStringList dirs = searchPath();
    for (const QString& dir : dirs) {
        // load(QLocale, ...) tries each of locale.uiLanguages(): zh_Hans_CN, zh_CN, zh, ...
        if (translator->load(locale, QStringLiteral("roledesk"), QStringLiteral("_"), dir)) {
            loadedFrom = translator->filePath();
            break;
        }
    }
    if (loadedFrom.isEmpty()) {
        qCDebug(lcUi) << "no RoleDesk translation for" << locale.uiLanguages() << "in" << dirs;
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    qCDebug(lcUi) << "translation loaded from" << loadedFrom;

    // Qt's own strings (standard buttons, file dialogs) come from the qt6-translations-l10n package when present.
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    if (!system)
        QLocale::setDefault(locale); // dates and numbers follow the chosen language, not only the words
    return translator->language().replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace Translations
