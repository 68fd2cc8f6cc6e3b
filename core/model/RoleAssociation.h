#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>

// The RAM role an individual development environment uses: exactly one of the DataWorks default
// role, one custom role (by ARN), or none. One role per environment holds by construction.
// Unknown is only ever produced by parsing a CredentialConfig RoleDesk does not recognise; it
// carries a description of what was found and can never be requested.
// The conversion to and from the API's CredentialConfig lives in CredentialConfigMapping.
class RoleAssociation
{
    Q_DECLARE_TR_FUNCTIONS(RoleAssociation)

public:
    enum class Kind
    {
        None,
        DataWorksDefault,
        CustomRole,
        Unknown
    };

    // One role named in a default-role chain (RoleArn and RoleType as the service wrote them).
    struct ChainRole
    {
        QString roleArn;
        QString roleType;
        bool operator==(const ChainRole&) const = default;
    };
    // What a read CredentialConfig says beyond the choice itself (never UserInfo): shown to people, and kept by
    // CredentialConfigMapping when it writes. Shared, immutable; absent (null) for the plain forms.
    struct Details
    {
        QList<ChainRole> chainRoles; // DataWorksDefault: the roles the chain names (may be none)
        QString roleType;            // CustomRole: "service", "user", or empty when not given
        QString sessionPolicy;       // CustomRole: the session Policy that restricts the role (empty: none)
        QString assumeRoleFor;       // CustomRole: the account the role is assumed for, when given
        bool operator==(const Details&) const = default;
    };

    // None.
    RoleAssociation() = default;

    static RoleAssociation none() { return {}; }
    static RoleAssociation dataWorksDefault();
    // The ARN is kept as given (trimmed); whether it is well formed is RoleArn's and RolePolicy's job.
    static RoleAssociation customRole(const QString& roleArn);
    static RoleAssociation unknown(const QString& description);

    // From the CredentialConfig of a List/Get answer (an object, a JSON string, or absent). Secrets in
    // it (UserInfo) are never read into the result.
    static RoleAssociation fromCredentialConfig(const QJsonValue& credentialConfig);
    // The compact JSON string that UpdateServerIdeInstance sends as CredentialConfig.
    // Must not be called for Unknown (returns an empty string).
    QString toCredentialConfigJson() const;

    // Command-line / storage form: "none", "default", the ARN, or "unknown" for Unknown.
    QString toString() const;
    // Parses "none", "default" (also "dataworks-default") or a string starting with "acs:" (taken as a
    // custom role ARN, validated later). Returns false for anything else.
    static bool fromString(const QString& text, RoleAssociation* out);

    // Stable machine names of the kinds: "none", "default", "custom", "unknown".
    static QString kindToString(Kind kind);
    static bool kindFromString(const QString& text, Kind* out);
    // Translated: "No role", "DataWorks default role", "Custom role", "Unrecognised configuration".
    static QString kindDisplayName(Kind kind);

    Kind kind() const { return m_kind; }
    bool isNone() const { return m_kind == Kind::None; }
    bool isDataWorksDefault() const { return m_kind == Kind::DataWorksDefault; }
    bool isCustomRole() const { return m_kind == Kind::CustomRole; }
    bool isUnknown() const { return m_kind == Kind::Unknown; }
    bool hasRole() const { return m_kind == Kind::DataWorksDefault || m_kind == Kind::CustomRole; }
    // Only for CustomRole.
    const QString& roleArn() const { return m_roleArn; }
    // Only for Unknown: what was found, in plain words (no secrets).
    const QString& description() const { return m_description; }
    // The one translated text of a role for people, in two forms:
    // - Full (messages, tool tips, the details pane, `envs show`): "No role", "DataWorks default role",
    //   "Custom role acs:ram::...:role/x", "Unrecognised configuration (what was found)".
    // - Cell (table cells, GUI and CLI, where every row repeats the kind): "No role", "DataWorks default role",
    //   "Custom: x" (the ARN's role name; the ARN as given when malformed), "Unrecognised configuration".
    enum class TextForm
    {
        Full,
        Cell,
    };
    QString displayText(TextForm form = TextForm::Full) const;

    // Details read from a CredentialConfig (see Details); empty values for the plain forms.
    const QList<ChainRole>& chainRoles() const;
    const QString& roleType() const;
    const QString& sessionPolicy() const;
    const QString& assumeRoleFor() const;
    // A custom role restricted by a session policy.
    bool isRestricted() const { return !sessionPolicy().isEmpty(); }
    bool isUserRole() const { return roleType() == QLatin1String("user"); }
    bool hasDetails() const { return m_details != nullptr; }
    // Returns a copy carrying these details (the parser's use).
    RoleAssociation withDetails(Details details) const;
    // A custom role's copy with the same ARN text from elsewhere (a shared, pooled copy), details kept.
    RoleAssociation withRoleArn(const QString& sameArn) const
    {
        RoleAssociation r = *this;
        r.m_roleArn = sameArn;
        return r;
    }
    // Translated, one line, empty when there is nothing beyond displayText(): "chain names the roles X, Y",
    // "restricted by a session policy", "role type user", ...
    QString detailText() const;

    // Equal kinds, and for custom roles the same role (account equal, role name ignoring case; the
    // raw text when the ARN is malformed); Unknown values compare by description. Details do not count: the same
    // choice with or without a session policy is the same role (see sameDetails()).
    bool sameDetails(const RoleAssociation& other) const;
    bool operator==(const RoleAssociation& other) const;
    bool operator!=(const RoleAssociation& other) const { return !(*this == other); }

private:
    Kind m_kind = Kind::None;
    QString m_roleArn;
    QString m_description;
    std::shared_ptr<const Details> m_details;
};
