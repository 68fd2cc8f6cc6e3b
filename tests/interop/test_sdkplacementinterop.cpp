// The official @alicloud/openapi-client sends UpdateServerIdeInstance as the official DataWorks SDK does (InstanceId in
// the query string); a strict sandbox accepts it, refuses the same with InstanceId in the body, and `roledesk-cli envs
// show` reads the stored configuration back as written.
#include "../cli/CliSandboxFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSdkPlacementInterop : public QObject
{
    Q_OBJECT
    QString m_nodeDir = QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node");

private slots:
    void sdkStyleUpdateIsAcceptedAndReadBack()
    {
        if (!QFileInfo::exists(m_nodeDir + u"/node_modules/@alicloud/openapi-client/package.json"_s))
            QFAIL(qPrintable(u"The official npm packages are missing in %1/node_modules. Run `npm ci` there "
                             u"(scripts/test.sh does)."_s.arg(QDir::toNativeSeparators(m_nodeDir))));
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        if (node.isEmpty())
            QFAIL("`node` was not found on PATH; install Node.js to run the interop tests.");
        CliSandboxFixture fixture;
        QVERIFY(fixture.start());
        QVERIFY(fixture.sandbox()->engine()->strictPlacement()); // RoleDesk's own sandboxes are strict

        // A custom role restricted by a session policy, keys in alphabetical order as the SDK serialises the model.
        const QString config = QStringLiteral(
            "{\"AliyunEnvRoleKey\":\"0\",\"Configs\":[{\"Key\":\"0\",\"Roles\":[{\"AssumeRoleFor\":"
            "\"1380246718450127\","
            "\"Policy\":\"{\\\"Version\\\":\\\"1\\\"}\",\"RoleArn\":\"acs:ram::1380246718450127:role/"
            "DataWorksDevRetailReader\",\"RoleType\":\"service\"}],\"Type\":\"Role\"}],\"Enable\":true}");
        QProcess proc;
        proc.setWorkingDirectory(m_nodeDir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* proxy : {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"})
            env.remove(QString::fromLatin1(proxy));
        env.insert(u"SANDBOX_ENDPOINT"_s, fixture.endpoint().authority());
        env.insert(u"SANDBOX_AK"_s, fixture.sandbox()->accessKeyId());
        env.insert(u"SANDBOX_SECRET"_s, fixture.sandbox()->accessKeySecret());
        env.insert(u"INSTANCE_ID"_s, u"700104"_s);
        env.insert(u"CREDENTIAL_CONFIG"_s, config);
        proc.setProcessEnvironment(env);
        proc.start(node, {u"sandbox-sdk-update.js"_s});
        // The sandbox answers on this thread: keep the event loop running while node works.
        QTRY_VERIFY_WITH_TIMEOUT(proc.state() == QProcess::NotRunning, 120000);
        const QByteArray raw = proc.readAllStandardOutput() + proc.readAllStandardError();
        const QJsonObject out = QJsonDocument::fromJson(raw.trimmed()).object();
        QVERIFY2(!out.isEmpty() && !out.contains(u"error"), raw.constData());
        QCOMPARE(out.value(u"sdkStyle").toObject().value(u"statusCode").toInt(), 200);
        QCOMPARE(out.value(u"sdkStyle").toObject().value(u"instanceId").toString(), u"700104"_s);
        const QJsonObject misplaced = out.value(u"misplaced").toObject();
        QCOMPARE(misplaced.value(u"code").toString(), u"MissingParameter"_s);
        QVERIFY2(misplaced.value(u"message").toString().contains(u"InstanceId"_s), raw.constData());

        // roledesk-cli reads it back: the custom role, restricted by its session policy.
        const CliRun show = fixture.run({u"envs"_s, u"show"_s, u"700104"_s, u"--json"_s});
        QCOMPARE(show.code, 0);
        const QJsonObject role = show.object().value(u"role").toObject();
        QCOMPARE(role.value(u"kind").toString(), u"custom"_s);
        QCOMPARE(role.value(u"arn").toString(), u"acs:ram::1380246718450127:role/DataWorksDevRetailReader"_s);
        QCOMPARE(role.value(u"sessionPolicy").toString(), u"{\"Version\":\"1\"}"_s);
    }
};

QTEST_GUILESS_MAIN(TestSdkPlacementInterop)
#include "test_sdkplacementinterop.moc"
