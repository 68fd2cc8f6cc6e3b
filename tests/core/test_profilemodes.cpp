#include "credentials/CredentialDoctor.h"
#include "credentials/DefaultCredentialChain.h"
#include "credentials/ExternalCredentialProvider.h"
#include "credentials/OAuthProvider.h"
#include "credentials/OidcRoleArnProvider.h"
#include "credentials/ProfileCredentialProvider.h"
#include "credentials/StsLocation.h"

#include "CredentialFixtures.h"
#include "LoopbackHttpServer.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace CredentialFixtures;
using namespace Qt::StringLiterals;

// The aliyun CLI profile modes that go beyond a stored key: External (a command run without a shell),
// OIDC (anonymous STS AssumeRoleWithOIDC with a token file, also step 2 of the default chain), CloudSSO and
// OAuth (the STS credential the aliyun CLI cached in the profile), and where STS is reached (StsLocation).
// Against temporary scripts and files, an injected environment and a loopback STS; every failure message is
// checked for secrets.
class TestProfileModes : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void splitCommand_data();
    void splitCommand();
    void splitCommandRefuses();
    void externalStsAndAk();
    void externalFailures_data();
    void externalFailures();
    void externalTimeout();
    void externalOutputCap();
    void externalMissingProgram();
    void externalCleanEnvironment();
    void externalDisabled();
    void externalProfileAndListing();
    void oidcProfile();
    void oidcFailures();
    void oidcFromEnvironmentInChain();
    void stsLocation_data();
    void stsLocation();
    void roleArnProfilesFollowStsLocation();
    void cloudSsoAndOAuthCached();
    void oauthRenewalOnTheWire();
    void iniErrorNamesRamRoleArn();
    void doctorShowsEveryMode();

private:
    CredentialContext context() const;
    CredentialResult fetch(CredentialProvider* provider);
    QString script(const QString& name, const QByteArray& body);
    void writeConfig(const QJsonArray& profiles, const QString& current = {});
    void assertNoLeak(const CredentialResult& r, const QStringList& extra = {});
    QByteArray stsAnswer() const;

    MockClock m_clock;
    std::optional<QTemporaryDir> m_home;
    LoopbackHttpServer* m_server = nullptr;
    LogCapture* m_log = nullptr;
    QDateTime m_exp;
};

void TestProfileModes::init()
{
    // Real now: the scripts below print fixed expirations relative to it.
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_exp = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc().addSecs(6 * 3600).toSecsSinceEpoch(), Qt::UTC);
    m_home.emplace();
    QVERIFY(m_home->isValid());
    m_server = new LoopbackHttpServer(this);
    m_log = new LogCapture;
}

void TestProfileModes::cleanup()
{
    delete m_log;
    m_log = nullptr;
    delete m_server;
    m_server = nullptr;
    m_home.reset();
}

CredentialContext TestProfileModes::context() const
{
    CredentialContext c;
    c.clock = &m_clock;
    c.homePath = m_home->path();
    c.environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    c.ecsMetadataBaseUrl = m_server->url(QString());
    return c;
}

