#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

class QNetworkAccessManager;

// The credentials URI a DataWorks individual development environment injects
// (ALIBABA_CLOUD_CREDENTIALS_URI): one GET, the answer judged by CredentialParser.
class UriCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Options
    {
        int connectTimeoutMs = 5000;
        int readTimeoutMs = 10000;
        qint64 maxBytes = 64 * 1024;
    };

    // An empty url means ALIBABA_CLOUD_CREDENTIALS_URI from the context's environment.
    UriCredentialProvider(const CredentialContext& context, const QUrl& url = {}, QObject* parent = nullptr);
    UriCredentialProvider(const CredentialContext& context, const QUrl& url, Options options,
                          QObject* parent = nullptr);

    QString name() const override { return QStringLiteral("uri"); }
    QString description() const override;
    void fetch(Callback done) override;

    QUrl url() const { return m_url; }
    const Options& options() const { return m_options; }

private:
    CredentialContext m_context;
    QUrl m_url;
    Options m_options;
    QNetworkAccessManager* m_network = nullptr;
};
