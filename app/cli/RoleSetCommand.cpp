#include "RoleSetCommand.h"

#include "CliJson.h"
#include "CliSession.h"

#include "api/DataWorksClient.h"
#include "api/EnvironmentStop.h"
#include "api/RamClient.h"
#include "api/RoleChange.h"
#include "api/StsClient.h"
#include "model/AuditLog.h"
#include "model/Revocation.h"
#include "model/RoleArn.h"
#include "model/RolePolicy.h"
#include "model/VisibilityStore.h"
#include "util/Clock.h"

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

// After a role was removed or replaced: says how long credentials already issued stay valid (JSON "revocation") and,
// with --stop, stops the environment and follows it to Stopped (JSON "stop"). Without --yes the stop is confirmed at
// a prompt first (declined: JSON stop outcome "not-confirmed", exit 0: the role change stands). Returns the exit code.
int revocationStep(CliSession& session, const CliInvocation& inv, const Environment& env,
                   const RoleAssociation& requested, const QString& actor, AuditLog* audit, bool stop, bool ask,
                   int pollIntervalMs, QJsonObject* result);
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
    const QCommandLineOption dropPolicy(
        QStringLiteral("drop-policy"),
        tr("Drop the session policy that restricts the current custom role (otherwise it is kept, and a change that "
           "would lose it is refused)."));
    const QCommandLineOption allowInternet(
        QStringLiteral("allow-internet"),
        tr("Give a role to an environment the API reports as reachable from the internet anyway (needs --reason)."));
    const QCommandLineOption stopAfter(
        QStringLiteral("stop"),
        tr("After removing or replacing a role, stop the environment and wait until it is Stopped (credentials it "
           "already received stay valid until they expire; stopping ends the processes that hold them)."));
    const QCommandLineOption stopPoll(QStringLiteral("stop-poll-interval"),
                                      tr("With --stop: milliseconds between status reads (default 3000)."),
                                      QStringLiteral("MS"));
    parser.addOptions({useDefault, custom, none, allowPublic, reasonOption, yes, ifUpdateTime, dropPolicy,
                       allowInternet, stopAfter, stopPoll});
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
    if (parser.isSet(allowInternet) && !parser.isSet(reasonOption)) {
        inv.err << tr("--allow-internet needs --reason TEXT (it is kept in the audit log).") << '\n';
        return CliExit::Usage;
    }
    int stopPollMs = 3000;
    if (parser.isSet(stopPoll)) {
        bool ok = false;
        stopPollMs = parser.value(stopPoll).toInt(&ok);
        if (!ok || stopPollMs < 1 || stopPollMs > 600000) {
            inv.err << tr("--stop-poll-interval takes milliseconds between 1 and 600000.") << '\n';
            return CliExit::Usage;
        }
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
    ApiError apiError = session.callerIdentity(&identity);
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot find out who is acting (GetCallerIdentity)"));

    // The one core operation the GUI's dialogs use too: read, policy, plan, confirm, write, read back, audit.
    RoleChange change(session.dataWorks(), session.ram(), &audit);
    RoleChange::Request request;
    request.instanceId = id;
    request.requested = requested;
    request.visibility = store.visibility(id);
    if (parser.isSet(ifUpdateTime))
        request.expectedUpdateTimeMs = expectedUpdateTime;
    request.dropSessionPolicy = parser.isSet(dropPolicy);
    request.actor = identity.arn;
    request.confirmedUpFront = parser.isSet(yes);
    const bool allowPublicSet = parser.isSet(allowPublic);
    const bool allowInternetSet = parser.isSet(allowInternet);
    // Each confirmation rule has its own override: --allow-public for a public environment, --allow-internet for one
    // the API reports as reachable from the internet; both when both rules fire.
    QList<RolePolicy::Rule> confirmedRules;
    if (allowPublicSet)
        confirmedRules << RolePolicy::Rule::PublicEnvironment;
    if (allowInternetSet)
        confirmedRules << RolePolicy::Rule::InternetReachable;
    const QString reasonText = parser.value(reasonOption);
    const bool json = session.json();
    const auto confirm = [&](const RoleChange::Plan& plan, RoleChange::Answer answer) {
        if (!plan.trustNote.isEmpty())
            inv.err << tr("Note: %1").arg(plan.trustNote) << '\n';
        for (qsizetype i = 0; i < plan.decision.rules.size() && i < plan.decision.reasons.size(); ++i)
            if (plan.decision.rules.at(i) != RolePolicy::Rule::PublicEnvironment &&
                plan.decision.rules.at(i) != RolePolicy::Rule::InternetReachable)
                inv.err << tr("Note: %1").arg(plan.decision.reasons.at(i)) << '\n';
        if (!json) {
            for (const QString& kept : plan.write.kept)
                inv.err << tr("Kept: %1").arg(kept) << '\n';
            for (const QString& dropped : plan.write.dropped)
                inv.err << tr("Dropped: %1").arg(dropped) << '\n';
            for (const QString& note : plan.write.notes)
                inv.err << tr("Note: %1").arg(note) << '\n';
        }
        RoleChange::Confirmation confirmation;
        // RoleChange checks each confirmation rule against the flags given (RolePolicy::checkConfirmation).
        confirmation.override = plan.decision.needsConfirmation() && !confirmedRules.isEmpty();
        confirmation.confirmedRules = confirmedRules;
        confirmation.reason = confirmation.override ? reasonText : QString();
        if (plan.decision.needsConfirmation() &&
            !RolePolicy::checkConfirmation(
                 plan.decision, confirmation.override ? confirmedRules : QList<RolePolicy::Rule>(), confirmation.reason)
                 .isEmpty()) {
            // Refused below by the operation itself; no point asking.
            confirmation.proceed = true;
            answer(confirmation);
            return;
        }
        if (request.confirmedUpFront) {
            confirmation.proceed = true;
            answer(confirmation);
            return;
        }
        inv.err << tr("Change the role of %1 (%2) from \"%3\" to \"%4\"? [y/N] ")
                       .arg(id, plan.environment.instanceName, plan.environment.role.displayText(),
                            requested.displayText());
        inv.err.flush();
        QFile in;
        QString answerText;
        if (in.open(stdin, QIODevice::ReadOnly))
            answerText = QString::fromLocal8Bit(in.readLine()).trimmed();
        confirmation.proceed = answerText.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0 ||
                               answerText.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
        answer(confirmation);
    };
    RoleChange::Result outcome;
    session.wait([&](std::function<void()> done) {
        change.run(request, confirm, [&outcome, done](const RoleChange::Result& result) {
            outcome = result;
            done();
        });
    });

    const RoleChange::Plan& plan = outcome.plan;
    const Environment& env = plan.environment;
    QJsonObject result =
        decisionJson(id, outcome.isApplied(), env.role, requested, outcome.override, outcome.reason, plan.decision);
    // Added to the contract: what the one operation did, and what the write kept and dropped.
    result.insert(QStringLiteral("outcome"), RoleChange::outcomeToString(outcome.outcome));
    result.insert(QStringLiteral("requestId"), CliJson::stringOrNull(outcome.requestId));
    result.insert(QStringLiteral("kept"), QJsonArray::fromStringList(plan.write.kept));
    result.insert(QStringLiteral("dropped"), QJsonArray::fromStringList(plan.write.dropped));
    result.insert(QStringLiteral("notes"), QJsonArray::fromStringList(plan.write.notes));
    result.insert(QStringLiteral("message"), outcome.message);
    if (outcome.isApplied() && !outcome.after.isNull()) {
        QJsonObject after = CliJson::environment(outcome.after, store.visibility(id));
        after.insert(QStringLiteral("updateTimeMs"), double(outcome.after.updateTimeMs));
        result.insert(QStringLiteral("environment"), after);
    }
    const auto printJson = [&] {
        if (json)
            inv.out << QString::fromUtf8(CliJson::toText(result));
    };
    if (outcome.isApplied() && !outcome.audited)
        inv.err << tr("Warning: the change was made but could not be written to the audit log %1: %2")
                       .arg(audit.databasePath(), outcome.auditError)
                << '\n';

    switch (outcome.outcome) {
    case RoleChange::Outcome::Refused:
        inv.err << outcome.message << '\n' << tr("Nothing was changed.") << '\n';
        printJson();
        return CliExit::RefusedByPolicy;
    case RoleChange::Outcome::NeedsConfirmation: {
        QStringList flags;
        if (plan.decision.has(RolePolicy::Rule::PublicEnvironment))
            flags << QStringLiteral("--allow-public");
        if (plan.decision.has(RolePolicy::Rule::InternetReachable))
            flags << QStringLiteral("--allow-internet");
        inv.err << outcome.message << '\n'
                << tr("To go ahead anyway, pass %1 --reason \"why\" (kept in the audit log).")
                       .arg(flags.join(QLatin1Char(' ')))
                << '\n'
                << tr("Nothing was changed.") << '\n';
        printJson();
        return CliExit::RefusedByPolicy;
    }
    case RoleChange::Outcome::NoChange:
        printJson();
        if (!json)
            inv.out << outcome.message << '\n';
        for (const QString& note : plan.decision.reasons)
            inv.err << tr("Note: %1").arg(note) << '\n';
        return CliExit::Ok;
    case RoleChange::Outcome::NotConfirmed:
        inv.err << outcome.message << '\n';
        return CliExit::Failure;
    case RoleChange::Outcome::Conflict:
        inv.err << tr("Environment %1 was changed by someone else since it was read (its UpdateTime differs). "
                      "Nothing was changed: look at it again with `roledesk-cli envs show %1`, then retry.")
                       .arg(id)
                << '\n';
        return CliExit::Failure;
    case RoleChange::Outcome::Failed:
        return session.reportApiError(outcome.error, tr("Cannot change the role of %1").arg(id));
    case RoleChange::Outcome::AppliedReadBackDiffers:
        inv.err << outcome.message << '\n';
        printJson();
        return CliExit::Failure;
    case RoleChange::Outcome::Applied:
        break;
    }
    if (!json)
        inv.out << outcome.message << '\n';
    const int code = revocationStep(session, inv, env, requested, identity.arn, &audit, parser.isSet(stopAfter),
                                    !parser.isSet(yes), stopPollMs, &result);
    printJson();
    return code;
}

