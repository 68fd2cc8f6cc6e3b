#include "ApiError.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ApiError", text);
}
} // namespace

bool ApiError::isThrottling() const
{
    return code.startsWith(QLatin1String("Throttling")) || httpStatus == 429;
}

QString ApiError::explanationForCode(const QString& code)
{
    if (code == QLatin1String("SignatureDoesNotMatch") || code == QLatin1String("IncompleteSignature"))
        return tr("The request signature was rejected: the AccessKey secret does not belong to this AccessKey ID, "
                  "or the computer's clock is wrong. Check the secret (re-enter it) and the system time.");
    if (code == QLatin1String("InvalidAccessKeyId.NotFound") || code == QLatin1String("InvalidAccessKeyId"))
        return tr("The AccessKey ID does not exist (deleted, mistyped, or from another site such as the "
                  "international vs. China site). Check the AccessKey ID or create a new AccessKey pair.");
    if (code == QLatin1String("InvalidAccessKeyId.Inactive"))
        return tr("The AccessKey is disabled. Enable it in the RAM console or use another AccessKey pair.");
    if (code == QLatin1String("InvalidSecurityToken.Expired"))
        return tr("The STS security token has expired. Refresh the credential (or assume the role again) and retry.");
    if (code == QLatin1String("InvalidSecurityToken.Malformed") || code == QLatin1String("InvalidSecurityToken"))
        return tr("The STS security token is damaged or incomplete (often truncated when copied). "
                  "Copy the whole token again or fetch a fresh credential.");
    if (code == QLatin1String("InvalidSecurityToken.MismatchWithAccessKey"))
        return tr("The STS security token does not belong to this AccessKey ID. Use the key ID, secret and token "
                  "from the same STS answer.");
    if (code.startsWith(QLatin1String("NoPermission")) || code.startsWith(QLatin1String("Forbidden")) ||
        code.startsWith(QLatin1String("AccessDenied")) || code == QLatin1String("NoPermission"))
        return tr("The identity used has no permission for this action. Ask an administrator to grant the RAM "
                  "permission named in the message (for a role association also ram:PassRole on that role).");
    if (code.startsWith(QLatin1String("Throttling")))
        return tr("The service is throttling requests (too many calls in a short time). Wait a moment and retry; "
                  "RoleDesk already retried with back-off.");
    if (code == QLatin1String("EntityNotExist.Role"))
        return tr("The RAM role does not exist. Check the role name or ARN (account ID and role name) in the RAM "
                  "console.");
    if (code == QLatin1String("InvalidParameter.RoleSessionName"))
        return tr("The role session name is invalid: use 2 to 64 characters of letters, digits and . @ - _");
    if (code == QLatin1String("InvalidTimeStamp.Expired") || code == QLatin1String("RequestTimeTooSkewed") ||
        code == QLatin1String("InvalidTimeStamp.Format"))
        return tr("The request time was rejected: the computer's clock differs too much from the server's. "
                  "Synchronise the system clock (NTP) and retry.");
    if (code == QLatin1String("SignatureNonceUsed"))
        return tr("The request nonce was already used; this happens when a request is replayed. Retry.");
    if (code == QLatin1String("Conflict"))
        return tr("The environment was changed by someone else since it was shown. Reload it, check the change, "
                  "and apply yours again if it is still wanted.");
    return {};
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Service:
        return QStringLiteral("Service");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::InvalidEndpoint:
        return QStringLiteral("InvalidEndpoint");
    case Kind::InvalidArgument:
        return QStringLiteral("InvalidArgument");
    case Kind::NoCredential:
        return QStringLiteral("NoCredential");
    case Kind::Conflict:
        return QStringLiteral("Conflict");
    case Kind::Parse:
        return QStringLiteral("Parse");
    case Kind::Canceled:
        return QStringLiteral("Canceled");
    }
    return {};
}

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString where = action.isEmpty() ? service : service + QLatin1Char(' ') + action;
    if (!host.isEmpty())
        where += QStringLiteral(" at ") + host;
    QString text = tr("%1 failed: ").arg(where);
    text += explanation.isEmpty() ? message : explanation;
    QStringList details;
    if (!code.isEmpty())
        details << tr("Code %1").arg(code);
    if (httpStatus > 0)
        details << tr("HTTP %1").arg(httpStatus);
    if (!requestId.isEmpty())
        details << tr("RequestId %1").arg(requestId);
    if (!explanation.isEmpty() && !message.isEmpty())
        details << tr("server said: %1").arg(message);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral("; ")) + QLatin1Char(')');
    return text;
}

QDebug operator<<(QDebug debug, const ApiError& error)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "ApiError(" << ApiError::kindName(error.kind) << ", " << error.code << ", HTTP "
                              << error.httpStatus << ", " << error.service << '/' << error.action << ", RequestId "
                              << error.requestId << ')';
    return debug;
}
