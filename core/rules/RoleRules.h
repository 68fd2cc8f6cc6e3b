#pragma once

#include "model/Environment.h"
#include "model/RoleAssociation.h"
#include "model/Visibility.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// Role rules as code: what a rules file (RulesFile reads it) says, as plain values. No I/O.
//
// Precedence: FIRST MATCH WINS. The rules are tried in the order of the file; the first rule whose selector
// matches an environment decides its required role, later rules are not consulted. An environment no rule
// matches is left as it is. `plan` names the deciding rule (its name, position and line) for every entry.
// First match was chosen over "most specific wins" because a reviewer can tell the outcome from the file's order
// alone, with no ranking of selectors to learn: put narrow rules (one environment, one workspace) first and a
// catch-all last.

// Where something is in a rules file: 1-based line and column, as editors show them.
struct RulesLocation
{
    QString file;
    int line = 0;
    int column = 0;
    // "rules.yaml:12:5" (just the file when the position is unknown).
    QString toString() const;
    bool operator==(const RulesLocation&) const = default;
};

// One problem in a rules file: where, and in plain words what was expected.
struct RulesError
{
    RulesLocation where;
    QString message;
    // "rules.yaml:12:5: <message>"
    QString toString() const;
};

// The role a rule requires: any one of the alternatives. The first alternative that names a single role is the
// one a deviating environment is changed to.
struct RoleRequirement
{
    Q_DECLARE_TR_FUNCTIONS(RoleRequirement)

public:
    struct Alternative
    {
        enum class Kind
        {
            None,          // "none": no role (Do Not Associate Role)
            Default,       // "default": the DataWorks default role
            Custom,        // {custom: ARN}: this custom role (which must be in the allow-list)
            AllowedCustom, // "allowed-custom": any custom role of the allow-list
        };
        Kind kind = Kind::None;
        QString arn; // Custom only
        bool operator==(const Alternative&) const = default;
    };
    QList<Alternative> anyOf;

    // Whether `current` is one of the alternatives; allowList: the file's allowed custom roles.
    bool isSatisfiedBy(const RoleAssociation& current, const QStringList& allowList) const;
    // The role a deviating environment is changed to: the first alternative that names one role
    // (AllowedCustom names one only when the allow-list holds exactly one role). Nothing when none does.
    std::optional<RoleAssociation> target(const QStringList& allowList) const;
    // Stable machine text: "none", "default", "custom:<ARN>", "allowed-custom", alternatives joined by " | ".
    QString toString() const;
    // Translated, for people: "no role", "the DataWorks default role or no role", ...
    QString displayText() const;
};

// Which environments a rule applies to. Every criterion left empty matches everything; set criteria must all
// match; within one criterion any listed value matches.
struct RuleSelector
{
    QStringList workspaces;            // a ProjectId (all digits) or a ProjectName (ignoring case)
    QStringList environments;          // exact instance ids
    QStringList namePatterns;          // glob patterns (*, ?, [...]) over the instance name, ignoring case
    QStringList ownerPatterns;         // glob patterns over the OwnerId
    QList<EnvironmentStatus> statuses; // any of these
    QList<Visibility> visibilities;    // recorded visibility, any of these
    // The exposure the API reports (Exposure::isInternetReachable(): an enabled UserVpc.ForwardInfos entry with
    // AccessType internet), any of these. YAML `exposure: internet | not-internet`.
    enum class ExposureMatch
    {
        Internet,    // "internet": reachable from the internet
        NotInternet, // "not-internet": no enabled internet forward reported
    };
    QList<ExposureMatch> exposures;

    // Compiled from the patterns by RulesFile (or compile()).
    QList<QRegularExpression> nameRegexes;
    QList<QRegularExpression> ownerRegexes;

    bool isEmpty() const;
    void compile();
    bool matches(const Environment& environment, Visibility visibility) const;
};

struct RoleRule
{
    QString name;
    QString description; // optional: why the rule exists; goes into the audit reason
    RulesLocation where; // the rule's position in the file
    RuleSelector match;
    RoleRequirement require;
    // A public environment only gets a role from this rule when the rule names it (match.environment) and gives
    // this reason; empty: never.
    QString publicOverrideReason;
};

struct RuleSet
{
    QString file; // as given to the reader, for messages
    QStringList allowedCustomRoles;
    QList<RoleRule> rules;

    // The index of the first rule that matches (first match wins), -1 when none does.
    int firstMatch(const Environment& environment, Visibility visibility) const;
    // "first-match": the precedence, as plan shows it.
    static QString precedence() { return QStringLiteral("first-match"); }
};
