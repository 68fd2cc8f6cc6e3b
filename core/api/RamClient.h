#pragma once

#include "api/ApiClient.h"
#include "model/TrustPolicy.h"

#include <QDateTime>
#include <QObject>

// A RAM role as GetRole / ListRoles describe it.
struct RamRole
{
    QString roleId;
    QString roleName;
    QString arn;
    QString description;
    QString assumeRolePolicyDocument; // the trust policy, a JSON string (ListRoles may omit it)
    int maxSessionDuration = 0;
    QDateTime createDate; // UTC
    QDateTime updateDate; // UTC
    // assumeRolePolicyDocument read through the model (invalid when the document is absent or malformed).
    TrustPolicy trustPolicy;

    static RamRole fromJson(const QJsonObject& role);
};

// RAM 2015-05-01, signed with V3.
class RamClient : public QObject
{
    Q_OBJECT
public:
    static QString apiVersion() { return QStringLiteral("2015-05-01"); }

    explicit RamClient(ApiClient* api, QObject* parent = nullptr);
    ApiClient* api() const { return m_api; }

    void getRole(const QString& roleName, ApiCallback<RamRole> done);
    // Every page (Marker/MaxItems while IsTruncated).
    void listRoles(ApiCallback<QList<RamRole>> done, int maxItems = 100);

private:
    void listRolesPage(const QString& marker, int maxItems, QList<RamRole> soFar, ApiCallback<QList<RamRole>> done);
    ApiClient* m_api;
};
