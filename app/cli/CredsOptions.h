#pragma once

#include "CliCommand.h"

#include "api/CloudConnection.h"
#include "util/Result.h"

#include <QCommandLineOption>

class CredentialProvider;
class CredentialSource;
class QObject;

// The credential-source options shared by every command that needs credentials (creds show, serve, exec, ...):
//   --source chain|uri|file|env|profile|ini|ecs   (default: chain; --uri implies uri, --file implies file,
//   --uri URL  --file PATH  --profile NAME          --profile implies profile unless --source ini)
class CredsOptions
{
public:
    void addTo(QCommandLineParser& parser);
    // The source the options select, as core's CloudProfile describes it (kind and argument as
    // CredentialProviderFactory names them; no endpoints); a usage error in plain words otherwise.
    Result<CloudProfile, QString> profile(const QCommandLineParser& parser, const CliContext& context) const;
    // The provider the options select (CredentialProviderFactory over profile()), owned by parent; a usage error
    // otherwise.
    Result<CredentialProvider*, QString> createProvider(const QCommandLineParser& parser, const CliContext& context,
                                                        QObject* parent) const;
    // What `creds show` and `creds process` share: the selected source, fetched once (a CredentialSource owned by
    // owner, its first fetch finished); null after printing the usage error to inv.err, with *exitCode set.
    CredentialSource* fetchOnce(const QCommandLineParser& parser, const CliInvocation& inv, QObject* owner,
                                int* exitCode) const;
    static QStringList sourceNames();

private:
    QCommandLineOption m_source{QStringLiteral("source"), QStringLiteral("chain|uri|file|env|profile|ini|ecs"),
                                QStringLiteral("source")};
    QCommandLineOption m_uri{QStringLiteral("uri"), QStringLiteral("URL"), QStringLiteral("url")};
    QCommandLineOption m_file{QStringLiteral("file"), QStringLiteral("PATH"), QStringLiteral("path")};
    QCommandLineOption m_profile{QStringLiteral("profile"), QStringLiteral("NAME"), QStringLiteral("name")};
};

// Starts source and waits with a local event loop (the CLI's top level only) until its first fetch has finished.
void startAndWaitForFirstResult(CredentialSource* source);
