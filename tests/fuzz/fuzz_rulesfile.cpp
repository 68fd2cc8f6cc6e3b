// The rules-file reader (core/rules/RulesFile, YAML through yaml-cpp): never crashes or hangs; a file is either a
// complete rule set or a list of errors (at most MaxErrors of them plus the line saying more were left out), each
// with the file name and a position; a rule set it accepts keeps its own promises (unique names, custom roles from
// the allow-list, a public override only on a rule that names its environments); reading is deterministic.
#include "FuzzSupport.h"

#include "rules/RulesFile.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = FuzzSupport::bytes(data, size);
    const QString file = QStringLiteral("rules.yaml");
    const RulesFile::Result result = RulesFile::parse(text, file);
    FUZZ_CHECK(result.errors.size() <= RulesFile::MaxErrors + 1, "more errors than the cap");
    FUZZ_CHECK(result.ok() == result.errorText().isEmpty(), "errorText disagrees with ok()");
    for (const RulesError& error : result.errors) {
        FUZZ_CHECK(!error.message.isEmpty(), "an error without a message");
        FUZZ_CHECK(error.where.line >= 0 && error.where.column >= 0, "a negative position");
        FUZZ_CHECK(error.toString().startsWith(file), "an error without the file name");
    }
    if (result.ok()) {
        QSet<QString> names;
        for (const RoleRule& rule : result.rules.rules) {
            FUZZ_CHECK(!rule.name.isEmpty(), "an accepted rule without a name");
            FUZZ_CHECK(!names.contains(rule.name), "two accepted rules with one name");
            names.insert(rule.name);
            FUZZ_CHECK(!rule.require.anyOf.isEmpty(), "an accepted rule that requires nothing");
            for (const RoleRequirement::Alternative& alternative : rule.require.anyOf) {
                if (alternative.kind != RoleRequirement::Alternative::Kind::Custom)
                    continue;
                bool listed = false;
                for (const QString& allowed : result.rules.allowedCustomRoles)
                    listed =
                        listed || RoleAssociation::customRole(allowed) == RoleAssociation::customRole(alternative.arn);
                FUZZ_CHECK(listed, "an accepted custom role outside the allow-list");
            }
            if (!rule.publicOverrideReason.isEmpty())
                FUZZ_CHECK(!rule.match.environments.isEmpty(), "a public override on a rule that names no environment");
        }
    }
    const RulesFile::Result again = RulesFile::parse(text, file);
    FUZZ_CHECK(again.errorText() == result.errorText() && again.rules.rules.size() == result.rules.rules.size(),
               "reading twice differs");
    return 0;
}
