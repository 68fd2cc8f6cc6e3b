#pragma once

#include "RoleAssociation.h"

#include <QCoreApplication>
#include <QString>

// Whether a caller identity (STS GetCallerIdentity's Arn and IdentityType for a credential an environment served) is
// what the environment's role should give. One pure function for every front end (the credential inspector's
// Validate today). No I/O.
//
// - Custom role: the identity's ARN must name that role (acs:ram::<account>:assumed-role/<name>/<session>, or
//   role/<name>), the names compared as RAM does, ignoring case.
// - DataWorks default role: its exact name is not published, so only the kind is checked: the identity must be a role
//   session (IdentityType AssumedRoleUser).
// - No role: any served credential is a mismatch.
// - Unrecognised configuration: nothing to compare with; not checked (and not called a mismatch).
struct IdentityCheck
{
    Q_DECLARE_TR_FUNCTIONS(IdentityCheck)

public:
    enum class Outcome
    {
        Matches,
        Mismatch,
        NotChecked, // the role is Unknown: nothing to compare with
    };
    Outcome outcome = Outcome::NotChecked;
    QString expectedRoleName; // custom role: the role name of its ARN
    QString actualRoleName;   // the role the identity's ARN names (roleNameFromArn), empty when it names none
    // One translated sentence for people ("It matches the environment's role X.", ...); empty when not checked.
    QString text;

    // Not a mismatch (Matches or NotChecked).
    bool matches() const { return outcome != Outcome::Mismatch; }

    static IdentityCheck of(const RoleAssociation& role, const QString& identityArn, const QString& identityType);
    // The role name in acs:ram::<account>:role/<name> or acs:ram::<account>:assumed-role/<name>/<session> (prefixes
    // ignoring case); empty for any other ARN (a user, the account).
    static QString roleNameFromArn(const QString& arn);
};
