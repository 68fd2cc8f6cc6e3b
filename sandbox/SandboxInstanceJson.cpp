// The JSON of one ServerIde instance as DataWorks answers it (ListServerIdeInstances, GetServerIdeInstance).
// Instances are written as JSON text directly: a page of 100 through QJsonObject cost several milliseconds in
// allocations, which made the sandbox the bottleneck of 100,000-environment listings.
#include "SandboxInstanceJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;
using SandboxData::Environment;

namespace {

const QLatin1String kBase58("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
const QLatin1String kAlnum("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

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

SandboxInstanceJson::SandboxInstanceJson(const SandboxData::State& state)
    : m_state(state)
{}

void SandboxInstanceJson::clear()
{
    m_configTemplates.clear();
    m_vpcSuffixes.clear();
}

QByteArray SandboxInstanceJson::sharedConfig(const QByteArray& stored) const
{
    const auto shared = m_configTemplates.constFind(stored);
    return shared != m_configTemplates.cend() ? shared.key() : stored;
}

void SandboxInstanceJson::appendCredentialConfig(QByteArray* out, const Environment& env) const
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

void SandboxInstanceJson::append(QByteArray* out, const Environment& env) const
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
