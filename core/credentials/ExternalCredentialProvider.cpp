#include "ExternalCredentialProvider.h"

#include "credentials/CredentialParser.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <utility>

namespace {

// Variables a program needs to run as the user (home, user, locale, temp dir, desktop session and keychain,
// proxies). Credential variables (ALIBABA_CLOUD_ACCESS_KEY_*, _SECURITY_TOKEN, _CREDENTIALS_URI, ...) and
// everything else are left out.
bool allowedVariable(const QString& name)
{
    static const QStringList exact = {
        QStringLiteral("PATH"), QStringLiteral("HOME"), QStringLiteral("USER"), QStringLiteral("LOGNAME"),
        QStringLiteral("SHELL"), QStringLiteral("LANG"), QStringLiteral("LANGUAGE"), QStringLiteral("TZ"),
        QStringLiteral("TMPDIR"), QStringLiteral("TEMP"), QStringLiteral("TMP"), QStringLiteral("DISPLAY"),
        QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("SSH_AUTH_SOCK"),
        QStringLiteral("HTTP_PROXY"), QStringLiteral("HTTPS_PROXY"), QStringLiteral("NO_PROXY"),
        QStringLiteral("http_proxy"), QStringLiteral("https_proxy"), QStringLiteral("no_proxy"),
        QStringLiteral("SSL_CERT_FILE"), QStringLiteral("SSL_CERT_DIR"), QStringLiteral("ALIBABA_CLOUD_CA_BUNDLE"),
        QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"),
        QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"),
        // Windows
        QStringLiteral("SystemRoot"), QStringLiteral("SYSTEMROOT"), QStringLiteral("windir"),
        QStringLiteral("USERPROFILE"), QStringLiteral("USERNAME"), QStringLiteral("APPDATA"),
        QStringLiteral("LOCALAPPDATA"), QStringLiteral("PATHEXT"), QStringLiteral("COMSPEC"),
        QStringLiteral("HOMEDRIVE"), QStringLiteral("HOMEPATH"), QStringLiteral("ProgramData"),
        QStringLiteral("ProgramFiles")};
    return exact.contains(name) || name.startsWith(QLatin1String("LC_")) || name.startsWith(QLatin1String("XDG_"));
}

} // namespace

ExternalCredentialProvider::ExternalCredentialProvider(const CredentialContext& context, QString command,
                                                       QString description, QObject* parent)
    : ExternalCredentialProvider(context, std::move(command), std::move(description), Options(), parent)
{}

ExternalCredentialProvider::ExternalCredentialProvider(const CredentialContext& context, QString command,
                                                       QString description, Options options, QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_command(std::move(command))
    , m_description(std::move(description))
    , m_options(options)
{}

ExternalCredentialProvider::~ExternalCredentialProvider()
{
    if (m_process) {
        QObject::disconnect(m_process, nullptr, this, nullptr);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QStringList ExternalCredentialProvider::splitCommand(const QString& command, QString* error)
{
    const QString input = command.trimmed();
    QStringList args;
    QString current;
    bool inSingle = false;
    bool inDouble = false;
    bool hasToken = false;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (inSingle) {
            if (c == QLatin1Char('\''))
                inSingle = false;
            else
                current += c;
            continue;
        }
        if (inDouble) {
            if (c == QLatin1Char('"')) {
                inDouble = false;
                continue;
            }
            if (c == QLatin1Char('\\') && i + 1 < input.size()) {
                const QChar next = input.at(i + 1);
                if (next == QLatin1Char('\n')) {
                    ++i;
                    continue;
                }
                if (next == QLatin1Char('"') || next == QLatin1Char('\\') || next == QLatin1Char('$') ||
                    next == QLatin1Char('`')) {
                    current += next;
                    ++i;
                    continue;
                }
            }
            current += c;
            continue;
        }
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= input.size()) {
                *error = tr("The command ends with a backslash.");
                return {};
            }
            if (input.at(i + 1) == QLatin1Char('\n')) {
                ++i;
                continue;
            }
            hasToken = true;
            current += input.at(++i);
            continue;
        }
        if (c == QLatin1Char('\'')) {
            inSingle = hasToken = true;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inDouble = hasToken = true;
            continue;
        }
        if (c.isSpace()) {
            if (hasToken)
                args << current;
            current.clear();
            hasToken = false;
            continue;
        }
        hasToken = true;
        current += c;
    }
    if (inSingle || inDouble) {
        *error = tr("The command has an unclosed quote.");
        return {};
    }
    if (hasToken)
        args << current;
    if (args.isEmpty() || args.first().isEmpty()) {
        *error = tr("The profile's process_command is empty.");
        return {};
    }
    return args;
}

