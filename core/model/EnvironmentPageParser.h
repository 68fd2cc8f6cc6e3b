#pragma once

#include "Environment.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

// A ListServerIdeInstances answer page read with simdjson instead of Qt's JSON DOM (several times faster on the
// listing's 100 KB pages), into exactly the values Environment::listFromAnswer / Environment::fromJson give for
// the same bytes. Whenever it cannot promise that (malformed JSON, a duplicated key it reads, a nested object sent
// as a JSON string, a number Qt might read differently, ...), parse() returns nothing and the caller uses the Qt
// path, which then produces today's values and errors.
namespace EnvironmentPageParser {

struct Page
{
    // The answer without PagingInfo.Instances and Instances (RequestId, PagingInfo.TotalCount/PageSize,
    // NextToken, ...), as Qt parses it.
    QJsonObject answer;
    // PagingInfo.Instances, as Environment::listFromAnswer(answer, pool) reads them.
    QList<Environment> environments;
    // The top-level Instances array (an older answer shape), when the answer has one.
    bool hasTopLevelInstances = false;
    QList<Environment> topLevelInstances;
};

// body: a whole answer. Thread-safe (one simdjson parser per thread); pool may be shared between threads.
std::optional<Page> parse(const QByteArray& body, StringPool* pool);

} // namespace EnvironmentPageParser
