#pragma once

#include "api/ApiClient.h"
#include "api/ListingPace.h"
#include "model/Environment.h"
#include "model/EnvironmentPageParser.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <optional>

// The filters of ListServerIdeInstances; unset members are not sent.
struct ServerIdeFilter
{
    std::optional<qint64> projectId;
    QString resourceGroupId;
    QString keyword;       // matches instance id or name
    QString relatedUserId; // owner account id
    QString subType;       // "PERSONAL_DEV" or "DATA_AGENT"

    StringPairList toParams() const;
};

// One ListServerIdeInstances listing in progress, all pages. Pages arrive incrementally (pageLoaded); with
// PageNumber paging the pages after the first are fetched concurrently (bounded) once TotalCount is known and
// environments() assembles them in page order. Exactly one of finished() / failed() ends it, unless cancel()
// is called first, after which nothing more is emitted. Owned by the DataWorksClient; deleteLater() it when done.
class ServerIdeListing : public QObject
{
    Q_OBJECT
public:
    enum class Paging
    {
        PageNumber, // PageNumber/PageSize with PagingInfo.TotalCount; pages 2..n concurrently
        NextToken,  // MaxResults/NextToken; necessarily one page after the other
    };
    struct Options
    {
        Paging paging = Paging::PageNumber;
        int pageSize = 50; // PageSize or MaxResults
        // Pages in flight at once (PageNumber paging): at most maxConcurrent. 12 is what ApiClient's read pools
        // open to one host over HTTP/1.1 (ApiClient::ReadPools x ConnectionsPerPool); more would only wait in a
        // queue.
        int maxConcurrent = ApiClient::ReadPools * ApiClient::ConnectionsPerPool;
        // Adapt the pages in flight and the request rate to the answers (ListingPace): start with
        // initialConcurrent, grow to maxConcurrent while answers come back unthrottled, halve and pace requests on
        // Throttling (ApiClient's retries, within its attempt bound, then repeat the throttled page). false: always
        // maxConcurrent, never paced.
        bool adaptive = true;
        int initialConcurrent = 4;
        // Keep the pages for environments(). A caller that takes each page from pageLoaded (the GUI's model) sets
        // this to false: the listing then holds no environments, and environments() stays empty.
        bool retainEnvironments = true;
        // Read pages with simdjson (EnvironmentPageParser, same values); false: Qt's QJsonDocument only (benchmarks
        // compare the two).
        bool fastJson = true;
    };

    // Complete (in page order, each InstanceId once) after finished(), when Options::retainEnvironments is set; the
    // pages are moved into it, never held twice.
    const QList<Environment>& environments() const { return m_result; }
    int loaded() const { return m_loaded; }
    int total() const { return m_total; } // -1 while unknown
    bool isFinished() const { return m_done; }
    const ApiError& error() const { return m_error; }
    // Largest number of page requests that were in flight at once (for tests and diagnostics).
    int peakInFlight() const { return m_peakInFlight; }
    // The adaptation so far (Options::adaptive): window, pacing, Throttling answers seen.
    const ListingPace& pace() const { return m_pace; }
    void cancel();
    ~ServerIdeListing() override; // cancels what is still in flight

signals:
    // pageNumber counts from 1 in request order (also with NextToken paging); emitted in arrival order. The texts that
    // repeat between environments (project, owner, status, image, VPC ...) share one copy across the whole listing.
    void pageLoaded(int pageNumber, const QList<Environment>& environments);
    void progress(int loaded, int total);
    void finished();
    void failed(const ApiError& error);

private:
    friend class DataWorksClient;
    ServerIdeListing(ApiClient* api, const ServerIdeFilter& filter, const Options& options, QObject* parent);
    void start();
    void requestPage(int pageNumber, const QString& nextToken);
    void onPage(int pageNumber, ApiReply* reply, std::optional<EnvironmentPageParser::Page>* fast);
    void pump();
    qint64 nowMs() const { return m_clock.elapsed(); }
    void logLimitChange(int before, const char* event, qint64 at, qint64 sentAt) const;
    void fail(const ApiError& error);
    void complete();

