// TrustPolicy::parse: never crashes, is deterministic, and its answers agree with each other.
#include "FuzzSupport.h"

#include "model/TrustPolicy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString document = QString::fromUtf8(FuzzSupport::bytes(data, size));
    const TrustPolicy policy = TrustPolicy::parse(document);
    const TrustPolicy again = TrustPolicy::parse(document);
    FUZZ_CHECK(policy.isValid() == again.isValid(), "parse is not deterministic");
    FUZZ_CHECK(policy.toJson() == again.toJson(), "parse is not deterministic");
    FUZZ_CHECK(!policy.explanation().isEmpty(), "no explanation");
    if (!policy.isValid()) {
        FUZZ_CHECK(!policy.errorString().isEmpty(), "invalid without a reason");
        FUZZ_CHECK(!policy.trustsDataWorks(), "an invalid policy trusts DataWorks");
    }
    if (policy.trustsDataWorks()) {
        bool listed = false;
        for (const QString& s : policy.trustedServices())
            listed = listed || s == QLatin1String("*") ||
                     s.compare(TrustPolicy::kDataWorksService, Qt::CaseInsensitive) == 0;
        FUZZ_CHECK(listed, "trusts DataWorks without listing it");
    }
    for (const QString& account : policy.trustedAccounts())
        FUZZ_CHECK(policy.trustsAccount(account), "a trusted account is not trusted");
    return 0;
}
