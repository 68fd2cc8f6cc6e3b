#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The simulated cloud's data: one account with its RAM roles, DataWorks workspaces and individual
// development environments (ServerIde instances), and MaxCompute projects with tables. Plain values;
// SandboxEngine owns one and guards it with its mutex.
namespace SandboxData {

struct User
{
    QString id; // account-style numeric id, what OwnerId / RelatedUserId carry
    QString name;
};

struct Workspace
{
    qint64 id = 0;
    QString name;
    QString displayName;
    QString description;
    QString ownerId;
    QString status = QStringLiteral("Available");
    bool devEnvironmentEnabled = true;
    bool devRoleDisabled = false;
    QString aliyunResourceGroupId; // the Alibaba Cloud resource group of the workspace (seed "aliyunResourceGroupId")
};

struct ResourceGroup
{
    qint64 id = 0;
    QString name;
};

// What the environment's CredentialConfig says, as the sandbox's credentials service acts on it (effectiveRole()).
enum class RoleKind
{
    None,
    Default,
    Custom
};

// One UserVpc.ForwardInfos entry, by the SDK model (dataworks-public 2024-05-18 ForwardInfos: Name, Enable,
// AccessType [intranet|internet], ContainerName, ForwardPort, ExternalPort, EipAllocationId, NatGatewayId,
// SSHPublicKey; ports are strings there).
struct ForwardInfo
{
    QString name;
    bool enable = false;
    QStringList accessType;
    QString containerName;
    QString forwardPort;
    QString externalPort;
    QString eipAllocationId;
    QString natGatewayId;
    QString sshPublicKey;
};

struct Environment
{
    QString instanceId;
    QString name;
    QString status;
    qint64 projectId = 0;
    qint64 resourceGroupId = 0;
    QString ownerId;
    QString subType = QStringLiteral("PERSONAL_DEV");
    QString imageId;
    int cu = 4;
    QString failReason;
    qint64 createTimeMs = 0;
    qint64 updateTimeMs = 0;
    // The CredentialConfig as the service stores it: compact JSON of the SDK model's members only, as written (never
    // UserInfo, which answers fill in). Environments with the same config share one copy.
    QByteArray credentialConfig;
    // Derived from credentialConfig by effectiveRole() after every write (the credentials service's view).
    RoleKind roleKind = RoleKind::None;
    QString customRoleName; // RoleKind::Custom only
    bool isPublic = false;  // the workspace-level setting; no API exposes it (see dataworks-api.md)
    // A lifecycle step in progress (Starting -> Running ...) settles lazily when the clock passes it.
    QString pendingStatus;
    qint64 pendingAtMs = 0;
    QList<ForwardInfo> forwardInfos; // UserVpc.ForwardInfos
};

struct Role
{
    QString name;
    QString roleId;
    QString description;
    QJsonObject trustPolicy;
    QJsonObject permissionPolicy; // which MaxCompute projects the role may read ("acs:odps:*:projects/<p>")
    int maxSessionDuration = 3600;
    qint64 createDateMs = 0;
    qint64 updateDateMs = 0;
    bool isDataWorksDefault = false; // stands for the (unnamed in public docs) DataWorks default role
};

struct Table
{
    QString name;
    QString tableId;
    QString ownerId;
    QString comment;
    qint64 creationMs = 0;
    qint64 lastModifiedMs = 0;
};

struct MaxComputeProject
{
    QString name;
    QString ownerId;
    QString comment;
    QList<Table> tables; // sorted by name
};

struct State
{
    QString accountId;
    QString region = QStringLiteral("cn-hangzhou");
    QString adminUserName;
    QString adminUserId;
    QHash<QString, QString> adminKeys; // AccessKeyId -> AccessKeySecret
    QString adminKeyId;                // the one printed by `sandbox serve`
    // Derives each environment's unguessable credentials-URI token; random per state, persisted with it.
    QByteArray credentialsSecret;
    QList<User> users;
    QList<Workspace> workspaces;
    QList<ResourceGroup> resourceGroups;
    QList<Environment> environments; // in listing order
    QHash<QString, qsizetype> environmentIndex;
    QList<Role> roles;
    QList<MaxComputeProject> projects;
    qint64 nextInstanceNumber = 900001;

    void reindex();
    Environment* environment(const QString& instanceId);
    const Role* role(const QString& name) const; // case-insensitive, as RAM
    const Role* defaultRole() const;
    const Workspace* workspace(qint64 id) const;
    const ResourceGroup* resourceGroup(qint64 id) const;
    const MaxComputeProject* project(const QString& name) const;
    QString roleArn(const QString& roleName) const;
};

// Reads a seed or state document. A seed may ask for generated tables ("generateTables": N) and
// carries times as ISO strings or epoch ms. Returns false with a message naming the problem.
bool fromJson(const QJsonObject& root, State* out, QString* error);
// The full state, loadable by fromJson().
QJsonObject toJson(const State& state);
// Replaces the environments with exactly `count` of them: the seed's first, then synthetic ones spread
// over the seed's workspaces, owners, statuses and role choices. Deterministic for a given seed.
void generateEnvironments(State* state, qsizetype count, qint64 nowMs);

QString roleKindToString(RoleKind kind);

// CredentialConfig as the service takes it, judged by the official SDK model (dataworks-public 2024-05-18:
// {Enable bool, AliyunEnvRoleKey string, Configs [{Key string, Type "Role"|"RoleChain", Roles [{RoleArn, RoleType
// "service"|"user", AssumeRoleFor, Policy strings, UserInfo object}]}]}), never through RoleDesk's own mapping. A
// member of the wrong type or an unknown enum value is an error; members outside the model are dropped (a typed model
// does not keep them); UserInfo is the service's to fill in: dropped, or an error when rejectUserInfo. Returns false
// with a message naming the member.
bool normalizeCredentialConfig(const QString& text, bool rejectUserInfo, QByteArray* out, QString* error);
// What the environment's credentials service serves for a stored config. ASSUMED service behaviour (no public
// document states it): Enable true, the config whose Key is AliyunEnvRoleKey (or the only one): Type RoleChain ->
// the DataWorks default role (the owner's permissions), Type Role -> the role named by its first RoleArn; anything
// else serves nothing.
RoleKind effectiveRole(const QByteArray& credentialConfig, QString* roleArn);
// The config the sandbox stores for the seed's shorthand ("role": "default" | "custom" | "none"): what it assumes the
// console writes. The default role's chain names the account's DataWorks default role.
QByteArray consoleCredentialConfig(const State& state, RoleKind kind, const QString& customRoleName);
// The role name of an ARN "acs:ram::<account>:role/<name>" of this account; empty otherwise.
QString roleNameOfArn(const State& state, const QString& arn);
// The (inferred) readable MaxCompute project patterns of a permission policy: the project part of every
// Allow statement's "acs:odps:*:projects/<p>" resource whose Action covers odps reads.
QStringList readableProjectPatterns(const QJsonObject& policy);
// Whether a trust policy lets the principal (e.g. "dataworks.aliyuncs.com" service or
// "acs:ram::<account>:root") assume the role.
bool trustsService(const QJsonObject& trustPolicy, const QString& service);
bool trustsAccount(const QJsonObject& trustPolicy, const QString& accountId);

} // namespace SandboxData
