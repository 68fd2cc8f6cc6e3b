#include "AppIcons.h"

#include <QColor>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>

namespace AppIcons {

namespace {

const QString kAppId = QStringLiteral("io.github.roledesk.RoleDesk");

QString stateName(TrayState state)
{
    switch (state) {
    case TrayState::Ok:
        return QStringLiteral("ok");
    case TrayState::Warning:
        return QStringLiteral("warning");
    case TrayState::Expired:
        break;
    }
    return QStringLiteral("expired");
}

} // namespace

QIcon application()
{
    QIcon embedded;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        embedded.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/").arg(size) + kAppId + QStringLiteral(".png"),
                         QSize(size, size));
    return QIcon::fromTheme(kAppId, embedded);
}

QString trayIconName(TrayState state)
{
    return kAppId + QStringLiteral("-tray-") + stateName(state) + QStringLiteral("-symbolic");
}

QString trayToolTip(TrayState state)
{
    switch (state) {
    case TrayState::Ok:
        return QCoreApplication::translate("AppIcons", "RoleDesk: credentials are valid");
    case TrayState::Warning:
        return QCoreApplication::translate("AppIcons", "RoleDesk: credentials need attention");
    case TrayState::Expired:
        break;
    }
    return QCoreApplication::translate("AppIcons", "RoleDesk: credentials expired or unavailable");
}

bool panelIsProbablyDark()
{
    // GNOME's top bar is dark whatever the application theme; elsewhere the panel follows the theme.
    const QString desktop = qEnvironmentVariable("XDG_CURRENT_DESKTOP");
    if (desktop.contains(QLatin1String("GNOME"), Qt::CaseInsensitive))
        return true;
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

QIcon tray(TrayState state, PanelTone tone)
{
    const bool dark = tone == PanelTone::Dark || (tone == PanelTone::Auto && panelIsProbablyDark());
    QIcon fallback;
    for (int size : {16, 22, 32, 48, 64})
        fallback.addFile(QStringLiteral(":/icons/tray/%1/tray-%2-%3.png")
                             .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"), stateName(state))
                             .arg(size),
                         QSize(size, size));
    if (tone != PanelTone::Auto)
        return fallback;
    return QIcon::fromTheme(trayIconName(state), fallback);
}

} // namespace AppIcons
