#include "signing/Signing.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

// Signs generated requests with Signing:: and with the official @alicloud/openapi-util 0.3.3
// (tests/interop/node/sign-oracle.js) and compares every one.
//
// Inputs stay inside that package's documented quirks (../shared/reference/signing.md):
// - V3 query KEYS use unreserved characters only: the package does not percent-encode query keys.
// - V3 paths contain no "+" or "*": the package replaces only the first of each in a raw path.
// Two more limits of the JavaScript side, not of the protocol:
// - keys are unique per request (the package takes plain objects), so duplicate query keys are only covered by
//   the unit tests; headers may repeat with different letter case (the package merges those as we do);
// - header values carry no Unicode whitespace at their ends (String.trim() strips it, HTTP only strips SP/HTAB),
//   and RPC keys use no characters U+E000..U+FFFF (JavaScript sorts UTF-16 code units, the SDKs' other
//   languages and we sort code points/UTF-8 bytes; the two orders differ only there).
namespace {

using Pair = QPair<QByteArray, QByteArray>;

constexpr int v3Count = 900;
constexpr int rpcCount = 600;

struct Case
{
    int id = 0;
    bool v3 = true;
    QByteArray method;
    // V3
    QByteArray path;
    Signing::BytePairList query;
    Signing::BytePairList headers;
    QByteArray body;
    QByteArray accessKeyId;
    // RPC
    Signing::BytePairList params;
    QByteArray secret;
};

class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
    {}