CredentialResult TestProfileModes::fetch(CredentialProvider* provider)
{
    std::optional<CredentialResult> result;
    provider->fetch([&result](const CredentialResult& r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
    return result.value_or(CredentialResult{});
}

QString TestProfileModes::script(const QString& name, const QByteArray& body)
{
    const QString path = m_home->filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write("#!/bin/sh\n" + body + "\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestProfileModes::writeConfig(const QJsonArray& profiles, const QString& current)
{
    QDir().mkpath(m_home->filePath(QStringLiteral(".aliyun")));
    QJsonObject root{{QStringLiteral("current"),
                      current.isEmpty() ? profiles.first().toObject().value(u"name"_s).toString() : current},
                     {QStringLiteral("profiles"), profiles}};
    QFile f(m_home->filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
}

void TestProfileModes::assertNoLeak(const CredentialResult& r, const QStringList& extra)
{
    const QStringList all = secrets() + extra;
    QVERIFY2(findSecret(r.error.toString(), all).isEmpty(), qPrintable(findSecret(r.error.toString(), all)));
    QVERIFY2(m_log->findAny(all).isEmpty(), "secret in log");
}

QByteArray TestProfileModes::stsAnswer() const
{
    QJsonObject c{{QStringLiteral("AccessKeyId"), keyId()},
                  {QStringLiteral("AccessKeySecret"), secret()},
                  {QStringLiteral("SecurityToken"), token()},
                  {QStringLiteral("Expiration"), utc(m_exp)}};
    return toJson(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("R1")},
                              {QStringLiteral("Credentials"), c},
                              {QStringLiteral("AssumedRoleUser"), QJsonObject{}}});
}

// ---- External ----

void TestProfileModes::splitCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("plain") << QStringLiteral("  tool  a b ") << QStringList{u"tool"_s, u"a"_s, u"b"_s};
    QTest::newRow("double quotes") << QStringLiteral("\"/opt/my tool\" --x \"a b\"")
                                   << QStringList{u"/opt/my tool"_s, u"--x"_s, u"a b"_s};
    QTest::newRow("single quotes keep all") << QStringLiteral("t 'a \\\"$b'") << QStringList{u"t"_s, u"a \\\"$b"_s};
    QTest::newRow("escapes") << QStringLiteral("t a\\ b \"q\\\"x\"") << QStringList{u"t"_s, u"a b"_s, u"q\"x"_s};
    QTest::newRow("empty quoted arg") << QStringLiteral("t \"\" z") << QStringList{u"t"_s, u""_s, u"z"_s};
    QTest::newRow("no expansion") << QStringLiteral("t $HOME `id` ;")
                                  << QStringList{u"t"_s, u"$HOME"_s, u"`id`"_s, u";"_s};
}

void TestProfileModes::splitCommand()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QString error;
    QCOMPARE(ExternalCredentialProvider::splitCommand(command, &error), args);
    QVERIFY(error.isEmpty());
}

void TestProfileModes::splitCommandRefuses()
{
    for (const QString& bad : {QStringLiteral(""), QStringLiteral("   "), QStringLiteral("t \"open"),
                               QStringLiteral("t 'open"), QStringLiteral("t \\"), QStringLiteral("\"\" x")}) {
        QString error;
        QVERIFY2(ExternalCredentialProvider::splitCommand(bad, &error).isEmpty(), qPrintable(bad));
        QVERIFY2(!error.isEmpty(), qPrintable(bad));
    }
}

void TestProfileModes::externalStsAndAk()
{
    const QString sts =
        script(QStringLiteral("bin dir/sts.sh"),
               QStringLiteral("[ \"$1\" = 'a b' ] || exit 9\n"
                              "printf '%s' '{\"mode\":\"StsToken\",\"access_key_id\":\"%1\","
                              "\"access_key_secret\":\"%2\",\"sts_token\":\"%3\",\"expiration\":\"%4\"}'")
                   .arg(keyId(), secret(), token(), utc(m_exp))
                   .toUtf8());
    ExternalCredentialProvider p(context(), QStringLiteral("\"%1\" 'a b'").arg(sts), QStringLiteral("ext"));
    CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), keyId());
    QCOMPARE(r.credential.accessKeySecret(), secret());
    QCOMPARE(r.credential.securityToken(), token());
    QCOMPARE(r.credential.expiration(), m_exp);
    QCOMPARE(r.credential.source(), QStringLiteral("ext"));

    const QString ak = script(QStringLiteral("ak.sh"), QStringLiteral("echo '{\"mode\":\"AK\",\"access_key_id\":"
                                                                      "\"LTAI5tExternal01\",\"access_key_secret\":"
                                                                      "\"%1\"}'")
                                                           .arg(secret())
                                                           .toUtf8());
    ExternalCredentialProvider a(context(), ak, QStringLiteral("ext"));
    r = fetch(&a);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(!r.credential.isSts());
    QVERIFY(!r.credential.expires());
    // An offset other than Z is an instant too.
    const CredentialResult offset = ExternalCredentialProvider::parseOutput(
        QStringLiteral("{\"mode\":\"StsToken\",\"access_key_id\":\"a\",\"access_key_secret\":\"b\",\"sts_token\":"
                       "\"c\",\"expiration\":\"%1\"}")
            .arg(m_exp.toOffsetFromUtc(8 * 3600).toString(Qt::ISODate))
            .toUtf8(),
        QStringLiteral("x"), m_clock);
    QVERIFY2(offset.ok(), qPrintable(offset.error.toString()));
    QCOMPARE(offset.credential.expiration(), m_exp);
    assertNoLeak(r);
}

void TestProfileModes::externalFailures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QByteArray s = secret().toUtf8();
    const QByteArray t = token().toUtf8();
    QTest::newRow("exit code, stderr shown, secret hidden")
        << QByteArray("echo '{\"access_key_secret\":\"" + s + "\"}'; echo \"failed for " + s + "\" >&2; exit 4")
        << QStringLiteral("exited with code 4");
    QTest::newRow("not JSON") << QByteArray("echo 'secret=" + s + "'") << QStringLiteral("did not print one JSON");
    QTest::newRow("two objects") << QByteArray("echo '{}{}'") << QStringLiteral("did not print one JSON");
    QTest::newRow("no secret field") << QByteArray("echo '{\"mode\":\"AK\",\"access_key_id\":\"x\"}'")
                                     << QStringLiteral("lacks access_key_id or access_key_secret");
    QTest::newRow("StsToken without token")
        << QByteArray("echo '{\"mode\":\"StsToken\",\"access_key_id\":\"x\",\"access_key_secret\":\"" + s + "\"}'")
        << QStringLiteral("no sts_token");
    QTest::newRow("unknown mode") << QByteArray("echo '{\"mode\":\"Magic\",\"access_key_id\":\"x\","
                                                "\"access_key_secret\":\"" +
                                                s + "\"}'")
                                  << QStringLiteral("only \"AK\" and \"StsToken\"");
    QTest::newRow("number field") << QByteArray("echo '{\"access_key_id\":1,\"access_key_secret\":\"" + s + "\"}'")
                                  << QStringLiteral("not a string");
    QTest::newRow("expired") << QByteArray("echo '{\"mode\":\"StsToken\",\"access_key_id\":\"x\","
                                           "\"access_key_secret\":\"" +
                                           s + "\",\"sts_token\":\"" + t +
                                           "\",\"expiration\":\"2020-01-01T00:00:00Z\"}'")
                             << QStringLiteral("expired at 2020-01-01 00:00:00");
    QTest::newRow("expiration without zone")
        << QByteArray("echo '{\"mode\":\"StsToken\",\"access_key_id\":\"x\",\"access_key_secret\":\"" + s +
                      "\",\"sts_token\":\"" + t + "\",\"expiration\":\"2099-01-01T00:00:00\"}'")
        << QStringLiteral("is not an ISO 8601 time with a zone");
    QTest::newRow("killed") << QByteArray("kill -9 $$") << QStringLiteral("ended by a signal");
}

