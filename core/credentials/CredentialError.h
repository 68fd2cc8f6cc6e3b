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

    bool isNull() const { return message.isEmpty(); }
    // One line for logs, stderr and tooltips: "<source>: <message> (HTTP 500) Answer: <excerpt>".
    QString toString() const;
};
