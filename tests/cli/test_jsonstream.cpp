// The streamed JSON of `envs list --json` (JsonStream, EnvsOutput::writeJson) against what the command printed before
// it streamed: a QJsonArray of QJsonObjects through QJsonDocument::toJson(Indented) and QTextStream. Byte for byte,
// on the sandbox's 40 environments and on 10,000, and on hand-made values: unicode, control characters, unpaired
// surrogates, numbers, empty fields, invalid times.
#include "CliJson.h"
#include "CliSandboxFixture.h"
#include "EnvsCommands.h"
#include "JsonStream.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"
#include "model/EnvironmentFilter.h"
#include "model/VisibilityStore.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTimeZone>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// What envs list built for each environment before it streamed (app/cli/CliJson.cpp and EnvsCommands.cpp of
// commit 416b903, with main's role members of 14cc782, copied as they were): the reference the streamed output must
// equal.
QJsonValue legacyIsoUtc(const QDateTime& time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonObject legacyRole(const RoleAssociation& role)
{
    QJsonObject o{{QStringLiteral("kind"), RoleAssociation::kindToString(role.kind())},
                  {QStringLiteral("arn"), role.isCustomRole() ? QJsonValue(role.roleArn()) : QJsonValue()}};
    // (main 14cc782 added these three)
    if (!role.chainRoles().isEmpty()) {
        QJsonArray chain;
        for (const RoleAssociation::ChainRole& r : role.chainRoles())
            chain.append(r.roleArn);
        o.insert(QStringLiteral("chainRoles"), chain);
    }
    if (!role.roleType().isEmpty())
        o.insert(QStringLiteral("roleType"), role.roleType());
    if (role.isRestricted())
        o.insert(QStringLiteral("sessionPolicy"), role.sessionPolicy());
    return o;
}

QJsonObject legacyEnvJson(const Environment& e, Visibility visibility)
{
    QJsonObject o;
    o.insert(QStringLiteral("instanceId"), e.instanceId);
    o.insert(QStringLiteral("name"), e.instanceName);
    o.insert(QStringLiteral("status"), e.statusText.isEmpty() ? EnvironmentStatuses::toString(e.status) : e.statusText);
    o.insert(QStringLiteral("projectId"), e.projectId);
    o.insert(QStringLiteral("projectName"), e.projectName);
    o.insert(QStringLiteral("ownerId"), e.ownerId);
    o.insert(QStringLiteral("visibility"), Visibilities::toString(visibility));
    o.insert(QStringLiteral("role"), legacyRole(e.role));
    o.insert(QStringLiteral("updateTime"), legacyIsoUtc(e.updateTime));
    o.insert(QStringLiteral("updateTimeMs"), double(e.updateTimeMs));
    return o;
}

// Members added to an environment after the legacy code, by name (each one additive, as docs/CLI.md promises): the
// legacy output extended with exactly these is what the command writes. Any other new or missing member fails.
const QStringList kLaterMembers = {QStringLiteral("exposure"),   // issue 18: UserVpc.ForwardInfos
                                   QStringLiteral("ownerName")}; // issue 13: ListProjectMembers

// The legacy object plus the later members, taken from today's object (they are checked on their own elsewhere).
QJsonObject legacyWithLaterMembers(const Environment& e, Visibility visibility)
{
    QJsonObject o = legacyEnvJson(e, visibility);
    const QJsonObject current = CliJson::listedEnvironment(e, visibility);
    for (const QString& key : kLaterMembers)
        o.insert(key, current.value(key));
    return o;
}

// The whole legacy output as the command wrote it to its QTextStream, with the later members.
QString legacyOutput(const QList<Environment>& environments, const VisibilityStore& store)
{
    QJsonArray array;
    for (const Environment& e : environments)
        array.append(legacyWithLaterMembers(e, store.visibility(e.instanceId)));
    QString text;
    QTextStream out(&text);
    out << QString::fromUtf8(CliJson::toText(array));
    out.flush();
    return text;
}

// Today's members come out of the shared template exactly as the legacy code built them. Members added later
// (another field in environmentMembers()) are allowed: the byte comparisons below then hold against QJsonDocument of
// the new objects.
void compareWithLegacy(const QList<Environment>& environments, const VisibilityStore& store)
{
    for (const Environment& e : environments) {
        const QJsonObject legacy = legacyEnvJson(e, store.visibility(e.instanceId));
        const QJsonObject current = CliJson::listedEnvironment(e, store.visibility(e.instanceId));
        // Nothing but the known later members was added.
        QCOMPARE(current.size(), legacy.size() + kLaterMembers.size());
        QVERIFY(current.value(QStringLiteral("exposure")).isObject());
        const QJsonValue ownerName = current.value(QStringLiteral("ownerName")); // null until resolved
        QVERIFY(ownerName.isString() || ownerName.isNull());
        QCOMPARE(ownerName.isString(), !e.ownerName.isEmpty());
        for (auto it = legacy.constBegin(); it != legacy.constEnd(); ++it) {
            QVERIFY2(current.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(current.value(it.key()), it.value());
            // Integer vs double storage matters for the printed number.
            QCOMPARE(QCborValue::fromJsonValue(current.value(it.key())).type(),
                     QCborValue::fromJsonValue(it.value()).type());
        }
    }
}

QString streamedOutput(const QList<Environment>& environments, const VisibilityStore& store)
{
    QString text;
    QTextStream out(&text);
    EnvsOutput::writeJson(out, environments, store);
    out.flush();
    return text;
}

QString newDocumentOutput(const QList<Environment>& environments, const VisibilityStore& store)
{
    QJsonArray array;
    for (const Environment& e : environments)
        array.append(CliJson::listedEnvironment(e, store.visibility(e.instanceId)));
    return QString::fromUtf8(CliJson::toText(array));
}

QByteArray qtString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray qtNumber(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QStringList awkwardTexts()
{
    QStringList texts = {QString(),
                         u"plain"_s,
                         u"quote \" backslash \\ slash /"_s,
                         u"零售数仓笔记本"_s,
                         u"한국어 ÅÄÖ é e\u0301"_s,
                         u"emoji 😀 🧪"_s,
                         u"\u0080\u07ff\u0800\ufffd\ufffe\uffff\u00a0\u2028\u2029"_s,
                         u"del \u007f"_s,
                         u"tab\tnewline\ncr\rbackspace\bformfeed\f"_s};
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    texts << controls;
    // Unpaired and misordered surrogates: Qt escapes the stray unit and goes on.
    texts << QString(QChar(0xd83d)) << (QString(QChar(0xd83d)) + u"a"_s) << QString(QChar(0xde00))
          << (u"x"_s + QChar(0xde00) + QChar(0xd83d)) << (QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00))
          << (u"end "_s + QChar(0xdbff));
    QString allAscii;
    for (char16_t c = 0; c < 0x80; ++c)
        allAscii.append(QChar(c));
    texts << allAscii << QString(5000, u'x');
    return texts;
}

} // namespace

class TestJsonStream : public QObject
{
    Q_OBJECT
private slots:
    void stringsAreEscapedAsQtEscapes()
    {
        for (const QString& text : awkwardTexts()) {
            QByteArray mine;
            JsonStream::appendString(mine, text);
            QCOMPARE(mine, qtString(text));
        }
        // Every BMP code unit alone, and every one after a high surrogate.
        for (uint u = 0; u <= 0xffff; ++u) {
            const QString one = QString(QChar(char16_t(u)));
            QByteArray mine;
            JsonStream::appendString(mine, one);
            QCOMPARE(mine, qtString(one));
            const QString pair = QString(QChar(0xd800)) + QChar(char16_t(u));
            mine.clear();
            JsonStream::appendString(mine, pair);
            QCOMPARE(mine, qtString(pair));
        }
    }

    void numbersAreWrittenAsQtWritesThem()
    {
        const QList<qint64> integers = {0,
                                        1,
                                        -1,
                                        10001,
                                        1793520900000,
                                        std::numeric_limits<qint64>::max(),
                                        std::numeric_limits<qint64>::min(),
                                        std::numeric_limits<qint64>::min() + 1};
        for (const qint64 n : integers) {
            QByteArray mine;
            JsonStream::appendInteger(mine, n);
            QCOMPARE(mine, qtNumber(QJsonValue(n)));
        }
        const QList<double> doubles = {0.0,
                                       -0.0,
                                       1.0,
                                       -1.5,
                                       0.1,
                                       1e-7,
                                       1e21,
                                       1793520900000.0,
                                       1793520900123.0,
                                       9007199254740992.0,
                                       9007199254740993.0,
                                       std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::min(),
                                       std::numeric_limits<double>::denorm_min(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::quiet_NaN()};
        for (const double d : doubles) {
            QByteArray mine;
            JsonStream::appendDouble(mine, d);
            QCOMPARE(mine, qtNumber(QJsonValue(d)));
        }
    }

    void anyValueIsIndentedAsQtIndents()
    {
        const QJsonObject nested{{u"b"_s, QJsonArray{1, 2.5, u"x"_s, QJsonValue(), true, false, QJsonArray(),
                                                     QJsonObject(), QJsonObject{{u"k"_s, QJsonArray{QJsonArray{}}}}}},
                                 {u"a"_s, QJsonObject{{u"z"_s, 1}, {u"ä\n"_s, u"v"_s}}},
                                 {u"empty"_s, QJsonObject()},
                                 {u"n"_s, qint64(-7)}};
        QByteArray mine;
        JsonStream::appendValue(mine, nested, 0);
        mine.append('\n');
        QCOMPARE(mine, QJsonDocument(nested).toJson(QJsonDocument::Indented));

        const QJsonArray array{nested, QJsonArray{nested}, 3};
        mine.clear();
        JsonStream::appendValue(mine, array, 0);
        mine.append('\n');
        QCOMPARE(mine, QJsonDocument(array).toJson(QJsonDocument::Indented));

        // Members added in any order come out sorted, as QJsonObject keeps them; a nested value at its depth.
        JsonStream::ObjectWriter writer(1);
        writer.add("zeta", u"z"_s);
        writer.add("alpha", qint64(1));
        writer.add("mid", QJsonValue(nested));
        writer.addObject("beta", [](JsonStream::ObjectWriter& o) {
            o.addNull("y");
            o.add("x", true);
        });
        writer.addObject("empty", [](JsonStream::ObjectWriter&) {});
        writer.addDouble("gamma", 0.5);
        writer.add("alpha", qint64(2)); // a second value for a key replaces the first, as QJsonObject::insert()
        mine.clear();
        writer.writeObject(mine, 0);
        mine.append('\n');
        const QJsonObject expected{
            {u"zeta"_s, u"z"_s},         {u"alpha"_s, 2},
            {u"mid"_s, nested},          {u"beta"_s, QJsonObject{{u"y"_s, QJsonValue()}, {u"x"_s, true}}},
            {u"empty"_s, QJsonObject()}, {u"gamma"_s, 0.5}};
        QCOMPARE(mine, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    void isoUtcTextIsQtsFormat()
    {
        const QList<QDateTime> times = {
            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(1793520900000, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(1793520900999, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(1793520900000, QTimeZone(u"Asia/Shanghai"_s.toUtf8())),
            QDateTime::fromMSecsSinceEpoch(1793520900000).toLocalTime(),
            QDateTime::fromMSecsSinceEpoch(1793520900000, Qt::OffsetFromUTC, -12 * 3600),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC),
            QDateTime(QDate(1000, 1, 1), QTime(0, 0, 0), Qt::UTC),
            QDateTime(QDate(999, 12, 31), QTime(23, 59, 59), Qt::UTC),
            QDateTime(QDate(12345, 6, 7), QTime(8, 9, 10), Qt::UTC),
            QDateTime(QDate(2024, 2, 29), QTime(12, 0, 5), Qt::UTC),
        };
        for (const QDateTime& t : times)
            QCOMPARE(CliJson::isoUtc(t), legacyIsoUtc(t));
        QCOMPARE(CliJson::isoUtc(QDateTime()), legacyIsoUtc(QDateTime()));
    }

    void handMadeEnvironmentsMatchByteForByte()
    {
        QTemporaryDir dir;
        VisibilityStore store(dir.filePath(u"visibility.json"_s));
        QList<Environment> environments;
        int n = 0;
        for (const QString& text : awkwardTexts()) {
            Environment e;
            e.instanceId = u"id-"_s + QString::number(n) + text;
            e.instanceName = text;
            e.ownerId = text;
            if (n % 2 == 0) // the added ownerName member: a string here, null on the others
                e.ownerName = text;
            e.projectName = text;
            e.statusText = (n % 3 == 0) ? QString() : text;
            e.status = EnvironmentStatus(n % 5);
            e.projectId = (n % 2) ? -qint64(n) * 1000000007 : std::numeric_limits<qint64>::max() - n;
            e.updateTimeMs = (n % 4 == 0) ? 0 : 1793520900000 + n * 7919;
            if (n % 5 != 0)
                e.updateTime = QDateTime::fromMSecsSinceEpoch(e.updateTimeMs, Qt::UTC);
            if (n % 2 == 0) { // issue 18's exposure member, with the awkward texts in its strings
                ForwardInfo f;
                f.name = text;
                f.enabled = n % 4 == 0;
                f.accessTypes = {u"internet"_s, text};
                f.containerName = text;
                f.forwardPort = text;
                f.externalPort = QString::number(n);
                f.hasEip = n % 3 == 0;
                f.hasSshPublicKey = n % 3 != 0;
                e.forwardInfos << f << ForwardInfo();
            }
            if (n % 3 == 1)
                e.role = RoleAssociation::customRole(u"acs:ram::1380246718450127:role/r"_s + text);
            if (n % 2)
                e.role = RoleAssociation::unknown(text);
            if (n % 4 == 1) { // the details main added to the role's JSON: chain, type, session policy
                RoleAssociation::Details details;
                details.chainRoles = {{u"acs:ram::1380246718450127:role/a"_s + text, u"service"_s},
                                      {u"acs:ram::1380246718450127:role/b"_s, u"user"_s}};
                details.roleType = text.isEmpty() ? u"user"_s : text;
                details.sessionPolicy = u"{\"Version\": \"1\", \"x\": \""_s + text + u"\"}"_s;
                e.role = e.role.withDetails(details);
            } else if (n % 3 == 2)
                e.role = RoleAssociation::dataWorksDefault();
            store.set(e.instanceId, (n % 2) ? Visibility::Public : Visibility::Private, u"test"_s);
            environments << e;
            ++n;
        }
        environments << Environment(); // every field empty or zero
        // The legacy members unchanged; with the added ones (ownerName), byte for byte as QJsonDocument writes them.
        compareWithLegacy(environments, store);
        QCOMPARE(streamedOutput(environments, store), newDocumentOutput(environments, store));
        // No environment at all: "[\n]\n", as QJsonDocument writes an empty array.
        QCOMPARE(streamedOutput({}, store), legacyOutput({}, store));
        QCOMPARE(streamedOutput({}, store), u"[\n]\n"_s);
    }

    void deviceOutputKeepsOrderWithTheStream()
    {
        // roledesk-cli's stdout stream has a device: the bytes go to it directly, after what the stream holds.
        QTemporaryDir dir;
        VisibilityStore store(dir.filePath(u"visibility.json"_s));
        QList<Environment> environments;
        for (int i = 0; i < 3000; ++i) { // several flush blocks
            Environment e;
            e.instanceId = QString::number(700000 + i);
            e.instanceName = u"名前 %1 \"q\""_s.arg(i);
            environments << e;
        }
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        {
            QTextStream out(&buffer);
            out << u"before é "_s;
            EnvsOutput::writeJson(out, environments, store);
            out << u"after 😀"_s;
            out.flush();
        }
        const QString expected = u"before é "_s + newDocumentOutput(environments, store) + u"after 😀"_s;
        QCOMPARE(QString::fromUtf8(buffer.data()), expected);
        QCOMPARE(buffer.data(), expected.toUtf8());
    }

    void sandboxListingMatchesByteForByte_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("seed (40)") << -1;
        QTest::newRow("10000") << 10000;
    }

    void sandboxListingMatchesByteForByte()
    {
        QFETCH(int, count);
        CliSandboxFixture fx;
        QVERIFY(fx.start(nullptr, 3600, count));
        QVERIFY(fx.importSandboxVisibility());

        // The command, end to end, in-process.
        const CliRun r = fx.run({u"envs"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());

        // The same listing through core, and the output the command wrote before it streamed.
        Endpoints endpoints(fx.sandbox()->region());
        endpoints.setEndpointOverride(fx.endpoint());
        const Credential key(fx.sandbox()->accessKeyId(), fx.sandbox()->accessKeySecret(), {}, {}, u"test"_s);
        ApiClient api(endpoints, [key] { return key; });
        DataWorksClient client(&api);
        ServerIdeListing* listing = client.listServerIdeInstances();
        QSignalSpy finished(listing, &ServerIdeListing::finished);
        QVERIFY(finished.wait(60000));
        VisibilityStore store(fx.context().visibilityFilePath);
        QVERIFY(store.load());
        QList<Environment> listed = listing->environments();
        // The owner names the command resolves (ListProjectMembers, one listing per workspace): an added member.
        OwnerDirectory owners(&client);
        QList<qint64> projectIds;
        for (const Environment& e : std::as_const(listed))
            if (!projectIds.contains(e.projectId))
                projectIds << e.projectId;
        bool resolved = false;
        owners.resolve(projectIds, [&] { resolved = true; });
        QTRY_VERIFY_WITH_TIMEOUT(resolved, 60000);
        owners.fill(&listed);
        const QList<Environment> environments = EnvironmentFilter().apply(listed, &store);
        QCOMPARE(environments.size(), count < 0 ? 40 : count);
        QVERIFY(!environments.constFirst().ownerName.isEmpty());
        // Today's members as the legacy code built them, plus the added ones: byte for byte against QJsonDocument of
        // the same objects, streamed and not.
        compareWithLegacy(environments, store);
        const QString expected = newDocumentOutput(environments, store);
        QCOMPARE(r.out.size(), expected.size());
        QVERIFY(r.out == expected); // (QCOMPARE would print megabytes on failure)
        QVERIFY(streamedOutput(environments, store) == expected);
        listing->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestJsonStream)
#include "test_jsonstream.moc"
