#pragma once

#include <QIcon>
#include <QString>

// RoleDesk's icons, embedded under :/icons by packaging/CMakeLists.txt (sources: resources/icons).
namespace AppIcons {

// The desktop's copy when RoleDesk is installed (so the theme may override it), else the embedded one.
QIcon application();

enum class TrayState
{
    Ok,
    Warning,
    Expired
};
enum class PanelTone
{
    Auto,
    Light,
    Dark
};

// The tray icon for a credential state. By theme name first, so StatusNotifier hosts that recolour symbolic
// icons (GNOME, KDE) draw it in the panel's own colour; the fallback is the embedded PNG made for the panel
// tone (Auto: guessed from the desktop and the application palette).
QIcon tray(TrayState state, PanelTone tone = PanelTone::Auto);

// Theme name of a tray icon, e.g. "io.github.roledesk.RoleDesk-tray-ok-symbolic".
QString trayIconName(TrayState state);

// The tray tool tip for a state, in words (the state must never be told by the icon's colour alone).
QString trayToolTip(TrayState state);

// The guess tray(..., Auto) makes: true when the panel is probably dark.
bool panelIsProbablyDark();

} // namespace AppIcons
