#pragma once

#include "RoleRules.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The rules file reader: YAML (yaml-cpp) in, a RuleSet or every error with file:line:column out.
// Self-contained on purpose (bytes in, values out, no Qt event loop, no globals): the fuzz target for the
// rules file links core and calls RulesFile::parse() alone.
//
// The format (docs/rules-example.yaml is a documented example):
//
//   version: 1                          # required, must be 1
//   allowed-custom-roles:               # optional: the only custom roles rules may require
//     - acs:ram::1380246718450127:role/DataWorksDevRetailReader
//   rules:                              # required; FIRST MATCH WINS (see RoleRules.h)
//     - name: public-gets-no-role       # required, unique
//       description: why the rule exists # optional; recorded as part of the audit reason
//       match:                          # optional (absent or {}: every environment); all keys must match
//         workspace: retail_dw          # ProjectId or ProjectName (a list: any of them)
//         environment: "700106"         # instance ids
//         name: "*_notebook"            # glob over the instance name, ignoring case
//         owner: "2093*"                # glob over the OwnerId
//         status: [Running, Stopped]    # API status spelling
//         visibility: public            # recorded visibility: public, private, unknown
//       require: none                   # none | default | allowed-custom | {custom: ARN} | {any-of: [...]}
//       public-override-reason: text    # only with match.environment: lets this rule give a public one a role
//
// Every key not listed is an error (a typo must not silently weaken a rule), as is a wrong type, an empty list, an
// unknown status or visibility, a malformed ARN, a custom role missing from allowed-custom-roles, a duplicate rule
// name, and a public-override-reason on a rule that does not name its environments.
namespace RulesFile {

// Larger files are refused before parsing.
constexpr qint64 MaxFileBytes = 1024 * 1024;
// At most this many errors are reported (then one line says more were left out).
constexpr int MaxErrors = 50;

struct Result
{
    RuleSet rules;            // complete only when errors is empty
    QList<RulesError> errors; // in file order
    bool ok() const { return errors.isEmpty(); }
    // Every error on its own line, "file:line:column: message".
    QString errorText() const;
};

// Parses the text of a rules file; fileName is only used in messages and RuleSet::file.
Result parse(const QByteArray& text, const QString& fileName);
// Reads and parses the file at path (errors for a missing, unreadable or too large file too).
Result read(const QString& path);

} // namespace RulesFile
