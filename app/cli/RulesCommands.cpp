#include "RulesCommands.h"

#include "CliJson.h"
#include "CliSession.h"
#include "EnvsCommands.h"
#include "SignalWatcher.h"
#include "TablePrinter.h"

#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "api/StsClient.h"
#include "model/AuditLog.h"
#include "model/EnvironmentFilter.h"
#include "model/RoleArn.h"
#include "model/VisibilityStore.h"
#include "rules/RuleApplier.h"
#include "rules/RulePlan.h"
#include "rules/RulesFile.h"

#include <QFile>
#include <QJsonArray>
#include <QMap>

#include <memory>

#include <unistd.h>

namespace {

// The options plan (and later apply) share: the rules file and the environment filters of `envs list`.
struct PlanOptions
{
    QCommandLineOption rules{QStringLiteral("rules"), QStringLiteral("rules"), QStringLiteral("FILE")};
    QCommandLineOption project{QStringLiteral("project"), QStringLiteral("project"), QStringLiteral("ID")};
    QCommandLineOption owner{QStringLiteral("owner"), QStringLiteral("owner"), QStringLiteral("ID")};
    QCommandLineOption status{QStringLiteral("status"), QStringLiteral("status"), QStringLiteral("S")};
    QCommandLineOption keyword{QStringLiteral("keyword"), QStringLiteral("keyword"), QStringLiteral("K")};
    QCommandLineOption publicOnly{QStringLiteral("public"), QStringLiteral("public")};
    QCommandLineOption privateOnly{QStringLiteral("private"), QStringLiteral("private")};

    void addTo(QCommandLineParser& parser)
    {
        rules.setDescription(PlanCommand::tr("The rules file (YAML; see docs/rules-example.yaml). Required."));
        project.setDescription(PlanCommand::tr("Only this workspace (ProjectId or name)."));
        owner.setDescription(PlanCommand::tr("Only environments of this owner (account id)."));
        status.setDescription(PlanCommand::tr("Only these statuses (comma-separated, e.g. Running)."));
        keyword.setDescription(PlanCommand::tr("Instance id or name contains this text."));
        publicOnly.setDescription(PlanCommand::tr("Only environments recorded as public."));
        privateOnly.setDescription(PlanCommand::tr("Only environments recorded as private."));
        parser.addOptions({rules, project, owner, status, keyword, publicOnly, privateOnly});
    }

