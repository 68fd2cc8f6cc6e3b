#include "UiUtil.h"

namespace UiUtil {

QString bannerStyle(bool danger)
{
    return danger ? QStringLiteral("QFrame { background: #fde8e6; border: 1px solid #d9534f; border-radius: 4px; }"
                                   "QLabel { color: #7a1f16; border: none; }")
                  : QStringLiteral("QFrame { background: #fff5d6; border: 1px solid #e0b84f; border-radius: 4px; }"
                                   "QLabel { color: #5c4500; border: none; }");
}

} // namespace UiUtil
