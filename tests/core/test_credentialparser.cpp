#include "credentials/CredentialParser.h"

#include "MockClock.h"
#include "SecretScanner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QString kId = QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez7Ab7");
const QString kSecret = QStringLiteral("SecretValue-9f8e7d6c5b4a");
const QString kToken = QStringLiteral("TokenValue-CAIS0123456789abcdef");
const QStringList kSecrets = {kSecret, kToken};

QJsonObject goodObject(const QString& expiration = QStringLiteral("2026-01-01T18:00:00Z"))
{
    QJsonObject o;
    o.insert(QStringLiteral("Code"), QStringLiteral("Success"));
    o.insert(QStringLiteral("AccessKeyId"), kId);
    o.insert(QStringLiteral("AccessKeySecret"), kSecret);
    o.insert(QStringLiteral("SecurityToken"), kToken);
    o.insert(QStringLiteral("Expiration"), expiration);
    return o;
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestCredentialParser : public QObject
{
    Q_OBJECT
private slots:
    void goodAnswer_data();
    void goodAnswer();
    void rejectsStatus_data();
    void rejectsStatus();
    void rejectsCodeNotSuccess();
    void rejectsMissingOrEmptyField_data();
    void rejectsMissingOrEmptyField();
    void rejectsMalformedJson();
    void rejectsArray();
    void rejectsBadExpiration_data();
    void rejectsBadExpiration();
    void rejectsAlreadyExpired();
    void fileBodyHasNoStatus();
    void escapedSecretsInARejectedAnswerDoNotShow();
    void escapedSecretsInAnAnswerThatIsNotJsonDoNotShow();

private:
    MockClock m_clock; // 2026-01-01 12:00 UTC
};

void TestCredentialParser::goodAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC);
    QTest::newRow("plain") << json(goodObject()) << base;
    QTest::newRow("milliseconds") << json(goodObject(QStringLiteral("2026-01-01T18:00:00.250Z"))) << base.addMSecs(250);
    QJsonObject noCode = goodObject();
    noCode.remove(QStringLiteral("Code"));
    QTest::newRow("without Code") << json(noCode) << base;
}

void TestCredentialParser::goodAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QDateTime, expected);
    const CredentialResult r = CredentialParser::parse(body, 200, QStringLiteral("test"), m_clock);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), kId);
    QCOMPARE(r.credential.accessKeySecret(), kSecret);
    QCOMPARE(r.credential.securityToken(), kToken);
    QCOMPARE(r.credential.expiration(), expected);
    QCOMPARE(r.credential.source(), QStringLiteral("test"));
}

void TestCredentialParser::rejectsStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("400") << 400;
    QTest::newRow("403") << 403;
    QTest::newRow("500") << 500;
    QTest::newRow("201") << 201;
}

void TestCredentialParser::rejectsStatus()
{
    QFETCH(int, status);
    // Even a body that carries credentials is refused with a non-200 status, and never echoed.
    const CredentialResult r = CredentialParser::parse(json(goodObject()), status, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, status);
    QCOMPARE(r.error.source, QStringLiteral("src"));
    QVERIFY(r.error.message.contains(QString::number(status)));
    QVERIFY2(findSecret(r.error.toString(), kSecrets).isEmpty(), qPrintable(findSecret(r.error.toString(), kSecrets)));
    QVERIFY(r.error.bodyExcerpt.contains(QStringLiteral("****")));
}

void TestCredentialParser::rejectsCodeNotSuccess()
{
    QJsonObject o = goodObject();
    o.insert(QStringLiteral("Code"), QStringLiteral("Failed"));
    const CredentialResult r = CredentialParser::parse(json(o), 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("\"Failed\"")));
    QCOMPARE(r.error.httpStatus, 200);
    QVERIFY(findSecret(r.error.toString(), kSecrets).isEmpty());
}

void TestCredentialParser::rejectsMissingOrEmptyField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("remove");
    for (const char* f : {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 missing").arg(QLatin1String(f)))) << QString::fromLatin1(f) << true;
        QTest::newRow(qPrintable(QStringLiteral("%1 empty").arg(QLatin1String(f)))) << QString::fromLatin1(f) << false;
    }
}

void TestCredentialParser::rejectsMissingOrEmptyField()
{
    QFETCH(QString, field);
    QFETCH(bool, remove);
    QJsonObject o = goodObject();
    if (remove)
        o.remove(field);
    else
        o.insert(field, QString());
    const CredentialResult r = CredentialParser::parse(json(o), 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY(r.credential.isNull());
    QVERIFY2(r.error.message.contains(field), qPrintable(r.error.message));
    QVERIFY(findSecret(r.error.toString(), kSecrets).isEmpty());
}

void TestCredentialParser::rejectsMalformedJson()
{
    // Cut off in the middle: the secret is in the excerpt's reach but must be hidden.
    QByteArray body = json(goodObject());
    body.chop(10);
    const CredentialResult r = CredentialParser::parse(body, 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("not valid JSON")));
    QVERIFY2(findSecret(r.error.toString(), kSecrets).isEmpty(), qPrintable(r.error.bodyExcerpt));
    // The cut-off token has no closing quote: not even its beginning may show.
    QVERIFY(findSecret(r.error.toString(), {kToken.left(10), kSecret.left(10)}).isEmpty());
    QVERIFY(r.error.bodyExcerpt.contains(QStringLiteral("\"SecurityToken\":\"****")));
}

