#include "ApiTestSupport.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SecretScanner.h"
#include "api/ApiClient.h"
#include "signing/Signing.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {
const QString kKeyId = QStringLiteral("LTAI5tTestKeyId0001");
const QString kSecret = QStringLiteral("TestSecretValue0123456789abcdef");
const QString kStsKeyId = QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez1234");
const QString kStsSecret = QStringLiteral("StsSecretValue9876543210zyxwvu");
const QString kStsToken = QStringLiteral("CAISsecretTokenValue_abcdefghijklmnopqrstuvwxyz0123456789");

Credential staticKey()
{
    return Credential(kKeyId, kSecret, {}, {}, QStringLiteral("test"));
}
Credential stsKey()
{
    return Credential(kStsKeyId, kStsSecret, kStsToken, QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC),
                      QStringLiteral("test sts"));
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<ApiClient> m_client;
    Credential m_credential;

    ApiClient* makeClient(int maxAttempts = 3, int timeoutMs = 5000)
    {
        Endpoints endpoints(QStringLiteral("cn-shanghai"));
        endpoints.setEndpointOverride(m_server->baseUrl());
        m_client = std::make_unique<ApiClient>(
            endpoints, [this] { return m_credential; }, m_clock.get());
        ApiClient::Options options;
        options.maxAttempts = maxAttempts;
        options.timeoutMs = timeoutMs;
        options.backoffBaseMs = 5;
        options.backoffMaxMs = 40;
        m_client->setOptions(options);
        return m_client.get();
    }

    ApiReply* sendAndWait(const ApiRequest& request)
    {
        ApiReply* reply = m_client->send(request);
        QSignalSpy spy(reply, &ApiReply::finished);
        if (!spy.wait(20000))
            qWarning("reply did not finish");
        return reply;
    }

    static ApiRequest read(const QString& action = QStringLiteral("ListServerIdeInstances"))
    {
        return ApiRequest::pop(ApiService::DataWorks, action, QStringLiteral("2024-05-18"),
                               {{QStringLiteral("PageNumber"), QStringLiteral("1")}}, true);
    }
    static ApiRequest write(const QString& action = QStringLiteral("UpdateServerIdeInstance"))
    {
        return ApiRequest::pop(ApiService::DataWorks, action, QStringLiteral("2024-05-18"),
                               {{QStringLiteral("InstanceId"), QStringLiteral("699573")}}, false);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        m_clock = std::make_unique<MockClock>();
        m_credential = staticKey();
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void v3RequestIsSignedAsTheSdkDoes()
    {
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"R-1\",\"Ok\":true}"); });
        makeClient();
        ApiRequest request = ApiRequest::pop(
            ApiService::DataWorks, QStringLiteral("UpdateServerIdeInstance"), QStringLiteral("2024-05-18"),
            {{QStringLiteral("InstanceId"), QStringLiteral("699573")},
             {QStringLiteral("CredentialConfig"), QStringLiteral("{\"Enable\":false,\"Configs\":[]}")},
             {QStringLiteral("InstanceName"), QStringLiteral("dev box ü+*/~")}},
            false);
        ApiReply* reply = sendAndWait(request);
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->requestId(), QStringLiteral("R-1"));
        QCOMPARE(m_server->requestCount(), 1);
        const Request& r = m_server->requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/"));
        QVERIFY(r.query.isEmpty());
        QCOMPARE(r.header("host"), QByteArray("127.0.0.1:") + QByteArray::number(m_server->port()));
        QCOMPARE(r.header("x-acs-action"), QByteArray("UpdateServerIdeInstance"));
        QCOMPARE(r.header("x-acs-version"), QByteArray("2024-05-18"));
        QCOMPARE(r.header("x-acs-date"), QByteArray("2026-01-01T12:00:00Z"));
        QVERIFY(!QUuid::fromString(QString::fromLatin1(r.header("x-acs-signature-nonce"))).isNull());
        QCOMPARE(r.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(r.header("x-acs-content-sha256"), Signing::hexSha256(r.body));
        QVERIFY(r.header("x-acs-security-token").isEmpty());
        QVERIFY(r.header("User-Agent").startsWith("RoleDesk/" ROLEDESK_VERSION));
        QVERIFY(r.header("User-Agent").contains("Qt/"));
        QCOMPARE(r.formValue("CredentialConfig"), QByteArray("{\"Enable\":false,\"Configs\":[]}"));
        QCOMPARE(QString::fromUtf8(r.formValue("InstanceName")), QStringLiteral("dev box ü+*/~"));
        QString why;
        QVERIFY2(verifyV3(r, kKeyId.toUtf8(), kSecret.toUtf8(), &why), qPrintable(why));
        const auto auth = Signing::parseV3Authorization(r.header("Authorization"));
        QVERIFY(auth.signedHeaders.contains("x-acs-signature-nonce"));
        QVERIFY(auth.signedHeaders.contains("content-type"));
        QVERIFY(!verifyV3(r, kKeyId.toUtf8(), "another secret", &why));
    }

    void stsTokenIsSentAndSigned()
    {
        m_credential = stsKey();
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"R\"}"); });
        makeClient();
        ApiReply* reply = sendAndWait(read());
        QVERIFY(reply->isSuccess());
        const Request& r = m_server->requests().first();
        QCOMPARE(QString::fromUtf8(r.header("x-acs-security-token")), kStsToken);
        QVERIFY(
            Signing::parseV3Authorization(r.header("Authorization")).signedHeaders.contains("x-acs-security-token"));
        QString why;
        QVERIFY2(verifyV3(r, kStsKeyId.toUtf8(), kStsSecret.toUtf8(), &why), qPrintable(why));
    }

    void noncesAreUniqueAndCredentialIsTakenAtSendTime()
    {
        int calls = 0;
        m_server->setHandler([&calls](const Request&) {
            return ++calls == 1 ? error(503, QStringLiteral("ServiceUnavailable")) : ok("{}");
        });
        makeClient(3);
        int provided = 0;
        m_client->setCredentialProvider([&provided] {
            ++provided;
            return provided == 1 ? staticKey() : stsKey();
        });
        ApiReply* reply = sendAndWait(read());
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->attempts(), 2);
        QCOMPARE(provided, 2);
        const auto& requests = m_server->requests();
        QVERIFY(requests.at(0).header("x-acs-signature-nonce") != requests.at(1).header("x-acs-signature-nonce"));
        QString why;
        QVERIFY2(verifyV3(requests.at(0), kKeyId.toUtf8(), kSecret.toUtf8(), &why), qPrintable(why));
        QVERIFY2(verifyV3(requests.at(1), kStsKeyId.toUtf8(), kStsSecret.toUtf8(), &why), qPrintable(why));
    }

    void rpcV1PathIsSignedAndVerifiable()
    {
        m_credential = stsKey();
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"R\",\"AccountId\":\"1\"}"); });
        makeClient();
        ApiRequest request = ApiRequest::pop(ApiService::Sts, QStringLiteral("GetCallerIdentity"),
                                             QStringLiteral("2015-04-01"), {}, true);
        request.signature = ApiRequest::Signature::RpcV1;
        ApiReply* reply = sendAndWait(request);
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        const Request& r = m_server->requests().first();
        QVERIFY(r.query.isEmpty()); // token and signature in the body, not the URL
        QCOMPARE(r.formValue("Action"), QByteArray("GetCallerIdentity"));
        QCOMPARE(r.formValue("SignatureMethod"), QByteArray("HMAC-SHA1"));
        QCOMPARE(r.formValue("Format"), QByteArray("JSON"));
        QCOMPARE(QString::fromUtf8(r.formValue("SecurityToken")), kStsToken);
        QCOMPARE(r.formValue("Timestamp"), QByteArray("2026-01-01T12:00:00Z"));
        QString why;
        QVERIFY2(verifyRpcV1(r, kStsSecret.toUtf8(), &why), qPrintable(why));
    }

    void errorsAreMapped_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("signature") << 400 << QStringLiteral("SignatureDoesNotMatch") << QStringLiteral("secret");
        QTest::newRow("key id") << 404 << QStringLiteral("InvalidAccessKeyId.NotFound")
                                << QStringLiteral("AccessKey ID");
        QTest::newRow("token expired") << 400 << QStringLiteral("InvalidSecurityToken.Expired")
                                       << QStringLiteral("expired");
        QTest::newRow("token malformed") << 400 << QStringLiteral("InvalidSecurityToken.Malformed")
                                         << QStringLiteral("truncated");
        QTest::newRow("no permission") << 403 << QStringLiteral("NoPermission") << QStringLiteral("permission");
        QTest::newRow("forbidden") << 403 << QStringLiteral("Forbidden.RAM") << QStringLiteral("permission");
        QTest::newRow("access denied") << 403 << QStringLiteral("AccessDenied") << QStringLiteral("permission");
        QTest::newRow("throttling") << 400 << QStringLiteral("Throttling.User") << QStringLiteral("throttling");
        QTest::newRow("no role") << 404 << QStringLiteral("EntityNotExist.Role")
                                 << QStringLiteral("role does not exist");
        QTest::newRow("session name") << 400 << QStringLiteral("InvalidParameter.RoleSessionName")
                                      << QStringLiteral("2 to 64");
    }

    void errorsAreMapped()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, mustMention);
        m_server->setHandler([&](const Request&) {
            return error(status, code, QStringLiteral("Server message for ") + code, QStringLiteral("REQ-ERR-7"));
        });
        makeClient();
        ApiReply* reply = sendAndWait(write());
        const ApiError& e = reply->error();
        QCOMPARE(e.kind, ApiError::Kind::Service);
        QCOMPARE(e.code, code);
        QCOMPARE(e.message, QStringLiteral("Server message for ") + code);
        QCOMPARE(e.requestId, QStringLiteral("REQ-ERR-7"));
        QCOMPARE(e.hostId, QStringLiteral("api.example"));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.service, QStringLiteral("dataworks"));
        QCOMPARE(e.action, QStringLiteral("UpdateServerIdeInstance"));
        QCOMPARE(e.host, QStringLiteral("127.0.0.1:") + QString::number(m_server->port()));
        QVERIFY2(e.explanation.contains(mustMention, Qt::CaseInsensitive), qPrintable(e.explanation));
        // A write is not retried once it reached the server, unless the server throttled it (it did not run).
        QCOMPARE(e.attempts, e.isThrottling() ? 3 : 1);
        QVERIFY(e.toString().contains(QStringLiteral("REQ-ERR-7")));
        QVERIFY(e.toString().contains(code));
        QCOMPARE(e.isThrottling(), code.startsWith(QLatin1String("Throttling")));
    }

    void readsAreRetriedOnThrottlingUntilSuccess()
    {
        int calls = 0;
        m_server->setHandler([&calls](const Request&) {
            ++calls;
            if (calls == 1)
                return error(429, QStringLiteral("Throttling"));
            if (calls == 2)
                return error(400, QStringLiteral("Throttling.Api"));
            return ok("{\"RequestId\":\"R-OK\"}");
        });
        makeClient(4);
        ApiReply* reply = m_client->send(read());
        QSignalSpy retries(reply, &ApiReply::retrying);
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(retries.count(), 2);
    }

    void retriesAreBounded_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("503") << 503 << QStringLiteral("ServiceUnavailable");
        QTest::newRow("500") << 500 << QStringLiteral("InternalError");
        QTest::newRow("429") << 429 << QStringLiteral("Throttling.User");
    }

    void retriesAreBounded()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        m_server->setHandler([&](const Request&) { return error(status, code); });
        makeClient(3);
        ApiReply* reply = sendAndWait(read());
        QCOMPARE(reply->error().kind, ApiError::Kind::Service);
        QCOMPARE(reply->error().code, code);
        QCOMPARE(reply->error().attempts, 3);
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(!reply->error().explanation.isEmpty());
    }

    void clientErrorsAreNotRetried()
    {
        m_server->setHandler([](const Request&) { return error(403, QStringLiteral("NoPermission")); });
        makeClient(4);
        ApiReply* reply = sendAndWait(read());
        QCOMPARE(reply->error().code, QStringLiteral("NoPermission"));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void writesAreNotRetriedOnceTheyReachedTheServer()
    {
        m_server->setHandler([](const Request&) { return error(503, QStringLiteral("ServiceUnavailable")); });
        makeClient(4);
        ApiReply* reply = sendAndWait(write());
        QCOMPARE(reply->error().httpStatus, 503);
        QCOMPARE(m_server->requestCount(), 1);

        m_server->setHandler([](const Request&) {
            Response r;
            r.closeWithoutAnswer = true;
            return r;
        });
        ApiReply* dropped = sendAndWait(write());
        QCOMPARE(dropped->error().kind, ApiError::Kind::Network);
        QCOMPARE(dropped->error().attempts, 1);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void throttledWritesAreRetried()
    {
        // A throttled write was turned away before it ran: it is sent again, and applied exactly once.
        int calls = 0;
        m_server->setHandler([&](const Request&) {
            ++calls;
            return calls == 1 ? error(400, QStringLiteral("Throttling.User")) : ok("{\"RequestId\":\"R-2\"}");
        });
        makeClient(4);
        ApiReply* reply = sendAndWait(write());
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->attempts(), 2);
        QCOMPARE(m_server->requestCount(), 2);

        // ... within the same bound as reads.
        m_server->setHandler([](const Request&) { return error(429, QStringLiteral("Throttling")); });
        ApiReply* bounded = sendAndWait(write());
        QCOMPARE(bounded->error().code, QStringLiteral("Throttling"));
        QCOMPARE(bounded->error().attempts, 4);
    }

    void writesAreRetriedWhenTheConnectionIsRefused()
    {
        const QUrl base = m_server->baseUrl();
        m_server.reset(); // nobody listens on that port any more
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints;
        endpoints.setEndpointOverride(base);
        m_client = std::make_unique<ApiClient>(
            endpoints, [] { return staticKey(); }, m_clock.get());
        ApiClient::Options options;
        options.maxAttempts = 3;
        options.backoffBaseMs = 5;
        m_client->setOptions(options);
        ApiReply* reply = sendAndWait(write());
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QCOMPARE(reply->error().code, QStringLiteral("Network.ConnectionRefused"));
        QCOMPARE(reply->error().attempts, 3);
        QVERIFY(reply->error().explanation.contains(QStringLiteral("endpoint")));
    }

    void slowServerTimesOut()
    {
        m_server->setHandler([](const Request&) {
            Response r = ok("{}");
            r.delayMs = 3000;
            return r;
        });
        makeClient(2, 150);
        ApiReply* reply = sendAndWait(read());
        QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
        QCOMPARE(reply->error().code, QStringLiteral("Timeout"));
        QCOMPARE(reply->error().attempts, 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 5000);
    }

    void serverClosingTheConnectionIsRetriedForReads()
    {
        int calls = 0;
        m_server->setHandler([&calls](const Request&) {
            Response r;
            r.closeWithoutAnswer = true;
            ++calls;
            return r;
        });
        makeClient(3);
        ApiReply* reply = sendAndWait(read());
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QCOMPARE(reply->error().code, QStringLiteral("Network.RemoteHostClosed"));
        QCOMPARE(reply->error().attempts, 3);
        // Qt may transparently re-send a read once when the connection drops before any answer byte
        // (QHttpNetworkConnectionChannel); our own attempts stay bounded at 3.
        QVERIFY2(calls >= 3 && calls <= 6, qPrintable(QString::number(calls)));
    }

    void clockSkewIsDetectedAndReported()
    {
        const QDateTime serverNow = m_clock->nowUtc().addSecs(-10 * 60);
        m_server->setHandler([serverNow](const Request&) {
            Response r = error(400, QStringLiteral("SignatureDoesNotMatch"));
            r.headers.append({"Date", Signing::httpDate(serverNow)});
            return r;
        });
        makeClient();
        QSignalSpy skewChanged(m_client.get(), &ApiClient::clockSkewChanged);
        ApiReply* reply = sendAndWait(write());
        const ApiError& e = reply->error();
        QVERIFY(e.clockSkewDetected);
        QCOMPARE(e.clockSkewSeconds, qint64(-600));
        QVERIFY2(e.explanation.contains(QStringLiteral("10 minutes ahead")), qPrintable(e.explanation));
        QVERIFY(m_client->clockSkewDetected());
        QCOMPARE(m_client->property("clockSkewSeconds").toLongLong(), qint64(-600));
        QCOMPARE(skewChanged.count(), 1);

        // Within the threshold: nothing reported, and the property clears.
        m_server->setHandler([this](const Request&) {
            Response r = ok("{}");
            r.headers.append({"Date", Signing::httpDate(m_clock->nowUtc().addSecs(20))});
            return r;
        });
        ApiReply* fine = sendAndWait(read());
        QVERIFY(fine->isSuccess());
        QVERIFY(!m_client->clockSkewDetected());
        QCOMPARE(m_client->clockSkewSeconds(), qint64(0));
    }

    void httpDatesParse()
    {
        QCOMPARE(ApiClient::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"),
                 QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
        QCOMPARE(ApiClient::parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"),
                 QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
        QCOMPARE(ApiClient::parseHttpDate("Sun Nov  6 08:49:37 1994"),
                 QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
        QVERIFY(!ApiClient::parseHttpDate("yesterday").isValid());
    }

    void noSecretInLogsOrErrors()
    {
        m_credential = stsKey();
        const QStringList secrets = {kStsSecret, kStsToken};
        LogCapture capture;
        // A server that echoes the token in its message must not get it into logs or error texts.
        m_server->setHandler([](const Request& r) {
            return error(400, QStringLiteral("InvalidSecurityToken.Malformed"),
                         QStringLiteral("bad token ") + QString::fromUtf8(r.header("x-acs-security-token")));
        });
        makeClient();
        ApiReply* reply = sendAndWait(write());
        QVERIFY(reply->error().isError());
        QVERIFY2(findSecret(reply->error().toString(), secrets).isEmpty(), "secret in ApiError::toString()");
        QVERIFY2(findSecret(reply->error().message, secrets).isEmpty(), "secret in ApiError::message");
        QString debugText;
        QDebug(&debugText) << reply->error();
        QVERIFY(findSecret(debugText, secrets).isEmpty());
        QVERIFY2(capture.findAny(secrets).isEmpty(), qPrintable(capture.findAny(secrets)));
        QVERIFY(!capture.findAny({kStsKeyId}).size()); // key ids are masked too
        const QString joined = capture.lines().join(QLatin1Char('\n'));
        QVERIFY2(joined.contains(QStringLiteral("UpdateServerIdeInstance")), qPrintable(joined));
        QVERIFY(joined.contains(QStringLiteral("STS.****234")));
    }

    void errorBodyWithoutCodeEchoingAnEscapedTokenIsRedacted()
    {
        // Issue 14: STS tokens are base64 with '/', which common encoders write as "\/".
        const QString token = QStringLiteral("CAIS/tok+en/0123456789abcdefghijklmnop==");
        m_credential = Credential(kStsKeyId, kStsSecret, token, QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC),
                                  QStringLiteral("test sts"));
        m_server->setHandler([](const Request& r) {
            QByteArray escaped = r.header("x-acs-security-token");
            escaped.replace("/", "\\/");
            Response response;
            response.status = 400;
            response.body = "{\"Echo\":\"" + escaped + "\",\"Detail\":\"rejected\"}";
            response.headers = {{"Content-Type", "application/json"}};
            return response;
        });
        makeClient();
        ApiReply* reply = sendAndWait(write());
        QVERIFY(reply->error().isError());
        QVERIFY2(findSecret(reply->error().toString(), {token, kStsSecret}).isEmpty(),
                 qPrintable(reply->error().toString()));
        QVERIFY2(!reply->error().message.contains(QStringLiteral("0123456789abcdef")),
                 qPrintable(reply->error().message));
        QVERIFY2(reply->error().message.contains(QStringLiteral("rejected")), qPrintable(reply->error().message));
    }

    void plainHttpToARemoteHostIsRefused()
    {
        Endpoints endpoints;
        endpoints.setEndpointOverride(QUrl(QStringLiteral("http://gateway.example.com:8080")));
        m_client = std::make_unique<ApiClient>(
            endpoints, [] { return staticKey(); }, m_clock.get());
        ApiReply* reply = sendAndWait(read());
        QCOMPARE(reply->error().kind, ApiError::Kind::InvalidEndpoint);
        QVERIFY(reply->error().explanation.contains(QStringLiteral("allow-insecure-http")));
        QCOMPARE(reply->attempts(), 1);
    }

    // ApiRequest::parseJson: the caller may read a 2xx JSON body itself; whatever it declines gets ApiClient's own
    // parse, with the same values and errors as without it. Error answers never reach it.
    void callerCanParseTheJsonBody()
    {
        makeClient(1);
        int calls = 0;
        const auto withParser = [&calls] {
            ApiRequest request = read();
            request.parseJson = [&calls](const QByteArray& body, QJsonObject* json) {
                ++calls;
                if (!body.contains("fast"))
                    return false;
                *json = QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("R-fast")},
                                    {QStringLiteral("Taken"), true}};
                return true;
            };
            return request;
        };

        m_server->setHandler([](const Request&) { return ok(R"({"RequestId":"R-1","fast":1})"); });
        ApiReply* taken = sendAndWait(withParser());
        QVERIFY(taken->isSuccess());
        QCOMPARE(calls, 1);
        QCOMPARE(taken->json().value(QStringLiteral("Taken")), QJsonValue(true));
        QCOMPARE(taken->requestId(), QStringLiteral("R-fast")); // RequestId read from what the caller returned
        QCOMPARE(taken->body(), QByteArray(R"({"RequestId":"R-1","fast":1})"));

        m_server->setHandler([](const Request&) { return ok(R"({"RequestId":"R-2","Value":3})"); });
        ApiReply* declined = sendAndWait(withParser());
        QVERIFY(declined->isSuccess());
        QCOMPARE(calls, 2);
        QCOMPARE(declined->json().value(QStringLiteral("Value")), QJsonValue(3));
        QCOMPARE(declined->requestId(), QStringLiteral("R-2"));

        m_server->setHandler([](const Request&) { return ok("<html>not json</html>"); });
        ApiReply* plain = sendAndWait(read());
        ApiReply* bad = sendAndWait(withParser());
        QCOMPARE(calls, 3);
        QCOMPARE(bad->error().kind, ApiError::Kind::Parse);
        QCOMPARE(bad->error().code, plain->error().code);
        QCOMPARE(bad->error().explanation, plain->error().explanation);

        m_server->setHandler([](const Request&) { return error(400, QStringLiteral("InvalidParameter")); });
        ApiReply* failed = sendAndWait(withParser());
        QCOMPARE(calls, 3);
        QCOMPARE(failed->error().kind, ApiError::Kind::Service);
        QCOMPARE(failed->error().code, QStringLiteral("InvalidParameter"));
    }

    void missingCredentialAndBadAnswersAndAbort()
    {
        m_server->setHandler([](const Request&) { return ok("<html>not json</html>"); });
        makeClient();
        m_credential = Credential();
        ApiReply* none = sendAndWait(read());
        QCOMPARE(none->error().kind, ApiError::Kind::NoCredential);
        QCOMPARE(m_server->requestCount(), 0);

        m_credential = staticKey();
        ApiReply* bad = sendAndWait(read());
        QCOMPARE(bad->error().kind, ApiError::Kind::Parse);

        m_server->setHandler([](const Request&) {
            Response r = ok("{}");
            r.delayMs = 2000;
            return r;
        });
        ApiReply* slow = m_client->send(read());
        QSignalSpy finished(slow, &ApiReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 5000);
        slow->abort();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(slow->error().kind, ApiError::Kind::Canceled);
    }

    void callbackFormDeletesTheReply()
    {
        m_server->setHandler([](const Request&) { return ok("{\"RequestId\":\"CB\"}"); });
        makeClient();
        QString requestId;
        QPointer<ApiReply> seen;
        m_client->call(read(), this, [&](ApiReply* reply) {
            requestId = reply->requestId();
            seen = reply;
        });
        QTRY_COMPARE_WITH_TIMEOUT(requestId, QStringLiteral("CB"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.isNull(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "test_apiclient.moc"
