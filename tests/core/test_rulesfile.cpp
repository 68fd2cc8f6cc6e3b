#include "rules/RulesFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kGood = R"(# comments are allowed anywhere
version: 1
allowed-custom-roles:
  - acs:ram::1380246718450127:role/DataWorksDevRetailReader
  - acs:ram::1380246718450127:role/LabRole
rules:
  - name: workshop
    description: the workshop environment is public on purpose
    match:
      environment: "700106"
    require: default
    public-override-reason: workshop today
  - name: public-no-role
    match: {visibility: public}
    require: none
  - name: retail
    match:
      workspace: [retail_dw, "10002"]
      name: "*_notebook"
      owner: "2093*"
      status: [Running, stopped]
    require: {custom: "acs:ram::1380246718450127:role/dataworksdevretailreader"}
  - name: lab
    match: {workspace: lab}
    require: {any-of: [none, default]}
  - name: rest
    require: {any-of: [default, allowed-custom, none]}
)";

RulesFile::Result parse(const QByteArray& text)
{
    return RulesFile::parse(text, QStringLiteral("rules.yaml"));
}
} // namespace

class TestRulesFile : public QObject
{
    Q_OBJECT

private slots:
    void goodFile()
    {
        const RulesFile::Result r = parse(kGood);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QCOMPARE(r.rules.file, QStringLiteral("rules.yaml"));
        QCOMPARE(r.rules.allowedCustomRoles.size(), 2);
        QCOMPARE(r.rules.rules.size(), 5);
        const RoleRule& workshop = r.rules.rules.at(0);
        QCOMPARE(workshop.name, QStringLiteral("workshop"));
        QCOMPARE(workshop.description, QStringLiteral("the workshop environment is public on purpose"));
        QCOMPARE(workshop.where.line, 7);
        QCOMPARE(workshop.where.column, 5);
        QCOMPARE(workshop.match.environments, QStringList{QStringLiteral("700106")});
        QCOMPARE(workshop.require.toString(), QStringLiteral("default"));
        QCOMPARE(workshop.publicOverrideReason, QStringLiteral("workshop today"));
        QCOMPARE(r.rules.rules.at(1).match.visibilities, QList<Visibility>{Visibility::Public});
        QCOMPARE(r.rules.rules.at(1).require.toString(), QStringLiteral("none"));
        const RoleRule& retail = r.rules.rules.at(2);
        QCOMPARE(retail.match.workspaces, (QStringList{QStringLiteral("retail_dw"), QStringLiteral("10002")}));
        QCOMPARE(retail.match.namePatterns, QStringList{QStringLiteral("*_notebook")});
        QCOMPARE(retail.match.ownerPatterns, QStringList{QStringLiteral("2093*")});
        QCOMPARE(retail.match.statuses,
                 (QList<EnvironmentStatus>{EnvironmentStatus::Running, EnvironmentStatus::Stopped}));
        // Role names compare ignoring case, so the lower-case spelling is in the allow-list; stored canonical.
        QCOMPARE(retail.require.toString(),
                 QStringLiteral("custom:acs:ram::1380246718450127:role/dataworksdevretailreader"));
        QCOMPARE(r.rules.rules.at(3).require.toString(), QStringLiteral("none | default"));
        QCOMPARE(r.rules.rules.at(4).require.toString(), QStringLiteral("default | allowed-custom | none"));
        QVERIFY(r.rules.rules.at(4).match.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");

        const QByteArray head = "version: 1\nrules:\n";
        QTest::newRow("syntax") << QByteArray("version: 1\nrules: [\n  - name: x\n") << 3 << 3
                                << QStringLiteral("YAML syntax error");
        QTest::newRow("unknown top-level key") << QByteArray("version: 1\nrulez: []\nrules: []\n") << 2 << 1
                                               << QStringLiteral("unknown key \"rulez\" in the file; expected one of");
        QTest::newRow("missing version") << QByteArray("rules: []\n") << 1 << 1 << QStringLiteral("version is missing");
        QTest::newRow("bad version") << QByteArray("version: 2\nrules: []\n") << 1 << 10
                                     << QStringLiteral("unsupported version \"2\"; expected 1");
        QTest::newRow("missing rules") << QByteArray("version: 1\n") << 1 << 1 << QStringLiteral("rules is missing");
        QTest::newRow("rules not a list")
            << QByteArray("version: 1\nrules: {a: 1}\n") << 2 << 8 << QStringLiteral("rules must be a list");
        QTest::newRow("rule not a mapping") << head + "  - just text\n"
                                            << 3 << 5 << QStringLiteral("a rule must be a mapping");
        QTest::newRow("unknown rule key") << head + "  - name: a\n    requires: none\n"
                                          << 4 << 5 << QStringLiteral("unknown key \"requires\" in a rule");
        QTest::newRow("missing name") << head + "  - require: none\n" << 3 << 5 << QStringLiteral("has no name");
        QTest::newRow("missing require") << head + "  - name: a\n" << 3 << 5 << QStringLiteral("has no require");
        QTest::newRow("duplicate name") << head + "  - {name: a, require: none}\n  - {name: a, require: none}\n"
                                        << 4 << 6 << QStringLiteral("already exists");
        QTest::newRow("unknown match key")
            << head + "  - name: a\n    match:\n      project: x\n    require: none\n"
            << 5 << 7 << QStringLiteral("unknown key \"project\" in match; expected one of: workspace, environment");
        QTest::newRow("unknown status") << head + "  - name: a\n    match: {status: [Running, Sleeping]}\n    "
                                                  "require: none\n"
                                        << 4 << 31 << QStringLiteral("unknown status \"Sleeping\"");
        QTest::newRow("unknown visibility") << head + "  - name: a\n    match: {visibility: open}\n    require: none\n"
                                            << 4 << 25 << QStringLiteral("unknown visibility \"open\"");
        QTest::newRow("unknown exposure") << head + "  - name: a\n    match: {exposure: public}\n    require: none\n"
                                          << 4 << 23
                                          << QStringLiteral("unknown exposure \"public\"; expected internet or "
                                                            "not-internet");
        QTest::newRow("unknown exposure in a list")
            << head + "  - name: a\n    match:\n      exposure: [internet, everywhere]\n    require: none\n"
            << 5 << 28 << QStringLiteral("unknown exposure \"everywhere\"");
        QTest::newRow("exposure is not a boolean")
            << head + "  - name: a\n    match: {exposure: {internet: true}}\n    require: none\n"
            << 4 << 23 << QStringLiteral("must be text, not a mapping");
        QTest::newRow("empty list") << head + "  - name: a\n    match: {workspace: []}\n    require: none\n"
                                    << 4 << 24 << QStringLiteral("empty list");
        QTest::newRow("match value is a mapping")
            << head + "  - name: a\n    match: {workspace: {id: 1}}\n    require: none\n"
            << 4 << 24 << QStringLiteral("must be text, not a mapping");
        QTest::newRow("unknown role") << head + "  - name: a\n    require: admin\n"
                                      << 4 << 14 << QStringLiteral("unknown role \"admin\"; expected none, default");
        QTest::newRow("bare arn") << head + "  - name: a\n    require: acs:ram::1:role/x\n"
                                  << 4 << 14 << QStringLiteral("a custom role is written {custom:");
        QTest::newRow("custom not allowed")
            << QByteArray("version: 1\nrules:\n  - name: a\n    require: {custom: acs:ram::1380246718450127:role/X}\n")
            << 4 << 23 << QStringLiteral("is not in allowed-custom-roles");
        QTest::newRow("malformed arn in allow-list")
            << QByteArray("version: 1\nallowed-custom-roles: [acs:ram::12ab:role/x]\nrules: []\n") << 2 << 24
            << QStringLiteral("acs:ram::12ab:role/x");
        QTest::newRow("allowed-custom without list")
            << head + "  - name: a\n    require: allowed-custom\n"
            << 4 << 14 << QStringLiteral("needs a non-empty allowed-custom-roles");
        QTest::newRow("any-of empty") << head + "  - name: a\n    require: {any-of: []}\n"
                                      << 4 << 23 << QStringLiteral("any-of needs a non-empty list");
        QTest::newRow("nested any-of") << head + "  - name: a\n    require: {any-of: [{any-of: [none]}]}\n"
                                       << 4 << 25 << QStringLiteral("unknown key \"any-of\" in require");
        QTest::newRow("override without environment")
            << head + "  - name: a\n    match: {workspace: x}\n    require: default\n    public-override-reason: why\n"
            << 6 << 5 << QStringLiteral("public-override-reason is only allowed");
        QTest::newRow("empty file") << QByteArray("# nothing\n") << 0 << 0 << QStringLiteral("the file is empty");
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << 1 << 1
                                       << QStringLiteral("the file must be a mapping");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, expected);
        const RulesFile::Result r = parse(text);
        QVERIFY(!r.ok());
        QVERIFY(r.rules.rules.isEmpty());
        const RulesError& first = r.errors.constFirst();
        QVERIFY2(first.message.contains(expected), qPrintable(r.errorText()));
        QCOMPARE(first.where.line, line);
        QCOMPARE(first.where.column, column);
        QCOMPARE(first.where.file, QStringLiteral("rules.yaml"));
        const QString located =
            line > 0 ? QStringLiteral("rules.yaml:%1:%2: ").arg(line).arg(column) : QStringLiteral("rules.yaml: ");
        QVERIFY2(r.errorText().startsWith(located), qPrintable(r.errorText()));
    }

