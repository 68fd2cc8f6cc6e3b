#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

enum class ApiService
{
    DataWorks,
    Sts,
    Ram,
    MaxCompute
};

// "dataworks", "sts", "ram", "maxcompute": the names used in errors, logs and the CLI's --endpoint-<service>.
QString apiServiceName(ApiService service);

// Where each service lives. By default the public endpoint of each service for the region (with the
// documented exceptions), over HTTPS. One endpoint URL can replace all of them (the sandbox, a private
// gateway: every POP API at the base URL's path, MaxCompute at <base>/api), and each service can be
// overridden on its own (for MaxCompute the URL is the API root, e.g. https://host/api). Plain HTTP is
// accepted only for loopback hosts unless explicitly allowed.
class Endpoints
{
public:
    explicit Endpoints(QString region = QStringLiteral("cn-hangzhou"));

    const QString& region() const { return m_region; }
    void setRegion(const QString& region) { m_region = region; }

    // One URL for every service; an empty URL removes the override.
    void setEndpointOverride(const QUrl& base) { m_override = base; }
    const QUrl& endpointOverride() const { return m_override; }
    // Per service; wins over the single override.
    void setServiceOverride(ApiService service, const QUrl& url);
    QUrl serviceOverride(ApiService service) const { return m_serviceOverrides.value(int(service)); }

    void setAllowInsecureHttp(bool allow) { m_allowInsecureHttp = allow; }
    bool allowInsecureHttp() const { return m_allowInsecureHttp; }
    // STS: the regional endpoint sts.<region>.aliyuncs.com instead of the central sts.aliyuncs.com.
    void setRegionalSts(bool regional) { m_regionalSts = regional; }

    // The URL requests go to: POP services scheme://host[:port]/path (path "/" by default), MaxCompute the
    // API root (".../api"). An empty region means region(). On an unusable configuration returns an
    // invalid QUrl and sets *error to a sentence saying what to change.
    QUrl baseUrl(ApiService service, const QString& region = {}, QString* error = nullptr) const;

    // The public host name for a service in a region (no scheme), e.g. "dataworks.cn-shanghai.aliyuncs.com".
    static QString defaultHost(ApiService service, const QString& region, bool regionalSts = false);
    static bool isLoopback(const QUrl& url);
    // Checks scheme and the HTTP-to-loopback rule; empty when usable.
    static QString checkUrl(const QUrl& url, bool allowInsecureHttp);

private:
    QString m_region;
    QUrl m_override;
    QHash<int, QUrl> m_serviceOverrides;
    bool m_allowInsecureHttp = false;
    bool m_regionalSts = false;
};
