// STS AssumeRoleWithOIDC and the CloudSSO credential exchange in the sandbox, driven by RoleDesk's OidcRoleArnProvider
// (an anonymous call with a token file, as the official libraries make it): the sandbox checks the provider ARN, the
// token's signature, issuer, audience and expiry, and the role's trust policy; the credential it issues works for
// GetCallerIdentity.
#include "Sandbox.h"

#include "api/ApiClient.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/OAuthProvider.h"
#include "credentials/OidcRoleArnProvider.h"
#include "credentials/ProfileCredentialProvider.h"

#include "CredentialFixtures.h"
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
        return CredentialFixtures::writeOidcTokenFile(m_dir->filePath(u"token"_s), token.toUtf8());
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

    // ---- OAuth ----

    QString oauthConfigPath() const { return m_dir->filePath(u".aliyun/config.json"_s); }
    void writeOAuthProfiles(const QJsonArray& profiles)
    {
        QDir().mkpath(m_dir->filePath(u".aliyun"_s));
        QFile cfg(oauthConfigPath());
        QVERIFY(cfg.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cfg.write(QJsonDocument(QJsonObject{{u"current"_s, profiles.first().toObject().value(u"name"_s)},
                                            {u"profiles"_s, profiles},
                                            {u"meta_path"_s, u""_s}})
                      .toJson());
    }
    QJsonObject oauthProfile(const QString& name, const SandboxEngine::OAuthSignIn& signIn, qint64 stsExpiration,
                             const QString& site = u"CN"_s)
    {
        return QJsonObject{{u"name"_s, name},
                           {u"mode"_s, u"OAuth"_s},
                           {u"region_id"_s, u"cn-shanghai"_s},
                           {u"oauth_site_type"_s, site},
                           {u"oauth_access_token"_s, signIn.accessToken},
                           {u"oauth_refresh_token"_s, signIn.refreshToken},
                           {u"oauth_access_token_expire"_s, double(signIn.accessTokenExpire)},
                           {u"access_key_id"_s, u"STS.OldCachedKey"_s},
                           {u"access_key_secret"_s, u"old-cached-secret-value"_s},
                           {u"sts_token"_s, u"old-cached-token-value"_s},
                           {u"sts_expiration"_s, double(stsExpiration)}};
    }
    QJsonObject storedProfile(const QString& name) const
    {
        QFile cfg(oauthConfigPath());
        if (!cfg.open(QIODevice::ReadOnly))
            return {};
        for (const QJsonValue& v : QJsonDocument::fromJson(cfg.readAll()).object().value(u"profiles"_s).toArray())
            if (v.toObject().value(u"name"_s).toString() == name)
                return v.toObject();
        return {};
    }
    CredentialContext oauthContext() const
    {
        CredentialContext context;
        context.homePath = m_dir->path();
        context.oauthSignInUrl = m_sandbox->endpoint();
        return context;
    }
    CredentialResult fetchProfile(const CredentialContext& context, const QString& name)
    {
        CliProfileProvider provider(context, name);
        std::optional<CredentialResult> result;
        provider.fetch([&result](const CredentialResult& r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
        return result.value_or(CredentialResult{});
    }

    // An OAuth profile whose cached STS credential and access token are both due: RoleDesk renews the sign-in with
    // the refresh token (POST /v1/token), saves the rotated tokens in the profile at once, exchanges the new access
    // token for an STS credential (POST /v1/exchange) and saves it too, keeping every other field; the next fetch
    // uses what was saved, without the network.
    void oauthRenewsTheSignInAndSavesIt()
    {
        SandboxEngine* engine = m_sandbox->engine();
        const SandboxEngine::OAuthSignIn signIn =
            engine->issueOAuthSignIn(OAuthProvider::clientId(u"CN"_s), u"DataWorksDevRiskAnalyst"_s, 600);
        const qint64 past = QDateTime::currentSecsSinceEpoch() - 60;
        const QJsonObject other{{u"name"_s, u"ak"_s},
                                {u"mode"_s, u"AK"_s},
                                {u"access_key_id"_s, u"LTAI5tOther"_s},
                                {u"access_key_secret"_s, u"other-secret-value"_s}};
        writeOAuthProfiles({oauthProfile(u"oauth"_s, signIn, past), other});
        LogCapture log;
        const CredentialResult r = fetchProfile(oauthContext(), u"oauth"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.credential.accessKeyId().startsWith(u"STS.N"_s));
        QCOMPARE(engine->oauthRenewals(), 1);

        const QJsonObject saved = storedProfile(u"oauth"_s);
        QVERIFY(!saved.value(u"oauth_refresh_token"_s).toString().isEmpty());
        QVERIFY(saved.value(u"oauth_refresh_token"_s).toString() != signIn.refreshToken);
        QVERIFY(saved.value(u"oauth_access_token"_s).toString() != signIn.accessToken);
        QVERIFY(saved.value(u"oauth_access_token_expire"_s).toDouble() >
                double(QDateTime::currentSecsSinceEpoch() + 3000));
        QCOMPARE(saved.value(u"access_key_id"_s).toString(), r.credential.accessKeyId());
        QCOMPARE(saved.value(u"sts_token"_s).toString(), r.credential.securityToken());
        QCOMPARE(qint64(saved.value(u"sts_expiration"_s).toDouble()), r.credential.expiration().toSecsSinceEpoch());
        QCOMPARE(saved.value(u"region_id"_s).toString(), u"cn-shanghai"_s);
        QCOMPARE(storedProfile(u"ak"_s), other);

        // The saved credential is fresh: no renewal, no exchange.
        const CredentialResult again = fetchProfile(oauthContext(), u"oauth"_s);
        QVERIFY2(again.ok(), qPrintable(again.error.toString()));
        QCOMPARE(again.credential.accessKeyId(), r.credential.accessKeyId());
        QCOMPARE(engine->oauthRenewals(), 1);

        // A second program that still holds the spent refresh token (read before the renewal) is refused
        // (invalid_grant), finds the rotated sign-in saved in the file, and uses it without another renewal.
        OAuthProvider::Spec stale;
        stale.profileName = u"oauth"_s;
        stale.configPath = oauthConfigPath();
        stale.siteType = u"CN"_s;
        stale.refreshToken = signIn.refreshToken;
        stale.accessToken = signIn.accessToken;
        stale.accessTokenExpire = signIn.accessTokenExpire;
        stale.description = u"stale reader"_s;
        OAuthProvider staleProvider(oauthContext(), stale);
        std::optional<CredentialResult> staleResult;
        staleProvider.fetch([&staleResult](const CredentialResult& res) { staleResult = res; });
        QTRY_VERIFY_WITH_TIMEOUT(staleResult.has_value(), 30000);
        QVERIFY2(staleResult->ok(), qPrintable(staleResult->error.toString()));
        QCOMPARE(staleResult->credential.accessKeyId(), r.credential.accessKeyId());
        QCOMPARE(engine->oauthRenewals(), 1);

        // The spent refresh token is refused by the sandbox, as the service refuses it.
        writeOAuthProfiles({oauthProfile(u"replayed"_s, signIn, past)});
        const CredentialResult replayed = fetchProfile(oauthContext(), u"replayed"_s);
        QVERIFY(!replayed.ok());
        QVERIFY2(replayed.error.message.contains(u"invalid_grant"_s), qPrintable(replayed.error.message));
        QVERIFY2(replayed.error.message.contains(
                     u"`aliyun configure --mode OAuth --oauth-site-type CN --profile replayed`"_s),
                 qPrintable(replayed.error.message));
        QCOMPARE(replayed.error.httpStatus, 400);

        const QStringList secrets{signIn.accessToken,
                                  signIn.refreshToken,
                                  saved.value(u"oauth_access_token"_s).toString(),
                                  saved.value(u"oauth_refresh_token"_s).toString(),
                                  r.credential.accessKeySecret(),
                                  r.credential.securityToken(),
                                  u"old-cached-secret-value"_s,
                                  u"other-secret-value"_s};
        QVERIFY(log.findAny(secrets).isEmpty());
        QVERIFY(findSecret(replayed.error.toString(), secrets).isEmpty());
    }

    // A valid access token is exchanged as is (no renewal); failures name the sign-in command and show no secret;
    // a still-valid cached credential outlives a refused renewal.
    void oauthExchangeAndFailures()
    {
        SandboxEngine* engine = m_sandbox->engine();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const SandboxEngine::OAuthSignIn valid =
            engine->issueOAuthSignIn(OAuthProvider::clientId(u"CN"_s), u"DataWorksDevRiskAnalyst"_s, 3600);
        const SandboxEngine::OAuthSignIn intl =
            engine->issueOAuthSignIn(OAuthProvider::clientId(u"INTL"_s), u"DataWorksDevRiskAnalyst"_s, 60);
        SandboxEngine::OAuthSignIn forged = valid;
        forged.accessToken = u"oat.forged"_s;
        forged.refreshToken.clear();
        SandboxEngine::OAuthSignIn ended = valid;
        ended.refreshToken.clear();
        ended.accessTokenExpire = now - 10;
        SandboxEngine::OAuthSignIn spent = intl;
        spent.refreshToken = u"ort.unknown"_s;
        writeOAuthProfiles({oauthProfile(u"valid"_s, valid, now - 60), oauthProfile(u"wrong-site"_s, intl, now - 60),
                            oauthProfile(u"forged"_s, forged, now - 60), oauthProfile(u"ended"_s, ended, now - 60),
                            oauthProfile(u"no-site"_s, valid, now - 60, u"EU"_s),
                            oauthProfile(u"cached"_s, spent, now + 600, u"INTL"_s)});
        LogCapture log;
        CredentialResult r = fetchProfile(oauthContext(), u"valid"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(engine->oauthRenewals(), 0);
        QCOMPARE(storedProfile(u"valid"_s).value(u"oauth_refresh_token"_s).toString(), valid.refreshToken);

        // An INTL sign-in presented as CN: the CN client id is refused.
        r = fetchProfile(oauthContext(), u"wrong-site"_s);
        QVERIFY2(r.error.message.contains(u"invalid_client"_s), qPrintable(r.error.message));
        r = fetchProfile(oauthContext(), u"forged"_s);
        QVERIFY2(r.error.message.contains(u"invalid_token"_s), qPrintable(r.error.message));
        QCOMPARE(r.error.httpStatus, 401);
        r = fetchProfile(oauthContext(), u"ended"_s);
        QVERIFY2(r.error.message.contains(u"`aliyun configure --mode OAuth --oauth-site-type CN --profile ended`"_s),
                 qPrintable(r.error.message));
        r = fetchProfile(oauthContext(), u"no-site"_s);
        QVERIFY2(r.error.message.contains(u"oauth_site_type"_s), qPrintable(r.error.message));
        // Renewal refused, cached credential still valid for 10 min: it is used.
        r = fetchProfile(oauthContext(), u"cached"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.credential.accessKeyId(), u"STS.OldCachedKey"_s);
        // The service is down and nothing is cached.
        CredentialContext down = oauthContext();
        m_sandbox.reset();
        r = fetchProfile(down, u"wrong-site"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(u"did not answer"_s), qPrintable(r.error.message));
        QVERIFY(log.findAny({valid.accessToken, valid.refreshToken, intl.accessToken, intl.refreshToken,
                             u"old-cached-secret-value"_s, u"old-cached-token-value"_s})
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxOidc)
#include "test_sandboxoidc.moc"
