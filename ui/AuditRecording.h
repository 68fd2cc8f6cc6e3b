#pragma once

#include "model/Environment.h"

class Session;

// Writes role changes to core's AuditLog with the session's caller identity. Shared by the role
// dialog and the bulk change so both record the same way.
namespace AuditRecording {

enum class Outcome
{
    Applied,
    Conflict,
    Failed
};

// Returns false (and logs why, without secrets) if the audit log could not be written.
bool recordRoleChange(Session* session, const Environment& before, const RoleAssociation& newRole, bool override,
                      const QString& reason, Outcome outcome, const QString& detail);

} // namespace AuditRecording
