#include "RoleSetCommand.h"

#include "CliJson.h"
#include "CliSession.h"

#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "api/StsClient.h"
#include "model/AuditLog.h"
#include "model/RoleArn.h"
#include "model/RolePolicy.h"
#include "model/VisibilityStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include <unistd.h>

namespace {
QJsonObject decisionJson(const QString& id, bool changed, const RoleAssociation& from, const RoleAssociation& to,
                         bool override, const QString& reason, const RolePolicy::Decision& decision)
{
    QJsonObject o;
    o.insert(QStringLiteral("instanceId"), id);
    o.insert(QStringLiteral("changed"), changed);
    o.insert(QStringLiteral("from"), CliJson::role(from));
    o.insert(QStringLiteral("to"), CliJson::role(to));
    o.insert(QStringLiteral("override"), override);
    o.insert(QStringLiteral("reason"), CliJson::stringOrNull(reason));
    o.insert(QStringLiteral("verdict"), RolePolicy::verdictToString(decision.verdict));
    QJsonArray rules;
    for (const RolePolicy::Rule rule : decision.rules)
        rules.append(RolePolicy::ruleToString(rule));
    o.insert(QStringLiteral("rules"), rules);
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(decision.reasons));
    o.insert(QStringLiteral("environment"), QJsonValue());
    return o;
}
} // namespace

QString RoleSetCommand::summary() const
{
    return tr("Choose the RAM role of an environment (the DataWorks default, a custom role, or none).");
}

int RoleSetCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    const QCommandLineOption useDefault(QStringLiteral("default"), tr("Use the DataWorks default role."));
    const QCommandLineOption custom(QStringLiteral("custom"),
                                    tr("Use this custom RAM role (acs:ram::<account>:role/<name>)."),
                                    QStringLiteral("ARN"));
    const QCommandLineOption none(QStringLiteral("none"),
                                  tr("Associate no role (what a public environment should use)."));
    const QCommandLineOption allowPublic(
        QStringLiteral("allow-public"),
        tr("Give a role to an environment recorded as public anyway (needs --reason)."));
    const QCommandLineOption reasonOption(QStringLiteral("reason"), tr("Why (kept in the audit log)."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")}, tr("Do not ask for confirmation."));
    const QCommandLineOption ifUpdateTime(
        QStringLiteral("if-update-time"),
        tr("Change only if the environment's updateTimeMs (from envs show --json) is still this value."),
        QStringLiteral("MS"));
    parser.addOptions({useDefault, custom, none, allowPublic, reasonOption, yes, ifUpdateTime});
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The environment's instance id."));
    if (const auto code = parse(parser, inv, true))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        inv.err << tr("role set needs exactly one instance id.") << '\n' << helpText(parser);
        return CliExit::Usage;
    }
    const int choices = int(parser.isSet(useDefault)) + int(parser.isSet(custom)) + int(parser.isSet(none));
    if (choices != 1) {
        inv.err << tr("Choose exactly one of --default, --custom ARN or --none.") << '\n';
        return CliExit::Usage;
    }
    if (parser.isSet(allowPublic) && !parser.isSet(reasonOption)) {
        inv.err << tr("--allow-public needs --reason TEXT (it is kept in the audit log).") << '\n';
        return CliExit::Usage;
    }
    qint64 expectedUpdateTime = 0;
    if (parser.isSet(ifUpdateTime)) {
        bool ok = false;
        expectedUpdateTime = parser.value(ifUpdateTime).toLongLong(&ok);
        if (!ok) {
            inv.err << tr("--if-update-time takes the updateTimeMs number that envs show --json prints.") << '\n';
            return CliExit::Usage;
        }
    }
    const QString id = parser.positionalArguments().constFirst();
    const RoleAssociation requested = parser.isSet(useDefault) ? RoleAssociation::dataWorksDefault()
                                      : parser.isSet(none)     ? RoleAssociation::none()
                                                               : RoleAssociation::customRole(parser.value(custom));
    const bool interactive = ::isatty(STDIN_FILENO) == 1;
    if (!parser.isSet(yes) && !interactive) {
        inv.err << tr("role set changes an environment: pass --yes to confirm when stdin is not a terminal.") << '\n';
        return CliExit::Usage;
    }

    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    VisibilityStore store(session.visibilityFilePath(), &session.clock());
    if (const auto code = session.loadVisibility(&store))
        return *code;
    AuditLog audit(session.auditDatabasePath(), &session.clock());
    QString auditError;
    if (!audit.open(&auditError)) {
        inv.err << tr("Cannot open the audit log %1: %2. No change was made.").arg(audit.databasePath(), auditError)
                << '\n';
        return CliExit::Failure;
    }
    if (const auto code = session.fetchCredential())
        return *code;

    // Who is acting: the audit log records the caller identity, never a key id.
    CallerIdentity identity;
    ApiError apiError = session.waitFor(&identity, [&](auto reply) { session.sts()->getCallerIdentity(reply); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot find out who is acting (GetCallerIdentity)"));

    Environment env;
    apiError = session.waitFor(&env, [&](auto reply) { session.dataWorks()->getServerIdeInstance(id, reply); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot read environment %1").arg(id));

    RolePolicy::Input input;
    input.status = env.status;
    input.visibility = store.visibility(id);
    input.current = env.role;
    input.requested = requested;
    if (requested.isCustomRole()) {
        const RoleArn arn = RoleArn::parse(requested.roleArn());
        if (arn.isValid()) {
            RamRole role;
            apiError = session.waitFor(&role, [&](auto reply) { session.ram()->getRole(arn.roleName(), reply); });
            if (!apiError.isError() && role.trustPolicy.isValid())
                input.trustPolicy = role.trustPolicy;
            else if (apiError.isError())
                inv.err << tr("Note: the role's trust policy could not be read (%1).").arg(apiError.toString()) << '\n';
        }
    }
    const RolePolicy::Decision decision = RolePolicy::evaluate(input);
    const bool publicOverride = decision.needsConfirmation() && parser.isSet(allowPublic);
    const QString reason = publicOverride ? parser.value(reasonOption) : QString();
    QJsonObject result = decisionJson(id, false, env.role, requested, publicOverride, reason, decision);

    if (decision.isRefused()) {
        inv.err << tr("Refused by policy: %1").arg(decision.reasons.join(QLatin1Char(' '))) << '\n'
                << tr("Nothing was changed.") << '\n';
        if (session.json())
            inv.out << QString::fromUtf8(CliJson::toText(result));
        return CliExit::RefusedByPolicy;
    }
    if (decision.noChange) {
        if (session.json())
            inv.out << QString::fromUtf8(CliJson::toText(result));
        else
            inv.out
                << tr("Environment %1 already has this role (%2): nothing to change.").arg(id, env.role.displayText())
                << '\n';
        for (const QString& note : decision.reasons)
            inv.err << tr("Note: %1").arg(note) << '\n';
        return CliExit::Ok;
    }
    if (decision.needsConfirmation()) {
        const QString problem = RolePolicy::checkConfirmation(decision, parser.isSet(allowPublic), reason);
        if (!problem.isEmpty()) {
            inv.err << tr("Refused by policy: %1").arg(problem) << '\n'
                    << tr("To go ahead anyway, pass --allow-public --reason \"why\" (kept in the audit log).") << '\n'
                    << tr("Nothing was changed.") << '\n';
            if (session.json())
                inv.out << QString::fromUtf8(CliJson::toText(result));
            return CliExit::RefusedByPolicy;
        }
    }
    for (const RolePolicy::Rule rule : decision.rules) {
        const qsizetype i = decision.rules.indexOf(rule);
        if (rule != RolePolicy::Rule::PublicEnvironment && i < decision.reasons.size())
            inv.err << tr("Note: %1").arg(decision.reasons.at(i)) << '\n';
    }

    if (!parser.isSet(yes)) {
        inv.err << tr("Change the role of %1 (%2) from \"%3\" to \"%4\"? [y/N] ")
                       .arg(id, env.instanceName, env.role.displayText(), requested.displayText());
        inv.err.flush();
        QFile in;
        QString answer;
        if (in.open(stdin, QIODevice::ReadOnly))
            answer = QString::fromLocal8Bit(in.readLine()).trimmed();
        if (answer.compare(QLatin1String("y"), Qt::CaseInsensitive) != 0 &&
            answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0) {
            inv.err << tr("Not confirmed: nothing was changed.") << '\n';
            return CliExit::Failure;
        }
    }

    // The environment as read above is what was judged: setRole refuses if it changed meanwhile.
    const qint64 expected = parser.isSet(ifUpdateTime) ? expectedUpdateTime : env.updateTimeMs;
    SetRoleResult setResult;
    apiError =
        session.waitFor(&setResult, [&](auto reply) { session.dataWorks()->setRole(id, requested, expected, reply); });
    const QString actor = identity.arn;
    if (apiError.kind == ApiError::Kind::Conflict) {
        audit.recordChange(actor, env, env.role, requested, publicOverride, reason, QStringLiteral("conflict"), {},
                           nullptr);
        inv.err << tr("Environment %1 was changed by someone else since it was read (its UpdateTime differs). "
                      "Nothing was changed: look at it again with `roledesk-cli envs show %1`, then retry.")
                       .arg(id)
                << '\n';
        return CliExit::Failure;
    }
    if (apiError.isError()) {
        audit.recordChange(actor, env, env.role, requested, publicOverride, reason,
                           QStringLiteral("failed: ") +
                               (apiError.code.isEmpty() ? ApiError::kindName(apiError.kind) : apiError.code),
                           apiError.requestId, nullptr);
        return session.reportApiError(apiError, tr("Cannot change the role of %1").arg(id));
    }
    if (!audit.recordChange(actor, env, env.role, requested, publicOverride, reason, QStringLiteral("applied"), {},
                            &auditError))
        inv.err << tr("Warning: the change was made but could not be written to the audit log %1: %2")
                       .arg(audit.databasePath(), auditError)
                << '\n';
    result.insert(QStringLiteral("changed"), true);
    if (!setResult.after.isNull()) {
        QJsonObject after = CliJson::environment(setResult.after, store.visibility(id));
        after.insert(QStringLiteral("updateTimeMs"), double(setResult.after.updateTimeMs));
        result.insert(QStringLiteral("environment"), after);
    }
    if (session.json())
        inv.out << QString::fromUtf8(CliJson::toText(result));
    else
        inv.out << tr("Role of %1 (%2) changed: %3 -> %4.")
                       .arg(id, env.instanceName, env.role.displayText(), requested.displayText())
                << '\n';
    return CliExit::Ok;
}
