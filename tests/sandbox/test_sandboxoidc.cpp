// STS AssumeRoleWithOIDC in the sandbox, driven by RoleDesk's OidcRoleArnProvider (an anonymous call with a token
// file, as the official libraries make it): the sandbox checks the provider ARN, the token's signature, issuer,
// audience and expiry, and the role's trust policy; the credential it issues works for GetCallerIdentity.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/OidcRoleArnProvider.h"

#include "SecretScanner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

class TestSandboxOidc : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox> m_sandbox;
    std::optional<QTemporaryDir> m_dir;

    QString writeToken(const QString& token)
    {
        const QString path = m_dir->filePath(u"token"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(token.toUtf8());
        return path;
    }
    OidcRoleArnProvider::Spec spec(const QString& tokenFile, const QString& role = u"DataWorksDevRiskAnalyst"_s)
    {
        OidcRoleArnProvider::Spec s;
        s.roleArn = u"acs:ram::"_s + m_sandbox->accountId() + u":role/"_s + role;
        s.oidcProviderArn = m_sandbox->engine()->oidcProviderArn();
        s.tokenFile = tokenFile;
        s.sessionName = u"ci-job-7"_s;
        s.sts.profileEndpoint = m_sandbox->endpoint().toString();
        return s;
    }
    CredentialResult fetch(const OidcRoleArnProvider::Spec& s)
    {
        CredentialContext context;
        OidcRoleArnProvider provider(context, s);
        std::optional<CredentialResult> result;
        provider.fetch([&result](const CredentialResult& r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
        return result.value_or(CredentialResult{});
    }

private slots:
    void init()
    {
        m_sandbox = std::make_unique<Sandbox>();
        QVERIFY(m_sandbox->start().isValid());
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void tokenFromTheSandboxGivesAWorkingCredential()
    {
        QVERIFY(m_sandbox->engine()->trustOidcProvider(u"DataWorksDevRiskAnalyst"_s));
        const QString token = m_sandbox->engine()->issueOidcToken(u"repo:acme/etl:ref:main"_s);
        LogCapture log;
        const CredentialResult r = fetch(spec(writeToken(token)));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.credential.accessKeyId().startsWith(u"STS."_s));
        QVERIFY(r.credential.expires());

        Endpoints endpoints(m_sandbox->region());
        endpoints.setEndpointOverride(m_sandbox->endpoint());
        const Credential credential = r.credential;
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
        QCOMPARE(identity.identityType, u"AssumedRoleUser"_s);
        QVERIFY2(identity.arn.endsWith(u":assumed-role/DataWorksDevRiskAnalyst/ci-job-7"_s), qPrintable(identity.arn));
        QVERIFY(log.findAny({token, r.credential.accessKeySecret(), r.credential.securityToken()}).isEmpty());
    }

    void sandboxRefuses()
    {
        QVERIFY(m_sandbox->engine()->trustOidcProvider(u"DataWorksDevRiskAnalyst"_s));
        const QString token = m_sandbox->engine()->issueOidcToken(u"sub-1"_s);

        // A token someone else signed (the signature of another payload).
        QString forged = token;
        forged[forged.lastIndexOf(u'.') + 2] = forged[forged.lastIndexOf(u'.') + 2] == u'A' ? u'B' : u'A';
        CredentialResult r = fetch(spec(writeToken(forged)));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(u"AuthenticationFail.OIDCToken.Invalid"_s), qPrintable(r.error.message));
        QVERIFY(!r.error.toString().contains(forged));

        // An expired token.
        r = fetch(spec(writeToken(m_sandbox->engine()->issueOidcToken(u"sub-1"_s, -10))));
        QVERIFY2(r.error.message.contains(u"AuthenticationFail.OIDCToken.Expired"_s), qPrintable(r.error.message));

        // A role that does not trust the provider.
        r = fetch(spec(writeToken(token), u"DataWorksDevRetailReader"_s));
        QVERIFY2(r.error.message.contains(u"AuthenticationFail.NoPermission"_s), qPrintable(r.error.message));
        QCOMPARE(r.error.httpStatus, 403);

        // An unknown provider, an unknown role, a duration above the role's maximum.
        OidcRoleArnProvider::Spec s = spec(writeToken(token));
        s.oidcProviderArn = u"acs:ram::"_s + m_sandbox->accountId() + u":oidc-provider/Other"_s;
        r = fetch(s);
        QVERIFY2(r.error.message.contains(u"EntityNotExist.OIDCProvider"_s), qPrintable(r.error.message));
        r = fetch(spec(writeToken(token), u"NoSuchRole"_s));
        QVERIFY2(r.error.message.contains(u"EntityNotExist.Role"_s), qPrintable(r.error.message));
        s = spec(writeToken(token));
        s.durationSeconds = 7201;
        r = fetch(s);
        QVERIFY2(r.error.message.contains(u"InvalidParameter.DurationSeconds"_s), qPrintable(r.error.message));
        s.durationSeconds = 7200;
        r = fetch(s);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestSandboxOidc)
#include "test_sandboxoidc.moc"