void TestProfileModes::externalFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    ExternalCredentialProvider p(context(), script(QStringLiteral("f.sh"), body), QStringLiteral("ext"));
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(expected), qPrintable(r.error.message));
    if (QByteArray(QTest::currentDataTag()).startsWith("exit code"))
        QVERIFY2(r.error.message.contains(QStringLiteral("failed for ****")), qPrintable(r.error.message));
    assertNoLeak(r);
}

void TestProfileModes::externalTimeout()
{
    ExternalCredentialProvider::Options o;
    o.timeoutMs = 300;
    ExternalCredentialProvider p(context(), script(QStringLiteral("slow.sh"), "echo waiting >&2; exec sleep 30"),
                                 QStringLiteral("ext"), o);
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("did not finish within 0.3 s")), qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(QStringLiteral("waiting")));
}

void TestProfileModes::externalOutputCap()
{
    ExternalCredentialProvider::Options o;
    o.maxStdoutBytes = 4096;
    ExternalCredentialProvider p(context(),
                                 script(QStringLiteral("big.sh"), "while :; do echo " + secret().toUtf8() + "; done"),
                                 QStringLiteral("ext"), o);
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("more than 4096 bytes")), qPrintable(r.error.message));
    assertNoLeak(r);
}

void TestProfileModes::externalMissingProgram()
{
    ExternalCredentialProvider p(context(), m_home->filePath(QStringLiteral("nope")) + QStringLiteral(" --secret x"),
                                 QStringLiteral("ext"));
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("Cannot start")), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains(QStringLiteral("--secret")));
}

void TestProfileModes::externalCleanEnvironment()
{
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), token());
    c.environment.insert(QStringLiteral("SOME_APP_PASSWORD"), QStringLiteral("pw"));
    c.environment.insert(QStringLiteral("HOME"), m_home->path());
    c.environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    const QString s = script(
        QStringLiteral("env.sh"),
        QStringLiteral("[ -z \"$ALIBABA_CLOUD_ACCESS_KEY_SECRET$ALIBABA_CLOUD_SECURITY_TOKEN$SOME_APP_PASSWORD\" ] || "
                       "exit 5\n[ \"$ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS\" = true ] || exit 6\n"
                       "[ \"$HOME\" = '%1' ] && [ \"$LC_ALL\" = C ] || exit 7\n"
                       "echo '{\"mode\":\"AK\",\"access_key_id\":\"LTAI5tEnv\",\"access_key_secret\":\"z\"}'")
            .arg(m_home->path())
            .toUtf8());
    ExternalCredentialProvider p(c, s, QStringLiteral("ext"));
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    const QProcessEnvironment clean = ExternalCredentialProvider::cleanEnvironment(c.environment);
    QVERIFY(!clean.contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")));
    QVERIFY(clean.contains(QStringLiteral("PATH")));
}

void TestProfileModes::externalDisabled()
{
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS"), QStringLiteral("TRUE"));
    const QString marker = m_home->filePath(QStringLiteral("ran"));
    const QString s = script(QStringLiteral("mark.sh"), QStringLiteral("touch '%1'").arg(marker).toUtf8());
    ExternalCredentialProvider p(c, s, QStringLiteral("ext"));
    CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.contains(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true")));
    QVERIFY(!QFileInfo::exists(marker));

    m_server->setResponse(QStringLiteral("/uri"), 200, answer(m_exp));
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"ext"_s}, {u"mode"_s, u"External"_s}, {u"process_command"_s, s}};
    profiles << QJsonObject{{u"name"_s, u"uri"_s},
                            {u"mode"_s, u"CredentialsURI"_s},
                            {u"credentials_uri"_s, m_server->url(QStringLiteral("/uri")).toString()}};
    writeConfig(profiles);
    for (const QString& name : {QStringLiteral("ext"), QStringLiteral("uri")}) {
        CliProfileProvider profile(c, name);
        r = fetch(&profile);
        QVERIFY2(!r.ok(), qPrintable(name));
        QVERIFY2(r.error.message.contains(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true")),
                 qPrintable(r.error.message));
    }
    QVERIFY(!QFileInfo::exists(marker));
    QCOMPARE(m_server->requestCount(QStringLiteral("/uri")), 0);
    const QList<ProfileInfo> list = CliProfileProvider::listProfiles(c);
    QCOMPARE(list.size(), 2);
    for (const ProfileInfo& info : list) {
        QVERIFY(!info.supported);
        QVERIFY(info.state.contains(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS")));
    }
}

void TestProfileModes::externalProfileAndListing()
{
    const QString s = script(QStringLiteral("p.sh"), QStringLiteral("echo '{\"mode\":\"StsToken\",\"access_key_id\":"
                                                                    "\"%1\",\"access_key_secret\":\"%2\",\"sts_token\":"
                                                                    "\"%3\",\"expiration\":\"%4\"}'")
                                                         .arg(keyId(), secret(), token(), utc(m_exp))
                                                         .toUtf8());
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"ext"_s}, {u"mode"_s, u"External"_s}, {u"process_command"_s, s}};
    profiles << QJsonObject{
        {u"name"_s, u"broken"_s}, {u"mode"_s, u"External"_s}, {u"process_command"_s, u"\"unclosed"_s}};
    writeConfig(profiles);
    CliProfileProvider current(context());
    CredentialResult r = fetch(&current);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.securityToken(), token());
    QVERIFY2(r.credential.source().contains(QStringLiteral("aliyun CLI profile ext (External)")),
             qPrintable(r.credential.source()));
    CliProfileProvider broken(context(), QStringLiteral("broken"));
    r = fetch(&broken);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("unclosed quote")), qPrintable(r.error.message));
    const QList<ProfileInfo> list = CliProfileProvider::listProfiles(context());
    QVERIFY(list.at(0).supported);
    QVERIFY2(list.at(0).state.contains(QStringLiteral("runs ")), qPrintable(list.at(0).state));
    QVERIFY(!list.at(1).supported);
    assertNoLeak(r);
}

