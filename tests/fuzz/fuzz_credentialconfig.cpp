// CredentialConfigMapping, the one place that reads and writes a DataWorks CredentialConfig: never crashes; never
// reads UserInfo (the answer's live STS secrets: what it reads is the same with every UserInfo removed, and no
// text it makes shows what only UserInfo held); what it reads round-trips through its own minimal form; a write
// plan built on it says the same thing back and never carries UserInfo.
#include "FuzzSupport.h"

#include "model/CredentialConfigMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

bool hasUserInfo(const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("UserInfo") || hasUserInfo(it.value()))
                return true;
        }
    } else if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            if (hasUserInfo(v))
                return true;
    }
    return false;
}

void strings(const QJsonValue& value, QStringList* out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            *out << it.key();
            strings(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            strings(v, out);
    } else if (value.isString()) {
        *out << value.toString();
    }
}

bool same(const RoleAssociation& a, const RoleAssociation& b)
{
    return a.kind() == b.kind() && a.roleArn() == b.roleArn() && a.description() == b.description() && a.sameDetails(b);
}

QString texts(const RoleAssociation& r)
{
    return r.description() + QLatin1Char('\n') + r.displayText() + QLatin1Char('\n') + r.detailText() +
           QLatin1Char('\n') + r.toString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = FuzzSupport::bytes(data, size);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    // An object; a JSON string (requests carry the config that way: "{\"Enable\":true,...}"); anything else as a
    // string of its bytes.
    QJsonValue config = QJsonValue(QString::fromUtf8(bytes));
    if (doc.isObject()) {
        config = doc.object();
    } else {
        const QJsonArray wrapped = QJsonDocument::fromJson("[" + bytes + "]").array();
        if (wrapped.size() == 1 && wrapped.first().isString())
            config = wrapped.first();
    }

    const RoleAssociation read = CredentialConfigMapping::fromJson(config);
    const QJsonObject stripped = CredentialConfigMapping::withoutUserInfo(config);
    FUZZ_CHECK(!hasUserInfo(stripped), "withoutUserInfo left a UserInfo");
    // (withoutUserInfo makes an empty object of anything that is not one; fromJson says what it was instead.)
    const bool isObject = doc.isObject() || QJsonDocument::fromJson(config.toString().toUtf8()).isObject();
    if (isObject) {
        const RoleAssociation readStripped = CredentialConfigMapping::fromJson(stripped);
        FUZZ_CHECK(same(read, readStripped), "what is read depends on UserInfo");
    }

    // No text about it shows a string that only UserInfo held.
    QStringList all;
    strings(config.isObject() ? config : QJsonValue(QJsonDocument::fromJson(config.toString().toUtf8()).object()),
            &all);
    QStringList outside;
    strings(stripped, &outside);
    const QString said = texts(read);
    for (const QString& s : std::as_const(all)) {
        if (!FuzzSupport::distinctive(s))
            continue;
        bool elsewhere = false;
        for (const QString& o : std::as_const(outside))
            elsewhere = elsewhere || o.contains(s);
        if (!elsewhere)
            FUZZ_CHECK(!said.contains(s), "a text shows what only UserInfo held");
    }

    if (read.isUnknown()) {
        FUZZ_CHECK(CredentialConfigMapping::toJson(read).isEmpty(), "Unknown has a minimal form");
        return 0;
    }
    // The minimal form reads back as the same choice; its text is the sorted compact JSON.
    const QJsonObject minimal = CredentialConfigMapping::toJson(read);
    const RoleAssociation back = CredentialConfigMapping::fromJson(minimal);
    FUZZ_CHECK(back.kind() == read.kind() && back.roleArn() == read.roleArn(), "the minimal form does not round-trip");
    const QString compact = CredentialConfigMapping::toCompactJson(read);
    FUZZ_CHECK(QJsonDocument::fromJson(compact.toUtf8()).object() == minimal, "toCompactJson is not toJson");
    FUZZ_CHECK(CredentialConfigMapping::serialize(minimal) == compact, "serialize is not toCompactJson");
    FUZZ_CHECK(CredentialConfigMapping::fromJson(QJsonValue(compact)).kind() == read.kind(),
               "the string form reads differently");

    // Writing what was read onto what was read keeps its meaning and never sends UserInfo.
    const CredentialConfigMapping::WritePlan plan = CredentialConfigMapping::planWrite(stripped, read);
    FUZZ_CHECK(!hasUserInfo(plan.config), "a write plan carries UserInfo");
    if (!plan.isBlocked()) {
        const RoleAssociation planned = CredentialConfigMapping::fromJson(plan.config);
        FUZZ_CHECK(planned.kind() == read.kind() && planned.roleArn() == read.roleArn(),
                   "a write plan reads back as another choice");
        FUZZ_CHECK(CredentialConfigMapping::sameMeaning(plan.config, plan.config), "a plan differs from itself");
    }
    // And so does each of the other choices onto it.
    const RoleAssociation choices[] = {
        RoleAssociation::none(), RoleAssociation::dataWorksDefault(),
        RoleAssociation::customRole(QStringLiteral("acs:ram::1380246718450127:role/FuzzRole"))};
    for (const RoleAssociation& choice : choices) {
        const CredentialConfigMapping::WritePlan p = CredentialConfigMapping::planWrite(stripped, choice);
        FUZZ_CHECK(!hasUserInfo(p.config), "a write plan carries UserInfo");
        if (p.isBlocked())
            continue;
        const RoleAssociation planned = CredentialConfigMapping::fromJson(p.config);
        FUZZ_CHECK(planned.kind() == choice.kind() && planned.roleArn() == choice.roleArn(),
                   "a write plan reads back as another choice");
    }
    return 0;
}
