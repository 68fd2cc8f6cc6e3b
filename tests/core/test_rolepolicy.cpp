#include "model/RolePolicy.h"

#include <QTest>

using namespace RolePolicy;

Q_DECLARE_METATYPE(RoleAssociation)
Q_DECLARE_METATYPE(std::optional<TrustPolicy>)

namespace {
const QString kArnA = QStringLiteral("acs:ram::1234567890123456:role/EnvRoleA");
const QString kArnB = QStringLiteral("acs:ram::1234567890123456:role/EnvRoleB");
const QString kArnUntrusted = QStringLiteral("acs:ram::1234567890123456:role/AccountOnly");
const QString kArnNoTrustInfo = QStringLiteral("acs:ram::1234567890123456:role/Unread");

TrustPolicy dataWorksTrust()
{
    return TrustPolicy::parse(
        QStringLiteral("{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
                       "\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"dataworks.aliyuncs.com\"]}}]}"));
}

TrustPolicy accountTrust()
{
    return TrustPolicy::parse(
        QStringLiteral("{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
                       "\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1234567890123456:root\"]}}]}"));
}

struct Requested
{
    const char* name;
    RoleAssociation role;
    std::optional<TrustPolicy> trust;
    bool malformed = false;
    bool unrecognised = false;
    bool untrusted = false;
    bool trustUnknown = false;
};

QList<Requested> requestedRoles()
{
    return {
        {"none", RoleAssociation::none(), std::nullopt},
        {"default", RoleAssociation::dataWorksDefault(), std::nullopt},
        {"customA", RoleAssociation::customRole(kArnA), dataWorksTrust()},
        {"customB", RoleAssociation::customRole(kArnB), dataWorksTrust()},
        {"untrusted", RoleAssociation::customRole(kArnUntrusted), accountTrust(), false, false, true},
        {"trustUnknown", RoleAssociation::customRole(kArnNoTrustInfo), std::nullopt, false, false, false, true},
        {"malformed", RoleAssociation::customRole(QStringLiteral("acs:ram::12ab:role/x")), dataWorksTrust(), true},
        {"unrecognised", RoleAssociation::unknown(QStringLiteral("odd")), std::nullopt, false, true},
    };
}

QList<QPair<const char*, RoleAssociation>> currentRoles()
{
    return {{"none", RoleAssociation::none()},
            {"default", RoleAssociation::dataWorksDefault()},
            {"customA", RoleAssociation::customRole(kArnA)},
            {"unknown", RoleAssociation::unknown(QStringLiteral("two configs"))}};
}

QList<EnvironmentStatus> allStatuses()
{
    return EnvironmentStatuses::all() << EnvironmentStatus::Unknown;
}

// The rule table from RolePolicy.h, written out independently of the implementation.
bool updatable(EnvironmentStatus s)
{
    switch (s) {
    case EnvironmentStatus::Running:
    case EnvironmentStatus::Stopped:
    case EnvironmentStatus::Saved:
    case EnvironmentStatus::SaveFailed:
    case EnvironmentStatus::Failed:
        return true;
    default:
        return false;
    }
}

Rule expectedStatusRule(EnvironmentStatus s)
{
    switch (s) {
    case EnvironmentStatus::Deleting:
    case EnvironmentStatus::Deleted:
        return Rule::StatusGone;
    case EnvironmentStatus::Arrearage:
        return Rule::StatusArrearage;
    case EnvironmentStatus::Unknown:
        return Rule::StatusUnknown;
    default:
        return Rule::StatusBusy;
    }
}
} // namespace

class TestRolePolicy : public QObject
{
    Q_OBJECT
private slots:
    void wholeTable_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("visibility");
        QTest::addColumn<RoleAssociation>("current");
        QTest::addColumn<RoleAssociation>("requested");
        QTest::addColumn<std::optional<TrustPolicy>>("trust");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QList<int>>("mustHave");
        QTest::addColumn<QList<int>>("mustNotHave");
        QTest::addColumn<bool>("noChange");
        QTest::addColumn<bool>("internet");