// ---- OIDC ----

void TestProfileModes::oidcProfile()
{
    const QString oidcToken = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.oidc-token-body.sig");
    const QString tokenFile = writeOidcTokenFile(m_home->filePath(QStringLiteral("token")), oidcToken.toUtf8() + "\n");
    QVERIFY(!tokenFile.isEmpty());
    m_server->setResponse(QStringLiteral("/"), 200, stsAnswer());
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"ci"_s},
                            {u"mode"_s, u"OIDC"_s},
                            {u"ram_role_arn"_s, u"acs:ram::1380246718450127:role/ci"_s},
                            {u"oidc_provider_arn"_s, u"acs:ram::1380246718450127:oidc-provider/gh"_s},
                            {u"oidc_token_file"_s, tokenFile},
                            {u"ram_session_name"_s, u"ci-run"_s},
                            {u"duration_seconds"_s, 1800},
                            {u"sts_endpoint"_s, m_server->url(QString()).toString()}};
    writeConfig(profiles);
    CliProfileProvider p(context());
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), keyId());
    QCOMPARE(r.credential.expiration(), m_exp);
    QCOMPARE(m_server->requests().size(), 1);
    const LoopbackHttpServer::Request& q = m_server->requests().first();
    QCOMPARE(q.method, QByteArray("POST"));
    const QUrlQuery query(QString::fromUtf8(q.query));
    QCOMPARE(query.queryItemValue(QStringLiteral("Action")), QStringLiteral("AssumeRoleWithOIDC"));
    QCOMPARE(query.queryItemValue(QStringLiteral("Version")), QStringLiteral("2015-04-01"));
    QCOMPARE(query.queryItemValue(QStringLiteral("Format")), QStringLiteral("JSON"));
    QVERIFY(query.hasQueryItem(QStringLiteral("Timestamp")));
    QVERIFY(q.header("content-type").startsWith("application/x-www-form-urlencoded"));
    QUrlQuery body(QString::fromUtf8(q.body).replace(QLatin1Char('+'), QStringLiteral("%20")));
    QCOMPARE(body.queryItemValue(QStringLiteral("OIDCToken"), QUrl::FullyDecoded), oidcToken);
    QCOMPARE(body.queryItemValue(QStringLiteral("RoleArn"), QUrl::FullyDecoded),
             QStringLiteral("acs:ram::1380246718450127:role/ci"));
    QCOMPARE(body.queryItemValue(QStringLiteral("OIDCProviderArn"), QUrl::FullyDecoded),
             QStringLiteral("acs:ram::1380246718450127:oidc-provider/gh"));
    QCOMPARE(body.queryItemValue(QStringLiteral("RoleSessionName")), QStringLiteral("ci-run"));
    QCOMPARE(body.queryItemValue(QStringLiteral("DurationSeconds")), QStringLiteral("1800"));
    // Anonymous, as the official libraries send it: no key, no signature.
    QVERIFY(!query.hasQueryItem(QStringLiteral("Signature")) && !body.hasQueryItem(QStringLiteral("Signature")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("AccessKeyId")) && q.header("authorization").isEmpty());
    assertNoLeak(r, {oidcToken});
}

