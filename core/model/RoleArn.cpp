#include "RoleArn.h"

namespace {
const QLatin1String kPrefix("acs:ram::");
const QLatin1String kRoleMarker(":role/");

bool isRoleNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' ||
           c == u'_';
}
} // namespace

RoleArn RoleArn::parse(const QString& text)
{
    RoleArn arn;
    arn.m_input = text;
    const QString s = text.trimmed();
    const QString expected = tr("A role ARN looks like acs:ram::<account-id>:role/<role-name>.");
    if (s.isEmpty()) {
        arn.m_error = tr("The role ARN is empty.") + u' ' + expected;
        return arn;
    }
    if (!s.startsWith(kPrefix)) {
        arn.m_error = tr("\"%1\" does not start with \"acs:ram::\".").arg(s) + u' ' + expected;
        return arn;
    }
    const qsizetype marker = s.indexOf(kRoleMarker, kPrefix.size());
    if (marker < 0) {
        arn.m_error = tr("\"%1\" has no \":role/\" part: it is not a RAM role ARN "
                         "(a user or an assumed-role session ARN cannot be associated).")
                          .arg(s) +
                      u' ' + expected;
        return arn;
    }
    const QString account = s.mid(kPrefix.size(), marker - kPrefix.size());
    const QString name = s.mid(marker + kRoleMarker.size());
    if (account.isEmpty()) {
        arn.m_error = tr("\"%1\" has no account id between \"acs:ram::\" and \":role/\".").arg(s) + u' ' + expected;
        return arn;
    }
    for (const QChar c : account) {
        if (c < u'0' || c > u'9') {
            arn.m_error = tr("The account id \"%1\" in \"%2\" must contain digits only.").arg(account, s);
            return arn;
        }
    }
    if (name.isEmpty()) {
        arn.m_error = tr("\"%1\" has no role name after \"role/\".").arg(s) + u' ' + expected;
        return arn;
    }
    if (name.size() > 64) {
        arn.m_error = tr("The role name in \"%1\" has %2 characters; RAM allows at most 64.").arg(s).arg(name.size());
        return arn;
    }
    if (!isValidRoleName(name)) {
        arn.m_error = tr("The role name \"%1\" may contain only letters, digits, '.', '-' and '_'.").arg(name);
        return arn;
    }
    arn.m_accountId = account;
    arn.m_roleName = name;
    return arn;
}

bool RoleArn::isValidRoleName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        if (!isRoleNameChar(c))
            return false;
    }
    return true;
}

bool RoleArn::roleNamesEqual(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString RoleArn::toString() const
{
    if (!isValid())
        return {};
    return kPrefix + m_accountId + kRoleMarker + m_roleName;
}

bool RoleArn::sameRole(const RoleArn& other) const
{
    return isValid() && other.isValid() && m_accountId == other.m_accountId &&
           roleNamesEqual(m_roleName, other.m_roleName);
}