        const QList<Visibility> visibilities{Visibility::Public, Visibility::Private, Visibility::Unknown};
        int rows = 0;
        for (EnvironmentStatus status : allStatuses()) {
            for (const bool internet : {false, true}) {
                for (Visibility vis : visibilities) {
                    for (const auto& [currentName, current] : currentRoles()) {
                        for (const Requested& req : requestedRoles()) {
                            Verdict verdict = Verdict::Allowed;
                            QList<int> must;
                            QList<int> mustNot;
                            bool noChange = false;
                            const bool same = !req.malformed && !req.unrecognised && req.role == current;
                            if (req.unrecognised) {
                                verdict = Verdict::Refused;
                                must << int(Rule::UnrecognisedRequest);
                            } else if (req.malformed) {
                                verdict = Verdict::Refused;
                                must << int(Rule::MalformedArn);
                            } else if (same) {
                                verdict = Verdict::Allowed;
                                noChange = true;
                                must << int(Rule::NoChange);
                                if (vis == Visibility::Public && req.role.hasRole())
                                    must << int(Rule::PublicKeepsRole);
                                if (internet && req.role.hasRole())
                                    must << int(Rule::InternetKeepsRole);
                                else
                                    mustNot << int(Rule::InternetKeepsRole);
                                mustNot << int(Rule::PublicEnvironment) << int(Rule::InternetReachable);
                            } else {
                                const bool statusOk = updatable(status);
                                if (!statusOk)
                                    must << int(expectedStatusRule(status));
                                if (req.untrusted)
                                    must << int(Rule::RoleNotTrusted);
                                if (req.trustUnknown)
                                    must << int(Rule::TrustPolicyUnknown);
                                if (current.isUnknown())
                                    must << int(Rule::ReplacesUnrecognised);
                                if (!statusOk || req.untrusted) {
                                    verdict = Verdict::Refused;
                                    mustNot << int(Rule::InternetReachable);
                                } else if (req.role.isNone()) {
                                    verdict = Verdict::Allowed;
                                    must << int(Rule::RemovesRole);
                                    mustNot << int(Rule::PublicEnvironment) << int(Rule::VisibilityUnknown)
                                            << int(Rule::InternetReachable);
                                } else if (internet) {
                                    // Rule 6b: a role for an internet-reachable environment, whatever the visibility.
                                    verdict = Verdict::NeedsConfirmation;
                                    must << int(Rule::InternetReachable);
                                    if (vis == Visibility::Public)
                                        must << int(Rule::PublicEnvironment);
                                    else if (vis == Visibility::Unknown)
                                        must << int(Rule::VisibilityUnknown);
                                    else
                                        mustNot << int(Rule::PublicEnvironment) << int(Rule::VisibilityUnknown);
                                } else if (vis == Visibility::Public) {
                                    verdict = Verdict::NeedsConfirmation;
                                    must << int(Rule::PublicEnvironment);
                                } else if (vis == Visibility::Unknown) {
                                    verdict = Verdict::Allowed;
                                    must << int(Rule::VisibilityUnknown);
                                } else {
                                    verdict = Verdict::Allowed;
                                    mustNot << int(Rule::PublicEnvironment) << int(Rule::VisibilityUnknown);
                                }
                                if (!internet)
                                    mustNot << int(Rule::InternetReachable);
                            }
                            const QByteArray name =
                                EnvironmentStatuses::toString(status).toUtf8() + '/' + (internet ? "internet/" : "") +
                                Visibilities::toString(vis).toUtf8() + '/' + currentName + "->" + req.name;
                            QTest::newRow(name.constData())
                                << int(status) << int(vis) << current << req.role << req.trust << int(verdict) << must
                                << mustNot << noChange << internet;
                            ++rows;
                        }
                    }
                }
            }
        }
        QCOMPARE(rows, 14 * 2 * 3 * 4 * 8);
    }

    void wholeTable()
    {
        QFETCH(int, status);
        QFETCH(int, visibility);
        QFETCH(RoleAssociation, current);
        QFETCH(RoleAssociation, requested);
        QFETCH(std::optional<TrustPolicy>, trust);
        QFETCH(int, verdict);
        QFETCH(QList<int>, mustHave);
        QFETCH(QList<int>, mustNotHave);
        QFETCH(bool, noChange);
        QFETCH(bool, internet);

        Input in;
        in.status = EnvironmentStatus(status);
        in.visibility = Visibility(visibility);
        in.current = current;
        in.requested = requested;
        in.trustPolicy = trust;
        in.internetReachable = internet;
        if (internet)
            in.internetPorts = QStringList{QStringLiteral("22->2222")};
        const Decision d = evaluate(in);

        QCOMPARE(verdictToString(d.verdict), verdictToString(Verdict(verdict)));
        QCOMPARE(d.noChange, noChange);
        for (int r : mustHave)
            QVERIFY2(d.has(Rule(r)), qPrintable(QStringLiteral("missing rule %1").arg(ruleToString(Rule(r)))));
        for (int r : mustNotHave)
            QVERIFY2(!d.has(Rule(r)), qPrintable(QStringLiteral("unexpected rule %1").arg(ruleToString(Rule(r)))));
        QCOMPARE(d.reasons.size(), d.rules.size());
        for (const QString& reason : d.reasons)
            QVERIFY(!reason.trimmed().isEmpty());
        if (d.verdict != Verdict::Allowed)
            QVERIFY(!d.reasons.isEmpty());
        // The function is pure: same input, same answer.
        const Decision again = evaluate(in);
        QCOMPARE(again.rules, d.rules);
        QCOMPARE(again.reasons, d.reasons);
    }

    void publicEnvironmentQuotesTheGuidance()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Public;
        in.current = RoleAssociation::none();
        in.requested = RoleAssociation::dataWorksDefault();
        const Decision d = evaluate(in);
        QVERIFY(d.needsConfirmation());
        const QString text = d.reasons.join(QLatin1Char(' '));
        QVERIFY(text.contains(QLatin1String("Do Not Associate Role")));
        QVERIFY(text.contains(QLatin1String("unintended permission leaks")));
        QVERIFY(text.contains(QLatin1String("public")));
        QVERIFY(d.summary().startsWith(QLatin1String("Needs confirmation")));
    }

    void untrustedRoleExplainsTrustAndPassRole()
    {
        Input in;
        in.status = EnvironmentStatus::Stopped;
        in.visibility = Visibility::Private;
        in.requested = RoleAssociation::customRole(kArnUntrusted);
        in.trustPolicy = accountTrust();
        const Decision d = evaluate(in);
        QVERIFY(d.isRefused());
        const QString text = d.reasons.join(QLatin1Char(' '));
        QVERIFY(text.contains(QLatin1String("dataworks.aliyuncs.com")));
        QVERIFY(text.contains(QLatin1String("trusted entity")));
        QVERIFY(text.contains(QLatin1String("ram:PassRole")));
        QVERIFY(text.contains(QLatin1String("1234567890123456")));
    }

    void malformedArnSaysWhatIsWrong()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Private;
        in.requested = RoleAssociation::customRole(QStringLiteral("acs:ram::1:role/has space"));
        const Decision d = evaluate(in);
        QVERIFY(d.isRefused());
        QCOMPARE(d.rules, QList<Rule>{Rule::MalformedArn});
        QVERIFY(d.reasons.first().contains(QLatin1String("letters")));
    }

    void severalRefusalsAreAllReported()
    {
        Input in;
        in.status = EnvironmentStatus::Deleting;
        in.visibility = Visibility::Public;
        in.requested = RoleAssociation::customRole(kArnUntrusted);
        in.trustPolicy = accountTrust();
        const Decision d = evaluate(in);
        QVERIFY(d.isRefused());
        QVERIFY(d.has(Rule::StatusGone));
        QVERIFY(d.has(Rule::RoleNotTrusted));
        QVERIFY(d.summary().startsWith(QLatin1String("Refused")));
    }

    void trustedRoleThatAlsoTrustsAccountsGetsANote()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Private;
        in.requested = RoleAssociation::customRole(kArnA);
        in.trustPolicy = TrustPolicy::parse(QStringLiteral(
            "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            "\"dataworks.aliyuncs.com\",\"RAM\":\"acs:ram::999:root\"}}]}"));
        const Decision d = evaluate(in);
        QVERIFY(d.isAllowed());
        QVERIFY(d.has(Rule::RoleTrustsAccounts));
        QVERIFY(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("999")));
    }

    void unreadableTrustPolicyIsANoteNotARefusal()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Private;
        in.requested = RoleAssociation::customRole(kArnA);
        in.trustPolicy = TrustPolicy::parse(QStringLiteral("{broken"));
        const Decision d = evaluate(in);
        QVERIFY(d.isAllowed());
        QVERIFY(d.has(Rule::TrustPolicyUnknown));
    }

    void caseOnlyArnDifferenceIsNoChange()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Private;
        in.current = RoleAssociation::customRole(kArnA);
        in.requested = RoleAssociation::customRole(kArnA.toLower());
        QVERIFY(evaluate(in).noChange);
    }

    void statusTable()
    {
        QCOMPARE(classifyStatus(EnvironmentStatus::Running), StatusClass::Updatable);
        QCOMPARE(classifyStatus(EnvironmentStatus::Deleted), StatusClass::Gone);
        QCOMPARE(classifyStatus(EnvironmentStatus::Deleting), StatusClass::Gone);
        QCOMPARE(classifyStatus(EnvironmentStatus::Creating), StatusClass::Busy);
        QCOMPARE(classifyStatus(EnvironmentStatus::Updating), StatusClass::Busy);
        QCOMPARE(classifyStatus(EnvironmentStatus::Arrearage), StatusClass::Arrearage);
        QCOMPARE(classifyStatus(EnvironmentStatus::Unknown), StatusClass::Unknown);
        QVERIFY(statusAllowsUpdate(EnvironmentStatus::Failed));
        QVERIFY(!statusAllowsUpdate(EnvironmentStatus::Saving));
    }

    void confirmationNeedsATypedReason()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Public;
        in.requested = RoleAssociation::dataWorksDefault();
        const Decision needs = evaluate(in);
        QVERIFY(needs.needsConfirmation());
        QVERIFY(!checkConfirmation(needs, false, QStringLiteral("because")).isEmpty());
        QVERIFY(!checkConfirmation(needs, true, QString()).isEmpty());
        QVERIFY(!checkConfirmation(needs, true, QStringLiteral("  \t\n")).isEmpty());
        QVERIFY(checkConfirmation(needs, true, QStringLiteral("ticket OPS-42: shared demo")).isEmpty());
        QVERIFY(!isValidOverrideReason(QStringLiteral(" ")));

        in.visibility = Visibility::Private;
        QVERIFY(checkConfirmation(evaluate(in), false, QString()).isEmpty());

        in.status = EnvironmentStatus::Deleted;
        const Decision refused = evaluate(in);
        QVERIFY(refused.isRefused());
        QVERIFY(!checkConfirmation(refused, true, QStringLiteral("please")).isEmpty());
    }

    void inputForAnEnvironment()
    {
        Environment e;
        e.instanceId = QStringLiteral("699573");
        e.status = EnvironmentStatus::Deleting;
        e.role = RoleAssociation::dataWorksDefault();
        const Input in = inputFor(e, Visibility::Private, RoleAssociation::none());
        QCOMPARE(in.status, EnvironmentStatus::Deleting);
        QCOMPARE(in.current, RoleAssociation::dataWorksDefault());
        QVERIFY(!in.trustPolicy.has_value());
        QVERIFY(evaluate(in).has(Rule::StatusGone));
    }

    // Rule 6b: an internet-reachable environment getting a role needs a confirmed override with a reason, however
    // it is recorded; the reason names the ports; removing the role is never held back.
    void internetReachableNeedsConfirmation()
    {
        Input in;
        in.status = EnvironmentStatus::Running;
        in.visibility = Visibility::Private;
        in.current = RoleAssociation::none();
        in.requested = RoleAssociation::dataWorksDefault();
        in.internetReachable = true;
        in.internetPorts = QStringList{QStringLiteral("22->2222"), QStringLiteral("8888")};
        const Decision d = evaluate(in);
        QVERIFY(d.needsConfirmation());
        QCOMPARE(d.rules, QList<Rule>{Rule::InternetReachable});
        QVERIFY(d.reasons.first().contains(QLatin1String("internet")));
        QVERIFY(d.reasons.first().contains(QLatin1String("22->2222, 8888")));
        QVERIFY(!checkConfirmation(d, false, QStringLiteral("because")).isEmpty());
        QVERIFY(!checkConfirmation(d, true, QStringLiteral("   ")).isEmpty());
        QVERIFY(checkConfirmation(d, true, QStringLiteral("ticket OPS-7: SSH demo")).isEmpty());

        in.visibility = Visibility::Public;
        const Decision both = evaluate(in);
        QVERIFY(both.needsConfirmation());
        QVERIFY(both.has(Rule::InternetReachable) && both.has(Rule::PublicEnvironment));
        // Each confirmation rule is confirmed on its own: the public override does not cover internet exposure.
        QCOMPARE(confirmationRules(both), (QList<Rule>{Rule::InternetReachable, Rule::PublicEnvironment}));
        QCOMPARE(confirmationRules(d), QList<Rule>{Rule::InternetReachable});
        QVERIFY(confirmationRules(evaluate(Input())).isEmpty()); // refused: nothing to confirm
        const QString why = QStringLiteral("ticket OPS-8");
        const QString onlyPublic = checkConfirmation(both, QList<Rule>{Rule::PublicEnvironment}, why);
        QVERIFY2(onlyPublic.contains(QLatin1String("22->2222")), qPrintable(onlyPublic)); // names what is missing
        QVERIFY(!onlyPublic.contains(QLatin1String("recorded as public")));
        QVERIFY(!checkConfirmation(both, QList<Rule>{Rule::InternetReachable}, why).isEmpty());
        QVERIFY(!checkConfirmation(both, QList<Rule>{}, why).isEmpty());
        const QList<Rule> bothRules{Rule::PublicEnvironment, Rule::InternetReachable};
        QVERIFY(!checkConfirmation(both, bothRules, QStringLiteral(" ")).isEmpty());
        QVERIFY(checkConfirmation(both, bothRules, why).isEmpty());
        QVERIFY(checkConfirmation(d, QList<Rule>{Rule::InternetReachable}, why).isEmpty());
        QVERIFY(!checkConfirmation(d, QList<Rule>{Rule::PublicEnvironment}, why).isEmpty());
        QVERIFY(checkConfirmation(both, true, why).isEmpty()); // true: every rule of the decision

        in.requested = RoleAssociation::none();
        in.current = RoleAssociation::dataWorksDefault();
        QVERIFY(evaluate(in).isAllowed());

        // Stopped still counts: it is reachable again as soon as it starts.
        in.status = EnvironmentStatus::Stopped;
        in.current = RoleAssociation::none();
        in.requested = RoleAssociation::customRole(kArnA);
        in.trustPolicy = dataWorksTrust();
        in.visibility = Visibility::Unknown;
        QVERIFY(evaluate(in).has(Rule::InternetReachable));
    }

    void inputForCarriesExposure()
    {
        Environment e;
        e.instanceId = QStringLiteral("699573");
        e.status = EnvironmentStatus::Running;
        ForwardInfo ssh;
        ssh.enabled = true;
        ssh.accessTypes = QStringList{QStringLiteral("intranet"), QStringLiteral("Internet")};
        ssh.forwardPort = QStringLiteral("22");
        ssh.externalPort = QStringLiteral("2222");
        ForwardInfo off = ssh;
        off.enabled = false;
        off.forwardPort = QStringLiteral("8080");
        off.externalPort = QStringLiteral("8080");
        ForwardInfo intranet;
        intranet.enabled = true;
        intranet.accessTypes = QStringList{QStringLiteral("intranet")};
        intranet.forwardPort = QStringLiteral("9000");
        e.forwardInfos = {off, intranet};
        QVERIFY(!inputFor(e, Visibility::Private, RoleAssociation::dataWorksDefault()).internetReachable);
        QVERIFY(evaluate(inputFor(e, Visibility::Private, RoleAssociation::dataWorksDefault())).isAllowed());
        e.forwardInfos << ssh;
        const Input in = inputFor(e, Visibility::Private, RoleAssociation::dataWorksDefault());
        QVERIFY(in.internetReachable);
        QCOMPARE(in.internetPorts, QStringList{QStringLiteral("22->2222")});
        QVERIFY(evaluate(in).has(Rule::InternetReachable));
    }

    void stableNames()
    {
        QCOMPARE(ruleToString(Rule::InternetReachable), QStringLiteral("internet-reachable"));
        QCOMPARE(ruleToString(Rule::InternetKeepsRole), QStringLiteral("internet-keeps-role"));
        QCOMPARE(verdictToString(Verdict::NeedsConfirmation), QStringLiteral("needs-confirmation"));
        QCOMPARE(ruleToString(Rule::RoleNotTrusted), QStringLiteral("role-not-trusting-dataworks"));
        QCOMPARE(ruleToString(Rule::PublicEnvironment), QStringLiteral("public-environment"));
    }
};

QTEST_GUILESS_MAIN(TestRolePolicy)
#include "test_rolepolicy.moc"
