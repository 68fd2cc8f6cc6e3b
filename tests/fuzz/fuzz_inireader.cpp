// The credentials INI reader (~/.alibabacloud/credentials.ini): never crashes; names it returns are trimmed.
#include "FuzzSupport.h"

#include "credentials/ProfileCredentialProvider.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto sections = IniProfileProvider::parseIni(FuzzSupport::bytes(data, size));
    for (auto it = sections.begin(); it != sections.end(); ++it) {
        for (auto kv = it.value().begin(); kv != it.value().end(); ++kv)
            FUZZ_CHECK(kv.key() == kv.key().trimmed(), "an untrimmed key");
    }
    return 0;
}
