#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

#include <QProcessEnvironment>

// roledesk-cli exec [--role-arn ARN | source options] [global options] -- COMMAND [ARGS...]
// Runs COMMAND with ALIBABA_CLOUD_CREDENTIALS_URI pointing at a private local credentials service (as `serve`)
// that lives as long as the command, and passes on its exit code (128+N when it was killed by signal N; 127 when
// it could not be started). The child's environment carries no secret besides that URI: see childEnvironment().
class ExecCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExecCommand)

public:
    QStringList path() const override { return {QStringLiteral("exec")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;

    // The parent's environment without any credential (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, _SECURITY_TOKEN, the
    // OIDC and role variables, the legacy ALICLOUD_*/ALIBABACLOUD_* forms and every ALIBABA_CLOUD_*/ALICLOUD_*
    // variable whose name mentions a key, secret, token or password), plus ALIBABA_CLOUD_CREDENTIALS_URI=uri and,
    // so the official default chains reach the URI without delay or detour, ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
    // and ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true.
    static QProcessEnvironment childEnvironment(const QProcessEnvironment& parent, const QString& uri);
};
