#pragma once

#include <QDateTime>
#include <QString>

// Why a credential could not be obtained. Every field is safe to show: the source is a redacted URL,
// a file path or a provider name, and the body excerpt has every secret replaced by ****.
struct CredentialError
{
    // "credentials URI http://127.0.0.1:7002/sts?****", "credentials file /mnt/...", "environment variables".
    QString source;
    // The HTTP status of the answer, 0 when there was no HTTP answer (file, network error, ...).
    int httpStatus = 0;
    // Plain words: what failed and what to do next.
    QString message;
    // At most a couple of hundred characters of the answer, secrets replaced by ****; may be empty.
    QString bodyExcerpt;
    // A JSON error answer's own Code and Message (redacted), when it had them: the service's words for the cause.
    QString serviceCode;
    QString serviceMessage;
    // A configuration error: asking again cannot help until someone changes something (the environment is not
    // running, no role is associated, access is refused, the address is wrong). Timeouts, 5xx failures and
    // throttling are not.
    bool configuration = false;

    bool isNull() const { return message.isEmpty(); }
    // The cause first, in the service's words when it gave any, else RoleDesk's message.
    QString cause() const { return serviceMessage.isEmpty() ? message : serviceMessage; }
    // One line for logs, stderr and tooltips: "<source>: <message> (HTTP 500) Answer: <excerpt>".
    QString toString() const;
};
