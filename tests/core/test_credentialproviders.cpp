#include "credentials/DefaultCredentialChain.h"
#include "credentials/EcsRamRoleProvider.h"
#include "credentials/EnvCredentialProvider.h"
#include "credentials/FileCredentialProvider.h"
#include "credentials/ProfileCredentialProvider.h"
#include "credentials/UriCredentialProvider.h"

#include "CredentialFixtures.h"
#include "LoopbackHttpServer.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace CredentialFixtures;

// The providers other than the credentials URI (tested in test_uricredentialprovider) and the default chain,
// against temporary files, an injected environment and home directory, and a loopback metadata server.
class TestCredentialProviders : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fileGood();
    void fileMissing();
    void fileRaceWithWriterIsRetried();
    void fileThatNeverParsesFails();
    void fileAlreadyExpired();
    void envVariables();
    void cliProfileModes();
    void cliProfileSelectionAndOverrides();
    void cliProfileRamRoleArnNotSupportedYet();
    void cliProfileRamRoleArnThroughFactory();
    void iniProfiles();
    void ecsImdsV2();
    void ecsFallsBackToV1();
    void ecsV1Disabled();
    void ecsDisabledAndNamedRole();
    void chainOrderAndReasons();
    void chainSticksAndRetriesWholeChain();

private:
    CredentialContext context() const;
    CredentialResult fetch(CredentialProvider* provider);
    void write(const QString& relativePath, const QByteArray& content);
    QByteArray cliConfig(const QString& current, const QJsonArray& profiles) const;
    void assertNoLeak(const CredentialResult& r);

    MockClock m_clock;
    std::optional<QTemporaryDir> m_home;
    LoopbackHttpServer* m_server = nullptr;
    LogCapture* m_log = nullptr;
    QDateTime m_exp;
};

void TestCredentialProviders::init()
{
    m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    m_exp = m_clock.nowUtc().addSecs(6 * 3600);
    m_home.emplace();
    QVERIFY(m_home->isValid());
    m_server = new LoopbackHttpServer(this);
    m_log = new LogCapture;
}

void TestCredentialProviders::cleanup()
{
    delete m_log;
    m_log = nullptr;
    delete m_server;
    m_server = nullptr;
    m_home.reset();
}

CredentialContext TestCredentialProviders::context() const
{
    CredentialContext c;
    c.clock = &m_clock;
    c.homePath = m_home->path();
    c.ecsMetadataBaseUrl = m_server->url(QString());
    return c;
}

CredentialResult TestCredentialProviders::fetch(CredentialProvider* provider)
{
    std::optional<CredentialResult> result;
    provider->fetch([&result](const CredentialResult& r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(CredentialResult{});
}

void TestCredentialProviders::write(const QString& relativePath, const QByteArray& content)
{
    const QString path = m_home->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QByteArray TestCredentialProviders::cliConfig(const QString& current, const QJsonArray& profiles) const
{
    QJsonObject root;
    root.insert(QStringLiteral("current"), current);
    root.insert(QStringLiteral("profiles"), profiles);
    return QJsonDocument(root).toJson();
}

void TestCredentialProviders::assertNoLeak(const CredentialResult& r)
{
    QVERIFY2(findSecret(r.error.toString(), secrets()).isEmpty(), "secret in error");
    QVERIFY2(m_log->findAny(secrets()).isEmpty(), "secret in log");
}

void TestCredentialProviders::fileGood()
{
    write(QStringLiteral("creds.json"), answer(m_exp, QString()));
    FileCredentialProvider p(context(), m_home->filePath(QStringLiteral("creds.json")));
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), keyId());
    QCOMPARE(r.credential.expiration(), m_exp);
    QVERIFY(r.credential.source().startsWith(QStringLiteral("credentials file ")));
    QCOMPARE(FileCredentialProvider(context()).path(), QStringLiteral("/mnt/.alibabacloud/credentials"));
}

void TestCredentialProviders::fileMissing()
{
    FileCredentialProvider p(context(), m_home->filePath(QStringLiteral("nope")));
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY(r.error.source.contains(m_home->filePath(QStringLiteral("nope"))));
    QVERIFY(r.error.message.contains(QStringLiteral("does not exist")));
    QVERIFY(r.error.message.contains(QStringLiteral("DataWorks individual development environment")));
}

void TestCredentialProviders::fileRaceWithWriterIsRetried()
{
    // The reader catches the file half-written; the writer completes it 150 ms later.
    const QByteArray full = answer(m_exp, QString());
    write(QStringLiteral("creds.json"), full.left(full.size() / 2));
    QTimer::singleShot(150, this, [this, full] { write(QStringLiteral("creds.json"), full); });
    FileCredentialProvider::Options options;
    options.attempts = 20;
    options.retryDelayMs = 50;
    FileCredentialProvider p(context(), m_home->filePath(QStringLiteral("creds.json")), options);
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), keyId());
}

