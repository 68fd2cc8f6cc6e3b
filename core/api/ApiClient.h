#pragma once

#include "api/ApiError.h"
#include "api/Endpoints.h"
#include "credentials/Credential.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <functional>

class Clock;
class QNetworkAccessManager;

class QTimer;

// Returns the credential to sign with, as a whole, at the moment a request (or a retry) is sent. Works with a
// static key (capture it) and with refreshing sources: [source] { return source->usableCredential(); }
// (CredentialSource). A null Credential ends the call with ApiError::Kind::NoCredential.
using CredentialGetter = std::function<Credential()>;

using StringPairList = QList<QPair<QString, QString>>;

// One API call as the services describe it; ApiClient turns it into signed HTTP requests.
struct ApiRequest
{
    enum class Signature
    {
        V3,    // ACS3-HMAC-SHA256, POST /, form body (DataWorks 2024-05-18, STS, RAM)
        RpcV1, // HMAC-SHA1 RPC signature, POST /, every parameter in the form body (compatibility path)
        Odps,  // MaxCompute REST: method + path + query, ODPS signature, XML answers
    };

    ApiService service = ApiService::DataWorks;
    QString action;  // POP action; for MaxCompute a label used in logs and errors ("ListTables")
    QString version; // POP API version, e.g. "2024-05-18"
    // POP parameters that travel in the form body, flat; nested objects already serialised as JSON strings.
    StringPairList params;
    // Safe to repeat (a read): retried on throttling, 5xx, time-outs and network errors. Writes are retried only
    // when the request provably never reached the server (connection refused, host not found).
    bool idempotent = false;
    Signature signature = Signature::V3;
    QString region; // empty: the Endpoints' region
    // Parameters that travel in the query string (decoded). POP (V3 and RPC V1): the parameters the official SDK
    // places in the query (for DataWorks 2024-05-18, InstanceId of Update/Start/Stop/DeleteServerIdeInstance);
    // signed like the body. Odps: the resource's query.
    StringPairList query;
    // Odps only:
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // below the API root, decoded, e.g. "/projects/p/tables"
    // Optional, for large JSON answers: called with the body of a successful (2xx) JSON answer instead of
    // ApiClient's own QJsonDocument parse. Returning true means the body is a JSON object and *json is what
    // ApiReply::json() holds (RequestId included); returning false leaves the body to ApiClient's parse, so errors,
    // retries and logging stay as they are.
    std::function<bool(const QByteArray& body, QJsonObject* json)> parseJson;
    // Optional: called when an attempt will be retried, with its error, the attempt number and the back-off ApiClient
    // chose; returns the delay to use instead (ms, >= 0). A caller that paces its own requests (ServerIdeListing)
    // puts a throttled retry in its next free slot. The attempt bound is ApiClient's as always.
    std::function<int(const ApiError& error, int attempt, int proposedDelayMs)> retryDelay;
    // Optional: called when a retry's delay has passed, right before the attempt is sent, with its number; returns
    // a further delay (ms; 0 or less: send now). A paced listing moves a retry that the limit it has learnt since
    // no longer lets through at that time.
    std::function<int(int attempt)> beforeRetry;

    static ApiRequest pop(ApiService service, const QString& action, const QString& version,
                          const StringPairList& params, bool idempotent, const StringPairList& query = {});
};

// The result of one ApiRequest (all its attempts). Emits finished() exactly once, always asynchronously.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    const ApiRequest& request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && !m_error.isError(); }
    const ApiError& error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QString& requestId() const { return m_requestId; }
    // The answer body of the last attempt. May contain secrets (AssumeRole): never log it.
    const QByteArray& body() const { return m_body; }
    // The body parsed as a JSON object (POP answers); empty for XML answers.
    const QJsonObject& json() const { return m_json; }
    QByteArray rawHeader(const QByteArray& name) const;
    int attempts() const { return m_attempts; }
    // Stops the call; finished() follows with an ApiError of kind Canceled unless it already finished.
    void abort();

signals:
    void finished();
    // A failed attempt that will be retried after delayMs.
    void retrying(int attempt, int delayMs, const ApiError& reason);

private:
    friend class ApiClient;
    explicit ApiReply(const ApiRequest& request, QObject* parent);

    ApiRequest m_request;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    ApiError m_error;
    int m_httpStatus = 0;
    QString m_requestId;
    QByteArray m_body;
    QJsonObject m_json;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_attempts = 0;
    QStringList m_secrets; // of the credential used for the current attempt, to redact echoed messages
    QString m_maskedKeyId;
    QPointer<QNetworkReply> m_network;
    QTimer* m_timeout = nullptr;
    QTimer* m_backoff = nullptr;
};

// Signs and sends API requests, asynchronous only: reads on ReadPools QNetworkAccessManagers (Qt opens at most 6
// HTTP/1.1 connections to a host per manager; each read goes to the manager with the fewest requests in flight, so
// a paged listing can keep 12 pages in flight), writes on a manager of their own. Each attempt is signed with the
// credential the provider returns at that moment, with a fresh date and nonce.
class ApiClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool clockSkewDetected READ clockSkewDetected NOTIFY clockSkewChanged)
    Q_PROPERTY(qint64 clockSkewSeconds READ clockSkewSeconds NOTIFY clockSkewChanged)
