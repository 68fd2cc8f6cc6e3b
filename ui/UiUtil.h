#pragma once

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

// A banner style for warnings inside a window (red-ish for danger, amber for attention).
QString bannerStyle(bool danger);

} // namespace UiUtil