    // Usage errors go to err; returns the exit code on failure.
    std::optional<int> filters(const QCommandLineParser& parser, const CliInvocation& inv, EnvironmentFilter* filter,
                               ServerIdeFilter* serverFilter) const
    {
        filter->project = parser.value(project).trimmed();
        bool numeric = false;
        const qint64 projectId = filter->project.toLongLong(&numeric);
        if (numeric)
            serverFilter->projectId = projectId;
        filter->ownerId = parser.value(owner).trimmed();
        serverFilter->relatedUserId = filter->ownerId;
        filter->keyword = parser.value(keyword).trimmed();
        serverFilter->keyword = filter->keyword;
        QString error;
        if (parser.isSet(status) &&
            !EnvironmentFilter::parseStatuses(parser.value(status), &filter->statuses, &error)) {
            inv.err << error << '\n';
            return CliExit::Usage;
        }
        if (parser.isSet(publicOnly) && parser.isSet(privateOnly)) {
            inv.err << PlanCommand::tr("--public and --private exclude each other.") << '\n';
            return CliExit::Usage;
        }
        if (parser.isSet(publicOnly))
            filter->visibility = Visibility::Public;
        if (parser.isSet(privateOnly))
            filter->visibility = Visibility::Private;
        return std::nullopt;
    }
};

// The rules file, read before anything is sent. Errors: every one, file:line:column, exit 1.
std::optional<int> readRules(const QCommandLineParser& parser, const PlanOptions& options, const CliInvocation& inv,
                             RuleSet* out)
{
    if (!parser.isSet(options.rules) || parser.value(options.rules).trimmed().isEmpty()) {
        inv.err << PlanCommand::tr("--rules FILE is required.") << '\n';
        return CliExit::Usage;
    }
    const RulesFile::Result result = RulesFile::read(parser.value(options.rules));
    if (!result.ok()) {
        inv.err << result.errorText() << '\n'
                << PlanCommand::tr("The rules file has %n error(s); nothing was planned. Fix them and run again.",
                                   nullptr, int(result.errors.size()))
                << '\n';
        return CliExit::Failure;
    }
    *out = result.rules;
    return std::nullopt;
}

// The trust policies of the custom roles the rules may require (RAM GetRole), so RolePolicy can refuse a role that
// does not trust DataWorks. One that cannot be read is left out (RolePolicy then notes it could not be checked).
QHash<QString, TrustPolicy> readTrustPolicies(CliSession& session, const RuleSet& rules, const CliInvocation& inv)
{
    QStringList arns = rules.allowedCustomRoles;
    QHash<QString, TrustPolicy> out;
    for (const QString& text : std::as_const(arns)) {
        const RoleArn arn = RoleArn::parse(text);
        if (!arn.isValid() || out.contains(arn.toString()))
            continue;
        RamRole role;
        const ApiError error =
            session.waitFor(&role, [&](auto reply) { session.ram()->getRole(arn.roleName(), reply); });
        if (!error.isError() && role.trustPolicy.isValid())
            out.insert(arn.toString(), role.trustPolicy);
        else if (error.isError())
            inv.err << PlanCommand::tr("Note: the trust policy of %1 could not be read (%2).")
                           .arg(arn.toString(), error.toString())
                    << '\n';
    }
    return out;
}

QJsonObject ruleJson(const RuleSet& rules, int index)
{
    const RoleRule& rule = rules.rules.at(index);
    return {{QStringLiteral("index"), index + 1},
            {QStringLiteral("name"), rule.name},
            {QStringLiteral("line"), rule.where.line},
            {QStringLiteral("column"), rule.where.column},
            {QStringLiteral("require"), rule.require.toString()}};
}

QJsonObject entryJson(const RuleSet& rules, const RulePlan::Entry& entry, const Environment& e)
{
    QJsonObject o = CliJson::environment(e, entry.visibility);
    o.insert(QStringLiteral("updateTimeMs"), double(e.updateTimeMs));
    o.insert(QStringLiteral("action"), RulePlan::actionToString(entry.action));
    o.insert(QStringLiteral("current"), CliJson::role(entry.current));
    o.insert(QStringLiteral("target"), entry.target ? QJsonValue(CliJson::role(*entry.target)) : QJsonValue());
    o.insert(QStringLiteral("required"),
             entry.ruleIndex >= 0 ? QJsonValue(rules.rules.at(entry.ruleIndex).require.toString()) : QJsonValue());
    o.insert(QStringLiteral("rule"),
             entry.ruleIndex >= 0 ? QJsonValue(ruleJson(rules, entry.ruleIndex)) : QJsonValue());
    o.insert(QStringLiteral("override"), entry.publicOverride);
    o.insert(QStringLiteral("overrideReason"), CliJson::stringOrNull(entry.overrideReason));
    o.insert(QStringLiteral("verdict"), RolePolicy::verdictToString(entry.verdict));
    QJsonArray policyRules;
    for (RolePolicy::Rule r : entry.policyRules)
        policyRules.append(RolePolicy::ruleToString(r));
    o.insert(QStringLiteral("policyRules"), policyRules);
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(entry.reasons));
    return o;
}

QString roleShort(const RoleAssociation& role)
{
    if (role.isCustomRole()) {
        const RoleArn arn = RoleArn::parse(role.roleArn());
        return QStringLiteral("custom:") + (arn.isValid() ? arn.roleName() : role.roleArn());
    }
    return RoleAssociation::kindToString(role.kind());
}

