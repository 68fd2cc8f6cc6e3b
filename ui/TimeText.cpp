#include "TimeText.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>

#include <limits>

namespace TimeText {

QString local(const QDateTime& utcTime)
{
    if (!utcTime.isValid())
        return {};
    return utcTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString utc(const QDateTime& utcTime)
{
    if (!utcTime.isValid())
        return {};
    return utcTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

void apply(QWidget* widget, const QDateTime& utcTime, const QString& emptyText)
{
    auto* label = qobject_cast<QLabel*>(widget);
    if (!label)
        return;
    label->setText(utcTime.isValid() ? local(utcTime) : emptyText);
    label->setToolTip(utc(utcTime));
}

QString coarseDuration(qint64 seconds)
{
    if (seconds == std::numeric_limits<qint64>::max())
        return QCoreApplication::translate("TimeText", "does not expire");
    if (seconds <= 0)
        return QCoreApplication::translate("TimeText", "expired");
    if (seconds < 60)
        //: a countdown in seconds, shown only in the last minute
        return QCoreApplication::translate("TimeText", "%1 s").arg(seconds);
    // Round up: "1 min" while 61..120 s remain would otherwise read as less than there is.
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        //: a coarse countdown in minutes
        return QCoreApplication::translate("TimeText", "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (hours >= 48)
        //: a coarse countdown in days
        return QCoreApplication::translate("TimeText", "%1 days").arg(hours / 24);
    if (rest == 0)
        return QCoreApplication::translate("TimeText", "%1 h").arg(hours);
    //: a coarse countdown: hours and minutes
    return QCoreApplication::translate("TimeText", "%1 h %2 min").arg(hours).arg(rest);
}

} // namespace TimeText
