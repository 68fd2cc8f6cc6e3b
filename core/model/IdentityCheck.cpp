#include "IdentityCheck.h"

#include "RoleArn.h"

#include <QStringView>

QString IdentityCheck::roleNameFromArn(const QString& arn)
{
    // acs:ram::<account>:role/<name>  or  acs:ram::<account>:assumed-role/<name>/<session>
    const qsizetype colon = arn.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return {};
    const QStringView resource = QStringView(arn).mid(colon + 1);
    const auto take = [&](QLatin1String prefix) -> QString {
        if (!resource.startsWith(prefix, Qt::CaseInsensitive))
            return {};
        QStringView rest = resource.mid(prefix.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        return (slash < 0 ? rest : rest.left(slash)).toString();
    };
    QString name = take(QLatin1String("assumed-role/"));
    if (name.isEmpty())
        name = take(QLatin1String("role/"));
    return name;
}

IdentityCheck IdentityCheck::of(const RoleAssociation& role, const QString& identityArn, const QString& identityType)
{
    IdentityCheck check;
    check.actualRoleName = roleNameFromArn(identityArn);
    switch (role.kind()) {
    case RoleAssociation::Kind::CustomRole: {
        check.expectedRoleName = RoleArn::parse(role.roleArn()).roleName();
        const bool same =
            !check.actualRoleName.isEmpty() && RoleArn::roleNamesEqual(check.actualRoleName, check.expectedRoleName);
        check.outcome = same ? Outcome::Matches : Outcome::Mismatch;
        check.text = same ? tr("It matches the environment's role %1.").arg(check.expectedRoleName)
                          : tr("It does NOT match the environment's role %1 (the credential is for %2).")
                                .arg(check.expectedRoleName,
                                     check.actualRoleName.isEmpty() ? identityArn : check.actualRoleName);
        break;
    }
    case RoleAssociation::Kind::DataWorksDefault: {
        // The default role's exact name is not published, so only its kind can be checked.
        const bool session = identityType.compare(QLatin1String("AssumedRoleUser"), Qt::CaseInsensitive) == 0;
        check.outcome = session ? Outcome::Matches : Outcome::Mismatch;
        check.text = session ? tr("The environment uses the DataWorks default role; this is a role session (%1).")
                                   .arg(check.actualRoleName)
                             : tr("The environment uses the DataWorks default role, but this is not a role session.");
        break;
    }
    case RoleAssociation::Kind::None:
        check.outcome = Outcome::Mismatch;
        check.text = tr("The environment has no role associated, yet a credential was served.");
        break;
    case RoleAssociation::Kind::Unknown:
        check.outcome = Outcome::NotChecked;
        break;
    }
    return check;
}