    int below(int n) { return int(m_rng.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }

    QByteArray unreservedString(int minLen, int maxLen)
    {
        static const QByteArray pool = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        QByteArray out;
        const int len = minLen + below(maxLen - minLen + 1);
        for (int i = 0; i < len; ++i)
            out += pool.at(below(int(pool.size())));
        return out;
    }

    // Unreserved, reserved and multi-byte characters; `forPath` leaves out "/" and the quirky "+" and "*".
    QByteArray mixedString(int minLen, int maxLen, bool forPath = false)
    {
        static const QList<QByteArray> unicode = {
            "\xC3\xA9",         // é
            "\xC3\x9F",         // ß
            "\xD0\xB6",         // ж
            "\xD8\xB9",         // ع
            "\xE4\xB8\xAD",     // 中
            "\xE6\x95\xB0",     // 数
            "\xE6\x8D\xAE",     // 据
            "\xE3\x81\x82",     // あ
            "\xE2\x82\xAC",     // €
            "\xCC\x81",         // combining acute accent
            "\xF0\x9F\x98\x80", // 😀
            "\xF0\x9D\x84\x9E", // 𝄞
        };
        static const QByteArray reserved = " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}";
        static const QByteArray pathReserved = " !\"#$%&'(),:;<=>?@[\\]^`{|}";
        QByteArray out;
        const int len = minLen + below(maxLen - minLen + 1);
        for (int i = 0; i < len; ++i) {
            const int kind = below(10);
            if (kind < 5) {
                out += unreservedString(1, 1);
            } else if (kind < 8) {
                const QByteArray& pool = forPath ? pathReserved : reserved;
                out += pool.at(below(int(pool.size())));
            } else {
                out += unicode.at(below(int(unicode.size())));
            }
        }
        return out;
    }

    QByteArray value() { return chance(15) ? QByteArray() : mixedString(1, 24); }

    QByteArray secret() { return unreservedString(16, 40); }

    QByteArray stsToken()
    {
        static const QByteArray pool = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        QByteArray out = "CAIS";
        const int len = 40 + below(300);
        for (int i = 0; i < len; ++i)
            out += pool.at(below(int(pool.size())));
        return out;
    }

    QByteArray randomCase(const QByteArray& name)
    {
        QByteArray out = name;
        for (char& c : out) {
            if (c >= 'a' && c <= 'z' && chance(30))
                c = char(c - 'a' + 'A');
        }
        return out;
    }

    QByteArray method()
    {
        static const QList<QByteArray> methods = {"GET", "POST", "PUT", "DELETE"};
        return methods.at(below(int(methods.size())));
    }

    QByteArray timestamp()
    {
        const QDateTime t =
            QDateTime::fromSecsSinceEpoch(1700000000 + qint64(m_rng.bounded(100000000)), QTimeZone::utc());
        return Signing::isoTimestamp(t);
    }

    QByteArray nonce() { return QByteArray::number(m_rng.generate64(), 16); }

    Case v3Case(int id)
    {
        Case c;
        c.id = id;
        c.v3 = true;
        c.method = method();
        c.accessKeyId = chance(30) ? "STS." + unreservedString(10, 24) : "LTAI" + unreservedString(12, 20);
        c.secret = secret();

        if (chance(40)) {
            c.path = "/";
        } else {
            const int segments = 1 + below(4);
            for (int i = 0; i < segments; ++i)
                c.path += '/' + (chance(10) ? QByteArray() : mixedString(1, 12, true));
            if (chance(15))
                c.path += '/';
        }

        QSet<QByteArray> keys;
        const int queryCount = below(9);
        for (int i = 0; i < queryCount; ++i) {
            const QByteArray key = unreservedString(1, 14);
            if (keys.contains(key))
                continue;
            keys.insert(key);
            c.query.append(Pair{key, value()});
        }

        static const QList<QByteArray> hosts = {"dataworks.cn-shanghai.aliyuncs.com", "sts.aliyuncs.com",
                                                "ram.aliyuncs.com", "127.0.0.1:18080",
                                                "dataworks-vpc.cn-hangzhou.aliyuncs.com"};
        c.headers.append(Pair{randomCase("host"), hosts.at(below(int(hosts.size())))});
        c.headers.append(Pair{randomCase("x-acs-action"), unreservedString(3, 30)});
        c.headers.append(Pair{randomCase("x-acs-version"), "2024-05-18"});
        c.headers.append(Pair{randomCase("x-acs-date"), timestamp()});
        c.headers.append(Pair{randomCase("x-acs-signature-nonce"), nonce()});

        const int bodyKind = below(10);
        if (bodyKind < 4) {
            // RPC-style form body: its bytes are hashed and content-type is signed.
            Signing::BytePairList form;
            const int formCount = 1 + below(6);
            for (int i = 0; i < formCount; ++i)
                form.append(Pair{mixedString(1, 10), value()});
            QByteArray body;
            for (const auto& [k, v] : form) {
                if (!body.isEmpty())
                    body += '&';
                body += Signing::percentEncode(k) + '=' + Signing::percentEncode(v);
            }
            c.body = body;
            c.headers.append(Pair{randomCase("content-type"), "application/x-www-form-urlencoded"});
        } else if (bodyKind < 5) {
            c.body = "{\"Name\":\"" + mixedString(0, 20).replace('"', "'").replace('\\', "/") + "\"}";
            c.headers.append(Pair{randomCase("content-type"), "application/json; charset=utf-8"});
        }
        c.headers.append(Pair{"x-acs-content-sha256", Signing::hexSha256(c.body)});

        if (chance(35))
            c.headers.append(Pair{randomCase("x-acs-security-token"), stsToken()});
        if (chance(50))
            c.headers.append(Pair{"User-Agent", "RoleDesk/0.1.0 (" + mixedString(0, 10) + ")"});
        if (chance(30))
            c.headers.append(Pair{"Accept", "application/json"});
        const int custom = below(3);
        for (int i = 0; i < custom; ++i) {
            const QByteArray name = "x-acs-custom-" + QByteArray::number(i) + unreservedString(0, 5).toLower();
            QByteArray v = mixedString(0, 16);
            if (chance(30))
                v = "  " + v + (chance(50) ? "\t" : "  "); // outer SP/HTAB are trimmed
            c.headers.append(Pair{randomCase(name), v});
        }
        if (chance(5)) {
            // The same header twice with different letter case: both sides join the sorted values with ",".
            c.headers.append(Pair{"x-acs-dup", unreservedString(1, 6)});
            c.headers.append(Pair{"X-Acs-Dup", unreservedString(1, 6)});
        }
        return c;
    }

    Case rpcCase(int id)
    {
        Case c;
        c.id = id;
        c.v3 = false;
        c.method = chance(50) ? "GET" : "POST";
        c.secret = secret();
        c.params = {{"Format", "JSON"},
                    {"Version", chance(50) ? "2015-04-01" : "2015-05-01"},
                    {"AccessKeyId", "LTAI" + unreservedString(12, 20)},
                    {"SignatureMethod", "HMAC-SHA1"},
                    {"Timestamp", timestamp()},
                    {"SignatureVersion", "1.0"},
                    {"SignatureNonce", nonce()},
                    {"Action", unreservedString(3, 24)}};
        if (chance(35))
            c.params.append(Pair{"SecurityToken", stsToken()});
        QSet<QByteArray> keys;
        for (const auto& p : c.params)
            keys.insert(p.first);
        const int extra = below(9);
        for (int i = 0; i < extra; ++i) {
            const QByteArray key = chance(50) ? unreservedString(1, 12) : mixedString(1, 10);
            if (keys.contains(key) || key == "__proto__")
                continue;
            keys.insert(key);
            c.params.append(Pair{key, value()});
        }
        return c;
    }

private:
    QRandomGenerator m_rng;
};

QJsonArray pairsToJson(const Signing::BytePairList& pairs)
{
    QJsonArray out;
    for (const auto& [k, v] : pairs)
        out.append(QJsonArray{QString::fromUtf8(k), QString::fromUtf8(v)});
    return out;
}

QByteArray toJsonLine(const Case& c)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("method"), QString::fromLatin1(c.method));
    o.insert(QStringLiteral("secret"), QString::fromLatin1(c.secret));
    if (c.v3) {
        o.insert(QStringLiteral("scheme"), QStringLiteral("v3"));
        o.insert(QStringLiteral("path"), QString::fromUtf8(c.path));
        o.insert(QStringLiteral("query"), pairsToJson(c.query));
        o.insert(QStringLiteral("headers"), pairsToJson(c.headers));
        o.insert(QStringLiteral("body"), QString::fromUtf8(c.body));
        o.insert(QStringLiteral("accessKeyId"), QString::fromLatin1(c.accessKeyId));
    } else {
        o.insert(QStringLiteral("scheme"), QStringLiteral("rpc"));
        o.insert(QStringLiteral("params"), pairsToJson(c.params));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// A mismatch report shows the request but no secret, token or signature value.
QByteArray describe(const Case& c)
{
    auto shown = [](const Signing::BytePairList& pairs) {
        QByteArray out;
        for (const auto& [k, v] : pairs) {
            const bool secretish =
                k.toLower() == "x-acs-security-token" || k == "SecurityToken" || k.toLower() == "authorization";
            out += "    " + k + " = [" + (secretish ? "<" + QByteArray::number(v.size()) + " bytes>" : v) + "]\n";
        }
        return out;
    };
    auto redactTokens = [&c](QByteArray text) {
        for (const auto& [k, v] : c.v3 ? c.headers : c.params) {
            if (!v.isEmpty() && (k.toLower() == "x-acs-security-token" || k == "SecurityToken"))
                text.replace(v, "<token>");
        }
        return text;
    };
    QByteArray out = "request #" + QByteArray::number(c.id) + " (" + (c.v3 ? "V3" : "RPC V1") + ") " + c.method;
    if (c.v3) {
        out += " path [" + c.path + "]\n  query:\n" + shown(c.query) + "  headers:\n" + shown(c.headers) + "  body: [" +
               c.body + "]\n  our canonical request:\n" +
               redactTokens(Signing::signV3({c.method, c.path, c.query, c.headers, Signing::hexSha256(c.body), {}},
                                            c.accessKeyId, c.secret)
                                .canonicalRequest) +
               "\n";
    } else {
        out += "\n  params:\n" + shown(c.params) +
               "  our string to sign: " + redactTokens(Signing::rpcStringToSign(c.method, c.params)) + "\n";
    }
    return out;
}

} // namespace