QProcessEnvironment ExternalCredentialProvider::cleanEnvironment(const QProcessEnvironment& environment)
{
    QProcessEnvironment clean;
    const QStringList names = environment.keys();
    for (const QString& name : names) {
        if (allowedVariable(name))
            clean.insert(name, environment.value(name));
    }
    clean.insert(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS"), QStringLiteral("true"));
    return clean;
}

CredentialResult ExternalCredentialProvider::parseOutput(const QByteArray& output, const QString& source,
                                                         const Clock& clock)
{
    auto fail = [&source](const QString& message) {
        CredentialError e;
        e.source = source;
        e.message = message;
        return CredentialResult::failure(e);
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(output.trimmed(), &parseError);
    if (!doc.isObject())
        return fail(tr("The command did not print one JSON object on stdout (%1 at offset %2; its output is not "
                       "shown because it may hold secrets). It must print {\"mode\":\"StsToken\", "
                       "\"access_key_id\", \"access_key_secret\", \"sts_token\", \"expiration\"} or "
                       "{\"mode\":\"AK\", \"access_key_id\", \"access_key_secret\"}.")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    const QJsonObject o = doc.object();
    auto text = [&o](const char* key, bool* wrongType) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            *wrongType = true;
        return v.toString();
    };
    bool wrongType = false;
    const QString id = text("access_key_id", &wrongType);
    const QString secret = text("access_key_secret", &wrongType);
    const QString token = text("sts_token", &wrongType);
    const QString expirationText = text("expiration", &wrongType);
    const QString mode = text("mode", &wrongType);
    if (wrongType)
        return fail(tr("The command's JSON has a field that is not a string (mode, access_key_id, "
                       "access_key_secret, sts_token and expiration are strings)."));
    const bool sts =
        mode.compare(QLatin1String("StsToken"), Qt::CaseInsensitive) == 0 || (mode.isEmpty() && !token.isEmpty());
    if (!mode.isEmpty() && !sts && mode.compare(QLatin1String("AK"), Qt::CaseInsensitive) != 0)
        return fail(
            tr("The command's JSON has mode \"%1\"; only \"AK\" and \"StsToken\" are defined.").arg(mode.left(40)));
    if (id.isEmpty() || secret.isEmpty())
        return fail(tr("The command's JSON lacks access_key_id or access_key_secret."));
    if (sts && token.isEmpty())
        return fail(tr("The command's JSON has mode StsToken but no sts_token."));
    QDateTime expiration;
    if (!expirationText.isEmpty()) {
        expiration = CredentialParser::parseExpiration(expirationText);
        if (!expiration.isValid()) {
            expiration = QDateTime::fromString(expirationText, Qt::ISODateWithMs);
            if (expiration.isValid() && expiration.timeSpec() == Qt::LocalTime)
                expiration = QDateTime(); // an offset is required: without one the instant is ambiguous
        }
        if (!expiration.isValid())
            return fail(tr("The command's expiration \"%1\" is not an ISO 8601 time with a zone such as "
                           "2026-11-28T15:05:35Z.")
                            .arg(expirationText.left(40)));
        expiration = expiration.toUTC();
        if (expiration <= clock.nowUtc())
            return fail(tr("The command printed a credential that expired at %1 UTC.")
                            .arg(expiration.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    }
    // An StsToken without expiration is taken as it is: nobody can say how long it lasts.
    return CredentialResult::success(Credential(id, secret, token, expiration, source));
}

void ExternalCredentialProvider::fetch(Callback done)
{
    if (m_context.isTrue(QStringLiteral("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS"))) {
        finish(done, failure(tr("External credential processes are disabled: "
                                "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true. Unset it to let RoleDesk run the "
                                "profile's process_command, or pick another profile.")));
        return;
    }
    QString error;
    const QStringList args = splitCommand(m_command, &error);
    if (args.isEmpty()) {
        finish(done, failure(error + QLatin1Char(' ') +
                             tr("Fix process_command in the profile (`aliyun configure --mode External`).")));
        return;
    }
    m_waiting << done;
    if (m_process)
        return; // one run serves every caller that asks meanwhile

    auto* process = new QProcess(this);
    m_process = process;
    process->setProcessEnvironment(cleanEnvironment(m_context.environment));
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setInputChannelMode(QProcess::ManagedInputChannel);

    struct Run
    {
        QByteArray out;
        QByteArray err;
        bool timedOut = false;
        bool tooLarge = false;
        bool failedToStart = false;
        QString startError;
    };
    auto run = std::make_shared<Run>();
    auto* timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process, run] {
        run->timedOut = true;
        process->kill();
    });
    connect(process, &QProcess::readyReadStandardOutput, process, [this, process, run] {
        run->out += process->readAllStandardOutput();
        if (run->out.size() > m_options.maxStdoutBytes && !run->tooLarge) {
            run->tooLarge = true;
            process->kill();
        }
    });
    connect(process, &QProcess::readyReadStandardError, process, [this, process, run] {
        run->err += process->readAllStandardError();
        if (run->err.size() > m_options.maxStderrBytes)
            run->err = run->err.right(m_options.maxStderrBytes); // the end says most about what went wrong
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, run](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        run->failedToStart = true;
        run->startError = process->errorString();
        process->deleteLater();
        finishRun(failure(tr("Cannot start \"%1\" (%2). Check process_command in the profile: the program must "
                             "exist and be executable; it runs without a shell.")
                              .arg(process->program(), run->startError)));
    });
    connect(
        process, &QProcess::finished, this,
        [this, process, run, timer, program = args.first()](int exitCode, QProcess::ExitStatus status) {
            timer->stop();
            run->out += process->readAllStandardOutput();
            run->err += process->readAllStandardError();
            process->deleteLater();
            if (run->failedToStart)
                return;
            // Whatever the output holds is a secret to hide in the stderr excerpt.
            QStringList secrets;
            const QJsonObject o = QJsonDocument::fromJson(run->out.trimmed()).object();
            for (const char* key : {"access_key_secret", "sts_token", "access_key_id"}) {
                const QString v = o.value(QLatin1String(key)).toString();
                if (!v.isEmpty())
                    secrets << v;
            }
            for (const char* var : {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"}) {
                const QString v = m_context.value(QLatin1String(var));
                if (!v.isEmpty())
                    secrets << v;
            }
            QString stderrText = Redaction::redactSecrets(QString::fromUtf8(run->err.right(2000)).trimmed(), secrets);
            if (stderrText.size() > 600)
                stderrText = QStringLiteral("…") + stderrText.right(600);
            const QString errPart =
                stderrText.isEmpty() ? tr(" It wrote nothing on stderr.") : tr(" Its stderr: %1").arg(stderrText);
            if (run->timedOut) {
                finishRun(failure(tr("\"%1\" did not finish within %2 s and was stopped.")
                                      .arg(program)
                                      .arg(m_options.timeoutMs / 1000.0) +
                                  errPart));
                return;
            }
            if (run->tooLarge) {
                finishRun(failure(tr("\"%1\" printed more than %2 bytes on stdout and was stopped; a "
                                     "credential is under 4 KiB. Check that process_command names the "
                                     "right program.")
                                      .arg(program)
                                      .arg(m_options.maxStdoutBytes) +
                                  errPart));
                return;
            }
            if (status == QProcess::CrashExit) {
                finishRun(failure(tr("\"%1\" was ended by a signal or crashed.").arg(program) + errPart));
                return;
            }
            if (exitCode != 0) {
                finishRun(failure(
                    tr("\"%1\" exited with code %2 (its stdout is not shown).").arg(program).arg(exitCode) + errPart));
                return;
            }
            CredentialResult result = parseOutput(run->out, m_description, m_context.clockRef());
            if (result.ok())
                qCDebug(lcCredentials) << "got" << result.credential;
            else
                qCInfo(lcCredentials).noquote() << result.error.toString();
            finishRun(result);
        });
    qCDebug(lcCredentials).noquote() << "running" << args.first() << "for" << m_description;
    process->start(args.first(), args.mid(1), QIODevice::ReadWrite);
    process->closeWriteChannel();
    timer->start(m_options.timeoutMs);
}

void ExternalCredentialProvider::finishRun(const CredentialResult& result)
{
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    m_process = nullptr;
    for (const Callback& callback : waiting)
        finish(callback, result);
}
