// The visibility import (VisibilityStore::importJson and importCsv; the first byte picks which): never crashes;
// all or nothing (a failed import changes nothing and says why, line by line); an accepted import leaves only
// records with an instance id and a known visibility; importing the same data again changes nothing.
#include "FuzzSupport.h"

#include "MockClock.h"

#include "model/VisibilityStore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static MockClock clock;
    const bool csv = data[0] & 1;
    const QByteArray bytes = FuzzSupport::bytes(data + 1, size - 1);
    VisibilityStore store(QStringLiteral("/nonexistent/roledesk-fuzz/visibility.json"), &clock);
    store.set(QStringLiteral("700000"), Visibility::Public, QStringLiteral("before"));
    const auto before = store.records();
    const QString who = QStringLiteral("fuzz");
    const VisibilityImportResult result = csv ? store.importCsv(bytes, who) : store.importJson(bytes, who);
    FUZZ_CHECK(result.ok == result.errors.isEmpty(), "ok disagrees with the errors");
    FUZZ_CHECK(result.changed >= 0 && result.entries >= 0, "negative counts");
    if (!result.ok) {
        FUZZ_CHECK(store.records() == before, "a failed import changed the store");
        FUZZ_CHECK(result.changed == 0, "a failed import counts changes");
        for (const QString& error : result.errors)
            FUZZ_CHECK(!error.isEmpty(), "an empty error");
        return 0;
    }
    FUZZ_CHECK(result.changed <= result.entries, "more changes than entries");
    for (const VisibilityRecord& record : store.records()) {
        FUZZ_CHECK(!record.instanceId.isEmpty(), "a record without an instance id");
        FUZZ_CHECK(record.visibility != Visibility::Unknown, "a record of unknown visibility");
        FUZZ_CHECK(record.instanceId == store.record(record.instanceId)->instanceId, "a record not found by its id");
    }
    const auto after = store.records();
    const VisibilityImportResult again = csv ? store.importCsv(bytes, who) : store.importJson(bytes, who);
    FUZZ_CHECK(again.ok && again.changed == 0 && store.records() == after, "importing the same data twice changed it");
    return 0;
}
