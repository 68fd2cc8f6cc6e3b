// roledesk: the desktop application. Thin: parses the command line and wires ui/ to core/ (and to an
// in-process sandbox for --sandbox). Everything else lives in roledesk_ui.
#include "AppIcons.h"
#include "AppSettings.h"
#include "CredentialInspector.h"
#include "DemoShots.h"
#include "KeychainStore.h"
#include "MainWindow.h"
#include "Session.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "UiUtil.h"

#include "Sandbox.h"
#include "SandboxConnection.h"
#include "SandboxNetworkOptions.h"
#include "credentials/CredentialProvider.h"
#include "model/AuditLog.h"
#include "model/VisibilityStore.h"
#include "util/CaBundle.h"
#include "util/Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QNetworkProxy>
#include <QPalette>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

#include <cstdio>
#include <memory>

namespace {

QString dataPath(const QString& name)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace

int main(int argc, char* argv[])
{
    // --version and --help print and exit: they must work on a machine without a display too.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h") &&
            qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RoleDesk"));
    QApplication::setOrganizationName(QStringLiteral("RoleDesk"));
    QApplication::setApplicationVersion(QStringLiteral(ROLEDESK_VERSION));
    QApplication::setWindowIcon(AppIcons::application());
    // Ties windows to the installed desktop entry (task bars, Wayland app ids).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.roledesk.RoleDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Review and set the RAM roles of DataWorks individual development environments, and inspect the "
                "credentials they hand out."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QApplication::translate("main", "Run on an in-process sandbox (no cloud "
                                                                           "account needed)."));
    const QCommandLineOption environmentsOption(
        QStringLiteral("environments"),
        QApplication::translate("main", "With --sandbox: generate this many environments (scale demos)."),
        QStringLiteral("N"));
    const QCommandLineOption inspectOption(
        QStringLiteral("inspect"),
        QApplication::translate("main", "Only the credential inspector, for a developer inside an environment."));
    const QCommandLineOption uriOption(QStringLiteral("uri"),
                                       QApplication::translate("main", "With --inspect: a credentials URI."),
                                       QStringLiteral("URL"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
                                        QApplication::translate("main", "With --inspect: a credentials file."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        QApplication::translate("main", "Open this rules file (YAML, see docs/RULES.md): the Rules column shows which "
                                        "environments deviate. Without it, the rules file opened last."),
        QStringLiteral("FILE"));
    // Hidden: writes a screenshot of the real program for docs/screenshots, then quits.
    QCommandLineOption hiddenScreenshot(QStringLiteral("screenshot"), QStringLiteral("internal"),
                                        QStringLiteral("PATH"));
    QCommandLineOption shotOfOption(QStringLiteral("screenshot-of"), QStringLiteral("internal"),
                                    QStringLiteral("main|role|picker|bulk|bulkrun|audit|inspector|exposure|rules|fix"),
                                    QStringLiteral("main"));
    // Hidden too: a dark Fusion palette, as a dark desktop theme (qt6ct "darker") gives, for the screenshot matrix.
    QCommandLineOption paletteOption(QStringLiteral("screenshot-palette"), QStringLiteral("internal"),
                                     QStringLiteral("light|dark"), QStringLiteral("light"));
    hiddenScreenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    shotOfOption.setFlags(QCommandLineOption::HiddenFromHelp);
    paletteOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sandboxOption, environmentsOption, inspectOption, uriOption, fileOption, rulesOption,
                       hiddenScreenshot, shotOfOption, paletteOption});
    // With --sandbox: --latency-ms, --latency-jitter-ms, --throttle-rps, --error-rate (as `roledesk-cli sandbox
    // serve`).
    const SandboxNetworkOptions sandboxNetwork;
    sandboxNetwork.addTo(parser);
    parser.process(app);
    if (parser.value(paletteOption) == QStringLiteral("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(UiUtil::darkPalette());
    }

    QSettings qsettings;
    AppSettings settings = AppSettings::load(qsettings);
    Translations::installTranslators(app, settings.language);

    // One RoleDesk per user: a second plain launch asks the running one to come forward and exits 0. Claimed only
    // now, after parser.process(), so --help/--version (which exit inside it) never contact a running instance,
    // and before the sandbox or any window costs anything.
    // - --sandbox uses its own key: a sandbox session is never raised by a normal launch nor the reverse, while a
    //   second --sandbox launch raises the running sandbox window.
    // - --inspect skips it: each inspector looks at the URI or file it was given, and a developer may compare two.
    // - --screenshot skips it: an automated run must never hand over to (or be blocked by) the user's RoleDesk.
    std::unique_ptr<SingleInstance> instance;
    if (!parser.isSet(inspectOption) && !parser.isSet(hiddenScreenshot)) {
        instance = std::make_unique<SingleInstance>(parser.isSet(sandboxOption) ? QStringLiteral("RoleDesk-sandbox")
                                                                                : QStringLiteral("RoleDesk"));
        if (!instance->claim(QCoreApplication::arguments()))
            return 0;
    }

    const Clock* clock = Clock::system();
    // The proxy from the settings, for the cloud APIs. Never for the sandbox: it lives on loopback.
    if (settings.proxy.isValid() && !parser.isSet(sandboxOption))
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, settings.proxy.host(),
                                                         quint16(settings.proxy.port(8080)), settings.proxy.userName(),
                                                         settings.proxy.password()));

    // Extra certificate authorities for every HTTPS client: the setting, else $SSL_CERT_FILE.
    const QString caBundle = CaBundle::choose(settings.caBundle, QProcessEnvironment::systemEnvironment());
    if (!caBundle.isEmpty()) {
        QString problem;
        if (!CaBundle::install(caBundle, &problem))
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "CA bundle"),
                                 problem + QLatin1Char(' ') +
                                     QCoreApplication::translate("main", "HTTPS uses the system's certificates only. "
                                                                         "Fix it in Settings > Connection."));
    }

    if (parser.isSet(inspectOption)) {
        auto* inspector = new CredentialInspector(clock);
        inspector->setAttribute(Qt::WA_DeleteOnClose);
        // Validate and MaxCompute go where the main window's connection goes: the settings' endpoints, the
        // per-service overrides included.
        inspector->applySettings(settings);
        if (parser.isSet(uriOption))
            inspector->inspectUri(QUrl::fromUserInput(parser.value(uriOption)));
        else if (parser.isSet(fileOption))
            inspector->inspectFile(parser.value(fileOption));
        else
            inspector->inspectDefaultChain();
        inspector->show();
        return QApplication::exec();
    }

    KeychainStore keychain;
    std::unique_ptr<VisibilityStore> visibility;
    std::unique_ptr<AuditLog> audit;
    QThread sandboxThread;
    Sandbox* sandbox = nullptr;
    const bool onSandbox = parser.isSet(sandboxOption);

    if (onSandbox) {
        // The sandbox keeps its own records, never mixed with the real account's.
        visibility = std::make_unique<VisibilityStore>(dataPath(QStringLiteral("sandbox-visibility.json")), clock);
        audit = std::make_unique<AuditLog>(dataPath(QStringLiteral("sandbox-audit.sqlite")), clock);
    } else {
        visibility = std::make_unique<VisibilityStore>(QString(), clock);
        audit = std::make_unique<AuditLog>(QString(), clock);
    }
    QString error;
    if (!visibility->load(&error))
        std::fprintf(stderr, "%s\n", qPrintable(error));
    if (!audit->open(&error))
        std::fprintf(stderr, "%s\n", qPrintable(error));

    Session session(clock, visibility.get(), audit.get());
    if (onSandbox) {
        sandbox = new Sandbox(clock);
        Sandbox::Options options;
        if (parser.isSet(environmentsOption))
            options.environments = parser.value(environmentsOption).toLongLong();
        if (!sandbox->load(options, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        SandboxFaults faults;
        if (!sandboxNetwork.read(parser, &faults, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        sandbox->setFaults(faults);
        // Large listings are answered on a worker thread so painting never waits for the server.
        sandbox->moveToThread(&sandboxThread);
        sandboxThread.start();
        const QUrl endpoint = sandbox->start();
        if (endpoint.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(sandbox->errorString()));
            return 1;
        }
        // The seed's public/private records, as an admin would import them (a failure leaves the records empty).
        if (const auto imported =
                SandboxConnection::importVisibility(*sandbox, visibility.get(), QStringLiteral("sandbox seed"));
            !imported)
            std::fprintf(stderr, "%s\n", qPrintable(imported.error()));
        session.setCredentialsUriResolver([sandbox](const QString& id) { return sandbox->credentialsUri(id); });
        session.connectSandbox(
            SandboxConnection::profile(*sandbox, QApplication::translate("main", "Sandbox admin key")),
            SandboxConnection::adminCredential(*sandbox, QApplication::translate("main", "sandbox admin AccessKey")));
    }

    MainWindow window(&session, settings, &keychain);
    if (!parser.isSet(hiddenScreenshot))
        window.rememberWindowState();
    // Connected before the event loop runs, so no activation from a launch racing this one is lost.
    if (instance)
        QObject::connect(instance.get(), &SingleInstance::activationRequested, &window,
                         [&window](const QStringList&) { SingleInstance::raise(&window); });
    window.show();
    // The rules file: given, or the one opened last (File > Open rules file... remembers it).
    const QString rulesFile = parser.isSet(rulesOption) ? parser.value(rulesOption) : settings.rulesFile;
    if (!rulesFile.isEmpty())
        window.openRulesFile(rulesFile);
    if (!onSandbox)
        window.connectSelectedProfile();
    if (parser.isSet(hiddenScreenshot))
        DemoShots::take(&window, parser.value(shotOfOption), parser.value(hiddenScreenshot));

    const int code = QApplication::exec();
    if (sandbox) {
        sandbox->stop();
        QMetaObject::invokeMethod(sandbox, &QObject::deleteLater);
        sandboxThread.quit();
        sandboxThread.wait();
    }
    return code;
}
