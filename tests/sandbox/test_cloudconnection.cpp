// CloudConnection (core/api) and SandboxConnection (sandbox/): one connection built from one description of a
// profile. Against the sandbox on loopback (which verifies every signature with the key it knows) and a scripted
// loopback STS: the connection signs with the credential the profile names, sends each service where the profile's
// endpoints say (a per-service override winning over the one override URL), learns the caller from STS
// GetCallerIdentity, and reports why when it cannot. Profile ids are CredentialProviderFactory's, earlier spellings
// read too.
#include "ApiTestSupport.h"
#include "MockClock.h"
#include "Sandbox.h"
#include "SandboxConnection.h"
#include "ScriptedHttpServer.h"

#include "api/CloudConnection.h"
#include "api/DataWorksClient.h"
#include "credentials/CredentialProvider.h"
#include "credentials/CredentialProviderFactory.h"
#include "model/VisibilityStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kLoopbackKeyId = QStringLiteral("LTAI5tLoopbackKeyId001");
const QString kLoopbackSecret = QStringLiteral("LoopbackSecretValue0123456789");
} // namespace

class TestCloudConnection : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock{QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC)};
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;

    // The machine the "env" source reads: only the given key pair in the environment, a home of its own.
    CredentialContext context(const QString& keyId, const QString& secret) const
    {
        CredentialContext c;
        c.environment = QProcessEnvironment();
        c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), keyId);
        c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret);
        c.homePath = m_dir->path();
        c.clock = &m_clock;
        return c;
    }

    CloudProfile envProfile() const
    {
        CloudProfile profile;
        profile.kind = QStringLiteral("env");
        profile.endpoints = Endpoints(m_sandbox->region());
        profile.endpoints.setEndpointOverride(m_sandbox->endpoint());
        profile.label = QStringLiteral("test");
        return profile;
    }

    static bool waitForIdentity(CloudConnection* connection)
    {
        return QTest::qWaitFor(
            [connection] { return !connection->identity().arn.isEmpty() || !connection->identityError().isEmpty(); },
            20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sandbox = std::make_unique<Sandbox>(&m_clock);
        QString error;
        QVERIFY2(m_sandbox->load(Sandbox::Options(), &error), qPrintable(error));
        QVERIFY(!m_sandbox->start().isEmpty());
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanupTestCase()
    {
        if (m_sandbox)
            m_sandbox->stop();
    }

    // Built from a profile description: the source the factory names, the endpoints the profile gives; every request
    // signed with that source's credential (the sandbox accepts only its own key), the caller learnt from STS.
    void openedFromAProfileSignsWithItsCredentialAndLearnsTheCaller()
    {
        const auto opened = CloudConnection::open(
            envProfile(), context(m_sandbox->accessKeyId(), m_sandbox->accessKeySecret()), &m_clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
        std::unique_ptr<CloudConnection> connection(opened.value());
        QCOMPARE(connection->profile().kind, QStringLiteral("env"));
        QCOMPARE(connection->endpoints().endpointOverride(), m_sandbox->endpoint());
        QVERIFY(!connection->isSandbox());
        QSignalSpy identityChanged(connection.get(), &CloudConnection::identityChanged);
        connection->start();
        QVERIFY(waitForIdentity(connection.get()));
        QVERIFY2(connection->identityError().isEmpty(), qPrintable(connection->identityError()));
        QCOMPARE(connection->identity().accountId, m_sandbox->accountId());
        QCOMPARE(connection->identity().identityType, QStringLiteral("RAMUser"));
        QCOMPARE(identityChanged.count(), 1);
        QCOMPARE(connection->credentials()->lastCredential().accessKeyId(), m_sandbox->accessKeyId());

        // The service clients sign with the same credential.
        bool done = false;
        ApiError error;
        QList<Workspace> workspaces;
        connection->dataWorks()->listProjects([&](const QList<Workspace>& list, const ApiError& e) {
            workspaces = list;
            error = e;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVERIFY(!workspaces.isEmpty());
    }

    // A key the service does not know: the identity stays unknown and the connection says why (the service's code).
    void aRefusedCredentialSaysWhyTheCallerIsUnknown()
    {
        const auto opened = CloudConnection::open(envProfile(), context(kLoopbackKeyId, kLoopbackSecret), &m_clock);
        QVERIFY(opened.ok());
        std::unique_ptr<CloudConnection> connection(opened.value());
        connection->start();
        QVERIFY(waitForIdentity(connection.get()));
        QVERIFY(connection->identity().arn.isEmpty());
        QVERIFY2(connection->identityError().contains(QStringLiteral("InvalidAccessKeyId")),
                 qPrintable(connection->identityError()));
        QVERIFY(!connection->identityError().contains(kLoopbackSecret));
    }

    // No credential at all: the credential's own error is the reason, and STS is never asked.
    void aFailingSourceIsTheReason()
    {
        const qint64 before = m_sandbox->requestCount();
        CloudConnection connection(envProfile(),
                                   new FailingCredentialProvider(QStringLiteral("test"), QStringLiteral("test source"),
                                                                 QStringLiteral("no key here (test)")),
                                   &m_clock);
        QSignalSpy identityChanged(&connection, &CloudConnection::identityChanged);
        connection.start();
        QVERIFY(identityChanged.wait(20000));
        QVERIFY2(connection.identityError().contains(QStringLiteral("no key here (test)")),
                 qPrintable(connection.identityError()));
        QCOMPARE(m_sandbox->requestCount(), before);
    }

    // A per-service override wins over the one override URL: STS goes to its own loopback server (signed with the
    // profile's key, verified here), DataWorks still to the sandbox.
    void aPerServiceOverrideWins()
    {
        ScriptedHttpServer sts;
        QString why;
        bool signedWell = false;
        sts.setHandler([&](const ScriptedHttpServer::Request& request) {
            signedWell = ApiTestSupport::verifyV3(request, kLoopbackKeyId.toUtf8(), kLoopbackSecret.toUtf8(), &why);
            return ApiTestSupport::ok("{\"IdentityType\":\"RAMUser\",\"AccountId\":\"1111222233334444\","
                                      "\"Arn\":\"acs:ram::1111222233334444:user/loopback\",\"PrincipalId\":\"p1\","
                                      "\"UserId\":\"u1\",\"RequestId\":\"REQ-STS\"}");
        });
        CloudProfile profile = envProfile();
        profile.endpoints.setServiceOverride(ApiService::Sts, sts.baseUrl());
        const auto opened = CloudConnection::open(profile, context(kLoopbackKeyId, kLoopbackSecret), &m_clock);
        QVERIFY(opened.ok());
        std::unique_ptr<CloudConnection> connection(opened.value());
        connection->start();
        QVERIFY(waitForIdentity(connection.get()));
        QCOMPARE(connection->identity().arn, QStringLiteral("acs:ram::1111222233334444:user/loopback"));
        QCOMPARE(sts.requestCount(), 1);
        QCOMPARE(sts.requests().first().header("x-acs-action"), QByteArray("GetCallerIdentity"));
        QVERIFY2(signedWell, qPrintable(why));

        const qint64 before = m_sandbox->requestCount();
        bool done = false;
        ApiError error;
        connection->dataWorks()->listProjects([&](const QList<Workspace>&, const ApiError& e) {
            error = e;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY(m_sandbox->requestCount() > before);
        QCOMPARE(sts.requestCount(), 1);
        // The sandbox does not know the loopback key: it answered, and refused it.
        QVERIFY(error.isError());
    }

    // The inspector's way: no identity asked on its own; identify() asks once and hands over one Result.
    void identifyOnlyWhenAsked()
    {
        CloudConnection::Options options;
        options.identifyOnConnect = false;
        const auto opened = CloudConnection::open(
            envProfile(), context(m_sandbox->accessKeyId(), m_sandbox->accessKeySecret()), &m_clock, nullptr, options);
        QVERIFY(opened.ok());
        std::unique_ptr<CloudConnection> connection(opened.value());
        QSignalSpy fetched(connection->credentials(), &CredentialSource::fetchFinished);
        connection->start();
        QVERIFY(fetched.wait(20000));
        QTest::qWait(50);
        QVERIFY(connection->identity().arn.isEmpty());
        QVERIFY(connection->identityError().isEmpty());

        bool done = false;
        QString arn;
        connection->identify([&](const Result<CallerIdentity, ApiError>& result) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
            arn = result.value().arn;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QCOMPARE(arn, connection->identity().arn);
        QVERIFY(arn.startsWith(QStringLiteral("acs:ram::") + m_sandbox->accountId()));
    }

    void anUnknownKindIsRefusedInPlainWords()
    {
        CloudProfile profile = envProfile();
        profile.kind = QStringLiteral("carrier-pigeon");
        const auto opened = CloudConnection::open(profile, context(kLoopbackKeyId, kLoopbackSecret), &m_clock);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QStringLiteral("carrier-pigeon")), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(QStringLiteral("chain")));
    }

    // The sandbox wiring every front end uses: its region and endpoint, marked as the sandbox, its admin key.
    void sandboxConnection()
    {
        const CloudProfile profile = SandboxConnection::profile(*m_sandbox, QStringLiteral("Sandbox admin key"));
        QVERIFY(profile.sandbox);
        QCOMPARE(profile.kind, QStringLiteral("sandbox"));
        QCOMPARE(profile.endpoints.region(), m_sandbox->region());
        QCOMPARE(profile.endpoints.endpointOverride(), m_sandbox->endpoint());
        QCOMPARE(profile.label, QStringLiteral("Sandbox admin key"));

        std::unique_ptr<CloudConnection> connection(SandboxConnection::open(
            *m_sandbox, QStringLiteral("Sandbox admin key"), QStringLiteral("the sandbox's admin key"), &m_clock));
        QVERIFY(connection->isSandbox());
        connection->start();
        QVERIFY(waitForIdentity(connection.get()));
        QVERIFY2(connection->identityError().isEmpty(), qPrintable(connection->identityError()));
        QCOMPARE(connection->identity().accountId, m_sandbox->accountId());
        QCOMPARE(connection->credentials()->lastCredential().source(), QStringLiteral("the sandbox's admin key"));

        VisibilityStore store(m_dir->filePath(QStringLiteral("visibility.json")), &m_clock);
        const auto imported = SandboxConnection::importVisibility(*m_sandbox, &store, QStringLiteral("test"));
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error()));
        QVERIFY(imported.value() > 0);
        VisibilityStore reread(m_dir->filePath(QStringLiteral("visibility.json")), &m_clock);
        QString error;
        QVERIFY2(reread.load(&error), qPrintable(error));
        QCOMPARE(reread.records().size(), store.records().size());
        QCOMPARE(reread.records().size(), qsizetype(m_sandbox->engine()->environmentCount()));

        // A record of an environment this sandbox does not have (a larger sandbox's, `--environments 100000`) is
        // dropped at the next start; an import that changes nothing leaves the file as it is (no rewrite of every
        // record at every start).
        store.set(QStringLiteral("999999999"), Visibility::Public, QStringLiteral("an earlier, larger sandbox"));
        QVERIFY(store.save(&error));
        const auto again = SandboxConnection::importVisibility(*m_sandbox, &store, QStringLiteral("test"));
        QVERIFY(again.ok());
        QCOMPARE(store.visibility(QStringLiteral("999999999")), Visibility::Unknown);
        VisibilityStore pruned(m_dir->filePath(QStringLiteral("visibility.json")), &m_clock);
        QVERIFY(pruned.load(&error));
        QCOMPARE(pruned.records().size(), qsizetype(m_sandbox->engine()->environmentCount()));
        QFile file(m_dir->filePath(QStringLiteral("visibility.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray compact = QJsonDocument::fromJson(file.readAll()).toJson(QJsonDocument::Compact);
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(compact);
        file.close();
        const auto unchanged = SandboxConnection::importVisibility(*m_sandbox, &store, QStringLiteral("test"));
        QVERIFY(unchanged.ok());
        QCOMPARE(unchanged.value(), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), compact);
    }

    // Profile ids: CredentialProviderFactory's spelling; the GUI's earlier "cli:<name>" reads as "profile:<name>".
    void profileIds()
    {
        using namespace CredentialProviderFactory;
        QCOMPARE(profileId(QStringLiteral("chain")), QStringLiteral("chain"));
        QCOMPARE(profileId(QStringLiteral("profile"), QStringLiteral("work")), QStringLiteral("profile:work"));
        QCOMPARE(parseProfileId(QStringLiteral("cli:work")).kind, QStringLiteral("profile"));
        QCOMPARE(parseProfileId(QStringLiteral("cli:work")).argument, QStringLiteral("work"));
        QCOMPARE(parseProfileId(QString()).kind, QStringLiteral("chain"));
        QCOMPARE(parseProfileId(QStringLiteral("uri:http://127.0.0.1:8/c")).argument,
                 QStringLiteral("http://127.0.0.1:8/c"));
        QCOMPARE(normalizedProfileId(QStringLiteral("cli:work")), QStringLiteral("profile:work"));
        for (const QString& id : {QStringLiteral("chain"), QStringLiteral("profile:work"), QStringLiteral("ini:prod"),
                                  QStringLiteral("ak:ops"), QStringLiteral("sandbox")})
            QCOMPARE(normalizedProfileId(id), id);
        const CloudProfile profile =
            CloudProfile::fromId(QStringLiteral("cli:dev"), Endpoints(QStringLiteral("eu-central-1")));
        QCOMPARE(profile.kind, QStringLiteral("profile"));
        QCOMPARE(profile.argument, QStringLiteral("dev"));
        QCOMPARE(profile.id(), QStringLiteral("profile:dev"));
        QCOMPARE(profile.endpoints.region(), QStringLiteral("eu-central-1"));
        // Every kind the factory builds is a profile id of its own.
        for (const QString& kind : kinds())
            QCOMPARE(parseProfileId(profileId(kind, QStringLiteral("x"))).kind, kind);
    }
};

QTEST_GUILESS_MAIN(TestCloudConnection)
#include "test_cloudconnection.moc"
