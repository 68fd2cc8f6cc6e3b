#pragma once

#include "credentials/CredentialContext.h"

#include <QList>
#include <QObject>
#include <QString>

// One finding of the diagnosis.
struct DoctorCheck
{
    enum class Status
    {
        Ok,
        Info,
        Warning,
        Problem
    };
    Status status = Status::Info;
    // "Credentials URI", "Credentials file", "Environment AccessKey", ...
    QString title;
    // Plain words; never a secret (key ids masked).
    QString detail;
};

struct DoctorReport
{
    QList<DoctorCheck> checks;
    // True when at least one source gives a usable credential right now (URI answered, file valid,
    // environment AccessKey set, or a supported profile exists).
    bool anySourceUsable = false;
    // True when the URI or the file works: we are inside a DataWorks individual development environment.
    bool insideDataWorks = false;
    // What it all means and what to do, in plain words.
    QString explanation;

    // The report as text for the CLI: one line per check ("[ok] Title: detail"), then the explanation.
    QString toText() const;
    static QString statusLabel(DoctorCheck::Status status);
};

// Where credentials can come from on this machine: environment variables, OIDC variables, aliyun CLI and INI
// profiles, ECS metadata (not probed: off ECS that costs a second), the credentials URI (probed with one GET
// when set) and the credentials file (read and judged). run() is asynchronous; finished() carries the report.
class CredentialDoctor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString credentialsFilePath; // empty: /mnt/.alibabacloud/credentials
        int uriTimeoutMs = 3000;     // connect and read time-out of the URI probe
    };

    explicit CredentialDoctor(const CredentialContext& context, QObject* parent = nullptr);
    CredentialDoctor(const CredentialContext& context, Options options, QObject* parent = nullptr);

    void run();
    // The text that explains why the URI and file work only inside DataWorks, and the alternatives.
    static QString outsideDataWorksAdvice();

signals:
    void finished(const DoctorReport& report);

private:
    void checkLocalSources();
    void checkFileThenFinish();
    void finishReport();

    CredentialContext m_context;
    Options m_options;
    DoctorReport m_report;
};
