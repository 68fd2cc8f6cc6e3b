#include "UiUtil.h"

namespace UiUtil {

BannerColours bannerColours(const QPalette&, bool danger)
{
    return danger ? BannerColours{QColor(0xfd, 0xe8, 0xe6), QColor(0xd9, 0x53, 0x4f), QColor(0x7a, 0x1f, 0x16)}
                  : BannerColours{QColor(0xff, 0xf5, 0xd6), QColor(0xe0, 0xb8, 0x4f), QColor(0x5c, 0x45, 0x00)};
}

QString bannerStyle(bool danger)
{
    return bannerStyle(QPalette(), danger);
}

QString bannerStyle(const QPalette& palette, bool danger)
{
    const BannerColours c = bannerColours(palette, danger);
    return QStringLiteral("QFrame { background: %1; border: 1px solid %2; border-radius: 4px; }"
                          "QLabel { color: %3; border: none; }")
        .arg(c.background.name(), c.border.name(), c.text.name());
}

} // namespace UiUtil
