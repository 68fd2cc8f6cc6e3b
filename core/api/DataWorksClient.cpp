#include "DataWorksClient.h"

#include "model/CredentialConfigMapping.h"
#include "model/EnvironmentPageParser.h"
#include "model/ListingMerge.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QTimer>

namespace {

// Where each parameter travels, as the official SDK sends it (dataworks-public 2024-05-18: the TypeScript SDK's
// client.ts request building and the Java async SDK's @Query/@Body annotations; shared/reference/dataworks-api.md,
// "Where each parameter travels"). The parameters listed here go in the query string, every other one in the form
// body. This is the one place that knows it.
bool travelsInQuery(const QString& action, const QString& name)
{
    static const QStringList instanceIdInQuery = {
        QStringLiteral("UpdateServerIdeInstance"), QStringLiteral("StartServerIdeInstance"),
        QStringLiteral("StopServerIdeInstance"), QStringLiteral("DeleteServerIdeInstance")};
    return name == QLatin1String("InstanceId") && instanceIdInQuery.contains(action);
}

ApiRequest dataWorks(const QString& action, const StringPairList& params, bool idempotent)
{
    StringPairList body;
    StringPairList query;
    for (const auto& pair : params)
        (travelsInQuery(action, pair.first) ? query : body).append(pair);
    return ApiRequest::pop(ApiService::DataWorks, action, DataWorksClient::apiVersion(), body, idempotent, query);
}

qint64 jsonInt(const QJsonValue& value, qint64 fallback)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    bool ok = false;
    const qint64 n = value.toString().toLongLong(&ok);
    return ok ? n : fallback;
}

} // namespace

StringPairList ServerIdeFilter::toParams() const
{
    StringPairList params;
    if (projectId)
        params.append({QStringLiteral("ProjectId"), QString::number(*projectId)});
    if (!resourceGroupId.isEmpty())
        params.append({QStringLiteral("ResourceGroupId"), resourceGroupId});
    if (!keyword.isEmpty())
        params.append({QStringLiteral("Keyword"), keyword});
    if (!relatedUserId.isEmpty())
        params.append({QStringLiteral("RelatedUserId"), relatedUserId});
    if (!subType.isEmpty())
        params.append({QStringLiteral("SubType"), subType});
    return params;
}

// ---- ServerIdeListing ----

