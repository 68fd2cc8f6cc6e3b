#include "TrustPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {
QStringList stringOrList(const QJsonValue& v)
{
    QStringList list;
    if (v.isString()) {
        list << v.toString().trimmed();
    } else if (v.isArray()) {
        const QJsonArray array = v.toArray();
        for (const QJsonValue& item : array) {
            if (item.isString())
                list << item.toString().trimmed();
        }
    }
    list.removeAll(QString());
    return list;
}

// Member lookup that tolerates case differences ("principal", "RAM", "Ram").
// Qt 6.4 keeps a member name that begins with a raw U+FEFF so that value("Statement") misses it while iteration
// returns the name without the U+FEFF: a name found by iterating counts only if a lookup by that very name finds
// it too, so both paths agree (such a member is not "Statement", as it is not for the service).
QJsonValue member(const QJsonObject& o, QLatin1String name)
{
    const QJsonValue exact = o.value(name);
    if (!exact.isUndefined())
        return exact;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0 && o.contains(it.key()))
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

void appendUnique(QStringList& list, const QString& value)
{
    for (const QString& existing : std::as_const(list)) {
        if (existing.compare(value, Qt::CaseInsensitive) == 0)
            return;
    }
    list << value;
}
} // namespace

bool TrustPolicy::Statement::coversAssumeRole() const
{
    for (const QString& a : actions) {
        if (a == QLatin1String("*") || a.compare(QLatin1String("sts:AssumeRole"), Qt::CaseInsensitive) == 0 ||
            a.compare(QLatin1String("sts:*"), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

TrustPolicy TrustPolicy::parse(const QString& document)
{
    TrustPolicy policy;
    policy.m_document = document;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(document.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        policy.m_error =
            tr("The trust policy is not valid JSON (%1 at character %2).").arg(error.errorString()).arg(error.offset);
        return policy;
    }
    if (!doc.isObject()) {
        policy.m_error = tr("The trust policy is not a JSON object.");
        return policy;
    }
    const QJsonValue statementValue = member(doc.object(), QLatin1String("Statement"));
    QJsonArray statements;
    if (statementValue.isArray())
        statements = statementValue.toArray();
    else if (statementValue.isObject())
        statements.append(statementValue);
    else {
        policy.m_error = tr("The trust policy has no Statement list.");
        return policy;
    }
    for (const QJsonValue& v : std::as_const(statements)) {
        const QJsonObject s = v.toObject();
        Statement st;
        st.allow =
            member(s, QLatin1String("Effect")).toString().compare(QLatin1String("Allow"), Qt::CaseInsensitive) == 0;
        st.actions = stringOrList(member(s, QLatin1String("Action")));
        const QJsonValue principal = member(s, QLatin1String("Principal"));
        if (principal.isString()) {
            // "Principal": "*" means everyone.
            st.ramPrincipals = stringOrList(principal);
        } else {
            const QJsonObject p = principal.toObject();
            st.services = stringOrList(member(p, QLatin1String("Service")));
            st.ramPrincipals = stringOrList(member(p, QLatin1String("RAM")));
            st.federated = stringOrList(member(p, QLatin1String("Federated")));
        }
        const QJsonValue condition = member(s, QLatin1String("Condition"));
        st.hasCondition = condition.isObject() && !condition.toObject().isEmpty();
        policy.m_statements << st;
    }
    policy.m_valid = true;
    return policy;
}

QString TrustPolicy::accountOfPrincipal(const QString& principal)
{
    const QString p = principal.trimmed();
    if (p == QLatin1String("*"))
        return p;
    bool digits = !p.isEmpty();
    for (const QChar c : p)
        digits = digits && c.isDigit();
    if (digits)
        return p;
    const QLatin1String prefix("acs:ram::");
    if (!p.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    const qsizetype colon = p.indexOf(QLatin1Char(':'), prefix.size());
    if (colon <= prefix.size())
        return {};
    return p.mid(prefix.size(), colon - prefix.size());
}

bool TrustPolicy::denied(const QString& service, const QString& account) const
{
    for (const Statement& st : m_statements) {
        if (st.allow || !st.coversAssumeRole())
            continue;
        if (!service.isEmpty()) {
            for (const QString& s : st.services) {
                if (s == QLatin1String("*") || s.compare(service, Qt::CaseInsensitive) == 0)
                    return true;
            }
        }
        if (!account.isEmpty()) {
            for (const QString& p : st.ramPrincipals) {
                const QString a = accountOfPrincipal(p);
                if (a == QLatin1String("*") || a == account)
                    return true;
            }
        }
    }
    return false;
}

bool TrustPolicy::trustsService(const QString& service) const
{
    if (!m_valid || service.isEmpty())
        return false;
    bool allowed = false;
    for (const Statement& st : m_statements) {
        if (!st.allow || !st.coversAssumeRole())
            continue;
        for (const QString& s : st.services)
            allowed = allowed || s.compare(service, Qt::CaseInsensitive) == 0;
    }
    return allowed && !denied(service, {});
}

bool TrustPolicy::trustsAccount(const QString& accountId) const
{
    if (!m_valid || accountId.isEmpty())
        return false;
    bool allowed = false;
    for (const Statement& st : m_statements) {
        if (!st.allow || !st.coversAssumeRole())
            continue;
        for (const QString& p : st.ramPrincipals) {
            const QString a = accountOfPrincipal(p);
            allowed = allowed || a == QLatin1String("*") || a == accountId;
        }
    }
    return allowed && !denied({}, accountId);
}

QStringList TrustPolicy::trustedServices() const
{
    QStringList list;
    for (const Statement& st : m_statements) {
        if (!st.allow || !st.coversAssumeRole())
            continue;
        for (const QString& s : st.services) {
            if (!denied(s, {}))
                appendUnique(list, s);
        }
    }
    return list;
}

QStringList TrustPolicy::trustedAccounts() const
{
    QStringList list;
    for (const QString& p : trustedRamPrincipals()) {
        const QString a = accountOfPrincipal(p);
        if (!a.isEmpty())
            appendUnique(list, a);
    }
    return list;
}

QStringList TrustPolicy::trustedRamPrincipals() const
{
    QStringList list;
    for (const Statement& st : m_statements) {
        if (!st.allow || !st.coversAssumeRole())
            continue;
        for (const QString& p : st.ramPrincipals) {
            const QString a = accountOfPrincipal(p);
            if (a.isEmpty() || !denied({}, a))
                appendUnique(list, p);
        }
    }
    return list;
}

QJsonObject TrustPolicy::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("services"), QJsonArray::fromStringList(trustedServices()));
    o.insert(QStringLiteral("accounts"), QJsonArray::fromStringList(trustedAccounts()));
    return o;
}

QString TrustPolicy::explanation() const
{
    if (!m_valid)
        return m_error;
    QStringList parts;
    if (trustsDataWorks()) {
        parts << tr("The role trusts the DataWorks service (dataworks.aliyuncs.com), so it can be associated with an "
                    "individual development environment.");
    } else {
        parts << tr("The role does not trust the DataWorks service (dataworks.aliyuncs.com), so DataWorks cannot "
                    "use it for an individual development environment. Its trusted entity must be the Alibaba Cloud "
                    "service DataWorks.");
    }
    QStringList otherServices = trustedServices();
    otherServices.removeIf([](const QString& s) { return s.compare(kDataWorksService, Qt::CaseInsensitive) == 0; });
    if (!otherServices.isEmpty())
        parts << tr("It also trusts these services: %1.").arg(otherServices.join(QStringLiteral(", ")));
    const QStringList accounts = trustedAccounts();
    if (accounts.contains(QStringLiteral("*"))) {
        parts << tr("It trusts every Alibaba Cloud account (\"*\"): anyone allowed to call sts:AssumeRole on it can "
                    "assume it.");
    } else if (!accounts.isEmpty()) {
        parts << tr("It trusts the account(s) %1: RAM users and roles there that are allowed to call sts:AssumeRole "
                    "can assume it.")
                     .arg(accounts.join(QStringLiteral(", ")));
    } else {
        parts << tr("It trusts no account, so RAM users cannot assume it with AssumeRole.");
    }
    bool conditions = false;
    for (const Statement& st : m_statements)
        conditions = conditions || st.hasCondition;
    if (conditions)
        parts << tr("Some statements have conditions, which RoleDesk does not evaluate.");
    return parts.join(QLatin1Char(' '));
}
