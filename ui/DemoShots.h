#pragma once

#include <QString>

class MainWindow;

// Screenshots of the real program for the documentation (the hidden --screenshot option): waits for
// the environments to load, opens what is asked ("main", "role" on a public environment that has a
// role, "inspector" on a private one), grabs the window and quits.
namespace DemoShots {
void take(MainWindow* window, const QString& what, const QString& path);
} // namespace DemoShots
