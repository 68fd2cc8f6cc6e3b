#include "RoleAssociation.h"

#include "CredentialConfigMapping.h"
#include "RoleArn.h"

#include <QStringList>

RoleAssociation RoleAssociation::dataWorksDefault()
{
    RoleAssociation r;
    r.m_kind = Kind::DataWorksDefault;
    return r;
}

RoleAssociation RoleAssociation::customRole(const QString& roleArn)
{
    RoleAssociation r;
    r.m_kind = Kind::CustomRole;
    r.m_roleArn = roleArn.trimmed();
    return r;
}

RoleAssociation RoleAssociation::unknown(const QString& description)
{
    RoleAssociation r;
    r.m_kind = Kind::Unknown;
    r.m_description = description;
    return r;
}

RoleAssociation RoleAssociation::fromCredentialConfig(const QJsonValue& credentialConfig)
{
    return CredentialConfigMapping::fromJson(credentialConfig);
}

QString RoleAssociation::toCredentialConfigJson() const
{
    return CredentialConfigMapping::toCompactJson(*this);
}

QString RoleAssociation::toString() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::DataWorksDefault:
        return QStringLiteral("default");
    case Kind::CustomRole:
        return m_roleArn;
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool RoleAssociation::fromString(const QString& text, RoleAssociation* out)
{
    const QString s = text.trimmed();
    RoleAssociation r;
    if (s.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        r = none();
    } else if (s.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0 ||
               s.compare(QLatin1String("dataworks-default"), Qt::CaseInsensitive) == 0) {
        r = dataWorksDefault();
    } else if (s.startsWith(QLatin1String("acs:"), Qt::CaseInsensitive)) {
        r = customRole(s);
    } else {
        return false;
    }
    if (out)
        *out = r;
    return true;
}

QString RoleAssociation::kindToString(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::DataWorksDefault:
        return QStringLiteral("default");
    case Kind::CustomRole:
        return QStringLiteral("custom");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool RoleAssociation::kindFromString(const QString& text, Kind* out)
{
    const QString s = text.trimmed().toLower();
    Kind k;
    if (s == QLatin1String("none"))
        k = Kind::None;
    else if (s == QLatin1String("default") || s == QLatin1String("dataworks-default"))
        k = Kind::DataWorksDefault;
    else if (s == QLatin1String("custom"))
        k = Kind::CustomRole;
    else if (s == QLatin1String("unknown"))
        k = Kind::Unknown;
    else
        return false;
    if (out)
        *out = k;
    return true;
}

QString RoleAssociation::kindDisplayName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return tr("No role");
    case Kind::DataWorksDefault:
        return tr("DataWorks default role");
    case Kind::CustomRole:
        return tr("Custom role");
    case Kind::Unknown:
        break;
    }
    return tr("Unrecognised configuration");
}

QString RoleAssociation::displayText(TextForm form) const
{
    switch (m_kind) {
    case Kind::None:
    case Kind::DataWorksDefault:
        return kindDisplayName(m_kind);
    case Kind::CustomRole:
        if (form == TextForm::Cell) {
            // Kind and role name; the whole ARN is for the Full form (tool tip, details).
            const RoleArn arn = RoleArn::parse(m_roleArn);
            //: A table cell: %1 is the name of a custom RAM role
            return tr("Custom: %1").arg(arn.isValid() ? arn.roleName() : m_roleArn);
        }
        //: %1 is a RAM role ARN
        return tr("Custom role %1").arg(m_roleArn);
    case Kind::Unknown:
        break;
    }
    if (form == TextForm::Cell)
        return kindDisplayName(m_kind);
    //: %1 describes a credential configuration RoleDesk did not recognise
    return tr("Unrecognised configuration (%1)").arg(m_description);
}

bool RoleAssociation::operator==(const RoleAssociation& other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::None:
    case Kind::DataWorksDefault:
        return true;
    case Kind::CustomRole: {
        const RoleArn a = RoleArn::parse(m_roleArn);
        const RoleArn b = RoleArn::parse(other.m_roleArn);
        if (a.isValid() && b.isValid())
            return a.sameRole(b);
        return m_roleArn == other.m_roleArn;
    }
    case Kind::Unknown:
        break;
    }
    return m_description == other.m_description;
}

namespace {
const RoleAssociation::Details& noDetails()
{
    static const RoleAssociation::Details empty;
    return empty;
}
} // namespace

const QList<RoleAssociation::ChainRole>& RoleAssociation::chainRoles() const
{
    return m_details ? m_details->chainRoles : noDetails().chainRoles;
}

const QString& RoleAssociation::roleType() const
{
    return m_details ? m_details->roleType : noDetails().roleType;
}

const QString& RoleAssociation::sessionPolicy() const
{
    return m_details ? m_details->sessionPolicy : noDetails().sessionPolicy;
}

const QString& RoleAssociation::assumeRoleFor() const
{
    return m_details ? m_details->assumeRoleFor : noDetails().assumeRoleFor;
}

RoleAssociation RoleAssociation::withDetails(Details details) const
{
    RoleAssociation r = *this;
    if (details == noDetails())
        r.m_details.reset();
    else
        r.m_details = std::make_shared<const Details>(std::move(details));
    return r;
}

bool RoleAssociation::sameDetails(const RoleAssociation& other) const
{
    if (m_details == other.m_details)
        return true;
    const Details& a = m_details ? *m_details : noDetails();
    const Details& b = other.m_details ? *other.m_details : noDetails();
    return a == b;
}

QString RoleAssociation::detailText() const
{
    QStringList parts;
    if (m_kind == Kind::DataWorksDefault && !chainRoles().isEmpty()) {
        QStringList arns;
        for (const ChainRole& role : chainRoles())
            arns << role.roleArn;
        //: %1 lists RAM role ARNs
        parts << tr("the chain names %1").arg(arns.join(QStringLiteral(", ")));
    }
    if (m_kind == Kind::CustomRole) {
        if (isRestricted())
            parts << tr("restricted by a session policy");
        if (isUserRole())
            parts << tr("role type \"user\"");
    }
    return parts.join(QStringLiteral("; "));
}
