#pragma once

#include "credentials/CredentialContext.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

class CredentialProvider;
class QObject;

// Builds a provider by kind, for front ends that let the user pick a source (CLI --source, GUI pickers), and names
// a choice of source as one profile id (what the GUI's connection bar remembers).
namespace CredentialProviderFactory {

// "chain", "uri", "file", "env", "profile" (aliyun CLI), "ini", "ecs".
QStringList kinds();

// argument: the URL for "uri", the path for "file", the profile name for "profile"/"ini", the role name for
// "ecs"; empty means the default (environment variable, /mnt/.alibabacloud/credentials, current profile, ...).
// Fails with a sentence in plain words for an unknown kind or an unusable argument.
Result<CredentialProvider*, QString> create(const QString& kind, const CredentialContext& context,
                                            const QString& argument, QObject* parent);

// A source as one id: "<kind>" without an argument, else "<kind>:<argument>" ("chain", "profile:work",
// "ini:default"). Front ends may add kinds of their own beside these (the GUI's "ak:<name>" for a key pair in the
// keychain, "sandbox"); they pass through unchanged.
QString profileId(const QString& kind, const QString& argument = {});
struct ProfileChoice
{
    QString kind;
    QString argument;
};
// The kind and argument of an id. Reads the ids earlier RoleDesk versions wrote too: the GUI saved an aliyun CLI
// profile as "cli:<name>" (now "profile:<name>"). An empty id is the default chain.
ProfileChoice parseProfileId(const QString& id);
// parseProfileId() then profileId(): the id in today's spelling (settings written by earlier versions).
QString normalizedProfileId(const QString& id);

} // namespace CredentialProviderFactory