void TestCredentialProviders::fileThatNeverParsesFails()
{
    const QByteArray full = answer(m_exp, QString());
    write(QStringLiteral("creds.json"), full.left(full.size() - 5));
    FileCredentialProvider::Options options;
    options.attempts = 3;
    options.retryDelayMs = 10;
    FileCredentialProvider p(context(), m_home->filePath(QStringLiteral("creds.json")), options);
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("not valid JSON")));
    QCOMPARE(r.error.httpStatus, 0);
    assertNoLeak(r);
}

void TestCredentialProviders::fileAlreadyExpired()
{
    write(QStringLiteral("creds.json"), answer(m_clock.nowUtc().addSecs(-5), QString()));
    FileCredentialProvider p(context(), m_home->filePath(QStringLiteral("creds.json")));
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("already expired")));
    assertNoLeak(r);
}

void TestCredentialProviders::envVariables()
{
    CredentialContext c = context();
    {
        EnvCredentialProvider p(c);
        const CredentialResult r = fetch(&p);
        QVERIFY(!r.ok());
        QVERIFY(r.error.message.contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID is not set")));
    }
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), keyId());
    {
        EnvCredentialProvider p(c);
        const CredentialResult r = fetch(&p);
        QVERIFY(!r.ok());
        QVERIFY(r.error.message.contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")));
    }
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    {
        EnvCredentialProvider p(c);
        const CredentialResult r = fetch(&p);
        QVERIFY(r.ok());
        QVERIFY(!r.credential.isSts());
        QVERIFY(!r.credential.expires());
    }
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), token());
    EnvCredentialProvider p(c);
    const CredentialResult r = fetch(&p);
    QVERIFY(r.ok());
    QCOMPARE(r.credential.securityToken(), token());
    QCOMPARE(r.credential.source(), QStringLiteral("environment variables"));
}

static QJsonObject profile(const QString& name, const QString& mode,
                           std::initializer_list<std::pair<const char*, QJsonValue>> fields)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("mode"), mode);
    for (const auto& [k, v] : fields)
        o.insert(QLatin1String(k), v);
    return o;
}

