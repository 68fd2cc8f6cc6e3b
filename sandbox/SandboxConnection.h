#pragma once

#include "api/CloudConnection.h"
#include "credentials/Credential.h"
#include "util/Result.h"

class Sandbox;
class VisibilityStore;

// How a front end connects to a running Sandbox, written once for the GUI (roledesk --sandbox), the CLI (--sandbox)
// and the tests. Core's CloudConnection knows no sandbox: these functions describe one in core's terms.
namespace SandboxConnection {

// The sandbox's region and endpoint (every service at its one base URL), marked as the sandbox. The credential is
// the sandbox's admin key (adminCredential()): the profile's kind is "sandbox", which no factory builds.
CloudProfile profile(const Sandbox& sandbox, const QString& label);
// The sandbox's admin AccessKey (a fake account on loopback). source: how the front end names it.
Credential adminCredential(const Sandbox& sandbox, const QString& source);
// A connection on profile() signed with adminCredential(), not started.
CloudConnection* open(const Sandbox& sandbox, const QString& label, const QString& source, const Clock* clock,
                      QObject* parent = nullptr, const CloudConnection::Options& options = CloudConnection::Options());
// Imports the seed's public/private records into store (as an admin would import them) and saves it. Returns the
// number of records that changed, or why it could not.
Result<int, QString> importVisibility(const Sandbox& sandbox, VisibilityStore* store, const QString& recordedBy);

} // namespace SandboxConnection
