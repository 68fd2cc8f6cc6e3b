#include "ApiTestSupport.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SecretScanner.h"
#include "api/StsClient.h"

#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {
const QString kBaseKeyId = QStringLiteral("STS.BaseKeyId00000001");
const QString kBaseSecret = QStringLiteral("BaseSecret0123456789abc");
const QString kBaseToken = QStringLiteral("CAISbaseTokenForTheCaller_0123456789");
const QString kNewSecret = QStringLiteral("AssumedSecretValue_zyxwvu98765");
const QString kNewToken = QStringLiteral("CAISassumedRoleToken_abcdefghijklmnop0123456789");
const QString kRoleArn = QStringLiteral("acs:ram::1234567890123456:role/devrole");
} // namespace

class TestStsClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    MockClock m_clock;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StsClient> m_sts;

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints;
        endpoints.setServiceOverride(ApiService::Sts, m_server->baseUrl());
        m_api = std::make_unique<ApiClient>(
            endpoints,
            [] {
                return Credential(kBaseKeyId, kBaseSecret, kBaseToken,
                                  QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC), QStringLiteral("test"));
            },
            &m_clock);
        ApiClient::Options options;
        options.backoffBaseMs = 5;
        m_api->setOptions(options);
        m_sts = std::make_unique<StsClient>(m_api.get());
    }
    void cleanup()
    {
        m_sts.reset();
        m_api.reset();
        m_server.reset();
    }

    void getCallerIdentity()
    {
        m_server->setHandler([](const Request&) {
            return ok("{\"RequestId\":\"ID-1\",\"IdentityType\":\"AssumedRoleUser\",\"AccountId\":\"1234567890123456\","
                      "\"Arn\":\"acs:ram::1234567890123456:assumed-role/devrole/s1\",\"PrincipalId\":\"300:s1\","
                      "\"RoleId\":\"300\"}");
        });
        CallerIdentity identity;
        bool done = false;
        m_sts->getCallerIdentity([&](const CallerIdentity& id, const ApiError& e) {
            QVERIFY(!e.isError());
            identity = id;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(identity.identityType, QStringLiteral("AssumedRoleUser"));
        QCOMPARE(identity.accountId, QStringLiteral("1234567890123456"));
        QCOMPARE(identity.arn, QStringLiteral("acs:ram::1234567890123456:assumed-role/devrole/s1"));
        QCOMPARE(identity.principalId, QStringLiteral("300:s1"));
        QCOMPARE(identity.roleId, QStringLiteral("300"));
        QVERIFY(identity.userId.isEmpty());
        QCOMPARE(identity.requestId, QStringLiteral("ID-1"));
        const Request& r = m_server->requests().first();
        QCOMPARE(r.header("x-acs-action"), QByteArray("GetCallerIdentity"));
        QCOMPARE(r.header("x-acs-version"), QByteArray("2015-04-01"));
        QCOMPARE(QString::fromUtf8(r.header("x-acs-security-token")), kBaseToken);
        QString why;
        QVERIFY2(verifyV3(r, kBaseKeyId.toUtf8(), kBaseSecret.toUtf8(), &why), qPrintable(why));
    }

    void getCallerIdentityOverRpcV1()
    {
        m_server->setHandler([](const Request&) {
            return ok("{\"RequestId\":\"ID-2\",\"IdentityType\":\"RAMUser\",\"AccountId\":\"1\",\"UserId\":\"u1\"}");
        });
        m_sts->setSignature(ApiRequest::Signature::RpcV1);
        CallerIdentity identity;
        m_sts->getCallerIdentity([&](const CallerIdentity& id, const ApiError&) { identity = id; });
        QTRY_COMPARE_WITH_TIMEOUT(identity.userId, QStringLiteral("u1"), 10000);
        QString why;
        QVERIFY2(verifyRpcV1(m_server->requests().first(), kBaseSecret.toUtf8(), &why), qPrintable(why));
        QCOMPARE(m_server->requests().first().formValue("Version"), QByteArray("2015-04-01"));
    }

    void assumeRoleAnswersACredential()
    {
        LogCapture capture;
        m_server->setHandler([](const Request&) {
            QJsonObject credentials{{QStringLiteral("AccessKeyId"), QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez1234")},
                                    {QStringLiteral("AccessKeySecret"), kNewSecret},
                                    {QStringLiteral("SecurityToken"), kNewToken},
                                    {QStringLiteral("Expiration"), QStringLiteral("2026-01-01T13:00:00Z")}};
            QJsonObject answer{{QStringLiteral("RequestId"), QStringLiteral("AR-1")},
                               {QStringLiteral("AssumedRoleUser"),
                                QJsonObject{{QStringLiteral("Arn"), QString(kRoleArn + QStringLiteral("/roledesk"))},
                                            {QStringLiteral("AssumedRoleId"), QStringLiteral("300:roledesk")}}},
                               {QStringLiteral("Credentials"), credentials}};
            return ok(QJsonDocument(answer).toJson());
        });
        AssumeRoleRequest request;
        request.roleArn = kRoleArn;
        request.roleSessionName = QStringLiteral("roledesk.user@host_1-2");
        request.durationSeconds = 900;
        request.policy = QStringLiteral("{\"Version\":\"1\"}");
        request.externalId = QStringLiteral("ext-1");
        Credential credential;
        ApiError error;
        bool done = false;
        m_sts->assumeRole(request, [&](const Credential& c, const ApiError& e) {
            credential = c;
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QCOMPARE(credential.accessKeyId(), QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez1234"));
        QCOMPARE(credential.accessKeySecret(), kNewSecret);
        QCOMPARE(credential.securityToken(), kNewToken);
        QCOMPARE(credential.expiration(), QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC));
        QCOMPARE(credential.source(), QStringLiteral("AssumeRole ") + kRoleArn);
        const Request& r = m_server->requests().first();
        QCOMPARE(r.header("x-acs-action"), QByteArray("AssumeRole"));
        QCOMPARE(QString::fromUtf8(r.formValue("RoleArn")), kRoleArn);
        QCOMPARE(r.formValue("RoleSessionName"), QByteArray("roledesk.user@host_1-2"));
        QCOMPARE(r.formValue("DurationSeconds"), QByteArray("900"));
        QCOMPARE(r.formValue("Policy"), QByteArray("{\"Version\":\"1\"}"));
        QCOMPARE(r.formValue("ExternalId"), QByteArray("ext-1"));
        QVERIFY(capture.findAny({kNewSecret, kNewToken, kBaseSecret, kBaseToken}).isEmpty());
    }

    void assumeRoleIsValidatedLocally_data()
    {
        QTest::addColumn<QString>("session");
        QTest::addColumn<int>("duration");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << QStringLiteral("ab") << 3600 << QString() << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << 43200 << QString() << true;
        QTest::newRow("1 char") << QStringLiteral("a") << 3600 << QString() << false;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << 3600 << QString() << false;
        QTest::newRow("space") << QStringLiteral("my session") << 3600 << QString() << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << 3600 << QString() << false;
        QTest::newRow("unicode") << QStringLiteral("sessión") << 3600 << QString() << false;
        QTest::newRow("duration low") << QStringLiteral("ok-name") << 899 << QString() << false;
        QTest::newRow("duration high") << QStringLiteral("ok-name") << 43201 << QString() << false;
        QTest::newRow("policy long") << QStringLiteral("ok-name") << 3600 << QString(2049, QLatin1Char('x')) << false;
    }

    void assumeRoleIsValidatedLocally()
    {
        QFETCH(QString, session);
        QFETCH(int, duration);
        QFETCH(QString, policy);
        QFETCH(bool, valid);
        AssumeRoleRequest request;
        request.roleArn = kRoleArn;
        request.roleSessionName = session;
        request.durationSeconds = duration;
        request.policy = policy;
        QCOMPARE(StsClient::validateAssumeRole(request).isEmpty(), valid);
        if (valid)
            return;
        ApiError error;
        bool done = false;
        m_sts->assumeRole(request, [&](const Credential& c, const ApiError& e) {
            QVERIFY(c.isNull());
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(error.kind, ApiError::Kind::InvalidArgument);
        QVERIFY(!error.explanation.isEmpty());
        QCOMPARE(m_server->requestCount(), 0);
    }

    void assumeRoleErrorsAreMapped()
    {
        m_server->setHandler([](const Request&) {
            return error(404, QStringLiteral("EntityNotExist.Role"), QStringLiteral("The role not exists"),
                         QStringLiteral("AR-ERR"));
        });
        AssumeRoleRequest request;
        request.roleArn = kRoleArn;
        request.roleSessionName = QStringLiteral("roledesk");
        ApiError error;
        bool done = false;
        m_sts->assumeRole(request, [&](const Credential&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(error.code, QStringLiteral("EntityNotExist.Role"));
        QCOMPARE(error.service, QStringLiteral("sts"));
        QCOMPARE(error.action, QStringLiteral("AssumeRole"));
        QCOMPARE(error.requestId, QStringLiteral("AR-ERR"));
        QVERIFY(error.explanation.contains(QStringLiteral("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestStsClient)
#include "test_stsclient.moc"
