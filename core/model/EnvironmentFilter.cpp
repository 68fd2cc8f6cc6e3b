#include "EnvironmentFilter.h"

#include "Exposure.h"
#include "VisibilityStore.h"

#include <QStringList>

bool EnvironmentFilter::isEmpty() const
{
    return project.trimmed().isEmpty() && ownerId.trimmed().isEmpty() && statuses.isEmpty() &&
           keyword.trimmed().isEmpty() && !visibility && !roleKind && !hasRole && !internet && !projectIds;
}

bool EnvironmentFilter::matches(const Environment& e, Visibility recorded) const
{
    if (projectIds && !projectIds->contains(e.projectId))
        return false;
    const QString p = project.trimmed();
    if (!p.isEmpty()) {
        bool isNumber = false;
        const qint64 id = p.toLongLong(&isNumber);
        if (isNumber ? e.projectId != id : e.projectName.compare(p, Qt::CaseInsensitive) != 0)
            return false;
    }
    const QString owner = ownerId.trimmed();
    if (!owner.isEmpty() && e.ownerId != owner &&
        (e.ownerName.isEmpty() || e.ownerName.compare(owner, Qt::CaseInsensitive) != 0))
        return false;
    if (!statuses.isEmpty() && !statuses.contains(e.status))
        return false;
    const QString k = keyword.trimmed();
    if (!k.isEmpty() && !e.instanceId.contains(k, Qt::CaseInsensitive) &&
        !e.instanceName.contains(k, Qt::CaseInsensitive) && !e.ownerId.contains(k, Qt::CaseInsensitive) &&
        !e.ownerName.contains(k, Qt::CaseInsensitive))
        return false;
    if (visibility && *visibility != recorded)
        return false;
    if (roleKind && *roleKind != e.role.kind())
        return false;
    if (hasRole && *hasRole != e.role.hasRole())
        return false;
    if (internet && *internet != Exposure::internetReachable(e))
        return false;
    return true;
}

QList<Environment> EnvironmentFilter::apply(const QList<Environment>& environments, const VisibilityStore* store) const
{
    QList<Environment> out;
    for (const Environment& e : environments) {
        if (matches(e, store ? store->visibility(e.instanceId) : Visibility::Unknown))
            out << e;
    }
    return out;
}

bool EnvironmentFilter::parseStatuses(const QString& commaList, QList<EnvironmentStatus>* out, QString* error)
{
    QList<EnvironmentStatus> list;
    const QStringList parts = commaList.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QString name = part.trimmed();
        if (name.isEmpty())
            continue;
        EnvironmentStatus s = EnvironmentStatuses::fromString(name);
        if (s == EnvironmentStatus::Unknown && name.compare(QLatin1String("Unknown"), Qt::CaseInsensitive) != 0) {
            if (error) {
                QStringList known;
                for (EnvironmentStatus k : EnvironmentStatuses::all())
                    known << EnvironmentStatuses::toString(k);
                *error = tr("\"%1\" is not an environment status; use one of %2 or Unknown.")
                             .arg(name, known.join(QStringLiteral(", ")));
            }
            return false;
        }
        if (!list.contains(s))
            list << s;
    }
    if (out)
        *out = list;
    return true;
}
