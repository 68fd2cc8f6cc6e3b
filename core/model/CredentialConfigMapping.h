#pragma once

#include "RoleAssociation.h"

#include <QJsonObject>
#include <QJsonValue>

// The ONE place that converts between RoleAssociation and the DataWorks CredentialConfig JSON.
//
// INFERRED MAPPING. Neither the API reference nor the product page spells it out. It is inferred from
// the DataWorks 2024-05-18 API reference (UpdateServerIdeInstance and the ServerIde CredentialConfig
// field docs: "Enable", "AliyunEnvRoleKey", "Configs[].Key/Type (Role | RoleChain)/Roles[].RoleArn/RoleType";
// "once enabled, the environment uses the default RAM role chain or a custom RAM role") and the product
// page "Associate a RAM role with an individual development environment" (three choices: default role,
// custom role, Do Not Associate Role; one role per environment):
//   DataWorks default role  Enable=true,  AliyunEnvRoleKey "0", one config {Key "0", Type "RoleChain"}, no RoleArn
//   custom role <arn>       Enable=true,  AliyunEnvRoleKey "0", one config {Key "0", Type "Role",
//                                         Roles [{RoleArn <arn>, RoleType "service"}]}
//   Do Not Associate Role   Enable=false, Configs []
// AliyunEnvRoleKey "0" / Key "0" are inferred too (the key the in-environment credentials service serves).
// If the real service turns out to differ, this file is the only one to change.
//
// Answers can carry live STS secrets in Configs[].Roles[].UserInfo (AccessKeyId, SecurityToken, ...):
// this code never reads UserInfo at all, so they cannot reach a RoleAssociation.
namespace CredentialConfigMapping {

// Recognises the three choices; anything else becomes RoleAssociation::Kind::Unknown with a
// description of what was found. An absent/null value (or Enable=false) is None. A JSON string is
// parsed first (requests carry it that way and some answers may too).
RoleAssociation fromJson(const QJsonValue& credentialConfig);

// The CredentialConfig object for a choice; an empty object for Unknown.
QJsonObject toJson(const RoleAssociation& role);

// toJson() serialised compactly, as UpdateServerIdeInstance sends it; empty for Unknown.
QString toCompactJson(const RoleAssociation& role);

} // namespace CredentialConfigMapping
