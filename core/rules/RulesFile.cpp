#include "RulesFile.h"

#include "model/RoleArn.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>

namespace RulesFile {

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(RulesFile)

public:
    explicit Reader(const QString& fileName)
        : m_file(fileName)
    {}

    RulesLocation at(const YAML::Mark& mark) const
    {
        RulesLocation where;
        where.file = m_file;
        if (!mark.is_null()) {
            where.line = mark.line + 1;
            where.column = mark.column + 1;
        }
        return where;
    }

    void error(const YAML::Mark& mark, const QString& message)
    {
        if (m_errors.size() < MaxErrors)
            m_errors << RulesError{at(mark), message};
        else if (m_errors.size() == MaxErrors)
            m_errors << RulesError{at(mark), tr("too many errors; the rest are not shown")};
    }

    QList<RulesError> takeErrors() { return std::move(m_errors); }
    bool hasErrors() const { return !m_errors.isEmpty(); }

    // Every key of `map` must be one of `allowed`; returns false (after reporting each one) otherwise.
    void checkKeys(const YAML::Node& map, const QStringList& allowed, const QString& what)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first.Mark(), tr("a key of %1 must be a plain word; expected one of: %2")
                                            .arg(what, allowed.join(QStringLiteral(", "))));
                continue;
            }
            const QString key = fromStd(it->first.Scalar());
            if (!allowed.contains(key)) {
                error(it->first.Mark(), tr("unknown key \"%1\" in %2; expected one of: %3")
                                            .arg(key, what, allowed.join(QStringLiteral(", "))));
            }
        }
    }

    // A non-empty scalar; reports and returns nothing otherwise.
    std::optional<QString> text(const YAML::Node& node, const YAML::Mark& keyMark, const QString& what)
    {
        if (!node.IsDefined() || node.IsNull()) {
            error(keyMark, tr("%1 has no value; expected text").arg(what));
            return std::nullopt;
        }
        if (!node.IsScalar()) {
            error(node.Mark(), tr("%1 must be text, not a %2").arg(what, kindName(node)));
            return std::nullopt;
        }
        const QString value = fromStd(node.Scalar()).trimmed();
        if (value.isEmpty()) {
            error(node.Mark(), tr("%1 is empty; expected text").arg(what));
            return std::nullopt;
        }
        return value;
    }

    // One scalar or a non-empty list of scalars; each value with its mark.
    QList<std::pair<QString, YAML::Mark>> textList(const YAML::Node& node, const YAML::Mark& keyMark,
                                                   const QString& what)
    {
        QList<std::pair<QString, YAML::Mark>> out;
        if (node.IsSequence()) {
            if (node.size() == 0) {
                error(node.Mark(), tr("%1 is an empty list; expected at least one value").arg(what));
                return out;
            }
            for (const YAML::Node& item : node) {
                if (const auto value = text(item, item.Mark(), what))
                    out.append({*value, item.Mark()});
            }
            return out;
        }
        if (const auto value = text(node, keyMark, what))
            out.append({*value, node.Mark()});
        return out;
    }

    static QString kindName(const YAML::Node& node)
    {
        if (node.IsSequence())
            return tr("list");
        if (node.IsMap())
            return tr("mapping");
        if (node.IsNull())
            return tr("empty value");
        return tr("text");
    }

    void readSelector(const YAML::Node& node, const YAML::Mark& keyMark, RuleSelector* out)
    {
        if (node.IsNull())
            return; // "match:" with nothing: every environment
        if (!node.IsMap()) {
            error(node.IsDefined() ? node.Mark() : keyMark,
                  tr("match must be a mapping of workspace, environment, name, owner, status, visibility, exposure; "
                     "found a %1")
                      .arg(kindName(node)));
            return;
        }
        static const QStringList keys = {QStringLiteral("workspace"), QStringLiteral("environment"),
                                         QStringLiteral("name"),      QStringLiteral("owner"),
                                         QStringLiteral("status"),    QStringLiteral("visibility"),
                                         QStringLiteral("exposure")};
        checkKeys(node, keys, tr("match"));
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            const QString key = fromStd(it->first.Scalar());
            const YAML::Mark mark = it->first.Mark();
            const auto values = textList(it->second, mark, QStringLiteral("match.") + key);
            for (const auto& [value, valueMark] : values) {
                if (key == QLatin1String("workspace")) {
                    out->workspaces << value;
                } else if (key == QLatin1String("environment")) {
                    out->environments << value;
                } else if (key == QLatin1String("name")) {
                    out->namePatterns << value;
                } else if (key == QLatin1String("owner")) {
                    out->ownerPatterns << value;
                } else if (key == QLatin1String("status")) {
                    const EnvironmentStatus status = EnvironmentStatuses::fromString(value);
                    if (status == EnvironmentStatus::Unknown) {
                        QStringList names;
                        for (EnvironmentStatus s : EnvironmentStatuses::all())
                            names << EnvironmentStatuses::toString(s);
                        error(valueMark, tr("unknown status \"%1\"; expected one of: %2")
                                             .arg(value, names.join(QStringLiteral(", "))));
                    } else {
                        out->statuses << status;
                    }
                } else if (key == QLatin1String("visibility")) {
                    Visibility visibility;
                    if (!Visibilities::fromString(value, &visibility)) {
                        error(valueMark,
                              tr("unknown visibility \"%1\"; expected public, private or unknown").arg(value));
                    } else {
                        out->visibilities << visibility;
                    }
                } else if (key == QLatin1String("exposure")) {
                    if (value == QLatin1String("internet")) {
                        out->exposures << RuleSelector::ExposureMatch::Internet;
                    } else if (value == QLatin1String("not-internet")) {
                        out->exposures << RuleSelector::ExposureMatch::NotInternet;
                    } else {
                        error(valueMark, tr("unknown exposure \"%1\"; expected internet or not-internet").arg(value));
                    }
                }
            }
        }
        for (const QString& glob : std::as_const(out->namePatterns) + out->ownerPatterns) {
            if (glob.size() > 256)
                error(node.Mark(), tr("a name or owner pattern is longer than 256 characters"));
        }
        out->compile();
    }

    std::optional<RoleRequirement::Alternative> readAlternative(const YAML::Node& node, const YAML::Mark& keyMark,
                                                                bool allowAnyOf, RoleRequirement* anyOfOut,
                                                                const QStringList& allowList)
    {
        using Kind = RoleRequirement::Alternative::Kind;
        const QString expected = tr("expected none, default, allowed-custom, {custom: ARN}") +
                                 (allowAnyOf ? tr(" or {any-of: [...]}") : QString());
        if (!node.IsDefined() || node.IsNull()) {
            error(keyMark, tr("require has no value; %1").arg(expected));
            return std::nullopt;
        }
        if (node.IsScalar()) {
            const QString word = fromStd(node.Scalar()).trimmed();
            if (word == QLatin1String("none"))
                return RoleRequirement::Alternative{Kind::None, {}};
            if (word == QLatin1String("default"))
                return RoleRequirement::Alternative{Kind::Default, {}};
            if (word == QLatin1String("allowed-custom")) {
                if (allowList.isEmpty()) {
                    error(node.Mark(), tr("allowed-custom needs a non-empty allowed-custom-roles list at the top of "
                                          "the file"));
                    return std::nullopt;
                }
                return RoleRequirement::Alternative{Kind::AllowedCustom, {}};
            }
            if (word.startsWith(QLatin1String("acs:"))) {
                error(node.Mark(), tr("a custom role is written {custom: %1}").arg(word));
                return std::nullopt;
            }
            error(node.Mark(), tr("unknown role \"%1\"; %2").arg(word, expected));
            return std::nullopt;
        }
        if (node.IsSequence()) {
            error(node.Mark(), tr("a list of roles is written {any-of: [...]}; %1").arg(expected));
            return std::nullopt;
        }
        // A mapping with exactly one key: custom or any-of.
        if (node.size() != 1) {
            error(node.Mark(), tr("a role mapping has exactly one key; %1").arg(expected));
            return std::nullopt;
        }
        const auto it = node.begin();
        const QString key = it->first.IsScalar() ? fromStd(it->first.Scalar()) : QString();
        if (key == QLatin1String("custom")) {
            const auto arnText = text(it->second, it->first.Mark(), QStringLiteral("custom"));
            if (!arnText)
                return std::nullopt;
            const RoleArn arn = RoleArn::parse(*arnText);
            const YAML::Mark valueMark = it->second.Mark();
            if (!arn.isValid()) {
                error(valueMark, arn.errorString());
                return std::nullopt;
            }
            bool listed = false;
            for (const QString& allowed : allowList)
                listed = listed || RoleAssociation::customRole(allowed) == RoleAssociation::customRole(*arnText);
            if (!listed) {
                error(valueMark,
                      tr("the custom role %1 is not in allowed-custom-roles; add it there first").arg(arn.toString()));
                return std::nullopt;
            }
            return RoleRequirement::Alternative{Kind::Custom, arn.toString()};
        }
        if (key == QLatin1String("any-of") && allowAnyOf) {
            // A copy: it-> yields a temporary proxy, and a reference to its member dangles after this line (ASan:
            // stack-use-after-scope, found by fuzz_rulesfile; tests/fuzz/findings/rulesfile/).
            const YAML::Node list = it->second;
            if (!list.IsSequence() || list.size() == 0) {
                error(list.IsDefined() && !list.IsNull() ? list.Mark() : it->first.Mark(),
                      tr("any-of needs a non-empty list of roles"));
                return std::nullopt;
            }
            for (const YAML::Node& item : list) {
                if (const auto alt = readAlternative(item, item.Mark(), false, nullptr, allowList))
                    anyOfOut->anyOf << *alt;
            }
            return std::nullopt; // the alternatives went into anyOfOut
        }
        error(it->first.Mark(), tr("unknown key \"%1\" in require; %2").arg(key, expected));
        return std::nullopt;
    }

    void readRule(const YAML::Node& node, RuleSet* set, QSet<QString>* names)
    {
        if (!node.IsMap()) {
            error(node.Mark(),
                  tr("a rule must be a mapping with name, match and require; found a %1").arg(kindName(node)));
            return;
        }
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("match"),
                                         QStringLiteral("require"), QStringLiteral("public-override-reason")};
        const int errorsBefore = int(m_errors.size());
        checkKeys(node, keys, tr("a rule"));
        RoleRule rule;
        rule.where = at(node.Mark());
        YAML::Mark nameMark = node.Mark(), requireMark = node.Mark(), overrideMark = node.Mark();
        bool hasName = false, hasRequire = false;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            const QString key = fromStd(it->first.Scalar());
            const YAML::Mark mark = it->first.Mark();
            if (key == QLatin1String("name")) {
                hasName = true;
                nameMark = mark;
                if (const auto value = text(it->second, mark, QStringLiteral("name")))
                    rule.name = *value;
            } else if (key == QLatin1String("description")) {
                if (const auto value = text(it->second, mark, QStringLiteral("description")))
                    rule.description = *value;
            } else if (key == QLatin1String("match")) {
                readSelector(it->second, mark, &rule.match);
            } else if (key == QLatin1String("require")) {
                hasRequire = true;
                requireMark = mark;
                RoleRequirement requirement;
                if (const auto alt = readAlternative(it->second, mark, true, &requirement, set->allowedCustomRoles))
                    requirement.anyOf << *alt;
                rule.require = requirement;
            } else if (key == QLatin1String("public-override-reason")) {
                overrideMark = mark;
                if (const auto value = text(it->second, mark, QStringLiteral("public-override-reason")))
                    rule.publicOverrideReason = *value;
            }
        }
        if (!hasName)
            error(node.Mark(), tr("the rule has no name; every rule needs a unique name"));
        else if (!rule.name.isEmpty() && names->contains(rule.name))
            error(nameMark, tr("a rule named \"%1\" already exists; rule names must be unique").arg(rule.name));
        if (!hasRequire)
            error(node.Mark(), tr("the rule \"%1\" has no require; expected the role it requires").arg(rule.name));
        if (!rule.publicOverrideReason.isEmpty() && rule.match.environments.isEmpty()) {
            error(overrideMark, tr("public-override-reason is only allowed on a rule whose match names its "
                                   "environments (match.environment)"));
        }
        names->insert(rule.name);
        if (m_errors.size() == errorsBefore)
            set->rules << rule;
    }

    void readDocument(const YAML::Node& root, RuleSet* set)
    {
        if (!root.IsDefined() || root.IsNull()) {
            error(YAML::Mark::null_mark(), tr("the file is empty; expected version: 1 and a rules list"));
            return;
        }
        if (!root.IsMap()) {
            error(root.Mark(), tr("the file must be a mapping with version and rules; found a %1").arg(kindName(root)));
            return;
        }
        static const QStringList keys = {QStringLiteral("version"), QStringLiteral("allowed-custom-roles"),
                                         QStringLiteral("rules")};
        checkKeys(root, keys, tr("the file"));
        const YAML::Node version = root["version"];
        if (!version.IsDefined()) {
            error(root.Mark(), tr("version is missing; expected version: 1"));
        } else if (const auto value = text(version, root.Mark(), QStringLiteral("version"));
                   value && *value != QLatin1String("1")) {
            error(version.Mark(), tr("unsupported version \"%1\"; expected 1").arg(*value));
        }
        const YAML::Node allowed = root["allowed-custom-roles"];
        if (allowed.IsDefined()) {
            for (const auto& [value, mark] :
                 textList(allowed, allowed.Mark(), QStringLiteral("allowed-custom-roles"))) {
                const RoleArn arn = RoleArn::parse(value);
                if (!arn.isValid())
                    error(mark, arn.errorString());
                else
                    set->allowedCustomRoles << arn.toString();
            }
        }
        const YAML::Node rules = root["rules"];
        if (!rules.IsDefined()) {
            error(root.Mark(), tr("rules is missing; expected a list of rules"));
            return;
        }
        if (!rules.IsSequence()) {
            error(rules.Mark(), tr("rules must be a list of rules; found a %1").arg(kindName(rules)));
            return;
        }
        QSet<QString> names;
        for (const YAML::Node& rule : rules)
            readRule(rule, set, &names);
    }

