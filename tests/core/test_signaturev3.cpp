#include "signing/Signing.h"

#include <QTest>
#include <QTimeZone>

using Signing::BytePairList;

namespace {

// Alibaba Cloud "V3 request structure and signature", RunInstances example (../shared/reference/signing.md).
Signing::V3Input runInstancesExample()
{
    Signing::V3Input in;
    in.method = "POST";
    in.path = "/";
    in.query = {{"RegionId", "cn-shanghai"}, {"ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}};
    in.headers = {{"Host", "ecs.cn-shanghai.aliyuncs.com"},
                  {"x-acs-action", "RunInstances"},
                  {"x-acs-version", "2014-05-26"},
                  {"x-acs-date", "2023-10-26T10:22:32Z"},
                  {"x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"},
                  {"x-acs-content-sha256", Signing::emptyPayloadHash()},
                  // Not canonical headers: must not change anything.
                  {"User-Agent", "RoleDesk/0.1.0"},
                  {"Accept", "application/json"}};
    in.payloadHashHex = Signing::emptyPayloadHash();
    return in;
}

// A form-body STS request; expected values computed once with an independent Python script (hashlib/hmac,
// urllib.parse.quote(safe="-_.~")) written from the reference, which also reproduces the published vectors.
const QByteArray formBody = "RoleName=ops%20role&Description=%E6%95%B0%E6%8D%AE";
const QByteArray formBodyHash = "4b3f3b0eb1e12cafa106e32cc59f9f87eb9d98a8e25d8e24df71fd2d1c527cf9";

Signing::V3Input stsFormExample()
{
    Signing::V3Input in;
    in.method = "POST";
    in.path = "/";
    in.headers = {{"host", "ram.aliyuncs.com"},           {"Content-Type", "application/x-www-form-urlencoded"},
                  {"x-acs-action", "CreateRole"},         {"x-acs-version", "2015-05-01"},
                  {"x-acs-date", "2026-11-28T13:00:00Z"}, {"x-acs-signature-nonce", "roledesk-nonce-0001"},
                  {"x-acs-content-sha256", formBodyHash}, {"x-acs-security-token", "CAIS.example+token/=="},
                  {"user-agent", "RoleDesk/0.1.0"}};
    in.payloadHashHex = Signing::hexSha256(formBody);
    return in;
}

} // namespace

class TestSignatureV3 : public QObject
{
    Q_OBJECT
private slots:
    void publishedRunInstancesExample()
    {
        const auto r = Signing::signV3(runInstancesExample(), "YourAccessKeyId", "YourAccessKeySecret");
        QCOMPARE(r.hashedCanonicalRequest,
                 QByteArray("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
        QCOMPARE(r.signature, QByteArray("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
        QCOMPARE(r.signedHeaders,
                 QByteArray("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"));
        QCOMPARE(r.stringToSign,
                 QByteArray("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
        QCOMPARE(r.authorization,
                 QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                            "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                            "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
        QVERIFY(r.canonicalRequest.startsWith("POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"
                                              "&RegionId=cn-shanghai\nhost:ecs.cn-shanghai.aliyuncs.com\n"));
    }

    void emptyPayloadHashIsSha256OfNothing()
    {
        QCOMPARE(Signing::emptyPayloadHash(), Signing::hexSha256(QByteArray()));
    }

    void percentEncodes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unreserved kept") << QByteArray("AZaz09-_.~") << QByteArray("AZaz09-_.~");
        QTest::newRow("space") << QByteArray("a b") << QByteArray("a%20b");
        QTest::newRow("star") << QByteArray("a*b") << QByteArray("a%2Ab");
        QTest::newRow("slash") << QByteArray("a/b") << QByteArray("a%2Fb");
        QTest::newRow("plus") << QByteArray("a+b") << QByteArray("a%2Bb");
        QTest::newRow("sub-delims") << QByteArray("!'()") << QByteArray("%21%27%28%29");
        QTest::newRow("reserved") << QByteArray(":?#[]@&=,;$%") << QByteArray("%3A%3F%23%5B%5D%40%26%3D%2C%3B%24%25");
        QTest::newRow("two-byte") << QString(QChar(0xE9)).toUtf8() << QByteArray("%C3%A9");
        QTest::newRow("three-byte") << QString::fromUtf8("\xE6\x95\xB0\xE6\x8D\xAE").toUtf8()
                                    << QByteArray("%E6%95%B0%E6%8D%AE");
        QTest::newRow("four-byte emoji") << QByteArray("\xF0\x9F\x98\x80") << QByteArray("%F0%9F%98%80");
        QTest::newRow("control") << QByteArray("\n\t") << QByteArray("%0A%09");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void percentEncodes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Signing::percentEncode(input), encoded);
    }

    void canonicalQuery_data()
    {
        QTest::addColumn<BytePairList>("query");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("none") << BytePairList{} << QByteArray();
        QTest::newRow("empty value") << BytePairList{{"b", ""}, {"a", "1"}} << QByteArray("a=1&b=");
        QTest::newRow("duplicate keys by value")
            << BytePairList{{"k", "2"}, {"k", "1"}, {"k", ""}} << QByteArray("k=&k=1&k=2");
        // Sorting is on the encoded key: "%2F" (0x25...) sorts before "." although "/" > ".".
        QTest::newRow("encoded key order") << BytePairList{{"a.b", "1"}, {"a/b", "2"}} << QByteArray("a%2Fb=2&a.b=1");
        QTest::newRow("case is byte order") << BytePairList{{"a", "1"}, {"B", "2"}} << QByteArray("B=2&a=1");
        QTest::newRow("values encoded") << BytePairList{{"Name", "my table*/~ x"}}
                                        << QByteArray("Name=my%20table%2A%2F~%20x");
        QTest::newRow("unicode") << BytePairList{{"\xE5\x90\x8D", "\xE6\x95\xB0"}} << QByteArray("%E5%90%8D=%E6%95%B0");
    }
    void canonicalQuery()
    {
        QFETCH(BytePairList, query);
        QFETCH(QByteArray, canonical);
        QCOMPARE(Signing::canonicalQueryV3(query), canonical);
    }

    void canonicalUri_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("empty is root") << QByteArray() << QByteArray("/");
        QTest::newRow("root") << QByteArray("/") << QByteArray("/");
        QTest::newRow("segments") << QByteArray("/projects/my project/\xE6\x95\xB0")
                                  << QByteArray("/projects/my%20project/%E6%95%B0");
        QTest::newRow("star plus tilde") << QByteArray("/a*b/c+d/e~f") << QByteArray("/a%2Ab/c%2Bd/e~f");
        QTest::newRow("trailing slash") << QByteArray("/a/") << QByteArray("/a/");
    }
    void canonicalUri()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, canonical);
        QCOMPARE(Signing::canonicalUriV3(path), canonical);
    }

    void canonicalRequestLayout()
    {
        Signing::V3Input in;
        in.method = "get";
        in.path = "/webapi/x y";
        in.query = {{"Empty", ""}, {"A", "1 2"}};
        in.headers = {{"  X-Acs-Action ", "  ListProjects  "},
                      {"HOST", " dataworks.cn-shanghai.aliyuncs.com"},
                      {"Content-Type", "application/json"},
                      {"Date", "ignored"}};
        in.payloadHashHex = Signing::emptyPayloadHash();
        const auto r = Signing::signV3(in, "id", "secret");
        QCOMPARE(r.canonicalRequest, QByteArray(QByteArray("GET\n/webapi/x%20y\nA=1%202&Empty=\n"
                                                           "content-type:application/json\n"
                                                           "host:dataworks.cn-shanghai.aliyuncs.com\n"
                                                           "x-acs-action:ListProjects\n\n"
                                                           "content-type;host;x-acs-action\n") +
                                                Signing::emptyPayloadHash()));
        QCOMPARE(r.hashedCanonicalRequest, Signing::hexSha256(r.canonicalRequest));
    }

    void stsTokenIsSignedAndFormBodyHashed()
    {
        QCOMPARE(Signing::hexSha256(formBody), formBodyHash);
        const auto r = Signing::signV3(stsFormExample(), "STS.exampleid", "exampleSecret");
        QCOMPARE(r.signedHeaders, QByteArray("content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                                             "x-acs-security-token;x-acs-signature-nonce;x-acs-version"));
        QVERIFY(r.canonicalRequest.contains("\nx-acs-security-token:CAIS.example+token/==\n"));
        QVERIFY(r.canonicalRequest.contains("\ncontent-type:application/x-www-form-urlencoded\n"));
        QVERIFY(r.canonicalRequest.endsWith(QByteArray("\n" + formBodyHash)));
        QCOMPARE(r.signature, QByteArray("573c09c5c55d1ac1b2b7b23d1b2ae9719d13a841e755c4a2a3dc03935862807f"));

        // Without the token (or with another one) the signature differs: the token really is covered.
        auto withoutToken = stsFormExample();
        withoutToken.headers.removeIf([](const auto& h) { return h.first == "x-acs-security-token"; });
        QVERIFY(Signing::signV3(withoutToken, "STS.exampleid", "exampleSecret").signature != r.signature);
        auto otherToken = stsFormExample();
        for (auto& h : otherToken.headers) {
            if (h.first == "x-acs-security-token")
                h.second = "CAIS.other";
        }
        QVERIFY(Signing::signV3(otherToken, "STS.exampleid", "exampleSecret").signature != r.signature);
    }

    void repeatedHeadersAreJoined()
    {
        Signing::V3Input in;
        in.headers = {{"x-acs-b", "2"}, {"X-Acs-B", "1"}, {"host", "h"}};
        in.payloadHashHex = Signing::emptyPayloadHash();
        const auto r = Signing::signV3(in, "id", "secret");
        QVERIFY(r.canonicalRequest.contains("\nhost:h\nx-acs-b:1,2\n\nhost;x-acs-b\n"));
    }

    void verifierModeUsesTheListedHeaders()
    {
        const auto client = Signing::signV3(runInstancesExample(), "YourAccessKeyId", "YourAccessKeySecret");
        const auto parsed = Signing::parseV3Authorization(client.authorization);
        QVERIFY(parsed.isValid());

        // A proxy added an x-acs header the client never signed: the verifier still reproduces the signature.
        auto seen = runInstancesExample();
        seen.headers.append(qMakePair(QByteArray("x-acs-proxy-hop"), QByteArray("1")));
        seen.signedHeaderNames = parsed.signedHeaders;
        const auto verified = Signing::signV3(seen, parsed.accessKeyId, "YourAccessKeySecret");
        QCOMPARE(verified.signature, parsed.signature);
        QCOMPARE(verified.signedHeaders, client.signedHeaders);

        // A listed header that is missing changes the result instead of being silently skipped.
        auto missing = runInstancesExample();
        missing.headers.removeIf([](const auto& h) { return h.first == "x-acs-date"; });
        missing.signedHeaderNames = parsed.signedHeaders;
        const auto r = Signing::signV3(missing, parsed.accessKeyId, "YourAccessKeySecret");
        QVERIFY(r.signature != parsed.signature);
        QCOMPARE(r.signedHeaders, client.signedHeaders);
    }

    void parsesAuthorizationRoundTrip()
    {
        const auto r = Signing::signV3(stsFormExample(), "STS.exampleid", "exampleSecret");
        const auto parsed = Signing::parseV3Authorization(r.authorization);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.accessKeyId, QByteArray("STS.exampleid"));
        QCOMPARE(parsed.signature, r.signature);
        QCOMPARE(parsed.signedHeaders.join(';'), r.signedHeaders);

        // Spaces after commas and an upper-case signature are tolerated; the signature comes back lower-case.
        const auto spaced = Signing::parseV3Authorization(QByteArray(
            "ACS3-HMAC-SHA256 Credential=id, SignedHeaders=host;x-acs-date, Signature=" + r.signature.toUpper()));
        QVERIFY(spaced.isValid());
        QCOMPARE(spaced.signature, r.signature);
        QCOMPARE(spaced.signedHeaders, (QList<QByteArray>{"host", "x-acs-date"}));
    }

    void rejectsMalformedAuthorization_data()
    {
        const auto sig = [](const char* prefix, const char* suffix = "") -> QByteArray {
            return QByteArray(prefix) + QByteArray(64, 'a') + QByteArray(suffix);
        };
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("algorithm only") << QByteArray("ACS3-HMAC-SHA256");
        QTest::newRow("algorithm and space") << QByteArray("ACS3-HMAC-SHA256 ");
        QTest::newRow("other algorithm") << QByteArray(
            sig("ACS3-HMAC-SM3 Credential=id,SignedHeaders=host,Signature="));
        QTest::newRow("no space") << QByteArray(sig("ACS3-HMAC-SHA256Credential=id,SignedHeaders=host,Signature="));
        QTest::newRow("rpc style") << QByteArray("acs id:c2lnbmF0dXJl");
        QTest::newRow("missing signature") << QByteArray("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host");
        QTest::newRow("missing signed headers") << QByteArray(sig("ACS3-HMAC-SHA256 Credential=id,Signature="));
        QTest::newRow("missing credential") << QByteArray(sig("ACS3-HMAC-SHA256 SignedHeaders=host,Signature="));
        QTest::newRow("empty credential")
            << QByteArray(sig("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature="));
        QTest::newRow("repeated part") << QByteArray(
            sig("ACS3-HMAC-SHA256 Credential=id,Credential=id2,SignedHeaders=host,Signature="));
        QTest::newRow("unknown part") << QByteArray(
            sig("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Foo=1,Signature="));
        QTest::newRow("part without =") << QByteArray(
            sig("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,junk,Signature="));
        QTest::newRow("short signature") << QByteArray(
            "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=abc");
        QTest::newRow("non-hex signature") << QByteArray(
            QByteArray("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=") + QByteArray(64, 'g'));
        QTest::newRow("empty header name")
            << QByteArray(sig("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;;x-acs-date,Signature="));
        QTest::newRow("trailing comma") << QByteArray(
            sig("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=", ","));
    }
    void rejectsMalformedAuthorization()
    {
        QFETCH(QByteArray, header);
        const auto parsed = Signing::parseV3Authorization(header);
        QVERIFY(!parsed.isValid());
        QVERIFY(parsed.signedHeaders.isEmpty());
    }

    void comparesSignaturesInConstantTime()
    {
        QVERIFY(Signing::equalsConstantTime("abc", "abc"));
        QVERIFY(Signing::equalsConstantTime("", ""));
        QVERIFY(!Signing::equalsConstantTime("abc", "abd"));
        QVERIFY(!Signing::equalsConstantTime("abc", "ab"));
        QVERIFY(!Signing::equalsConstantTime("", "a"));
    }

    void isoTimestampIsUtc()
    {
        const QDateTime t(QDate(2023, 10, 26), QTime(18, 22, 32), QTimeZone(8 * 3600));
        QCOMPARE(Signing::isoTimestamp(t), QByteArray("2023-10-26T10:22:32Z"));
    }
};

QTEST_GUILESS_MAIN(TestSignatureV3)
#include "test_signaturev3.moc"
