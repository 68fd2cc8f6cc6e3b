// RoleArn::parse: never crashes; a valid ARN round-trips through its canonical form.
#include "FuzzSupport.h"

#include "model/RoleArn.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(FuzzSupport::bytes(data, size));
    const RoleArn arn = RoleArn::parse(text);
    if (!arn.isValid()) {
        FUZZ_CHECK(!arn.errorString().isEmpty() || arn.accountId().isEmpty(), "invalid without a reason");
        FUZZ_CHECK(arn.toString().isEmpty(), "an invalid ARN has a canonical form");
        return 0;
    }
    FUZZ_CHECK(RoleArn::isValidRoleName(arn.roleName()), "a valid ARN with an invalid role name");
    const RoleArn again = RoleArn::parse(arn.toString());
    FUZZ_CHECK(again.isValid(), "the canonical form does not parse");
    FUZZ_CHECK(again.toString() == arn.toString(), "the canonical form does not round-trip");
    FUZZ_CHECK(again.sameRole(arn), "the canonical form names another role");
    return 0;
}
