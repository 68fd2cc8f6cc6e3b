#include "Visibility.h"

#include <QCoreApplication>

namespace Visibilities {

QString toString(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Public:
        return QStringLiteral("public");
    case Visibility::Private:
        return QStringLiteral("private");
    case Visibility::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool fromString(const QString& text, Visibility* out)
{
    const QString s = text.trimmed();
    Visibility v;
    if (s.compare(QLatin1String("public"), Qt::CaseInsensitive) == 0)
        v = Visibility::Public;
    else if (s.compare(QLatin1String("private"), Qt::CaseInsensitive) == 0)
        v = Visibility::Private;
    else if (s.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0)
        v = Visibility::Unknown;
    else
        return false;
    if (out)
        *out = v;
    return true;
}

QString displayName(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Public:
        return QCoreApplication::translate("Visibility", "Public");
    case Visibility::Private:
        return QCoreApplication::translate("Visibility", "Private");
    case Visibility::Unknown:
        break;
    }
    //: No admin has recorded whether the environment is public or private
    return QCoreApplication::translate("Visibility", "Not recorded");
}

} // namespace Visibilities
