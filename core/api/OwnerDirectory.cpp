#include "OwnerDirectory.h"

#include "api/DataWorksClient.h"

#include <QTimer>

namespace {
constexpr int kConcurrent = 4;
} // namespace

OwnerDirectory::OwnerDirectory(DataWorksClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{}

void OwnerDirectory::resolve(const QList<qint64>& projectIds, std::function<void()> done)
{
    for (const qint64 id : projectIds) {
        if (id <= 0 || m_workspaces.contains(id))
            continue;
        m_workspaces.insert(id, Members{});
        m_queue.append(id);
    }
    if (done)
        m_waiting.append(std::move(done));
    if (m_queue.isEmpty() && m_inFlight == 0) {
        // Nothing to ask: answer from the event loop, as the listings would.
        QTimer::singleShot(0, this, [this] {
            if (m_inFlight != 0 || !m_queue.isEmpty())
                return;
            const auto waiting = std::exchange(m_waiting, {});
            for (const auto& callback : waiting)
                callback();
        });
        return;
    }
    pump();
}

void OwnerDirectory::pump()
{
    while (m_inFlight < kConcurrent && !m_queue.isEmpty()) {
        const qint64 projectId = m_queue.takeFirst();
        ++m_inFlight;
        m_client->listProjectMembers(projectId,
                                     [this, projectId](const QList<ProjectMember>& members, const ApiError& error) {
                                         --m_inFlight;
                                         auto it = m_workspaces.find(projectId);
                                         if (it != m_workspaces.end()) { // clear() may have dropped it meanwhile
                                             it->pending = false;
                                             if (error.isError()) {
                                                 it->reason = reasonFor(projectId, error);
                                             } else {
                                                 for (const ProjectMember& m : members)
                                                     if (!m.userName.isEmpty())
                                                         it->names.insert(m.userId, m.userName);
                                             }
                                             Q_EMIT workspaceResolved(projectId);
                                         }
                                         pump();
                                         if (m_inFlight == 0 && m_queue.isEmpty()) {
                                             const auto waiting = std::exchange(m_waiting, {});
                                             for (const auto& callback : waiting)
                                                 callback();
                                         }
                                     });
    }
}

QString OwnerDirectory::reasonFor(qint64 projectId, const ApiError& error)
{
    const bool refused = error.httpStatus == 403 || error.code.contains(QLatin1String("Permission")) ||
                         error.code.contains(QLatin1String("Forbidden")) ||
                         error.code.contains(QLatin1String("NotAuthorized"));
    if (refused)
        return tr("Owner names of workspace %1 are not shown: these credentials may not list its members "
                  "(ListProjectMembers answered %2). Account ids are shown instead; a workspace administrator "
                  "can list members.")
            .arg(projectId)
            .arg(error.code.isEmpty() ? QString::number(error.httpStatus) : error.code);
    return tr("Owner names of workspace %1 are not shown: its members could not be listed (%2). Account ids are "
              "shown instead.")
        .arg(projectId)
        .arg(error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code);
}

QString OwnerDirectory::name(qint64 projectId, const QString& userId) const
{
    const auto it = m_workspaces.constFind(projectId);
    return it == m_workspaces.cend() ? QString() : it->names.value(userId);
}

QHash<QString, QString> OwnerDirectory::names() const
{
    QHash<QString, QString> all;
    for (const Members& m : m_workspaces)
        all.insert(m.names);
    return all;
}

QString OwnerDirectory::unavailableReason(qint64 projectId) const
{
    return m_workspaces.value(projectId).reason;
}

QStringList OwnerDirectory::unavailableReasons() const
{
    QList<qint64> ids = m_workspaces.keys();
    std::sort(ids.begin(), ids.end());
    QStringList reasons;
    for (const qint64 id : ids)
        if (!m_workspaces.value(id).reason.isEmpty())
            reasons << m_workspaces.value(id).reason;
    return reasons;
}

void OwnerDirectory::fill(QList<Environment>* environments) const
{
    for (Environment& e : *environments) {
        const QString n = name(e.projectId, e.ownerId);
        if (!n.isEmpty())
            e.ownerName = n;
    }
}

void OwnerDirectory::clear()
{
    m_workspaces.clear();
    m_queue.clear();
}