namespace {
int revocationStep(CliSession& session, const CliInvocation& inv, const Environment& env,
                   const RoleAssociation& requested, const QString& actor, AuditLog* audit, bool stop, bool ask,
                   int pollIntervalMs, QJsonObject* result)
{
    // The truth about credentials already issued: valid until they expire, at most the old role's maximum session.
    std::optional<int> maxSession;
    if (env.role.isCustomRole()) {
        const RoleArn arn = RoleArn::parse(env.role.roleArn());
        RamRole role;
        if (arn.isValid() &&
            !session.waitFor(&role, [&](auto reply) { session.ram()->getRole(arn.roleName(), reply); }).isError())
            maxSession = role.maxSessionDuration;
    }
    const Revocation::Window window =
        Revocation::afterChange(env.role, requested, session.clock().nowUtc(), maxSession);
    if (window.applies) {
        result->insert(QStringLiteral("revocation"),
                       QJsonObject{{QStringLiteral("credentialsValidUntil"), CliJson::isoUtc(window.validUntilUtc())},
                                   {QStringLiteral("maxSessionSeconds"), window.maxSessionSeconds},
                                   {QStringLiteral("maximumKnown"), window.maximumKnown}});
        inv.err << window.explanation() << '\n';
    }
    if (!stop)
        return CliExit::Ok;
    if (!window.applies) {
        inv.err << QCoreApplication::translate(
                       "RoleSetCommand", "--stop: the environment held no role before this change; it was not stopped.")
                << '\n';
        return CliExit::Ok;
    }
    if (ask) {
        inv.err << QCoreApplication::translate(
                       "RoleSetCommand", "Stop environment %1 (%2) now? Whoever uses it loses unsaved work. [y/N] ")
                       .arg(env.instanceId, env.instanceName);
        inv.err.flush();
        QFile in;
        QString answerText;
        if (in.open(stdin, QIODevice::ReadOnly))
            answerText = QString::fromLocal8Bit(in.readLine()).trimmed();
        if (answerText.compare(QLatin1String("y"), Qt::CaseInsensitive) != 0 &&
            answerText.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0) {
            result->insert(QStringLiteral("stop"),
                           QJsonObject{{QStringLiteral("outcome"), QStringLiteral("not-confirmed")},
                                       {QStringLiteral("status"), QJsonValue()},
                                       {QStringLiteral("error"), QJsonValue()}});
            inv.err << QCoreApplication::translate("RoleSetCommand", "Not stopped: environment %1 keeps running.")
                           .arg(env.instanceId)
                    << '\n';
            return CliExit::Ok;
        }
    }
    Environment current = env;
    current.role = requested; // what the audit entry of the stop shows
    EnvironmentStop stopper(session.dataWorks(), audit);
    EnvironmentStop::Options options;
    options.pollIntervalMs = pollIntervalMs;
    options.actor = actor;
    QObject::connect(&stopper, &EnvironmentStop::statusChanged, &stopper,
                     [&inv](EnvironmentStatus status, const QString& text) {
                         inv.err << QCoreApplication::translate("RoleSetCommand", "Environment status: %1")
                                        .arg(EnvironmentStatuses::displayText(status, text))
                                 << '\n';
                     });
    session.wait([&](std::function<void()> done) {
        QObject::connect(&stopper, &EnvironmentStop::finished, &stopper, done);
        stopper.start(current, options);
    });
    result->insert(QStringLiteral("stop"),
                   QJsonObject{{QStringLiteral("outcome"), EnvironmentStop::outcomeToString(stopper.outcome())},
                               {QStringLiteral("status"), EnvironmentStatuses::toString(stopper.lastStatus())},
                               {QStringLiteral("error"), CliJson::stringOrNull(stopper.errorString())}});
    if (stopper.outcome() == EnvironmentStop::Outcome::Stopped ||
        stopper.outcome() == EnvironmentStop::Outcome::AlreadyStopped) {
        inv.err << QCoreApplication::translate("RoleSetCommand", "Environment %1 is stopped.").arg(env.instanceId)
                << '\n';
        return CliExit::Ok;
    }
    inv.err << QCoreApplication::translate("RoleSetCommand",
                                           "The role was changed, but the environment was not stopped: %1")
                   .arg(stopper.errorString())
            << '\n';
    return CliExit::Failure;
}
} // namespace
