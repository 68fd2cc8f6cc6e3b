#include "Endpoints.h"

#include "util/Redaction.h"

#include <QCoreApplication>
#include <QHostAddress>

QString apiServiceName(ApiService service)
{
    switch (service) {
    case ApiService::DataWorks:
        return QStringLiteral("dataworks");
    case ApiService::Sts:
        return QStringLiteral("sts");
    case ApiService::Ram:
        return QStringLiteral("ram");
    case ApiService::MaxCompute:
        return QStringLiteral("maxcompute");
    }
    return {};
}

Endpoints::Endpoints(QString region)
    : m_region(std::move(region))
{}

void Endpoints::setServiceOverride(ApiService service, const QUrl& url)
{
    if (url.isEmpty())
        m_serviceOverrides.remove(int(service));
    else
        m_serviceOverrides.insert(int(service), url);
}

QString Endpoints::defaultHost(ApiService service, const QString& region, bool regionalSts)
{
    switch (service) {
    case ApiService::DataWorks: {
        // DataWorks endpoint table (dataworks-public 2024-05-18 API reference, "Endpoints"): these regions
        // and the finance/gov clouds are served by the central endpoint.
        static const QStringList central = {QStringLiteral("cn-qingdao"), QStringLiteral("cn-huhehaote"),
                                            QStringLiteral("cn-zhangjiakou")};
        if (region.isEmpty() || central.contains(region) || region.contains(QLatin1String("-finance")) ||
            region.contains(QLatin1String("-gov")))
            return QStringLiteral("dataworks.aliyuncs.com");
        return QStringLiteral("dataworks.%1.aliyuncs.com").arg(region);
    }
    case ApiService::Sts:
        if (regionalSts && !region.isEmpty())
            return QStringLiteral("sts.%1.aliyuncs.com").arg(region);
        return QStringLiteral("sts.aliyuncs.com");
    case ApiService::Ram:
        return QStringLiteral("ram.aliyuncs.com");
    case ApiService::MaxCompute:
        return QStringLiteral("service.%1.maxcompute.aliyun.com")
            .arg(region.isEmpty() ? QStringLiteral("cn-hangzhou") : region);
    }
    return {};
}

bool Endpoints::isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

QString Endpoints::checkUrl(const QUrl& url, bool allowInsecureHttp)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Endpoints", "The endpoint \"%1\" is not a valid URL: give it as "
                                                        "https://host[:port][/path].")
            .arg(Redaction::redactUrl(url));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopback(url) || allowInsecureHttp)
            return {};
        return QCoreApplication::translate("Endpoints",
                                           "Refusing plain HTTP to %1: credentials and signatures would travel "
                                           "unencrypted. Use https://, or allow insecure HTTP explicitly "
                                           "(--allow-insecure-http) if this is a trusted private gateway.")
            .arg(Redaction::redactUrl(url));
    }
    return QCoreApplication::translate("Endpoints", "The endpoint %1 uses the unsupported scheme \"%2\": use https://.")
        .arg(Redaction::redactUrl(url), url.scheme());
}

QUrl Endpoints::baseUrl(ApiService service, const QString& region, QString* error) const
{
    const QString effectiveRegion = region.isEmpty() ? m_region : region;
    QUrl url;
    if (m_serviceOverrides.contains(int(service))) {
        url = m_serviceOverrides.value(int(service));
    } else if (!m_override.isEmpty()) {
        url = m_override;
        if (service == ApiService::MaxCompute) {
            QString path = url.path();
            while (path.endsWith(QLatin1Char('/')))
                path.chop(1);
            url.setPath(path + QStringLiteral("/api"));
        }
    } else {
        url.setScheme(QStringLiteral("https"));
        url.setHost(defaultHost(service, effectiveRegion, m_regionalSts));
        url.setPath(service == ApiService::MaxCompute ? QStringLiteral("/api") : QStringLiteral("/"));
    }
    if (service != ApiService::MaxCompute && url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    const QString problem = checkUrl(url, m_allowInsecureHttp);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    if (error)
        error->clear();
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}
