#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QUrl>

class CliSession;
class CredentialSource;
class LocalCredentialServer;
class QObject;

// What `serve` and `exec` share: the role options, a CredentialSource over the chosen source (wrapped in STS
// AssumeRole with --role-arn), and the LocalCredentialServer that hands its credential out.
//   --role-arn ARN  --role-session-name NAME  --duration SECONDS  --stale-window SECONDS
//   --min-refresh-interval SECONDS
class CredentialService
{
    Q_DECLARE_TR_FUNCTIONS(CredentialService)

public:
    void addTo(QCommandLineParser& parser);
    // Checks the option values; a usage message otherwise.
    QString validate(const QCommandLineParser& parser) const;

    // Builds the source, waits for its first fetch (exit 3 with the reason when it gives no usable STS credential)
    // and listens on 127.0.0.1:port. Everything is owned by owner.
    std::optional<int> start(CliSession& session, const QCommandLineParser& parser, quint16 port, QObject* owner);

    CredentialSource* source() const { return m_source; }
    LocalCredentialServer* server() const { return m_server; }
    QUrl uri() const;

private:
    QCommandLineOption m_roleArn{QStringLiteral("role-arn"), QStringLiteral("role-arn"), QStringLiteral("ARN")};
    QCommandLineOption m_sessionName{QStringLiteral("role-session-name"), QStringLiteral("role-session-name"),
                                     QStringLiteral("NAME")};
    QCommandLineOption m_duration{QStringLiteral("duration"), QStringLiteral("duration"), QStringLiteral("SECONDS")};
    QCommandLineOption m_staleWindow{QStringLiteral("stale-window"), QStringLiteral("stale-window"),
                                     QStringLiteral("SECONDS")};
    QCommandLineOption m_minRefresh{QStringLiteral("min-refresh-interval"), QStringLiteral("min-refresh-interval"),
                                    QStringLiteral("SECONDS")};
    CredentialSource* m_source = nullptr;
    LocalCredentialServer* m_server = nullptr;
};
