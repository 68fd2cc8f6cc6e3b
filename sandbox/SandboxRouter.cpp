#include "SandboxRouter.h"

#include "SandboxService.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

void SandboxRouter::addPath(const QByteArray& path, SandboxPathService* service, int faultScope)
{
    m_entries.append(Entry{path, false, Route{service, faultScope}});
}

void SandboxRouter::addPrefix(const QByteArray& prefix, SandboxPathService* service, int faultScope)
{
    m_entries.append(Entry{prefix, true, Route{service, faultScope}});
}

SandboxRouter::Route SandboxRouter::route(const QByteArray& path) const
{
    for (const Entry& e : m_entries)
        if (e.prefix ? path.startsWith(e.path) : path == e.path)
            return e.route;
    return {};
}

SandboxResponse SandboxRouter::notFound(const QString& requestId)
{
    return SandboxService::jsonResponse(
        404, QJsonObject{{u"Code"_s, u"NotFound"_s},
                         {u"Message"_s, u"The sandbox serves POP APIs at /, MaxCompute at /api "
                                        u"and credentials at /envs/<id>/credentials/<token>."_s},
                         {u"RequestId"_s, requestId}});
}