void TestProfileModes::oidcFailures()
{
    const QString oidcToken = QStringLiteral("oidc-secret-token-value-123456");
    const QString tokenFile = writeOidcTokenFile(m_home->filePath(QStringLiteral("token")), oidcToken.toUtf8());
    QVERIFY(!tokenFile.isEmpty());
    OidcRoleArnProvider::Spec spec;
    spec.roleArn = QStringLiteral("acs:ram::1:role/ci");
    spec.oidcProviderArn = QStringLiteral("acs:ram::1:oidc-provider/gh");
    spec.tokenFile = tokenFile;
    spec.sts.profileEndpoint = m_server->url(QString()).toString();

    // STS refuses, and echoes the token in its message: the token never reaches ours.
    m_server->setResponse(
        QStringLiteral("/"), 400,
        toJson(QJsonObject{{QStringLiteral("Code"), QStringLiteral("AuthenticationFail.OIDCToken.Invalid")},
                           {QStringLiteral("Message"), QString(QStringLiteral("bad token ") + oidcToken)}}));
    OidcRoleArnProvider refused(context(), spec);
    CredentialResult r = fetch(&refused);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("AuthenticationFail.OIDCToken.Invalid")),
             qPrintable(r.error.message));
    QCOMPARE(r.error.httpStatus, 400);
    assertNoLeak(r, {oidcToken});

    // A 200 without credentials.
    m_server->setResponse(QStringLiteral("/"), 200, QByteArrayLiteral("{\"RequestId\":\"x\"}"));
    OidcRoleArnProvider empty(context(), spec);
    r = fetch(&empty);
    QVERIFY(!r.ok());

    // No token file, an unreachable STS, a bad endpoint, a short duration, a missing field.
    OidcRoleArnProvider::Spec s = spec;
    s.tokenFile = m_home->filePath(QStringLiteral("absent"));
    OidcRoleArnProvider noFile(context(), s);
    r = fetch(&noFile);
    QVERIFY2(r.error.message.contains(QStringLiteral("Cannot read the OIDC token file")), qPrintable(r.error.message));
    s = spec;
    s.sts.profileEndpoint = QStringLiteral("http://127.0.0.1:%1").arg(LoopbackHttpServer::unusedPort());
    OidcRoleArnProvider down(context(), s);
    r = fetch(&down);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("AssumeRoleWithOIDC")), qPrintable(r.error.message));
    s = spec;
    s.sts.profileEndpoint = QStringLiteral("ftp://x");
    OidcRoleArnProvider badEndpoint(context(), s);
    r = fetch(&badEndpoint);
    QVERIFY2(r.error.message.contains(QStringLiteral("not a host name or an http(s) URL")),
             qPrintable(r.error.message));
    s = spec;
    s.durationSeconds = 60;
    OidcRoleArnProvider shortOne(context(), s);
    r = fetch(&shortOne);
    QVERIFY(r.error.message.contains(QStringLiteral("900")));
    s = spec;
    s.roleArn.clear();
    OidcRoleArnProvider noRole(context(), s);
    r = fetch(&noRole);
    QVERIFY(!r.ok());
    assertNoLeak(r, {oidcToken});
}

void TestProfileModes::oidcFromEnvironmentInChain()
{
    const QString tokenFile = writeOidcTokenFile(m_home->filePath(QStringLiteral("token")), "t0k");
    QVERIFY(!tokenFile.isEmpty());
    m_server->setResponse(QStringLiteral("/"), 200, stsAnswer());
    CredentialContext c = context();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"), QStringLiteral("acs:ram::1:role/x"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
                         QStringLiteral("acs:ram::1:oidc-provider/x"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), tokenFile);
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ROLE_SESSION_NAME"), QStringLiteral("from-env"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_STS_ENDPOINT"), m_server->url(QString()).toString());
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    // A usable CLI profile comes later in the chain: OIDC (step 2) wins.
    writeConfig(QJsonArray{QJsonObject{{u"name"_s, u"ak"_s},
                                       {u"mode"_s, u"AK"_s},
                                       {u"access_key_id"_s, u"LTAI5tLater"_s},
                                       {u"access_key_secret"_s, u"s"_s}}});
    DefaultCredentialChain chain(c);
    const CredentialResult r = fetch(&chain);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(chain.current()->name(), QStringLiteral("oidc"));
    QCOMPARE(r.credential.accessKeyId(), keyId());
    const QUrlQuery body(QString::fromUtf8(m_server->requests().first().body));
    QCOMPARE(body.queryItemValue(QStringLiteral("RoleSessionName")), QStringLiteral("from-env"));
    QCOMPARE(body.queryItemValue(QStringLiteral("DurationSeconds")), QStringLiteral("3600"));
}

void TestProfileModes::stsLocation_data()
{
    QTest::addColumn<QString>("profileRegion");
    QTest::addColumn<QString>("profileEndpoint");
    QTest::addColumn<bool>("profileVpc");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QString() << QString() << false << QStringList() << "https://sts.aliyuncs.com/";
    QTest::newRow("env region") << QString() << QString() << false
                                << QStringList{u"ALIBABA_CLOUD_STS_REGION"_s, u"cn-shanghai"_s}
                                << "https://sts.cn-shanghai.aliyuncs.com/";
    QTest::newRow("env region vpc") << QString() << QString() << false
                                    << QStringList{u"ALIBABA_CLOUD_STS_REGION"_s, u"cn-shanghai"_s,
                                                   u"ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"_s, u"true"_s}
                                    << "https://sts-vpc.cn-shanghai.aliyuncs.com/";
    QTest::newRow("vpc without region is global")
        << QString() << QString() << false << QStringList{u"ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"_s, u"true"_s}
        << "https://sts.aliyuncs.com/";
    QTest::newRow("profile region beats env")
        << "cn-beijing" << QString() << true << QStringList{u"ALIBABA_CLOUD_STS_REGION"_s, u"cn-shanghai"_s}
        << "https://sts-vpc.cn-beijing.aliyuncs.com/";
    QTest::newRow("env endpoint beats regions")
        << "cn-beijing" << QString() << false << QStringList{u"ALIBABA_CLOUD_STS_ENDPOINT"_s, u"sts.example.com"_s}
        << "https://sts.example.com/";
    QTest::newRow("profile endpoint beats all")
        << "cn-beijing"
        << "http://127.0.0.1:9" << false << QStringList{u"ALIBABA_CLOUD_STS_ENDPOINT"_s, u"sts.example.com"_s}
        << "http://127.0.0.1:9/";
    QTest::newRow("bad region") << QString() << QString() << false
                                << QStringList{u"ALIBABA_CLOUD_STS_REGION"_s, u"cn/../x"_s} << QString();
    QTest::newRow("bad endpoint") << QString() << "https://u:p@h/?q" << false << QStringList() << QString();
}