    ApiClient* m_api;
    ServerIdeFilter m_filter;
    Options m_options;
    QMap<int, QList<Environment>> m_pages; // only with Options::retainEnvironments
    QHash<int, quint64> m_readSequence;    // page number -> the order its answer arrived in (ListingMerge)
    quint64 m_pagesRead = 0;
    StringPool m_strings;
    QHash<int, ApiReply*> m_inFlight;
    QHash<int, qint64> m_sentAt; // when each page's current attempt was sent (m_clock)
    ListingPace m_pace;
    QElapsedTimer m_clock;
    QTimer* m_paceTimer = nullptr;
    QList<int> m_queue;
    QList<Environment> m_result;
    QStringList m_seenTokens;
    int m_loaded = 0;
    int m_total = -1;
    int m_peakInFlight = 0;
    bool m_done = false;
    bool m_canceled = false;
    ApiError m_error;
};

// One GetServerIdeInstance answer: the environment and its whole CredentialConfig without UserInfo (what a write
// must keep; see CredentialConfigMapping::planWrite).
struct ServerIdeInstanceRecord
{
    Environment environment;
    QJsonObject credentialConfig;
};

// DataWorks OpenAPI 2024-05-18: workspaces and individual development environments (ServerIde instances).
class DataWorksClient : public QObject
{
    Q_OBJECT
public:
    static QString apiVersion() { return QStringLiteral("2024-05-18"); }

    explicit DataWorksClient(ApiClient* api, QObject* parent = nullptr);
    ApiClient* api() const { return m_api; }

    // ListProjects, every page (sequentially).
    void listProjects(ApiCallback<QList<Workspace>> done, int pageSize = 100);

    // ListProjectMembers of one workspace, every page (sequentially; PageSize at most 100). The caller needs a
    // permission in the workspace to list its members; without it the service refuses (an ApiError).
    void listProjectMembers(qint64 projectId, ApiCallback<QList<ProjectMember>> done, int pageSize = 100);

    // ListServerIdeInstances, every page. Starts on the next event-loop turn: connect to the listing first.
    ServerIdeListing* listServerIdeInstances(const ServerIdeFilter& filter = {},
                                             const ServerIdeListing::Options& options = {});

    void getServerIdeInstance(const QString& instanceId, ApiCallback<Environment> done);

    // The same read with the CredentialConfig kept (UserInfo removed): what RoleChange works from.
    void readServerIdeInstance(const QString& instanceId, ApiCallback<ServerIdeInstanceRecord> done);

    // UpdateServerIdeInstance with only CredentialConfig (the whole object, serialised as the SDK does; other
    // settings are kept by the service). Answers the RequestId. A write: never retried once it may have reached the
    // server. Role changes go through RoleChange, which plans the config so nothing is lost.
    void updateCredentialConfig(const QString& instanceId, const QJsonObject& credentialConfig,
                                ApiCallback<QString> done);
    // Any UpdateServerIdeInstance parameters (nested objects as JSON strings), for completeness.
    void updateServerIdeInstance(const QString& instanceId, const StringPairList& params, ApiDoneCallback done);

    // Create answers the new InstanceId. extra: optional parameters (Cu, ImageId, CredentialConfig, ...).
    void createServerIdeInstance(qint64 projectId, const QString& resourceGroupId, const QString& instanceName,
                                 const StringPairList& extra, ApiCallback<QString> done);
    void startServerIdeInstance(const QString& instanceId, ApiDoneCallback done);
    void stopServerIdeInstance(const QString& instanceId, ApiDoneCallback done);
    void deleteServerIdeInstance(const QString& instanceId, ApiDoneCallback done);

private:
    void simpleWrite(const QString& action, const QString& instanceId, ApiDoneCallback done);
    void listProjectsPage(int pageNumber, int pageSize, QList<Workspace> soFar, ApiCallback<QList<Workspace>> done);
    void listProjectMembersPage(qint64 projectId, int pageNumber, int pageSize, QList<ProjectMember> soFar,
                                ApiCallback<QList<ProjectMember>> done);

    ApiClient* m_api;
};
