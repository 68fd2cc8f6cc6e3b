#include "credentials/CredentialContext.h"
#include "credentials/ProfileCredentialProvider.h"

#include "CredentialFixtures.h"
#include "SecretScanner.h"
#include "util/Clock.h"
#include "util/Redaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace CredentialFixtures;

// RoleDesk as a credential source for other tools: the official @alicloud/credentials 2.4.7 (the newest on npm,
// pinned in tests/interop/node) reads an aliyun CLI config.json whose current profile is `mode: External` with
// `roledesk-cli creds process ...` as its process_command, and must get the very credential RoleDesk serves
// (compared by SHA-256 digests; no value is ever printed), the key id `roledesk-cli creds show` reports; and
// RoleDesk's own CLI profile provider, reading the same External profile, must agree.
class TestExternalProcess : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void officialReadsRoleDeskStsCredential();
    void officialReadsRoleDeskAccessKey();
    void officialAndRoleDeskSeeTheFailure();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run runCli(const QStringList& args);
    QJsonObject runNode();
    void writeConfig(const QString& processCommand);
    QString nodeDir() const { return QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node"); }
    static QString sha(const QString& s)
    {
        return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex());
    }
    QProcessEnvironment baseEnvironment() const;

    std::optional<QTemporaryDir> m_home;
};

void TestExternalProcess::initTestCase()
{
    const QString module = nodeDir() + QStringLiteral("/node_modules/@alicloud/credentials/package.json");
    if (!QFileInfo::exists(module))
        QFAIL(qPrintable(QStringLiteral("The official npm packages are missing: run `npm ci` in %1").arg(nodeDir())));
    QFile pkg(module);
    QVERIFY(pkg.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(pkg.readAll()).object().value(QStringLiteral("version")).toString(),
             QStringLiteral("2.4.7"));
    QVERIFY2(QFileInfo(QStringLiteral(ROLEDESK_CLI_EXE)).isExecutable(), ROLEDESK_CLI_EXE);
}

void TestExternalProcess::init()
{
    m_home.emplace();
    QVERIFY(m_home->isValid());
}

QProcessEnvironment TestExternalProcess::baseEnvironment() const
{
    // Only what a user's shell would have, with the home directory moved to the temporary one.
    QProcessEnvironment env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), system.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    env.insert(QStringLiteral("NODE_PATH"), nodeDir() + QStringLiteral("/node_modules"));
    return env;
}

