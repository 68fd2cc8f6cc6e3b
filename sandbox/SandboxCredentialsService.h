#pragma once

#include "SandboxService.h"

// Each environment's credentials service (what ALIBABA_CLOUD_CREDENTIALS_URI points at inside it):
// GET /envs/<instanceId>/credentials/<token> answers the environment's current STS credential in the credentials-URI
// format (core's CredentialsUriFormat, the one writer shared with roledesk-cli's local credentials service). The
// token is HMAC(state secret, instance id): unguessable, stable for one state file, derived rather than stored.
class SandboxCredentialsService : public SandboxPathService
{
public:
    using SandboxPathService::SandboxPathService;

    SandboxResponse handle(const SandboxRequest& request) override;

    // The URI an environment's code would find in ALIBABA_CLOUD_CREDENTIALS_URI; empty for an unknown environment.
    QString uri(const QString& instanceId) const;
    // The credential the environment's service serves now (rotating it when due); false with the status, code and
    // message of the refusal when the environment has no usable role or is not running.
    bool currentCredential(const QString& instanceId, SandboxIssuedCredential* out, int* status, QString* code,
                           QString* message);

private:
    QString tokenFor(const QString& instanceId) const;
};
