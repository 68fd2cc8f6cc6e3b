#include "EnvironmentPageParser.h"

#include "EnvironmentJson_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

#include <cfloat>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

// Mirrors Environment::fromJson field by field. The value conversions themselves (text, integer, number, boolean)
// are EnvironmentJson's, shared with the Qt path; CredentialConfig goes to RoleAssociation::fromCredentialConfig as
// the QJsonValue Qt would have made of it, less the UserInfo members the mapping never reads (see role()).
//
// Where Qt and simdjson could disagree, the page is left to the Qt path (parse() returns nothing):
// - documents Qt rejects must not be accepted here: every number of the document is checked (simdjson reads
//   1e-400 as 0, Qt rejects it as an illegal number; zeros, subnormals and -0 are never trusted), a UTF-8 byte
//   order mark is left to Qt, and the depth is capped well below both parsers' limits;
// - a key that is read (or PagingInfo / Instances) appearing twice in one object;
// - UserVpc or Datasets sent as a JSON string (Environment parses it with Qt).
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr size_t kMaxDepth = 256;

struct Fallback
{};

// Qt reads a JSON number as a qint64 when it is an integer that fits, as a double otherwise.
QJsonValue qtNumber(element el)
{
    switch (el.type()) {
    case element_type::INT64:
        return QJsonValue(qint64(int64_t(el)));
    case element_type::UINT64: // above INT64_MAX: Qt reads the (exact) integer as the nearest double, as this does
        return QJsonValue(double(uint64_t(el)));
    case element_type::DOUBLE: {
        const double d = double(el);
        if (!std::isfinite(d) || std::fabs(d) < DBL_MIN) // underflow, -0, subnormals: Qt may reject or differ
            throw Fallback{};
        return QJsonValue(d);
    }
    default:
        throw Fallback{};
    }
}

// Every number in a value Qt would have parsed too (it rejects the whole document on one it cannot read).
void checkNumbers(element el, size_t depth = 0)
{
    if (depth > kMaxDepth)
        throw Fallback{};
    switch (el.type()) {
    case element_type::ARRAY:
        for (element child : simdjson::dom::array(el))
            checkNumbers(child, depth + 1);
        break;
    case element_type::OBJECT:
        for (simdjson::dom::key_value_pair kv : simdjson::dom::object(el))
            checkNumbers(kv.value, depth + 1);
        break;
    case element_type::DOUBLE:
        qtNumber(el);
        break;
    default:
        break;
    }
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A value as Qt would hand it to the conversions: objects and arrays through QJsonDocument on their JSON.
QJsonValue qtValue(const element* el)
{
    if (!el)
        return QJsonValue(QJsonValue::Undefined);
    switch (el->type()) {
    case element_type::STRING:
        return QJsonValue(utf8(std::string_view(*el)));
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return qtNumber(*el);
    case element_type::BOOL:
        return QJsonValue(bool(*el));
    case element_type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    case element_type::ARRAY:
    case element_type::OBJECT: {
        checkNumbers(*el);
        const std::string json = simdjson::minify(*el);
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), qsizetype(json.size())), &error);
        if (error.error != QJsonParseError::NoError)
            throw Fallback{};
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    }
    throw Fallback{};
}

// EnvironmentJson::text etc. on a simdjson value; nullptr for a missing key.
QString text(const element* el)
{
    if (!el)
        return {};
    switch (el->type()) {
    case element_type::STRING:
        return utf8(std::string_view(*el));
    case element_type::ARRAY:
    case element_type::OBJECT:
        checkNumbers(*el);
        return {};
    case element_type::NULL_VALUE:
        return {};
    default:
        return EnvironmentJson::text(qtValue(el));
    }
}

// A number or boolean read as EnvironmentJson reads it: a JSON string through its string branch, an array or object
// as the type's zero (after checking its numbers as Qt would), anything else through Qt's value.
template<typename T>
T scalar(const element* el, T (*fromString)(const QString&), T (*fromQt)(const QJsonValue&))
{
    if (el && el->type() == element_type::STRING)
        return fromString(utf8(std::string_view(*el)));
    if (el && (el->type() == element_type::ARRAY || el->type() == element_type::OBJECT)) {
        checkNumbers(*el);
        return T{};
    }
    return fromQt(qtValue(el));
}

qint64 integer(const element* el)
{
    return scalar(el, &EnvironmentJson::integerFromString, &EnvironmentJson::integer);
}

double number(const element* el)
{
    return scalar(el, &EnvironmentJson::numberFromString, &EnvironmentJson::number);
}

bool boolean(const element* el)
{
    return scalar(el, &EnvironmentJson::booleanFromString, &EnvironmentJson::boolean);
}

