#include "CredentialConfigMapping.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

// See the header: everything below encodes an INFERRED mapping (DataWorks 2024-05-18 API reference,
// UpdateServerIdeInstance / ServerIde CredentialConfig field docs, the official SDK models' examples, and the
// product page "Associate a RAM role with an individual development environment").

namespace {
const QLatin1String kEnable("Enable");
const QLatin1String kEnvRoleKey("AliyunEnvRoleKey");
const QLatin1String kConfigs("Configs");
const QLatin1String kKey("Key");
const QLatin1String kType("Type");
const QLatin1String kRoles("Roles");
const QLatin1String kRoleArn("RoleArn");
const QLatin1String kRoleType("RoleType");
const QLatin1String kPolicy("Policy");
const QLatin1String kAssumeRoleFor("AssumeRoleFor");
const QLatin1String kUserInfo("UserInfo");
// Inferred: the key of the single config that the in-environment credentials service serves.
const QLatin1String kDefaultKey("0");
const QLatin1String kTypeRole("Role");
const QLatin1String kTypeRoleChain("RoleChain");
const QLatin1String kRoleTypeService("service");
const QLatin1String kRoleTypeUser("user");

// The translation context of every text here (lupdate reads Mapping::tr as "CredentialConfigMapping").
class Mapping
{
    Q_DECLARE_TR_FUNCTIONS(CredentialConfigMapping)
};

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

// Key may be written as a string or a number.
QString keyText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}

// The object form of a CredentialConfig value; *ok false when it is present but not an object.
QJsonObject objectOf(const QJsonValue& credentialConfig, bool* ok)
{
    *ok = true;
    QJsonValue value = credentialConfig;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return {};
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *ok = false;
            return {};
        }
        return doc.object();
    }
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        *ok = false;
        return {};
    }
    return value.toObject();
}

// The index in Configs of the config the environment uses: Key == AliyunEnvRoleKey, or the only config when no key
// is selected. -1 with *why set when there is none.
qsizetype selectedConfig(const QJsonObject& object, QString* why)
{
    const QJsonArray configs = object.value(kConfigs).toArray();
    const QString selected = keyText(object.value(kEnvRoleKey));
    if (!selected.isEmpty()) {
        for (qsizetype i = 0; i < configs.size(); ++i)
            if (keyText(configs.at(i).toObject().value(kKey)) == selected)
                return i;
        if (why)
            *why = configs.isEmpty() ? Mapping::tr("enabled, but with no role configured")
                                     : Mapping::tr("AliyunEnvRoleKey \"%1\" names none of the %2 configurations")
                                           .arg(selected)
                                           .arg(configs.size());
        return -1;
    }
    if (configs.size() == 1)
        return 0;
    if (why)
        *why = configs.isEmpty()
                   ? Mapping::tr("enabled, but with no role configured")
                   : Mapping::tr("%1 role configurations and no AliyunEnvRoleKey selecting one").arg(configs.size());
    return -1;
}

// Only RoleArn, RoleType, Policy and AssumeRoleFor are ever read from a role: UserInfo (which may hold live STS
// secrets) is deliberately never touched.
RoleAssociation fromConfig(const QJsonObject& config)
{
    const QString type = config.value(kType).toString();
    const QJsonArray roles = config.value(kRoles).toArray();
    if (type == kTypeRoleChain) {
        RoleAssociation::Details details;
        for (const QJsonValue& r : roles) {
            const QJsonObject role = r.toObject();
            const QString arn = role.value(kRoleArn).toString().trimmed();
            if (!arn.isEmpty())
                details.chainRoles.append({arn, role.value(kRoleType).toString()});
        }
        return RoleAssociation::dataWorksDefault().withDetails(details);
    }
    if (type == kTypeRole) {
        if (roles.size() != 1)
            return RoleAssociation::unknown(
                Mapping::tr("a role configuration with %1 roles instead of one").arg(roles.size()));
        const QJsonObject role = roles.first().toObject();
        const QString arn = role.value(kRoleArn).toString().trimmed();
        if (arn.isEmpty())
            return RoleAssociation::unknown(Mapping::tr("a role configuration without a role ARN"));
        const QString roleType = role.value(kRoleType).toString();
        if (!roleType.isEmpty() && roleType != kRoleTypeService && roleType != kRoleTypeUser)
            return RoleAssociation::unknown(
                Mapping::tr("the role %1 with role type \"%2\" (the API knows \"service\" and \"user\")")
                    .arg(arn, roleType));
        RoleAssociation::Details details;
        details.roleType = roleType;
        const QJsonValue policy = role.value(kPolicy);
        details.sessionPolicy = policy.isString() ? policy.toString().trimmed()
                                : policy.isObject()
                                    ? QString::fromUtf8(QJsonDocument(policy.toObject()).toJson(QJsonDocument::Compact))
                                    : QString();
        details.assumeRoleFor = keyText(role.value(kAssumeRoleFor));
        return RoleAssociation::customRole(arn).withDetails(details);
    }
    if (type.isEmpty())
        return RoleAssociation::unknown(Mapping::tr("a configuration without a type"));
    return RoleAssociation::unknown(Mapping::tr("a configuration of type \"%1\"").arg(type));
}

