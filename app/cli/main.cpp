#include "CliApp.h"

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
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliApp cli;
    return cli.run(QCoreApplication::arguments().mid(1), out, err);
}
