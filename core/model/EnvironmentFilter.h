#pragma once

#include "Environment.h"
#include "RoleAssociation.h"
#include "Visibility.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class VisibilityStore;

// Which environments to show: one pure predicate shared by the CLI's list options and the GUI's filter
// bar. Every criterion left empty matches everything; set criteria must all match.
struct EnvironmentFilter
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentFilter)

public:
    QString project;                   // a ProjectId (all digits) or a ProjectName (ignoring case)
    QString ownerId;                   // exact OwnerId, or the owner's name (Environment::ownerName) ignoring case
    QList<EnvironmentStatus> statuses; // any of these
    QString keyword;                   // in InstanceId, InstanceName, OwnerId or the owner's name, ignoring case
    std::optional<Visibility> visibility;
    std::optional<RoleAssociation::Kind> roleKind;
    // Holds a role (the DataWorks default role or a custom role: RoleAssociation::hasRole()), or not (no role, or an
    // unrecognised configuration). The GUI's "Has a role" and the risk banner's "Show them".
    std::optional<bool> hasRole;
    std::optional<bool> internet; // reachable from the internet as the API reports it (Exposure), or not
    // A set of workspaces (ProjectIds): unset matches every workspace, an empty set none (the GUI's workspace list
    // with nothing ticked). Combines with `project` like any other criterion (both must match).
    std::optional<QSet<qint64>> projectIds;

    bool isEmpty() const;
    bool operator==(const EnvironmentFilter& other) const = default;
    // visibility: the environment's recorded visibility (VisibilityStore::visibility()).
    bool matches(const Environment& environment, Visibility visibility = Visibility::Unknown) const;
    // Keeps order. Without a store every environment counts as Visibility::Unknown.
    QList<Environment> apply(const QList<Environment>& environments, const VisibilityStore* store = nullptr) const;

    // "Running,stopped, DELETED" -> statuses; false with a translated error naming the bad value.
    static bool parseStatuses(const QString& commaList, QList<EnvironmentStatus>* out, QString* error = nullptr);
};
