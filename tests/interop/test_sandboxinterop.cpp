// The official Alibaba Cloud npm clients against the sandbox: @alicloud/openapi-client (signature V3),
// @alicloud/pop-core (RPC V1) and @alicloud/credentials (credentials URI). The sandbox runs on a worker
// thread, as the GUI runs it, so this thread may block on the node process.
#include "Sandbox.h"
#include "SecretScanner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class TestSandboxInterop : public QObject
{
    Q_OBJECT

private:
    QThread m_worker;
    Sandbox* m_sandbox = nullptr;
    QUrl m_base;
    QString m_node;
    const QString m_nodeDir = QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/interop/node");

    QJsonObject runNode(const QString& script, const QMap<QString, QString>& env, QString* rawOutput = nullptr,
                        bool expectFailure = false)
    {
        QProcess proc;
        proc.setWorkingDirectory(m_nodeDir);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Loopback only: a proxy from the CI environment must not catch the requests.
        for (const char* proxy : {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"})
            environment.remove(QString::fromLatin1(proxy));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment.insert(it.key(), it.value());
        proc.setProcessEnvironment(environment);
        proc.start(m_node, {script});
        if (!proc.waitForFinished(120000)) {
            proc.kill();
            proc.waitForFinished();
            qWarning("%s did not finish", qPrintable(script));
            return {};
        }
        const QByteArray out = proc.readAllStandardOutput();
        const QByteArray err = proc.readAllStandardError();
        if (rawOutput)
            *rawOutput = QString::fromUtf8(out + err);
        if (proc.exitCode() != 0 && !expectFailure)
            qWarning("%s failed: %s %s", qPrintable(script), out.constData(), err.left(2000).constData());
        return QJsonDocument::fromJson(out.trimmed()).object();
    }

    QMap<QString, QString> adminEnv() const
    {
        return {{u"SANDBOX_ENDPOINT"_s, m_base.authority()},
                {u"SANDBOX_URL"_s, m_base.toString()},
                {u"SANDBOX_AK"_s, m_sandbox->accessKeyId()},
                {u"SANDBOX_SECRET"_s, m_sandbox->accessKeySecret()}};
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_nodeDir + u"/node_modules/@alicloud/openapi-client/package.json"_s) ||
            !QFileInfo::exists(m_nodeDir + u"/node_modules/@alicloud/pop-core/package.json"_s) ||
            !QFileInfo::exists(m_nodeDir + u"/node_modules/@alicloud/credentials/package.json"_s))
            QFAIL(qPrintable(u"The official npm packages are missing in %1/node_modules. Run `npm ci` in %1 "
                             u"(scripts/test.sh does)."_s.arg(QDir::toNativeSeparators(m_nodeDir))));
        m_node = QStandardPaths::findExecutable(u"node"_s);
        if (m_node.isEmpty())
            QFAIL("`node` was not found on PATH; install Node.js to run the interop tests.");

        m_sandbox = new Sandbox;
        m_sandbox->moveToThread(&m_worker);
        connect(&m_worker, &QThread::finished, m_sandbox, &QObject::deleteLater);
        m_worker.start();
        m_base = m_sandbox->start();
        QVERIFY2(m_base.isValid(), qPrintable(m_sandbox->errorString()));
        // These scripts are other clients (one sends parameters in the query on purpose, pop-core sends every
        // parameter there): as tolerant as the gateway, like `sandbox serve` without --strict-placement.
        m_sandbox->engine()->setStrictPlacement(false);
    }

    void cleanupTestCase()
    {
        if (m_sandbox)
            m_sandbox->stop();
        m_worker.quit();
        m_worker.wait(10000);
    }

    void openApiClientV3()
    {
        QString raw;
        const QJsonObject out = runNode(u"sandbox-openapi.js"_s, adminEnv(), &raw);
        QVERIFY2(!out.isEmpty() && !out.contains(u"error"), qPrintable(raw));
        const QJsonObject list = out.value(u"listBody").toObject();
        QCOMPARE(list.value(u"statusCode").toInt(), 200);
        QCOMPARE(list.value(u"totalCount").toInt(), 10); // Keyword "lab"
        QCOMPARE(list.value(u"pageNumber").toInt(), 2);
        QCOMPARE(list.value(u"ids").toArray().size(), 5);
        const QJsonObject all = out.value(u"listAll").toObject();
        QCOMPARE(all.value(u"count").toInt(), 40);
        QCOMPARE(all.value(u"distinct").toInt(), 40);
        const QJsonObject identity = out.value(u"identity").toObject();
        QCOMPARE(identity.value(u"accountId").toString(), m_sandbox->accountId());
        QCOMPARE(identity.value(u"arn").toString(), u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        const QJsonObject wrong = out.value(u"wrongSecret").toObject();
        QCOMPARE(wrong.value(u"code").toString(), u"SignatureDoesNotMatch"_s);
        QCOMPARE(wrong.value(u"statusCode").toInt(), 400);
    }

    void popCoreRpcV1()
    {
        QString raw;
        const QJsonObject out = runNode(u"sandbox-popcore.js"_s, adminEnv(), &raw);
        QVERIFY2(!out.isEmpty() && !out.contains(u"error"), qPrintable(raw));
        QCOMPARE(out.value(u"get").toObject().value(u"identityType").toString(), u"RAMUser"_s);
        QCOMPARE(out.value(u"post").toObject().value(u"arn").toString(),
                 u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        QVERIFY(out.value(u"roles").toArray().contains(u"OpsBreakGlassRole"_s));
        QCOMPARE(out.value(u"wrongSecret").toObject().value(u"code").toString(), u"SignatureDoesNotMatch"_s);
    }

    void credentialsClientReadsTheUri()
    {
        // 700109: chen_jie_features, Running, custom role DataWorksDevRiskAnalyst.
        const QUrl uri = m_sandbox->credentialsUri(u"700109"_s);
        QVERIFY(uri.isValid());
        QString raw;
        const QJsonObject out = runNode(
            u"sandbox-credentials.js"_s,
            {{u"SANDBOX_CREDENTIALS_URI"_s, uri.toString()}, {u"SANDBOX_ENDPOINT"_s, m_base.authority()}}, &raw);
        QVERIFY2(!out.isEmpty() && !out.contains(u"error"), qPrintable(raw));
        QCOMPARE(out.value(u"keyIdPrefix").toString(), u"STS."_s);
        QVERIFY(out.value(u"secretPresent").toBool());
        QVERIFY(out.value(u"tokenLength").toInt() > 500);
        QCOMPARE(out.value(u"identityType").toString(), u"AssumedRoleUser"_s);
        QCOMPARE(out.value(u"arn").toString(),
                 u"acs:ram::1380246718450127:assumed-role/DataWorksDevRiskAnalyst/dw-ide-700109"_s);
        // The scripts print nothing secret.
        SandboxIssuedCredential c;
        QString error;
        QVERIFY(m_sandbox->engine()->currentEnvironmentCredential(u"700109"_s, &c, &error));
        QVERIFY(findSecret(raw, {c.accessKeySecret, c.securityToken, c.accessKeyId}).isEmpty());
    }

    void credentialsClientSeesTheNoRoleError()
    {
        QString raw;
        const QJsonObject out =
            runNode(u"sandbox-credentials.js"_s,
                    {{u"SANDBOX_CREDENTIALS_URI"_s, m_sandbox->credentialsUri(u"700106"_s).toString()},
                     {u"SANDBOX_ENDPOINT"_s, m_base.authority()}},
                    &raw, true);
        QVERIFY2(out.value(u"error").toString().contains(u"httpStatus: 404"_s), qPrintable(raw));
        QVERIFY(out.value(u"error").toString().contains(u"NoRoleAssociated"_s));
    }
};

QTEST_GUILESS_MAIN(TestSandboxInterop)
#include "test_sandboxinterop.moc"
