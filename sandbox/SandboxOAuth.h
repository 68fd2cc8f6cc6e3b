#pragma once

#include "SandboxService.h"

// The OAuth sign-in `aliyun configure --mode OAuth` leaves in a profile, for an OAuth client (the aliyun CLI's, per
// site) and a role. POST /v1/token (form: grant_type=refresh_token, refresh_token, client_id, Timestamp) renews it:
// the refresh token rotates (the old one is spent), answers {"access_token","refresh_token","expires_in",
// "token_type"} or an RFC 6749 error (invalid_grant, invalid_client, unsupported_grant_type); POST /v1/exchange
// (Authorization: Bearer <access token>) answers the role's STS credential.
class SandboxOAuth : public SandboxPathService
{
public:
    using SandboxPathService::SandboxPathService;

    SandboxResponse handle(const SandboxRequest& request) override;
    SandboxOAuthSignIn issueSignIn(const QString& clientId, const QString& roleName, int accessLifetimeSeconds);
    int renewals() const { return m_renewals; }

private:
    struct Grant
    {
        QString clientId;
        QString roleName;
        qint64 expiresMs = 0; // access tokens only
    };
    QHash<QString, Grant> m_access;  // access token -> what it grants
    QHash<QString, Grant> m_refresh; // unspent refresh token -> what it grants
    int m_renewals = 0;
};
