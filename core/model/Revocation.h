#pragma once

#include "RoleAssociation.h"

#include <QDateTime>
#include <QString>

#include <optional>

// What removing or replacing a role really does to credentials already issued. Nothing public says that STS
// credentials stop working when the role is taken away from the environment: assume they stay valid until their
// Expiration. An STS session lasts at most its role's MaxSessionDuration (3600-43200 s, RAM GetRole), so a session
// taken just before the change is valid until at most changedAt + MaxSessionDuration. The DataWorks default role's
// maximum is not published (the role is not named in public docs): then only the STS ceiling of 43200 s (12 hours)
// bounds it, and the window says so. Pure: no I/O, no clock.
namespace Revocation {

constexpr int kStsCeilingSeconds = 43200;

struct Window
{
    bool applies = false;      // the old role held credentials (default or custom role, or unrecognised)
    QDateTime changedAtUtc;    // when the role was removed or replaced
    int maxSessionSeconds = 0; // the bound used: the role's MaxSessionDuration, or the STS ceiling when unknown
    bool maximumKnown = false; // maxSessionSeconds is the role's own MaxSessionDuration
    QString roleText;          // the old role, as people read it

    // The latest moment a credential issued before the change can still work; invalid when !applies.
    QDateTime validUntilUtc() const;
    // Translated, plain words for the GUI and CLI: what stays valid, until when (UTC), whether the bound is the
    // role's own maximum or the 12-hour ceiling, and what stopping the environment does and does not do.
    QString explanation() const;
};

// `from`: the role before the change; `to`: after it (no window when the role did not change or there was none).
// `maxSessionDuration`: the old role's MaxSessionDuration in seconds when RAM GetRole could read it (custom role).
Window afterChange(const RoleAssociation& from, const RoleAssociation& to, const QDateTime& changedAtUtc,
                   std::optional<int> maxSessionDuration = std::nullopt);

} // namespace Revocation
