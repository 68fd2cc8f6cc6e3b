#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

// The credentials file a DataWorks individual development environment keeps up to date
// (/mnt/.alibabacloud/credentials): JSON like the URI answer without Code, read whole each time.
class FileCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    static QString defaultPath() { return QStringLiteral("/mnt/.alibabacloud/credentials"); }

    struct Options
    {
        // The environment rewrites the file before expiry; a read can catch it half-written.
        int attempts = 4;
        int retryDelayMs = 100;
    };

    FileCredentialProvider(const CredentialContext& context, QString path = {}, QObject* parent = nullptr);
    FileCredentialProvider(const CredentialContext& context, QString path, Options options, QObject* parent = nullptr);

    QString name() const override { return QStringLiteral("file"); }
    QString description() const override;
    void fetch(Callback done) override;
    const QString& path() const { return m_path; }

private:
    void attempt(int number, const Callback& done);

    CredentialContext m_context;
    QString m_path;
    Options m_options;
};
