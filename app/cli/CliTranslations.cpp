#include "CliTranslations.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QTranslator>

QString installCliTranslators(QCoreApplication& app, const QString& languageOverride)
{
    QString language = languageOverride;
    if (language.isEmpty())
        language = qEnvironmentVariable("ROLEDESK_LANGUAGE");
    const bool system = language.isEmpty() || language == QLatin1String("system");
    const QLocale locale = system ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return {};

    // Same order as ui/Translations.cpp: an override directory, next to the installed program, then embedded.
    QStringList dirs;
    if (const QString fromEnv = qEnvironmentVariable("ROLEDESK_TRANSLATIONS_DIR"); !fromEnv.isEmpty())
        dirs << fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty())
        dirs << QDir::cleanPath(appDir + QStringLiteral("/../share/roledesk/translations"))
             << QDir::cleanPath(appDir + QStringLiteral("/translations"));
    dirs << QStringLiteral(":/i18n");

    auto* translator = new QTranslator(&app);
    for (const QString& dir : std::as_const(dirs)) {
        if (translator->load(locale, QStringLiteral("roledesk"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            qCDebug(lcCli) << "translation loaded from" << translator->filePath();
            return translator->language().replace(QLatin1Char('-'), QLatin1Char('_'));
        }
    }
    delete translator;
    return {};
}