class TestSigningInterop : public QObject
{
    Q_OBJECT
private slots:
    void matchesOpenApiUtil()
    {
        const QString nodeDir = QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node");
        if (!QFileInfo::exists(nodeDir + QStringLiteral("/node_modules/@alicloud/openapi-util/package.json")) ||
            !QFileInfo::exists(nodeDir + QStringLiteral("/node_modules/@alicloud/tea-typescript/package.json"))) {
            QFAIL(qPrintable(QStringLiteral("The npm oracle packages are missing in %1/node_modules. Run `npm ci` in "
                                            "that folder (scripts/test.sh does it), then run this test again.")
                                 .arg(QDir::toNativeSeparators(nodeDir))));
        }
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QFAIL("`node` was not found on PATH; install Node.js to run the interop tests.");

        // Fixed seed: the same 1,500 requests on every run, so a failure reproduces.
        Generator gen(20261128);
        QList<Case> cases;
        cases.reserve(v3Count + rpcCount);
        for (int i = 0; i < v3Count; ++i)
            cases.append(gen.v3Case(int(cases.size())));
        for (int i = 0; i < rpcCount; ++i)
            cases.append(gen.rpcCase(int(cases.size())));

        QByteArray input;
        for (const Case& c : cases)
            input += toJsonLine(c);

        QProcess proc;
        proc.setWorkingDirectory(nodeDir);
        proc.start(node, {QStringLiteral("sign-oracle.js")});
        QVERIFY2(proc.waitForStarted(30000), qPrintable(proc.errorString()));
        proc.write(input);
        proc.closeWriteChannel();
        // Generous: CI is a loaded 2-core machine; the oracle itself needs well under a second.
        QVERIFY2(proc.waitForFinished(180000), "sign-oracle.js did not finish within 180 s");
        QVERIFY2(proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0,
                 qPrintable(QStringLiteral("sign-oracle.js failed (exit %1): %2")
                                .arg(proc.exitCode())
                                .arg(QString::fromUtf8(proc.readAllStandardError().left(2000)))));

        QHash<int, QJsonObject> answers;
        for (const QByteArray& line : proc.readAllStandardOutput().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(doc.isObject(),
                     qPrintable(QStringLiteral("oracle answer is not JSON: %1").arg(error.errorString())));
            answers.insert(doc.object().value(QStringLiteral("id")).toInt(-1), doc.object());
        }

        int compared = 0;
        int v3Compared = 0;
        int stsCompared = 0;
        int formCompared = 0;
        QList<QByteArray> mismatches;
        for (const Case& c : cases) {
            const QJsonObject answer = answers.value(c.id);
            if (answer.isEmpty() || answer.contains(QStringLiteral("error"))) {
                mismatches.append("no oracle answer (" + answer.value(QStringLiteral("error")).toString().toUtf8() +
                                  ") for " + describe(c));
                continue;
            }
            ++compared;
            if (c.v3) {
                ++v3Compared;
                const auto ours = Signing::signV3(
                    {c.method, c.path, c.query, c.headers, Signing::hexSha256(c.body), {}}, c.accessKeyId, c.secret);
                const QByteArray theirs = answer.value(QStringLiteral("authorization")).toString().toUtf8();
                const QByteArray theirHash = answer.value(QStringLiteral("payloadHash")).toString().toUtf8();
                if (theirHash != Signing::hexSha256(c.body))
                    mismatches.append("payload hash differs for " + describe(c));
                else if (theirs != ours.authorization)
                    mismatches.append("Authorization differs for " + describe(c));
                for (const auto& h : c.headers) {
                    if (h.first.toLower() == "x-acs-security-token")
                        ++stsCompared;
                    if (h.first.toLower() == "content-type" && h.second.startsWith("application/x-www-form"))
                        ++formCompared;
                }
            } else {
                const QByteArray theirs = answer.value(QStringLiteral("signature")).toString().toUtf8();
                if (theirs != Signing::signRpcV1(c.method, c.params, c.secret))
                    mismatches.append("signature differs for " + describe(c));
            }
        }

        qInfo("compared %d requests with @alicloud/openapi-util 0.3.3: %d V3 (%d with an STS token, %d with a form "
              "body), %d RPC V1; %lld mismatches",
              compared, v3Compared, stsCompared, formCompared, compared - v3Compared, qlonglong(mismatches.size()));
        for (qsizetype i = 0; i < mismatches.size() && i < 5; ++i)
            qWarning("%s", mismatches.at(i).constData());
        QCOMPARE(mismatches.size(), 0);
        QCOMPARE(compared, v3Count + rpcCount);
        QVERIFY(stsCompared > 100);
        QVERIFY(formCompared > 100);
    }
};

QTEST_GUILESS_MAIN(TestSigningInterop)
#include "test_signinginterop.moc"
