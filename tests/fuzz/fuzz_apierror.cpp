// API error bodies (ApiClient::readServiceError, what every non-2xx answer of the POP APIs and MaxCompute goes
// through; the first byte picks JSON or XML and the HTTP status): never crashes; the credential's secrets never
// show in the error in any spelling, whichever member (Code, Message, RequestId, HostId) or excerpt echoes them.
#include "FuzzSupport.h"

#include "api/ApiClient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The secret and token the fuzzer finds in the corpus and the dictionary (json.dict): base64-like, with / and +.
    static const QStringList secrets = {QStringLiteral("TestSecretValue0123456789"),
                                        QStringLiteral("CAIS+fuzzToken/Value0123456789==")};
    static const int statuses[] = {400, 403, 404, 409, 429, 500, 502, 503};
    const bool xml = data[0] & 1;
    const int status = statuses[(data[0] >> 1) % (sizeof statuses / sizeof statuses[0])];
    const QByteArray body = FuzzSupport::bytes(data + 1, size - 1);
    ApiError error;
    error.service = QStringLiteral("DataWorks");
    error.action = QStringLiteral("ListServerIdeInstances");
    ApiClient::readServiceError(body, xml, status, secrets, &error);
    FUZZ_CHECK(error.isError(), "an error body read as success");
    FUZZ_CHECK(error.httpStatus == status, "the status is lost");
    const QString said = error.toString() + QLatin1Char('\n') + error.hostId + QLatin1Char('\n') + error.message +
                         QLatin1Char('\n') + error.code + QLatin1Char('\n') + error.requestId;
    for (const QString& secret : secrets)
        FUZZ_CHECK(!FuzzSupport::shows(said, secret), "a secret shows in an API error");
    return 0;
}
