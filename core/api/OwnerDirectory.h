#pragma once

#include "api/ApiError.h"
#include "model/Environment.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class DataWorksClient;

// Owner names instead of 18-digit account ids: the one place that resolves them, for the GUI and the CLI. One
// ListProjectMembers listing per workspace, remembered until clear() (a refusal too, so a caller that may not list
// members is asked once per workspace, not once per environment). Where names cannot be listed the owner stays an
// id, and unavailableReason() says why in plain words.
class OwnerDirectory : public QObject
{
    Q_OBJECT
public:
    explicit OwnerDirectory(DataWorksClient* client, QObject* parent = nullptr);

    // Lists the members of each workspace not asked yet (at most `concurrent` listings at a time); `done` is called
    // (from the event loop) once every one of them has answered. Workspaces already known answer at once.
    void resolve(const QList<qint64>& projectIds, std::function<void()> done = {});

    bool isKnown(qint64 projectId) const { return m_workspaces.contains(projectId); }
    // The member's name in that workspace; empty when unknown (not listed, refused, or no name in the answer).
    QString name(qint64 projectId, const QString& userId) const;
    // Every resolved id -> name, over all workspaces.
    QHash<QString, QString> names() const;
    // Plain words when the workspace's members could not be listed ("RoleDesk may not list the members of
    // workspace 10001 ..."); empty when they were (or were not asked yet).
    QString unavailableReason(qint64 projectId) const;
    // The reasons of every workspace asked, once each, for a front end's one-line notice.
    QStringList unavailableReasons() const;
    // Sets Environment::ownerName from what is known.
    void fill(QList<Environment>* environments) const;
    void clear();

    // The plain-words reason for a failed listing (exposed for tests).
    static QString reasonFor(qint64 projectId, const ApiError& error);

signals:
    // One workspace answered (names or a refusal).
    void workspaceResolved(qint64 projectId);

private:
    struct Members
    {
        QHash<QString, QString> names;
        QString reason;
        bool pending = true;
    };
    void pump();

    DataWorksClient* m_client;
    QHash<qint64, Members> m_workspaces;
    QList<qint64> m_queue;
    int m_inFlight = 0;
    QList<std::function<void()>> m_waiting;
};
