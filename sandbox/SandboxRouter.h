#pragma once

#include "SandboxTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

class SandboxPathService;

// Maps a request's path to the service that answers it, with the fault scope (SandboxFaults::Scope) it belongs to:
// "/" the POP gateway (which routes on to DataWorks, STS and RAM by action and version), "/api" MaxCompute, "/envs/"
// the credentials service, "/cloud-credentials" CloudSSO, "/v1/token" and "/v1/exchange" OAuth. The first matching
// route wins; a path no route takes gets notFound().
class SandboxRouter
{
public:
    struct Route
    {
        SandboxPathService* service = nullptr;
        int faultScope = 0; // 0: the fault knobs never touch it
    };

    void addPath(const QByteArray& path, SandboxPathService* service, int faultScope = 0);
    void addPrefix(const QByteArray& prefix, SandboxPathService* service, int faultScope = 0);
    Route route(const QByteArray& path) const;
    static SandboxResponse notFound(const QString& requestId);

private:
    struct Entry
    {
        QByteArray path;
        bool prefix = false;
        Route route;
    };
    QList<Entry> m_entries;
};
