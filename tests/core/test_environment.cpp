#include "SecretScanner.h"
#include "model/Environment.h"
#include "util/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject loadFixture(const QString& name)
{
    QFile file(QStringLiteral(ROLEDESK_TEST_DATA_DIR "/model/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The recognisable STS values the fixture plants in CredentialConfig...UserInfo.
QStringList fixtureSecrets()
{
    return {QStringLiteral("FIXTUREleaked"),
            QStringLiteral("STS.FIXTUREleakedKeyId0001"),
            QStringLiteral("CAISFIXTUREleakedSecurityToken0001xyz"),
            QStringLiteral("FIXTUREleakedAccessKeySecret0001"),
            QStringLiteral("STS.FIXTUREleakedKeyId0002"),
            QStringLiteral("CAISFIXTUREleakedSecurityToken0002xyz")};
}

// Every field of the model as text, so a secret hiding in any of them is found.
QString dumpAllFields(const Environment& e)
{
    QStringList parts{e.instanceId,
                      e.instanceName,
                      e.statusText,
                      EnvironmentStatuses::toString(e.status),
                      QString::number(e.projectId),
                      e.projectName,
                      e.resourceGroupId,
                      e.resourceGroupName,
                      e.ownerId,
                      e.imageId,
                      e.imageName,
                      e.imageUrl,
                      QString::number(e.cu),
                      e.failReason,
                      e.createTime.toString(Qt::ISODateWithMs),
                      e.updateTime.toString(Qt::ISODateWithMs),
                      e.userVpc.vpcId,
                      e.userVpc.vSwitchId,
                      e.userVpc.securityGroupId,
                      e.role.toString(),
                      e.role.roleArn(),
                      e.role.description(),
                      e.role.displayText(),
                      e.role.toCredentialConfigJson()};
    for (const Dataset& d : e.datasets)
        parts << d.identifier << d.mountPath << d.uri;
    QString debugText;
    QDebug(&debugText) << e;
    parts << debugText;
    return parts.join(QLatin1Char('\n'));
}
} // namespace

class TestEnvironment : public QObject
{
    Q_OBJECT
private slots:
    void parsesEveryFieldOfAListInstance()
    {
        const QList<Environment> list =
            Environment::listFromAnswer(loadFixture(QStringLiteral("list_instances_with_secrets.json")));
        QCOMPARE(list.size(), 4);
        const Environment& e = list.at(0);
        QCOMPARE(e.instanceId, QStringLiteral("699573"));
        QCOMPARE(e.instanceName, QStringLiteral("notebook_dev"));
        QCOMPARE(e.status, EnvironmentStatus::Running);
        QCOMPARE(e.statusText, QStringLiteral("Running"));
        QCOMPARE(e.projectId, qint64(10000));
        QCOMPARE(e.projectName, QStringLiteral("example_project"));
        QCOMPARE(e.resourceGroupId, QStringLiteral("9876543210"));
        QCOMPARE(e.resourceGroupName, QStringLiteral("serverless_group"));
        QCOMPARE(e.ownerId, QStringLiteral("209332215761420001"));
        QCOMPARE(e.imageId, QStringLiteral("System_serveride_notebook_20240822"));
        QCOMPARE(e.imageName, QStringLiteral("serveride_notebook"));
        QCOMPARE(e.imageUrl, QStringLiteral("registry.cn-hangzhou.aliyuncs.com/example/serveride:latest"));
        QCOMPARE(e.cu, 10.0);
        QCOMPARE(e.failReason, QString());
        QCOMPARE(e.createTimeMs, qint64(1756000000000));
        QCOMPARE(e.updateTimeMs, qint64(1756003600123));
        QCOMPARE(e.createTime, QDateTime(QDate(2025, 8, 24), QTime(1, 46, 40), Qt::UTC));
        QCOMPARE(e.updateTime.timeSpec(), Qt::UTC);
        QCOMPARE(e.updateTime.toMSecsSinceEpoch(), qint64(1756003600123));
        QCOMPARE(e.userVpc, (UserVpc{QStringLiteral("vpc-abc"), QStringLiteral("vsw-def"), QStringLiteral("sg-ghi")}));
        QCOMPARE(e.datasets.size(), 1);
        QCOMPARE(e.datasets.at(0), (Dataset{QStringLiteral("d-001"), QStringLiteral("/mnt/data"), true,
                                            QStringLiteral("oss://bucket/data")}));
        QCOMPARE(e.role, RoleAssociation::customRole(QStringLiteral("acs:ram::1234567890123456:role/DataWorksRole")));
        QCOMPARE(e.role.roleArn(), QStringLiteral("acs:ram::1234567890123456:role/DataWorksRole"));
    }

    void toleratesTypeVariants()
    {
        const QList<Environment> list =
            Environment::listFromAnswer(loadFixture(QStringLiteral("list_instances_with_secrets.json")));
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(1).resourceGroupId, QStringLiteral("S_res_group_524258031846018_1684302786877"));
        QCOMPARE(list.at(1).cu, 2.5);
        QVERIFY(list.at(1).role.isDataWorksDefault());
        QCOMPARE(list.at(2).status, EnvironmentStatus::Deleted);
        QVERIFY(list.at(2).role.isNone());
        QVERIFY(list.at(2).userVpc.isEmpty());
        // String project id, a large numeric owner id, a status newer than this build.
        QCOMPARE(list.at(3).projectId, qint64(10002));
        QCOMPARE(list.at(3).ownerId, QStringLiteral("209332215761420004"));
        QCOMPARE(list.at(3).status, EnvironmentStatus::Unknown);
        QCOMPARE(list.at(3).statusText, QStringLiteral("Hibernating"));
        QCOMPARE(list.at(3).statusDisplayText(), QStringLiteral("Hibernating"));
        QCOMPARE(list.at(2).statusDisplayText(), EnvironmentStatuses::displayName(EnvironmentStatus::Deleted));
        // The API's "DELETED" is shown as people read it (the GUI and the CLI's text tables), never as sent.
        QCOMPARE(list.at(2).statusText, QStringLiteral("DELETED"));
        QCOMPARE(list.at(2).statusDisplayText(), QStringLiteral("Deleted"));
        // A known status whatever its spelling in the answer; Unknown without any text says "Unknown".
        Environment e;
        e.status = EnvironmentStatus::Arrearage;
        e.statusText = QStringLiteral("Arrearage");
        QCOMPARE(e.statusDisplayText(), QStringLiteral("Overdue payment"));
        e.status = EnvironmentStatus::Unknown;
        e.statusText.clear();
        QCOMPARE(e.statusDisplayText(), QStringLiteral("Unknown"));
        QCOMPARE(list.at(3).failReason, QStringLiteral("image pull failed"));
        QVERIFY(list.at(3).role.isUnknown());
        QVERIFY(list.at(3).role.description().contains(QLatin1String("2")));
    }

    void parsesGetAnswerAndNestedJsonStrings()
    {
        QJsonObject instance;
        instance.insert(QStringLiteral("InstanceId"), 7);
        instance.insert(QStringLiteral("Status"), QStringLiteral("running"));
        instance.insert(QStringLiteral("UserVpc"), QStringLiteral("{\"VpcId\":\"vpc-1\"}"));
        instance.insert(QStringLiteral("Datasets"), QStringLiteral("[{\"Identifier\":\"d\",\"ReadOnly\":\"true\"}]"));
        instance.insert(QStringLiteral("CredentialConfig"),
                        QStringLiteral("{\"Enable\":true,\"Configs\":[{\"Key\":\"0\",\"Type\":\"RoleChain\"}]}"));
        QJsonObject answer;
        answer.insert(QStringLiteral("Instance"), instance);
        const Environment e = Environment::fromGetAnswer(answer);
        QCOMPARE(e.instanceId, QStringLiteral("7"));
        QCOMPARE(e.status, EnvironmentStatus::Running);
        QCOMPARE(e.userVpc.vpcId, QStringLiteral("vpc-1"));
        QCOMPARE(e.datasets.size(), 1);
        QVERIFY(e.datasets.at(0).readOnly);
        QVERIFY(e.role.isDataWorksDefault());
        QVERIFY(!e.createTime.isValid());
        QCOMPARE(e.createTimeMs, qint64(0));
    }

    void statusStringsRoundTrip()
    {
        const QList<EnvironmentStatus> all = EnvironmentStatuses::all();
        QCOMPARE(all.size(), 13);
        for (EnvironmentStatus s : all) {
            const QString text = EnvironmentStatuses::toString(s);
            QCOMPARE(EnvironmentStatuses::fromString(text), s);
            QVERIFY(!EnvironmentStatuses::displayName(s).isEmpty());
        }
        QCOMPARE(EnvironmentStatuses::toString(EnvironmentStatus::Deleted), QStringLiteral("DELETED"));
        QCOMPARE(EnvironmentStatuses::fromString(QStringLiteral("deleted")), EnvironmentStatus::Deleted);
        QCOMPARE(EnvironmentStatuses::fromString(QStringLiteral("SaveFailed")), EnvironmentStatus::SaveFailed);
        QCOMPARE(EnvironmentStatuses::fromString(QStringLiteral("nope")), EnvironmentStatus::Unknown);
        QCOMPARE(EnvironmentStatuses::toString(EnvironmentStatus::Unknown), QStringLiteral("Unknown"));
    }

    void conflictCheckUsesRawUpdateTime()
    {
        Environment shown;
        shown.instanceId = QStringLiteral("1");
        shown.updateTimeMs = 1756003600123;
        Environment reread = shown;
        QVERIFY(!shown.changedSince(reread));
        reread.updateTimeMs += 1; // one millisecond is a change
        QVERIFY(shown.changedSince(reread));
    }

    void stsSecretsReachNoModelFieldLogOrJson()
    {
        LogCapture capture;
        const QJsonObject answer = loadFixture(QStringLiteral("list_instances_with_secrets.json"));
        // Sanity: the fixture really carries the secrets.
        QVERIFY(!findSecret(QString::fromUtf8(QJsonDocument(answer).toJson()), fixtureSecrets()).isEmpty());

        const QList<Environment> list = Environment::listFromAnswer(answer);
        QCOMPARE(list.size(), 4);
        for (const Environment& e : list) {
            qCDebug(lcModel) << "parsed" << e;
            qCInfo(lcModel) << e.role;
            const QString dump = dumpAllFields(e);
            const QString found = findSecret(dump, fixtureSecrets());
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("secret in model of %1: %2").arg(e.instanceId, found)));

            // Re-serialisation: the CredentialConfig RoleDesk would send back carries only the role.
            const QString json = e.role.toCredentialConfigJson();
            QVERIFY2(findSecret(json, fixtureSecrets()).isEmpty(), "secret in re-serialised CredentialConfig");
            QVERIFY(!json.contains(QLatin1String("UserInfo")));
            QVERIFY(!json.contains(QLatin1String("SecurityToken")));
        }
        QVERIFY(!capture.lines().isEmpty());
        QVERIFY2(capture.findAny(fixtureSecrets()).isEmpty(), "secret in a log line");
    }

    void workspaceFromJson()
    {
        QJsonObject o;
        o.insert(QStringLiteral("Id"), 10000);
        o.insert(QStringLiteral("Name"), QStringLiteral("example_project"));
        o.insert(QStringLiteral("DisplayName"), QStringLiteral("Example"));
        o.insert(QStringLiteral("Owner"), QStringLiteral("209332215761420001"));
        o.insert(QStringLiteral("Status"), QStringLiteral("Available"));
        o.insert(QStringLiteral("DevEnvironmentEnabled"), true);
        o.insert(QStringLiteral("DevRoleDisabled"), false);
        o.insert(QStringLiteral("Description"), QStringLiteral("demo"));
        const Workspace w = Workspace::fromJson(o);
        QCOMPARE(w.id, qint64(10000));
        QCOMPARE(w.name, QStringLiteral("example_project"));
        QCOMPARE(w.displayName, QStringLiteral("Example"));
        QCOMPARE(w.owner, QStringLiteral("209332215761420001"));
        QCOMPARE(w.status, QStringLiteral("Available"));
        QVERIFY(w.devEnvironmentEnabled);
        QVERIFY(!w.devRoleDisabled);
        QCOMPARE(w.description, QStringLiteral("demo"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "test_environment.moc"
