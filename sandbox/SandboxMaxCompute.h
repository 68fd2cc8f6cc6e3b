#pragma once

#include "SandboxService.h"

class SandboxAuth;

// MaxCompute under /api (XML): GET /api/projects/<p> and /api/projects/<p>/tables (marker paging), signed with the
// ODPS signature; the caller may read the projects its key allows (readableProjects).
class SandboxMaxCompute : public SandboxPathService
{
public:
    SandboxMaxCompute(SandboxShared& shared, SandboxAuth& auth);

    SandboxResponse handle(const SandboxRequest& request) override;
    SandboxResponse faultAnswer(Fault fault, const QString& requestId, const QString& host) const override;

private:
    // The XML error body <Error><Code/><Message/><RequestId/><HostId/></Error>.
    SandboxResponse odpsError(const QString& requestId, int status, const QString& code, const QString& message) const;
    // Project name patterns the caller may read: the admin all, the DataWorks default role the environment owner's
    // projects, a custom role those its permission policy names.
    QStringList readableProjects(const SandboxPrincipal& principal) const;

    SandboxAuth& m_auth;
};
