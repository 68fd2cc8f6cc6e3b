#pragma once

#include <QDateTime>
#include <QJsonObject>

class Credential;

// The answer of a credentials URI (the in-environment format, shared/reference/credentials.md), written in one place
// for every server that hands one out: the sandbox's credentials service and `roledesk-cli serve` / `exec`.
//   {"Code":"Success","AccessKeyId":"STS...","AccessKeySecret":"...","SecurityToken":"...",
//    "Expiration":"2024-05-21T10:39:29Z"[,"LastUpdated":"...Z"]}
// Times are UTC to the second. CredentialParser::parse() is the reader of the same format.
namespace CredentialsUriFormat {

QJsonObject answer(const QString& accessKeyId, const QString& accessKeySecret, const QString& securityToken,
                   const QDateTime& expiration, const QDateTime& lastUpdated = {});
// For an STS credential with an expiration (the only kind the format carries).
QJsonObject answer(const Credential& credential);

} // namespace CredentialsUriFormat
