#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// Loads RoleDesk's translations (and Qt's own, for standard dialogs) into the application.
// Qt Core only, so the same rules hold for the GUI and the CLI (app/cli/CliTranslations.h mirrors it).
namespace Translations {

// languageOverride is the "language" setting: empty or "system" follows the system locale
// (QLocale::system().uiLanguages()), "en" means no translation, otherwise a locale name such as "zh_CN".
// Looks in $ROLEDESK_TRANSLATIONS_DIR, next to the installed program (../share/roledesk/translations,
// ./translations, ../Resources/translations) and finally in the copy embedded in the program (:/i18n).
// Returns the name of the language loaded (e.g. "zh_CN"), or an empty string when the program stays English.
// Call once, before any window is created; the translators are owned by app.
QString installTranslators(QCoreApplication& app, const QString& languageOverride = {});

// The directories searched, in order (for diagnostics and tests).
QStringList searchPath();

// Languages with a RoleDesk translation, as locale names ("zh_CN"), from the embedded copy.
QStringList availableLanguages();

} // namespace Translations
