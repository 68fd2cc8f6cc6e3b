// MaxCompute's XML (MaxComputeClient::parseTablesPage, a <Tables> page): never crashes or hangs; deterministic;
// no more tables than <Table> elements in the text; times it returns are UTC.
#include "FuzzSupport.h"

#include "api/MaxComputeClient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray xml = FuzzSupport::bytes(data, size);
    QList<MaxComputeTable> tables;
    QString marker;
    const bool ok = MaxComputeClient::parseTablesPage(xml, &tables, &marker);
    QList<MaxComputeTable> again;
    QString againMarker;
    FUZZ_CHECK(MaxComputeClient::parseTablesPage(xml, &again, &againMarker) == ok && again.size() == tables.size() &&
                   againMarker == marker,
               "parsing twice differs");
    if (!ok)
        return 0;
    FUZZ_CHECK(tables.size() <= xml.count("Table"), "more tables than Table elements");
    for (const MaxComputeTable& table : tables) {
        FUZZ_CHECK(!table.creationTime.isValid() || table.creationTime.timeSpec() == Qt::UTC, "a local time");
        FUZZ_CHECK(!table.lastModifiedTime.isValid() || table.lastModifiedTime.timeSpec() == Qt::UTC, "a local time");
    }
    return 0;
}
