#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// A RAM role's trust policy (GetRole's AssumeRolePolicyDocument, a JSON string), read for two
// questions: does the role trust the DataWorks service (what a custom role for an individual
// development environment needs), and does it trust an account (what AssumeRole by a RAM user needs)?
// Reads Statement as a list or a single object; Action, Principal.Service, Principal.RAM and
// Principal.Federated as a string or a list. A matching Deny statement overrides an Allow. Conditions
// are recorded but not evaluated (explanation() says so).
class TrustPolicy
{
    Q_DECLARE_TR_FUNCTIONS(TrustPolicy)

public:
    struct Statement
    {
        bool allow = false; // Effect "Allow" (anything else is treated as Deny)
        QStringList actions;
        QStringList services;      // Principal.Service
        QStringList ramPrincipals; // Principal.RAM
        QStringList federated;     // Principal.Federated
        bool hasCondition = false;
        bool coversAssumeRole() const; // sts:AssumeRole, sts:* or *
    };

    static inline const QString kDataWorksService = QStringLiteral("dataworks.aliyuncs.com");

    TrustPolicy() = default;
    // On failure the result is invalid and errorString() says why.
    static TrustPolicy parse(const QString& document);

    bool isValid() const { return m_valid; }
    const QString& errorString() const { return m_error; }
    const QString& document() const { return m_document; }
    const QList<Statement>& statements() const { return m_statements; }

    // Case-insensitive service name, e.g. "dataworks.aliyuncs.com".
    bool trustsService(const QString& service) const;
    bool trustsDataWorks() const { return trustsService(kDataWorksService); }
    // True when a RAM principal of that account may assume the role: acs:ram::<uid>:root, a user or
    // role in <uid>, a bare <uid>, or "*".
    bool trustsAccount(const QString& accountId) const;

    // Allowed (and not denied) principals, each once, in document order.
    QStringList trustedServices() const;
    QStringList trustedAccounts() const; // account ids derived from the RAM principals ("*" kept as is)
    QStringList trustedRamPrincipals() const;

    // {"services":[...],"accounts":[...]} for the CLI's "trust" member.
    QJsonObject toJson() const;
    // Plain words, translated: what the role trusts and what that means for RoleDesk.
    QString explanation() const;

    // The account id in a RAM principal ("acs:ram::123:root" -> "123"), "*" for "*", empty if none.
    static QString accountOfPrincipal(const QString& principal);

private:
    bool denied(const QString& service, const QString& account) const;

    bool m_valid = false;
    QString m_error;
    QString m_document;
    QList<Statement> m_statements;
};
