#include "UiUtil.h"

#include <QApplication>
#include <QScreen>
#include <QWidget>

namespace UiUtil {

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2d));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x2d, 0x30));
    dark.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return dark;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

BannerColours bannerColours(const QPalette& palette, bool danger)
{
    // Fixed pairs chosen for contrast (WCAG AA, 4.5:1) in each family of palettes: a light banner with dark text
    // on a light theme, a dark banner with light text on a dark one. Text and background always travel together,
    // so a theme never puts its own white text on our pale yellow.
    if (isDark(palette))
        return danger ? BannerColours{QColor(0x4a, 0x1c, 0x18), QColor(0xc9, 0x4a, 0x3f), QColor(0xff, 0xd6, 0xd1)}
                      : BannerColours{QColor(0x42, 0x36, 0x10), QColor(0xb8, 0x92, 0x2e), QColor(0xff, 0xec, 0xb3)};
    return danger ? BannerColours{QColor(0xfd, 0xe8, 0xe6), QColor(0xd9, 0x53, 0x4f), QColor(0x7a, 0x1f, 0x16)}
                  : BannerColours{QColor(0xff, 0xf5, 0xd6), QColor(0xe0, 0xb8, 0x4f), QColor(0x5c, 0x45, 0x00)};
}

QString bannerStyle(bool danger)
{
    return bannerStyle(QApplication::palette(), danger);
}

QString bannerStyle(const QPalette& palette, bool danger)
{
    const BannerColours c = bannerColours(palette, danger);
    // Check boxes and radio buttons inside a banner (the confirmations) take its text colour too, and nothing else:
    // a background or border on them would reach the palette their indicator is drawn with (Fusion draws the box
    // from it), and an unticked box would vanish into the banner.
    return QStringLiteral("QFrame { background: %1; border: 1px solid %2; border-radius: 4px; }"
                          "QLabel { color: %3; border: none; background: transparent; }"
                          "QCheckBox, QRadioButton { color: %3; }")
        .arg(c.background.name(), c.border.name(), c.text.name());
}

void fitToScreen(QWidget* window)
{
    if (!window || !window->screen())
        return;
    const QRect available = window->screen()->availableGeometry();
    // The frame (title bar, borders) is known only once the window manager has framed the shown window (under X11
    // that comes after showEvent); until then, leave room for a typical title bar. (The inspector at 1.5x took the
    // screen's whole height in its showEvent, and its title bar pushed the bottom off the screen.)
    const QRect frame = window->frameGeometry();
    const bool frameKnown = window->isVisible() && frame != window->geometry();
    const int extraW = frameKnown ? frame.width() - window->width() : 0;
    const int extraH = frameKnown ? frame.height() - window->height() : 40;
    const int width = qMin(window->width(), available.width() - extraW);
    const int height = qMin(window->height(), available.height() - extraH);
    if (width != window->width() || height != window->height())
        window->resize(qMax(width, window->minimumWidth()), qMax(height, window->minimumHeight()));
    QRect target(window->pos(), QSize(window->width() + extraW, window->height() + extraH));
    if (target.right() > available.right())
        target.moveRight(available.right());
    if (target.bottom() > available.bottom())
        target.moveBottom(available.bottom());
    if (target.left() < available.left())
        target.moveLeft(available.left());
    if (target.top() < available.top())
        target.moveTop(available.top());
    if (target.topLeft() != window->pos())
        window->move(target.topLeft());
}

} // namespace UiUtil
