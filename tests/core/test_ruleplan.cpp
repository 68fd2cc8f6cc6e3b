#include "rules/RulePlan.h"
#include "rules/RulesFile.h"

#include "model/Exposure.h"

#include <QTest>

using RulePlan::Action;

namespace {
const QString kArnA = QStringLiteral("acs:ram::1380246718450127:role/RoleA");
const QString kArnB = QStringLiteral("acs:ram::1380246718450127:role/RoleB");
const QString kArnUntrusted = QStringLiteral("acs:ram::1380246718450127:role/NotForDataWorks");
const QString kArnStray = QStringLiteral("acs:ram::1380246718450127:role/Stray");

TrustPolicy trust(const char* principal)
{
    return TrustPolicy::parse(QStringLiteral("{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
                                             "\"Effect\":\"Allow\",\"Principal\":%1}]}")
                                  .arg(QLatin1String(principal)));
}

QHash<QString, TrustPolicy> trustPolicies()
{
    return {{kArnA, trust(R"({"Service":["dataworks.aliyuncs.com"]})")},
            {kArnB, trust(R"({"Service":["dataworks.aliyuncs.com"]})")},
            {kArnUntrusted, trust(R"({"Service":["ecs.aliyuncs.com"]})")}};
}

// Every rule kind, in an order where first-match precedence matters (see the precedence rows below).
const QByteArray kRules = R"(version: 1
allowed-custom-roles: [acs:ram::1380246718450127:role/RoleA, acs:ram::1380246718450127:role/RoleB,
                       acs:ram::1380246718450127:role/NotForDataWorks]
rules:
  - name: named-public
    match: {environment: ["9001"]}
    require: default
    public-override-reason: demo for the course
  - name: named-public-no-reason
    match: {environment: "9002"}
    require: default
  - name: public-none
    match: {visibility: public}
    require: none
  - name: untrusted
    match: {name: "untrusted-*"}
    require: {custom: acs:ram::1380246718450127:role/NotForDataWorks}
  - name: ambiguous
    match: {name: "ambiguous-*"}
    require: {any-of: [allowed-custom]}
  - name: owner-a
    match: {owner: "1111*", status: [Running, Stopped, Creating, Deleting, Arrearage]}
    require: {custom: acs:ram::1380246718450127:role/RoleA}
  - name: ws-default
    match: {workspace: [retail, "20"]}
    require: default
  - name: lab
    match: {workspace: lab}
    require: {any-of: [none, default]}
  - name: unknown-visibility-default
    match: {visibility: unknown, name: "vis-*"}
    require: default
  - name: catch-all
    require: {any-of: [none, default, allowed-custom]}
)";

RuleSet rules()
{
    const RulesFile::Result r = RulesFile::parse(kRules, QStringLiteral("t.yaml"));
    if (!r.ok())
        qFatal("%s", qPrintable(r.errorText()));
    return r.rules;
}

Environment env(const char* id, const char* name, qint64 projectId, const char* projectName, const char* owner,
                EnvironmentStatus status, const RoleAssociation& role)
{
    Environment e;
    e.instanceId = QString::fromUtf8(id);
    e.instanceName = QString::fromUtf8(name);
    e.projectId = projectId;
    e.projectName = QString::fromUtf8(projectName);
    e.ownerId = QString::fromUtf8(owner);
    e.status = status;
    e.role = role;
    return e;
}

// One UserVpc.ForwardInfos entry as the parsers keep it.
ForwardInfo forward(const char* access, bool enabled, const char* port = "22")
{
    ForwardInfo f;
    f.name = QStringLiteral("ssh");
    f.enabled = enabled;
    f.accessTypes = {QString::fromUtf8(access)};
    f.forwardPort = QString::fromUtf8(port);
    f.externalPort = QStringLiteral("22026");
    f.hasEip = true;
    return f;
}

Environment withForwards(Environment e, const QList<ForwardInfo>& forwards)
{
    e.forwardInfos = forwards;
    return e;
}

