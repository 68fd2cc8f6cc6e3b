#pragma once

#include "RoleAssociation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDebug>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

// The status of an individual development environment (a DataWorks ServerIde instance), as the API
// names them; Unknown stands for any value the API adds later (Environment keeps the raw text).
enum class EnvironmentStatus
{
    Unknown,
    Creating,
    Starting,
    Running,
    Stopping,
    Stopped,
    Updating,
    Deleting,
    Deleted, // "DELETED" in the API
    Failed,
    Arrearage, // the account has an overdue payment
    Saving,
    SaveFailed,
    Saved,
};

namespace EnvironmentStatuses {
// The API's spelling ("Running", "DELETED", ...); "Unknown" for Unknown.
QString toString(EnvironmentStatus status);
// Exact API spelling first, then case-insensitively; Unknown when not recognised.
EnvironmentStatus fromString(const QString& text);
// Translated, for people.
QString displayName(EnvironmentStatus status);
// THE status text for people, in every front end (GUI table, details, dialogs; the CLI's text tables and messages):
// the translated name ("Deleted" for the API's "DELETED"), and for a status newer than this build the API's own text
// (apiText) when there is one. JSON output keeps the API's raw value instead.
QString displayText(EnvironmentStatus status, const QString& apiText);
// Every status the API documents, in the order above (Unknown excluded).
QList<EnvironmentStatus> all();
} // namespace EnvironmentStatuses

// Shares equal strings between the values parsed from many answers: the project names, owner ids, statuses, image,
// VPC and resource-group texts repeat across thousands of environments, and each decoded QString costs its own
// allocation (about 80 bytes for a short id). Empty texts are never pooled. Thread-safe, so pages parsed on several
// threads can share one pool.
class StringPool
{
public:
    QString intern(const QString& text)
    {
        if (text.isEmpty())
            return text;
        QMutexLocker lock(&m_mutex);
        const auto it = m_strings.constFind(text);
        if (it != m_strings.cend())
            return *it;
        m_strings.insert(text);
        return text;
    }
    qsizetype size() const
    {
        QMutexLocker lock(&m_mutex);
        return m_strings.size();
    }

private:
    mutable QMutex m_mutex;
    QSet<QString> m_strings;
};

struct UserVpc
{
    QString vpcId;
    QString vSwitchId;
    QString securityGroupId;
    bool isEmpty() const { return vpcId.isEmpty() && vSwitchId.isEmpty() && securityGroupId.isEmpty(); }
    bool operator==(const UserVpc&) const = default;
};

// One UserVpc.ForwardInfos entry: a port of the environment forwarded through the user's VPC. Only facts that are not
// secret are kept: the presence of an EIP, a NAT gateway or an SSH public key, never the key itself nor the ids.
struct ForwardInfo
{
    QString name;
    bool enabled = false;
    QStringList accessTypes; // as the API sent them: "intranet", "internet"
    QString containerName;
    QString forwardPort;  // the environment's port
    QString externalPort; // the port reachable from outside
    bool hasEip = false;
    bool hasNatGateway = false;
    bool hasSshPublicKey = false;

    // Enabled and forwarded to the internet (an AccessType "internet", in any case): the environment is reachable
    // from the internet through this port.
    bool isInternet() const;
    // One AccessType value: "internet" or "intranet" (the documented ones), in any case, spaces around ignored.
    static bool isInternetAccessType(const QString& type);
    static bool isIntranetAccessType(const QString& type);
    bool operator==(const ForwardInfo&) const = default;
};

struct Dataset
{
    QString identifier;
    QString mountPath;
    bool readOnly = false;
    QString uri;
    bool operator==(const Dataset&) const = default;
};

// One individual development environment as a List/Get answer describes it. A plain value: the
// credential configuration is reduced to a RoleAssociation at parse time, so the STS secrets that
// answers may carry in CredentialConfig...UserInfo never get here.
struct Environment
{
    QString instanceId;
    QString instanceName;
    EnvironmentStatus status = EnvironmentStatus::Unknown;
    QString statusText; // as the API sent it, also for values newer than this build
    qint64 projectId = 0;
    QString projectName;
    QString resourceGroupId; // a string in requests, an integer in answers: always a string here
    QString resourceGroupName;
    QString ownerId;
    // The owner's name, when RoleDesk could resolve it (OwnerDirectory: DataWorks ListProjectMembers); not part of
    // the instance's answer, so empty after parsing.
    QString ownerName;
    QString imageId;
    QString imageName;
    QString imageUrl;
    double cu = 0;
    QString failReason;
    QDateTime createTime;    // UTC; invalid when absent
    QDateTime updateTime;    // UTC; invalid when absent
    qint64 createTimeMs = 0; // raw epoch milliseconds
    qint64 updateTimeMs = 0; // raw epoch milliseconds: the conflict check compares these exactly
    UserVpc userVpc;
    QList<ForwardInfo> forwardInfos; // UserVpc.ForwardInfos
    QList<Dataset> datasets;
    RoleAssociation role;

    // An instance object of a ListServerIdeInstances (PagingInfo.Instances[]) or GetServerIdeInstance
    // (Instance) answer. Tolerates numbers where strings are documented and vice versa.
    // With a pool, the texts that repeat between environments (everything but the id and the name) are shared.
    static Environment fromJson(const QJsonObject& instance, StringPool* pool = nullptr);
    // All instances of one ListServerIdeInstances answer page (PagingInfo.Instances).
    static QList<Environment> listFromAnswer(const QJsonObject& answer, StringPool* pool = nullptr);
    // The instance of a GetServerIdeInstance answer ({"Instance": {...}}).
    static Environment fromGetAnswer(const QJsonObject& answer);

    bool isNull() const { return instanceId.isEmpty(); }
    // Translated status; for a status newer than this build, the API's own text (EnvironmentStatuses::displayText).
    QString statusDisplayText() const { return EnvironmentStatuses::displayText(status, statusText); }
    // True when `later` (a fresh read of the same environment) was changed since this copy was read.
    bool changedSince(const Environment& later) const { return updateTimeMs != later.updateTimeMs; }

    bool operator==(const Environment&) const = default;
};

// DataWorks workspace (a ListProjects item).
struct Workspace
{
    qint64 id = 0;
    QString name;
    QString displayName;
    QString owner;
    QString status;
    bool devEnvironmentEnabled = false;
    bool devRoleDisabled = false;
    QString description;

    static Workspace fromJson(const QJsonObject& project);
    bool operator==(const Workspace&) const = default;
};

// One member of a workspace (a ListProjectMembers PagingInfo.ProjectMembers item).
struct ProjectMember
{
    qint64 projectId = 0;
    QString userId;
    QString userName; // empty when the answer has none (UserName is not in every SDK's model of the answer)
    QString status;   // Normal, Forbidden
    QStringList roleCodes;

    static ProjectMember fromJson(const QJsonObject& member);
    bool operator==(const ProjectMember&) const = default;
};

// Safe to log: holds no secrets.
QDebug operator<<(QDebug debug, const Environment& environment);
QDebug operator<<(QDebug debug, const RoleAssociation& role);
