// roledesk-cli envs list / envs show against an in-process sandbox: the JSON contract field by field, filters,
// visibility from RoleDesk's records, exit codes, global options before the command, and no secret in any output.
#include "CliSandboxFixture.h"

using namespace Qt::StringLiterals;

class TestEnvsCommand : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_fx = std::make_unique<CliSandboxFixture>();
        QVERIFY(m_fx->start());
    }
    void cleanup()
    {
        QVERIFY2(m_log->findAny(m_fx->secrets()).isEmpty(), "a secret reached the log");
        m_fx.reset();
        m_log.reset();
    }

    void listJsonFieldByField()
    {
        QVERIFY(m_fx->importSandboxVisibility());
        const CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        const QJsonArray array = r.array();
        QCOMPARE(array.size(), 40);
        QJsonObject first;
        for (const QJsonValue& v : array)
            if (v[u"instanceId"_s].toString() == u"700101"_s)
                first = v.toObject();
        QCOMPARE(first[u"name"_s].toString(), u"li_wei_notebook"_s);
        QCOMPARE(first[u"status"_s].toString(), u"Running"_s);
        QCOMPARE(first[u"projectId"_s].toInteger(), 10001);
        QCOMPARE(first[u"projectName"_s].toString(), u"retail_dw"_s);
        QCOMPARE(first[u"ownerId"_s].toString(), u"209332215761427301"_s);
        QCOMPARE(first[u"visibility"_s].toString(), u"private"_s);
        QCOMPARE(first[u"role"_s][u"kind"_s].toString(), u"default"_s);
        QVERIFY(first[u"role"_s][u"arn"_s].isNull());
        QCOMPARE(first[u"updateTime"_s].toString(), u"2026-11-01T08:15:00Z"_s);
        QVERIFY(first[u"updateTimeMs"_s].toDouble() > 0);
        // A custom role carries its ARN.
        for (const QJsonValue& v : array) {
            if (v[u"instanceId"_s].toString() == u"700102"_s) {
                QCOMPARE(v[u"role"_s][u"kind"_s].toString(), u"custom"_s);
                QVERIFY(v[u"role"_s][u"arn"_s].toString().startsWith(u"acs:ram::1380246718450127:role/"_s));
            }
            if (v[u"instanceId"_s].toString() == u"700104"_s) {
                QCOMPARE(v[u"role"_s][u"kind"_s].toString(), u"none"_s);
                QVERIFY(v[u"role"_s][u"arn"_s].isNull());
            }
            QVERIFY(v[u"updateTime"_s].toString().endsWith(u'Z'));
            const QString vis = v[u"visibility"_s].toString();
            QVERIFY(vis == u"public"_s || vis == u"private"_s);
        }
    }

    // The additive "exposure" object, the --internet filter and the text table's mark.
    void exposure()
    {
        CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        VERIFY_NO_SECRET(r.all(), m_fx->secrets());
        QVERIFY(!r.out.contains(u"AAAA"_s)); // no SSH key material
        QVERIFY(!r.out.contains(u"eip-"_s)); // no EIP / NAT ids either
        QJsonObject bridge;
        for (const QJsonValue& v : r.array()) {
            QVERIFY(v[u"exposure"_s].isObject());
            QVERIFY(v[u"exposure"_s][u"internet"_s].isBool());
            if (v[u"instanceId"_s].toString() == u"700126"_s)
                bridge = v[u"exposure"_s].toObject();
        }
        QCOMPARE(bridge[u"internet"_s].toBool(), true);
        QCOMPARE(bridge[u"internetWithRole"_s].toBool(), true);
        QCOMPARE(bridge[u"internetPorts"_s].toArray(), QJsonArray{u"22->22026"_s});
        const QJsonArray forwards = bridge[u"forwards"_s].toArray();
        QCOMPARE(forwards.size(), 2);
        const QJsonObject ssh = forwards.at(0).toObject();
        QCOMPARE(ssh[u"name"_s].toString(), u"ssh"_s);
        QCOMPARE(ssh[u"enabled"_s].toBool(), true);
        QCOMPARE(ssh[u"accessTypes"_s].toArray(), QJsonArray{u"internet"_s});
        QCOMPARE(ssh[u"forwardPort"_s].toString(), u"22"_s);
        QCOMPARE(ssh[u"externalPort"_s].toString(), u"22026"_s);
        QCOMPARE(ssh[u"eip"_s].toBool(), true);
        QCOMPARE(ssh[u"natGateway"_s].toBool(), false);
        QCOMPARE(ssh[u"sshKeySet"_s].toBool(), true);
        QCOMPARE(ssh[u"internet"_s].toBool(), true);
        QCOMPARE(forwards.at(1)[u"internet"_s].toBool(), false);

        r = m_fx->run({u"envs"_s, u"list"_s, u"--internet"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        QStringList ids;
        for (const QJsonValue& v : r.array())
            ids << v[u"instanceId"_s].toString();
        ids.sort();
        QCOMPARE(ids, (QStringList{u"700126"_s, u"700135"_s}));
        r = m_fx->run({u"envs"_s, u"list"_s, u"--internet"_s, u"--role"_s, u"custom"_s, u"--json"_s});
        QCOMPARE(r.array().size(), 1);

        r = m_fx->run({u"envs"_s, u"list"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"INTERNET"_s));
        QVERIFY(r.out.contains(u"yes (22->22026)"_s));
        QVERIFY2(r.out.contains(u"reachable from the internet"_s), qPrintable(r.out.right(300)));

        r = m_fx->run({u"envs"_s, u"show"_s, u"700126"_s, u"--json"_s});
        QCOMPARE(r.object()[u"exposure"_s][u"internet"_s].toBool(), true);
        r = m_fx->run({u"envs"_s, u"show"_s, u"700126"_s});
        QVERIFY(r.out.contains(u"Reachable from the internet"_s));
        QVERIFY(r.out.contains(u"SSH public key set"_s));
        QVERIFY(!r.out.contains(u"AAAA"_s));
        QVERIFY(r.out.contains(u"reachable from the internet and has a role"_s));
        r = m_fx->run({u"envs"_s, u"show"_s, u"700124"_s}); // intranet only
        QVERIFY(r.out.contains(u"Not reachable from the internet"_s));
        QVERIFY(r.out.contains(u"intranet"_s));
    }

    void visibilityUnknownWithoutRecords()
    {
        const CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--keyword"_s, u"700101"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.array().size(), 1);
        QCOMPARE(r.array().at(0)[u"visibility"_s].toString(), u"unknown"_s);
    }

    void filters()
    {
        QVERIFY(m_fx->importSandboxVisibility());
        CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--project"_s, u"10001"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"projectId"_s].toInteger(), 10001);
        r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--owner"_s, u"209332215761427302"_s});
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"ownerId"_s].toString(), u"209332215761427302"_s);
        r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--status"_s, u"Stopped"_s});
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"status"_s].toString(), u"Stopped"_s);
        r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--public"_s});
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"visibility"_s].toString(), u"public"_s);
        r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--private"_s});
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"visibility"_s].toString(), u"private"_s);
        r = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s, u"--keyword"_s, u"notebook"_s});
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QVERIFY(v[u"name"_s].toString().contains(u"notebook"_s));
    }

    void showJson()
    {
        QVERIFY(m_fx->importSandboxVisibility());
        const CliRun r = m_fx->run({u"envs"_s, u"show"_s, u"700105"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.object();
        QCOMPARE(o[u"instanceId"_s].toString(), u"700105"_s);
        QCOMPARE(o[u"name"_s].toString(), u"retail_demo_public"_s);
        QCOMPARE(o[u"status"_s].toString(), u"Running"_s);
        QCOMPARE(o[u"visibility"_s].toString(), u"public"_s);
        QCOMPARE(o[u"role"_s][u"kind"_s].toString(), u"default"_s);
        QCOMPARE(o[u"projectName"_s].toString(), u"retail_dw"_s);
        QVERIFY(o.contains(u"updateTime"_s));
        QVERIFY(o.contains(u"ownerId"_s));
    }

    // Owners by name (ListProjectMembers): ownerName in the JSON (added), --owner by name, and the fall-back to the
    // id with the reason on stderr when the credentials may not list members.
    void ownerNamesAndTheFallBack()
    {
        QVERIFY(m_fx->importSandboxVisibility());
        const CliRun shown = m_fx->run({u"envs"_s, u"show"_s, u"700101"_s, u"--json"_s});
        QCOMPARE(shown.code, 0);
        QCOMPARE(shown.object()[u"ownerName"_s].toString(), u"li.wei"_s);
        QCOMPARE(shown.object()[u"ownerId"_s].toString(), u"209332215761427301"_s);
        QVERIFY(shown.err.isEmpty());

        const CliRun byName = m_fx->run({u"envs"_s, u"list"_s, u"--owner"_s, u"Zhang.Min"_s, u"--json"_s});
        QCOMPARE(byName.code, 0);
        QVERIFY(!byName.array().isEmpty());
        for (const QJsonValue& v : byName.array()) {
            QCOMPARE(v[u"ownerId"_s].toString(), u"209332215761427302"_s);
            QCOMPARE(v[u"ownerName"_s].toString(), u"zhang.min"_s);
        }
        const CliRun table = m_fx->run({u"envs"_s, u"list"_s, u"--owner"_s, u"zhang.min"_s});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains(u"zhang.min"_s), qPrintable(table.out));

        m_fx->sandbox()->engine()->setMemberListingAllowed(false);
        const CliRun refused = m_fx->run({u"envs"_s, u"list"_s, u"--json"_s});
        QCOMPARE(refused.code, 0);
        QCOMPARE(refused.array().size(), 40);
        for (const QJsonValue& v : refused.array())
            QVERIFY(v[u"ownerName"_s].isNull());
        QVERIFY2(refused.err.contains(u"may not list"_s), qPrintable(refused.err));
        m_fx->sandbox()->engine()->setMemberListingAllowed(true);
    }

    void showTextWarnsAboutPublicWithRole()
    {
        QVERIFY(m_fx->importSandboxVisibility());
        const CliRun r = m_fx->run({u"envs"_s, u"show"_s, u"700105"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"retail_demo_public"_s));
        QVERIFY(r.out.contains(u"public and has a role"_s));
    }

    // The text table says status and role as the GUI's table does (core's Environment::statusDisplayText() and
    // RoleAssociation::displayText(TextForm::Cell)): "Deleted", not the API's "DELETED"; "DataWorks default role",
    // "No role", "Custom: NAME", not "default"/"none". JSON keeps the API's raw values (the contract).
    void listTextSaysStatusAndRoleAsTheGuiDoes()
    {
        const CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--project"_s, u"10002"_s});
        QCOMPARE(r.code, 0);
        QString deleted;
        QString custom;
        QString none;
        QString byDefault;
        for (const QString& line : r.out.split(u'\n')) {
            if (line.startsWith(u"700115"_s))
                deleted = line;
            if (line.startsWith(u"700112"_s))
                custom = line;
            if (line.startsWith(u"700113"_s))
                none = line;
            if (line.startsWith(u"700111"_s))
                byDefault = line;
        }
        QVERIFY2(deleted.contains(u" Deleted "_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"DELETED"_s), qPrintable(r.out));
        QVERIFY2(deleted.contains(u" No role "_s), qPrintable(deleted));
        QVERIFY2(none.contains(u" No role "_s), qPrintable(none));
        QVERIFY2(custom.contains(u" Custom: DataWorksDevRiskAnalyst "_s), qPrintable(custom));
        QVERIFY2(byDefault.contains(u" DataWorks default role "_s), qPrintable(byDefault));

        const CliRun show = m_fx->run({u"envs"_s, u"show"_s, u"700115"_s});
        QCOMPARE(show.code, 0);
        QVERIFY2(show.out.contains(u" Deleted"_s) && !show.out.contains(u"DELETED"_s), qPrintable(show.out));

        const CliRun json = m_fx->run({u"envs"_s, u"list"_s, u"--project"_s, u"10002"_s, u"--json"_s});
        QCOMPARE(json.code, 0);
        bool seen = false;
        for (const QJsonValue& v : json.array())
            if (v[u"instanceId"_s].toString() == u"700115"_s) {
                QCOMPARE(v[u"status"_s].toString(), u"DELETED"_s);
                QCOMPARE(v[u"role"_s][u"kind"_s].toString(), u"none"_s);
                seen = true;
            }
        QVERIFY(seen);
    }

    void listTextIsATable()
    {
        const CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--project"_s, u"10001"_s});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        QVERIFY(lines.first().startsWith(u"ID"_s));
        // Columns line up: NAME starts at the same column in the header and in each row.
        const qsizetype nameColumn = lines.first().indexOf(u"NAME"_s);
        QCOMPARE(lines.at(1).indexOf(u"li_wei"_s), nameColumn);
    }

    void globalOptionsBeforeTheCommand()
    {
        const CliRun r = m_fx->run(
            {u"--json"_s, u"--endpoint"_s, m_fx->endpoint().toString(), u"envs"_s, u"show"_s, u"700101"_s}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.object()[u"instanceId"_s].toString(), u"700101"_s);
    }

    void inProcessSandboxOption()
    {
        const CliRun r = m_fx->run({u"--sandbox"_s, u"--json"_s, u"envs"_s, u"list"_s, u"--public"_s}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue& v : r.array())
            QCOMPARE(v[u"visibility"_s].toString(), u"public"_s);
        // --sandbox and --endpoint exclude each other.
        QCOMPARE(m_fx->run({u"--sandbox"_s, u"envs"_s, u"list"_s}).code, 2);
    }

    void exitCodes()
    {
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s}).code, 2);
        QCOMPARE(m_fx->run({u"envs"_s, u"show"_s, u"1"_s, u"2"_s}).code, 2);
        QCOMPARE(m_fx->run({u"envs"_s, u"list"_s, u"--public"_s, u"--private"_s}).code, 2);
        QCOMPARE(m_fx->run({u"envs"_s, u"list"_s, u"--status"_s, u"Sleeping"_s}).code, 2);
        QCOMPARE(m_fx->run({u"envs"_s, u"list"_s, u"--bogus"_s}).code, 2);
        const CliRun missing = m_fx->run({u"envs"_s, u"show"_s, u"999999"_s});
        QCOMPARE(missing.code, 1);
        QVERIFY(!missing.err.isEmpty());
    }

    void credentialsUnusable()
    {
        // A wrong secret: the service rejects the signature -> 3.
        m_fx->context().credentials.environment.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s,
                                                       u"WrongSecretValueForTheTest123"_s);
        CliRun r = m_fx->run({u"envs"_s, u"list"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(u"SignatureDoesNotMatch"_s));
        QVERIFY(!r.err.contains(u"WrongSecretValueForTheTest123"_s));
        // No credential anywhere -> 3 with the chain's reasons.
        m_fx->context().credentials.environment.remove(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s);
        m_fx->context().credentials.environment.remove(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s);
        r = m_fx->run({u"envs"_s, u"list"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(u"Credentials unusable"_s));
    }

    void networkFailureIsOne()
    {
        const CliRun r = m_fx->run({u"envs"_s, u"list"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s}, false);
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
    }

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<CliSandboxFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestEnvsCommand)
#include "test_envscommand.moc"