// The exposure selector (issue 18's exposure, for issue 19's rules): "internet" / "not-internet", a list, with other
// selectors, and a rule that would give an internet-reachable environment a role.
const QByteArray kExposureRules = "version: 1\n"
                                  "rules:\n"
                                  "  - name: named-internet\n"
                                  "    match: {environment: \"9101\"}\n"
                                  "    require: default\n"
                                  "    public-override-reason: demo\n"
                                  "  - name: internet-retail-none\n"
                                  "    match: {exposure: internet, workspace: retail}\n"
                                  "    require: none\n"
                                  "  - name: internet-default\n"
                                  "    match: {exposure: [internet]}\n"
                                  "    require: default\n"
                                  "  - name: not-internet-default\n"
                                  "    match: {exposure: not-internet}\n"
                                  "    require: default\n";
} // namespace

Q_DECLARE_METATYPE(Environment)
Q_DECLARE_METATYPE(RulePlan::Action)
Q_DECLARE_METATYPE(Visibility)
Q_DECLARE_METATYPE(RolePolicy::Rule)

class TestRulePlan : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<Environment>("environment");
        QTest::addColumn<Visibility>("visibility");
        QTest::addColumn<QString>("rule"); // deciding rule's name, empty: none
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("target"); // RoleAssociation::toString(), empty: no target
        QTest::addColumn<bool>("override");
        QTest::addColumn<QList<RolePolicy::Rule>>("policyRules"); // must all be present
        QTest::addColumn<QString>("reason");                      // a substring of the joined reasons

        const auto none = RoleAssociation::none();
        const auto def = RoleAssociation::dataWorksDefault();
        const auto a = RoleAssociation::customRole(kArnA);
        const auto b = RoleAssociation::customRole(kArnB);
        const auto stray = RoleAssociation::customRole(kArnStray);
        using S = EnvironmentStatus;
        using R = RolePolicy::Rule;
        const auto P = Visibility::Public;
        const auto V = Visibility::Private;
        const auto U = Visibility::Unknown;

        // Selector: environment, with and without a public override.
        QTest::newRow("environment+override: public gets a role")
            << env("9001", "x", 1, "p", "1", S::Running, none) << P << QStringLiteral("named-public") << Action::Change
            << QStringLiteral("default") << true << QList<R>{R::PublicEnvironment}
            << QStringLiteral("demo for the course");
        QTest::newRow("environment without override: public cannot get a role")
            << env("9002", "x", 1, "p", "1", S::Running, none) << P << QStringLiteral("named-public-no-reason")
            << Action::CannotFix << QStringLiteral("default") << false << QList<R>{R::PublicEnvironment}
            << QStringLiteral("public-override-reason");
        QTest::newRow("environment+override on a private one: plain change")
            << env("9001", "x", 1, "p", "1", S::Running, none) << V << QStringLiteral("named-public") << Action::Change
            << QStringLiteral("default") << false << QList<R>{} << QStringLiteral("requires");
        // Selector: visibility.
        QTest::newRow("visibility: public with a role -> none")
            << env("1", "x", 20, "retail", "1111", S::Running, def) << P << QStringLiteral("public-none")
            << Action::Change << QStringLiteral("none") << false << QList<R>{R::RemovesRole}
            << QStringLiteral("requires no role");
        QTest::newRow("visibility: public without a role keeps")
            << env("2", "x", 20, "retail", "1111", S::Running, none) << P << QStringLiteral("public-none")
            << Action::Keep << QStringLiteral("") << false << QList<R>{} << QStringLiteral("as rule 3");
        QTest::newRow("visibility unknown selector")
            << env("3", "vis-1", 99, "other", "5", S::Running, none) << U
            << QStringLiteral("unknown-visibility-default") << Action::Change << QStringLiteral("default") << false
            << QList<R>{R::VisibilityUnknown} << QStringLiteral("");
        QTest::newRow("visibility unknown selector does not match private")
            << env("3", "vis-1", 99, "other", "5", S::Running, none) << V << QStringLiteral("catch-all") << Action::Keep
            << QStringLiteral("") << false << QList<R>{} << QStringLiteral("");
        // Selector: name glob + custom role the policy refuses (trust policy).
        QTest::newRow("name glob: untrusted custom role is cannot-fix")
            << env("4", "UNTRUSTED-box", 99, "other", "5", S::Running, none) << V << QStringLiteral("untrusted")
            << Action::CannotFix << kArnUntrusted << false << QList<R>{R::RoleNotTrusted}
            << QStringLiteral("does not trust");
        // any-of with no single role: cannot-fix without a target.
        QTest::newRow("allowed-custom with several roles names no target")
            << env("5", "ambiguous-1", 99, "other", "5", S::Running, none) << V << QStringLiteral("ambiguous")
            << Action::CannotFix << QStringLiteral("") << false << QList<R>{} << QStringLiteral("names no single role");
        QTest::newRow("allowed-custom satisfied by any listed role")
            << env("5", "ambiguous-1", 99, "other", "5", S::Running, b) << V << QStringLiteral("ambiguous")
            << Action::Keep << QStringLiteral("") << false << QList<R>{} << QStringLiteral("");
        // Selector: owner glob + status; custom role target.
        QTest::newRow("owner+status: custom role change")
            << env("6", "x", 20, "retail", "111122", S::Stopped, def) << V << QStringLiteral("owner-a")
            << Action::Change << kArnA << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("owner: role name compares ignoring case")
            << env("6", "x", 20, "retail", "111122", S::Running,
                   RoleAssociation::customRole(QStringLiteral("acs:ram::1380246718450127:role/rolea")))
            << V << QStringLiteral("owner-a") << Action::Keep << QStringLiteral("") << false << QList<R>{}
            << QStringLiteral("");
        QTest::newRow("owner: custom role, trust policy unread -> change with note")
            << env("6", "x", 20, "retail", "111122", S::Running, none) << U << QStringLiteral("owner-a")
            << Action::Change << kArnA << false << QList<R>{R::VisibilityUnknown} << QStringLiteral("");
        // Policy refusals by status.
        QTest::newRow("status busy: cannot-fix")
            << env("7", "x", 20, "retail", "1111", S::Creating, none) << V << QStringLiteral("owner-a")
            << Action::CannotFix << kArnA << false << QList<R>{R::StatusBusy} << QStringLiteral("another operation");
        QTest::newRow("status gone: cannot-fix")
            << env("7", "x", 20, "retail", "1111", S::Deleting, none) << V << QStringLiteral("owner-a")
            << Action::CannotFix << kArnA << false << QList<R>{R::StatusGone} << QStringLiteral("");
        QTest::newRow("status arrearage: cannot-fix")
            << env("7", "x", 20, "retail", "1111", S::Arrearage, none) << V << QStringLiteral("owner-a")
            << Action::CannotFix << kArnA << false << QList<R>{R::StatusArrearage} << QStringLiteral("");
        QTest::newRow("status not selected falls through to the next rule")
            << env("7", "x", 20, "retail", "1111", S::Saved, none) << V << QStringLiteral("ws-default")
            << Action::Change << QStringLiteral("default") << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("busy but already compliant: keep")
            << env("7", "x", 20, "retail", "1111", S::Creating, a) << V << QStringLiteral("owner-a") << Action::Keep
            << QStringLiteral("") << false << QList<R>{} << QStringLiteral("");
        // Selector: workspace by name (ignoring case) and by id.
        QTest::newRow("workspace by name")
            << env("8", "x", 7, "RETAIL", "9", S::Running, b) << V << QStringLiteral("ws-default") << Action::Change
            << QStringLiteral("default") << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("workspace by id") << env("8", "x", 20, "renamed", "9", S::Running, none) << V
                                         << QStringLiteral("ws-default") << Action::Change << QStringLiteral("default")
                                         << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("unrecognised configuration is replaced")
            << env("8", "x", 20, "retail", "9", S::Running, RoleAssociation::unknown(QStringLiteral("odd"))) << V
            << QStringLiteral("ws-default") << Action::Change << QStringLiteral("default") << false
            << QList<R>{R::ReplacesUnrecognised} << QStringLiteral("");
        // any-of: lab never gets a custom role; the first alternative (none) is the target.
        QTest::newRow("any-of keeps default")
            << env("10", "x", 30, "lab", "9", S::Running, def) << V << QStringLiteral("lab") << Action::Keep
            << QStringLiteral("") << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("any-of changes custom to its first alternative")
            << env("10", "x", 30, "lab", "9", S::Running, a) << V << QStringLiteral("lab") << Action::Change
            << QStringLiteral("none") << false << QList<R>{R::RemovesRole} << QStringLiteral("");
        // Catch-all with allowed-custom.
        QTest::newRow("catch-all keeps an allowed custom role")
            << env("11", "x", 40, "misc", "9", S::Running, b) << V << QStringLiteral("catch-all") << Action::Keep
            << QStringLiteral("") << false << QList<R>{} << QStringLiteral("");
        QTest::newRow("catch-all removes a custom role not allowed")
            << env("11", "x", 40, "misc", "9", S::Running, stray) << V << QStringLiteral("catch-all") << Action::Change
            << QStringLiteral("none") << false << QList<R>{R::RemovesRole} << QStringLiteral("");
        // Precedence: first match wins, even when a later rule is more specific.
        QTest::newRow("precedence: public rule before workspace rule")
            << env("12", "x", 30, "lab", "9", S::Running, def) << P << QStringLiteral("public-none") << Action::Change
            << QStringLiteral("none") << false << QList<R>{} << QStringLiteral("rule 3 \"public-none\" (t.yaml:");
    }

    void table()
    {
        QFETCH(Environment, environment);
        QFETCH(Visibility, visibility);
        QFETCH(QString, rule);
        QFETCH(Action, action);
        QFETCH(QString, target);
        QFETCH(bool, override);
        QFETCH(QList<RolePolicy::Rule>, policyRules);
        QFETCH(QString, reason);

        const RuleSet set = rules();
        const RulePlan::Entry entry = RulePlan::evaluateOne(set, environment, visibility, trustPolicies());
        const QString reasons = entry.reasons.join(QLatin1Char(' '));
        QCOMPARE(entry.ruleIndex >= 0 ? set.rules.at(entry.ruleIndex).name : QString(), rule);
        QVERIFY2(entry.action == action, qPrintable(RulePlan::actionToString(entry.action) + u' ' + reasons));
        QCOMPARE(entry.target ? entry.target->toString() : QString(), target);
        QCOMPARE(entry.publicOverride, override);
        QCOMPARE(entry.overrideReason.isEmpty(), !override);
        for (RolePolicy::Rule r : policyRules)
            QVERIFY2(entry.policyRules.contains(r), qPrintable(RolePolicy::ruleToString(r) + u' ' + reasons));
        QVERIFY2(reasons.contains(reason), qPrintable(reasons));
        QVERIFY(!entry.reasons.isEmpty());
        // A plan never proposes what the policy refuses, and only proposes a confirmation with an override.
        if (entry.action == Action::Change) {
            QVERIFY(entry.verdict != RolePolicy::Verdict::Refused);
            QCOMPARE(entry.verdict == RolePolicy::Verdict::NeedsConfirmation, entry.publicOverride);
            const RolePolicy::Decision d =
                RolePolicy::evaluate(RolePolicy::inputFor(environment, visibility, *entry.target));
            QVERIFY(RolePolicy::checkConfirmation(d, entry.publicOverride, entry.overrideReason).isEmpty());
        }
    }

    void exposureSelector_data()
    {
        QTest::addColumn<Environment>("environment");
        QTest::addColumn<Visibility>("visibility");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QList<RolePolicy::Rule>>("policyRules");
        QTest::addColumn<QString>("reason");
        using S = EnvironmentStatus;
        using R = RolePolicy::Rule;
        const auto none = RoleAssociation::none();
        const auto def = RoleAssociation::dataWorksDefault();
        const auto a = RoleAssociation::customRole(kArnA);
        const auto V = Visibility::Private;

        QTest::newRow("internet + workspace: the role is removed")
            << withForwards(env("1", "x", 20, "retail", "1", S::Running, a), {forward("internet", true)}) << V
            << QStringLiteral("internet-retail-none") << Action::Change << QStringLiteral("none")
            << QList<R>{R::RemovesRole} << QStringLiteral("requires");
        QTest::newRow("internet, stopped: still selected (reachable once it starts)")
            << withForwards(env("2", "x", 20, "retail", "1", S::Stopped, def), {forward("internet", true)}) << V
            << QStringLiteral("internet-retail-none") << Action::Change << QStringLiteral("none")
            << QList<R>{R::RemovesRole} << QStringLiteral("requires");
        QTest::newRow("internet (list): a rules file never gives it a role")
            << withForwards(env("3", "x", 30, "iot", "1", S::Running, none), {forward("internet", true)}) << V
            << QStringLiteral("internet-default") << Action::CannotFix << QStringLiteral("default")
            << QList<R>{R::InternetReachable} << QStringLiteral("never gives a role to an environment reachable");
        QTest::newRow("internet, any case of the access type")
            << withForwards(env("4", "x", 30, "iot", "1", S::Running, def), {forward("Internet", true)}) << V
            << QStringLiteral("internet-default") << Action::Keep << QString() << QList<R>{}
            << QStringLiteral("as rule 3");
        QTest::newRow("a disabled internet forward is not-internet")
            << withForwards(env("5", "x", 30, "iot", "1", S::Running, none), {forward("internet", false)}) << V
            << QStringLiteral("not-internet-default") << Action::Change << QStringLiteral("default") << QList<R>{}
            << QStringLiteral("requires");
        QTest::newRow("an intranet forward is not-internet")
            << withForwards(env("6", "x", 30, "iot", "1", S::Running, none), {forward("intranet", true, "8888")}) << V
            << QStringLiteral("not-internet-default") << Action::Change << QStringLiteral("default") << QList<R>{}
            << QStringLiteral("requires");
        QTest::newRow("no forwards at all is not-internet")
            << env("7", "x", 30, "iot", "1", S::Running, none) << V << QStringLiteral("not-internet-default")
            << Action::Change << QStringLiteral("default") << QList<R>{} << QStringLiteral("requires");
        QTest::newRow("public override does not cover internet exposure")
            << withForwards(env("9101", "x", 30, "iot", "1", S::Running, none), {forward("internet", true)})
            << Visibility::Public << QStringLiteral("named-internet") << Action::CannotFix << QStringLiteral("default")
            << QList<R>{R::InternetReachable, R::PublicEnvironment} << QStringLiteral("reachable from the internet");
    }

    void exposureSelector()
    {
        QFETCH(Environment, environment);
        QFETCH(Visibility, visibility);
        QFETCH(QString, rule);
        QFETCH(Action, action);
        QFETCH(QString, target);
        QFETCH(QList<RolePolicy::Rule>, policyRules);
        QFETCH(QString, reason);

        const RulesFile::Result r = RulesFile::parse(kExposureRules, QStringLiteral("x.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        const RulePlan::Entry entry = RulePlan::evaluateOne(r.rules, environment, visibility);
        const QString reasons = entry.reasons.join(QLatin1Char(' '));
        QCOMPARE(entry.ruleIndex >= 0 ? r.rules.rules.at(entry.ruleIndex).name : QString(), rule);
        QVERIFY2(entry.action == action, qPrintable(RulePlan::actionToString(entry.action) + u' ' + reasons));
        QCOMPARE(entry.target ? entry.target->toString() : QString(), target);
        QVERIFY(!entry.publicOverride);
        for (RolePolicy::Rule p : policyRules)
            QVERIFY2(entry.policyRules.contains(p), qPrintable(RolePolicy::ruleToString(p) + u' ' + reasons));
        QVERIFY2(reasons.contains(reason), qPrintable(reasons));
        // The selector asks the one place that says what internet-reachable means.
        const bool internet = Exposure::internetReachable(environment);
        RuleSelector only;
        only.exposures = {RuleSelector::ExposureMatch::Internet};
        QCOMPARE(only.matches(environment, visibility), internet);
        only.exposures = {RuleSelector::ExposureMatch::NotInternet};
        QCOMPARE(only.matches(environment, visibility), !internet);
        only.exposures = {RuleSelector::ExposureMatch::NotInternet, RuleSelector::ExposureMatch::Internet};
        QVERIFY(only.matches(environment, visibility));
        QVERIFY(!only.isEmpty());
    }

    void noRuleMatchesKeeps()
    {
        const RulesFile::Result r = RulesFile::parse("version: 1\nrules:\n  - {name: a, match: {workspace: x}, "
                                                     "require: none}\n",
                                                     QStringLiteral("t.yaml"));
        QVERIFY(r.ok());
        const auto e = env("1", "x", 1, "y", "2", EnvironmentStatus::Running, RoleAssociation::dataWorksDefault());
        const RulePlan::Entry entry = RulePlan::evaluateOne(r.rules, e, Visibility::Public);
        QCOMPARE(entry.action, Action::Keep);
        QCOMPARE(entry.ruleIndex, -1);
        QVERIFY(!entry.target);
        QVERIFY(entry.reasons.join(u' ').contains(QStringLiteral("No rule matches")));
    }

    void planCountsAndOrder()
    {
        const RuleSet set = rules();
        QList<Environment> list;
        list << env("a", "x", 20, "retail", "9", EnvironmentStatus::Running, RoleAssociation::none()) // change
             << env("b", "x", 20, "retail", "9", EnvironmentStatus::Running,
                    RoleAssociation::dataWorksDefault())                                                // keep
             << env("c", "x", 20, "retail", "9", EnvironmentStatus::Updating, RoleAssociation::none()); // cannot-fix
        const QHash<QString, Visibility> vis{{QStringLiteral("a"), Visibility::Private}};
        const RulePlan::Plan plan =
            RulePlan::evaluate(set, list, [&](const QString& id) { return vis.value(id, Visibility::Private); });
        QCOMPARE(plan.entries.size(), 3);
        QCOMPARE(plan.change, 1);
        QCOMPARE(plan.keep, 1);
        QCOMPARE(plan.cannotFix, 1);
        QVERIFY(plan.hasChanges());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(plan.entries.at(i).environmentIndex, i);
            QCOMPARE(plan.entries.at(i).instanceId, list.at(i).instanceId);
        }
        QCOMPARE(RulePlan::actionToString(plan.entries.at(0).action), QStringLiteral("change"));
        QCOMPARE(RulePlan::actionToString(plan.entries.at(1).action), QStringLiteral("keep"));
        QCOMPARE(RulePlan::actionToString(plan.entries.at(2).action), QStringLiteral("cannot-fix"));
    }

    void auditReasonNamesTheRule()
    {
        const RuleSet set = rules();
        QCOMPARE(RulePlan::auditReason(set, 0), QStringLiteral("rules file t.yaml, rule \"named-public\""));
        QCOMPARE(RulePlan::auditReason(set, -1), QString());
    }
};

QTEST_GUILESS_MAIN(TestRulePlan)
#include "test_ruleplan.moc"