TestExternalProcess::Run TestExternalProcess::runCli(const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(baseEnvironment());
    p.start(QStringLiteral(ROLEDESK_CLI_EXE), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject TestExternalProcess::runNode()
{
    QProcess node;
    node.setWorkingDirectory(nodeDir());
    node.setProcessEnvironment(baseEnvironment());
    node.start(QStringLiteral("node"), {nodeDir() + QStringLiteral("/external-process.js")});
    if (!node.waitForFinished(90000))
        return {};
    const QByteArray out = node.readAllStandardOutput();
    const QByteArray err = node.readAllStandardError();
    if (!err.isEmpty())
        qInfo().noquote() << "node stderr:" << Redaction::redactSecrets(QString::fromUtf8(err), secrets());
    return QJsonDocument::fromJson(out.trimmed()).object();
}

void TestExternalProcess::writeConfig(const QString& processCommand)
{
    QDir().mkpath(m_home->filePath(QStringLiteral(".aliyun")));
    QJsonObject profile{{QStringLiteral("name"), QStringLiteral("rd")},
                        {QStringLiteral("mode"), QStringLiteral("External")},
                        {QStringLiteral("process_command"), processCommand}};
    QJsonObject root{{QStringLiteral("current"), QStringLiteral("rd")},
                     {QStringLiteral("profiles"), QJsonArray{profile}}};
    QFile f(m_home->filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
}

void TestExternalProcess::officialReadsRoleDeskStsCredential()
{
    // A DataWorks-style credentials file, in a directory whose name needs quoting.
    QDir().mkpath(m_home->filePath(QStringLiteral("with space")));
    const QString file = m_home->filePath(QStringLiteral("with space/credentials"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(answer(QDateTime::currentDateTimeUtc().addSecs(3 * 3600)));
    f.close();
    writeConfig(
        QStringLiteral("\"%1\" creds process --source file --file '%2'").arg(QStringLiteral(ROLEDESK_CLI_EXE), file));

    // RoleDesk's own view of the source.
    const Run show = runCli({QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"),
                             QStringLiteral("file"), QStringLiteral("--file"), file, QStringLiteral("--json")});
    QCOMPARE(show.code, 0);
    const QString shownId = QJsonDocument::fromJson(show.out).object().value(QStringLiteral("accessKeyId")).toString();
    QCOMPARE(shownId, Redaction::maskKeyId(keyId()));

    // The official library, through the External profile.
    const QJsonObject node = runNode();
    QVERIFY2(node.value(QStringLiteral("error")).isUndefined(),
             qPrintable(node.value(QStringLiteral("error")).toString()));
    // The default chain names the step that answered ("default/cli_profile").
    QVERIFY2(node.value(QStringLiteral("providerName")).toString().endsWith(QStringLiteral("cli_profile")),
             qPrintable(node.value(QStringLiteral("providerName")).toString()));
    QCOMPARE(node.value(QStringLiteral("keyIdSha")).toString(), sha(keyId()));
    QCOMPARE(node.value(QStringLiteral("secretSha")).toString(), sha(secret()));
    QCOMPARE(node.value(QStringLiteral("tokenSha")).toString(), sha(token()));

    // RoleDesk reading the same External profile (it runs the same command).
    writeConfig(
        QStringLiteral("\"%1\" creds process --source file --file '%2'").arg(QStringLiteral(ROLEDESK_CLI_EXE), file));
    CredentialContext context;
    context.clock = Clock::system();
    context.homePath = m_home->path();
    context.environment = baseEnvironment();
    LogCapture log;
    CliProfileProvider provider(context);
    std::optional<CredentialResult> result;
    provider.fetch([&result](const CredentialResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
    QVERIFY2(result->ok(), qPrintable(result->error.toString()));
    QCOMPARE(result->credential.accessKeyId(), keyId());
    QCOMPARE(result->credential.securityToken(), token());
    QVERIFY(log.findAny(secrets()).isEmpty());
}

void TestExternalProcess::officialReadsRoleDeskAccessKey()
{
    const QString ini = m_home->filePath(QStringLiteral("keys.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[ci]\ntype = access_key\naccess_key_id = LTAI5tInteropExt01\naccess_key_secret = %1\n")
                .arg(secret())
                .toUtf8());
    f.close();
    // The INI file is named through the environment the official library hands down to the command.
    writeConfig(QStringLiteral("%1 creds process --source ini --profile ci").arg(QStringLiteral(ROLEDESK_CLI_EXE)));
    QProcessEnvironment env = baseEnvironment();
    const Run show = [&] {
        QProcess p;
        env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"), ini);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ROLEDESK_CLI_EXE),
                {QStringLiteral("creds"), QStringLiteral("show"), QStringLiteral("--source"), QStringLiteral("ini"),
                 QStringLiteral("--profile"), QStringLiteral("ci"), QStringLiteral("--json")});
        Run r;
        if (p.waitForFinished(60000)) {
            r.code = p.exitCode();
            r.out = p.readAllStandardOutput();
        }
        return r;
    }();
    QCOMPARE(show.code, 0);
    QCOMPARE(QJsonDocument::fromJson(show.out).object().value(QStringLiteral("accessKeyId")).toString(),
             Redaction::maskKeyId(QStringLiteral("LTAI5tInteropExt01")));

    QProcess node;
    node.setWorkingDirectory(nodeDir());
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"), {nodeDir() + QStringLiteral("/external-process.js")});
    QVERIFY(node.waitForFinished(90000));
    const QJsonObject o = QJsonDocument::fromJson(node.readAllStandardOutput().trimmed()).object();
    QVERIFY2(o.value(QStringLiteral("error")).isUndefined(), qPrintable(o.value(QStringLiteral("error")).toString()));
    QCOMPARE(o.value(QStringLiteral("keyIdSha")).toString(), sha(QStringLiteral("LTAI5tInteropExt01")));
    QCOMPARE(o.value(QStringLiteral("secretSha")).toString(), sha(secret()));
    QCOMPARE(o.value(QStringLiteral("tokenSha")).toString(), sha(QString()));
}

void TestExternalProcess::officialAndRoleDeskSeeTheFailure()
{
    // The source has nothing: creds process exits 3 with the reason on stderr and nothing on stdout, and the
    // official library reports a failed command instead of a credential.
    const QString missing = m_home->filePath(QStringLiteral("absent"));
    writeConfig(
        QStringLiteral("%1 creds process --source file --file %2").arg(QStringLiteral(ROLEDESK_CLI_EXE), missing));
    const Run r = runCli({QStringLiteral("creds"), QStringLiteral("process"), QStringLiteral("--source"),
                          QStringLiteral("file"), QStringLiteral("--file"), missing});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    const QJsonObject node = runNode();
    QVERIFY(node.value(QStringLiteral("error")).toString().contains(QStringLiteral("external command")));
}

QTEST_GUILESS_MAIN(TestExternalProcess)
#include "test_externalprocess.moc"
