#pragma once

#include <QString>

class MainWindow;

// Screenshots of the real program for the documentation (the hidden --screenshot option): waits for
// the environments to load, opens what is asked ("main", "role" on a public environment that has a
// role, "bulk" on a selection, "audit", "inspector" on a private one, "exposure" on an internet-reachable one
// with a role: the banner and the details pane) from the main window as a user does,
// grabs it at the size it opened with and quits. scripts/screenshots.sh runs the whole matrix.
namespace DemoShots {
void take(MainWindow* window, const QString& what, const QString& path);
} // namespace DemoShots
