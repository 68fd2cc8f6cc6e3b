#pragma once

#include "credentials/Credential.h"
#include "credentials/CredentialError.h"

#include <QByteArray>

class Clock;

// Either a whole credential or the reason there is none; never both.
struct CredentialResult
{
    Credential credential;
    CredentialError error;

    bool ok() const { return error.isNull() && !credential.isNull(); }
    static CredentialResult success(Credential c) { return {std::move(c), {}}; }
    static CredentialResult failure(CredentialError e) { return {{}, std::move(e)}; }
};

// Judges an STS credentials answer (credentials URI, credentials file, ECS metadata) by the rules this
// project chose (docs: shared/reference/credentials.md, "What this project chooses"): HTTP 200 only,
// Code == "Success" when present, AccessKeyId/AccessKeySecret/SecurityToken/Expiration all non-empty,
// Expiration strictly UTC "YYYY-MM-DDTHH:MM:SSZ" with optional ".mmm", not already expired.
// Pure: no I/O, time from the given clock. Error texts never contain the answer's secret values.
namespace CredentialParser {

// Judges an HTTP answer: the status first, then the body.
CredentialResult parse(const QByteArray& body, int httpStatus, const QString& sourceDescription, const Clock& clock);
// Judges a body that did not come over HTTP (the credentials file): no status to check.
CredentialResult parseBody(const QByteArray& body, const QString& sourceDescription, const Clock& clock);
// Strict UTC Expiration; an invalid QDateTime when the text is in any other form.
QDateTime parseExpiration(const QString& text);

} // namespace CredentialParser
