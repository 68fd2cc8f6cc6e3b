#include "SandboxConnection.h"

#include "Sandbox.h"
#include "credentials/CredentialProvider.h"
#include "model/VisibilityStore.h"

#include <QFileInfo>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

namespace SandboxConnection {

CloudProfile profile(const Sandbox& sandbox, const QString& label)
{
    CloudProfile profile;
    profile.kind = QStringLiteral("sandbox");
    profile.endpoints = Endpoints(sandbox.region());
    profile.endpoints.setEndpointOverride(sandbox.endpoint());
    profile.sandbox = true;
    profile.label = label;
    return profile;
}

Credential adminCredential(const Sandbox& sandbox, const QString& source)
{
    return Credential(sandbox.accessKeyId(), sandbox.accessKeySecret(), {}, {}, source);
}

CloudConnection* open(const Sandbox& sandbox, const QString& label, const QString& source, const Clock* clock,
                      QObject* parent, const CloudConnection::Options& options)
{
    return new CloudConnection(
        profile(sandbox, label),
        new StaticCredentialProvider(adminCredential(sandbox, source), QStringLiteral("sandbox")), clock, parent,
        options);
}

Result<int, QString> importVisibility(const Sandbox& sandbox, VisibilityStore* store, const QString& recordedBy)
{
    QTemporaryDir temp;
    const QString file = temp.filePath(QStringLiteral("sandbox-visibility.json"));
    QString error;
    if (!temp.isValid())
        return Failure(temp.errorString());
    if (!sandbox.writeVisibilityFile(file, &error))
        return Failure(error);
    const VisibilityImportResult imported = store->importFile(file, recordedBy);
    if (!imported.ok)
        return Failure(imported.errors.join(QLatin1Char(' ')));
    // The records are this sandbox's environments only: those of environments it does not have (a larger sandbox's,
    // `--environments 100000`) go, or every later start would read and rewrite them (19 MB after one such run, most
    // of a start's time). Written only when something changed.
    QSet<QString> ids;
    for (const auto& [id, isPublic] : sandbox.engine()->visibility())
        ids.insert(id);
    int dropped = 0;
    for (const VisibilityRecord& record : store->records()) {
        if (!ids.contains(record.instanceId)) {
            store->remove(record.instanceId);
            ++dropped;
        }
    }
    if ((imported.changed > 0 || dropped > 0 || !QFileInfo::exists(store->filePath())) && !store->save(&error))
        return Failure(error);
    return imported.changed;
}

} // namespace SandboxConnection