QJsonValue stripUserInfo(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        object.remove(kUserInfo);
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it->isObject() || it->isArray())
                *it = stripUserInfo(*it);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (array.at(i).isObject() || array.at(i).isArray())
                array.replace(i, stripUserInfo(array.at(i)));
        return array;
    }
    return value;
}

QString describe(const RoleAssociation& role)
{
    QString text = role.displayText();
    const QString details = role.detailText();
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details + QLatin1Char(')');
    return text;
}
} // namespace

namespace CredentialConfigMapping {

RoleAssociation fromJson(const QJsonValue& credentialConfig)
{
    bool ok = true;
    const QJsonObject object = objectOf(credentialConfig, &ok);
    if (!ok)
        return RoleAssociation::unknown(Mapping::tr("a credential configuration that is not a JSON object"));
    if (object.isEmpty() || !readEnable(object.value(kEnable)))
        return RoleAssociation::none();
    QString why;
    const qsizetype index = selectedConfig(object, &why);
    if (index < 0)
        return RoleAssociation::unknown(why);
    return fromConfig(object.value(kConfigs).toArray().at(index).toObject());
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
    return serialize(toJson(role));
}

QJsonObject withoutUserInfo(const QJsonValue& credentialConfig)
{
    bool ok = true;
    const QJsonObject object = objectOf(credentialConfig, &ok);
    return ok ? stripUserInfo(object).toObject() : QJsonObject();
}

QString serialize(const QJsonObject& config)
{
    return QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

WritePlan planWrite(const QJsonObject& currentIn, const RoleAssociation& requested, const WriteOptions& options)
{
    WritePlan plan;
    if (requested.isUnknown()) {
        plan.blockers << Mapping::tr(
            "An unrecognised role configuration cannot be written: choose the DataWorks default role, "
            "a custom role or no role.");
        return plan;
    }
    const QJsonObject current = stripUserInfo(currentIn).toObject();
    const RoleAssociation currentRole = fromJson(current);
    QJsonObject config = current;
    QJsonArray configs = current.value(kConfigs).toArray();
    const qsizetype selected = current.isEmpty() ? -1 : selectedConfig(current, nullptr);

    // Members RoleDesk does not know stay; say so once.
    for (auto it = current.begin(); it != current.end(); ++it)
        if (it.key() != kEnable && it.key() != kEnvRoleKey && it.key() != kConfigs)
            plan.kept << Mapping::tr("the member \"%1\" of the configuration").arg(it.key());

    const auto dropPolicyOf = [&](const RoleAssociation& role, bool replaced) {
        if (!role.isRestricted())
            return;
        if (options.dropSessionPolicy) {
            plan.dropped << Mapping::tr("the session policy that restricted %1").arg(role.roleArn());
        } else if (replaced) {
            plan.blockers << Mapping::tr(
                                 "The session policy that restricts %1 would be lost: the new choice has no place for "
                                 "it. Drop it explicitly (--drop-policy, or the option in the dialog) or keep the "
                                 "custom role.")
                                 .arg(role.roleArn());
        }
    };

    if (requested.isNone()) {
        config.insert(kEnable, false);
        config.insert(kConfigs, QJsonArray());
        config.remove(kEnvRoleKey);
        if (!current.isEmpty() && readEnable(current.value(kEnable)))
            plan.dropped << Mapping::tr("the role configuration: %1").arg(describe(currentRole));
        else if (!configs.isEmpty())
            plan.dropped << Mapping::tr("%n disabled role configuration(s)", nullptr, int(configs.size()));
        plan.config = config;
        return plan;
    }

    // The key the environment uses: the selected one, else the only config's, else "0".
    QString key = keyText(current.value(kEnvRoleKey));
    if (key.isEmpty() && configs.size() == 1)
        key = keyText(configs.first().toObject().value(kKey));
    if (key.isEmpty())
        key = kDefaultKey;
    // The first config with that key, as selectedConfig() reads it back: with two configs under one key, changing
    // the last one would leave the first in charge (found by fuzz_credentialconfig; findings/credentialconfig/).
    qsizetype index = -1;
    for (qsizetype i = 0; i < configs.size() && index < 0; ++i)
        if (keyText(configs.at(i).toObject().value(kKey)) == key)
            index = i;
    const RoleAssociation replacedRole = index >= 0 ? fromConfig(configs.at(index).toObject()) : RoleAssociation();
    if (index >= 0 && selected < 0)
        plan.notes << Mapping::tr("The configuration with key \"%1\" is changed.").arg(key);

    QJsonObject newConfig;
    if (requested.isDataWorksDefault()) {
        newConfig.insert(kKey, key);
        newConfig.insert(kType, kTypeRoleChain);
        if (!options.defaultChain.isEmpty()) {
            QJsonArray roles;
            QStringList arns;
            for (const RoleAssociation::ChainRole& role : options.defaultChain) {
                QJsonObject r{{kRoleArn, role.roleArn}};
                if (!role.roleType.isEmpty())
                    r.insert(kRoleType, role.roleType);
                roles.append(r);
                arns << role.roleArn;
            }
            newConfig.insert(kRoles, roles);
            plan.notes << Mapping::tr(
                              "The default role chain (%1) is the one the service wrote for %2; per-environment "
                              "members (AssumeRoleFor, UserInfo) are left to the service.")
                              .arg(arns.join(QStringLiteral(", ")), options.defaultChainSource);
        } else {
            plan.notes << Mapping::tr(
                "The default role is written in its minimal form (a role chain without named roles): no "
                "chain written by the service for this account was seen to copy.");
        }
        if (index >= 0) {
            if (!replacedRole.isNone())
                plan.dropped << Mapping::tr("the configuration \"%1\": %2").arg(key, describe(replacedRole));
            dropPolicyOf(replacedRole, true);
        }
    } else {
        // A custom role: keep the existing role entry of the same key (Policy, AssumeRoleFor, RoleType, anything
        // else) and change only its RoleArn.
        const QJsonObject existing = index >= 0 ? configs.at(index).toObject() : QJsonObject();
        const QJsonArray existingRoles = existing.value(kRoles).toArray();
        if (existing.value(kType).toString() == kTypeRole && existingRoles.size() == 1 &&
            !existingRoles.first().toObject().value(kRoleArn).toString().trimmed().isEmpty() &&
            replacedRole.isCustomRole()) {
            newConfig = existing;
            QJsonObject role = existingRoles.first().toObject();
            const QString oldArn = role.value(kRoleArn).toString();
            role.insert(kRoleArn, requested.roleArn());
            if (replacedRole.isRestricted()) {
                if (options.dropSessionPolicy) {
                    role.remove(kPolicy);
                    dropPolicyOf(replacedRole, false);
                } else {
                    plan.kept << Mapping::tr("the session policy that restricted %1 (it now restricts %2)")
                                     .arg(oldArn, requested.roleArn());
                }
            }
            if (!replacedRole.assumeRoleFor().isEmpty())
                plan.kept << Mapping::tr("AssumeRoleFor %1").arg(replacedRole.assumeRoleFor());
            if (!replacedRole.roleType().isEmpty())
                plan.kept << Mapping::tr("role type \"%1\"").arg(replacedRole.roleType());
            for (auto it = role.begin(); it != role.end(); ++it)
                if (it.key() != kRoleArn && it.key() != kRoleType && it.key() != kPolicy && it.key() != kAssumeRoleFor)
                    plan.kept << Mapping::tr("the role member \"%1\"").arg(it.key());
            newConfig.insert(kRoles, QJsonArray{role});
        } else {
            newConfig.insert(kKey, key);
            newConfig.insert(kType, kTypeRole);
            newConfig.insert(kRoles,
                             QJsonArray{QJsonObject{{kRoleArn, requested.roleArn()}, {kRoleType, kRoleTypeService}}});
            if (index >= 0 && !replacedRole.isNone())
                plan.dropped << Mapping::tr("the configuration \"%1\": %2").arg(key, describe(replacedRole));
        }
    }
    // Members of the replaced config that RoleDesk does not know stay.
    if (index >= 0) {
        const QJsonObject old = configs.at(index).toObject();
        for (auto it = old.begin(); it != old.end(); ++it)
            if (it.key() != kKey && it.key() != kType && it.key() != kRoles && !newConfig.contains(it.key())) {
                newConfig.insert(it.key(), it.value());
                plan.kept << Mapping::tr("the member \"%1\" of configuration \"%2\"").arg(it.key(), key);
            }
        configs.replace(index, newConfig);
    } else {
        configs.append(newConfig);
    }
    const qsizetype others = configs.size() - 1;
    if (others > 0)
        plan.kept << Mapping::tr("%n other role configuration(s), unchanged", nullptr, int(others));
    config.insert(kEnable, true);
    config.insert(kEnvRoleKey, key);
    config.insert(kConfigs, configs);
    plan.config = config;
    return plan;
}

bool sameMeaning(const QJsonObject& sent, const QJsonObject& readBack)
{
    const RoleAssociation a = fromJson(sent);
    const RoleAssociation b = fromJson(readBack);
    if (a != b || a.sessionPolicy() != b.sessionPolicy())
        return false;
    // What the write left to the service (an empty member) may come back filled in; what it set must come back.
    const auto kept = [](const auto& written, const auto& read) { return written.isEmpty() || written == read; };
    return kept(a.roleType(), b.roleType()) && kept(a.assumeRoleFor(), b.assumeRoleFor()) &&
           kept(a.chainRoles(), b.chainRoles());
}

} // namespace CredentialConfigMapping
