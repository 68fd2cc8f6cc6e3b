#include "CredentialDoctor.h"

#include "credentials/FileCredentialProvider.h"
#include "credentials/ProfileCredentialProvider.h"
#include "credentials/StsLocation.h"
#include "credentials/UriCredentialProvider.h"
#include "util/Clock.h"
#include "util/Redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

QString DoctorReport::statusLabel(DoctorCheck::Status status)
{
    switch (status) {
    case DoctorCheck::Status::Ok:
        return QStringLiteral("ok");
    case DoctorCheck::Status::Info:
        return QStringLiteral("info");
    case DoctorCheck::Status::Warning:
        return QStringLiteral("warn");
    case DoctorCheck::Status::Problem:
        return QStringLiteral("fail");
    }
    return {};
}

QString DoctorReport::toText() const
{
    QString text;
    for (const DoctorCheck& c : checks)
        text += QStringLiteral("[%1] %2: %3\n").arg(statusLabel(c.status), c.title, c.detail);
    text += QLatin1Char('\n') + explanation + QLatin1Char('\n');
    return text;
}

CredentialDoctor::CredentialDoctor(const CredentialContext& context, QObject* parent)
    : CredentialDoctor(context, Options(), parent)
{}

CredentialDoctor::CredentialDoctor(const CredentialContext& context, Options options, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_options(std::move(options))
{
    if (m_options.credentialsFilePath.isEmpty())
        m_options.credentialsFilePath = FileCredentialProvider::defaultPath();
}

QString CredentialDoctor::outsideDataWorksAdvice()
{
    return tr("The credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI) and the credentials file "
              "(/mnt/.alibabacloud/credentials) exist only inside a DataWorks individual development environment: "
              "DataWorks injects them there and refreshes the STS credentials of the environment's RAM role. On any "
              "other machine they are absent, so nothing that relies on them can work. Outside DataWorks use one of: "
              "an AccessKey in ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET or in an aliyun CLI "
              "profile (`aliyun configure`); a RamRoleArn profile that assumes the same RAM role; or "
              "`roledesk-cli serve` / `roledesk-cli exec` to hand credentials to a program locally.");
}

void CredentialDoctor::run()
{
    m_report = DoctorReport();
    checkLocalSources();

    const QString uri = m_context.value(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"));
    if (uri.isEmpty()) {
        m_report.checks << DoctorCheck{DoctorCheck::Status::Info, tr("Credentials URI"),
                                       tr("ALIBABA_CLOUD_CREDENTIALS_URI is not set (it is set only inside a "
                                          "DataWorks individual development environment).")};
        checkFileThenFinish();
        return;
    }
    UriCredentialProvider::Options options;
    options.connectTimeoutMs = options.readTimeoutMs = m_options.uriTimeoutMs;
    auto* provider = new UriCredentialProvider(m_context, QUrl(uri), options, this);
    provider->fetch([this, provider](const CredentialResult& r) {
        if (r.ok()) {
            m_report.insideDataWorks = true;
            m_report.anySourceUsable = true;
            const Credential& c = r.credential;
            m_report.checks << DoctorCheck{DoctorCheck::Status::Ok, tr("Credentials URI"),
                                           tr("%1 answers with a valid credential (key %2, expires %3 UTC).")
                                               .arg(provider->description(), c.maskedKeyId(),
                                                    c.expiration().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))};
        } else {
            m_report.checks << DoctorCheck{
                DoctorCheck::Status::Problem, tr("Credentials URI"),
                tr("ALIBABA_CLOUD_CREDENTIALS_URI is set but gives no credential: %1").arg(r.error.toString())};
        }
        provider->deleteLater();
        checkFileThenFinish();
    });
}

void CredentialDoctor::checkLocalSources()
{
    auto& checks = m_report.checks;
    const QString id = m_context.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    const bool secretSet = !m_context.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")).isEmpty();
    const bool tokenSet = !m_context.value(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN")).isEmpty();
    if (!id.isEmpty() && secretSet) {
        m_report.anySourceUsable = true;
        checks << DoctorCheck{
            DoctorCheck::Status::Ok, tr("Environment AccessKey"),
            tokenSet ? tr("ALIBABA_CLOUD_ACCESS_KEY_ID (%1), _SECRET and _SECURITY_TOKEN are set.")
                           .arg(Redaction::maskKeyId(id))
                     : tr("ALIBABA_CLOUD_ACCESS_KEY_ID (%1) and _SECRET are set.").arg(Redaction::maskKeyId(id))};
    } else if (!id.isEmpty() || secretSet) {
        checks << DoctorCheck{DoctorCheck::Status::Warning, tr("Environment AccessKey"),
                              tr("Only one of ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET is set; "
                                 "set both or neither.")};
    } else {
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("Environment AccessKey"),
                              tr("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set.")};
    }

    const QStringList oidc = {QStringLiteral("ALIBABA_CLOUD_ROLE_ARN"),
                              QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
                              QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE")};
    int oidcSet = 0;
    for (const QString& v : oidc)
        oidcSet += m_context.value(v).isEmpty() ? 0 : 1;
    if (oidcSet == 3) {
        const QString tokenFile = m_context.value(QStringLiteral("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
        const bool tokenThere = QFileInfo(tokenFile).isReadable();
        if (tokenThere)
            m_report.anySourceUsable = true;
        checks << DoctorCheck{tokenThere ? DoctorCheck::Status::Ok : DoctorCheck::Status::Warning, tr("OIDC role"),
                              tokenThere ? tr("All OIDC variables are set: step 2 of the default chain assumes %1 "
                                              "with STS AssumeRoleWithOIDC at %2 (not called by doctor).")
                                               .arg(m_context.value(QStringLiteral("ALIBABA_CLOUD_ROLE_ARN")),
                                                    StsLocation().explain(m_context))
                                         : tr("All OIDC variables are set, but the token file %1 cannot be read.")
                                               .arg(QDir::toNativeSeparators(tokenFile))};
    } else if (oidcSet > 0) {
        checks << DoctorCheck{DoctorCheck::Status::Warning, tr("OIDC role"),
                              tr("Only some of ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and "
                                 "ALIBABA_CLOUD_OIDC_TOKEN_FILE are set; the default chain skips OIDC until all "
                                 "three are.")};
    }
    if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS")))
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("External processes"),
                              tr("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true: External and CredentialsURI profiles "
                                 "are refused.")};

    const QString profileVar = m_context.value(QStringLiteral("ALIBABA_CLOUD_PROFILE"));
    if (!profileVar.isEmpty())
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("Profile choice"),
                              tr("ALIBABA_CLOUD_PROFILE=%1 picks the CLI and INI profile.").arg(profileVar)};

    const QString cliPath = QDir::toNativeSeparators(CliProfileProvider::configPath(m_context));
    if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"))) {
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("aliyun CLI profiles"),
                              tr("Skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true.")};
    } else {
        QString current;
        QString error;
        const QList<ProfileInfo> profiles = CliProfileProvider::listProfiles(m_context, &current, &error);
        if (!error.isEmpty()) {
            checks << DoctorCheck{DoctorCheck::Status::Info, tr("aliyun CLI profiles"), error};
        } else {
            QStringList parts;
            bool usable = false;
            for (const ProfileInfo& p : profiles) {
                QString part = QStringLiteral("%1 (%2)").arg(p.name, p.kind);
                if (p.name == current)
                    part += tr(" [current]");
                if (!p.modeSupported)
                    part += tr(" [not supported yet]");
                part += QStringLiteral(": ") + p.state;
                usable = usable || p.supported;
                parts << part;
            }
            m_report.anySourceUsable = m_report.anySourceUsable || usable;
            checks << DoctorCheck{
                usable ? DoctorCheck::Status::Ok : DoctorCheck::Status::Warning, tr("aliyun CLI profiles"),
                tr("%1: %2").arg(cliPath, parts.isEmpty() ? tr("no profiles") : parts.join(QStringLiteral("; ")))};
        }
    }

    QString iniError;
    const QList<ProfileInfo> iniProfiles = IniProfileProvider::listProfiles(m_context, &iniError);
    if (!iniError.isEmpty()) {
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("INI profiles"), iniError};
    } else {
        QStringList parts;
        bool usable = false;
        for (const ProfileInfo& p : iniProfiles) {
            parts << QStringLiteral("%1 (%2)%3: %4")
                         .arg(p.name, p.kind, p.modeSupported ? QString() : tr(" [not supported yet]"), p.state);
            usable = usable || p.supported;
        }
        m_report.anySourceUsable = m_report.anySourceUsable || usable;
        checks << DoctorCheck{usable ? DoctorCheck::Status::Ok : DoctorCheck::Status::Warning, tr("INI profiles"),
                              tr("%1: %2").arg(QDir::toNativeSeparators(IniProfileProvider::iniPath(m_context)),
                                               parts.isEmpty() ? tr("no sections") : parts.join(QStringLiteral("; ")))};
    }

    if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED")))
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("ECS RAM role"),
                              tr("Disabled: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true.")};
    else
        checks << DoctorCheck{DoctorCheck::Status::Info, tr("ECS RAM role"),
                              tr("Not probed (off ECS the probe only waits for time-outs). The default chain asks the "
                                 "metadata service; set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true off ECS to save that "
                                 "second.")};
}