// The values of the given keys of one object (nullptr where absent); every other value is only checked. A key that
// is read must appear once (QJsonObject's choice between duplicates is not something to copy).
template<size_t N>
void readKeys(element object, const std::string_view (&keys)[N], const element* (&found)[N], element (&storage)[N])
{
    for (size_t i = 0; i < N; ++i)
        found[i] = nullptr;
    for (simdjson::dom::key_value_pair kv : simdjson::dom::object(object)) {
        size_t i = 0;
        while (i < N && keys[i] != kv.key)
            ++i;
        if (i == N) {
            checkNumbers(kv.value);
            continue;
        }
        if (found[i])
            throw Fallback{};
        storage[i] = kv.value;
        found[i] = &storage[i];
    }
}

// A JSON string with the given (decoded, valid UTF-8) text.
void appendString(std::string& out, std::string_view text)
{
    out += '"';
    size_t run = 0; // the start of the bytes not written yet: runs that need no escape are copied at once
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void appendKey(std::string& out, std::string_view key)
{
    appendString(out, key);
    out += ':';
}

// The value's JSON without any member named UserInfo. RoleAssociation::fromCredentialConfig never reads UserInfo
// (CredentialConfigMapping.h), so its answer is the same with or without them; without them the STS secrets an answer
// may carry there never become Qt strings, and the configurations of a page repeat (a handful of roles), so each
// distinct one goes through QJsonDocument and the mapping once per page.
void appendWithoutUserInfo(std::string& out, element el, size_t depth = 0)
{
    if (depth > kMaxDepth)
        throw Fallback{};
    switch (el.type()) {
    case element_type::OBJECT: {
        out += '{';
        bool first = true;
        for (simdjson::dom::key_value_pair kv : simdjson::dom::object(el)) {
            if (kv.key == "UserInfo")
                continue;
            if (!first)
                out += ',';
            first = false;
            appendKey(out, kv.key);
            appendWithoutUserInfo(out, kv.value, depth + 1);
        }
        out += '}';
        break;
    }
    case element_type::ARRAY: {
        out += '[';
        bool first = true;
        for (element child : simdjson::dom::array(el)) {
            if (!first)
                out += ',';
            first = false;
            appendWithoutUserInfo(out, child, depth + 1);
        }
        out += ']';
        break;
    }
    case element_type::STRING:
        appendString(out, std::string_view(el));
        break;
    case element_type::INT64:
        out += std::to_string(int64_t(el));
        break;
    case element_type::UINT64:
        out += std::to_string(uint64_t(el));
        break;
    case element_type::BOOL:
        out += bool(el) ? "true" : "false";
        break;
    case element_type::NULL_VALUE:
        out += "null";
        break;
    default:
        out += simdjson::minify(el);
        break;
    }
}

using RoleCache = std::unordered_map<std::string, RoleAssociation>;

// What one page's parse shares between its environments.
struct PageContext
{
    StringPool* pool = nullptr;
    RoleCache roles;
    // The pooled QString of each JSON string already seen on this page, by its UTF-8 bytes (views into the parser's
    // memory, alive for the parse): a repeated text costs one hash look-up instead of a UTF-16 conversion, an
    // allocation and the pool's locked look-up. The values are the pool's own copies, as intern() returns them.
    std::unordered_map<std::string_view, QString> texts;
};

// What Environment::fromJson's shared(text(v)) gives: text(), interned when there is a pool.
QString sharedText(const element* el, PageContext& context)
{
    if (!context.pool)
        return text(el);
    if (el && el->type() == element_type::STRING) {
        const std::string_view utf8Text(*el);
        if (const auto it = context.texts.find(utf8Text); it != context.texts.end())
            return it->second;
        QString pooled = context.pool->intern(utf8(utf8Text));
        context.texts.emplace(utf8Text, pooled);
        return pooled;
    }
    return context.pool->intern(text(el));
}

// RoleAssociation::fromCredentialConfig on the QJsonValue Qt would have made of CredentialConfig (the one mapping).
RoleAssociation role(const element* config, PageContext& context)
{
    // As Environment::fromJson: a custom role's ARN shared through the pool.
    const auto pooled = [&context](const RoleAssociation& r) {
        return context.pool && r.isCustomRole() ? r.withRoleArn(context.pool->intern(r.roleArn())) : r;
    };
    if (!config || config->type() != element_type::OBJECT)
        return pooled(RoleAssociation::fromCredentialConfig(qtValue(config)));
    checkNumbers(*config); // UserInfo included: Qt reads the whole document
    std::string json;
    json.reserve(512);
    appendWithoutUserInfo(json, *config);
    if (const auto it = context.roles.find(json); it != context.roles.end())
        return it->second;
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Fallback{};
    const RoleAssociation result = pooled(RoleAssociation::fromCredentialConfig(QJsonValue(doc.object())));
    context.roles.emplace(std::move(json), result);
    return result;
}

enum Key
{
    InstanceId,
    InstanceName,
    Status,
    ProjectId,
    ProjectName,
    ResourceGroupId,
    ResourceGroupName,
    OwnerId,
    ImageId,
    ImageName,
    ImageUrl,
    Cu,
    FailReason,
    CreateTime,
    UpdateTime,
    UserVpcKey,
    Datasets,
    CredentialConfig,
    KeyCount
};

constexpr std::string_view kKeys[KeyCount] = {
    "InstanceId",        "InstanceName", "Status",     "ProjectId", "ProjectName", "ResourceGroupId",
    "ResourceGroupName", "OwnerId",      "ImageId",    "ImageName", "ImageUrl",    "Cu",
    "FailReason",        "CreateTime",   "UpdateTime", "UserVpc",   "Datasets",    "CredentialConfig",
};

constexpr std::string_view kVpcKeys[] = {"VpcId", "VSwitchId", "SecurityGroupId", "ForwardInfos"};
constexpr std::string_view kForwardKeys[] = {"Name",        "Enable",       "AccessType",      "ContainerName",
                                             "ForwardPort", "ExternalPort", "EipAllocationId", "NatGatewayId",
                                             "SSHPublicKey"};

// UserVpc.ForwardInfos as Environment::fromJson reads it.
QList<ForwardInfo> forwardInfos(const element* forwards, PageContext& context)
{
    QList<ForwardInfo> list;
    if (!forwards)
        return list;
    if (forwards->type() != element_type::ARRAY) { // QJsonValue::toArray(): empty
        checkNumbers(*forwards);
        return list;
    }
    const simdjson::dom::array array(*forwards);
    if (array.size() > 0)
        list.reserve(qsizetype(array.size()));
    for (element item : array) {
        ForwardInfo info;
        if (item.type() == element_type::OBJECT) {
            const element* f[9];
            element fs[9];
            readKeys(item, kForwardKeys, f, fs);
            info.name = sharedText(f[0], context);
            info.enabled = boolean(f[1]);
            if (const element* access = f[2]) {
                if (access->type() == element_type::ARRAY) {
                    for (element a : simdjson::dom::array(*access))
                        info.accessTypes << sharedText(&a, context);
                } else if (access->type() == element_type::STRING) {
                    info.accessTypes << sharedText(access, context);
                } else {
                    checkNumbers(*access);
                }
            }
            info.containerName = sharedText(f[3], context);
            info.forwardPort = sharedText(f[4], context);
            info.externalPort = sharedText(f[5], context);
            info.hasEip = !text(f[6]).isEmpty();
            info.hasNatGateway = !text(f[7]).isEmpty();
            info.hasSshPublicKey = !text(f[8]).isEmpty(); // only whether a key is set
        } else {
            checkNumbers(item);
        }
        list << info;
    }
    return list;
}

constexpr std::string_view kDatasetKeys[] = {"Identifier", "MountPath", "ReadOnly", "Uri"};

Environment environment(element instance, PageContext& context)
{
    if (instance.type() != element_type::OBJECT) { // QJsonValue::toObject(): an empty object
        checkNumbers(instance);
        return Environment::fromJson(QJsonObject(), context.pool);
    }
    const element* f[KeyCount];
    element storage[KeyCount];
    readKeys(instance, kKeys, f, storage);

    Environment e;
    e.instanceId = text(f[InstanceId]);
    e.instanceName = text(f[InstanceName]);
    e.statusText = sharedText(f[Status], context);
    e.status = EnvironmentStatuses::fromString(e.statusText);
    e.projectId = integer(f[ProjectId]);
    e.projectName = sharedText(f[ProjectName], context);
    e.resourceGroupId = sharedText(f[ResourceGroupId], context);
    e.resourceGroupName = sharedText(f[ResourceGroupName], context);
    e.ownerId = sharedText(f[OwnerId], context);
    e.imageId = sharedText(f[ImageId], context);
    e.imageName = sharedText(f[ImageName], context);
    e.imageUrl = sharedText(f[ImageUrl], context);
    e.cu = number(f[Cu]);
    e.failReason = sharedText(f[FailReason], context);
    e.createTimeMs = integer(f[CreateTime]);
    e.updateTimeMs = integer(f[UpdateTime]);
    e.createTime = EnvironmentJson::epochMs(e.createTimeMs);
    e.updateTime = EnvironmentJson::epochMs(e.updateTimeMs);

    if (const element* vpc = f[UserVpcKey]) {
        if (vpc->type() == element_type::STRING)
            throw Fallback{};
        if (vpc->type() == element_type::OBJECT && simdjson::dom::object(*vpc).size() > 0) {
            const element* v[4];
            element vs[4];
            readKeys(*vpc, kVpcKeys, v, vs);
            e.userVpc.vpcId = sharedText(v[0], context);
            e.userVpc.vSwitchId = sharedText(v[1], context);
            e.userVpc.securityGroupId = sharedText(v[2], context);
            e.forwardInfos = forwardInfos(v[3], context);
        } else {
            checkNumbers(*vpc);
        }
    }

    if (const element* datasets = f[Datasets]) {
        if (datasets->type() == element_type::STRING)
            throw Fallback{};
        if (datasets->type() == element_type::ARRAY) {
            const simdjson::dom::array list(*datasets);
            if (list.size() > 0)
                e.datasets.reserve(qsizetype(list.size()));
            for (element item : list) {
                Dataset dataset;
                if (item.type() == element_type::OBJECT) {
                    const element* d[4];
                    element ds[4];
                    readKeys(item, kDatasetKeys, d, ds);
                    dataset.identifier = sharedText(d[0], context);
                    dataset.mountPath = sharedText(d[1], context);
                    dataset.readOnly = boolean(d[2]);
                    dataset.uri = sharedText(d[3], context);
                } else {
                    checkNumbers(item);
                }
                e.datasets << dataset;
            }
        } else {
            checkNumbers(*datasets);
        }
    }

    // The only read of CredentialConfig, through the one mapping (which never looks at UserInfo).
    e.role = role(f[CredentialConfig], context);
    return e;
}

QList<Environment> environments(element instances, PageContext& context)
{
    QList<Environment> list;
    const simdjson::dom::array array(instances);
    list.reserve(qsizetype(array.size()));
    for (element instance : array)
        list.append(environment(instance, context));
    return list;
}

// One member of the small answer Qt parses: its key and the value's JSON.
void appendMember(std::string& out, std::string_view key, element value)
{
    checkNumbers(value);
    if (out.size() > 1)
        out += ',';
    appendKey(out, key);
    out += simdjson::minify(value);
}

EnvironmentPageParser::Page parsePage(element root, StringPool* pool)
{
    if (root.type() != element_type::OBJECT)
        throw Fallback{};
    std::string answer = "{";
    std::optional<element> paging;
    std::optional<element> topInstances;
    for (simdjson::dom::key_value_pair kv : simdjson::dom::object(root)) {
        if (kv.key == "PagingInfo") {
            if (paging)
                throw Fallback{};
            paging = kv.value;
        } else if (kv.key == "Instances") {
            if (topInstances)
                throw Fallback{};
            topInstances = kv.value;
        } else {
            appendMember(answer, kv.key, kv.value);
        }
    }

    EnvironmentPageParser::Page page;
    PageContext context;
    context.pool = pool;
    if (paging) {
        if (paging->type() == element_type::OBJECT) {
            std::string pagingJson = "{";
            std::optional<element> instances;
            for (simdjson::dom::key_value_pair kv : simdjson::dom::object(*paging)) {
                if (kv.key == "Instances") {
                    if (instances)
                        throw Fallback{};
                    instances = kv.value;
                } else {
                    appendMember(pagingJson, kv.key, kv.value);
                }
            }
            pagingJson += '}';
            if (answer.size() > 1)
                answer += ',';
            answer += "\"PagingInfo\":";
            answer += pagingJson;
            if (instances) {
                if (instances->type() == element_type::ARRAY)
                    page.environments = environments(*instances, context);
                else
                    checkNumbers(*instances);
            }
        } else {
            appendMember(answer, "PagingInfo", *paging);
        }
    }
    if (topInstances) {
        if (topInstances->type() == element_type::ARRAY) {
            page.hasTopLevelInstances = true;
            page.topLevelInstances = environments(*topInstances, context);
        } else {
            checkNumbers(*topInstances);
        }
    }
    answer += '}';

    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(answer.data(), qsizetype(answer.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Fallback{};
    page.answer = doc.object();
    return page;
}

} // namespace

namespace EnvironmentPageParser {

std::optional<Page> parse(const QByteArray& body, StringPool* pool)
{
    if (body.startsWith("\xEF\xBB\xBF") || body.size() > 256 * 1024 * 1024)
        return std::nullopt;
    thread_local simdjson::dom::parser parser;
    const size_t length = size_t(body.size());
    if (parser.capacity() < length || parser.max_depth() != kMaxDepth) {
        if (parser.allocate(qMax<size_t>(length, 1 << 20), kMaxDepth) != simdjson::SUCCESS)
            return std::nullopt;
    }
    element root;
    if (parser.parse(body.constData(), length, true).get(root) != simdjson::SUCCESS)
        return std::nullopt;
    try {
        return parsePage(root, pool);
    } catch (const Fallback&) {
        return std::nullopt;
    } catch (const simdjson::simdjson_error&) {
        return std::nullopt;
    }
}

} // namespace EnvironmentPageParser
