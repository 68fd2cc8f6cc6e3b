#pragma once

// Runs roledesk-cli commands in-process against an in-process sandbox on 127.0.0.1 (header-only; for the tests in
// tests/cli and tests/interop). The admin key reaches the CLI through the default chain (environment variables of
// the injected context); visibility records and the audit log live in a temporary folder.
#include "CliApp.h"
#include "Sandbox.h"
#include "SecretScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QJsonValue json() const
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return QJsonValue(QJsonValue::Undefined);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    QJsonObject object() const { return json().toObject(); }
    QJsonArray array() const { return json().toArray(); }
    QString all() const { return out + err; }
};

class CliSandboxFixture
{
public:
    // clock: the sandbox's and the CLI's clock (null: the system clock). environments >= 0: exactly this many
    // environments (the seed's, then generated ones).
    bool start(const Clock* clock = nullptr, int credentialLifetimeSeconds = 3600, qsizetype environments = -1)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sandbox = std::make_unique<Sandbox>(clock);
        Sandbox::Options options;
        options.credentialLifetimeSeconds = credentialLifetimeSeconds;
        options.transitionDelayMs = 0;
        options.environments = environments;
        QString error;
        if (!m_sandbox->load(options, &error)) {
            qWarning("sandbox load failed: %s", qPrintable(error));
            return false;
        }
        m_endpoint = m_sandbox->start(0);
        if (m_endpoint.isEmpty())
            return false;
        m_context = CliContext();
        m_context.credentials.environment = QProcessEnvironment();
        m_context.credentials.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                                                 m_sandbox->accessKeyId());
        m_context.credentials.environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                                                 m_sandbox->accessKeySecret());
        m_context.credentials.environment.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"),
                                                 QStringLiteral("true"));
        m_context.credentials.environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        m_context.credentials.environment.insert(QStringLiteral("USER"), QStringLiteral("tester"));
        m_context.credentials.homePath = m_dir->path();
        m_context.credentials.clock = clock;
        m_context.credentialsFilePath = m_dir->filePath(QStringLiteral("no-credentials-file"));
        m_context.visibilityFilePath = m_dir->filePath(QStringLiteral("visibility.json"));
        m_context.auditDatabasePath = m_dir->filePath(QStringLiteral("audit.sqlite"));
        return true;
    }

    ~CliSandboxFixture()
    {
        if (m_sandbox)
            m_sandbox->stop();
    }

    // Runs the command with --endpoint <sandbox> appended before any "--" (unless withEndpoint is false).
    CliRun run(QStringList args, bool withEndpoint = true)
    {
        if (withEndpoint) {
            const qsizetype dashes = args.indexOf(QStringLiteral("--"));
            const QStringList extra = {QStringLiteral("--endpoint"), m_endpoint.toString()};
            for (qsizetype i = 0; i < extra.size(); ++i)
                args.insert(dashes >= 0 ? dashes + i : args.size(), extra.at(i));
        }
        CliRun r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        CliApp app(m_context);
        r.code = app.run(args, out, err);
        out.flush();
        err.flush();
        return r;
    }

    // Imports the sandbox's own public/private records (as `visibility import` would).
    bool importSandboxVisibility()
    {
        const QString file = m_dir->filePath(QStringLiteral("sandbox-visibility.json"));
        QString error;
        if (!m_sandbox->writeVisibilityFile(file, &error))
            return false;
        return run({QStringLiteral("visibility"), QStringLiteral("import"), file}, false).code == 0;
    }

    // The values that must never appear in any output or log.
    QStringList secrets() const { return {m_sandbox->accessKeySecret(), m_sandbox->accessKeyId()}; }

    Sandbox* sandbox() const { return m_sandbox.get(); }
    QUrl endpoint() const { return m_endpoint; }
    CliContext& context() { return m_context; }
    QString path(const QString& name) const { return m_dir->filePath(name); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QUrl m_endpoint;
    CliContext m_context;
};

#define VERIFY_NO_SECRET(text, secrets)                                                                                \
    do {                                                                                                               \
        const QString found_ = findSecret((text), (secrets));                                                          \
        QVERIFY2(found_.isEmpty(), "a secret value appeared in the output");                                           \
    } while (false)
