#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

// A RAM role ARN: acs:ram::<account-id>:role/<role-name>.
// Account ids are digits; role names are 1-64 letters, digits, '.', '-' and '_' (the RAM API reference
// lists '.' and '-', another RAM page also allows '_', so both are accepted). RAM treats role names
// case-insensitively, so comparisons of roles go through sameRole()/roleNamesEqual().
class RoleArn
{
    Q_DECLARE_TR_FUNCTIONS(RoleArn)

public:
    RoleArn() = default;

    // Parses text (surrounding whitespace ignored). On failure the result is invalid and errorString()
    // says what is wrong and what a correct ARN looks like.
    static RoleArn parse(const QString& text);
    static bool isValidRoleName(QStringView name);
    static bool roleNamesEqual(QStringView a, QStringView b);

    bool isValid() const { return m_error.isEmpty() && !m_accountId.isEmpty(); }
    const QString& accountId() const { return m_accountId; }
    const QString& roleName() const { return m_roleName; }
    // The canonical form "acs:ram::<account-id>:role/<role-name>"; empty when invalid.
    QString toString() const;
    // The text that was parsed, as given (for error messages).
    const QString& input() const { return m_input; }
    // Translated; empty when valid.
    const QString& errorString() const { return m_error; }

    // Same account and the same role name ignoring case.
    bool sameRole(const RoleArn& other) const;

private:
    QString m_input;
    QString m_accountId;
    QString m_roleName;
    QString m_error;
};
