#include "credentials/CredentialDoctor.h"

#include "CredentialFixtures.h"
#include "MockClock.h"
#include "SecretScanner.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CredentialFixtures;

class TestDoctor : public QObject
{
    Q_OBJECT
private slots:
    void reportsEverySource();
    void nothingUsable();

private:
    DoctorReport runDoctor(const CredentialContext& context, const QString& filePath);
    MockClock m_clock;
};

DoctorReport TestDoctor::runDoctor(const CredentialContext& context, const QString& filePath)
{
    CredentialDoctor::Options options;
    options.credentialsFilePath = filePath;
    CredentialDoctor doctor(context, options);
    QSignalSpy finished(&doctor, &CredentialDoctor::finished);
    doctor.run();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000); }();
    return finished.isEmpty() ? DoctorReport() : finished.first().first().value<DoctorReport>();
}

static const DoctorCheck* find(const DoctorReport& report, const QString& title)
{
    for (const DoctorCheck& c : report.checks) {
        if (c.title == title)
            return &c;
    }
    return nullptr;
}

void TestDoctor::reportsEverySource()
{
    QTemporaryDir home;
    QDir().mkpath(home.filePath(QStringLiteral(".aliyun")));
    QDir().mkpath(home.filePath(QStringLiteral(".alibabacloud")));
    QFile cli(home.filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(cli.open(QIODevice::WriteOnly));
    cli.write(QByteArrayLiteral("{\"current\":\"dev\",\"profiles\":[{\"name\":\"dev\",\"mode\":\"AK\"},"
                                "{\"name\":\"ops\",\"mode\":\"RamRoleArn\"}]}"));
    cli.close();
    QFile ini(home.filePath(QStringLiteral(".alibabacloud/credentials")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QByteArrayLiteral("[default]\ntype = access_key\n[r]\ntype = ram_role_arn\n"));
    ini.close();
    QFile file(home.filePath(QStringLiteral("creds")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(answer(m_clock.nowUtc().addSecs(3600), QString()));
    file.close();

    CredentialContext c;
    c.clock = &m_clock;
    c.homePath = home.path();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), keyId());
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret());
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"), QStringLiteral("a"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"), QStringLiteral("b"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), QStringLiteral("c"));
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    LogCapture log;
    const DoctorReport r = runDoctor(c, home.filePath(QStringLiteral("creds")));
    QVERIFY(r.anySourceUsable);
    QVERIFY(r.insideDataWorks);
    QVERIFY(find(r, QStringLiteral("Environment AccessKey"))->detail.contains(QStringLiteral("STS.****Ab7")));
    QCOMPARE(find(r, QStringLiteral("OIDC role"))->status, DoctorCheck::Status::Warning);
    const QString cliDetail = find(r, QStringLiteral("aliyun CLI profiles"))->detail;
    QVERIFY2(cliDetail.contains(QStringLiteral("dev (AK) [current]")), qPrintable(cliDetail));
    QVERIFY(cliDetail.contains(QStringLiteral("ops (RamRoleArn) [not supported yet]")));
    QVERIFY(find(r, QStringLiteral("INI profiles"))->detail.contains(QStringLiteral("default (access_key)")));
    QVERIFY(find(r, QStringLiteral("ECS RAM role"))->detail.contains(QStringLiteral("Disabled")));
    QCOMPARE(find(r, QStringLiteral("Credentials file"))->status, DoctorCheck::Status::Ok);
    const QString text = r.toText();
    QVERIFY(findSecret(text, secrets()).isEmpty());
    QVERIFY(!text.contains(keyId()));
    QVERIFY(log.findAny(secrets()).isEmpty());
}

void TestDoctor::nothingUsable()
{
    QTemporaryDir home;
    CredentialContext c;
    c.clock = &m_clock;
    c.homePath = home.path();
    c.environment.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"), QStringLiteral("http://127.0.0.1:1/none"));
    const DoctorReport r = runDoctor(c, home.filePath(QStringLiteral("absent")));
    QVERIFY(!r.anySourceUsable);
    QVERIFY(!r.insideDataWorks);
    QCOMPARE(find(r, QStringLiteral("Credentials URI"))->status, DoctorCheck::Status::Problem);
    QVERIFY(r.explanation.contains(QStringLiteral("No usable credentials")));
    QVERIFY(r.explanation.contains(QStringLiteral("RamRoleArn profile")));
    QVERIFY(r.explanation.contains(QStringLiteral("roledesk-cli serve")));
}

QTEST_GUILESS_MAIN(TestDoctor)
#include "test_doctor.moc"
