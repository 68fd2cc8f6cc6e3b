// STS AssumeRoleWithOIDC and the CloudSSO credential exchange in the sandbox, driven by RoleDesk's OidcRoleArnProvider
// (an anonymous call with a token file, as the official libraries make it): the sandbox checks the provider ARN, the
// token's signature, issuer, audience and expiry, and the role's trust policy; the credential it issues works for
// GetCallerIdentity.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/OidcRoleArnProvider.h"
#include "credentials/ProfileCredentialProvider.h"

#include "SecretScanner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

    // A CloudSSO profile as the aliyun CLI leaves it after a sign-in, its cached STS credential already expired:
    // RoleDesk asks the sandbox's /cloud-credentials with the access token, as the official libraries do.
    void cloudSsoRenewsThroughTheAccessToken()
    {
        const QString token = m_sandbox->engine()->issueCloudSsoAccessToken(u"ac-risk"_s, u"DataWorksDevRiskAnalyst"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto profile = [&](const QString& name, const QString& accessToken, const QString& accessConfig) {
            return QJsonObject{
                {u"name"_s, name},
                {u"mode"_s, u"CloudSSO"_s},
                {u"cloud_sso_sign_in_url"_s, m_sandbox->endpoint().resolved(QUrl(u"/login"_s)).toString()},
                {u"cloud_sso_account_id"_s, m_sandbox->accountId()},
                {u"cloud_sso_access_config"_s, accessConfig},
                {u"access_token"_s, accessToken},
                {u"cloud_sso_access_token_expire"_s, double(now.addSecs(3600).toSecsSinceEpoch())},
                {u"access_key_id"_s, u"STS.OldCachedKey"_s},
                {u"access_key_secret"_s, u"old-cached-secret-value"_s},
                {u"sts_token"_s, u"old-cached-token-value"_s},
                {u"sts_expiration"_s, double(now.addSecs(-60).toSecsSinceEpoch())}};
        };
        QJsonArray profiles{profile(u"sso"_s, token, u"ac-risk"_s), profile(u"wrong-config"_s, token, u"ac-other"_s),
                            profile(u"bad-token"_s, u"sso.forged"_s, u"ac-risk"_s)};
        QDir().mkpath(m_dir->filePath(u".aliyun"_s));
        QFile cfg(m_dir->filePath(u".aliyun/config.json"_s));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QJsonDocument(QJsonObject{{u"current"_s, u"sso"_s}, {u"profiles"_s, profiles}}).toJson());
        cfg.close();

        CredentialContext context;
        context.homePath = m_dir->path();
        LogCapture log;
        auto fetchProfile = [&](const QString& name) {
            CliProfileProvider provider(context, name);
            std::optional<CredentialResult> result;
            provider.fetch([&result](const CredentialResult& r) { result = r; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
            return result.value_or(CredentialResult{});
        };
        CredentialResult r = fetchProfile(u"sso"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.credential.accessKeyId().startsWith(u"STS.N"_s)); // a new one from the sandbox

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
        QVERIFY2(identity.arn.contains(u":assumed-role/DataWorksDevRiskAnalyst/"_s), qPrintable(identity.arn));

        r = fetchProfile(u"wrong-config"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(u"NoPermission.AccessConfiguration"_s), qPrintable(r.error.message));
        QVERIFY(r.error.message.contains(u"aliyun configure --profile wrong-config --mode CloudSSO"_s));
        r = fetchProfile(u"bad-token"_s);
        QVERIFY2(r.error.message.contains(u"InvalidAccessToken"_s), qPrintable(r.error.message));
        QVERIFY(
            log.findAny({token, credential.accessKeySecret(), credential.securityToken(), u"old-cached-secret-value"_s})
                .isEmpty());
        QVERIFY(!r.error.toString().contains(token));
    }
};

QTEST_GUILESS_MAIN(TestSandboxOidc)
#include "test_sandboxoidc.moc"
