#pragma once

#include "RoleAssociation.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// The ONE place that converts between RoleAssociation and the DataWorks CredentialConfig JSON.
//
// INFERRED MAPPING. Neither the API reference nor the product page spells it out. It is inferred from
// the DataWorks 2024-05-18 API reference (UpdateServerIdeInstance and the ServerIde CredentialConfig
// field docs: "Enable", "AliyunEnvRoleKey", "Configs[].Key/Type (Role | RoleChain)/Roles[].RoleArn/RoleType/
// AssumeRoleFor/Policy"; "once enabled, the environment uses the default RAM role chain or a custom RAM role"),
// the official SDK models' field examples (which pair Type RoleChain with a named role) and the product page
// "Associate a RAM role with an individual development environment" (three choices: default role, custom
// role, Do Not Associate Role; one role per environment).
//
// Reading is conservative: it recognises every form that can only mean one of the three choices.
//   Enable false or absent                       Do Not Associate Role (whatever Configs holds)
//   the selected config (Key == AliyunEnvRoleKey, or the only config when no key is selected):
//     Type "RoleChain", with or without roles    DataWorks default role (the named roles are shown)
//     Type "Role", exactly one role with RoleArn custom role; RoleType "service", "user" or absent; a session
//                                                Policy (restricts the role) and AssumeRoleFor are shown
//   anything else                                Unknown, with what was found
//
// Writing changes only what the admin chose (planWrite): every member it does not mean to change is kept
// (other Configs, AliyunEnvRoleKey, a custom role's Policy / AssumeRoleFor / RoleType, members RoleDesk does not
// know), UserInfo is never sent back, and what is kept or dropped is listed so front ends can say it. The
// minimal forms, used when there is nothing to keep:
//   DataWorks default role  Enable=true,  AliyunEnvRoleKey "0", one config {Key "0", Type "RoleChain"}
//   custom role <arn>       Enable=true,  AliyunEnvRoleKey "0", one config {Key "0", Type "Role",
//                                         Roles [{RoleArn <arn>, RoleType "service"}]}
//   Do Not Associate Role   Enable=false, Configs []
// AliyunEnvRoleKey "0" / Key "0" are inferred too (the key the in-environment credentials service serves).
// What no public document states (the exact chain the console writes for the default role; whether the service
// replaces CredentialConfig as a whole: assumed so, hence the whole intended config is sent) is handled here and
// nowhere else. If the real service turns out to differ, this file is the only one to change.
//
// Answers can carry live STS secrets in Configs[].Roles[].UserInfo (AccessKeyId, SecurityToken, ...):
// fromJson never reads UserInfo, and withoutUserInfo() removes it before anything is kept or written.
namespace CredentialConfigMapping {

// Recognises the three choices (with their details); anything else becomes RoleAssociation::Kind::Unknown with a
// description of what was found. An absent/null value (or Enable=false) is None. A JSON string is parsed first
// (requests carry it that way and some answers may too).
RoleAssociation fromJson(const QJsonValue& credentialConfig);

// The minimal CredentialConfig object for a choice (see above); an empty object for Unknown.
QJsonObject toJson(const RoleAssociation& role);

// toJson() serialised compactly; empty for Unknown.
QString toCompactJson(const RoleAssociation& role);

// A CredentialConfig (object or JSON string) as an object with every UserInfo member removed at any depth; an
// empty object when it is absent or not an object.
QJsonObject withoutUserInfo(const QJsonValue& credentialConfig);

// The text UpdateServerIdeInstance sends: compact JSON with the keys of every object in alphabetical order, as the
// official SDK serialises it (QJsonObject keeps its keys sorted).
QString serialize(const QJsonObject& config);

struct WriteOptions
{
    // Drop a custom role's session Policy instead of keeping it (or instead of refusing, when the change would
    // lose it).
    bool dropSessionPolicy = false;
    // For "DataWorks default role": the chain the service wrote for another environment of the same account,
    // reused role for role (RoleArn and RoleType; per-environment members are not copied), and where it was seen.
    QList<RoleAssociation::ChainRole> defaultChain;
    QString defaultChainSource; // e.g. the instance id it was copied from
};

// What planWrite() would send, and what that keeps and drops, in translated plain words.
struct WritePlan
{
    QJsonObject config;  // the whole CredentialConfig to send (no UserInfo)
    QStringList kept;    // members of the current config that stay as they are
    QStringList dropped; // what the write removes
    QStringList notes;   // how the new value was chosen
    // Non-empty: the write would lose something the admin did not explicitly drop (a session policy); it must not
    // be sent until the admin says so (WriteOptions::dropSessionPolicy).
    QStringList blockers;
    bool isBlocked() const { return !blockers.isEmpty(); }
};

// The CredentialConfig that gives `requested` while keeping everything of `current` (a withoutUserInfo() object,
// possibly empty) it does not mean to change. requested must not be Unknown (the plan is then blocked).
WritePlan planWrite(const QJsonObject& current, const RoleAssociation& requested, const WriteOptions& options = {});

// Whether a config read back after a write (without UserInfo) says what the sent one says: the same choice and
// session policy; the role type, AssumeRoleFor and chain roles the write set (members the write left empty may come
// back filled in by the service).
bool sameMeaning(const QJsonObject& sent, const QJsonObject& readBack);

} // namespace CredentialConfigMapping
