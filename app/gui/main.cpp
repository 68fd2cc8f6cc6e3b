// Placeholder GUI entry point until the main window lands (issue 5).
#include <QApplication>
#include <QLabel>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RoleDesk"));
    QLabel label(QObject::tr("RoleDesk is being built."));
    label.resize(400, 200);
    label.show();
    return QApplication::exec();
}