void printText(const RuleSet& rules, const RulePlan::Plan& plan, const QList<Environment>& environments,
               QTextStream& out)
{
    out << PlanCommand::tr("Rules file %1: %n rule(s), first match wins.", nullptr, int(rules.rules.size()))
               .arg(rules.file)
        << '\n';
    // Grouped by workspace (by name, then id), deviations only; keeps are counted.
    QMap<QString, QList<const RulePlan::Entry*>> groups;
    for (const RulePlan::Entry& entry : plan.entries) {
        if (entry.action == RulePlan::Action::Keep)
            continue;
        const Environment& e = environments.at(entry.environmentIndex);
        groups[QStringLiteral("%1 (%2)").arg(e.projectName).arg(e.projectId)] << &entry;
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        out << '\n' << PlanCommand::tr("Workspace %1").arg(it.key()) << '\n';
        TablePrinter table({PlanCommand::tr("ACTION"), PlanCommand::tr("ID"), PlanCommand::tr("NAME"),
                            PlanCommand::tr("STATUS"), PlanCommand::tr("CHANGE"), PlanCommand::tr("RULE")});
        QStringList why;
        for (const RulePlan::Entry* entry : it.value()) {
            const Environment& e = environments.at(entry->environmentIndex);
            const RoleRule& rule = rules.rules.at(entry->ruleIndex);
            const QString change = roleShort(entry->current) + QStringLiteral(" -> ") +
                                   (entry->target ? roleShort(*entry->target) : rule.require.toString());
            table.addRow(
                {RulePlan::actionToString(entry->action) +
                     (entry->publicOverride ? PlanCommand::tr(" (public override)") : QString()),
                 e.instanceId, e.instanceName, e.statusDisplayText(), change,
                 QStringLiteral("%1 \"%2\" (line %3)").arg(entry->ruleIndex + 1).arg(rule.name).arg(rule.where.line)});
            if (entry->action == RulePlan::Action::CannotFix)
                why << QStringLiteral("  %1: %2").arg(e.instanceId, entry->reasons.mid(1).join(QLatin1Char(' ')));
        }
        out << table.toString();
        for (const QString& line : std::as_const(why))
            out << line << '\n';
    }
    out << '\n'
        << PlanCommand::tr("Plan: %1 to change, %2 cannot be fixed, %3 keep their role.")
               .arg(plan.change)
               .arg(plan.cannotFix)
               .arg(plan.keep)
        << '\n';
}

// Everything plan (and apply) know after planning.
struct Planned
{
    RuleSet rules;
    QList<Environment> environments;
    QHash<QString, TrustPolicy> trust;
    RulePlan::Plan plan;
    std::unique_ptr<VisibilityStore> visibility; // loaded after the session opened (--sandbox seeds it)
};

// Opens the session, lists the environments, reads the trust policies and evaluates the rules (already read into
// planned->rules). Returns the exit code on failure.
std::optional<int> planAll(CliSession& session, const ServerIdeFilter& serverFilter, const EnvironmentFilter& filter,
                           const CliInvocation& inv, Planned* planned)
{
    if (const auto code = session.open())
        return *code;
    planned->visibility = std::make_unique<VisibilityStore>(session.visibilityFilePath(), &session.clock());
    VisibilityStore& store = *planned->visibility;
    if (const auto code = session.loadVisibility(&store))
        return *code;
    if (const auto code = session.fetchCredential())
        return *code;
    ServerIdeListing* listing = session.dataWorks()->listServerIdeInstances(serverFilter);
    session.wait([listing](std::function<void()> done) {
        QObject::connect(listing, &ServerIdeListing::finished, listing, done);
        QObject::connect(listing, &ServerIdeListing::failed, listing, done);
    });
    listing->deleteLater();
    if (listing->error().isError())
        return session.reportApiError(listing->error(), PlanCommand::tr("Cannot list the environments"));
    planned->environments = filter.apply(listing->environments(), &store);
    planned->trust = readTrustPolicies(session, planned->rules, inv);
    planned->plan = RulePlan::evaluate(
        planned->rules, planned->environments, [&store](const QString& id) { return store.visibility(id); },
        planned->trust);
    return std::nullopt;
}