void TestCredentialProviders::cliProfileModes()
{
    m_server->setResponse(QStringLiteral("/uri"), 200, answer(m_exp));
    m_server->setResponse(QStringLiteral("/latest/api/token"), 200, QByteArrayLiteral("tok"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/EcsRole"), 200, answer(m_exp));
    QJsonArray profiles;
    profiles << profile(QStringLiteral("ak"), QStringLiteral("AK"),
                        {{"access_key_id", QStringLiteral("LTAI5tAkProfile01")}, {"access_key_secret", secret()}});
    profiles << profile(QStringLiteral("sts"), QStringLiteral("StsToken"),
                        {{"access_key_id", keyId()}, {"access_key_secret", secret()}, {"sts_token", token()}});
    profiles << profile(QStringLiteral("uri"), QStringLiteral("CredentialsURI"),
                        {{"credentials_uri", m_server->url(QStringLiteral("/uri")).toString()}});
    profiles << profile(QStringLiteral("ecs"), QStringLiteral("EcsRamRole"),
                        {{"ram_role_name", QStringLiteral("EcsRole")}});
    // A mode of the aliyun CLI that no official credentials library reads either.
    profiles << profile(QStringLiteral("odd"), QStringLiteral("BearerToken"), {});
    write(QStringLiteral(".aliyun/config.json"), cliConfig(QStringLiteral("ak"), profiles));

    CliProfileProvider current(context());
    CredentialResult r = fetch(&current);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), QStringLiteral("LTAI5tAkProfile01"));
    QVERIFY(r.credential.source().contains(QStringLiteral("aliyun CLI profile ak (AK)")));

    CliProfileProvider sts(context(), QStringLiteral("sts"));
    r = fetch(&sts);
    QVERIFY(r.ok());
    QCOMPARE(r.credential.securityToken(), token());

    CliProfileProvider uri(context(), QStringLiteral("uri"));
    r = fetch(&uri);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.expiration(), m_exp);
    QCOMPARE(m_server->requestCount(QStringLiteral("/uri")), 1);

    CliProfileProvider ecs(context(), QStringLiteral("ecs"));
    r = fetch(&ecs);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(m_server->requestCount(QStringLiteral("/latest/meta-data/ram/security-credentials/EcsRole")), 1);

    CliProfileProvider odd(context(), QStringLiteral("odd"));
    r = fetch(&odd);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("\"BearerToken\" is not supported")), qPrintable(r.error.message));

    QString currentName;
    const QList<ProfileInfo> list = CliProfileProvider::listProfiles(context(), &currentName);
    QCOMPARE(list.size(), 5);
    QCOMPARE(currentName, QStringLiteral("ak"));
    QVERIFY(list.at(0).supported);
    QVERIFY(!list.at(4).supported);
    assertNoLeak(r);
}

void TestCredentialProviders::cliProfileSelectionAndOverrides()
{
    QJsonArray profiles;
    profiles << profile(QStringLiteral("default"), QStringLiteral("AK"),
                        {{"access_key_id", QStringLiteral("LTAI5tDefault0001")}, {"access_key_secret", secret()}});
    profiles << profile(QStringLiteral("other"), QStringLiteral("AK"),
                        {{"access_key_id", QStringLiteral("LTAI5tOther000001")}, {"access_key_secret", secret()}});
    write(QStringLiteral(".aliyun/config.json"), cliConfig(QStringLiteral("default"), profiles));
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("other"));
    CliProfileProvider byEnv(c);
    QCOMPARE(fetch(&byEnv).credential.accessKeyId(), QStringLiteral("LTAI5tOther000001"));

    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("missing"));
    CliProfileProvider missing(c);
    const CredentialResult r = fetch(&missing);
    QVERIFY(r.error.message.contains(QStringLiteral("no profile named \"missing\"")));

    write(QStringLiteral("elsewhere/cfg.json"), cliConfig(QStringLiteral("other"), profiles));
    CredentialContext o = context();
    o.environment.insert(QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"),
                         m_home->filePath(QStringLiteral("elsewhere/cfg.json")));
    QFile::remove(m_home->filePath(QStringLiteral(".aliyun/config.json")));
    CliProfileProvider overridden(o);
    QCOMPARE(fetch(&overridden).credential.accessKeyId(), QStringLiteral("LTAI5tOther000001"));

    CliProfileProvider none(context());
    QVERIFY(fetch(&none).error.message.contains(QStringLiteral("aliyun configure")));
}

