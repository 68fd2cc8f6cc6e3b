#include "StsLocation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {

struct Choice
{
    QString endpoint;
    QString region;
    bool vpc = false;
    QString why;
};

Choice choose(const StsLocation& l, const CredentialContext& context)
{
    Choice c;
    if (!l.profileEndpoint.trimmed().isEmpty()) {
        c.endpoint = l.profileEndpoint.trimmed();
        c.why = QCoreApplication::translate("StsLocation", "the profile's sts_endpoint");
        return c;
    }
    const QString envEndpoint = context.value(QStringLiteral("ALIBABA_CLOUD_STS_ENDPOINT")).trimmed();
    if (!envEndpoint.isEmpty()) {
        c.endpoint = envEndpoint;
        c.why = QStringLiteral("ALIBABA_CLOUD_STS_ENDPOINT");
        return c;
    }
    QStringList why;
    c.region = l.profileRegion.trimmed();
    if (!c.region.isEmpty()) {
        why << QCoreApplication::translate("StsLocation", "the profile's sts_region");
    } else {
        c.region = context.value(QStringLiteral("ALIBABA_CLOUD_STS_REGION")).trimmed();
        if (!c.region.isEmpty())
            why << QStringLiteral("ALIBABA_CLOUD_STS_REGION");
    }
    if (!c.region.isEmpty()) {
        if (l.profileVpc) {
            c.vpc = true;
            why << QCoreApplication::translate("StsLocation", "the profile's VPC setting");
        } else if (context.isTrue(QStringLiteral("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"))) {
            c.vpc = true;
            why << QStringLiteral("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED");
        }
        c.endpoint =
            (c.vpc ? QStringLiteral("sts-vpc.%1.aliyuncs.com") : QStringLiteral("sts.%1.aliyuncs.com")).arg(c.region);
        c.why = why.join(QCoreApplication::translate("StsLocation", " and "));
        return c;
    }
    c.endpoint = QStringLiteral("sts.aliyuncs.com");
    c.why = QCoreApplication::translate("StsLocation", "the default; no STS region or endpoint is set");
    return c;
}

} // namespace

QUrl StsLocation::resolve(const CredentialContext& context, QString* error) const
{
    const Choice c = choose(*this, context);
    static const QRegularExpression regionRe(QStringLiteral("^[a-z0-9-]{2,40}$"));
    if (!c.region.isEmpty() && !regionRe.match(c.region).hasMatch()) {
        *error = QCoreApplication::translate("StsLocation",
                                             "The STS region \"%1\" (from %2) is not a region id such as cn-hangzhou.")
                     .arg(c.region.left(60), c.why);
        return {};
    }
    QUrl url;
    if (c.endpoint.contains(QLatin1String("://")))
        url = QUrl(c.endpoint);
    else
        url = QUrl(QStringLiteral("https://") + c.endpoint);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.hasQuery() ||
        !url.userInfo().isEmpty()) {
        *error =
            QCoreApplication::translate("StsLocation",
                                        "The STS endpoint \"%1\" (from %2) is not a host name or an http(s) URL.")
                // Never the user info or the query: they may hold a password or a token.
                .arg(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString().left(100),
                     c.why);
        return {};
    }
    if (url.scheme() == QLatin1String("http") && url.host() != QLatin1String("localhost") &&
        !QHostAddress(url.host()).isLoopback()) {
        *error = QCoreApplication::translate(
                     "StsLocation",
                     "Refusing plain HTTP to the STS endpoint %1 (from %2): the request carries credentials or an "
                     "OIDC token. Use https:// or a host name.")
                     .arg(url.host(), c.why);
        return {};
    }
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

bool StsLocation::isSet(const CredentialContext& context) const
{
    return !profileEndpoint.trimmed().isEmpty() || !profileRegion.trimmed().isEmpty() ||
           !context.value(QStringLiteral("ALIBABA_CLOUD_STS_ENDPOINT")).trimmed().isEmpty() ||
           !context.value(QStringLiteral("ALIBABA_CLOUD_STS_REGION")).trimmed().isEmpty();
}

bool StsLocation::applyTo(RoleArnSpec* spec, const CredentialContext& context, QString* error) const
{
    if (!isSet(context))
        return true;
    spec->stsEndpoint = resolve(context, error);
    return spec->stsEndpoint.isValid();
}

QString StsLocation::explain(const CredentialContext& context) const
{
    const Choice c = choose(*this, context);
    return QCoreApplication::translate("StsLocation", "%1 (from %2)").arg(c.endpoint, c.why);
}
