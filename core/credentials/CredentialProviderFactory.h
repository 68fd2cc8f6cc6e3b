#pragma once

#include "credentials/CredentialContext.h"

#include <QStringList>

class CredentialProvider;
class QObject;

// Builds a provider by kind, for front ends that let the user pick a source (CLI --source, GUI pickers).
namespace CredentialProviderFactory {

// "chain", "uri", "file", "env", "profile" (aliyun CLI), "ini", "ecs".
QStringList kinds();

// argument: the URL for "uri", the path for "file", the profile name for "profile"/"ini", the role name for
// "ecs"; empty means the default (environment variable, /mnt/.alibabacloud/credentials, current profile, ...).
// Returns null with *error set for an unknown kind or an unusable argument.
CredentialProvider* create(const QString& kind, const CredentialContext& context, const QString& argument,
                           QObject* parent, QString* error);

} // namespace CredentialProviderFactory