void TestCredentialProviders::cliProfileRamRoleArnNotSupportedYet()
{
    QJsonArray profiles;
    profiles << profile(QStringLiteral("role"), QStringLiteral("RamRoleArn"),
                        {{"access_key_id", QStringLiteral("LTAI5tRole0000001")},
                         {"access_key_secret", secret()},
                         {"ram_role_arn", QStringLiteral("acs:ram::123:role/dev")}});
    profiles << profile(
        QStringLiteral("chain"), QStringLiteral("ChainableRamRoleArn"),
        {{"source_profile", QStringLiteral("role")}, {"ram_role_arn", QStringLiteral("acs:ram::123:role/x")}});
    write(QStringLiteral(".aliyun/config.json"), cliConfig(QStringLiteral("role"), profiles));
    for (const QString& name : {QStringLiteral("role"), QStringLiteral("chain")}) {
        CliProfileProvider p(context(), name);
        const CredentialResult r = fetch(&p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(QStringLiteral("not supported yet")), qPrintable(r.error.message));
        assertNoLeak(r);
    }
}

void TestCredentialProviders::cliProfileRamRoleArnThroughFactory()
{
    // The extension point another component fills once STS AssumeRole exists.
    QJsonArray profiles;
    profiles << profile(QStringLiteral("role"), QStringLiteral("RamRoleArn"),
                        {{"access_key_id", QStringLiteral("LTAI5tRole0000001")},
                         {"access_key_secret", secret()},
                         {"ram_role_arn", QStringLiteral("acs:ram::123:role/dev")},
                         {"ram_session_name", QStringLiteral("s1")}});
    write(QStringLiteral(".aliyun/config.json"), cliConfig(QStringLiteral("role"), profiles));
    CredentialContext c = context();
    RoleArnSpec seen;
    c.roleArnProviderFactory = [&seen](const RoleArnSpec& spec, QObject* parent) -> CredentialProvider* {
        seen = spec;
        spec.sourceProvider->setParent(parent);
        return new StaticCredentialProvider(Credential(QStringLiteral("STS.assumedRoleKey1"),
                                                       QStringLiteral("s3cr3tAssumed"), QStringLiteral("t0kenAssumed"),
                                                       {}, spec.description),
                                            QStringLiteral("profile"), parent);
    };
    CliProfileProvider p(c);
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), QStringLiteral("STS.assumedRoleKey1"));
    QCOMPARE(seen.roleArn, QStringLiteral("acs:ram::123:role/dev"));
    QCOMPARE(seen.sessionName, QStringLiteral("s1"));
    QVERIFY(seen.sourceProvider);
}

void TestCredentialProviders::iniProfiles()
{
    write(QStringLiteral(".alibabacloud/credentials.ini"),
          QByteArrayLiteral("# comment\n[default]\ntype = access_key\naccess_key_id = LTAI5tIniDefault1\n"
                            "access_key_secret = ") +
              secret().toUtf8() +
              QByteArrayLiteral("\n[dev]\ntype = ram_role_arn\naccess_key_id = LTAI5tIniDev00001\n"
                                "access_key_secret = x\nrole_arn = acs:ram::1234:role/dev\n"
                                "[ecs]\ntype = ecs_ram_role\nrole_name = EcsRole\n[weird]\ntype = rsa_key_pair\n"));
    m_server->setResponse(QStringLiteral("/latest/api/token"), 200, QByteArrayLiteral("tok"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/EcsRole"), 200, answer(m_exp));

    IniProfileProvider def(context());
    CredentialResult r = fetch(&def);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), QStringLiteral("LTAI5tIniDefault1"));
    QVERIFY(r.credential.source().contains(QStringLiteral("credentials.ini")));

    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("dev"));
    IniProfileProvider dev(c);
    r = fetch(&dev);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("not supported yet")));

    IniProfileProvider ecs(context(), QStringLiteral("ecs"));
    QVERIFY(fetch(&ecs).ok());

    IniProfileProvider weird(context(), QStringLiteral("weird"));
    QVERIFY(fetch(&weird).error.message.contains(QStringLiteral("rsa_key_pair")));

    IniProfileProvider absent(context(), QStringLiteral("absent"));
    QVERIFY(fetch(&absent).error.message.contains(QStringLiteral("no [absent] section")));

    // ~/.alibabacloud/credentials wins over credentials.ini; ALIBABA_CLOUD_CREDENTIALS_FILE over both.
    write(
        QStringLiteral(".alibabacloud/credentials"),
        QByteArrayLiteral("[default]\ntype = access_key\naccess_key_id = LTAI5tIniPlain001\naccess_key_secret = y\n"));
    IniProfileProvider plain(context());
    QCOMPARE(fetch(&plain).credential.accessKeyId(), QStringLiteral("LTAI5tIniPlain001"));
    write(
        QStringLiteral("x/c.ini"),
        QByteArrayLiteral("[default]\ntype = access_key\naccess_key_id = LTAI5tIniEnvFile1\naccess_key_secret = z\n"));
    CredentialContext o = context();
    o.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"), m_home->filePath(QStringLiteral("x/c.ini")));
    IniProfileProvider overridden(o);
    QCOMPARE(fetch(&overridden).credential.accessKeyId(), QStringLiteral("LTAI5tIniEnvFile1"));
    QCOMPARE(IniProfileProvider::listProfiles(o).size(), 1);
    assertNoLeak(r);
}

