#include "CredentialConfigMapping.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

// See the header: everything below encodes an INFERRED mapping (DataWorks 2024-05-18 API reference,
// UpdateServerIdeInstance / ServerIde CredentialConfig field docs, and the product page "Associate a
// RAM role with an individual development environment").

namespace {
const QLatin1String kEnable("Enable");
const QLatin1String kEnvRoleKey("AliyunEnvRoleKey");
const QLatin1String kConfigs("Configs");
const QLatin1String kKey("Key");
const QLatin1String kType("Type");
const QLatin1String kRoles("Roles");
const QLatin1String kRoleArn("RoleArn");
const QLatin1String kRoleType("RoleType");
// Inferred: the key of the single config that the in-environment credentials service serves.
const QLatin1String kDefaultKey("0");
const QLatin1String kTypeRole("Role");
const QLatin1String kTypeRoleChain("RoleChain");
const QLatin1String kRoleTypeService("service");

// Enable may arrive as a boolean or, defensively, as "true"/"false".
bool readEnable(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    if (v.isDouble())
        return v.toDouble() != 0;
    return false;
}

// Only RoleArn and RoleType are ever read from a role: UserInfo (which may hold live STS secrets) is
// deliberately never touched.
RoleAssociation fromConfig(const QJsonObject& config)
{
    const QString type = config.value(kType).toString();
    const QJsonArray roles = config.value(kRoles).toArray();
    if (type == kTypeRoleChain) {
        for (const QJsonValue& r : roles) {
            const QString arn = r.toObject().value(kRoleArn).toString();
            if (!arn.isEmpty()) {
                return RoleAssociation::unknown(
                    QCoreApplication::translate(
                        "CredentialConfigMapping",
                        "a role chain that names the role %1; RoleDesk only recognises the DataWorks default role "
                        "chain without a named role")
                        .arg(arn));
            }
        }
        return RoleAssociation::dataWorksDefault();
    }
    if (type == kTypeRole) {
        if (roles.size() != 1)
            return RoleAssociation::unknown(
                QCoreApplication::translate("CredentialConfigMapping",
                                            "a role configuration with %1 roles instead of one")
                    .arg(roles.size()));
        const QJsonObject role = roles.first().toObject();
        const QString arn = role.value(kRoleArn).toString().trimmed();
        if (arn.isEmpty())
            return RoleAssociation::unknown(
                QCoreApplication::translate("CredentialConfigMapping", "a role configuration without a role ARN"));
        const QString roleType = role.value(kRoleType).toString();
        if (!roleType.isEmpty() && roleType != kRoleTypeService) {
            return RoleAssociation::unknown(
                QCoreApplication::translate("CredentialConfigMapping",
                                            "the role %1 with role type \"%2\" (RoleDesk expects \"service\")")
                    .arg(arn, roleType));
        }
        return RoleAssociation::customRole(arn);
    }
    if (type.isEmpty())
        return RoleAssociation::unknown(
            QCoreApplication::translate("CredentialConfigMapping", "a configuration without a type"));
    return RoleAssociation::unknown(
        QCoreApplication::translate("CredentialConfigMapping", "a configuration of type \"%1\"").arg(type));
}
} // namespace

namespace CredentialConfigMapping {

RoleAssociation fromJson(const QJsonValue& credentialConfig)
{
    QJsonValue value = credentialConfig;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return RoleAssociation::none();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return RoleAssociation::unknown(QCoreApplication::translate(
                "CredentialConfigMapping", "a credential configuration that is not a JSON object"));
        value = doc.object();
    }
    if (value.isUndefined() || value.isNull())
        return RoleAssociation::none();
    if (!value.isObject())
        return RoleAssociation::unknown(QCoreApplication::translate(
            "CredentialConfigMapping", "a credential configuration that is not a JSON object"));

    const QJsonObject object = value.toObject();
    if (!readEnable(object.value(kEnable)))
        return RoleAssociation::none();
    const QJsonArray configs = object.value(kConfigs).toArray();
    if (configs.isEmpty())
        return RoleAssociation::unknown(
            QCoreApplication::translate("CredentialConfigMapping", "enabled, but with no role configured"));
    if (configs.size() > 1)
        return RoleAssociation::unknown(
            QCoreApplication::translate("CredentialConfigMapping",
                                        "%1 role configurations (an environment supports one)")
                .arg(configs.size()));
    return fromConfig(configs.first().toObject());
}

QJsonObject toJson(const RoleAssociation& role)
{
    QJsonObject object;
    switch (role.kind()) {
    case RoleAssociation::Kind::None:
        object.insert(kEnable, false);
        object.insert(kConfigs, QJsonArray());
        break;
    case RoleAssociation::Kind::DataWorksDefault: {
        QJsonObject config;
        config.insert(kKey, kDefaultKey);
        config.insert(kType, kTypeRoleChain);
        object.insert(kEnable, true);
        object.insert(kEnvRoleKey, kDefaultKey);
        object.insert(kConfigs, QJsonArray{config});
        break;
    }
    case RoleAssociation::Kind::CustomRole: {
        QJsonObject r;
        r.insert(kRoleArn, role.roleArn());
        r.insert(kRoleType, kRoleTypeService);
        QJsonObject config;
        config.insert(kKey, kDefaultKey);
        config.insert(kType, kTypeRole);
        config.insert(kRoles, QJsonArray{r});
        object.insert(kEnable, true);
        object.insert(kEnvRoleKey, kDefaultKey);
        object.insert(kConfigs, QJsonArray{config});
        break;
    }
    case RoleAssociation::Kind::Unknown:
        break;
    }
    return object;
}

QString toCompactJson(const RoleAssociation& role)
{
    if (role.isUnknown())
        return {};
    return QString::fromUtf8(QJsonDocument(toJson(role)).toJson(QJsonDocument::Compact));
}

} // namespace CredentialConfigMapping