public:
    struct Options
    {
        int timeoutMs = 30000;   // per attempt, from sending to the last byte of the answer
        int maxAttempts = 4;     // including the first
        int backoffBaseMs = 300; // first retry waits ~base, then 2x, 4x ... (with jitter: 50-100%)
        int backoffMaxMs = 10000;
        qint64 clockSkewThresholdSeconds = 300; // |server Date - local clock| above this is reported
        // An answer body larger than this (counted as the bytes arrive, whatever Content-Length or chunking
        // announce) aborts the attempt with a Parse error "ResponseTooLarge"; Qt reads no further ahead.
        qint64 maxResponseBytes = 64ll * 1024 * 1024;
    };

    ApiClient(Endpoints endpoints, CredentialGetter credentials, const Clock* clock = nullptr,
              QObject* parent = nullptr);
    ~ApiClient() override;

    const Options& options() const { return m_options; }
    void setOptions(const Options& options) { m_options = options; }
    const Endpoints& endpoints() const { return m_endpoints; }
    void setEndpoints(const Endpoints& endpoints) { m_endpoints = endpoints; }
    void setCredentialProvider(CredentialGetter provider) { m_credentials = std::move(provider); }
    const Clock* clock() const { return m_clock; }
    // The client has ReadPools + 1 managers: the first of the read pools is networkAccessManager(), the writes'
    // is writeNetworkAccessManager(). Anything set on one manager (a proxy, say) must be set on every one of them;
    // the application-wide QNetworkProxy and CaBundle's default TLS configuration already reach all of them.
    QNetworkAccessManager* networkAccessManager() const { return m_readNams.front(); }
    static constexpr int ReadPools = 2;
    static constexpr int ConnectionsPerPool = 6; // Qt's HTTP/1.1 connections per host and manager
    QNetworkAccessManager* writeNetworkAccessManager() const { return m_writeNam; }

    // Starts the call. The reply is a child of this client; delete it (deleteLater) after finished().
    ApiReply* send(const ApiRequest& request);
    // Starts the call and runs done(reply) when it finishes (on context's thread, not at all if context is gone);
    // the reply is deleted afterwards.
    void call(const ApiRequest& request, QObject* context, std::function<void(ApiReply*)> done);

    // Set from the Date header of every answer: server time minus local time.
    bool clockSkewDetected() const { return m_clockSkewDetected; }
    qint64 clockSkewSeconds() const { return m_clockSkewSeconds; }

    // "RoleDesk/<version> (<os>; <arch>) Qt/<version>"
    static QByteArray userAgent();
    // application/x-www-form-urlencoded with RFC 3986 encoding, in the given order.
    static QByteArray formEncode(const StringPairList& params);
    // RFC 1123 / RFC 850 / asctime HTTP dates; invalid on failure.
    static QDateTime parseHttpDate(const QByteArray& value);
    // What a non-2xx answer's body says (JSON Code/Message/RequestId/HostId, or MaxCompute's XML <Error>) into
    // *error (kind Service, with an explanation), every text the server chose redacted of `secrets` (the
    // credential's); an excerpt of the body (Redaction::bodyExcerpt) when it names neither a code nor a message.
    // The fuzz target apierror feeds it any body.
    static void readServiceError(const QByteArray& body, bool isXml, int httpStatus, const QStringList& secrets,
                                 ApiError* error);

signals:
    void clockSkewChanged();

private:
    friend class ApiReply;
    void startAttempt(ApiReply* reply);
    void onAttemptFinished(ApiReply* reply, QNetworkReply* network);
    void finish(ApiReply* reply, ApiError error);
    bool shouldRetry(const ApiReply* reply, const ApiError& error, QNetworkReply::NetworkError netError) const;
    int backoffDelayMs(int attempt, const QByteArray& retryAfter) const;
    void checkClockSkew(const QByteArray& dateHeader);
    ApiError baseError(const ApiReply* reply) const;

    Endpoints m_endpoints;
    CredentialGetter m_credentials;
    const Clock* m_clock;
    QList<QNetworkAccessManager*> m_readNams; // reads (keep-alive), ReadPools of them
    QHash<QNetworkAccessManager*, int> m_readsInFlight;
    QNetworkAccessManager* m_writeNam; // writes: one connection each, never re-sent by Qt
    Options m_options;
    bool m_clockSkewDetected = false;
    qint64 m_clockSkewSeconds = 0;
};

// The callback shape of the service clients: a value (default-constructed on error) and the error (kind None on
// success). Callbacks run on the service object's thread and are dropped if the service object is destroyed.
template<typename T>
using ApiCallback = std::function<void(const T& result, const ApiError& error)>;
using ApiDoneCallback = std::function<void(const ApiError& error)>;
