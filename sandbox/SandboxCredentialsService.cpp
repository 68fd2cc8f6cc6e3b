#include "SandboxCredentialsService.h"

#include "credentials/CredentialsUriFormat.h"
#include "util/Bytes.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using SandboxData::Environment;
using SandboxData::RoleKind;

namespace {

const QString kDataWorksService = u"dataworks.aliyuncs.com"_s;

} // namespace

QString SandboxCredentialsService::tokenFor(const QString& instanceId) const
{
    // Derived, not stored: 100,000 environments cost nothing, and the URI stays the same across restarts
    // of one state file. Unguessable without the per-state random secret.
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(instanceId.toUtf8(), m_state.credentialsSecret, QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

QString SandboxCredentialsService::uri(const QString& instanceId) const
{
    if (!m_state.environmentIndex.contains(instanceId))
        return {};
    return m_shared.baseUrl + u"/envs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(instanceId)) +
           u"/credentials/"_s + tokenFor(instanceId);
}

bool SandboxCredentialsService::currentCredential(const QString& instanceId, SandboxIssuedCredential* out, int* status,
                                                  QString* code, QString* message)
{
    Environment* env = m_state.environment(instanceId);
    if (!env) {
        *status = 404;
        *code = u"NotFound"_s;
        *message = u"No such individual development environment."_s;
        return false;
    }
    const qint64 now = m_shared.nowMs();
    SandboxShared::settle(env, now);
    static const QStringList serving{u"Running"_s, u"Updating"_s, u"Saving"_s};
    if (!serving.contains(env->status)) {
        *status = 503;
        *code = u"EnvironmentNotRunning"_s;
        *message = u"The individual development environment %1 is %2: its credentials service runs only while "
                   u"it is running."_s.arg(instanceId, env->status);
        return false;
    }
    // Credentials already issued stay valid until their Expiration when the role is removed or replaced, and the
    // running environment keeps handing out the one it holds until then; stopping it ends that (Stop forgets it).
    const auto held = m_shared.issued.constFind(m_shared.environmentCredential.value(instanceId));
    QString currentRoleName;
    if (env->roleKind == RoleKind::Default) {
        const SandboxData::Role* def = m_state.defaultRole();
        currentRoleName = def ? def->name : u"DataWorksDefaultRole"_s;
    } else if (env->roleKind == RoleKind::Custom) {
        currentRoleName = env->customRoleName;
    }
    if (held != m_shared.issued.cend() && held->expiresMs > now && held->roleName != currentRoleName) {
        *out = held.value();
        return true;
    }
    if (env->roleKind == RoleKind::None) {
        *status = 404;
        *code = u"NoRoleAssociated"_s;
        *message = u"No RAM role is associated with the individual development environment %1. Associate the "
                   u"DataWorks default role or a custom role, or use an AccessKey pair."_s.arg(instanceId);
        return false;
    }
    QString roleName;
    if (env->roleKind == RoleKind::Default) {
        const SandboxData::Role* def = m_state.defaultRole();
        roleName = def ? def->name : u"DataWorksDefaultRole"_s;
    } else {
        const SandboxData::Role* role = m_state.role(env->customRoleName);
        if (!role || !SandboxData::trustsService(role->trustPolicy, kDataWorksService)) {
            *status = 403;
            *code = u"NoPermission"_s;
            *message = u"DataWorks cannot assume the role %1: its trust policy does not trust "
                       u"dataworks.aliyuncs.com. Fix the role's trust policy in RAM."_s.arg(
                           m_state.roleArn(env->customRoleName));
            return false;
        }
        roleName = role->name;
    }
    // Rotate ahead of expiry as the real service does: clients treat a credential as stale 15 minutes
    // before it expires, so a new one is handed out before then (or at half-life for short lifetimes).
    const qint64 lifetimeMs = qint64(m_shared.credentialLifetime) * 1000;
    const qint64 rotateAheadMs = qMin<qint64>(lifetimeMs / 2, 20 * 60 * 1000);
    const auto current = m_shared.issued.constFind(m_shared.environmentCredential.value(instanceId));
    if (current != m_shared.issued.cend() && current->roleName == roleName &&
        current->expiresMs - now > rotateAheadMs) {
        *out = current.value();
        return true;
    }
    *out = m_shared.issue(roleName, u"dw-ide-"_s + instanceId, m_shared.credentialLifetime,
                          env->roleKind == RoleKind::Default, env->ownerId);
    m_shared.environmentCredential.insert(instanceId, out->accessKeyId);
    return true;
}

SandboxResponse SandboxCredentialsService::handle(const SandboxRequest& request)
{
    static const QRegularExpression route(u"^/envs/([^/]+)/credentials/([0-9a-f]+)$"_s);
    const auto match = route.match(QString::fromUtf8(request.path));
    const auto error = [](int status, const QString& code, const QString& message) {
        return jsonResponse(status, QJsonObject{{u"Code"_s, code}, {u"Message"_s, message}});
    };
    if (!match.hasMatch() || !m_state.environmentIndex.contains(match.captured(1)) ||
        !Bytes::constantTimeEqual(match.captured(2).toLatin1(), tokenFor(match.captured(1)).toLatin1()))
        return error(403, u"Forbidden"_s, u"Unknown credentials URI: ask RoleDesk for the environment's URI."_s);
    if (request.method != "GET")
        return error(405, u"MethodNotAllowed"_s, u"The credentials service answers GET only."_s);
    const QDateTime now = m_shared.clock->nowUtc();
    if (m_shared.faults.credentialsOutageUntil.isValid() && now < m_shared.faults.credentialsOutageUntil &&
        (!m_shared.faults.credentialsOutageFrom.isValid() || now >= m_shared.faults.credentialsOutageFrom))
        return error(503, u"ServiceUnavailable"_s,
                     u"The credentials service of this environment is temporarily unavailable. Retry later."_s);
    SandboxIssuedCredential c;
    int status = 500;
    QString code, message;
    if (!currentCredential(match.captured(1), &c, &status, &code, &message))
        return error(status, code, message);
    return jsonResponse(200, CredentialsUriFormat::answer(c.accessKeyId, c.accessKeySecret, c.securityToken,
                                                          QDateTime::fromMSecsSinceEpoch(c.expiresMs, Qt::UTC),
                                                          QDateTime::fromMSecsSinceEpoch(c.issuedMs, Qt::UTC)));
}
