#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

#include <QPointer>
#include <QProcess>

// An aliyun CLI profile in External mode: runs the profile's process_command and reads the one JSON object it
// prints on stdout, {"mode":"StsToken","access_key_id":...,"access_key_secret":...,"sts_token":...,
// "expiration":"<ISO 8601>"} or {"mode":"AK",...} without token and expiration (the official libraries' format).
//
// The command is split into arguments by POSIX shell quoting rules (as the official libraries split it) and run
// directly, never through a shell; with a time-out, a cap on stdout, a clean environment (only the variables a
// program needs to find its home, user, locale, temp dir, session bus and proxies; never a credential variable)
// and ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true added, so a command that reads the same profile again cannot
// recurse. Its stdout holds secrets and is never shown; its stderr is shown (capped, secrets redacted).
class ExternalCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 60 * 1000; // the official libraries' default
        qint64 maxStdoutBytes = 64 * 1024;
        qint64 maxStderrBytes = 16 * 1024;
    };

    ExternalCredentialProvider(const CredentialContext& context, QString command, QString description,
                               QObject* parent = nullptr);
    ExternalCredentialProvider(const CredentialContext& context, QString command, QString description, Options options,
                               QObject* parent = nullptr);
    ~ExternalCredentialProvider() override;

    QString name() const override { return QStringLiteral("external"); }
    QString description() const override { return m_description; }
    void fetch(Callback done) override;

    // The command split into program and arguments (single and double quotes, backslash escapes, as a POSIX
    // shell would, without expanding anything); empty with *error set when it is empty or a quote is unclosed.
    static QStringList splitCommand(const QString& command, QString* error);
    // What the command runs with: the allow-listed variables of environment, plus the recursion guard.
    static QProcessEnvironment cleanEnvironment(const QProcessEnvironment& environment);
    // Judges the command's stdout; error texts never contain its values.
    static CredentialResult parseOutput(const QByteArray& output, const QString& source, const Clock& clock);

private:
    void finishRun(const CredentialResult& result);

    CredentialContext m_context;
    QString m_command;
    QString m_description;
    Options m_options;
    QPointer<QProcess> m_process;
    QList<Callback> m_waiting;
};
