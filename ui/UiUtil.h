#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace UiUtil {

// Every control gets an objectName (the test contract) and an accessibleName (screen readers).
template<typename W>
W* name(W* widget, const QString& objectName, const QString& accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

struct BannerColours
{
    QColor background;
    QColor border;
    QColor text;
};

// A banner's colours for warnings inside a window (red-ish for danger, amber for attention).
BannerColours bannerColours(const QPalette& palette, bool danger);
// Its style sheet, for the application's palette or a given one.
QString bannerStyle(bool danger);
QString bannerStyle(const QPalette& palette, bool danger);

// RoleDesk's one dark palette (Fusion-style greys with a blue highlight), as a dark desktop theme gives: used by
// `roledesk --screenshot-palette dark` and by the tests that check colours and layouts in a dark theme.
QPalette darkPalette();

// True when the palette's window colour is dark (a dark theme).
bool isDark(const QPalette& palette);

// Shrinks and moves a top-level window so it lies inside the available area of its screen.
void fitToScreen(QWidget* window);

} // namespace UiUtil
