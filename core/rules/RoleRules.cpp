#include "RoleRules.h"

#include "model/Exposure.h"

QString RulesLocation::toString() const
{
    if (line <= 0)
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

QString RulesError::toString() const
{
    return where.toString() + QStringLiteral(": ") + message;
}

namespace {
bool inAllowList(const RoleAssociation& role, const QStringList& allowList)
{
    if (!role.isCustomRole())
        return false;
    for (const QString& arn : allowList) {
        if (RoleAssociation::customRole(arn) == role)
            return true;
    }
    return false;
}
} // namespace

bool RoleRequirement::isSatisfiedBy(const RoleAssociation& current, const QStringList& allowList) const
{
    for (const Alternative& alt : anyOf) {
        switch (alt.kind) {
        case Alternative::Kind::None:
            if (current.isNone())
                return true;
            break;
        case Alternative::Kind::Default:
            if (current.isDataWorksDefault())
                return true;
            break;
        case Alternative::Kind::Custom:
            if (current.isCustomRole() && RoleAssociation::customRole(alt.arn) == current)
                return true;
            break;
        case Alternative::Kind::AllowedCustom:
            if (inAllowList(current, allowList))
                return true;
            break;
        }
    }
    return false;
}

std::optional<RoleAssociation> RoleRequirement::target(const QStringList& allowList) const
{
    for (const Alternative& alt : anyOf) {
        switch (alt.kind) {
        case Alternative::Kind::None:
            return RoleAssociation::none();
        case Alternative::Kind::Default:
            return RoleAssociation::dataWorksDefault();
        case Alternative::Kind::Custom:
            return RoleAssociation::customRole(alt.arn);
        case Alternative::Kind::AllowedCustom:
            if (allowList.size() == 1)
                return RoleAssociation::customRole(allowList.constFirst());
            break;
        }
    }
    return std::nullopt;
}

QString RoleRequirement::toString() const
{
    QStringList parts;
    for (const Alternative& alt : anyOf) {
        switch (alt.kind) {
        case Alternative::Kind::None:
            parts << QStringLiteral("none");
            break;
        case Alternative::Kind::Default:
            parts << QStringLiteral("default");
            break;
        case Alternative::Kind::Custom:
            parts << QStringLiteral("custom:") + alt.arn;
            break;
        case Alternative::Kind::AllowedCustom:
            parts << QStringLiteral("allowed-custom");
            break;
        }
    }
    return parts.join(QStringLiteral(" | "));
}

QString RoleRequirement::displayText() const
{
    QStringList parts;
    for (const Alternative& alt : anyOf) {
        switch (alt.kind) {
        case Alternative::Kind::None:
            parts << tr("no role");
            break;
        case Alternative::Kind::Default:
            parts << tr("the DataWorks default role");
            break;
        case Alternative::Kind::Custom:
            parts << tr("the custom role %1").arg(alt.arn);
            break;
        case Alternative::Kind::AllowedCustom:
            parts << tr("an allowed custom role");
            break;
        }
    }
    return parts.join(tr(" or "));
}

bool RuleSelector::isEmpty() const
{
    return workspaces.isEmpty() && environments.isEmpty() && namePatterns.isEmpty() && ownerPatterns.isEmpty() &&
           statuses.isEmpty() && visibilities.isEmpty() && exposures.isEmpty();
}

void RuleSelector::compile()
{
    auto compileAll = [](const QStringList& globs) {
        QList<QRegularExpression> out;
        for (const QString& glob : globs) {
            // Anchored: the whole name must match. Names and owner ids hold no '/', so the default
            // (path) conversion behaves like a plain glob (NonPathWildcardConversion needs Qt 6.6).
            out << QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob),
                                      QRegularExpression::CaseInsensitiveOption);
        }
        return out;
    };
    nameRegexes = compileAll(namePatterns);
    ownerRegexes = compileAll(ownerPatterns);
}

bool RuleSelector::matches(const Environment& e, Visibility visibility) const
{
    if (!environments.isEmpty() && !environments.contains(e.instanceId))
        return false;
    if (!workspaces.isEmpty()) {
        bool any = false;
        for (const QString& w : workspaces) {
            bool numeric = false;
            const qint64 id = w.toLongLong(&numeric);
            if (numeric ? id == e.projectId : w.compare(e.projectName, Qt::CaseInsensitive) == 0) {
                any = true;
                break;
            }
        }
        if (!any)
            return false;
    }
    if (!statuses.isEmpty() && !statuses.contains(e.status))
        return false;
    if (!visibilities.isEmpty() && !visibilities.contains(visibility))
        return false;
    auto anyMatch = [](const QList<QRegularExpression>& regexes, const QString& text) {
        for (const QRegularExpression& re : regexes) {
            if (re.match(text).hasMatch())
                return true;
        }
        return false;
    };
    if (!nameRegexes.isEmpty() && !anyMatch(nameRegexes, e.instanceName))
        return false;
    if (!ownerRegexes.isEmpty() && !anyMatch(ownerRegexes, e.ownerId))
        return false;
    if (!exposures.isEmpty()) {
        // The one place that says what internet-reachable means (Exposure), as the policy and both front ends ask.
        const ExposureMatch actual =
            Exposure::internetReachable(e) ? ExposureMatch::Internet : ExposureMatch::NotInternet;
        if (!exposures.contains(actual))
            return false;
    }
    return true;
}

int RuleSet::firstMatch(const Environment& environment, Visibility visibility) const
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (rules.at(i).match.matches(environment, visibility))
            return int(i);
    }
    return -1;
}
