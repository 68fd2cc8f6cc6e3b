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
    void redactsGivenSecretsAnywhere()
    {
        QCOMPARE(Redaction::redactSecrets(QStringLiteral("oops mysecretvalue here"), {QStringLiteral("mysecretvalue")}),
                 QStringLiteral("oops **** here"));
        QVERIFY(Redaction::bodyExcerpt(QByteArray(500, 'a'), {}, 50).endsWith(QStringLiteral("...")));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "test_redaction.moc"
