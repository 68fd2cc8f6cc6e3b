#include "ApiTestSupport.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SecretScanner.h"
#include "api/RamRoleArnProvider.h"
#include "credentials/ProfileCredentialProvider.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Request = ScriptedHttpServer::Request;

namespace {
const QString kSourceKeyId = QStringLiteral("LTAI5tProfileKey0001");
const QString kSourceSecret = QStringLiteral("ProfileSecret0123456789abcd");
const QString kRoleArn = QStringLiteral("acs:ram::1234567890123456:role/devrole");
const QString kAssumedSecret = QStringLiteral("AssumedSecret_0123456789xyz");
const QString kAssumedToken = QStringLiteral("CAISassumedToken_for_profile_0123456789abcdef");
} // namespace

class TestRamRoleArnProvider : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    MockClock m_clock;
    int m_lifetime = 3600;

    CredentialContext context()
    {
        CredentialContext c;
        c.homePath = m_home->path();
        c.clock = &m_clock;
        Endpoints endpoints;
        endpoints.setEndpointOverride(m_server->baseUrl());
        c.roleArnProviderFactory = RamRoleArnProvider::factory(endpoints, &m_clock);
        return c;
    }

    void write(const QString& relative, const QByteArray& content)
    {
        const QString path = m_home->filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    CredentialResult fetch(CredentialProvider* provider)
    {
        CredentialResult result;
        bool done = false;
        provider->fetch([&](const CredentialResult& r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            qWarning("fetch did not finish");
        return result;
    }

    void serveAssumeRole()
    {
        m_server->setHandler([this](const Request& r) {
            if (r.header("x-acs-action") != "AssumeRole")
                return error(400, QStringLiteral("UnexpectedAction"));
            if (r.formValue("RoleArn") == "acs:ram::1234567890123456:role/missing")
                return error(404, QStringLiteral("EntityNotExist.Role"), QStringLiteral("no role"),
                             QStringLiteral("E1"));
            const QString expiration =
                m_clock.nowUtc().addSecs(r.formValue("DurationSeconds").toInt()).toString(Qt::ISODate);
            QJsonObject credentials{
                {QStringLiteral("AccessKeyId"), QStringLiteral("STS.Assumed%1").arg(m_server->requestCount())},
                {QStringLiteral("AccessKeySecret"), kAssumedSecret},
                {QStringLiteral("SecurityToken"), kAssumedToken},
                {QStringLiteral("Expiration"), expiration}};
            return ok(QJsonDocument(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("AR")},
                                                {QStringLiteral("Credentials"), credentials}})
                          .toJson());
        });
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        m_home = std::make_unique<QTemporaryDir>();
        m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
        serveAssumeRole();
    }
    void cleanup()
    {
        m_server.reset();
        m_home.reset();
    }

    void cliRamRoleArnProfileAssumesTheRole()
    {
        LogCapture capture;
        QJsonObject profile{{QStringLiteral("name"), QStringLiteral("role")},
                            {QStringLiteral("mode"), QStringLiteral("RamRoleArn")},
                            {QStringLiteral("access_key_id"), kSourceKeyId},
                            {QStringLiteral("access_key_secret"), kSourceSecret},
                            {QStringLiteral("ram_role_arn"), kRoleArn},
                            {QStringLiteral("ram_session_name"), QStringLiteral("admin-session")},
                            {QStringLiteral("expired_seconds"), 1800},
                            {QStringLiteral("region_id"), QStringLiteral("cn-shanghai")}};
        write(QStringLiteral(".aliyun/config.json"),
              QJsonDocument(QJsonObject{{QStringLiteral("current"), QStringLiteral("role")},
                                        {QStringLiteral("profiles"), QJsonArray{profile}}})
                  .toJson());
        CliProfileProvider provider(context());
        const CredentialResult r = fetch(&provider);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.credential.accessKeySecret(), kAssumedSecret);
        QCOMPARE(r.credential.securityToken(), kAssumedToken);
        QCOMPARE(r.credential.expiration(), m_clock.nowUtc().addSecs(1800));
        QVERIFY(r.credential.source().contains(kRoleArn));
        QCOMPARE(m_server->requestCount(), 1);
        const Request& request = m_server->requests().first();
        QCOMPARE(QString::fromUtf8(request.formValue("RoleArn")), kRoleArn);
        QCOMPARE(request.formValue("RoleSessionName"), QByteArray("admin-session"));
        QCOMPARE(request.formValue("DurationSeconds"), QByteArray("1800"));
        QString why;
        QVERIFY2(verifyV3(request, kSourceKeyId.toUtf8(), kSourceSecret.toUtf8(), &why), qPrintable(why));
        QVERIFY(capture.findAny({kSourceSecret, kAssumedSecret, kAssumedToken}).isEmpty());

        // The session is reused while more than half of it is left, then assumed again.
        QCOMPARE(fetch(&provider).credential, r.credential);
        QCOMPARE(m_server->requestCount(), 1);
        m_clock.advanceSecond(901);
        const CredentialResult again = fetch(&provider);
        QVERIFY(again.ok());
        QCOMPARE(m_server->requestCount(), 2);
        QVERIFY(again.credential.accessKeyId() != r.credential.accessKeyId());
    }

    void iniRamRoleArnSectionAssumesTheRole()
    {
        write(QStringLiteral(".alibabacloud/credentials"),
              "[default]\ntype = ram_role_arn\naccess_key_id = " + kSourceKeyId.toUtf8() + "\naccess_key_secret = " +
                  kSourceSecret.toUtf8() + "\nrole_arn = " + kRoleArn.toUtf8() + "\nrole_session_name = ini-session\n");
        IniProfileProvider provider(context());
        const CredentialResult r = fetch(&provider);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.credential.securityToken(), kAssumedToken);
        QCOMPARE(m_server->requests().first().formValue("RoleSessionName"), QByteArray("ini-session"));
        QCOMPARE(m_server->requests().first().formValue("DurationSeconds"), QByteArray("3600"));
    }

    void concurrentFetchesShareOneAssumeRole()
    {
        RoleArnSpec spec;
        spec.roleArn = kRoleArn;
        spec.sourceProvider =
            new StaticCredentialProvider(Credential(kSourceKeyId, kSourceSecret, {}, {}, {}), QStringLiteral("static"));
        Endpoints endpoints;
        endpoints.setEndpointOverride(m_server->baseUrl());
        RamRoleArnProvider provider(spec, endpoints, &m_clock);
        int delivered = 0;
        for (int i = 0; i < 3; ++i)
            provider.fetch([&delivered](const CredentialResult& r) { delivered += r.ok(); });
        QTRY_COMPARE_WITH_TIMEOUT(delivered, 3, 15000);
        QCOMPARE(m_server->requestCount(), 1);
        // No session name configured: a generated, valid one.
        QVERIFY(m_server->requests().first().formValue("RoleSessionName").startsWith("roledesk-"));
    }

    void stsErrorsBecomeCredentialErrors()
    {
        LogCapture capture;
        RoleArnSpec spec;
        spec.roleArn = QStringLiteral("acs:ram::1234567890123456:role/missing");
        spec.sessionName = QStringLiteral("s1");
        spec.description = QStringLiteral("aliyun CLI profile x (RamRoleArn)");
        spec.sourceProvider =
            new StaticCredentialProvider(Credential(kSourceKeyId, kSourceSecret, {}, {}, {}), QStringLiteral("static"));
        Endpoints endpoints;
        endpoints.setEndpointOverride(m_server->baseUrl());
        RamRoleArnProvider provider(spec, endpoints, &m_clock);
        const CredentialResult r = fetch(&provider);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(QStringLiteral("EntityNotExist.Role")), qPrintable(r.error.message));
        QCOMPARE(r.error.httpStatus, 404);
        QVERIFY(r.error.source.contains(QStringLiteral("aliyun CLI profile x")));
        QVERIFY(findSecret(r.error.message, {kSourceSecret}).isEmpty());
        QVERIFY(capture.findAny({kSourceSecret}).isEmpty());

        // Invalid session names are refused before anything is sent.
        RoleArnSpec bad = spec;
        bad.roleArn = kRoleArn;
        bad.sessionName = QStringLiteral("has space");
        bad.sourceProvider =
            new StaticCredentialProvider(Credential(kSourceKeyId, kSourceSecret, {}, {}, {}), QStringLiteral("static"));
        RamRoleArnProvider badProvider(bad, endpoints, &m_clock);
        const int before = m_server->requestCount();
        const CredentialResult refused = fetch(&badProvider);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error.message.contains(QStringLiteral("2 to 64")));
        QCOMPARE(m_server->requestCount(), before);
    }

    void systemContextSupportsRamRoleArn() { QVERIFY(bool(CredentialContext::system().roleArnProviderFactory)); }
};

QTEST_GUILESS_MAIN(TestRamRoleArnProvider)
#include "test_ramrolearnprovider.moc"
