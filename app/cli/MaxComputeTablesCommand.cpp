#include "MaxComputeTablesCommand.h"

#include "CliJson.h"
#include "CliSession.h"
#include "TablePrinter.h"

#include "api/MaxComputeClient.h"

#include <QCoreApplication>
#include <QJsonArray>

QString MaxComputeTablesCommand::summary() const
{
    return tr("List the tables of a MaxCompute project with the chosen credential.");
}

int MaxComputeTablesCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    GlobalOptions global;
    global.addTo(parser);
    const QCommandLineOption project(QStringLiteral("project"), tr("The MaxCompute project."), QStringLiteral("P"));
    const QCommandLineOption endpoint(QStringLiteral("maxcompute-endpoint"),
                                      tr("The MaxCompute API root, e.g. "
                                         "https://service.cn-hangzhou.maxcompute.aliyun.com/api."),
                                      QStringLiteral("URL"));
    const QCommandLineOption prefix(QStringLiteral("prefix"), tr("Only tables whose name starts with this."),
                                    QStringLiteral("NAME"));
    parser.addOptions({project, endpoint, prefix});
    if (const auto code = parse(parser, inv))
        return *code;
    if (parser.value(project).trimmed().isEmpty()) {
        inv.err << tr("maxcompute tables needs --project P.") << '\n';
        return CliExit::Usage;
    }
    CliSession session(inv, parser, global);
    if (const auto code = session.open())
        return *code;
    if (parser.isSet(endpoint)) {
        const QUrl url(parser.value(endpoint));
        if (!url.isValid() || url.host().isEmpty()) {
            inv.err << tr("--maxcompute-endpoint needs a URL such as "
                          "https://service.cn-hangzhou.maxcompute.aliyun.com/api.")
                    << '\n';
            return CliExit::Usage;
        }
        session.endpoints().setServiceOverride(ApiService::MaxCompute, url);
    }
    if (const auto code = session.fetchCredential())
        return *code;
    QList<MaxComputeTable> tables;
    const QString name = parser.value(project).trimmed();
    const ApiError apiError = session.waitFor(
        &tables, [&](auto reply) { session.maxCompute()->listTables(name, reply, parser.value(prefix)); });
    if (apiError.isError())
        return session.reportApiError(apiError, tr("Cannot list the tables of MaxCompute project %1").arg(name));
    if (session.json()) {
        QJsonArray array;
        for (const MaxComputeTable& t : std::as_const(tables))
            array.append(QJsonObject{{QStringLiteral("name"), t.name},
                                     {QStringLiteral("tableId"), t.tableId},
                                     {QStringLiteral("owner"), t.owner},
                                     {QStringLiteral("comment"), t.comment},
                                     {QStringLiteral("creationTime"), CliJson::isoUtc(t.creationTime)},
                                     {QStringLiteral("lastModifiedTime"), CliJson::isoUtc(t.lastModifiedTime)}});
        inv.out << QString::fromUtf8(CliJson::toText(array));
        return CliExit::Ok;
    }
    TablePrinter table({tr("TABLE"), tr("OWNER"), tr("MODIFIED"), tr("COMMENT")});
    for (const MaxComputeTable& t : std::as_const(tables))
        table.addRow({t.name, t.owner,
                      t.lastModifiedTime.isValid()
                          ? t.lastModifiedTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QString(),
                      t.comment});
    inv.out << table.toString();
    inv.out << tr("%1 table(s) in %2.").arg(tables.size()).arg(name) << '\n';
    return CliExit::Ok;
}
