#include "EnvsCommands.h"

#include "CliJson.h"
#include "CliSession.h"
#include "JsonStream.h"
#include "TablePrinter.h"

#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"
#include "model/EnvironmentFilter.h"
#include "model/Exposure.h"
#include "model/VisibilityStore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// Appends the number as two digits (values 0-99).
void appendTwoDigits(QString& text, int value)
{
    text.append(QChar(char16_t(u'0' + value / 10)));
    text.append(QChar(char16_t(u'0' + value % 10)));
}

// time.toString("yyyy-MM-dd HH:mm") / ("HH:mm"), without the format parser for every row of a long table.
QString formatMinutes(const QDateTime& time, bool withDate)
{
    const QDate date = time.date();
    const QTime clock = time.time();
    if (withDate && (date.year() < 1000 || date.year() > 9999))
        return time.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text;
    text.reserve(16);
    if (withDate) {
        appendTwoDigits(text, date.year() / 100);
        appendTwoDigits(text, date.year() % 100);
        text.append(QLatin1Char('-'));
        appendTwoDigits(text, date.month());
        text.append(QLatin1Char('-'));
        appendTwoDigits(text, date.day());
        text.append(QLatin1Char(' '));
    }
    appendTwoDigits(text, clock.hour());
    text.append(QLatin1Char(':'));
    appendTwoDigits(text, clock.minute());
    return text;
}
} // namespace

QString EnvsOutput::localAndUtc(const QDateTime& time)
{
    return localAndUtc(time, QCoreApplication::translate("EnvsOutput", "%1 (%2 UTC)"));
}

QString EnvsOutput::localAndUtc(const QDateTime& time, const QString& pattern)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return pattern.arg(formatMinutes(time.toLocalTime(), true), formatMinutes(time.toUTC(), false));
}

void EnvsOutput::writeJson(QTextStream& out, const QList<Environment>& environments, const VisibilityStore& store)
{
    // Streamed: no QJsonObject per environment, no document, no UTF-16 round trip of the whole text; the bytes are
    // QJsonDocument's for the same objects (tests/cli/test_jsonstream.cpp).
    JsonStream::ArrayStream array(out);
    for (const Environment& e : environments) {
        const Visibility v = store.visibility(e.instanceId);
        array.addObject([&](JsonStream::ObjectWriter& o) { CliJson::environmentMembers(o, e, v, true); });
    }
    array.finish();
}

void EnvsOutput::resolveOwnerNames(CliSession& session, QList<Environment>* environments, QTextStream& err)
{
    OwnerDirectory owners(session.dataWorks());
    resolveOwnerNames(session, &owners, environments, err);
}

void EnvsOutput::resolveOwnerNames(CliSession& session, OwnerDirectory* owners, QList<Environment>* environments,
                                   QTextStream& err)
{
    // One ListProjectMembers listing per workspace (OwnerDirectory); where the caller may not list members the
    // owner stays an id and the reason goes to stderr (stdout stays the table or the JSON alone).
    QSet<qint64> seen;
    QList<qint64> projectIds;
    for (const Environment& e : std::as_const(*environments))
        if (!seen.contains(e.projectId)) {
            seen.insert(e.projectId);
            projectIds << e.projectId;
        }
    if (projectIds.isEmpty())
        return;
    session.wait([&](std::function<void()> done) { owners->resolve(projectIds, done); });
    owners->fill(environments);
    for (const QString& reason : owners->unavailableReasons())
        err << reason << '\n';
}

QString EnvsOutput::roleCell(const Environment& e)
{
    return e.role.displayText(RoleAssociation::TextForm::Cell);
}

QString EnvsOutput::internetCell(const Exposure& exposure)
{
    if (!exposure.isInternetReachable())
        return QStringLiteral("-");
    //: Marks an environment reachable from the internet, followed by its forwarded ports
    return QCoreApplication::translate("EnvsOutput", "yes (%1)")
        .arg(exposure.internetPortTexts().join(QStringLiteral(", ")));
}

QString EnvsListCommand::summary() const
{
    return tr("List individual development environments with their role and recorded visibility.");
}

int EnvsListCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    const QCommandLineOption project(QStringLiteral("project"), tr("Only this workspace (ProjectId or name)."),
                                     QStringLiteral("ID"));
    const QCommandLineOption owner(QStringLiteral("owner"),
                                   tr("Only environments of this owner (account id, or name when names can be "
                                      "listed)."),
                                   QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    tr("Only these statuses (comma-separated, e.g. Running)."), QStringLiteral("S"));
    const QCommandLineOption keyword(QStringLiteral("keyword"), tr("Instance id or name contains this text."),
                                     QStringLiteral("K"));
    const QCommandLineOption publicOnly(QStringLiteral("public"), tr("Only environments recorded as public."));
    const QCommandLineOption privateOnly(QStringLiteral("private"), tr("Only environments recorded as private."));
    const QCommandLineOption role(QStringLiteral("role"),
                                  tr("Only environments with this kind of role: default, "
                                     "custom, none."),
                                  QStringLiteral("KIND"));
    const QCommandLineOption internetOnly(
        QStringLiteral("internet"),
        tr("Only environments the API reports as reachable from the internet (an enabled internet port forwarding)."));
    parser.addOptions({project, owner, status, keyword, publicOnly, privateOnly, role, internetOnly});
    if (const auto code = parse(parser, inv))
        return *code;

    EnvironmentFilter filter;
    ServerIdeFilter serverFilter;
    filter.project = parser.value(project).trimmed();
    bool numeric = false;
    const qint64 projectId = filter.project.toLongLong(&numeric);
    if (numeric)
        serverFilter.projectId = projectId;
    filter.ownerId = parser.value(owner).trimmed();
    // An account id goes to the service (RelatedUserId); a name is matched here once owners are resolved.
    bool ownerIsId = false;
    filter.ownerId.toULongLong(&ownerIsId);
    if (ownerIsId)
        serverFilter.relatedUserId = filter.ownerId;
    filter.keyword = parser.value(keyword).trimmed();
    serverFilter.keyword = filter.keyword;
    QString error;
    if (parser.isSet(status) && !EnvironmentFilter::parseStatuses(parser.value(status), &filter.statuses, &error)) {
        inv.err << error << '\n';
        return CliExit::Usage;
    }
    if (parser.isSet(publicOnly) && parser.isSet(privateOnly)) {
        inv.err << tr("--public and --private exclude each other.") << '\n';
        return CliExit::Usage;
    }
    if (parser.isSet(publicOnly))
        filter.visibility = Visibility::Public;
    if (parser.isSet(privateOnly))
        filter.visibility = Visibility::Private;
    if (parser.isSet(role)) {
        RoleAssociation::Kind kind;
        if (!RoleAssociation::kindFromString(parser.value(role), &kind)) {
            inv.err << tr("--role takes default, custom or none.") << '\n';
            return CliExit::Usage;
        }
        filter.roleKind = kind;
    }
    if (parser.isSet(internetOnly))
        filter.internet = true;

    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    VisibilityStore store(session.visibilityFilePath(), &session.clock());
    if (const auto code = session.loadVisibility(&store))
        return *code;
    if (const auto code = session.fetchCredential())
        return *code;

    // PageSize 100 (the GUI's): half the round trips of the default 50; the pages in flight adapt to the answers.
    ServerIdeListing::Options listingOptions;
    listingOptions.pageSize = 100;
    ServerIdeListing* listing = session.dataWorks()->listServerIdeInstances(serverFilter, listingOptions);
    // Owner names are asked for while the listing runs, as each workspace first appears in a page (its round trips
    // hidden behind the listing's, not added after it).
    OwnerDirectory owners(session.dataWorks());
    QSet<qint64> asked;
    QObject::connect(listing, &ServerIdeListing::pageLoaded, &owners,
                     [&owners, &asked](int, const QList<Environment>& page) {
                         QList<qint64> ids;
                         for (const Environment& e : page)
                             if (!asked.contains(e.projectId)) {
                                 asked.insert(e.projectId);
                                 ids << e.projectId;
                             }
                         if (!ids.isEmpty())
                             owners.resolve(ids, {});
                     });
    session.wait([listing](std::function<void()> done) {
        QObject::connect(listing, &ServerIdeListing::finished, listing, done);
        QObject::connect(listing, &ServerIdeListing::failed, listing, done);
    });
    if (listing->error().isError()) {
        listing->deleteLater();
        return session.reportApiError(listing->error(), tr("Cannot list the environments"));
    }

    // The listing goes now (its signals have all been delivered): the list is then held only here, so filling in
    // owner names and filtering in place never copy the 10,000 environments.
    QList<Environment> environments = listing->environments();
    delete listing;
    EnvsOutput::resolveOwnerNames(session, &owners, &environments, inv.err);
    if (!filter.isEmpty())
        environments.removeIf(
            [&filter, &store](const Environment& e) { return !filter.matches(e, store.visibility(e.instanceId)); });
    if (session.json()) {
        EnvsOutput::writeJson(inv.out, environments, store);
        return CliExit::Ok;
    }
    TablePrinter table({tr("ID"), tr("NAME"), tr("STATUS"), tr("WORKSPACE"), tr("OWNER"), tr("VISIBILITY"), tr("ROLE"),
                        tr("UPDATED"), tr("INTERNET")});
    int publicWithRole = 0;
    const QString timePattern = QCoreApplication::translate("EnvsOutput", "%1 (%2 UTC)");
    int internetWithRole = 0;
    for (const Environment& e : environments) {
        const Visibility v = store.visibility(e.instanceId);
        const Exposure x = Exposure::of(e, v);
        if (x.isPublicWithRole())
            ++publicWithRole;
        if (x.isInternetReachableWithRole())
            ++internetWithRole;
        table.addRow({e.instanceId, e.instanceName, e.statusDisplayText(),
                      e.projectName.isEmpty() ? QString::number(e.projectId) : e.projectName,
                      e.ownerName.isEmpty() ? e.ownerId : e.ownerName, Visibilities::displayName(v),
                      EnvsOutput::roleCell(e), EnvsOutput::localAndUtc(e.updateTime, timePattern),
                      EnvsOutput::internetCell(x)});
    }
    inv.out << table.toString();
    inv.out << tr("%n environment(s).", nullptr, int(environments.size()));
    if (publicWithRole > 0)
        inv.out << ' '
                << tr("%n public environment(s) have a role: anyone in the workspace can use it.", nullptr,
                      publicWithRole);
    if (internetWithRole > 0)
        inv.out << ' ' << tr("%n environment(s) reachable from the internet have a role.", nullptr, internetWithRole);
    inv.out << '\n';
    return CliExit::Ok;
}

