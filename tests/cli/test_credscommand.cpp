#include "CliApp.h"

#include "CredentialFixtures.h"
#include "LoopbackHttpServer.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace CredentialFixtures;

// roledesk-cli creds show / creds doctor run in-process: exit codes, the JSON contract field by field, text
// output, and no secret in any output.
class TestCredsCommand : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void showJsonGood();
    void showJsonRefreshDue();
    void showJsonFailed_data();
    void showJsonFailed();
    void showTextGood();
    void showFileAndEnvAndProfile();
    void showChainFromEnvironment();
    void doctorOutsideDataWorks();
    void doctorInsideDataWorks();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& args);
    CliContext context() const;
    void assertNoLeak(const Run& r);

    MockClock m_clock;
    std::optional<QTemporaryDir> m_home;
    LoopbackHttpServer* m_server = nullptr;
    QProcessEnvironment m_env;
    LogCapture* m_log = nullptr;
};

void TestCredsCommand::init()
{
    m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    m_home.emplace();
    m_server = new LoopbackHttpServer(this);
    m_env = QProcessEnvironment();
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    m_log = new LogCapture;
}

void TestCredsCommand::cleanup()
{
    delete m_log;
    m_log = nullptr;
    delete m_server;
    m_server = nullptr;
    m_home.reset();
}

CliContext TestCredsCommand::context() const
{
    CliContext c;
    c.credentials.environment = m_env;
    c.credentials.homePath = m_home->path();
    c.credentials.clock = &m_clock;
    c.credentials.ecsMetadataBaseUrl = m_server->url(QString());
    c.credentialsFilePath = m_home->filePath(QStringLiteral("mnt-credentials"));
    return c;
}

TestCredsCommand::Run TestCredsCommand::run(const QStringList& args)
{
    CliApp app(context());
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = app.run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

void TestCredsCommand::assertNoLeak(const Run& r)
{
    QVERIFY2(findSecret(r.out, secrets()).isEmpty(), "secret on stdout");
    QVERIFY2(findSecret(r.err, secrets()).isEmpty(), "secret on stderr");
    QVERIFY2(m_log->findAny(secrets()).isEmpty(), "secret in log");
    QVERIFY2(!r.out.contains(keyId()) && !r.err.contains(keyId()), "unmasked key id");
}

void TestCredsCommand::versionAndHelp()
{
    Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("roledesk-cli %1\n").arg(QLatin1String(ROLEDESK_VERSION)));
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("creds show")));
    QVERIFY(r.out.contains(QStringLiteral("creds doctor")));
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--source")));
    QVERIFY(r.out.contains(QStringLiteral("--json")));
}

void TestCredsCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("group only") << QStringList{QStringLiteral("creds")};
    QTest::newRow("unknown sub-command") << QStringList{QStringLiteral("creds"), QStringLiteral("eat")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("creds"), QStringLiteral("show"),
                                                   QStringLiteral("--nope")};
    QTest::newRow("bad source") << QStringList{QStringLiteral("creds"), QStringLiteral("show"),
                                               QStringLiteral("--source"), QStringLiteral("moon")};
    QTest::newRow("uri with file source")
        << QStringList{QStringLiteral("creds"), QStringLiteral("show"),  QStringLiteral("--source"),
                       QStringLiteral("file"),  QStringLiteral("--uri"), QStringLiteral("http://127.0.0.1:1/x")};
    QTest::newRow("stray argument") << QStringList{QStringLiteral("creds"), QStringLiteral("show"),
                                                   QStringLiteral("extra")};
    QTest::newRow("missing value") << QStringList{QStringLiteral("creds"), QStringLiteral("show"),
                                                  QStringLiteral("--uri")};
}

void TestCredsCommand::usageErrors()
{
    QFETCH(QStringList, args);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestCredsCommand::showJsonGood()
{
    const QDateTime exp = m_clock.nowUtc().addSecs(3 * 3600);
    m_server->setResponse(QStringLiteral("/creds"), 200, answer(exp));
    const Run r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--uri"),
                       m_server->url(QStringLiteral("/creds")).toString(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.endsWith(QLatin1Char('\n')));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(o.keys().size(), 6);
    QVERIFY(
        o.value(QStringLiteral("source")).toString().startsWith(QStringLiteral("credentials URI http://127.0.0.1:")));
    QCOMPARE(o.value(QStringLiteral("accessKeyId")).toString(), QStringLiteral("STS.****Ab7"));
    QCOMPARE(o.value(QStringLiteral("expiration")).toString(), utc(exp));
    QCOMPARE(o.value(QStringLiteral("secondsLeft")).toInteger(), 3 * 3600);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("fresh"));
    QVERIFY(o.value(QStringLiteral("error")).isNull());
    assertNoLeak(r);
}

void TestCredsCommand::showJsonRefreshDue()
{
    m_server->setResponse(QStringLiteral("/creds"), 200, answer(m_clock.nowUtc().addSecs(600)));
    const Run r =
        run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("uri"),
             QStringLiteral("--uri"), m_server->url(QStringLiteral("/creds")).toString(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("refresh-due"));
    QCOMPARE(o.value(QStringLiteral("secondsLeft")).toInteger(), 600);
}