QJsonObject applyJson(const RuleSet& rules, const RulePlan::Plan& plan, const QList<RuleApplier::Item>& items,
                      bool interrupted)
{
    QJsonArray results;
    int applied = 0;
    for (const RuleApplier::Item& item : items) {
        applied += item.outcome.startsWith(QLatin1String("applied")) ? 1 : 0;
        results.append(QJsonObject{
            {QStringLiteral("instanceId"), item.instanceId},
            {QStringLiteral("name"), item.name},
            {QStringLiteral("from"), CliJson::role(item.from)},
            {QStringLiteral("to"), CliJson::role(item.to)},
            {QStringLiteral("rule"), item.ruleIndex >= 0 ? QJsonValue(ruleJson(rules, item.ruleIndex)) : QJsonValue()},
            {QStringLiteral("override"), item.override},
            {QStringLiteral("outcome"), item.outcome},
            {QStringLiteral("throttled"), item.throttled},
            {QStringLiteral("audited"), item.audited},
            {QStringLiteral("message"), item.message}});
    }
    return {{QStringLiteral("rulesFile"), rules.file},
            {QStringLiteral("precedence"), RuleSet::precedence()},
            {QStringLiteral("summary"), QJsonObject{{QStringLiteral("planned"), plan.change},
                                                    {QStringLiteral("applied"), applied},
                                                    {QStringLiteral("notApplied"), int(items.size()) - applied},
                                                    {QStringLiteral("cannotFix"), plan.cannotFix},
                                                    {QStringLiteral("keep"), plan.keep}}},
            {QStringLiteral("interrupted"), interrupted},
            {QStringLiteral("results"), results}};
}

} // namespace

QString PlanCommand::summary() const
{
    return tr("Show what a rules file would change (nothing is sent).");
}

int PlanCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    PlanOptions options;
    options.addTo(parser);
    const QCommandLineOption exitCode(QStringLiteral("exit-code"),
                                      tr("Exit with 5 when the plan has changes, 0 when it has none (like git diff "
                                         "--exit-code)."));
    parser.addOption(exitCode);
    if (const auto code = parse(parser, inv))
        return *code;
    EnvironmentFilter filter;
    ServerIdeFilter serverFilter;
    if (const auto code = options.filters(parser, inv, &filter, &serverFilter))
        return *code;
    Planned planned;
    if (const auto code = readRules(parser, options, inv, &planned.rules))
        return *code;

    CliSession session(inv, parser, global);
    if (const auto code = planAll(session, serverFilter, filter, inv, &planned))
        return *code;
    const RuleSet& rules = planned.rules;
    const QList<Environment>& environments = planned.environments;
    const RulePlan::Plan& plan = planned.plan;

    if (session.json()) {
        QJsonArray ruleArray;
        for (int i = 0; i < rules.rules.size(); ++i)
            ruleArray.append(ruleJson(rules, i));
        QJsonArray entries;
        for (const RulePlan::Entry& entry : plan.entries)
            entries.append(entryJson(rules, entry, environments.at(entry.environmentIndex)));
        const QJsonObject result{
            {QStringLiteral("rulesFile"), rules.file},
            {QStringLiteral("precedence"), RuleSet::precedence()},
            {QStringLiteral("rules"), ruleArray},
            {QStringLiteral("summary"), QJsonObject{{QStringLiteral("environments"), int(plan.entries.size())},
                                                    {QStringLiteral("keep"), plan.keep},
                                                    {QStringLiteral("change"), plan.change},
                                                    {QStringLiteral("cannotFix"), plan.cannotFix}}},
            {QStringLiteral("entries"), entries}};
        inv.out << QString::fromUtf8(CliJson::toText(result));
    } else {
        printText(rules, plan, environments, inv.out);
    }
    if (parser.isSet(exitCode) && plan.hasChanges())
        return CliExit::ChangesPending;
    return CliExit::Ok;
}

QString ApplyCommand::summary() const
{
    return tr("Apply what a rules file requires, through the same checks as role set.");
}

int ApplyCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    PlanOptions options;
    options.addTo(parser);
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Apply without asking."));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("Apply at most N changes, then stop (run again to continue)."),
                                   QStringLiteral("N"));
    parser.addOptions({yes, limit});
    if (const auto code = parse(parser, inv))
        return *code;
    EnvironmentFilter filter;
    ServerIdeFilter serverFilter;
    if (const auto code = options.filters(parser, inv, &filter, &serverFilter))
        return *code;
    int maxChanges = -1;
    if (parser.isSet(limit)) {
        bool ok = false;
        maxChanges = parser.value(limit).toInt(&ok);
        if (!ok || maxChanges < 1) {
            inv.err << tr("--limit takes a positive number.") << '\n';
            return CliExit::Usage;
        }
    }
    const bool interactive = ::isatty(STDIN_FILENO) == 1;
    if (!parser.isSet(yes) && !interactive) {
        inv.err << tr("apply changes environments: pass --yes to confirm when stdin is not a terminal.") << '\n';
        return CliExit::Usage;
    }
    Planned planned;
    if (const auto code = readRules(parser, options, inv, &planned.rules))
        return *code;

    CliSession session(inv, parser, global);
    if (const auto code = planAll(session, serverFilter, filter, inv, &planned))
        return *code;
    const RuleSet& rules = planned.rules;
    const RulePlan::Plan& plan = planned.plan;
    const bool json = session.json();

    AuditLog audit(session.auditDatabasePath(), &session.clock());
    QString auditError;
    if (!audit.open(&auditError)) {
        inv.err << tr("Cannot open the audit log %1: %2. No change was made.").arg(audit.databasePath(), auditError)
                << '\n';
        return CliExit::Failure;
    }
    CallerIdentity identity;
    const ApiError apiError = session.callerIdentity(&identity);
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot find out who is acting (GetCallerIdentity)"));

    if (!json)
        printText(rules, plan, planned.environments, inv.out);
    inv.out.flush();
    if (!plan.hasChanges()) {
        if (json)
            inv.out << QString::fromUtf8(CliJson::toText(applyJson(rules, plan, {}, false)));
        else
            inv.out << tr("Nothing to apply.") << '\n';
        return CliExit::Ok;
    }
    if (!parser.isSet(yes)) {
        inv.err << tr("Apply %n change(s)? [y/N] ", nullptr, plan.change);
        inv.err.flush();
        QFile in;
        QString answerText;
        if (in.open(stdin, QIODevice::ReadOnly))
            answerText = QString::fromLocal8Bit(in.readLine()).trimmed();
        if (answerText.compare(QLatin1String("y"), Qt::CaseInsensitive) != 0 &&
            answerText.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0) {
            inv.err << tr("Not confirmed: nothing was changed.") << '\n';
            return CliExit::Failure;
        }
    }

    RuleApplier::Options applyOptions;
    applyOptions.actor = identity.arn;
    applyOptions.maxChanges = maxChanges;
    RuleApplier applier(rules, session.dataWorks(), session.ram(), &audit, applyOptions);
    QObject::connect(&applier, &RuleApplier::itemStarted, &applier,
                     [&inv](int index, int total, const RuleApplier::Item& item) {
                         inv.err << tr("[%1/%2] %3 %4: %5 -> %6 ...")
                                        .arg(index + 1)
                                        .arg(total)
                                        .arg(item.instanceId, item.name, roleShort(item.from), roleShort(item.to))
                                 << '\n';
                         inv.err.flush();
                     });
    QObject::connect(&applier, &RuleApplier::throttled, &applier, [&inv](const QString& id, int delayMs) {
        inv.err << tr("  throttled by the service; trying %1 again in %2 s").arg(id).arg(double(delayMs) / 1000.0)
                << '\n';
        inv.err.flush();
    });
    QObject::connect(&applier, &RuleApplier::itemFinished, &applier, [&inv](int, int, const RuleApplier::Item& item) {
        inv.err << QStringLiteral("  %1: %2").arg(item.outcome, item.message) << '\n';
        inv.err.flush();
    });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::signalled, &applier, [&applier, &inv](int) {
        inv.err << tr("Interrupted: stopping after the environment in progress. Run apply again to continue.") << '\n';
        applier.cancel();
    });
    session.wait([&](std::function<void()> done) {
        QObject::connect(&applier, &RuleApplier::finished, &applier, done);
        applier.start(plan, planned.environments, planned.trust);
    });

    if (json) {
        inv.out << QString::fromUtf8(CliJson::toText(applyJson(rules, plan, applier.items(), applier.isCancelled())));
    } else {
        inv.out << tr("Applied %1 of %2 change(s); %3 not applied; %4 cannot be fixed.")
                       .arg(applier.applied())
                       .arg(applier.items().size())
                       .arg(applier.notApplied())
                       .arg(plan.cannotFix)
                << '\n';
        if (applier.isCancelled())
            inv.out << tr("Stopped before the end: run apply again to continue.") << '\n';
    }
    return applier.notApplied() == 0 ? CliExit::Ok : CliExit::Failure;
}
