#pragma once

#include "SandboxService.h"

// The CloudSSO portal's credential exchange: POST /cloud-credentials with an access token (Bearer) that a CloudSSO
// sign-in would leave in an aliyun CLI profile, for one access configuration; answers the STS credential of the
// role the access configuration maps to.
class SandboxCloudSso : public SandboxPathService
{
public:
    using SandboxPathService::SandboxPathService;

    SandboxResponse handle(const SandboxRequest& request) override;
    QString issueAccessToken(const QString& accessConfigurationId, const QString& roleName, int lifetimeSeconds);

private:
    struct Grant
    {
        QString accessConfigurationId;
        QString roleName;
        qint64 expiresMs = 0;
    };
    QHash<QString, Grant> m_tokens; // access token -> what it grants
};
