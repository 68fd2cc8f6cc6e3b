#pragma once

#include "api/ApiClient.h"

#include <QObject>

// GetCallerIdentity's answer: who the credential is.
struct CallerIdentity
{
    QString identityType; // "Account", "RAMUser" or "AssumedRoleUser"
    QString accountId;
    QString arn;
    QString principalId;
    QString userId; // account and RAM user only
    QString roleId; // roles only
    QString requestId;

    static CallerIdentity fromJson(const QJsonObject& answer);
};

struct AssumeRoleRequest
{
    QString roleArn;
    QString roleSessionName;
    int durationSeconds = 3600; // 900..43200 (and at most the role's MaxSessionDuration)
    QString policy;             // optional, 1-2048 characters
    QString externalId;         // optional
};

// STS 2015-04-01, signed with V3 by default (the RPC V1 signature is kept for compatibility).
class StsClient : public QObject
{
    Q_OBJECT
public:
    static QString apiVersion() { return QStringLiteral("2015-04-01"); }

    explicit StsClient(ApiClient* api, QObject* parent = nullptr);
    ApiClient* api() const { return m_api; }
    void setSignature(ApiRequest::Signature signature) { m_signature = signature; }

    void getCallerIdentity(ApiCallback<CallerIdentity> done);
    // Answers a Credential (source "AssumeRole <arn>"). Checks the session name, duration and policy length
    // locally first (ApiError kind InvalidArgument, nothing sent).
    void assumeRole(const AssumeRoleRequest& request, ApiCallback<Credential> done);

    // Empty when valid, else a sentence saying what is wrong.
    static QString validateRoleSessionName(const QString& name);
    static QString validateAssumeRole(const AssumeRoleRequest& request);

private:
    ApiClient* m_api;
    ApiRequest::Signature m_signature = ApiRequest::Signature::V3;
};