private:
    QString m_file;
    QList<RulesError> m_errors;
};

} // namespace

QString Result::errorText() const
{
    QStringList lines;
    for (const RulesError& e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

Result parse(const QByteArray& text, const QString& fileName)
{
    Result result;
    result.rules.file = fileName;
    Reader reader(fileName);
    if (text.size() > MaxFileBytes) {
        reader.error(YAML::Mark::null_mark(),
                     QCoreApplication::translate(
                         "RulesFile", "the file is larger than %1 bytes; a rules file is expected to be small")
                         .arg(MaxFileBytes));
        result.errors = reader.takeErrors();
        return result;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(text.constData(), size_t(text.size())));
        reader.readDocument(root, &result.rules);
    } catch (const YAML::Exception& e) {
        // Syntax errors: yaml-cpp's message (English only) at its position.
        reader.error(e.mark, QCoreApplication::translate("RulesFile", "YAML syntax error: %1").arg(fromStd(e.msg)));
    } catch (const std::exception& e) {
        reader.error(YAML::Mark::null_mark(),
                     QCoreApplication::translate("RulesFile", "the file could not be read as YAML: %1")
                         .arg(QString::fromUtf8(e.what())));
    }
    result.errors = reader.takeErrors();
    if (!result.errors.isEmpty())
        result.rules.rules.clear();
    return result;
}

Result read(const QString& path)
{
    QFile file(path);
    Result result;
    result.rules.file = path;
    RulesLocation where;
    where.file = path;
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors << RulesError{
            where, QCoreApplication::translate("RulesFile", "cannot open the rules file: %1").arg(file.errorString())};
        return result;
    }
    if (file.size() > MaxFileBytes) {
        result.errors << RulesError{
            where, QCoreApplication::translate("RulesFile",
                                               "the file is larger than %1 bytes; a rules file is expected to be small")
                       .arg(MaxFileBytes)};
        return result;
    }
    const QByteArray text = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.errors << RulesError{
            where, QCoreApplication::translate("RulesFile", "cannot read the rules file: %1").arg(file.errorString())};
        return result;
    }
    return parse(text, path);
}

} // namespace RulesFile
