#pragma once

#include <QString>

// Whether an environment is public in its workspace. The DataWorks API has no such field: RoleDesk
// keeps its own record (VisibilityStore), shown to people as "recorded by admins".
enum class Visibility
{
    Unknown,
    Public,
    Private
};

namespace Visibilities {
// "unknown", "public", "private".
QString toString(Visibility visibility);
// Case-insensitive, surrounding whitespace ignored; false for anything else.
bool fromString(const QString& text, Visibility* out);
// Translated: "Public", "Private", "Not recorded".
QString displayName(Visibility visibility);
} // namespace Visibilities
