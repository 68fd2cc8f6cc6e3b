#include "Revocation.h"

#include <QCoreApplication>

namespace Revocation {

Window afterChange(const RoleAssociation& from, const RoleAssociation& to, const QDateTime& changedAtUtc,
                   std::optional<int> maxSessionDuration)
{
    Window w;
    w.changedAtUtc = changedAtUtc.toUTC();
    w.roleText = from.displayText();
    w.applies = !from.isNone() && from != to;
    if (!w.applies)
        return w;
    // Only a custom role's maximum can be read (RAM GetRole); RAM keeps it within 3600-43200 s.
    if (from.isCustomRole() && maxSessionDuration && *maxSessionDuration > 0) {
        w.maxSessionSeconds = qBound(900, *maxSessionDuration, kStsCeilingSeconds);
        w.maximumKnown = true;
    } else {
        w.maxSessionSeconds = kStsCeilingSeconds;
        w.maximumKnown = false;
    }
    return w;
}

QDateTime Window::validUntilUtc() const
{
    if (!applies || !changedAtUtc.isValid())
        return {};
    return changedAtUtc.addSecs(maxSessionSeconds);
}

QString Window::explanation() const
{
    if (!applies)
        return {};
    const QString until = validUntilUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    QString text = QCoreApplication::translate(
                       "Revocation",
                       "Credentials the environment already received for %1 are not revoked by this change: they stay "
                       "valid until they expire, at the latest %2.")
                       .arg(roleText, until);
    text += u' ';
    if (maximumKnown)
        text += QCoreApplication::translate("Revocation", "(The role's maximum session duration is %n second(s).)",
                                            nullptr, maxSessionSeconds);
    else
        text += QCoreApplication::translate(
            "Revocation",
            "(This role's maximum session duration is unknown (the DataWorks default role's is not published, or RAM "
            "could not be read), so the bound is the STS ceiling of 12 hours.)");
    text += u' ';
    text += QCoreApplication::translate(
        "Revocation",
        "Stopping the environment now ends the processes that hold them and its credential service; a copy already "
        "taken out of the environment stays valid until it expires.");
    return text;
}

} // namespace Revocation