void TestCredentialParser::rejectsArray()
{
    const QByteArray body = "[" + json(goodObject()) + "]";
    const CredentialResult r = CredentialParser::parse(body, 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("not an object")));
    QVERIFY(findSecret(r.error.toString(), kSecrets).isEmpty());
}

void TestCredentialParser::rejectsBadExpiration_data()
{
    QTest::addColumn<QString>("expiration");
    QTest::newRow("offset") << QStringLiteral("2026-01-01T18:00:00+08:00");
    QTest::newRow("space form") << QStringLiteral("2026-01-01 18:00:00");
    QTest::newRow("microseconds") << QStringLiteral("2026-01-01T18:00:00.123456Z");
    QTest::newRow("no zone") << QStringLiteral("2026-01-01T18:00:00");
    QTest::newRow("lower z") << QStringLiteral("2026-01-01t18:00:00z");
    QTest::newRow("not a date") << QStringLiteral("2026-02-30T18:00:00Z");
    QTest::newRow("epoch") << QStringLiteral("1767290400");
}

void TestCredentialParser::rejectsBadExpiration()
{
    QFETCH(QString, expiration);
    const CredentialResult r =
        CredentialParser::parse(json(goodObject(expiration)), 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QLatin1Char('"') + expiration + QLatin1Char('"')), qPrintable(r.error.message));
    QVERIFY(findSecret(r.error.toString(), kSecrets).isEmpty());
}

void TestCredentialParser::rejectsAlreadyExpired()
{
    const CredentialResult r = CredentialParser::parse(json(goodObject(QStringLiteral("2026-01-01T11:59:59Z"))), 200,
                                                       QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("already expired")));
    // Exactly now counts as expired too.
    QVERIFY(!CredentialParser::parse(json(goodObject(QStringLiteral("2026-01-01T12:00:00Z"))), 200,
                                     QStringLiteral("src"), m_clock)
                 .ok());
    QVERIFY(findSecret(r.error.toString(), kSecrets).isEmpty());
}

void TestCredentialParser::fileBodyHasNoStatus()
{
    QJsonObject o = goodObject();
    o.remove(QStringLiteral("Code"));
    QVERIFY(CredentialParser::parseBody(json(o), QStringLiteral("file"), m_clock).ok());
    const CredentialResult bad = CredentialParser::parseBody("{", QStringLiteral("file"), m_clock);
    QCOMPARE(bad.error.httpStatus, 0);
    QVERIFY(!bad.error.toString().contains(QStringLiteral("HTTP")));
}

void TestCredentialParser::escapedSecretsInARejectedAnswerDoNotShow()
{
    // Issue 14: an expired answer whose secret members are spelled with escapes.
    const QString token = QStringLiteral("CAIS/tok+en/0123456789abcdef==");
    const QByteArray body = R"({"Code":"Success","AccessKeyId":"STS.NUgYrLnoC37mZZCNnAbez7Ab7",)"
                            R"("AccessKey\u0053ecret":"SecretValue-9f8e7d6c5b4\u0061","Security\u0054oken":)"
                            R"("CAIS\/tok+en\/0123456789abcdef==","Expiration":"2026-01-01T11:00:00Z"})";
    const CredentialResult r = CredentialParser::parse(body, 200, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY2(findSecret(r.error.toString(), {kSecret, token}).isEmpty(), qPrintable(r.error.toString()));
    QVERIFY(!r.error.toString().contains(QStringLiteral("0123456789abcdef")));
}

void TestCredentialParser::escapedSecretsInAnAnswerThatIsNotJsonDoNotShow()
{
    const QByteArray body = R"({"AccessKe\ySecret":"abc\u0064efgh12345"})";
    const CredentialResult r = CredentialParser::parse(body, 500, QStringLiteral("src"), m_clock);
    QVERIFY(!r.ok());
    QVERIFY2(findSecret(r.error.toString(), {QStringLiteral("abcdefgh12345")}).isEmpty(),
             qPrintable(r.error.toString()));
    QVERIFY(!r.error.toString().contains(QStringLiteral("efgh12345")));
}

QTEST_GUILESS_MAIN(TestCredentialParser)
#include "test_credentialparser.moc"