    void everyErrorIsReported()
    {
        const RulesFile::Result r = parse("version: 1\nrules:\n  - name: a\n    colour: red\n    require: nothing\n"
                                          "  - name: b\n    match: {status: Zzz}\n    require: none\n");
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors.at(0).where.line, 4);
        QCOMPARE(r.errors.at(1).where.line, 5);
        QCOMPARE(r.errors.at(2).where.line, 7);
    }

    void tooManyErrorsAreCapped()
    {
        QByteArray text = "version: 1\nrules:\n";
        for (int i = 0; i < 200; ++i)
            text += "  - {name: r" + QByteArray::number(i) + ", require: bad}\n";
        const RulesFile::Result r = parse(text);
        QCOMPARE(r.errors.size(), RulesFile::MaxErrors + 1);
        QVERIFY(r.errors.constLast().message.contains(QStringLiteral("too many errors")));
    }

    void readFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("rules.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kGood);
        f.close();
        const RulesFile::Result r = RulesFile::read(path);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QCOMPARE(r.rules.file, path);

        const RulesFile::Result missing = RulesFile::read(dir.filePath(QStringLiteral("nope.yaml")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorText().contains(QStringLiteral("cannot open the rules file")));

        QFile big(dir.filePath(QStringLiteral("big.yaml")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(RulesFile::MaxFileBytes + 1, '#'));
        big.close();
        const RulesFile::Result tooBig = RulesFile::read(big.fileName());
        QVERIFY(!tooBig.ok());
        QVERIFY(tooBig.errorText().contains(QStringLiteral("larger than")));
    }

    void hostileInputFailsCleanly()
    {
        // Deep nesting is refused by yaml-cpp's depth guard, not by a stack overflow.
        const RulesFile::Result deep = parse(QByteArray(100000, '['));
        QVERIFY(!deep.ok());
        // Binary junk.
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk += char((i * 131) % 256);
        QVERIFY(!parse(junk).ok());
        // Aliases of a rule are read as separate rules with the same name: a duplicate.
        const RulesFile::Result alias = parse("version: 1\nrules:\n  - &r {name: a, require: none}\n  - *r\n");
        QVERIFY(!alias.ok());
        QVERIFY(alias.errorText().contains(QStringLiteral("already exists")));
    }

    void exposureSelectorParses()
    {
        const RulesFile::Result r = parse("version: 1\nrules:\n"
                                          "  - {name: a, match: {exposure: internet}, require: none}\n"
                                          "  - {name: b, match: {exposure: [not-internet, internet]}, require: none}\n"
                                          "  - {name: c, match: {exposure: not-internet, visibility: public}, "
                                          "require: none}\n");
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        using E = RuleSelector::ExposureMatch;
        QCOMPARE(r.rules.rules.at(0).match.exposures, QList<E>{E::Internet});
        QCOMPARE(r.rules.rules.at(1).match.exposures, (QList<E>{E::NotInternet, E::Internet}));
        QCOMPARE(r.rules.rules.at(2).match.exposures, QList<E>{E::NotInternet});
        QCOMPARE(r.rules.rules.at(2).match.visibilities, QList<Visibility>{Visibility::Public});
        QVERIFY(!r.rules.rules.at(0).match.isEmpty());
    }

    void exampleInDocsParses()
    {
        const QString path = QStringLiteral(ROLEDESK_SOURCE_DIR "/docs/rules-example.yaml");
        const RulesFile::Result r = RulesFile::read(path);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        // Every rule kind appears in the example.
        QSet<RoleRequirement::Alternative::Kind> kinds;
        bool anyOf = false;
        bool workspace = false, environment = false, name = false, owner = false, status = false, visibility = false,
             exposure = false;
        bool override = false, catchAll = false;
        for (const RoleRule& rule : r.rules.rules) {
            for (const auto& alt : rule.require.anyOf)
                kinds.insert(alt.kind);
            anyOf = anyOf || rule.require.anyOf.size() > 1;
            workspace = workspace || !rule.match.workspaces.isEmpty();
            environment = environment || !rule.match.environments.isEmpty();
            name = name || !rule.match.namePatterns.isEmpty();
            owner = owner || !rule.match.ownerPatterns.isEmpty();
            status = status || !rule.match.statuses.isEmpty();
            visibility = visibility || !rule.match.visibilities.isEmpty();
            exposure = exposure || !rule.match.exposures.isEmpty();
            override = override || !rule.publicOverrideReason.isEmpty();
            catchAll = catchAll || rule.match.isEmpty();
        }
        QCOMPARE(kinds.size(), 4);
        QVERIFY(anyOf && workspace && environment && name && owner && status && visibility && override && catchAll);
        QVERIFY(exposure);
    }
};

QTEST_GUILESS_MAIN(TestRulesFile)
#include "test_rulesfile.moc"
