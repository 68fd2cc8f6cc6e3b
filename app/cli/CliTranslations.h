#pragma once

#include <QString>

class QCoreApplication;

// The CLI's twin of ui/Translations.h (the CLI must not link the ui library): loads RoleDesk's translation for
// human output. languageOverride empty: $ROLEDESK_LANGUAGE if set, else the system locale (LANG, LC_ALL,
// LC_MESSAGES); "en": none; otherwise a locale name such as "zh_CN". JSON output must never use tr().
// Returns the language loaded ("zh_CN"), or an empty string when the output stays English.
QString installCliTranslators(QCoreApplication& app, const QString& languageOverride = {});