void TestCredentialProviders::ecsImdsV2()
{
    m_server->setResponse(QStringLiteral("/latest/api/token"), 200, QByteArrayLiteral("imds-token-1"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/"), 200,
                          QByteArrayLiteral("MyRole\n"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/MyRole"), 200, answer(m_exp));
    EcsRamRoleProvider p(context());
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(r.credential.source().contains(QStringLiteral("ECS RAM role MyRole")));
    const auto& reqs = m_server->requests();
    QCOMPARE(reqs.size(), 3);
    QCOMPARE(reqs.at(0).method, QByteArrayLiteral("PUT"));
    QCOMPARE(reqs.at(0).header("X-aliyun-ecs-metadata-token-ttl-seconds"), QByteArrayLiteral("21600"));
    QCOMPARE(reqs.at(1).header("X-aliyun-ecs-metadata-token"), QByteArrayLiteral("imds-token-1"));
    QCOMPARE(reqs.at(2).header("X-aliyun-ecs-metadata-token"), QByteArrayLiteral("imds-token-1"));
    assertNoLeak(r);
}

void TestCredentialProviders::ecsFallsBackToV1()
{
    m_server->setResponse(QStringLiteral("/latest/api/token"), 405, QByteArrayLiteral("no"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/"), 200,
                          QByteArrayLiteral("MyRole"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/MyRole"), 200, answer(m_exp));
    EcsRamRoleProvider p(context());
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(m_server->requests().size(), 3);
    QVERIFY(m_server->requests().at(2).header("X-aliyun-ecs-metadata-token").isEmpty());
}

void TestCredentialProviders::ecsV1Disabled()
{
    LoopbackHttpServer::Response hang;
    hang.delayMs = 5000;
    m_server->setResponse(QStringLiteral("/latest/api/token"), hang);
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_IMDSV1_DISABLED"), QStringLiteral("true"));
    EcsRamRoleProvider::Options options;
    options.timeoutMs = 200;
    EcsRamRoleProvider p(c, {}, options);
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("IMDSv1 is disabled")), qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(QStringLiteral("time-out")));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestCredentialProviders::ecsDisabledAndNamedRole()
{
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("TRUE"));
    EcsRamRoleProvider off(c);
    QVERIFY(fetch(&off).error.message.contains(QStringLiteral("disabled")));
    QCOMPARE(m_server->requests().size(), 0);

    m_server->setResponse(QStringLiteral("/latest/api/token"), 200, QByteArrayLiteral("t"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/Named"), 200, answer(m_exp));
    CredentialContext n = context();
    n.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA"), QStringLiteral("Named"));
    EcsRamRoleProvider named(n);
    QVERIFY(fetch(&named).ok());
    QCOMPARE(m_server->requestCount(QStringLiteral("/latest/meta-data/ram/security-credentials/")), 0);

    // A metadata answer with a bad status is judged like any other.
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/Named"), 404,
                          QByteArrayLiteral("x"));
    const CredentialResult r = fetch(&named);
    QCOMPARE(r.error.httpStatus, 404);
}

void TestCredentialProviders::chainOrderAndReasons()
{
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"), QStringLiteral("acs:ram::1:role/x"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"), QStringLiteral("acs:ram::1:oidc/x"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), QStringLiteral("/tmp/t"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"),
                         m_server->url(QStringLiteral("/uri")).toString());
    m_server->setResponse(QStringLiteral("/uri"), 500, QByteArrayLiteral("down"));
    m_server->setResponse(QStringLiteral("/latest/api/token"), 404, QByteArrayLiteral("none"));
    m_server->setResponse(QStringLiteral("/latest/meta-data/ram/security-credentials/"), 404,
                          QByteArrayLiteral("none"));
    DefaultCredentialChain chain(c);
    QStringList names;
    for (CredentialProvider* p : chain.providers())
        names << p->name();
    QCOMPARE(names, (QStringList{QStringLiteral("env"), QStringLiteral("oidc"), QStringLiteral("profile"),
                                 QStringLiteral("ini"), QStringLiteral("ecs"), QStringLiteral("uri")}));
    const CredentialResult r = fetch(&chain);
    QVERIFY(!r.ok());
    for (const QString& n : names)
        QVERIFY2(r.error.message.contains(QStringLiteral("[%1]").arg(n)), qPrintable(n));
    // Step 2 is a real OIDC provider now: it fails here because the token file does not exist.
    QVERIFY2(r.error.message.contains(QStringLiteral("Cannot read the OIDC token file")), qPrintable(r.error.message));

    CredentialContext d = context();
    d.environment.insert(QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), QStringLiteral("true"));
    d.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    d.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), QString());
    DefaultCredentialChain reduced(d);
    names.clear();
    for (CredentialProvider* p : reduced.providers())
        names << p->name();
    QCOMPARE(names, (QStringList{QStringLiteral("env"), QStringLiteral("ini")}));
}

void TestCredentialProviders::chainSticksAndRetriesWholeChain()
{
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"),
                         m_server->url(QStringLiteral("/uri")).toString());
    m_server->setResponse(QStringLiteral("/uri"), 200, answer(m_exp));
    DefaultCredentialChain chain(c);
    CredentialResult r = fetch(&chain);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(chain.current()->name(), QStringLiteral("uri"));
    // Sticks: an INI profile appearing later does not take over while the URI works.
    write(QStringLiteral(".alibabacloud/credentials"),
          QByteArrayLiteral("[default]\ntype = access_key\naccess_key_id = LTAI5tLaterIni01\naccess_key_secret = y\n"));
    r = fetch(&chain);
    QVERIFY(r.ok());
    QCOMPARE(r.credential.accessKeyId(), keyId());
    QCOMPARE(m_server->requestCount(QStringLiteral("/uri")), 2);
    // The URI fails: the whole chain is tried again, and the INI profile answers.
    m_server->setResponse(QStringLiteral("/uri"), 503, QByteArrayLiteral("down"));
    r = fetch(&chain);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), QStringLiteral("LTAI5tLaterIni01"));
    QCOMPARE(chain.current()->name(), QStringLiteral("ini"));
    // A total failure, then a recovery: the chain starts from the top again.
    QFile::remove(m_home->filePath(QStringLiteral(".alibabacloud/credentials")));
    r = fetch(&chain);
    QVERIFY(!r.ok());
    QVERIFY(!chain.current());
    m_server->setResponse(QStringLiteral("/uri"), 200, answer(m_exp));
    r = fetch(&chain);
    QVERIFY(r.ok());
    QCOMPARE(chain.current()->name(), QStringLiteral("uri"));
    assertNoLeak(r);
}

QTEST_GUILESS_MAIN(TestCredentialProviders)
#include "test_credentialproviders.moc"
