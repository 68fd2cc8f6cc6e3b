#include "signing/Signing.h"

#include <QTest>

using Signing::BytePairList;

class TestSignatureV1 : public QObject
{
    Q_OBJECT
private slots:
    void publishedDescribeRegionsExample()
    {
        // ECS DescribeRegions example (../shared/reference/signing.md); deliberately unsorted input.
        const BytePairList params = {
            {"Version", "2014-05-26"},        {"Timestamp", "2016-02-23T12:46:24Z"},
            {"SignatureVersion", "1.0"},      {"SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
            {"SignatureMethod", "HMAC-SHA1"}, {"Format", "XML"},
            {"Action", "DescribeRegions"},    {"AccessKeyId", "testid"}};
        QCOMPARE(
            Signing::rpcStringToSign("GET", params),
            QByteArray("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%"
                       "3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1."
                       "0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"));
        QCOMPARE(Signing::signRpcV1("GET", params, "testsecret"), QByteArray("OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    }

    void misspelledTimestampGivesTheOldDocumentationValue()
    {
        // The older pages' value belongs to the same request with "TimeStamp": proves the documentation error.
        const BytePairList params = {{"AccessKeyId", "testid"},
                                     {"Action", "DescribeRegions"},
                                     {"Format", "XML"},
                                     {"SignatureMethod", "HMAC-SHA1"},
                                     {"SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
                                     {"SignatureVersion", "1.0"},
                                     {"TimeStamp", "2016-02-23T12:46:24Z"},
                                     {"Version", "2014-05-26"}};
        QCOMPARE(Signing::signRpcV1("GET", params, "testsecret"), QByteArray("CT9X0VtwR86fNWSnsc6v8YGOjuE="));
    }

    void encodesReservedUnicodeAndEmptyValues()
    {
        // Expected values computed once with an independent Python script (hmac/hashlib,
        // urllib.parse.quote(safe="-_.~")) that also reproduces the published example above.
        const BytePairList params = {{"Action", "AssumeRole"},
                                     {"RoleArn", "acs:ram::123456789012:role/\xE6\x95\xB0\xE6\x8D\xAE-ops"},
                                     {"RoleSessionName", "roledesk*test (1)!"},
                                     {"Policy", ""},
                                     {"SecurityToken", "CAIS+tok/en="}};
        QCOMPARE(Signing::rpcCanonicalQuery(params),
                 QByteArray("Action=AssumeRole&Policy=&RoleArn=acs%3Aram%3A%3A123456789012%3Arole%2F%E6%95%B0%E6%8D%AE-"
                            "ops&RoleSessionName=roledesk%2Atest%20%281%29%21&SecurityToken=CAIS%2Btok%2Fen%3D"));
        QCOMPARE(Signing::rpcStringToSign("post", params),
                 QByteArray("POST&%2F&Action%3DAssumeRole%26Policy%3D%26RoleArn%3Dacs%253Aram%253A%253A123456789012%"
                            "253Arole%252F%25E6%2595%25B0%25E6%258D%25AE-ops%26RoleSessionName%3Droledesk%252Atest%"
                            "2520%25281%2529%2521%26SecurityToken%3DCAIS%252Btok%252Fen%253D"));
        QCOMPARE(Signing::signRpcV1("POST", params, "s3cr3t"), QByteArray("xM+kHOMxvfjTYAKl53Udc2XTeyE="));
    }

    void sortsDecodedKeysThenValues()
    {
        // Decoded order: "a.b" < "a/b"; the encoded forms would order the other way ("a%2Fb" < "a.b").
        QCOMPARE(Signing::rpcCanonicalQuery({{"a/b", "1"}, {"a.b", "2"}}), QByteArray("a.b=2&a%2Fb=1"));
        QCOMPARE(Signing::rpcCanonicalQuery({{"k", "2"}, {"k", "1"}}), QByteArray("k=1&k=2"));
        QCOMPARE(Signing::rpcCanonicalQuery({{"b", "x"}, {"B", "y"}}), QByteArray("B=y&b=x"));
        QCOMPARE(Signing::rpcCanonicalQuery({}), QByteArray());
    }

    void signatureDependsOnSecretAndMethod()
    {
        const BytePairList params = {{"Action", "GetCallerIdentity"}};
        const QByteArray get = Signing::signRpcV1("GET", params, "a");
        QVERIFY(get != Signing::signRpcV1("POST", params, "a"));
        QVERIFY(get != Signing::signRpcV1("GET", params, "b"));
        QCOMPARE(QByteArray::fromBase64(get).size(), 20); // SHA-1
    }
};

QTEST_GUILESS_MAIN(TestSignatureV1)
#include "test_signaturev1.moc"
