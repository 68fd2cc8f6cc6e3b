#include "SecretScanner.h"
#include "util/Redaction.h"

#include <QTest>

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void masksKeyIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("masked");
        QTest::newRow("sts") << QStringLiteral("STS.NUgYrLnoC37mZZCNnAbezAb7") << QStringLiteral("STS.****Ab7");
        QTest::newRow("ak") << QStringLiteral("LTAI5tExampleKey123") << QStringLiteral("LTAI****123");
        QTest::newRow("short") << QStringLiteral("abcdefgh") << QStringLiteral("****");
        QTest::newRow("empty") << QString() << QString();
    }
    void masksKeyIds()
    {
        QFETCH(QString, id);
        QFETCH(QString, masked);
        QCOMPARE(Redaction::maskKeyId(id), masked);
    }
    void redactsUrlQuery()
    {
        const QUrl url(QStringLiteral("http://user:pw@127.0.0.1:7002/api/v1/credentials/0?token=abc#x"));
        QCOMPARE(Redaction::redactUrl(url), QStringLiteral("http://127.0.0.1:7002/api/v1/credentials/0?****"));
        QCOMPARE(Redaction::redactUrl(QUrl(QStringLiteral("http://h/p"))), QStringLiteral("http://h/p"));
    }
    void redactsTokenPathSegments()
    {
        // roledesk-cli serve and the sandbox put their secret in the path.
        QCOMPARE(Redaction::redactUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/Zx81kQ_3mPq9vT2aL7cY0wHn5bR4sD6f"))),
                 QStringLiteral("http://127.0.0.1:4000/****"));
        QCOMPARE(Redaction::redactUrl(QUrl(
                     QStringLiteral("http://127.0.0.1:4000/envs/i-123/credentials/0a1b2c3d4e5f60718293a4b5c6d7e8f9"))),
                 QStringLiteral("http://127.0.0.1:4000/envs/i-123/credentials/****"));
        QCOMPARE(
            Redaction::redactUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/ZxkQ_mPqvTaLcYwHnbRsDfGhJkLmNoPqRs-tUv"))),
            QStringLiteral("http://127.0.0.1:4000/****"));
        // Ordinary paths stay readable.
        QCOMPARE(Redaction::redactUrl(QUrl(QStringLiteral("http://localhost:7002/api/v1/credentials/0"))),
                 QStringLiteral("http://localhost:7002/api/v1/credentials/0"));
        QCOMPARE(Redaction::redactUrl(
                     QUrl(QStringLiteral("http://100.100.100.200/latest/meta-data/ram/security-credentials/"))),
                 QStringLiteral("http://100.100.100.200/latest/meta-data/ram/security-credentials/"));
    }
    void redactsJsonSecrets()
    {
        const QByteArray body =
            "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.abcdefghijk\",\"AccessKeySecret\":"
            "\"sEcReT\\\"x\",\"SecurityToken\":\"CAIStoken\",\"Expiration\":\"2026-01-01T00:00:00Z\"}";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY(!text.contains(QStringLiteral("sEcReT")));
        QVERIFY(!text.contains(QStringLiteral("CAIStoken")));
        QVERIFY(!text.contains(QStringLiteral("STS.abcdefghijk")));
        QVERIFY(text.contains(QStringLiteral("2026-01-01T00:00:00Z")));
    }
    void redactsCutOffSecrets()
    {
        // An answer cut off inside its token: the value has no closing quote.
        const QByteArray body = "{\"AccessKeySecret\":\"abcSecretValue\",\"SecurityToken\":\"CAISpartialtok";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(!text.contains(QStringLiteral("CAISpartial")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("abcSecret")));
    }
    // Issue 14: JSON lets the same text be written with escapes; redaction must decide on meaning.
    void escapedMemberNamesAreRedacted()
    {
        const QString secret = QStringLiteral("SecretValue-9f8e7d6c5b4a");
        const QString token = QStringLiteral("CAIS/tok+en/0123456789abcdef==");
        const QByteArray body = R"({"AccessKey\u0053ecret":"Secret\u0056alue-9f8e7d6c5b4a",)"
                                R"("Security\u0054oken":"CAIS\/tok+en\/0123456789abcdef==","Code":"Expired"})";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(findSecret(text, {secret, token}).isEmpty(), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Expired")), qPrintable(text));
    }
    void notJsonWithEscapedNameIsRedacted()
    {
        // \y is not a JSON escape (Qt's reader tolerates it as "y"); a reader sees "AccessKeySecret" either way.
        const QByteArray body = R"({"AccessKe\ySecret":"abc\u0064efgh12345"})";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(findSecret(text, {QStringLiteral("abcdefgh12345")}).isEmpty(), qPrintable(text));
        // Cut off, it is not JSON for anyone: still hidden, and the excerpt says it is not JSON.
        const QByteArray cut = R"({"AccessKe\ySecret":"abc\u0064efgh12345","Code":)";
        const QString cutText = Redaction::bodyExcerpt(cut, {}, 400);
        QVERIFY2(findSecret(cutText, {QStringLiteral("abcdefgh12345")}).isEmpty(), qPrintable(cutText));
        QVERIFY2(cutText.contains(QStringLiteral("not JSON")), qPrintable(cutText));
    }
    void knownSecretsInEscapedSpellings_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QString token = QStringLiteral("CAIS/tok+en/0123456789abcdef==");
        QTest::newRow("json slash escape") << QByteArray(R"({"Echo":"bad token CAIS\/tok+en\/0123456789abcdef=="})");
        QTest::newRow("json unicode escape")
            << QByteArray(R"({"Echo":"bad token CAIS\u002ftok\u002ben\u002F0123456789abcdef=="})");
        QTest::newRow("percent") << QByteArray("token=CAIS%2Ftok%2Ben%2F0123456789abcdef%3D%3D&x=1");
        QTest::newRow("base64url") << QByteArray("bad token CAIS_tok-en_0123456789abcdef in a page");
        QTest::newRow("escaped in text") << QByteArray(R"(<html>CAIS\/tok+en\/0123456789abcdef==</html>)");
    }
    void knownSecretsInEscapedSpellings()
    {
        QFETCH(QByteArray, body);
        const QString token = QStringLiteral("CAIS/tok+en/0123456789abcdef==");
        const QString text = Redaction::bodyExcerpt(body, {token}, 400);
        QVERIFY2(findSecret(text, {token, QStringLiteral("CAIS_tok-en_0123456789abcdef")}).isEmpty(), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("0123456789abcdef")), qPrintable(text));
        const QString message = Redaction::redactSecrets(QString::fromUtf8(body), {token});
        QVERIFY2(!message.contains(QStringLiteral("0123456789abcdef")), qPrintable(message));
    }
    // The rules table: which member names hide their values, compared after unescaping, case-insensitively.
    void redactionRules_data()
    {
        QTest::addColumn<QByteArray>("name"); // as written in the body, escapes included
        QTest::addColumn<bool>("hidden");
        QTest::newRow("AccessKeySecret") << QByteArray("AccessKeySecret") << true;
        QTest::newRow("lower case") << QByteArray("accesskeysecret") << true;
        QTest::newRow("escaped S") << QByteArray(R"(AccessKey\u0053ecret)") << true;
        QTest::newRow("SecurityToken") << QByteArray("SecurityToken") << true;
        QTest::newRow("escaped T") << QByteArray(R"(Security\u0054oken)") << true;
        QTest::newRow("sts_token") << QByteArray("sts_token") << true;
        QTest::newRow("access_key_secret") << QByteArray("access_key_secret") << true;
        QTest::newRow("Password") << QByteArray("Password") << true;
        QTest::newRow("PASSWORD") << QByteArray("PASSWORD") << true;
        QTest::newRow("BOM prefix") << QByteArray(R"(\ufeffAccessKeySecret)") << true;
        QTest::newRow("AccessKeyId") << QByteArray("AccessKeyId") << true; // masked, not removed
        QTest::newRow("Code") << QByteArray("Code") << false;
        QTest::newRow("Message") << QByteArray("Message") << false;
        QTest::newRow("Expiration") << QByteArray("Expiration") << false;
    }
    void redactionRules()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, hidden);
        const QByteArray value = "Zq9VxRmP4tLs2NwK8yHb";
        const QByteArray body = "{\"" + name + "\":\"" + value + "\",\"Other\":\"visible\"}";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(text.contains(QStringLiteral("visible")), qPrintable(text));
        if (hidden) {
            QVERIFY2(!text.contains(QStringLiteral("VxRmP4tLs2Nw")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("****")), qPrintable(text));
        } else {
            QVERIFY2(text.contains(QString::fromLatin1(value)), qPrintable(text));
        }
    }
    void memberWhoseValueIsAKnownSecretIsHidden()
    {
        const QString secret = QStringLiteral("Zq9VxRmP4tLs2NwK8yHb");
        const QByteArray body = R"({"Whatever":"Zq9VxRmP\u0034tLs2NwK8yHb","Nested":[{"x":"Zq9VxRmP4tLs2NwK8yHb"}]})";
        const QString text = Redaction::bodyExcerpt(body, {secret}, 400);
        QVERIFY2(findSecret(text, {secret}).isEmpty(), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Whatever")), qPrintable(text));
    }
    void nestedAndNonStringSecretValuesAreHidden()
    {
        const QByteArray body =
            R"({"Data":{"Credentials":{"accessKeySecret":"Zq9VxRmP4tLs2NwK8yHb"},"password":12345678901}})";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(!text.contains(QStringLiteral("VxRmP4")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("12345678901")), qPrintable(text));
    }
    void xmlSecretElementsAreHidden()
    {
        const QByteArray body = "<?xml version=\"1.0\"?><Error><Code>NoPermission</Code><SecurityToken>CAIS&#47;abc"
                                "defghijklmnop</SecurityToken><Message>bad</Message></Error>";
        const QString text = Redaction::bodyExcerpt(body, {}, 400);
        QVERIFY2(!text.contains(QStringLiteral("abcdefghijklmnop")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("NoPermission")), qPrintable(text));
    }
    void redactsGivenSecretsAnywhere()
    {
        QCOMPARE(Redaction::redactSecrets(QStringLiteral("oops mysecretvalue here"), {QStringLiteral("mysecretvalue")}),
                 QStringLiteral("oops **** here"));
        QVERIFY(Redaction::bodyExcerpt(QByteArray(500, 'a'), {}, 50).endsWith(QStringLiteral("...")));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "test_redaction.moc"
