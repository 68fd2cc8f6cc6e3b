// parseV3Authorization (what the sandbox reads from every signed request): never crashes; what it accepts is
// well-formed.
#include "FuzzSupport.h"

#include "signing/Signing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Signing::V3Authorization a = Signing::parseV3Authorization(FuzzSupport::bytes(data, size));
    if (!a.isValid())
        return 0;
    FUZZ_CHECK(a.signature.size() == 64, "a signature that is not 64 characters");
    for (const char c : a.signature)
        FUZZ_CHECK((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'), "a signature that is not lower-case hex");
    for (const QByteArray& header : a.signedHeaders)
        FUZZ_CHECK(!header.isEmpty(), "an empty signed header name");
    return 0;
}
