#include "SandboxPopGateway.h"

#include "SandboxAuth.h"
#include "signing/Signing.h"
#include "util/Bytes.h"
#include "util/Logging.h"
#include "util/Redaction.h"

using namespace Qt::StringLiterals;

SandboxPopGateway::SandboxPopGateway(SandboxShared& shared, SandboxAuth& auth)
    : SandboxPathService(shared)
    , m_auth(auth)
{}

void SandboxPopGateway::addService(SandboxPopService* service)
{
    for (auto it = service->actions().cbegin(); it != service->actions().cend(); ++it) {
        Q_ASSERT(!m_targets.contains({it.key(), service->version()}));
        m_targets.insert({it.key(), service->version()}, Target{service, it.value()});
    }
}

SandboxResponse SandboxPopGateway::faultAnswer(Fault fault, const QString& requestId, const QString& host) const
{
    const SandboxPopContext ctx{requestId, host, {}};
    if (fault == Fault::Throttled)
        return SandboxPopService::popError(ctx, 429, u"Throttling.User"_s, faultMessage(fault));
    return SandboxPopService::popError(ctx, 503, u"ServiceUnavailable"_s, faultMessage(fault));
}

SandboxResponse SandboxPopGateway::handle(const SandboxRequest& request)
{
    const Signing::BytePairList query = Bytes::decodePairs(request.rawQuery, false);
    Signing::BytePairList all = query;
    Signing::BytePairList body;
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        body = Bytes::decodePairs(request.body, true);
    all += body;
    SandboxPopService::Params params;
    for (const auto& [k, v] : all)
        params.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    SandboxPopPlacement placement;
    for (const auto& pair : query)
        placement.query.append(QString::fromUtf8(pair.first));
    for (const auto& pair : body)
        placement.body.append(QString::fromUtf8(pair.first));

    SandboxPopContext ctx{newRequestId(), QString::fromLatin1(request.header("host")), {}};
    if (ctx.host.isEmpty())
        ctx.host = u"127.0.0.1"_s;
    QString action = QString::fromLatin1(request.header("x-acs-action"));
    if (action.isEmpty())
        action = params.value(u"Action"_s);
    QString version = QString::fromLatin1(request.header("x-acs-version"));
    if (version.isEmpty())
        version = params.value(u"Version"_s);
    if (action.isEmpty())
        return SandboxPopService::popError(
            ctx, 400, u"MissingParameter"_s,
            u"The input parameter \"Action\" that is mandatory for processing this request is not supplied."_s);
    const auto target = m_targets.constFind({action, version});
    if (target == m_targets.cend())
        return SandboxPopService::popError(ctx, 404, u"InvalidAction.NotFound"_s,
                                           u"Specified api is not found, please check your url and method."_s);
    SandboxPopService* service = target->service;
    const SandboxPopService::Action& entry = target->action;
    ctx.product = service->product();

    SandboxPrincipal principal;
    if (entry.access == SandboxPopService::Access::Anonymous)
        return entry.handler(SandboxPopCall{request, params, principal, ctx, placement});

    SandboxAuth::Failure failure;
    if (!m_auth.verifyPop(request, params, &principal, &failure))
        return SandboxPopService::popError(ctx, failure.status, failure.code, failure.message);

    placement.action = action;
    if (m_placements.size() >= kPlacementLogSize)
        m_placements.removeFirst();
    m_placements.append(placement);
    if (m_shared.strictPlacement) {
        const QString misplaced = service->misplacedParameter(placement);
        if (!misplaced.isEmpty())
            return SandboxPopService::popError(
                ctx, 400, u"MissingParameter"_s,
                u"The input parameter \"%1\" that is mandatory for processing this request is not "
                u"supplied where %2 expects it (the official SDK sends it in the %3)."_s.arg(
                    misplaced, action,
                    service->sdkQueryParameter(action, misplaced) ? u"query string"_s : u"form body"_s));
    }

    qCDebug(lcSandbox) << "POP" << action << "by" << Redaction::maskKeyId(principal.accessKeyId);
    if (entry.access == SandboxPopService::Access::Admin && !principal.admin)
        return SandboxPopService::popError(
            ctx, 403, u"NoPermission"_s,
            u"You are not authorized to do this action. You should be authorized by RAM."_s);
    return entry.handler(SandboxPopCall{request, params, principal, ctx, placement});
}