ServerIdeListing::ServerIdeListing(ApiClient* api, const ServerIdeFilter& filter, const Options& options,
                                   QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_filter(filter)
    , m_options(options)
    , m_pace(options.adaptive ? options.initialConcurrent : options.maxConcurrent, options.maxConcurrent)
{
    m_options.pageSize = qMax(1, m_options.pageSize);
    m_options.maxConcurrent = qMax(1, m_options.maxConcurrent);
    m_clock.start();
}

ServerIdeListing::~ServerIdeListing()
{
    cancel();
}

void ServerIdeListing::start()
{
    if (m_canceled)
        return;
    requestPage(1, QString());
}

void ServerIdeListing::requestPage(int pageNumber, const QString& nextToken)
{
    StringPairList params = m_filter.toParams();
    if (m_options.paging == Paging::PageNumber) {
        params.append({QStringLiteral("PageNumber"), QString::number(pageNumber)});
        params.append({QStringLiteral("PageSize"), QString::number(m_options.pageSize)});
    } else {
        params.append({QStringLiteral("MaxResults"), QString::number(m_options.pageSize)});
        if (!nextToken.isEmpty())
            params.append({QStringLiteral("NextToken"), nextToken});
    }
    ApiRequest request = dataWorks(QStringLiteral("ListServerIdeInstances"), params, true);
    // The page is read with simdjson when ApiClient has the body (same values as the Qt path, which still reads
    // whatever the fast parser leaves to it); the environments wait in `fast` for onPage.
    auto fast = std::make_shared<std::optional<EnvironmentPageParser::Page>>();
    if (m_options.fastJson)
        request.parseJson = [self = QPointer<ServerIdeListing>(this), fast](const QByteArray& body, QJsonObject* json) {
            if (!self)
                return false;
            *fast = EnvironmentPageParser::parse(body, &self->m_strings);
            if (!fast->has_value())
                return false;
            *json = std::move((*fast)->answer);
            return true;
        };
    if (m_options.adaptive)
        // A retry is a request like any other for the pace: a throttled one goes in the next free slot (from the
        // second throttled attempt of the page on, not before ApiClient's own back-off either); any other retry
        // after ApiClient's back-off, and the failed attempt counts as let through (the service counted it).
        request.retryDelay = [self = QPointer<ServerIdeListing>(this), pageNumber](const ApiError& reason, int attempt,
                                                                                   int proposedDelayMs) {
            if (!self)
                return proposedDelayMs;
            const qint64 at = self->nowMs();
            const qint64 sentAt = self->m_sentAt.value(pageNumber, at);
            qint64 retryAt = at + proposedDelayMs;
            if (reason.isThrottling()) {
                const int limitBefore = self->m_pace.limitPerSecond();
                retryAt = self->m_pace.throttled(at, sentAt, attempt >= 2 ? at + proposedDelayMs : at);
                self->logLimitChange(limitBefore, "throttled", at, sentAt);
            } else {
                self->m_pace.answered(at, sentAt);
                self->m_pace.started(retryAt);
            }
            self->m_sentAt.insert(pageNumber, retryAt); // ApiClient sends the next attempt then
            return int(retryAt - at);
        };
    if (m_options.adaptive)
        // When the retry is due, the pace may have measured the limit again since it gave the slot (the first
        // measurement counts unanswered requests as let through and may come out high): take the slot it gives now.
        request.beforeRetry = [self = QPointer<ServerIdeListing>(this), pageNumber](int) {
            if (!self)
                return 0;
            const qint64 now = self->nowMs();
            const qint64 at = self->m_pace.due(self->m_sentAt.value(pageNumber, now), now);
            self->m_sentAt.insert(pageNumber, at);
            return int(at - now);
        };
    ApiReply* reply = m_api->send(request);
    m_inFlight.insert(pageNumber, reply);
    m_peakInFlight = qMax(m_peakInFlight, int(m_inFlight.size()));
    const qint64 now = nowMs();
    m_sentAt.insert(pageNumber, now);
    m_pace.started(now);
    connect(reply, &ApiReply::finished, this,
            [this, pageNumber, reply, fast] { onPage(pageNumber, reply, fast.get()); });
}

// The debug log's line for every change of the pace's limit (QT_LOGGING_RULES=roledesk.api.debug=true).
void ServerIdeListing::logLimitChange(int before, const char* event, qint64 at, qint64 sentAt) const
{
    if (m_pace.limitPerSecond() != before)
        qCDebug(lcApi).noquote() << "ListServerIdeInstances: pace limit" << before << "->" << m_pace.limitPerSecond()
                                 << "per second (" << event << "at" << at << "ms, sent at" << sentAt << "ms; window"
                                 << m_pace.window() << ")";
}

void ServerIdeListing::onPage(int pageNumber, ApiReply* reply, std::optional<EnvironmentPageParser::Page>* fast)
{
    reply->deleteLater();
    m_inFlight.remove(pageNumber);
    const qint64 sentAt = m_sentAt.take(pageNumber);
    if (m_canceled || m_done)
        return;
    if (reply->error().isError()) {
        fail(reply->error());
        return;
    }
    const int limitBefore = m_pace.limitPerSecond();
    const qint64 answeredAt = nowMs();
    m_pace.answered(answeredAt, sentAt);
    logLimitChange(limitBefore, "answered", answeredAt, sentAt);
    const QJsonObject answer = reply->json();
    const QJsonObject paging = answer.value(QLatin1String("PagingInfo")).toObject();
    // Environment parses instances without ever reading CredentialConfig...UserInfo (STS secrets).
    QList<Environment> environments;
    const bool parsedFast = fast->has_value();
    if (parsedFast) {
        environments = std::move((*fast)->environments);
        if (environments.isEmpty() && (*fast)->hasTopLevelInstances)
            environments = std::move((*fast)->topLevelInstances);
        fast->reset();
    } else {
        environments = Environment::listFromAnswer(answer, &m_strings);
    }
    if (!parsedFast && environments.isEmpty() && answer.value(QLatin1String("Instances")).isArray()) {
        const QJsonArray instances = answer.value(QLatin1String("Instances")).toArray();
        for (const QJsonValue& v : instances)
            environments << Environment::fromJson(v.toObject(), &m_strings);
    }
    const QJsonValue totalValue = paging.contains(QLatin1String("TotalCount"))
                                      ? paging.value(QLatin1String("TotalCount"))
                                      : answer.value(QLatin1String("TotalCount"));
    if (!totalValue.isUndefined() && !totalValue.isNull())
        m_total = int(jsonInt(totalValue, m_total));

    m_loaded += int(environments.size());
    const qsizetype pageLength = environments.size();
    // A receiver may delete this listing (deleteLater() and then a nested event loop that sends deferred deletes,
    // as QTest::qWait does; found by the whole suite under ASan: sandbox_rolechange, a heap-use-after-free here).
    const QPointer<ServerIdeListing> alive(this);
    if (m_options.retainEnvironments) {
        m_pages.insert(pageNumber, std::move(environments));
        m_readSequence.insert(pageNumber, ++m_pagesRead);
        emit pageLoaded(pageNumber, m_pages.value(pageNumber));
    } else {
        emit pageLoaded(pageNumber, environments);
    }
    if (!alive || m_canceled)
        return;
    emit progress(m_loaded, m_total);
    if (!alive || m_canceled)
        return;

    if (m_options.paging == Paging::PageNumber) {
        if (pageNumber == 1 && m_total > 0) {
            // The service may cap PageSize: count pages with the size it actually used.
            const int pageSize =
                int(qMax<qint64>(1, jsonInt(paging.value(QLatin1String("PageSize")), m_options.pageSize)));
            const int pages = (m_total + pageSize - 1) / pageSize;
            if (pageSize != m_options.pageSize)
                m_options.pageSize = pageSize;
            for (int p = 2; p <= pages; ++p)
                m_queue.append(p);
        } else if (m_total < 0 && pageLength >= m_options.pageSize && m_inFlight.isEmpty()) {
            // No TotalCount in the answer: walk on one page at a time until a short page.
            m_queue.append(pageNumber + 1);
        }
        pump();
    } else {
        const QString next = answer.value(QLatin1String("NextToken")).toString();
        // Stop on an empty token, an empty page, or a token seen before (a service loop would never end).
        if (!next.isEmpty() && pageLength > 0 && !m_seenTokens.contains(next)) {
            m_seenTokens << next;
            requestPage(pageNumber + 1, next);
            return;
        }
    }
    if (m_inFlight.isEmpty() && m_queue.isEmpty())
        complete();
}

void ServerIdeListing::pump()
{
    if (m_done || m_canceled)
        return;
    const int window = m_options.adaptive ? m_pace.window() : m_options.maxConcurrent;
    while (!m_queue.isEmpty() && m_inFlight.size() < window) {
        const qint64 now = nowMs();
        const qint64 wait = m_options.adaptive ? m_pace.nextStartMs(now) - now : 0;
        if (wait > 0) {
            // Paced after Throttling: come back when the next request may start.
            if (!m_paceTimer) {
                m_paceTimer = new QTimer(this);
                m_paceTimer->setSingleShot(true);
                m_paceTimer->setTimerType(Qt::PreciseTimer);
                connect(m_paceTimer, &QTimer::timeout, this, &ServerIdeListing::pump);
            }
            if (!m_paceTimer->isActive())
                m_paceTimer->start(int(qMin<qint64>(wait, 60000)));
            return;
        }
        requestPage(m_queue.takeFirst(), QString());
    }
}

void ServerIdeListing::fail(const ApiError& error)
{
    m_done = true;
    if (m_paceTimer)
        m_paceTimer->stop();
    m_error = error;
    m_queue.clear();
    const auto inFlight = m_inFlight;
    m_inFlight.clear();
    for (ApiReply* reply : inFlight) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    qCWarning(lcApi).noquote() << "ListServerIdeInstances stopped after" << m_loaded << "environments:" << error.code;
    emit failed(error);
}

void ServerIdeListing::complete()
{
    m_done = true;
    qCDebug(lcApi).noquote() << "ListServerIdeInstances: listing done," << m_loaded << "environments in"
                             << m_clock.elapsed() << "ms; peak" << m_peakInFlight << "in flight;"
                             << m_pace.throttleCount() << "throttled; limit" << m_pace.limitPerSecond()
                             << "per second, window" << m_pace.windowMs() << "ms";
    m_result.clear();
    if (m_options.retainEnvironments) {
        // Move the pages into the result, one after the other, so the environments are never held twice.
        qsizetype count = 0;
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            count += it.value().size();
        m_result.reserve(count);
        // Items shift between pages when environments are created meanwhile: each InstanceId once, at its first
        // place in page order, as the page read last has it (core's ListingMerge, the GUI's rule too).
        ListingMerge merge;
        merge.reserve(int(count));
        while (!m_pages.isEmpty()) {
            const int pageNumber = m_pages.firstKey();
            QList<Environment> page = m_pages.take(pageNumber);
            const quint64 read = m_readSequence.value(pageNumber);
            for (Environment& environment : page) {
                const ListingMerge::Placement at = merge.place(environment.instanceId, read);
                if (at.outcome == ListingMerge::Outcome::Added)
                    m_result.append(std::move(environment));
                else if (at.outcome == ListingMerge::Outcome::Replaces)
                    m_result[at.index] = std::move(environment);
            }
        }
        m_readSequence.clear();
    }
    if (m_total < 0)
        m_total = m_options.retainEnvironments ? int(m_result.size()) : m_loaded;
    emit finished();
}

void ServerIdeListing::cancel()
{
    if (m_done || m_canceled)
        return;
    m_canceled = true;
    m_queue.clear();
    if (m_paceTimer)
        m_paceTimer->stop();
    const auto inFlight = m_inFlight;
    m_inFlight.clear();
    for (ApiReply* reply : inFlight) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

// ---- DataWorksClient ----

DataWorksClient::DataWorksClient(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{}

void DataWorksClient::listProjects(ApiCallback<QList<Workspace>> done, int pageSize)
{
    listProjectsPage(1, qMax(1, pageSize), {}, std::move(done));
}

void DataWorksClient::listProjectsPage(int pageNumber, int pageSize, QList<Workspace> soFar,
                                       ApiCallback<QList<Workspace>> done)
{
    const StringPairList params = {{QStringLiteral("PageNumber"), QString::number(pageNumber)},
                                   {QStringLiteral("PageSize"), QString::number(pageSize)}};
    m_api->call(dataWorks(QStringLiteral("ListProjects"), params, true), this,
                [this, pageNumber, pageSize, soFar, done](ApiReply* reply) mutable {
                    if (reply->error().isError()) {
                        done({}, reply->error());
                        return;
                    }
                    const QJsonObject paging = reply->json().value(QLatin1String("PagingInfo")).toObject();
                    const QJsonArray projects = paging.value(QLatin1String("Projects")).toArray();
                    for (const QJsonValue& v : projects)
                        soFar << Workspace::fromJson(v.toObject());
                    const qint64 total = jsonInt(paging.value(QLatin1String("TotalCount")), 0);
                    if (!projects.isEmpty() && soFar.size() < total) {
                        listProjectsPage(pageNumber + 1, pageSize, soFar, done);
                        return;
                    }
                    done(soFar, {});
                });
}

void DataWorksClient::listProjectMembers(qint64 projectId, ApiCallback<QList<ProjectMember>> done, int pageSize)
{
    listProjectMembersPage(projectId, 1, qBound(1, pageSize, 100), {}, std::move(done));
}

void DataWorksClient::listProjectMembersPage(qint64 projectId, int pageNumber, int pageSize, QList<ProjectMember> soFar,
                                             ApiCallback<QList<ProjectMember>> done)
{
    // The SDK model's parameters (all in the form body); RoleCodes and UserIds (JSON arrays) are not needed here.
    const StringPairList params = {{QStringLiteral("PageNumber"), QString::number(pageNumber)},
                                   {QStringLiteral("PageSize"), QString::number(pageSize)},
                                   {QStringLiteral("ProjectId"), QString::number(projectId)}};
    m_api->call(dataWorks(QStringLiteral("ListProjectMembers"), params, true), this,
                [this, projectId, pageNumber, pageSize, soFar, done](ApiReply* reply) mutable {
                    if (reply->error().isError()) {
                        done({}, reply->error());
                        return;
                    }
                    const QJsonObject paging = reply->json().value(QLatin1String("PagingInfo")).toObject();
                    const QJsonArray members = paging.value(QLatin1String("ProjectMembers")).toArray();
                    for (const QJsonValue& v : members)
                        soFar << ProjectMember::fromJson(v.toObject());
                    const qint64 total = jsonInt(paging.value(QLatin1String("TotalCount")), 0);
                    if (!members.isEmpty() && soFar.size() < total) {
                        listProjectMembersPage(projectId, pageNumber + 1, pageSize, soFar, done);
                        return;
                    }
                    done(soFar, {});
                });
}

ServerIdeListing* DataWorksClient::listServerIdeInstances(const ServerIdeFilter& filter,
                                                          const ServerIdeListing::Options& options)
{
    auto* listing = new ServerIdeListing(m_api, filter, options, this);
    QTimer::singleShot(0, listing, &ServerIdeListing::start);
    return listing;
}

void DataWorksClient::getServerIdeInstance(const QString& instanceId, ApiCallback<Environment> done)
{
    readServerIdeInstance(instanceId, [done](const ServerIdeInstanceRecord& record, const ApiError& error) {
        done(record.environment, error);
    });
}

void DataWorksClient::readServerIdeInstance(const QString& instanceId, ApiCallback<ServerIdeInstanceRecord> done)
{
    m_api->call(
        dataWorks(QStringLiteral("GetServerIdeInstance"), {{QStringLiteral("InstanceId"), instanceId}}, true), this,
        [done](ApiReply* reply) {
            if (reply->error().isError()) {
                done({}, reply->error());
                return;
            }
            ServerIdeInstanceRecord record;
            record.environment = Environment::fromGetAnswer(reply->json());
            if (record.environment.isNull()) {
                ApiError error = reply->error();
                error.kind = ApiError::Kind::Parse;
                error.code = QStringLiteral("InvalidResponse");
                error.service = apiServiceName(ApiService::DataWorks);
                error.action = QStringLiteral("GetServerIdeInstance");
                error.requestId = reply->requestId();
                error.explanation = tr("The answer carries no instance. Check the instance ID and the region.");
                done({}, error);
                return;
            }
            record.credentialConfig = CredentialConfigMapping::withoutUserInfo(
                reply->json().value(QLatin1String("Instance")).toObject().value(QLatin1String("CredentialConfig")));
            done(record, {});
        });
}

void DataWorksClient::updateCredentialConfig(const QString& instanceId, const QJsonObject& credentialConfig,
                                             ApiCallback<QString> done)
{
    // Never send UserInfo (live STS secrets in answers) back, whatever the caller passes.
    const QJsonObject config = CredentialConfigMapping::withoutUserInfo(credentialConfig);
    m_api->call(dataWorks(QStringLiteral("UpdateServerIdeInstance"),
                          {{QStringLiteral("InstanceId"), instanceId},
                           {QStringLiteral("CredentialConfig"), CredentialConfigMapping::serialize(config)}},
                          false),
                this, [done](ApiReply* reply) { done(reply->requestId(), reply->error()); });
}

void DataWorksClient::updateServerIdeInstance(const QString& instanceId, const StringPairList& params,
                                              ApiDoneCallback done)
{
    StringPairList all = {{QStringLiteral("InstanceId"), instanceId}};
    all += params;
    m_api->call(dataWorks(QStringLiteral("UpdateServerIdeInstance"), all, false), this,
                [done](ApiReply* reply) { done(reply->error()); });
}

void DataWorksClient::createServerIdeInstance(qint64 projectId, const QString& resourceGroupId,
                                              const QString& instanceName, const StringPairList& extra,
                                              ApiCallback<QString> done)
{
    StringPairList params = {{QStringLiteral("ProjectId"), QString::number(projectId)},
                             {QStringLiteral("ResourceGroupId"), resourceGroupId},
                             {QStringLiteral("InstanceName"), instanceName}};
    params += extra;
    m_api->call(dataWorks(QStringLiteral("CreateServerIdeInstance"), params, false), this, [done](ApiReply* reply) {
        const QJsonValue id = reply->json().value(QLatin1String("InstanceId"));
        done(id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString(), reply->error());
    });
}

void DataWorksClient::simpleWrite(const QString& action, const QString& instanceId, ApiDoneCallback done)
{
    m_api->call(dataWorks(action, {{QStringLiteral("InstanceId"), instanceId}}, false), this,
                [done](ApiReply* reply) { done(reply->error()); });
}

void DataWorksClient::startServerIdeInstance(const QString& instanceId, ApiDoneCallback done)
{
    simpleWrite(QStringLiteral("StartServerIdeInstance"), instanceId, std::move(done));
}

void DataWorksClient::stopServerIdeInstance(const QString& instanceId, ApiDoneCallback done)
{
    simpleWrite(QStringLiteral("StopServerIdeInstance"), instanceId, std::move(done));
}

void DataWorksClient::deleteServerIdeInstance(const QString& instanceId, ApiDoneCallback done)
{
    simpleWrite(QStringLiteral("DeleteServerIdeInstance"), instanceId, std::move(done));
}
