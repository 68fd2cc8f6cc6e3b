#pragma once

#include "SandboxShared.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>

// The common base of the simulated services (one class per service: SandboxDataWorks, SandboxSts, SandboxRam,
// SandboxMaxCompute, SandboxCredentialsService, SandboxCloudSso, SandboxOAuth) and the helpers they share. Every
// member runs with SandboxEngine's mutex held.
class SandboxService
{
public:
    explicit SandboxService(SandboxShared& shared);
    virtual ~SandboxService();
    SandboxService(const SandboxService&) = delete;
    SandboxService& operator=(const SandboxService&) = delete;

    // A JSON answer with the JSON content type.
    static SandboxResponse jsonResponse(int status, const QJsonObject& body);
    // "8F3C...-..." as the POP services write request ids.
    static QString newRequestId();
    // The integer parameter `name`, or fallback when absent or empty; clears *ok when it is not a number.
    static qint64 paramInt(const QHash<QString, QString>& params, const QString& name, qint64 fallback, bool* ok);
    // The opaque paging token (NextToken, Marker) for an offset, and back.
    static QString encodePageToken(qsizetype offset);
    static qsizetype decodePageToken(const QString& token, bool* ok);
    // Unpadded base64url (JWT parts, random tokens).
    static QByteArray base64Url(const QByteArray& bytes);
    // prefix + 256 random bits, base64url: an unguessable bearer token.
    static QString randomToken(const QString& prefix);

protected:
    SandboxShared& m_shared;
    SandboxData::State& m_state; // m_shared.state
};

// A service reached by its own path (MaxCompute under /api, the credentials service under /envs/, CloudSSO, OAuth,
// and the POP gateway at /): SandboxRouter hands it the whole request.
class SandboxPathService : public SandboxService
{
public:
    using SandboxService::SandboxService;

    virtual SandboxResponse handle(const SandboxRequest& request) = 0;

    // A request the fault knobs refuse (SandboxFaults: throttling, the error rate), answered in the service's own
    // error format. Only services inside a fault scope get them; the default is the plain {"Code","Message"}.
    enum class Fault
    {
        Throttled,   // 429
        Unavailable, // 503
    };
    virtual SandboxResponse faultAnswer(Fault fault, const QString& requestId, const QString& host) const;
    static QString faultMessage(Fault fault);
};

// Who signed a POP or MaxCompute request (SandboxAuth).
struct SandboxPrincipal
{
    bool admin = false;
    QString accessKeyId;
    SandboxIssuedCredential sts; // for role sessions
};

// Where an answer of a POP request comes from (its error body names them).
struct SandboxPopContext
{
    QString requestId;
    QString host;
    QString product;
};

// One POP call as a handler sees it: the parameters of query and form body together, the verified caller (empty
// for an anonymous action), and where each parameter travelled.
struct SandboxPopCall
{
    const SandboxRequest& request;
    const QHash<QString, QString>& params;
    const SandboxPrincipal& principal;
    const SandboxPopContext& ctx;
    const SandboxPopPlacement& placement;
};

// A POP service (DataWorks, STS, RAM): one product and API version, its actions registered in one table. The POP
// gateway (SandboxPopGateway) routes (action, version) to the handler after checking the signature and `access`;
// adding an action is one addAction() and its handler.
class SandboxPopService : public SandboxService
{
public:
    using Params = QHash<QString, QString>;
    using Handler = std::function<SandboxResponse(const SandboxPopCall&)>;
    enum class Access
    {
        Anonymous, // no signature: the handler judges the request itself (AssumeRoleWithOIDC)
        Caller,    // any verified key: the admin's or an STS credential the sandbox issued
        Admin,     // the admin key only; anyone else gets NoPermission (403)
    };
    struct Action
    {
        Access access = Access::Admin;
        Handler handler;
    };

    SandboxPopService(SandboxShared& shared, const QString& product, const QString& version);

    QString product() const { return m_product; }
    QString version() const { return m_version; }
    const QHash<QString, Action>& actions() const { return m_actions; }
    // The first parameter sent where the official SDK does not put it (strict placement); empty when none. The
    // default: none (STS and RAM take either place).
    virtual QString misplacedParameter(const SandboxPopPlacement& placement) const;
    // Whether the official SDK sends this parameter of this action in the query string (else the form body).
    virtual bool sdkQueryParameter(const QString& action, const QString& name) const;

    // The POP answers: the error body {"RequestId","HostId","Code","Message","Recommend"}, and success bodies with
    // RequestId added. popOkWithRaw: body holds the string "@@SBX_RAW@@" where rawJson (JSON text) belongs.
    static SandboxResponse popError(const SandboxPopContext& ctx, int status, const QString& code,
                                    const QString& message);
    static SandboxResponse popOk(const SandboxPopContext& ctx, QJsonObject body);
    static SandboxResponse popOkWithRaw(const SandboxPopContext& ctx, QJsonObject body, const QByteArray& rawJson);

protected:
    void addAction(const QString& name, Access access, Handler handler);

private:
    QString m_product;
    QString m_version;
    QHash<QString, Action> m_actions;
};