void TestProfileModes::stsLocation()
{
    QFETCH(QString, profileRegion);
    QFETCH(QString, profileEndpoint);
    QFETCH(bool, profileVpc);
    QFETCH(QStringList, env);
    QFETCH(QString, expected);
    CredentialContext c;
    for (qsizetype i = 0; i + 1 < env.size(); i += 2)
        c.environment.insert(env.at(i), env.at(i + 1));
    StsLocation l{profileRegion, profileEndpoint, profileVpc};
    QString error;
    const QUrl url = l.resolve(c, &error);
    if (expected.isEmpty()) {
        QVERIFY(!url.isValid());
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QStringLiteral("u:p")));
    } else {
        QCOMPARE(url.toString(), expected);
        QVERIFY(error.isEmpty());
        QVERIFY(!l.explain(c).isEmpty());
    }
}

void TestProfileModes::roleArnProfilesFollowStsLocation()
{
    QList<QUrl> seen;
    CredentialContext c = context();
    c.roleArnProviderFactory = [&seen](const RoleArnSpec& spec, QObject* parent) -> CredentialProvider* {
        seen << spec.stsEndpoint;
        delete spec.sourceProvider;
        return new FailingCredentialProvider(QStringLiteral("ram_role_arn"), spec.description,
                                             QStringLiteral("captured"), parent);
    };
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"plain"_s},
                            {u"mode"_s, u"RamRoleArn"_s},
                            {u"access_key_id"_s, u"LTAI5tA"_s},
                            {u"access_key_secret"_s, u"s"_s},
                            {u"ram_role_arn"_s, u"acs:ram::1:role/r"_s}};
    profiles << QJsonObject{{u"name"_s, u"regional"_s},
                            {u"mode"_s, u"RamRoleArn"_s},
                            {u"access_key_id"_s, u"LTAI5tA"_s},
                            {u"access_key_secret"_s, u"s"_s},
                            {u"ram_role_arn"_s, u"acs:ram::1:role/r"_s},
                            {u"sts_region"_s, u"cn-shanghai"_s},
                            {u"enable_vpc"_s, true}};
    profiles << QJsonObject{{u"name"_s, u"chained"_s},
                            {u"mode"_s, u"ChainableRamRoleArn"_s},
                            {u"source_profile"_s, u"ak"_s},
                            {u"ram_role_arn"_s, u"acs:ram::1:role/r2"_s},
                            {u"sts_endpoint"_s, u"sts.example.com"_s}};
    profiles << QJsonObject{{u"name"_s, u"ak"_s},
                            {u"mode"_s, u"AK"_s},
                            {u"access_key_id"_s, u"LTAI5tA"_s},
                            {u"access_key_secret"_s, u"s"_s}};
    writeConfig(profiles);
    for (const QString& name : {QStringLiteral("plain"), QStringLiteral("regional"), QStringLiteral("chained")}) {
        CliProfileProvider p(c, name);
        fetch(&p);
    }
    QCOMPARE(seen.size(), 3);
    QVERIFY(seen.at(0).isEmpty()); // nothing set: the front end's endpoints
    QCOMPARE(seen.at(1).toString(), QStringLiteral("https://sts-vpc.cn-shanghai.aliyuncs.com/"));
    QCOMPARE(seen.at(2).toString(), QStringLiteral("https://sts.example.com/"));

    // The environment reaches profiles without their own setting, INI ones too.
    seen.clear();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_STS_REGION"), QStringLiteral("ap-southeast-1"));
    CliProfileProvider plain(c, QStringLiteral("plain"));
    fetch(&plain);
    QDir().mkpath(m_home->filePath(QStringLiteral(".alibabacloud")));
    QFile ini(m_home->filePath(QStringLiteral(".alibabacloud/credentials")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[default]\ntype = ram_role_arn\naccess_key_id = LTAI5tI\naccess_key_secret = s\n"
              "role_arn = acs:ram::1:role/r\n");
    ini.close();
    IniProfileProvider iniProvider(c);
    fetch(&iniProvider);
    QCOMPARE(seen, (QList<QUrl>{QUrl(QStringLiteral("https://sts.ap-southeast-1.aliyuncs.com/")),
                                QUrl(QStringLiteral("https://sts.ap-southeast-1.aliyuncs.com/"))}));

    // A plain-HTTP endpoint elsewhere than loopback is refused before anything is sent.
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_STS_ENDPOINT"), QStringLiteral("http://sts.example.com"));
    CliProfileProvider refused(c, QStringLiteral("plain"));
    const CredentialResult r = fetch(&refused);
    QVERIFY2(r.error.message.contains(QStringLiteral("Refusing plain HTTP")), qPrintable(r.error.message));
}

// ---- CloudSSO / OAuth ----

