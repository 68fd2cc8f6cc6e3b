// EnvironmentPageParser (simdjson) against Environment::fromJson (Qt's DOM), differentially: either the fast path
// accepts the page with exactly the values the Qt path reads, or it hands over (returns nothing).
#include "FuzzSupport.h"

#include "model/EnvironmentPageParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);
    const std::optional<EnvironmentPageParser::Page> page = EnvironmentPageParser::parse(body, nullptr);
    if (!page)
        return 0; // handed over to the Qt path
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    FUZZ_CHECK(doc.isObject(), "the fast path accepted what Qt does not parse as an object");
    const QJsonObject answer = doc.object();
    FUZZ_CHECK(page->environments == Environment::listFromAnswer(answer), "the two paths read different environments");
    const bool hasTop = answer.value(QLatin1String("Instances")).isArray();
    FUZZ_CHECK(page->hasTopLevelInstances == hasTop, "the two paths disagree on top-level Instances");
    if (hasTop) {
        QList<Environment> top;
        for (const QJsonValue& v : answer.value(QLatin1String("Instances")).toArray())
            top.append(Environment::fromJson(v.toObject()));
        FUZZ_CHECK(page->topLevelInstances == top, "the two paths read different top-level Instances");
    }
    return 0;
}
