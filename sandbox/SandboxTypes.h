#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The values the sandbox's transport, router and services pass around (SandboxEngine.h re-exports them).

// One HTTP request as the sandbox sees it (header names lower-cased, path decoded, query raw).
struct SandboxRequest
{
    QByteArray method = "GET";
    QByteArray path = "/";
    QByteArray rawQuery;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray& lowerName) const;
};

struct SandboxResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Type etc.; Date and Content-Length are added on write
    QByteArray body;
    int delayMs = 0; // the latency fault: the transport sends the answer this much later
};

// Faults for tests and demos, settable at any time from any thread (Sandbox::setFaults).
struct SandboxFaults
{
    enum Scope
    {
        Pop = 1,
        MaxCompute = 2,
        CredentialsService = 4,
        All = 7
    };
    int latencyMs = 0;                 // added to every answer in scope (a timer; the server never sleeps)
    int latencyJitterMs = 0;           // each answer's latency varies uniformly by up to this much either way (>= 0)
    double errorRate = 0.0;            // 0..1: share of requests answered with a 5xx error
    int throttleRequestsPerSecond = 0; // 0 = off; above it: Throttling.User (HTTP 429)
    // What one quota of throttleRequestsPerSecond counts: each API operation on its own (Alibaba Cloud's documented
    // model, the default), or every request in scope together (a stricter gateway; tests that need a write
    // throttled behind its own reads).
    bool throttleAllOperationsTogether = false;
    double malformedRate = 0.0;      // 0..1: share answered 200 with a truncated body
    QDateTime credentialsOutageFrom; // the credentials service answers 503 in [from, until) (clock time)
    QDateTime credentialsOutageUntil;
    int scope = All;
    quint32 randomSeed = 0; // picks which requests fail; 0 = the fixed default, so runs repeat

    bool operator==(const SandboxFaults&) const = default;
};

// A temporary credential as STS hands it out.
struct SandboxIssuedCredential
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken;
    qint64 expiresMs = 0;
    qint64 issuedMs = 0;
    QString roleName;
    QString sessionName;
    // The DataWorks default role acts with the environment owner's rights.
    bool defaultRole = false;
    QString ownerId;
    QString expirationText() const; // "YYYY-MM-DDTHH:MM:SSZ"
};

// Where the parameters of one POP request travelled (names only: values may be secrets).
struct SandboxPopPlacement
{
    QString action;
    QStringList query;
    QStringList body;
};

// An OAuth sign-in as `aliyun configure --mode OAuth` leaves it in a profile (SandboxOAuth).
struct SandboxOAuthSignIn
{
    QString accessToken;
    QString refreshToken;
    qint64 accessTokenExpire = 0; // Unix seconds
};
