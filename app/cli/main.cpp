#include "CliApp.h"
#include "CliTranslations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("roledesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLEDESK_VERSION));
    // Commands report failures themselves on stderr; the library's info lines would repeat them.
    // QT_LOGGING_RULES (e.g. roledesk.*.debug=true) still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("roledesk.*.info=false"));
    // Human output in the user's language ($ROLEDESK_LANGUAGE, else the system locale). With --json (before any
    // "--" that starts a child's command line) no translator is installed at all: docs/CLI.md promises JSON is
    // never translated, and some JSON fields carry prose built with tr() (roles list's "explanation"), so only
    // this keeps JSON byte-identical in every language. Errors on stderr are then English too.
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const qsizetype dashes = arguments.indexOf(QStringLiteral("--"));
    if (!arguments.mid(0, dashes).contains(QStringLiteral("--json")))
        installCliTranslators(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliApp cli;
    return cli.run(arguments, out, err);
}
