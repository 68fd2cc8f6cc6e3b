#include "VisibilityCommands.h"

#include "CliJson.h"

#include "model/VisibilityStore.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
QString storePath(const CliContext& context)
{
    return context.visibilityFilePath.isEmpty() ? VisibilityStore::defaultFilePath() : context.visibilityFilePath;
}

bool loadStore(VisibilityStore& store, const CliInvocation& inv)
{
    QString error;
    if (store.load(&error))
        return true;
    inv.err << QCoreApplication::translate("VisibilitySetCommand", "Cannot read RoleDesk's visibility records %1: %2")
                   .arg(store.filePath(), error)
            << '\n';
    return false;
}

bool saveStore(VisibilityStore& store, const CliInvocation& inv)
{
    QString error;
    if (store.save(&error))
        return true;
    inv.err << QCoreApplication::translate("VisibilitySetCommand", "Cannot save RoleDesk's visibility records %1: %2")
                   .arg(store.filePath(), error)
            << '\n';
    return false;
}
} // namespace

QString visibilityRecorder(const CliContext& context)
{
    QString user = context.credentials.environment.value(QStringLiteral("USER"));
    if (user.isEmpty())
        user = context.credentials.environment.value(QStringLiteral("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QString VisibilitySetCommand::summary() const
{
    return tr("Record whether an environment is public or private in its workspace.");
}

int VisibilitySetCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The environment's instance id."));
    parser.addPositionalArgument(QStringLiteral("public|private"),
                                 tr("Its visibility (\"unknown\" removes the record)."));
    if (const auto code = parse(parser, inv, true))
        return *code;
    const QStringList args = parser.positionalArguments();
    Visibility visibility = Visibility::Unknown;
    if (args.size() != 2 || args.at(0).trimmed().isEmpty() || !Visibilities::fromString(args.at(1), &visibility)) {
        inv.err << tr("Usage: roledesk-cli visibility set ID public|private") << '\n';
        return CliExit::Usage;
    }
    const QString id = args.at(0).trimmed();
    VisibilityStore store(storePath(inv.context), inv.context.credentials.clock);
    if (!loadStore(store, inv))
        return CliExit::Failure;
    store.set(id, visibility, visibilityRecorder(inv.context));
    if (!saveStore(store, inv))
        return CliExit::Failure;
    const auto record = store.record(id);
    if (parser.isSet(json)) {
        QJsonObject o;
        o.insert(QStringLiteral("instanceId"), id);
        o.insert(QStringLiteral("visibility"), Visibilities::toString(visibility));
        o.insert(QStringLiteral("recordedBy"), record ? QJsonValue(record->recordedBy) : QJsonValue());
        o.insert(QStringLiteral("recordedAt"), record ? CliJson::isoUtc(record->recordedAt) : QJsonValue());
        inv.out << QString::fromUtf8(CliJson::toText(o));
    } else {
        inv.out << tr("Environment %1 recorded as %2.").arg(id, Visibilities::displayName(visibility)) << '\n';
    }
    return CliExit::Ok;
}

QString VisibilityImportCommand::summary() const
{
    return tr("Import public/private records from a JSON (as the sandbox writes it) or CSV file.");
}

int VisibilityImportCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A .json or .csv file."));
    if (const auto code = parse(parser, inv, true))
        return *code;
    if (parser.positionalArguments().size() != 1) {
        inv.err << tr("Usage: roledesk-cli visibility import FILE") << '\n';
        return CliExit::Usage;
    }
    const QString file = parser.positionalArguments().constFirst();
    if (!QFileInfo(file).isFile()) {
        inv.err << tr("Cannot import %1: no such file.").arg(file) << '\n';
        return CliExit::Failure;
    }
    VisibilityStore store(storePath(inv.context), inv.context.credentials.clock);
    if (!loadStore(store, inv))
        return CliExit::Failure;
    const VisibilityImportResult result = store.importFile(file, visibilityRecorder(inv.context));
    if (!result.ok) {
        inv.err << tr("Nothing was imported: %1 has errors. Fix them and import again:").arg(file) << '\n';
        for (const QString& error : result.errors)
            inv.err << "  " << error << '\n';
        return CliExit::Failure;
    }
    if (!saveStore(store, inv))
        return CliExit::Failure;
    if (parser.isSet(json)) {
        inv.out << QString::fromUtf8(CliJson::toText(QJsonObject{{QStringLiteral("file"), file},
                                                                 {QStringLiteral("entries"), result.entries},
                                                                 {QStringLiteral("changed"), result.changed}}));
    } else {
        inv.out << tr("Imported %1: %2 entries, %3 changed.").arg(file).arg(result.entries).arg(result.changed) << '\n';
    }
    return CliExit::Ok;
}