void TestCredsCommand::showJsonFailed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QDateTime exp(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC);
    QTest::newRow("500") << 500 << answer(exp) << QStringLiteral("HTTP status 500");
    QTest::newRow("Code not Success") << 200 << answer(exp, QStringLiteral("Denied")) << QStringLiteral("\"Denied\"");
    QTest::newRow("already expired") << 200 << answer(exp.addDays(-1)) << QStringLiteral("already expired");
}

void TestCredsCommand::showJsonFailed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    m_server->setResponse(QStringLiteral("/creds"), status, body);
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), m_server->url(QStringLiteral("/creds")).toString());
    const Run r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"),
                       QStringLiteral("uri"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QVERIFY(o.value(QStringLiteral("accessKeyId")).isNull());
    QVERIFY(o.value(QStringLiteral("expiration")).isNull());
    QVERIFY(o.value(QStringLiteral("secondsLeft")).isNull());
    QVERIFY2(o.value(QStringLiteral("error")).toString().contains(expected), qPrintable(r.out));
    QVERIFY(r.err.contains(expected));
    assertNoLeak(r);
}

void TestCredsCommand::showTextGood()
{
    const QDateTime exp = m_clock.nowUtc().addSecs(2 * 3600 + 5 * 60);
    m_server->setResponse(QStringLiteral("/creds"), 200, answer(exp));
    const Run r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--uri"),
                       m_server->url(QStringLiteral("/creds")).toString()});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("STS.****Ab7")));
    QVERIFY(r.out.contains(QStringLiteral("(2026-01-01 14:05:00 UTC)")));
    QVERIFY(r.out.contains(exp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(r.out.contains(QStringLiteral("2h 05m")));
    QVERIFY(r.out.contains(QStringLiteral("Fresh")));
    assertNoLeak(r);
}

void TestCredsCommand::showFileAndEnvAndProfile()
{
    QFile f(m_home->filePath(QStringLiteral("mnt-credentials")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(answer(m_clock.nowUtc().addSecs(3600), QString()));
    f.close();
    Run r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("file"),
                 QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8())
                .object()
                .value(QStringLiteral("source"))
                .toString()
                .contains(QStringLiteral("mnt-credentials")));
    assertNoLeak(r);

    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--file"),
             m_home->filePath(QStringLiteral("absent")), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("does not exist")));

    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tEnvKey00001"));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("env"),
             QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("accessKeyId")).toString(), QStringLiteral("LTAI****001"));
    QVERIFY(o.value(QStringLiteral("expiration")).isNull());
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("fresh"));
    assertNoLeak(r);

    QDir().mkpath(m_home->filePath(QStringLiteral(".aliyun")));
    QFile cfg(m_home->filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QByteArrayLiteral("{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"AK\",\"access_key_id\":"
                                "\"LTAI5tProfA000001\",\"access_key_secret\":\"x1x2x3x4\"},{\"name\":\"r\",\"mode\":"
                                "\"RamRoleArn\"}]}"));
    cfg.close();
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--profile"), QStringLiteral("a"),
             QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--profile"), QStringLiteral("r")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("not supported yet")));
    QVERIFY(r.out.contains(QStringLiteral("Failed")));
}

void TestCredsCommand::showChainFromEnvironment()
{
    m_server->setResponse(QStringLiteral("/c"), 200, answer(m_clock.nowUtc().addSecs(3600)));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), m_server->url(QStringLiteral("/c")).toString());
    Run r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8())
                .object()
                .value(QStringLiteral("source"))
                .toString()
                .startsWith(QStringLiteral("credentials URI")));
    m_env.remove(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"));
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("No provider in the chain")));
    QVERIFY(r.err.contains(QStringLiteral("[env]")));
    QVERIFY(r.err.contains(QStringLiteral("[ini]")));
}

void TestCredsCommand::doctorOutsideDataWorks()
{
    const Run r = run({QStringLiteral("creds"), QStringLiteral("doctor")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.contains(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI is not set")));
    QVERIFY(r.out.contains(QStringLiteral("does not exist")));
    QVERIFY(r.out.contains(QStringLiteral("only inside a DataWorks individual development environment")));
    QVERIFY(r.out.contains(QStringLiteral("roledesk-cli serve")));
    QVERIFY(r.out.contains(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true")));
}

void TestCredsCommand::doctorInsideDataWorks()
{
    m_server->setResponse(QStringLiteral("/c"), 200, answer(m_clock.nowUtc().addSecs(3600)));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), m_server->url(QStringLiteral("/c")).toString());
    QFile f(m_home->filePath(QStringLiteral("mnt-credentials")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{broken");
    f.close();
    const Run r = run({QStringLiteral("creds"), QStringLiteral("doctor")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("[ok] Credentials URI")));
    QVERIFY(r.out.contains(QStringLiteral("STS.****Ab7")));
    QVERIFY(r.out.contains(QStringLiteral("[fail] Credentials file")));
    QVERIFY(r.out.contains(QStringLiteral("This looks like a DataWorks individual development environment")));
    assertNoLeak(r);
}

QTEST_GUILESS_MAIN(TestCredsCommand)
#include "test_credscommand.moc"
