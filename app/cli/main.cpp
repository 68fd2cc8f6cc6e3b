#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("roledesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLEDESK_VERSION));
    QTextStream(stdout) << "roledesk-cli " << QCoreApplication::applicationVersion() << '\n';
    return 0;
}
