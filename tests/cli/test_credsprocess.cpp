// roledesk-cli creds process (the aliyun CLI External-mode JSON, exactly) and the global --ca-bundle option,
// in-process: stdout holds the credential and nothing else; failures print nothing there and exit 3; stderr never
// holds a secret.
#include "CliApp.h"
#include "CredentialFixtures.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace CredentialFixtures;

class TestCredsProcess : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void stsCredentialExactJson();
    void accessKeyExactJson();
    void unusableExit3();
    void usageErrors();
    void caBundleOption();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& args);

    MockClock m_clock;
    std::optional<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
};

void TestCredsProcess::init()
{
    m_clock.set(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    m_home.emplace();
    m_env = QProcessEnvironment();
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
}

TestCredsProcess::Run TestCredsProcess::run(const QStringList& args)
{
    CliContext c;
    c.credentials.environment = m_env;
    c.credentials.homePath = m_home->path();
    c.credentials.clock = &m_clock;
    c.credentialsFilePath = m_home->filePath(QStringLiteral("mnt-credentials"));
    CliApp app(c);
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = app.run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

void TestCredsProcess::stsCredentialExactJson()
{
    QFile f(m_home->filePath(QStringLiteral("mnt-credentials")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(answer(m_clock.nowUtc().addSecs(3600)));
    f.close();
    LogCapture log;
    const Run r =
        run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"), QStringLiteral("file")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    // Exactly one line, exactly these fields, in the External-mode names.
    QVERIFY(r.out.endsWith(QLatin1Char('\n')));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.keys(),
             (QStringList{QStringLiteral("access_key_id"), QStringLiteral("access_key_secret"),
                          QStringLiteral("expiration"), QStringLiteral("mode"), QStringLiteral("sts_token")}));
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("StsToken"));
    QCOMPARE(o.value(QStringLiteral("access_key_id")).toString(), keyId());
    QCOMPARE(o.value(QStringLiteral("access_key_secret")).toString(), secret());
    QCOMPARE(o.value(QStringLiteral("sts_token")).toString(), token());
    QCOMPARE(o.value(QStringLiteral("expiration")).toString(), QStringLiteral("2026-01-01T13:00:00Z"));
    QVERIFY(log.findAny(secrets()).isEmpty());
}

void TestCredsProcess::accessKeyExactJson()
{
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tProcess0001"));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    const Run r =
        run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"), QStringLiteral("env")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("{\"access_key_id\":\"LTAI5tProcess0001\",\"access_key_secret\":\"%1\","
                                   "\"mode\":\"AK\"}\n")
                        .arg(secret()));
}

void TestCredsProcess::unusableExit3()
{
    // Nothing there, and an expired credential: stdout stays empty, the reason goes to stderr.
    Run r =
        run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"), QStringLiteral("file")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(QStringLiteral("Credentials unusable")));

    QFile f(m_home->filePath(QStringLiteral("mnt-credentials")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(answer(m_clock.nowUtc().addSecs(-60)));
    f.close();
    r = run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"), QStringLiteral("file")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(findSecret(r.err, secrets()).isEmpty());
}

void TestCredsProcess::usageErrors()
{
    Run r = run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"), QStringLiteral("x")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    r = run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("extra")});
    QCOMPARE(r.code, 2);
    r = run({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--source")));
    r = run({QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("creds process")));
}

void TestCredsProcess::caBundleOption()
{
    // A bundle that cannot be used stops the command before anything else (usage error for the option,
    // failure for $SSL_CERT_FILE), naming the file.
    const QString missing = m_home->filePath(QStringLiteral("corp.pem"));
    Run r = run({QStringLiteral("--ca-bundle"), missing, QStringLiteral("creds"), QStringLiteral("show")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot read the CA bundle")) && r.err.contains(missing), qPrintable(r.err));
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--ca-bundle=") + missing});
    QCOMPARE(r.code, 2);
    m_env.insert(QStringLiteral("SSL_CERT_FILE"), missing);
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("env")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(missing));
    // A good bundle is taken, and the option is not seen by the command's own parser.
    m_env.remove(QStringLiteral("SSL_CERT_FILE"));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tProcess0001"));
    m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    r = run({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("env"),
             QStringLiteral("--ca-bundle"), QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/data/tls/ca.pem")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCredsProcess)
#include "test_credsprocess.moc"
