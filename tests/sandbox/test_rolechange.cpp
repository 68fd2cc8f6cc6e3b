// RoleChange, the one role-change operation, end to end against a strict sandbox that stores CredentialConfig as the
// SDK model allows: what it keeps, what it drops and refuses to lose, the default chain it reuses, confirmation,
// conflicts, and the audit record.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "api/RoleChange.h"
#include "model/AuditLog.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kAccount = u"1380246718450127"_s;
QString arn(const QString& name)
{
    return u"acs:ram::1380246718450127:role/"_s + name;
}
} // namespace

class TestRoleChange : public QObject
{
    Q_OBJECT

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DataWorksClient> m_dw;
    std::unique_ptr<RamClient> m_ram;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_audit;

    RoleChange::Result run(RoleChange::Request request, RoleChange::Confirm confirm = {})
    {
        RoleChange change(m_dw.get(), m_ram.get(), m_audit.get());
        if (request.actor.isEmpty())
            request.actor = u"acs:ram::1380246718450127:user/roledesk-admin"_s;
        RoleChange::Result result;
        bool done = false;
        change.run(request, std::move(confirm), [&](const RoleChange::Result& r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning("RoleChange did not finish");
        return result;
    }
    static RoleChange::Request upFront(const QString& id, const RoleAssociation& role)
    {
        RoleChange::Request request;
        request.instanceId = id;
        request.requested = role;
        request.confirmedUpFront = true;
        return request;
    }
    QJsonObject stored(const QString& id) const
    {
        SandboxData::Environment e;
        if (!m_sandbox->engine()->environment(id, &e))
            return {};
        return QJsonDocument::fromJson(e.credentialConfig).object();
    }
    static QJsonObject role(const QJsonObject& config, int configIndex = 0)
    {
        return config.value(u"Configs").toArray().at(configIndex).toObject().value(u"Roles").toArray().at(0).toObject();
    }

private slots:
    void init()
    {
        m_sandbox = std::make_unique<Sandbox>();
        Sandbox::Options options;
        options.transitionDelayMs = 0;
        QString error;
        QVERIFY2(m_sandbox->load(options, &error), qPrintable(error));
        QVERIFY(m_sandbox->engine()->strictPlacement());
        const QUrl base = m_sandbox->start();
        QVERIFY(base.isValid());
        Endpoints endpoints(m_sandbox->region());
        endpoints.setEndpointOverride(base);
        const Credential admin(m_sandbox->accessKeyId(), m_sandbox->accessKeySecret(), {}, {}, u"sandbox admin"_s);
        m_api = std::make_unique<ApiClient>(endpoints, [admin] { return admin; });
        m_dw = std::make_unique<DataWorksClient>(m_api.get());
        m_ram = std::make_unique<RamClient>(m_api.get());
        m_dir = std::make_unique<QTemporaryDir>();
        m_audit = std::make_unique<AuditLog>(m_dir->filePath(u"audit.sqlite"_s));
        QVERIFY(m_audit->open());
    }
    void cleanup()
    {
        m_audit.reset();
        m_ram.reset();
        m_dw.reset();
        m_api.reset();
        if (m_sandbox)
            m_sandbox->stop();
        m_sandbox.reset();
    }

    // 700117: DataWorksDevMarketingReader restricted by a session policy, AssumeRoleFor the account.
    void customToCustomKeepsThePolicyThroughTheService()
    {
        const QString policy = role(stored(u"700117"_s)).value(u"Policy").toString();
        QVERIFY(!policy.isEmpty());
        const auto result = run(upFront(u"700117"_s, RoleAssociation::customRole(arn(u"DataWorksSharedAnalytics"_s))));
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        const QJsonObject after = role(stored(u"700117"_s));
        QCOMPARE(after.value(u"RoleArn").toString(), arn(u"DataWorksSharedAnalytics"_s));
        QCOMPARE(after.value(u"Policy").toString(), policy);
        QCOMPARE(after.value(u"AssumeRoleFor").toString(), kAccount);
        QCOMPARE(after.value(u"RoleType").toString(), u"service"_s);
        QVERIFY(result.after.role.isRestricted());
        QVERIFY(!result.plan.write.kept.isEmpty());
        // Audited once, with the write's RequestId and the caller.
        const QList<AuditEntry> entries = m_audit->query();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().outcome, u"applied"_s);
        QVERIFY(!entries.first().requestId.isEmpty());
        QCOMPARE(entries.first().requestId, result.requestId);
        QCOMPARE(entries.first().actor, u"acs:ram::1380246718450127:user/roledesk-admin"_s);
        QCOMPARE(entries.first().fromRole, arn(u"DataWorksDevMarketingReader"_s));
    }

    void aSessionPolicyIsNeverLostSilently()
    {
        const QJsonObject before = stored(u"700117"_s);
        auto result = run(upFront(u"700117"_s, RoleAssociation::dataWorksDefault()));
        QCOMPARE(result.outcome, RoleChange::Outcome::Refused);
        QVERIFY(result.message.contains(u"session policy"_s));
        QCOMPARE(stored(u"700117"_s), before); // nothing sent
        QVERIFY(m_audit->query().isEmpty());
        auto request = upFront(u"700117"_s, RoleAssociation::dataWorksDefault());
        request.dropSessionPolicy = true;
        result = run(request);
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        QVERIFY(result.after.role.isDataWorksDefault());
        QVERIFY(!QJsonDocument(stored(u"700117"_s)).toJson().contains("Policy"));
    }

    // 700109: configured by someone else (two configs; AliyunEnvRoleKey "1" selects the custom role). 700111 in the
    // same workspace holds a default chain naming two roles.
    void someoneElsesConfigIsKeptAndTheServicesChainReused()
    {
        const QJsonObject before = stored(u"700109"_s);
        auto result = run(upFront(u"700109"_s, RoleAssociation::dataWorksDefault()));
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        const QJsonObject after = stored(u"700109"_s);
        QCOMPARE(after.value(u"AliyunEnvRoleKey").toString(), u"1"_s);
        const QJsonArray configs = after.value(u"Configs").toArray();
        QCOMPARE(configs.size(), 2);
        QCOMPARE(configs.at(0), before.value(u"Configs").toArray().at(0)); // the other config, untouched
        const QJsonObject chain = configs.at(1).toObject();
        QCOMPARE(chain.value(u"Type").toString(), u"RoleChain"_s);
        const QJsonArray roles = chain.value(u"Roles").toArray();
        QCOMPARE(roles.size(), 2); // the chain the service holds for 700111, role for role
        QCOMPARE(roles.at(0).toObject().value(u"RoleArn").toString(), arn(u"SandboxDataWorksDefaultRole"_s));
        QCOMPARE(roles.at(1).toObject().value(u"RoleArn").toString(), arn(u"DataWorksSharedAnalytics"_s));
        QVERIFY(result.plan.write.notes.join(u'\n').contains(u"700111"_s));
        QCOMPARE(result.after.role.chainRoles().size(), 2);

        // And back to a custom role: only the selected config changes again.
        result = run(upFront(u"700109"_s, RoleAssociation::customRole(arn(u"DataWorksDevRiskAnalyst"_s))));
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        QCOMPARE(stored(u"700109"_s).value(u"Configs").toArray().size(), 2);
        QCOMPARE(stored(u"700109"_s).value(u"Configs").toArray().at(0), before.value(u"Configs").toArray().at(0));
    }

    // 700124: RoleType user.
    void aUserRoleIsRecognisedAndKept()
    {
        Environment env;
        bool done = false;
        m_dw->getServerIdeInstance(u"700124"_s, [&](const Environment& e, const ApiError&) {
            env = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(env.role.isCustomRole());
        QVERIFY(env.role.isUserRole());
        const auto result = run(upFront(u"700124"_s, RoleAssociation::customRole(arn(u"DataWorksDevRetailReader"_s))));
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        QCOMPARE(role(stored(u"700124"_s)).value(u"RoleType").toString(), u"user"_s);
        const auto none = run(upFront(u"700124"_s, RoleAssociation::none()));
        QCOMPARE(none.outcome, RoleChange::Outcome::Applied);
        QCOMPARE(stored(u"700124"_s).value(u"Enable").toBool(true), false);
    }

    // Issue 18: the operation itself honours the internet-reachable rule, whatever the front end showed. 700126
    // iot_partner_bridge forwards SSH to the internet (ForwardInfos); recorded private.
    void anInternetReachableEnvironmentNeedsItsOwnConfirmation()
    {
        auto request = upFront(u"700126"_s, RoleAssociation::dataWorksDefault());
        request.visibility = Visibility::Private;
        const QJsonObject before = stored(u"700126"_s);
        // A confirmation of the public rule (a bulk run's check box, --allow-public) does not cover it.
        auto result = run(request, [](const RoleChange::Plan& plan, RoleChange::Answer answer) {
            QVERIFY(plan.decision.has(RolePolicy::Rule::InternetReachable));
            answer({true, true, u"bulk run"_s, {RolePolicy::Rule::PublicEnvironment}});
        });
        QCOMPARE(result.outcome, RoleChange::Outcome::NeedsConfirmation);
        QVERIFY2(result.message.contains(u"22->22026"_s), qPrintable(result.message));
        QCOMPARE(stored(u"700126"_s), before);
        QVERIFY(m_audit->query().isEmpty());
        // Nor does an override without a reason.
        result = run(request, [](const RoleChange::Plan&, RoleChange::Answer answer) {
            answer({true, true, u" "_s, {RolePolicy::Rule::InternetReachable}});
        });
        QCOMPARE(result.outcome, RoleChange::Outcome::NeedsConfirmation);
        QCOMPARE(stored(u"700126"_s), before);
        // Its own confirmation with a reason: written and audited with the override.
        result = run(request, [](const RoleChange::Plan&, RoleChange::Answer answer) {
            answer({true, true, u"OPS-9: partner SSH until Friday"_s, {RolePolicy::Rule::InternetReachable}});
        });
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        const AuditEntry entry = m_audit->query().constLast();
        QVERIFY(entry.override);
        QCOMPARE(entry.reason, u"OPS-9: partner SSH until Friday"_s);
        // Removing the role again needs nothing.
        QCOMPARE(run(upFront(u"700126"_s, RoleAssociation::none())).outcome, RoleChange::Outcome::Applied);
    }

    void aPublicEnvironmentNeedsAConfirmationWithAReason()
    {
        // 700106 retail_onboarding: public, no role.
        auto request = upFront(u"700106"_s, RoleAssociation::dataWorksDefault());
        request.visibility = Visibility::Public;
        int asked = 0;
        auto result = run(request, [&](const RoleChange::Plan& plan, RoleChange::Answer answer) {
            ++asked;
            QVERIFY(plan.decision.needsConfirmation());
            answer({true, true, u"   "_s, {}}); // no real reason
        });
        QCOMPARE(asked, 1);
        QCOMPARE(result.outcome, RoleChange::Outcome::NeedsConfirmation);
        QVERIFY(m_audit->query().isEmpty());
        result = run(request, [](const RoleChange::Plan&, RoleChange::Answer answer) {
            answer({true, true, u"workshop today"_s, {}});
        });
        QCOMPARE(result.outcome, RoleChange::Outcome::Applied);
        const AuditEntry entry = m_audit->query().constLast();
        QVERIFY(entry.override);
        QCOMPARE(entry.reason, u"workshop today"_s);
        // Declined: nothing sent, nothing audited.
        const int audited = int(m_audit->query().size());
        result =
            run(upFront(u"700106"_s, RoleAssociation::none()), [](const RoleChange::Plan&, RoleChange::Answer answer) {
                answer({false, false, {}, {}});
            });
        QCOMPARE(result.outcome, RoleChange::Outcome::NotConfirmed);
        QCOMPARE(m_audit->query().size(), audited);
    }

    void aChangeWhileAPersonConfirmsIsAConflict()
    {
        // A person confirms (later); meanwhile someone else writes.
        RoleChange::Request request;
        request.instanceId = u"700104"_s;
        request.requested = RoleAssociation::dataWorksDefault();
        const auto result = run(request, [this](const RoleChange::Plan&, RoleChange::Answer answer) {
            bool written = false;
            m_dw->updateCredentialConfig(u"700104"_s,
                                         QJsonObject{{u"Enable"_s, false}, {u"AliyunEnvRoleKey"_s, u"9"_s}},
                                         [&](const QString&, const ApiError&) { written = true; });
            QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
            QTimer::singleShot(0, [answer] { answer({true, false, {}, {}}); });
        });
        QCOMPARE(result.outcome, RoleChange::Outcome::Conflict);
        QCOMPARE(stored(u"700104"_s).value(u"AliyunEnvRoleKey").toString(), u"9"_s); // not overwritten
        QCOMPARE(m_audit->query().constLast().outcome, u"conflict"_s);
        // A stale copy shown to the admin is a conflict before anything is asked.
        auto stale = upFront(u"700104"_s, RoleAssociation::dataWorksDefault());
        stale.expectedUpdateTimeMs = 1;
        QCOMPARE(run(stale).outcome, RoleChange::Outcome::Conflict);
    }

    void refusalsChangeNothing()
    {
        // 700115 is DELETED; a role that does not trust DataWorks (EcsAppServerRole) is refused by RAM's trust policy.
        QCOMPARE(run(upFront(u"700115"_s, RoleAssociation::dataWorksDefault())).outcome, RoleChange::Outcome::Refused);
        const auto untrusted = run(upFront(u"700104"_s, RoleAssociation::customRole(arn(u"EcsAppServerRole"_s))));
        QCOMPARE(untrusted.outcome, RoleChange::Outcome::Refused);
        QVERIFY(untrusted.plan.decision.has(RolePolicy::Rule::RoleNotTrusted));
        QCOMPARE(run(upFront(u"700101"_s, RoleAssociation::dataWorksDefault())).outcome, RoleChange::Outcome::NoChange);
        QVERIFY(m_audit->query().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRoleChange)
#include "test_rolechange.moc"
