#include "RolesCommands.h"

#include "CliJson.h"
#include "CliSession.h"
#include "TablePrinter.h"

#include "api/RamClient.h"
#include "model/RoleArn.h"
#include "model/RolePolicy.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// What the one policy function says about this role as a custom role of an environment at rest, private, with no
// role yet: only the role's own properties can refuse it then.
RolePolicy::Decision judge(const RamRole& role)
{
    RolePolicy::Input input;
    input.status = EnvironmentStatus::Running;
    input.visibility = Visibility::Private;
    input.current = RoleAssociation::none();
    input.requested = RoleAssociation::customRole(role.arn);
    if (role.trustPolicy.isValid())
        input.trustPolicy = role.trustPolicy;
    return RolePolicy::evaluate(input);
}

QJsonObject checkedJson(const RamRole& role)
{
    const RolePolicy::Decision decision = judge(role);
    QJsonObject o = CliJson::ramRole(role);
    o.insert(QStringLiteral("usable"), !decision.isRefused());
    QJsonArray rules;
    for (const RolePolicy::Rule rule : decision.rules)
        rules.append(RolePolicy::ruleToString(rule));
    o.insert(QStringLiteral("rules"), rules);
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(decision.reasons));
    o.insert(QStringLiteral("explanation"),
             role.trustPolicy.isValid() ? role.trustPolicy.explanation() : role.trustPolicy.errorString());
    return o;
}

QString trustCell(const RamRole& role)
{
    if (!role.trustPolicy.isValid())
        return QStringLiteral("?");
    QStringList parts = role.trustPolicy.trustedServices();
    for (const QString& account : role.trustPolicy.trustedAccounts())
        parts << QCoreApplication::translate("RolesListCommand", "account %1").arg(account);
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}
} // namespace

QString RolesListCommand::summary() const
{
    return tr("List the account's RAM roles and whom they trust.");
}

int RolesListCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    if (const auto code = parse(parser, inv))
        return *code;
    CliSession session(inv, parser, global);
    if (const auto code = session.openWithCredential())
        return *code;

    QList<RamRole> roles;
    const ApiError apiError = session.waitFor(&roles, [&](auto reply) { session.ram()->listRoles(reply); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot list the RAM roles"));
    // ListRoles leaves the trust policy out: read it with GetRole, all at once.
    int pending = 0;
    QStringList failures;
    session.wait([&](std::function<void()> done) {
        for (RamRole& role : roles) {
            if (!role.assumeRolePolicyDocument.isEmpty())
                continue;
            ++pending;
            session.ram()->getRole(role.roleName, [&, done](const RamRole& full, const ApiError& error) {
                if (error.isError())
                    failures << error.toString();
                else
                    role = full;
                if (--pending == 0)
                    done();
            });
        }
        if (pending == 0)
            done();
    });
    for (const QString& failure : std::as_const(failures))
        inv.err << tr("Warning: %1").arg(failure) << '\n';

    if (session.json()) {
        QJsonArray array;
        for (const RamRole& role : std::as_const(roles))
            array.append(checkedJson(role));
        inv.out << QString::fromUtf8(CliJson::toText(array));
        return CliExit::Ok;
    }
    TablePrinter table({tr("NAME"), tr("TRUSTS"), tr("USABLE FOR ENVIRONMENTS"), tr("ARN")});
    for (const RamRole& role : std::as_const(roles))
        table.addRow({role.roleName, trustCell(role), judge(role).isRefused() ? tr("no") : tr("yes"), role.arn});
    inv.out << table.toString();
    return CliExit::Ok;
}

QString RolesCheckCommand::summary() const
{
    return tr("Check whether a RAM role can be an environment's custom role, and why not.");
}

int RolesCheckCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("ARN"), tr("The role, acs:ram::<account-id>:role/<role-name>."));
    if (const auto code = parse(parser, inv, true))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        inv.err << tr("roles check needs exactly one role ARN.") << '\n' << helpText(parser);
        return CliExit::Usage;
    }
    const RoleArn arn = RoleArn::parse(parser.positionalArguments().constFirst());
    if (!arn.isValid()) {
        inv.err << arn.errorString() << '\n';
        return CliExit::Usage;
    }
    CliSession session(inv, parser, global);
    if (const auto code = session.openWithCredential())
        return *code;
    RamRole role;
    const ApiError apiError =
        session.waitFor(&role, [&](auto reply) { session.ram()->getRole(arn.roleName(), reply); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot read role %1").arg(arn.toString()));
    if (role.arn.isEmpty())
        role.arn = arn.toString();
    const QJsonObject result = checkedJson(role);
    const bool usable = result.value(QStringLiteral("usable")).toBool();
    if (session.json()) {
        inv.out << QString::fromUtf8(CliJson::toText(result));
    } else {
        inv.out << (usable ? tr("%1 can be an environment's custom role.")
                           : tr("%1 cannot be an environment's custom "
                                "role."))
                       .arg(role.arn)
                << '\n';
        for (const QJsonValue& reason : result.value(QStringLiteral("reasons")).toArray())
            inv.out << "  - " << reason.toString() << '\n';
        inv.out << result.value(QStringLiteral("explanation")).toString() << '\n';
    }
    return usable ? CliExit::Ok : CliExit::RefusedByPolicy;
}