void TestProfileModes::cloudSsoAndOAuthCached()
{
    const qint64 valid = m_exp.toSecsSinceEpoch();
    const qint64 past = m_clock.nowUtc().addSecs(-60).toSecsSinceEpoch();
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"sso"_s},
                            {u"mode"_s, u"CloudSSO"_s},
                            {u"access_key_id"_s, keyId()},
                            {u"access_key_secret"_s, secret()},
                            {u"sts_token"_s, token()},
                            {u"sts_expiration"_s, valid},
                            {u"cloud_sso_sign_in_url"_s, u"https://signin-cn-shanghai.alibabacloudsso.com/x/login"_s}};
    profiles << QJsonObject{{u"name"_s, u"sso-old"_s},     {u"mode"_s, u"CloudSSO"_s},
                            {u"access_key_id"_s, keyId()}, {u"access_key_secret"_s, secret()},
                            {u"sts_token"_s, token()},     {u"sts_expiration"_s, past}};
    profiles << QJsonObject{{u"name"_s, u"oauth"_s},        {u"mode"_s, u"OAuth"_s},
                            {u"access_key_id"_s, keyId()},  {u"access_key_secret"_s, secret()},
                            {u"sts_token"_s, token()},      {u"sts_expiration"_s, valid},
                            {u"oauth_site_type"_s, u"CN"_s}};
    profiles << QJsonObject{{u"name"_s, u"oauth-new"_s}, {u"mode"_s, u"OAuth"_s}, {u"oauth_site_type"_s, u"INTL"_s}};
    writeConfig(profiles);

    CliProfileProvider sso(context(), QStringLiteral("sso"));
    CredentialResult r = fetch(&sso);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.expiration(), m_exp);
    QCOMPARE(r.credential.securityToken(), token());
    CliProfileProvider oauth(context(), QStringLiteral("oauth"));
    r = fetch(&oauth);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));

    CliProfileProvider old(context(), QStringLiteral("sso-old"));
    r = fetch(&old);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("`aliyun configure --profile sso-old --mode CloudSSO`")),
             qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(QStringLiteral("expired")));
    assertNoLeak(r);
    CliProfileProvider fresh(context(), QStringLiteral("oauth-new"));
    r = fetch(&fresh);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(
                 QStringLiteral("`aliyun configure --mode OAuth --oauth-site-type INTL --profile oauth-new`")),
             qPrintable(r.error.message));

    // The cache runs out while RoleDesk holds the provider: the next fetch says so.
    m_clock.set(m_exp.addSecs(1));
    r = fetch(&sso);
    QVERIFY(!r.ok());
    m_clock.set(QDateTime::currentDateTimeUtc());

    const QList<ProfileInfo> list = CliProfileProvider::listProfiles(context());
    QCOMPARE(list.size(), 4);
    QVERIFY(list.at(0).supported && list.at(0).state.contains(QStringLiteral("valid until")));
    QVERIFY(!list.at(1).supported && list.at(1).state.contains(QStringLiteral("sign-in needed")));
    QVERIFY(list.at(2).supported);
    QVERIFY(!list.at(3).supported && list.at(3).modeSupported);
    for (const ProfileInfo& info : list)
        QVERIFY(findSecret(info.state, secrets()).isEmpty());
    assertNoLeak(r);
}

// The requests an OAuth renewal sends, as the official libraries send them: the refresh token with the aliyun CLI's
// client id of the site (form body), then the new access token as a Bearer token. Nothing of either reaches a log.
void TestProfileModes::oauthRenewalOnTheWire()
{
    const QByteArray newAccess = "oat.NewAccessTokenValue-Secret";
    const QByteArray newRefresh = "ort.NewRefreshTokenValue-Secret";
    m_server->setResponse(QStringLiteral("/v1/token"), 200,
                          QByteArray("{\"access_token\":\"") + newAccess + "\",\"refresh_token\":\"" + newRefresh +
                              "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    m_server->setResponse(QStringLiteral("/v1/exchange"), 200,
                          QByteArray("{\"RequestId\":\"r\",\"accessKeyId\":\"") + keyId().toUtf8() +
                              "\",\"accessKeySecret\":\"" + secret().toUtf8() + "\",\"securityToken\":\"" +
                              token().toUtf8() + "\",\"expiration\":\"" + utc(m_exp).toUtf8() + "\"}");
    const qint64 soon = m_clock.nowUtc().addSecs(600).toSecsSinceEpoch();
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"default"_s},
                            {u"mode"_s, u"OAuth"_s},
                            {u"oauth_site_type"_s, u"CN"_s},
                            {u"oauth_access_token"_s, u"oat.OldAccessTokenValue-Secret"_s},
                            {u"oauth_access_token_expire"_s, double(soon)},
                            {u"oauth_refresh_token"_s, u"ort.OldRefreshTokenValue-Secret"_s}};
    writeConfig(profiles);
    CredentialContext c = context();
    c.oauthSignInUrl = m_server->url(QString());
    CliProfileProvider p(c);
    const CredentialResult r = fetch(&p);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.credential.accessKeyId(), keyId());
    QCOMPARE(r.credential.expiration(), m_exp);
    QCOMPARE(m_server->requests().size(), 2);
    const LoopbackHttpServer::Request& renew = m_server->requests().at(0);
    QCOMPARE(renew.method, QByteArray("POST"));
    QCOMPARE(renew.path, QByteArray("/v1/token"));
    QVERIFY(renew.header("content-type").startsWith("application/x-www-form-urlencoded"));
    const QUrlQuery form(QString::fromUtf8(renew.body));
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
    QCOMPARE(form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded), u"ort.OldRefreshTokenValue-Secret"_s);
    QCOMPARE(form.queryItemValue(u"client_id"_s), OAuthProvider::clientId(u"CN"_s));
    QCOMPARE(form.queryItemValue(u"client_id"_s), u"4038181954557748008"_s);
    QVERIFY(QDateTime::fromString(form.queryItemValue(u"Timestamp"_s, QUrl::FullyDecoded), Qt::ISODate).isValid());
    const LoopbackHttpServer::Request& exchange = m_server->requests().at(1);
    QCOMPARE(exchange.path, QByteArray("/v1/exchange"));
    QCOMPARE(exchange.header("authorization"), QByteArray("Bearer ") + newAccess);
    // The default profile's sign-in command has no --profile, as the aliyun CLI prints it.
    QCOMPARE(OAuthProvider::signInCommand(u"default"_s, u"intl"_s),
             u"aliyun configure --mode OAuth --oauth-site-type INTL"_s);
    assertNoLeak(r, {QString::fromLatin1(newAccess), QString::fromLatin1(newRefresh),
                     u"ort.OldRefreshTokenValue-Secret"_s, u"oat.OldAccessTokenValue-Secret"_s});

    // The token service answers 200 without tokens: a failure naming the sign-in, the answer's secrets hidden.
    m_server->setResponse(QStringLiteral("/v1/token"), 200, QByteArray("{\"access_token\":\"") + newAccess + "\"}");
    profiles = QJsonArray{QJsonObject{{u"name"_s, u"default"_s},
                                      {u"mode"_s, u"OAuth"_s},
                                      {u"oauth_site_type"_s, u"CN"_s},
                                      {u"oauth_refresh_token"_s, u"ort.Other-Secret"_s}}};
    writeConfig(profiles);
    CliProfileProvider q(c);
    const CredentialResult f = fetch(&q);
    QVERIFY(!f.ok());
    QVERIFY2(f.error.message.contains(u"`aliyun configure --mode OAuth --oauth-site-type CN`"_s),
             qPrintable(f.error.message));
    assertNoLeak(f, {QString::fromLatin1(newAccess), u"ort.Other-Secret"_s});
}

