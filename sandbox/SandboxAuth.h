#pragma once

#include "SandboxService.h"

#include <QHash>
#include <QString>

// Signature verification for every signed service, in one place: POP signature V3 and RPC V1 (DataWorks, STS, RAM)
// and the MaxCompute signature (legacy and V4). Signatures are recomputed with core/signing, the functions the
// clients sign with. Accepted keys: the seed's admin key(s) and STS credentials the sandbox issued, with their
// token. Runs with SandboxEngine's mutex held.
class SandboxAuth
{
public:
    explicit SandboxAuth(SandboxShared& shared);

    // Why a request was refused, in the words of the real service; the caller writes it in its error format.
    struct Failure
    {
        int status = 400;
        QString code;
        QString message;
    };

    // POP: signature V3 (Authorization: ACS3-HMAC-SHA256 ...) or RPC V1 (AccessKeyId, Signature, ... in query and
    // form body, all of which are `params`); the date within 15 minutes, a fresh nonce.
    bool verifyPop(const SandboxRequest& request, const QHash<QString, QString>& params, SandboxPrincipal* principal,
                   Failure* failure);
    // MaxCompute: Authorization "ODPS <key>:<sig>" or "ODPS <key>/<yyyymmdd>/<region>/odps/aliyun_v4_request:<sig>",
    // the Date header within 15 minutes.
    bool verifyOdps(const SandboxRequest& request, SandboxPrincipal* principal, Failure* failure) const;

private:
    // The secret of a key the sandbox knows (the admin's, or an issued STS key with its matching, unexpired token).
    bool lookupKey(const QString& accessKeyId, const QString& securityToken, QString* secret,
                   SandboxPrincipal* principal, Failure* failure) const;
    bool checkNonce(const QString& accessKeyId, const QString& nonce, qint64 now);

    SandboxShared& m_shared;
    QHash<QString, qint64> m_nonces; // "<key id>\n<nonce>" -> when seen
};