void CredentialDoctor::checkFileThenFinish()
{
    const QString path = m_options.credentialsFilePath;
    QFileInfo info(path);
    if (!info.exists()) {
        m_report.checks << DoctorCheck{DoctorCheck::Status::Info, tr("Credentials file"),
                                       tr("%1 does not exist (it exists only inside a DataWorks individual development "
                                          "environment).")
                                           .arg(QDir::toNativeSeparators(path))};
        finishReport();
        return;
    }
    if (!info.isReadable()) {
        m_report.checks << DoctorCheck{DoctorCheck::Status::Problem, tr("Credentials file"),
                                       tr("%1 exists but cannot be read by this user; check its permissions.")
                                           .arg(QDir::toNativeSeparators(path))};
        finishReport();
        return;
    }
    auto* provider = new FileCredentialProvider(m_context, path, this);
    provider->fetch([this, provider](const CredentialResult& r) {
        if (r.ok()) {
            m_report.insideDataWorks = true;
            m_report.anySourceUsable = true;
            m_report.checks << DoctorCheck{
                DoctorCheck::Status::Ok, tr("Credentials file"),
                tr("%1 holds a valid credential (key %2, expires %3 UTC).")
                    .arg(QDir::toNativeSeparators(provider->path()), r.credential.maskedKeyId(),
                         r.credential.expiration().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))};
        } else {
            m_report.checks << DoctorCheck{DoctorCheck::Status::Problem, tr("Credentials file"), r.error.toString()};
        }
        provider->deleteLater();
        finishReport();
    });
}

void CredentialDoctor::finishReport()
{
    if (m_report.insideDataWorks) {
        m_report.explanation = tr("This looks like a DataWorks individual development environment: the credentials "
                                  "URI or file hands out the STS credentials of the environment's RAM role. "
                                  "`roledesk-cli creds show --source uri` (or --source file) shows them.");
    } else if (m_report.anySourceUsable) {
        m_report.explanation =
            tr("Credentials are available from the sources marked ok above. ") + outsideDataWorksAdvice();
    } else {
        m_report.explanation = tr("No usable credentials were found on this machine. ") + outsideDataWorksAdvice();
    }
    // Always from the event loop, so a caller may connect after run() and wait in a loop.
    QTimer::singleShot(0, this, [this] { emit finished(m_report); });
}