void TestProfileModes::iniErrorNamesRamRoleArn()
{
    QDir().mkpath(m_home->filePath(QStringLiteral(".alibabacloud")));
    QFile f(m_home->filePath(QStringLiteral(".alibabacloud/credentials")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[default]\ntype = rsa_key_pair\n");
    f.close();
    IniProfileProvider p(context());
    const CredentialResult r = fetch(&p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(QStringLiteral("Use access_key, ecs_ram_role or ram_role_arn.")),
             qPrintable(r.error.message));
}

void TestProfileModes::doctorShowsEveryMode()
{
    const QString cmd = script(QStringLiteral("ok.sh"), "echo '{}'");
    const qint64 valid = m_exp.toSecsSinceEpoch();
    QJsonArray profiles;
    profiles << QJsonObject{{u"name"_s, u"ak"_s},
                            {u"mode"_s, u"AK"_s},
                            {u"access_key_id"_s, u"LTAI5tDoctor01"_s},
                            {u"access_key_secret"_s, secret()}};
    profiles << QJsonObject{{u"name"_s, u"ext"_s}, {u"mode"_s, u"External"_s}, {u"process_command"_s, cmd}};
    profiles << QJsonObject{{u"name"_s, u"ci"_s}, {u"mode"_s, u"OIDC"_s}, {u"oidc_token_file"_s, u"/nonexistent/t"_s}};
    profiles << QJsonObject{{u"name"_s, u"sso"_s},         {u"mode"_s, u"CloudSSO"_s},
                            {u"access_key_id"_s, keyId()}, {u"access_key_secret"_s, secret()},
                            {u"sts_token"_s, token()},     {u"sts_expiration"_s, valid}};
    profiles << QJsonObject{{u"name"_s, u"oa"_s}, {u"mode"_s, u"OAuth"_s}};
    profiles << QJsonObject{{u"name"_s, u"oa2"_s},
                            {u"mode"_s, u"OAuth"_s},
                            {u"oauth_site_type"_s, u"intl"_s},
                            {u"oauth_refresh_token"_s, u"ort.DoctorRefreshTokenValue"_s}};
    profiles << QJsonObject{{u"name"_s, u"bt"_s}, {u"mode"_s, u"BearerToken"_s}};
    writeConfig(profiles);
    CredentialDoctor::Options options;
    options.credentialsFilePath = m_home->filePath(QStringLiteral("absent"));
    CredentialDoctor doctor(context(), options);
    QSignalSpy finished(&doctor, &CredentialDoctor::finished);
    doctor.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const DoctorReport report = finished.first().first().value<DoctorReport>();
    QString detail;
    for (const DoctorCheck& c : report.checks)
        if (c.title == QStringLiteral("aliyun CLI profiles"))
            detail = c.detail;
    for (const QString& expected :
         {QStringLiteral("ak (AK) [current]: long-term AccessKey"), QStringLiteral("ext (External): runs "),
          QStringLiteral("ci (OIDC): OIDC token file"), QStringLiteral("sso (CloudSSO): cached STS credential"),
          QStringLiteral(
              "oa (OAuth): sign-in needed: run `aliyun configure --mode OAuth --oauth-site-type CN --profile oa`"),
          QStringLiteral("oa2 (OAuth): OAuth sign-in (site INTL); RoleDesk renews the STS credential and the sign-in"),
          QStringLiteral("bt (BearerToken) [not supported yet]: mode not supported by RoleDesk")})
        QVERIFY2(detail.contains(expected), qPrintable(detail + QStringLiteral(" // ") + expected));
    QVERIFY(findSecret(report.toText(), secrets() << u"ort.DoctorRefreshTokenValue"_s).isEmpty());
    QVERIFY(!report.toText().contains(keyId()));
}

QTEST_GUILESS_MAIN(TestProfileModes)
#include "test_profilemodes.moc"
