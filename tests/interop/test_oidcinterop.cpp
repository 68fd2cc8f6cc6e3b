// OIDC, step 2 of the default chain: the official @alicloud/credentials 2.4.7 and RoleDesk read the same
// environment variables and the same token file (issued by the sandbox) against the sandbox's STS
// AssumeRoleWithOIDC, and must agree on who they are (GetCallerIdentity). The official library speaks HTTPS to a
// fixed STS host; its transport alone is redirected to the sandbox (tests/interop/node/oidc-sandbox.js).
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/DefaultCredentialChain.h"

#include "CredentialFixtures.h"
#include "SecretScanner.h"
#include "util/Redaction.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

class TestOidcInterop : public QObject
{
    Q_OBJECT
private slots:
    void bothAssumeTheSameRole();

private:
    QString nodeDir() const { return QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node"); }
};

void TestOidcInterop::bothAssumeTheSameRole()
{
    QVERIFY2(QFileInfo::exists(nodeDir() + u"/node_modules/@alicloud/credentials/package.json"_s),
             "run `npm ci` in tests/interop/node");
    Sandbox sandbox;
    const QUrl base = sandbox.start();
    QVERIFY(base.isValid());
    QVERIFY(sandbox.engine()->trustOidcProvider(u"DataWorksDevRiskAnalyst"_s));
    const QString token = sandbox.engine()->issueOidcToken(u"repo:acme/etl:ref:main"_s);
    QTemporaryDir dir;
    const QString tokenFile = CredentialFixtures::writeOidcTokenFile(dir.filePath(u"oidc-token"_s), token.toUtf8());
    QVERIFY(!tokenFile.isEmpty());

    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"HOME"_s, dir.path());
    env.insert(u"ALIBABA_CLOUD_ECS_METADATA_DISABLED"_s, u"true"_s);
    env.insert(u"ALIBABA_CLOUD_ROLE_ARN"_s, u"acs:ram::"_s + sandbox.accountId() + u":role/DataWorksDevRiskAnalyst"_s);
    env.insert(u"ALIBABA_CLOUD_OIDC_PROVIDER_ARN"_s, sandbox.engine()->oidcProviderArn());
    env.insert(u"ALIBABA_CLOUD_OIDC_TOKEN_FILE"_s, tokenFile);
    env.insert(u"ALIBABA_CLOUD_ROLE_SESSION_NAME"_s, u"interop-oidc"_s);

    // The official library.
    QProcess node;
    QProcessEnvironment nodeEnv = env;
    nodeEnv.insert(u"NODE_PATH"_s, nodeDir() + u"/node_modules"_s);
    nodeEnv.insert(u"SANDBOX_ENDPOINT"_s, base.authority());
    node.setProcessEnvironment(nodeEnv);
    node.setWorkingDirectory(nodeDir());
    node.start(u"node"_s, {nodeDir() + u"/oidc-sandbox.js"_s});
    QVERIFY(node.waitForStarted(30000));
    // Not waitForFinished: the sandbox lives on this thread's event loop.
    QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 90000);
    const QByteArray out = node.readAllStandardOutput();
    const QJsonObject official = QJsonDocument::fromJson(out.trimmed()).object();
    QVERIFY2(official.value(u"error"_s).isUndefined(),
             qPrintable(Redaction::redactSecrets(QString::fromUtf8(out), {token})));
    QVERIFY2(official.value(u"providerName"_s).toString().endsWith(u"oidc_role_arn"_s),
             qPrintable(official.value(u"providerName"_s).toString()));
    QCOMPARE(official.value(u"keyIdPrefix"_s).toString(), u"STS."_s);
    QVERIFY(official.value(u"tokenPresent"_s).toBool());
    // What the official library built before its transport was redirected: HTTPS POST AssumeRoleWithOIDC to STS.
    const QJsonObject first = official.value(u"requests"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"action"_s).toString(), u"AssumeRoleWithOIDC"_s);
    QCOMPARE(first.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(first.value(u"protocol"_s).toString(), u"https"_s);
    QCOMPARE(first.value(u"host"_s).toString(), u"sts.aliyuncs.com"_s);

    // RoleDesk: the same variables, the STS endpoint pointed at the sandbox.
    CredentialContext context;
    context.environment = env;
    context.environment.insert(u"ALIBABA_CLOUD_STS_ENDPOINT"_s, base.toString());
    context.homePath = dir.path();
    LogCapture log;
    DefaultCredentialChain chain(context);
    std::optional<CredentialResult> result;
    chain.fetch([&result](const CredentialResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QVERIFY2(result->ok(), qPrintable(result->error.toString()));
    QCOMPARE(chain.current()->name(), u"oidc"_s);

    Endpoints endpoints(sandbox.region());
    endpoints.setEndpointOverride(base);
    const Credential credential = result->credential;
    ApiClient api(endpoints, [credential] { return credential; });
    StsClient sts(&api);
    bool done = false;
    CallerIdentity identity;
    sts.getCallerIdentity([&](const CallerIdentity& id, const ApiError& error) {
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        identity = id;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(identity.arn, official.value(u"arn"_s).toString());
    QCOMPARE(identity.identityType, official.value(u"identityType"_s).toString());
    QVERIFY(identity.arn.endsWith(u":assumed-role/DataWorksDevRiskAnalyst/interop-oidc"_s));
    QVERIFY(log.findAny({token, credential.accessKeySecret(), credential.securityToken()}).isEmpty());
}

QTEST_GUILESS_MAIN(TestOidcInterop)
#include "test_oidcinterop.moc"