QString EnvsShowCommand::summary() const
{
    return tr("Show one individual development environment.");
}

int EnvsShowCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The environment's instance id."));
    if (const auto code = parse(parser, inv, true))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        inv.err << tr("envs show needs exactly one instance id.") << '\n' << helpText(parser);
        return CliExit::Usage;
    }
    const QString id = parser.positionalArguments().constFirst();
    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    VisibilityStore store(session.visibilityFilePath(), &session.clock());
    if (const auto code = session.loadVisibility(&store))
        return *code;
    if (const auto code = session.fetchCredential())
        return *code;

    Environment env;
    const ApiError apiError =
        session.waitFor(&env, [&](auto reply) { session.dataWorks()->getServerIdeInstance(id, reply); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot read environment %1").arg(id));
    {
        QList<Environment> one{env};
        EnvsOutput::resolveOwnerNames(session, &one, inv.err);
        env = one.constFirst();
    }
    const Visibility v = store.visibility(env.instanceId);
    if (session.json()) {
        inv.out << QString::fromUtf8(CliJson::toText(CliJson::listedEnvironment(env, v)));
        return CliExit::Ok;
    }
    TablePrinter table({tr("FIELD"), tr("VALUE")});
    table.addRow({tr("Instance id"), env.instanceId});
    table.addRow({tr("Name"), env.instanceName});
    table.addRow({tr("Status"), env.statusDisplayText()});
    table.addRow({tr("Workspace"), QStringLiteral("%1 (%2)").arg(env.projectName).arg(env.projectId)});
    table.addRow(
        {tr("Owner"), env.ownerName.isEmpty() ? env.ownerId : tr("%1 (account %2)").arg(env.ownerName, env.ownerId)});
    table.addRow({tr("Visibility"), Visibilities::displayName(v) + QLatin1Char(' ') + tr("(recorded by admins)")});
    table.addRow({tr("Role"), env.role.displayText()});
    table.addRow({tr("Updated"), EnvsOutput::localAndUtc(env.updateTime)});
    const Exposure x = Exposure::of(env, v);
    table.addRow({tr("Internet"), x.summary()});
    for (const QString& line : x.forwardDescriptions())
        table.addRow({tr("Forwarded port"), line});
    inv.out << table.toString();
    if (x.isPublicWithRole())
        inv.out << tr("Warning: this environment is public and has a role: anyone in the workspace can use the role's "
                      "credentials.")
                << '\n';
    if (x.isInternetReachableWithRole())
        inv.out << tr("Warning: this environment is reachable from the internet and has a role: anyone who gets in "
                      "can use the role's credentials.")
                << '\n';
    return CliExit::Ok;
}
