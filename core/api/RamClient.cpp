#include "RamClient.h"

#include <QJsonArray>
#include <QJsonDocument>

RamRole RamRole::fromJson(const QJsonObject& o)
{
    RamRole role;
    role.roleId = o.value(QLatin1String("RoleId")).toString();
    role.roleName = o.value(QLatin1String("RoleName")).toString();
    role.arn = o.value(QLatin1String("Arn")).toString();
    role.description = o.value(QLatin1String("Description")).toString();
    const QJsonValue policy = o.value(QLatin1String("AssumeRolePolicyDocument"));
    // A JSON string in the API; tolerate an object (some gateways decode it).
    role.assumeRolePolicyDocument =
        policy.isObject() ? QString::fromUtf8(QJsonDocument(policy.toObject()).toJson(QJsonDocument::Compact))
                          : policy.toString();
    if (!role.assumeRolePolicyDocument.isEmpty())
        role.trustPolicy = TrustPolicy::parse(role.assumeRolePolicyDocument);
    const QJsonValue max = o.value(QLatin1String("MaxSessionDuration"));
    role.maxSessionDuration = max.isDouble() ? max.toInt() : max.toString().toInt();
    role.createDate = QDateTime::fromString(o.value(QLatin1String("CreateDate")).toString(), Qt::ISODate).toUTC();
    role.updateDate = QDateTime::fromString(o.value(QLatin1String("UpdateDate")).toString(), Qt::ISODate).toUTC();
    return role;
}

RamClient::RamClient(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{}

void RamClient::getRole(const QString& roleName, ApiCallback<RamRole> done)
{
    m_api->call(ApiRequest::pop(ApiService::Ram, QStringLiteral("GetRole"), apiVersion(),
                                {{QStringLiteral("RoleName"), roleName}}, true),
                this, [done](ApiReply* reply) {
                    if (reply->error().isError()) {
                        done({}, reply->error());
                        return;
                    }
                    done(RamRole::fromJson(reply->json().value(QLatin1String("Role")).toObject()), {});
                });
}

void RamClient::listRoles(ApiCallback<QList<RamRole>> done, int maxItems)
{
    listRolesPage(QString(), qBound(1, maxItems, 1000), {}, std::move(done));
}

void RamClient::listRolesPage(const QString& marker, int maxItems, QList<RamRole> soFar,
                              ApiCallback<QList<RamRole>> done)
{
    StringPairList params = {{QStringLiteral("MaxItems"), QString::number(maxItems)}};
    if (!marker.isEmpty())
        params.append({QStringLiteral("Marker"), marker});
    m_api->call(ApiRequest::pop(ApiService::Ram, QStringLiteral("ListRoles"), apiVersion(), params, true), this,
                [this, marker, maxItems, soFar, done](ApiReply* reply) mutable {
                    if (reply->error().isError()) {
                        done({}, reply->error());
                        return;
                    }
                    const QJsonObject answer = reply->json();
                    const QJsonArray roles =
                        answer.value(QLatin1String("Roles")).toObject().value(QLatin1String("Role")).toArray();
                    for (const QJsonValue& v : roles)
                        soFar << RamRole::fromJson(v.toObject());
                    const QJsonValue truncatedValue = answer.value(QLatin1String("IsTruncated"));
                    const bool truncated = truncatedValue.isBool() ? truncatedValue.toBool()
                                                                   : truncatedValue.toString() == QLatin1String("true");
                    const QString next = answer.value(QLatin1String("Marker")).toString();
                    if (truncated && !next.isEmpty() && next != marker) {
                        listRolesPage(next, maxItems, soFar, done);
                        return;
                    }
                    done(soFar, {});
                });
}
