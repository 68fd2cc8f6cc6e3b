// The simulated services behind SandboxEngine::handle(): DataWorks, STS, RAM, MaxCompute and the
// in-environment credentials service. Everything here runs with SandboxEngine::m_mutex held.
#include "SandboxEngine.h"

#include "credentials/CredentialsUriFormat.h"
#include "model/RoleArn.h"
#include "signing/Signing.h"
#include "util/Bytes.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamWriter>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;
using SandboxData::Environment;
using SandboxData::RoleKind;

namespace {

constexpr qint64 kMaxSkewMs = 15 * 60 * 1000;
const QString kDataWorksService = u"dataworks.aliyuncs.com"_s;

QString randomString(int length, QLatin1String alphabet)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QChar(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())))));
    return out;
}

const QLatin1String kBase58("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
const QLatin1String kAlnum("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

qint64 paramInt(const QHash<QString, QString>& params, const QString& name, qint64 fallback, bool* ok)
{
    const auto it = params.constFind(name);
    if (it == params.cend() || it->isEmpty())
        return fallback;
    bool good = false;
    const qint64 v = it->toLongLong(&good);
    if (!good)
        *ok = false;
    return v;
}

// ResourceGroupId is a string in requests (the SDK model): a number, or "Serverless_res_group_<tenant>_<group>".
qint64 resourceGroupParam(const QHash<QString, QString>& params, bool* ok)
{
    const QString text = params.value(u"ResourceGroupId"_s).trimmed();
    if (text.isEmpty())
        return 0;
    static const QRegularExpression serverless(u"^Serverless_res_group_\\d+_(\\d+)$"_s);
    const auto match = serverless.match(text);
    bool good = false;
    const qint64 id = (match.hasMatch() ? match.captured(1) : text).toLongLong(&good);
    if (!good)
        *ok = false;
    return id;
}

QString imageName(const QString& imageId)
{
    QString name = imageId;
    if (name.startsWith(u"System_"_s))
        name = name.mid(7);
    const qsizetype us = name.lastIndexOf(u'_');
    return us > 0 ? name.left(us) : name;
}

// Deterministic look-alike values (VPC ids) derived from the state's secret: one HMAC seeds a generator.
// Seeding QRandomGenerator's Mersenne Twister costs tens of microseconds: callers cache what they derive here.
QString derived(const QByteArray& secret, const QString& what, int length, QLatin1String alphabet)
{
    const QByteArray digest = QMessageAuthenticationCode::hash(what.toUtf8(), secret, QCryptographicHash::Sha256);
    std::array<quint32, 8> seed{};
    memcpy(seed.data(), digest.constData(), sizeof(seed));
    QRandomGenerator generator(seed.data(), seed.data() + seed.size());
    QString out(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        out[i] = QChar(alphabet.at(generator.bounded(int(alphabet.size()))));
    return out;
}

// The decoy UserInfo key and token of one environment: look-alike values, deterministic for the state's secret and
// the instance id, that nothing accepts (they are never issued). FNV-1a of secret and id, spread by splitmix64, seeds
// xoshiro256**: a few nanoseconds a character, so writing a page of 100 environments stays cheap without a cache.
// (Seeding QRandomGenerator's Mersenne Twister from an HMAC per value made them 60% of the sandbox's listing CPU.)
class DecoyStream
{
public:
    DecoyStream(const QByteArray& secret, QStringView instanceId)
    {
        quint64 h = 0xcbf29ce484222325ull;
        const auto mix = [&h](uchar byte) {
            h ^= byte;
            h *= 0x100000001b3ull;
        };
        for (const char c : secret)
            mix(uchar(c));
        mix(0);
        for (const QChar c : instanceId) {
            mix(uchar(c.unicode() & 0xff));
            mix(uchar(c.unicode() >> 8));
        }
        for (quint64& word : m_s) {
            // splitmix64
            h += 0x9e3779b97f4a7c15ull;
            quint64 z = h;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            word = z ^ (z >> 31);
        }
    }
    void append(QByteArray* out, int length, QLatin1String alphabet)
    {
        const qsizetype at = out->size();
        out->resize(at + length);
        char* p = out->data() + at;
        const quint64 n = quint64(alphabet.size());
        for (int i = 0; i < length; ++i)
            p[i] = alphabet.at(qsizetype(((next() >> 32) * n) >> 32)).toLatin1();
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    std::array<quint64, 4> m_s{};
};

QString encodeToken(qsizetype offset)
{
    return QString::fromLatin1(QByteArray("sbx:" + QByteArray::number(offset)).toBase64(QByteArray::Base64UrlEncoding));
}

qsizetype decodeToken(const QString& token, bool* ok)
{
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    *ok = raw.startsWith("sbx:");
    return *ok ? raw.mid(4).toLongLong(ok) : 0;
}

QString httpDateString(qint64 ms)
{
    return QString::fromLatin1(Signing::httpDate(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
}

QDateTime parseHttpDate(const QByteArray& text)
{
    QDateTime dt = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!dt.isValid())
        return {};
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

} // namespace

// ---- DataWorks ----

// Instances are written as JSON text directly: a page of 100 through QJsonObject cost several
// milliseconds in allocations, which made the sandbox the bottleneck of 100,000-environment listings.
namespace {

// Appends n bytes (QByteArray::append(const char*) goes through the general insert path, which was a fifth of
// writing an instance).
inline void appendBytes(QByteArray* out, const char* data, qsizetype n)
{
    const qsizetype at = out->size();
    out->resize(at + n);
    memcpy(out->data() + at, data, size_t(n));
}

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray* out)
        : m_out(out)
    {
        m_out->append('{');
    }
    void end() { m_out->append('}'); }
    void key(const char* name)
    {
        // ,"name":
        char buffer[64];
        const size_t length = strlen(name);
        Q_ASSERT(length + 4 <= sizeof(buffer));
        char* p = buffer;
        if (m_first)
            m_first = false;
        else
            *p++ = ',';
        *p++ = '"';
        memcpy(p, name, length);
        p += length;
        *p++ = '"';
        *p++ = ':';
        appendBytes(m_out, buffer, p - buffer);
    }
    void string(const char* name, QStringView value)
    {
        key(name);
        appendString(m_out, value);
    }
    void number(const char* name, qint64 value)
    {
        key(name);
        char buffer[24];
        const int n = std::snprintf(buffer, sizeof(buffer), "%lld", static_cast<long long>(value));
        appendBytes(m_out, buffer, n);
    }
    void boolean(const char* name, bool value)
    {
        key(name);
        m_out->append(value ? "true" : "false");
    }
    static void appendString(QByteArray* out, QStringView value)
    {
        // ASCII without anything to escape (nearly every value) is copied as it is; anything else is encoded to
        // UTF-8 and escaped byte by byte.
        bool plain = true;
        for (const QChar c : value) {
            const char16_t u = c.unicode();
            if (u >= 0x80 || u < 0x20 || u == u'"' || u == u'\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            const qsizetype at = out->size();
            out->resize(at + value.size() + 2);
            char* p = out->data() + at;
            *p++ = '"';
            for (const QChar c : value)
                *p++ = char(c.unicode());
            *p = '"';
            return;
        }
        out->append('"');
        const QByteArray utf8 = value.toUtf8();
        for (const char c : utf8) {
            if (c == '"' || c == '\\') {
                out->append('\\').append(c);
            } else if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out->append("\\u00").append(hex[(c >> 4) & 0xf]).append(hex[c & 0xf]);
            } else {
                out->append(c);
            }
        }
        out->append('"');
    }

private:
    QByteArray* m_out;
    bool m_first = true;
};

// Placeholders in the cached CredentialConfig text, replaced per environment.
const QByteArray kOwnerMark = QByteArrayLiteral("@@SBX_OWNER@@");
const QByteArray kKeyMark = QByteArrayLiteral("@@SBX_KEY@@");
const QByteArray kTokenMark = QByteArrayLiteral("@@SBX_TOKEN@@");

} // namespace

void SandboxEngine::appendCredentialConfig(QByteArray* out, const Environment& env) const
{
    // The config as stored (SandboxData::normalizeCredentialConfig: the SDK model's members as written), with the
    // UserInfo the service fills into every role of an enabled config. Cut at its per-environment placeholders once
    // per distinct stored config; only the per-environment values are written here.
    auto it = m_configTemplates.constFind(env.credentialConfig);
    if (it == m_configTemplates.cend()) {
        QJsonObject config = QJsonDocument::fromJson(env.credentialConfig).object();
        if (config.value(u"Enable").toBool(false)) {
            // Like the real answers, carry a (decoy) live STS key in UserInfo, so clients prove they drop it.
            QJsonArray configs = config.value(u"Configs").toArray();
            for (qsizetype i = 0; i < configs.size(); ++i) {
                QJsonObject c = configs.at(i).toObject();
                QJsonArray roles = c.value(u"Roles").toArray();
                for (qsizetype j = 0; j < roles.size(); ++j) {
                    QJsonObject role = roles.at(j).toObject();
                    role.insert(u"UserInfo", QJsonObject{{u"Id"_s, QString::fromLatin1(kOwnerMark)},
                                                         {u"Type"_s, u"sub"_s},
                                                         {u"AccessKeyId"_s, QString::fromLatin1(kKeyMark)},
                                                         {u"SecurityToken"_s, QString::fromLatin1(kTokenMark)}});
                    roles.replace(j, role);
                }
                if (c.contains(u"Roles"))
                    c.insert(u"Roles", roles);
                configs.replace(i, c);
            }
            if (config.contains(u"Configs"))
                config.insert(u"Configs", configs);
        }
        const QByteArray text = QJsonDocument(config).toJson(QJsonDocument::Compact);
        ConfigTemplate cut;
        const QByteArray marks[] = {kOwnerMark, kKeyMark, kTokenMark};
        qsizetype from = 0;
        while (true) {
            qsizetype next = -1;
            int which = -1;
            for (int m = 0; m < 3; ++m) {
                const qsizetype at = text.indexOf(marks[m], from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    which = m;
                }
            }
            if (next < 0)
                break;
            cut.pieces.append(text.mid(from, next - from));
            cut.marks.append(which);
            from = next + marks[which].size();
        }
        cut.pieces.append(text.mid(from));
        it = m_configTemplates.insert(env.credentialConfig, cut);
    }
    const ConfigTemplate& cut = it.value();
    // The key is always drawn before the token, whatever their order in the text.
    DecoyStream decoy(m_state.credentialsSecret, env.instanceId);
    QByteArray key = QByteArrayLiteral("STS.N");
    QByteArray token = QByteArrayLiteral("CAIS");
    if (!cut.marks.isEmpty()) {
        decoy.append(&key, 24, kBase58);
        decoy.append(&token, 380, kAlnum);
    }
    for (qsizetype i = 0; i < cut.pieces.size(); ++i) {
        const QByteArray& piece = cut.pieces.at(i);
        appendBytes(out, piece.constData(), piece.size());
        if (i >= cut.marks.size())
            break;
        switch (cut.marks.at(i)) {
        case 0: { // the owner; placeholders sit inside a JSON string: the value without its quotes
            QByteArray value;
            JsonWriter::appendString(&value, env.ownerId);
            appendBytes(out, value.constData() + 1, value.size() - 2);
            break;
        }
        case 1:
            appendBytes(out, key.constData(), key.size());
            break;
        default:
            appendBytes(out, token.constData(), token.size());
            break;
        }
    }
}

void SandboxEngine::appendInstanceJson(QByteArray* out, const Environment& env) const
{
    const SandboxData::Workspace* ws = m_state.workspace(env.projectId);
    const SandboxData::ResourceGroup* group = m_state.resourceGroup(env.resourceGroupId);
    auto suffix = m_vpcSuffixes.constFind(env.projectId);
    if (suffix == m_vpcSuffixes.cend())
        suffix = m_vpcSuffixes.insert(env.projectId,
                                      derived(m_state.credentialsSecret, u"vpc:"_s + QString::number(env.projectId), 20,
                                              QLatin1String("0123456789abcdefghijklmnopqrstuvwxyz")));
    const QString& vpcSuffix = suffix.value();
    const QString image = imageName(env.imageId);
    QString imageUrlName = image;
    imageUrlName.replace(u'_', u'-');
    JsonWriter w(out);
    w.string("InstanceId", env.instanceId);
    w.string("InstanceName", env.name);
    w.string("Status", env.status);
    // No SubType: the SDK's instance model has none (the request filter exists, the answer field does not).
    w.number("ProjectId", env.projectId);
    w.string("ProjectName", ws ? ws->name : QString());
    w.number("ResourceGroupId", env.resourceGroupId);
    w.string("ResourceGroupName", group ? group->name : QString());
    w.string("OwnerId", env.ownerId);
    w.string("ImageId", env.imageId);
    w.string("ImageName", image);
    w.string("ImageUrl",
             QString(u"registry."_s + m_state.region + u".aliyuncs.com/dataworks/"_s + imageUrlName + u":latest"_s));
    w.number("Cu", env.cu);
    w.string("FailReason", env.failReason);
    w.number("CreateTime", env.createTimeMs);
    w.number("UpdateTime", env.updateTimeMs);
    w.key("UserVpc");
    {
        JsonWriter vpc(out);
        vpc.string("VpcId", QString(u"vpc-bp1"_s + vpcSuffix));
        vpc.string("VSwitchId", QString(u"vsw-bp1"_s + vpcSuffix.mid(2) + u"x1"_s));
        vpc.string("SecurityGroupId", QString(u"sg-bp1"_s + vpcSuffix.mid(4) + u"q7"_s));
        if (!env.forwardInfos.isEmpty()) {
            // By the SDK model: Enable a boolean, AccessType an array of strings, ports as strings.
            vpc.key("ForwardInfos");
            out->append('[');
            for (qsizetype i = 0; i < env.forwardInfos.size(); ++i) {
                const SandboxData::ForwardInfo& f = env.forwardInfos.at(i);
                if (i)
                    out->append(',');
                JsonWriter fw(out);
                fw.string("Name", f.name);
                fw.boolean("Enable", f.enable);
                fw.key("AccessType");
                out->append('[');
                for (qsizetype a = 0; a < f.accessType.size(); ++a) {
                    if (a)
                        out->append(',');
                    JsonWriter::appendString(out, f.accessType.at(a));
                }
                out->append(']');
                fw.string("ContainerName", f.containerName);
                fw.string("ForwardPort", f.forwardPort);
                fw.string("ExternalPort", f.externalPort);
                fw.string("EipAllocationId", f.eipAllocationId);
                fw.string("NatGatewayId", f.natGatewayId);
                fw.string("SSHPublicKey", f.sshPublicKey);
                fw.end();
            }
            out->append(']');
        }
        vpc.end();
    }
    w.key("Datasets");
    out->append('[');
    if (env.subType == QLatin1String("DATA_AGENT") || env.cu >= 8) {
        JsonWriter d(out);
        d.string("Identifier", QString(u"d-"_s + vpcSuffix.left(16)));
        d.string("MountPath", u"/mnt/data");
        d.boolean("ReadOnly", true);
        d.string("Uri", QString(u"oss://"_s + (ws ? ws->name : u"shared"_s) + u"-datasets/"_s));
        d.string("ExtOptions", u"");
        d.number("Version", 1);
        d.end();
    }
    out->append(']');
    w.key("CredentialConfig");
    appendCredentialConfig(out, env);
    w.end();
}

SandboxResponse SandboxEngine::popOkWithRaw(const Context& ctx, QJsonObject body, const QByteArray& rawJson) const
{
    // body holds the string "@@SBX_RAW@@" where rawJson (already JSON text) belongs.
    body.insert(u"RequestId", ctx.requestId);
    QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    text.replace(QByteArrayLiteral("\"@@SBX_RAW@@\""), rawJson);
    SandboxResponse r;
    r.body = text;
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")));
    r.headers.append(qMakePair(QByteArray("x-acs-request-id"), ctx.requestId.toLatin1()));
    return r;
}

bool SandboxEngine::storeCredentialConfig(Environment* env, const QString& text, const Context& ctx,
                                          SandboxResponse* refusal) const
{
    QByteArray stored;
    QString error;
    if (!SandboxData::normalizeCredentialConfig(text, m_strictPlacement, &stored, &error)) {
        *refusal = popError(ctx, 400, u"InvalidParameter.CredentialConfig"_s, error);
        return false;
    }
    QString arn;
    const RoleKind kind = SandboxData::effectiveRole(stored, &arn);
    QString name;
    if (kind == RoleKind::Custom) {
        // The service checks that the custom role exists (RAM), as it must hand out its credentials.
        name = SandboxData::roleNameOfArn(m_state, arn);
        if (name.isEmpty()) {
            *refusal = popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role does not exist: "_s + arn);
            return false;
        }
    }
    // Keep one copy per distinct config across environments.
    const auto shared = m_configTemplates.constFind(stored);
    env->credentialConfig = shared != m_configTemplates.cend() ? shared.key() : stored;
    env->roleKind = kind;
    env->customRoleName = name;
    return true;
}

SandboxResponse SandboxEngine::dataWorks(const QString& action, const Params& params, const Principal& principal,
                                         const Context& ctx)
{
    const qint64 now = nowMs();
    bool ok = true;

    if (action == QLatin1String("ListProjects")) {
        const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
        const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
        if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100)
            return popError(ctx, 400, u"InvalidParameter"_s,
                            u"PageNumber must be at least 1 and PageSize between 1 and 100."_s);
        // The filters of the SDK model: Ids and Names as JSON arrays, Status, DevEnvironmentEnabled (boolean).
        QList<qint64> ids;
        QStringList names;
        for (const char* name : {"Ids", "Names"}) {
            const QString text = params.value(QLatin1String(name));
            if (text.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            if (!doc.isArray())
                return popError(ctx, 400, u"InvalidParameter"_s,
                                u"%1 must be a JSON array."_s.arg(QLatin1String(name)));
            for (const QJsonValue& v : doc.array()) {
                if (name[0] == 'I') {
                    if (!v.isDouble() && !(v.isString() && !v.toString().isEmpty()))
                        return popError(ctx, 400, u"InvalidParameter"_s, u"Ids must hold workspace ids."_s);
                    ids.append(v.isDouble() ? qint64(v.toDouble()) : v.toString().toLongLong());
                } else {
                    names.append(v.toString());
                }
            }
        }
        const QString status = params.value(u"Status"_s);
        const QString devEnabled = params.value(u"DevEnvironmentEnabled"_s);
        if (!devEnabled.isEmpty() && devEnabled != u"true"_s && devEnabled != u"false"_s)
            return popError(ctx, 400, u"InvalidParameter"_s, u"DevEnvironmentEnabled must be true or false."_s);
        QList<const SandboxData::Workspace*> matching;
        for (const SandboxData::Workspace& w : m_state.workspaces) {
            if ((!ids.isEmpty() && !ids.contains(w.id)) || (!names.isEmpty() && !names.contains(w.name)) ||
                (!status.isEmpty() && w.status != status) ||
                (!devEnabled.isEmpty() && w.devEnvironmentEnabled != (devEnabled == u"true"_s)))
                continue;
            matching.append(&w);
        }
        QJsonArray projects;
        const qsizetype total = matching.size();
        for (qsizetype i = (pageNumber - 1) * pageSize; i < qMin(total, pageNumber * pageSize); ++i) {
            const SandboxData::Workspace& w = *matching.at(i);
            projects.append(QJsonObject{{u"Id"_s, w.id},
                                        {u"Name"_s, w.name},
                                        {u"DisplayName"_s, w.displayName},
                                        {u"Description"_s, w.description},
                                        {u"Owner"_s, w.ownerId},
                                        {u"Status"_s, w.status},
                                        {u"DevEnvironmentEnabled"_s, w.devEnvironmentEnabled},
                                        {u"DevRoleDisabled"_s, w.devRoleDisabled},
                                        {u"PaiTaskEnabled"_s, false},
                                        {u"AliyunResourceGroupId"_s, w.aliyunResourceGroupId},
                                        {u"AliyunResourceTags"_s, QJsonArray()}});
        }
        return popOk(ctx, QJsonObject{{u"PagingInfo"_s, QJsonObject{{u"PageNumber"_s, pageNumber},
                                                                    {u"PageSize"_s, pageSize},
                                                                    {u"TotalCount"_s, total},
                                                                    {u"Projects"_s, projects}}}});
    }

    if (action == QLatin1String("ListProjectMembers")) {
        // The SDK model (ListProjectMembersRequest, 2024-05-18): ProjectId (int64, required), PageNumber, PageSize
        // (default 10, at most 100), RoleCodes and UserIds (arrays of strings, sent as JSON strings), all in the body.
        const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
        const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
        const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
        if (!params.contains(u"ProjectId"_s))
            return popError(ctx, 400, u"MissingProjectId"_s, u"ProjectId is mandatory for this action."_s);
        if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100)
            return popError(ctx, 400, u"InvalidParameter"_s,
                            u"ProjectId is a number, PageNumber at least 1 and PageSize between 1 and 100."_s);
        QStringList filters[2];
        const char* arrayNames[2] = {"RoleCodes", "UserIds"};
        for (int i = 0; i < 2; ++i) {
            const QString text = params.value(QLatin1String(arrayNames[i]));
            if (text.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            if (!doc.isArray())
                return popError(ctx, 400, u"InvalidParameter"_s,
                                u"%1 must be a JSON array of strings."_s.arg(QLatin1String(arrayNames[i])));
            for (const QJsonValue& v : doc.array()) {
                if (!v.isString())
                    return popError(ctx, 400, u"InvalidParameter"_s,
                                    u"%1 must be a JSON array of strings."_s.arg(QLatin1String(arrayNames[i])));
                filters[i].append(v.toString());
            }
        }
        const SandboxData::Workspace* workspace = m_state.workspace(projectId);
        if (!workspace)
            return popError(ctx, 400, u"Invalid.Tenant.ProjectNotExist"_s,
                            u"The workspace %1 does not exist."_s.arg(projectId));
        if (!m_memberListingAllowed)
            return popError(ctx, 403, u"NoPermission"_s,
                            u"You are not authorized to list the members of workspace %1: it needs a workspace "
                            u"administrator role."_s.arg(projectId));
        // The members: the workspace's owner, the sandbox's admin user, and every owner of one of its environments.
        QMap<QString, QString> roleOf; // user id -> role code, ordered by id
        for (const Environment& e : m_state.environments)
            if (e.projectId == projectId && !e.ownerId.isEmpty())
                roleOf.insert(e.ownerId, u"role_project_dev"_s);
        roleOf.insert(m_state.adminUserId, u"role_project_admin"_s);
        roleOf.insert(workspace->ownerId, u"role_project_owner"_s);
        QHash<QString, QString> names;
        for (const SandboxData::User& u : m_state.users)
            names.insert(u.id, u.name);
        names.insert(m_state.adminUserId, m_state.adminUserName);
        static const QHash<QString, QString> roleNames = {{u"role_project_owner"_s, u"Workspace Owner"_s},
                                                          {u"role_project_admin"_s, u"Workspace Administrator"_s},
                                                          {u"role_project_dev"_s, u"Developer"_s}};
        QJsonArray matching;
        for (auto it = roleOf.cbegin(); it != roleOf.cend(); ++it) {
            if ((!filters[0].isEmpty() && !filters[0].contains(it.value())) ||
                (!filters[1].isEmpty() && !filters[1].contains(it.key())))
                continue;
            QJsonObject member{{u"ProjectId"_s, projectId},
                               {u"UserId"_s, it.key()},
                               {u"Status"_s, u"Normal"_s},
                               {u"Roles"_s, QJsonArray{QJsonObject{{u"Code"_s, it.value()},
                                                                   {u"Name"_s, roleNames.value(it.value())},
                                                                   {u"Type"_s, u"System"_s}}}}};
            // UserName: in the Go SDK's model of this answer (not in every SDK's); absent for an unknown user.
            if (names.contains(it.key()))
                member.insert(u"UserName"_s, names.value(it.key()));
            matching.append(member);
        }
        QJsonArray page;
        const qsizetype total = matching.size();
        for (qsizetype i = (pageNumber - 1) * pageSize; i < qMin(total, pageNumber * pageSize); ++i)
            page.append(matching.at(i));
        return popOk(ctx, QJsonObject{{u"PagingInfo"_s, QJsonObject{{u"PageNumber"_s, pageNumber},
                                                                    {u"PageSize"_s, pageSize},
                                                                    {u"TotalCount"_s, total},
                                                                    {u"ProjectMembers"_s, page}}}});
    }

    if (action == QLatin1String("ListServerIdeInstances")) {
        const bool tokenMode = params.contains(u"NextToken"_s) || params.contains(u"MaxResults"_s);
        const qint64 pageNumber = paramInt(params, u"PageNumber"_s, 1, &ok);
        const qint64 pageSize = paramInt(params, u"PageSize"_s, 10, &ok);
        const qint64 maxResults = paramInt(params, u"MaxResults"_s, 20, &ok);
        const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
        const qint64 groupId = resourceGroupParam(params, &ok);
        if (!ok || pageNumber < 1 || pageSize < 1 || pageSize > 100 || maxResults < 1 || maxResults > 100)
            return popError(ctx, 400, u"InvalidParameter"_s,
                            u"PageNumber must be at least 1; PageSize and MaxResults between 1 and 100; ProjectId "
                            u"and ResourceGroupId are numbers."_s);
        qsizetype offset = (pageNumber - 1) * pageSize;
        const qsizetype size = tokenMode ? maxResults : pageSize;
        if (tokenMode) {
            offset = 0;
            const QString token = params.value(u"NextToken"_s);
            if (!token.isEmpty()) {
                bool tokenOk = false;
                offset = decodeToken(token, &tokenOk);
                if (!tokenOk || offset < 0)
                    return popError(ctx, 400, u"InvalidParameter.NextToken"_s,
                                    u"The NextToken is not valid: pass the NextToken of the previous answer."_s);
            }
        }
        const QString keyword = params.value(u"Keyword"_s);
        const QString owner = params.value(u"RelatedUserId"_s);
        const QString subType = params.value(u"SubType"_s);
        const bool filtered = projectId || groupId || !keyword.isEmpty() || !owner.isEmpty() || !subType.isEmpty();
        QList<qsizetype> matches;
        qsizetype total = m_state.environments.size();
        if (filtered) {
            for (qsizetype i = 0; i < m_state.environments.size(); ++i) {
                const Environment& e = m_state.environments.at(i);
                if ((projectId && e.projectId != projectId) || (groupId && e.resourceGroupId != groupId) ||
                    (!owner.isEmpty() && e.ownerId != owner) || (!subType.isEmpty() && e.subType != subType))
                    continue;
                if (!keyword.isEmpty() && !e.instanceId.contains(keyword, Qt::CaseInsensitive) &&
                    !e.name.contains(keyword, Qt::CaseInsensitive))
                    continue;
                matches.append(i);
            }
            total = matches.size();
        }
        QByteArray instances = "[";
        instances.reserve(qMin<qsizetype>(size, 100) * 1400);
        for (qsizetype i = offset; i < qMin(total, offset + size); ++i) {
            Environment& e = m_state.environments[filtered ? matches.at(i) : i];
            settle(&e, now);
            if (instances.size() > 1)
                instances.append(',');
            appendInstanceJson(&instances, e);
        }
        instances.append(']');
        const bool more = offset + size < total;
        return popOkWithRaw(ctx,
                            QJsonObject{{u"PagingInfo"_s, QJsonObject{{u"PageNumber"_s, offset / size + 1},
                                                                      {u"PageSize"_s, size},
                                                                      {u"TotalCount"_s, total},
                                                                      {u"Instances"_s, u"@@SBX_RAW@@"_s}}},
                                        {u"MaxResults"_s, size},
                                        {u"NextToken"_s, more ? encodeToken(offset + size) : QString()}},
                            instances);
    }

    if (action == QLatin1String("CreateServerIdeInstance")) {
        const qint64 projectId = paramInt(params, u"ProjectId"_s, 0, &ok);
        const qint64 groupId = resourceGroupParam(params, &ok);
        const QString name = params.value(u"InstanceName"_s).trimmed();
        if (!ok || !projectId || !groupId || name.isEmpty())
            return popError(ctx, 400, u"MissingParameter"_s,
                            u"ProjectId, ResourceGroupId and InstanceName are mandatory for this action."_s);
        if (!m_state.workspace(projectId))
            return popError(ctx, 400, u"Invalid.Tenant.ProjectNotExist"_s,
                            u"The workspace %1 does not exist."_s.arg(projectId));
        Environment e;
        e.instanceId = QString::number(m_state.nextInstanceNumber++);
        e.name = name;
        e.projectId = projectId;
        e.resourceGroupId = groupId;
        e.ownerId = params.value(u"Owner"_s, m_state.adminUserId);
        e.imageId = params.value(u"ImageId"_s, u"System_serveride_notebook_20240822"_s);
        e.cu = int(paramInt(params, u"Cu"_s, 4, &ok));
        e.createTimeMs = now;
        e.updateTimeMs = now;
        e.status = u"Creating"_s;
        e.pendingStatus = u"Running"_s;
        e.pendingAtMs = now + m_transitionDelayMs;
        e.credentialConfig = SandboxData::consoleCredentialConfig(m_state, RoleKind::None, {});
        if (params.contains(u"CredentialConfig"_s)) {
            SandboxResponse refusal;
            if (!storeCredentialConfig(&e, params.value(u"CredentialConfig"_s), ctx, &refusal))
                return refusal;
        }
        m_state.environments.append(e);
        m_state.environmentIndex.insert(e.instanceId, m_state.environments.size() - 1);
        touch();
        return popOk(ctx, QJsonObject{{u"InstanceId"_s, e.instanceId}});
    }

    // The remaining operations address one instance.
    const QString instanceId = params.value(u"InstanceId"_s);
    if (instanceId.isEmpty())
        return popError(ctx, 400, u"MissingInstanceId"_s, u"InstanceId is mandatory for this action."_s);
    Environment* env = m_state.environment(instanceId);
    if (!env)
        return popError(ctx, 404, u"NotFound.ServerIdeInstance"_s,
                        u"The individual development environment %1 does not exist."_s.arg(instanceId));
    settle(env, now);
    const auto refuse = [&](const QString& what) {
        return popError(ctx, 400, u"InvalidStatus.ServerIdeInstance"_s,
                        u"Cannot %1 the instance while it is %2."_s.arg(what, env->status));
    };
    const bool gone = env->status == QLatin1String("DELETED") || env->status == QLatin1String("Deleting");

    if (action == QLatin1String("GetServerIdeInstance")) {
        QByteArray instance;
        appendInstanceJson(&instance, *env);
        return popOkWithRaw(ctx, QJsonObject{{u"Instance"_s, u"@@SBX_RAW@@"_s}}, instance);
    }

    if (action == QLatin1String("UpdateServerIdeInstance")) {
        if (gone)
            return refuse(u"update"_s);
        Environment updated = *env;
        if (params.contains(u"CredentialConfig"_s)) {
            // Stored as written (by the SDK model), replacing the whole config: the API has no partial update of it.
            SandboxResponse refusal;
            if (!storeCredentialConfig(&updated, params.value(u"CredentialConfig"_s), ctx, &refusal))
                return refusal;
        }
        if (params.contains(u"InstanceName"_s) && !params.value(u"InstanceName"_s).trimmed().isEmpty())
            updated.name = params.value(u"InstanceName"_s).trimmed();
        if (params.contains(u"Cu"_s))
            updated.cu = int(paramInt(params, u"Cu"_s, env->cu, &ok));
        if (params.contains(u"ImageId"_s))
            updated.imageId = params.value(u"ImageId"_s);
        if (params.contains(u"ProjectId"_s))
            updated.projectId = paramInt(params, u"ProjectId"_s, env->projectId, &ok);
        if (!ok)
            return popError(ctx, 400, u"InvalidParameter"_s, u"Cu and ProjectId must be numbers."_s);
        // A strictly later UpdateTime, so clients can tell the change landed even within one millisecond.
        updated.updateTimeMs = qMax(now, env->updateTimeMs + 1);
        // A role change does not take back the credential the environment already holds: it keeps serving it until
        // it expires (environmentCredentialLocked), as nothing public says the real service revokes it.
        *env = updated;
        touch();
        qCInfo(lcSandbox) << "environment" << env->instanceId << "role now"
                          << SandboxData::roleKindToString(env->roleKind) << env->customRoleName;
        return popOk(ctx, QJsonObject{{u"InstanceId"_s, env->instanceId}});
    }

    auto transition = [&](const QString& during, const QString& after) {
        env->status = during;
        env->pendingStatus = after;
        env->pendingAtMs = now + m_transitionDelayMs;
        env->updateTimeMs = now;
        touch();
        return popOk(ctx, QJsonObject{{u"InstanceId"_s, env->instanceId}});
    };
    if (action == QLatin1String("StartServerIdeInstance")) {
        static const QStringList startable{u"Stopped"_s, u"Failed"_s, u"Saved"_s, u"SaveFailed"_s, u"Arrearage"_s};
        if (!startable.contains(env->status) || !env->pendingStatus.isEmpty())
            return refuse(u"start"_s);
        return transition(u"Starting"_s, u"Running"_s);
    }
    if (action == QLatin1String("StopServerIdeInstance")) {
        if (env->status != QLatin1String("Running") || !env->pendingStatus.isEmpty())
            return refuse(u"stop"_s);
        m_environmentCredential.remove(env->instanceId);
        return transition(u"Stopping"_s, u"Stopped"_s);
    }
    if (action == QLatin1String("DeleteServerIdeInstance")) {
        if (gone)
            return refuse(u"delete"_s);
        m_environmentCredential.remove(env->instanceId);
        return transition(u"Deleting"_s, u"DELETED"_s);
    }
    Q_UNUSED(principal);
    return popError(ctx, 404, u"InvalidAction.NotFound"_s, u"Specified api is not found."_s);
}

// ---- STS ----

SandboxIssuedCredential SandboxEngine::issue(const QString& roleName, const QString& sessionName, int durationSeconds,
                                             bool defaultRole, const QString& ownerId)
{
    const qint64 now = nowMs();
    if (m_issued.size() > 2000) {
        for (auto it = m_issued.begin(); it != m_issued.end();)
            it = it->expiresMs < now - 3600000 ? m_issued.erase(it) : std::next(it);
    }
    SandboxIssuedCredential c;
    c.accessKeyId = u"STS.N"_s + randomString(24, kBase58);
    c.accessKeySecret = randomString(44, kAlnum);
    // Real tokens run to hundreds of characters: clients must not cap them short.
    c.securityToken = u"CAIS"_s + randomString(560, kAlnum);
    c.issuedMs = now;
    c.expiresMs = now + qint64(durationSeconds) * 1000;
    c.roleName = roleName;
    c.sessionName = sessionName;
    c.defaultRole = defaultRole;
    c.ownerId = ownerId;
    m_issued.insert(c.accessKeyId, c);
    qCDebug(lcSandbox) << "issued" << Redaction::maskKeyId(c.accessKeyId) << "for role" << roleName << "until"
                       << c.expirationText();
    return c;
}

SandboxResponse SandboxEngine::sts(const QString& action, const Params& params, const Principal& principal,
                                   const Context& ctx)
{
    if (action == QLatin1String("GetCallerIdentity")) {
        if (principal.admin)
            return popOk(ctx, QJsonObject{{u"IdentityType"_s, u"RAMUser"_s},
                                          {u"AccountId"_s, m_state.accountId},
                                          {u"PrincipalId"_s, m_state.adminUserId},
                                          {u"UserId"_s, m_state.adminUserId},
                                          {u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":user/"_s +
                                                             m_state.adminUserName)}});
        const SandboxData::Role* role = m_state.role(principal.sts.roleName);
        const QString roleId = role ? role->roleId : QString();
        return popOk(ctx, QJsonObject{{u"IdentityType"_s, u"AssumedRoleUser"_s},
                                      {u"AccountId"_s, m_state.accountId},
                                      {u"PrincipalId"_s, QString(roleId + u':' + principal.sts.sessionName)},
                                      {u"RoleId"_s, roleId},
                                      {u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":assumed-role/"_s +
                                                         principal.sts.roleName + u'/' + principal.sts.sessionName)}});
    }

    // AssumeRole
    if (!principal.admin)
        return popError(ctx, 403, u"NoPermission"_s,
                        u"You are not authorized to do this action. You should be authorized by RAM."_s);
    const QString arnText = params.value(u"RoleArn"_s);
    if (arnText.isEmpty())
        return popError(ctx, 400, u"MissingRoleArn"_s, u"RoleArn is mandatory for this action."_s);
    const QString session = params.value(u"RoleSessionName"_s);
    if (session.isEmpty())
        return popError(ctx, 400, u"MissingRoleSessionName"_s, u"RoleSessionName is mandatory for this action."_s);
    static const QRegularExpression sessionRe(u"^[A-Za-z0-9.@_-]{2,64}$"_s);
    if (!sessionRe.match(session).hasMatch())
        return popError(ctx, 400, u"InvalidParameter.RoleSessionName"_s,
                        u"The parameter RoleSessionName is wrongly formed: 2-64 letters, digits, '.', '@', '-' or "
                        u"'_'."_s);
    const RoleArn arn = RoleArn::parse(arnText);
    if (!arn.isValid())
        return popError(ctx, 400, u"InvalidParameter.RoleArn"_s, u"The parameter RoleArn is wrongly formed."_s);
    const SandboxData::Role* role = arn.accountId() == m_state.accountId ? m_state.role(arn.roleName()) : nullptr;
    if (!role)
        return popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role not exists: "_s + arnText + u'.');
    bool ok = true;
    const qint64 duration = paramInt(params, u"DurationSeconds"_s, 3600, &ok);
    if (!ok || duration < 900 || duration > qMin(role->maxSessionDuration, 43200))
        return popError(ctx, 400, u"InvalidParameter.DurationSeconds"_s,
                        u"The parameter DurationSeconds must be between 900 and the role's MaxSessionDuration "
                        u"(%1)."_s.arg(role->maxSessionDuration));
    if (!SandboxData::trustsAccount(role->trustPolicy, m_state.accountId))
        return popError(ctx, 403, u"NoPermission"_s,
                        u"You are not authorized to do this action. You should be authorized by RAM. (The trust "
                        u"policy of role %1 does not trust this account.)"_s.arg(role->name));
    const SandboxIssuedCredential c =
        issue(role->name, session, int(duration), role->isDataWorksDefault, m_state.adminUserId);
    return popOk(ctx, QJsonObject{{u"AssumedRoleUser"_s,
                                   QJsonObject{{u"Arn"_s, QString(u"acs:ram::"_s + m_state.accountId + u":role/"_s +
                                                                  role->name + u'/' + session)},
                                               {u"AssumedRoleId"_s, QString(role->roleId + u':' + session)}}},
                                  {u"Credentials"_s, QJsonObject{{u"AccessKeyId"_s, c.accessKeyId},
                                                                 {u"AccessKeySecret"_s, c.accessKeySecret},
                                                                 {u"SecurityToken"_s, c.securityToken},
                                                                 {u"Expiration"_s, c.expirationText()}}}});
}

// ---- RAM ----

SandboxResponse SandboxEngine::ram(const QString& action, const Params& params, const Context& ctx)
{
    const auto roleJson = [&](const SandboxData::Role& r, bool withPolicy) {
        QJsonObject o{{u"RoleId"_s, r.roleId},
                      {u"RoleName"_s, r.name},
                      {u"Arn"_s, m_state.roleArn(r.name)},
                      {u"Description"_s, r.description},
                      {u"MaxSessionDuration"_s, r.maxSessionDuration},
                      {u"CreateDate"_s, Bytes::isoSeconds(r.createDateMs)},
                      {u"UpdateDate"_s, Bytes::isoSeconds(r.updateDateMs)}};
        if (withPolicy)
            o.insert(u"AssumeRolePolicyDocument",
                     QString::fromUtf8(QJsonDocument(r.trustPolicy).toJson(QJsonDocument::Compact)));
        return o;
    };
    if (action == QLatin1String("GetRole")) {
        const QString name = params.value(u"RoleName"_s);
        if (name.isEmpty())
            return popError(ctx, 400, u"MissingRoleName"_s, u"RoleName is mandatory for this action."_s);
        const SandboxData::Role* role = m_state.role(name);
        if (!role)
            return popError(ctx, 404, u"EntityNotExist.Role"_s, u"The role does not exist: "_s + name + u'.');
        return popOk(ctx, QJsonObject{{u"Role"_s, roleJson(*role, true)}});
    }
    // ListRoles
    bool ok = true;
    const qint64 maxItems = paramInt(params, u"MaxItems"_s, 100, &ok);
    if (!ok || maxItems < 1 || maxItems > 1000)
        return popError(ctx, 400, u"InvalidParameter.MaxItems"_s, u"MaxItems must be between 1 and 1000."_s);
    qsizetype offset = 0;
    const QString marker = params.value(u"Marker"_s);
    if (!marker.isEmpty()) {
        offset = decodeToken(marker, &ok);
        if (!ok || offset < 0 || offset > m_state.roles.size())
            return popError(ctx, 400, u"InvalidParameter.Marker"_s,
                            u"The Marker is not valid: pass the Marker of the previous answer."_s);
    }
    QJsonArray roles;
    const qsizetype end = qMin<qsizetype>(m_state.roles.size(), offset + maxItems);
    for (qsizetype i = offset; i < end; ++i)
        roles.append(roleJson(m_state.roles.at(i), false));
    const bool truncated = end < m_state.roles.size();
    QJsonObject body{{u"IsTruncated"_s, truncated}, {u"Roles"_s, QJsonObject{{u"Role"_s, roles}}}};
    if (truncated)
        body.insert(u"Marker", encodeToken(end));
    return popOk(ctx, body);
}

// ---- permissions ----

QStringList SandboxEngine::readableProjects(const Principal& principal) const
{
    QStringList out;
    if (principal.admin)
        return {u"*"_s};
    if (principal.sts.defaultRole) {
        // The default role acts with the environment owner's rights: the owner's projects.
        for (const SandboxData::MaxComputeProject& p : m_state.projects)
            if (p.ownerId == principal.sts.ownerId)
                out.append(p.name);
        return out;
    }
    const SandboxData::Role* role = m_state.role(principal.sts.roleName);
    return role ? SandboxData::readableProjectPatterns(role->permissionPolicy) : QStringList();
}

// ---- MaxCompute ----

SandboxResponse SandboxEngine::handleOdps(const SandboxRequest& request)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).remove(u'-');
    const qint64 now = nowMs();
    const QByteArray authorization = request.header("authorization").trimmed();
    if (!authorization.startsWith("ODPS ")) {
        return odpsError(requestId, 401, u"AuthorizationRequired"_s,
                         u"ODPS-0410040: Authorization required - sign the request (Authorization: ODPS "
                         u"<AccessKeyId>:<signature>)."_s);
    }
    const QByteArray credential = authorization.mid(5);
    const qsizetype colon = credential.lastIndexOf(':');
    if (colon <= 0)
        return odpsError(requestId, 401, u"InvalidAuthorization"_s,
                         u"ODPS-0410042: Invalid signature value - the Authorization header is malformed."_s);
    const QByteArray scopePart = credential.left(colon);
    const QList<QByteArray> scopeParts = scopePart.split('/');
    const bool v4 = scopeParts.size() == 5;
    if (!v4 && scopeParts.size() != 1)
        return odpsError(requestId, 401, u"InvalidAuthorization"_s,
                         u"ODPS-0410042: Invalid signature value - the Authorization header is malformed."_s);
    const QString keyId = QString::fromUtf8(scopeParts.first());

    Principal principal;
    QString secret, code, message;
    int status = 401;
    if (!lookupKey(keyId, QString::fromUtf8(request.header("authorization-sts-token")), &secret, &principal, &code,
                   &message, &status))
        return odpsError(requestId, status == 404 ? 401 : status, code, message);

    const QDateTime date = parseHttpDate(request.header("date"));
    if (!date.isValid())
        return odpsError(requestId, 400, u"InvalidDate"_s,
                         u"The Date header is missing or not an RFC 1123 GMT date."_s);
    if (qAbs(date.toMSecsSinceEpoch() - now) > kMaxSkewMs)
        return odpsError(requestId, 403, u"RequestTimeTooSkewed"_s,
                         u"ODPS-0410031: Authentication request expired - the difference between the request time "
                         u"and the server time is more than 15 minutes."_s);

    Signing::OdpsInput input;
    input.method = request.method;
    input.headers = request.headers;
    input.resource = request.path.mid(4); // below /api
    input.query = Bytes::decodePairs(request.rawQuery, false);
    QByteArray expected;
    if (v4) {
        if (scopeParts.at(2) != m_state.region.toUtf8() || scopeParts.at(3) != "odps" ||
            scopeParts.at(4) != "aliyun_v4_request")
            return odpsError(requestId, 401, u"SignatureNotMatch"_s,
                             u"ODPS-0410042: Invalid signature value - the V4 credential scope must be "
                             u"<AccessKeyId>/<YYYYMMDD>/"_s +
                                 m_state.region + u"/odps/aliyun_v4_request."_s);
        expected = Signing::odpsAuthorizationV4(input, scopeParts.first(), secret.toUtf8(), scopeParts.at(1),
                                                scopeParts.at(2));
    } else {
        expected = Signing::odpsAuthorization(input, scopeParts.first(), secret.toUtf8());
    }
    if (!Bytes::constantTimeEqual(expected, authorization))
        return odpsError(requestId, 401, u"SignatureNotMatch"_s,
                         u"ODPS-0410042: Invalid signature value - User signature does not match."_s);

    static const QRegularExpression route(u"^/api/projects/([^/]+)(/tables)?/?$"_s);
    const auto match = route.match(QString::fromUtf8(request.path));
    if (request.method != "GET" || !match.hasMatch())
        return odpsError(requestId, 404, u"NoSuchObject"_s,
                         u"The sandbox serves GET /api/projects/<project> and /api/projects/<project>/tables."_s);
    const SandboxData::MaxComputeProject* project = m_state.project(match.captured(1));
    if (!project)
        return odpsError(requestId, 404, u"NoSuchProject"_s,
                         u"ODPS-0420111: Project not found - '%1'."_s.arg(match.captured(1)));
    bool allowed = false;
    for (const QString& pattern : readableProjects(principal))
        if (QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern))
                .match(project->name)
                .hasMatch())
            allowed = true;
    const QString who = principal.admin ? m_state.adminUserName
                                        : u"acs:ram::"_s + m_state.accountId + u":assumed-role/"_s +
                                              principal.sts.roleName + u'/' + principal.sts.sessionName;
    if (!allowed)
        return odpsError(requestId, 403, u"AccessDenied"_s,
                         u"ODPS-0420095: Access Denied - Authorization Failed [4019], You have NO privilege "
                         u"'odps:List' on {acs:odps:*:projects/%1}. Context: %2"_s.arg(project->name, who));

    SandboxResponse r;
    QXmlStreamWriter xml(&r.body);
    xml.writeStartDocument();
    if (match.captured(2).isEmpty()) {
        xml.writeStartElement(u"Project"_s);
        xml.writeTextElement(u"Name"_s, project->name);
        xml.writeTextElement(u"Comment"_s, project->comment);
        xml.writeTextElement(u"Owner"_s, u"ALIYUN$"_s + project->ownerId);
        xml.writeTextElement(u"State"_s, u"AVAILABLE"_s);
        xml.writeTextElement(u"Region"_s, m_state.region);
        xml.writeEndElement();
    } else {
        QHash<QString, QString> query;
        for (const auto& [k, v] : input.query)
            query.insert(QString::fromUtf8(k), QString::fromUtf8(v));
        bool ok = true;
        const qint64 maxItems = paramInt(query, u"maxitems"_s, 100, &ok);
        if (!ok || maxItems < 1 || maxItems > 1000)
            return odpsError(requestId, 400, u"InvalidParameter"_s, u"maxitems must be between 1 and 1000."_s);
        const QString prefix = query.value(u"name"_s);
        const QString marker = query.value(u"marker"_s);
        QString after;
        if (!marker.isEmpty())
            after = QString::fromUtf8(QByteArray::fromBase64(marker.toLatin1(), QByteArray::Base64UrlEncoding));
        xml.writeStartElement(u"Tables"_s);
        QList<const SandboxData::Table*> page;
        bool more = false;
        for (const SandboxData::Table& t : project->tables) {
            if (!after.isEmpty() && t.name <= after)
                continue;
            if (!prefix.isEmpty() && !t.name.startsWith(prefix))
                continue;
            if (page.size() == maxItems) {
                more = true;
                break;
            }
            page.append(&t);
        }
        const bool paging = query.contains(u"expectmarker"_s);
        xml.writeTextElement(u"Marker"_s, paging && more ? QString::fromLatin1(page.last()->name.toUtf8().toBase64(
                                                               QByteArray::Base64UrlEncoding))
                                                         : QString());
        xml.writeTextElement(u"MaxItems"_s, QString::number(maxItems));
        for (const SandboxData::Table* t : page) {
            xml.writeStartElement(u"Table"_s);
            xml.writeTextElement(u"Name"_s, t->name);
            xml.writeTextElement(u"TableId"_s, t->tableId);
            xml.writeTextElement(u"Owner"_s, u"ALIYUN$"_s + t->ownerId);
            xml.writeTextElement(u"Comment"_s, t->comment);
            xml.writeTextElement(u"CreationTime"_s, httpDateString(t->creationMs));
            xml.writeTextElement(u"LastModifiedTime"_s, httpDateString(t->lastModifiedMs));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")));
    r.headers.append(qMakePair(QByteArray("x-odps-request-id"), requestId.toLatin1()));
    return r;
}

// ---- the in-environment credentials service ----

bool SandboxEngine::environmentCredentialLocked(const QString& instanceId, SandboxIssuedCredential* out, int* status,
                                                QString* code, QString* message)
{
    Environment* env = m_state.environment(instanceId);
    if (!env) {
        *status = 404;
        *code = u"NotFound"_s;
        *message = u"No such individual development environment."_s;
        return false;
    }
    const qint64 now = nowMs();
    settle(env, now);
    static const QStringList serving{u"Running"_s, u"Updating"_s, u"Saving"_s};
    if (!serving.contains(env->status)) {
        *status = 503;
        *code = u"EnvironmentNotRunning"_s;
        *message = u"The individual development environment %1 is %2: its credentials service runs only while "
                   u"it is running."_s.arg(instanceId, env->status);
        return false;
    }
    // Credentials already issued stay valid until their Expiration when the role is removed or replaced, and the
    // running environment keeps handing out the one it holds until then; stopping it ends that (Stop forgets it).
    const auto held = m_issued.constFind(m_environmentCredential.value(instanceId));
    QString currentRoleName;
    if (env->roleKind == RoleKind::Default) {
        const SandboxData::Role* def = m_state.defaultRole();
        currentRoleName = def ? def->name : u"DataWorksDefaultRole"_s;
    } else if (env->roleKind == RoleKind::Custom) {
        currentRoleName = env->customRoleName;
    }
    if (held != m_issued.cend() && held->expiresMs > now && held->roleName != currentRoleName) {
        *out = held.value();
        return true;
    }
    if (env->roleKind == RoleKind::None) {
        *status = 404;
        *code = u"NoRoleAssociated"_s;
        *message = u"No RAM role is associated with the individual development environment %1. Associate the "
                   u"DataWorks default role or a custom role, or use an AccessKey pair."_s.arg(instanceId);
        return false;
    }
    QString roleName;
    if (env->roleKind == RoleKind::Default) {
        const SandboxData::Role* def = m_state.defaultRole();
        roleName = def ? def->name : u"DataWorksDefaultRole"_s;
    } else {
        const SandboxData::Role* role = m_state.role(env->customRoleName);
        if (!role || !SandboxData::trustsService(role->trustPolicy, kDataWorksService)) {
            *status = 403;
            *code = u"NoPermission"_s;
            *message = u"DataWorks cannot assume the role %1: its trust policy does not trust "
                       u"dataworks.aliyuncs.com. Fix the role's trust policy in RAM."_s.arg(
                           m_state.roleArn(env->customRoleName));
            return false;
        }
        roleName = role->name;
    }
    // Rotate ahead of expiry as the real service does: clients treat a credential as stale 15 minutes
    // before it expires, so a new one is handed out before then (or at half-life for short lifetimes).
    const qint64 lifetimeMs = qint64(m_credentialLifetime) * 1000;
    const qint64 rotateAheadMs = qMin<qint64>(lifetimeMs / 2, 20 * 60 * 1000);
    const auto current = m_issued.constFind(m_environmentCredential.value(instanceId));
    if (current != m_issued.cend() && current->roleName == roleName && current->expiresMs - now > rotateAheadMs) {
        *out = current.value();
        return true;
    }
    *out = issue(roleName, u"dw-ide-"_s + instanceId, m_credentialLifetime, env->roleKind == RoleKind::Default,
                 env->ownerId);
    m_environmentCredential.insert(instanceId, out->accessKeyId);
    return true;
}

SandboxResponse SandboxEngine::handleCredentials(const SandboxRequest& request)
{
    static const QRegularExpression route(u"^/envs/([^/]+)/credentials/([0-9a-f]+)$"_s);
    const auto match = route.match(QString::fromUtf8(request.path));
    const auto error = [](int status, const QString& code, const QString& message) {
        return jsonResponse(status, QJsonObject{{u"Code"_s, code}, {u"Message"_s, message}});
    };
    if (!match.hasMatch() || !m_state.environmentIndex.contains(match.captured(1)) ||
        !Bytes::constantTimeEqual(match.captured(2).toLatin1(), tokenFor(match.captured(1)).toLatin1()))
        return error(403, u"Forbidden"_s, u"Unknown credentials URI: ask RoleDesk for the environment's URI."_s);
    if (request.method != "GET")
        return error(405, u"MethodNotAllowed"_s, u"The credentials service answers GET only."_s);
    const QDateTime now = m_clock->nowUtc();
    if (m_faults.credentialsOutageUntil.isValid() && now < m_faults.credentialsOutageUntil &&
        (!m_faults.credentialsOutageFrom.isValid() || now >= m_faults.credentialsOutageFrom))
        return error(503, u"ServiceUnavailable"_s,
                     u"The credentials service of this environment is temporarily unavailable. Retry later."_s);
    SandboxIssuedCredential c;
    int status = 500;
    QString code, message;
    if (!environmentCredentialLocked(match.captured(1), &c, &status, &code, &message))
        return error(status, code, message);
    return jsonResponse(200, CredentialsUriFormat::answer(c.accessKeyId, c.accessKeySecret, c.securityToken,
                                                          QDateTime::fromMSecsSinceEpoch(c.expiresMs, Qt::UTC),
                                                          QDateTime::fromMSecsSinceEpoch(c.issuedMs, Qt::UTC)));
}
