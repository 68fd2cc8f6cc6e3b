#include "AuditRecording.h"

#include "Session.h"

#include "model/AuditLog.h"
#include "util/Logging.h"

namespace AuditRecording {

bool recordRoleChange(Session* session, const Environment& before, const RoleAssociation& newRole, bool override,
                      const QString& reason, Outcome outcome, const QString& detail)
{
    AuditLog* log = session ? session->audit() : nullptr;
    if (!log)
        return false;
    QString outcomeText;
    switch (outcome) {
    case Outcome::Applied:
        outcomeText = QStringLiteral("applied");
        break;
    case Outcome::Conflict:
        outcomeText = QStringLiteral("conflict");
        break;
    case Outcome::Failed:
        outcomeText = QStringLiteral("failed: ") + detail;
        break;
    }
    QString error;
    if (!log->recordChange(session->auditActor(), before, before.role, newRole, override, reason, outcomeText, {},
                           &error)) {
        qCWarning(lcUi) << "could not write the audit log" << log->databasePath() << error;
        return false;
    }
    return true;
}

} // namespace AuditRecording
