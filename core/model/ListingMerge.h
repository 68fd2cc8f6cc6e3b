#pragma once

#include <QHash>
#include <QString>

// The one rule for an environment that a ListServerIdeInstances listing returns more than once (items shift between
// pages when environments are created or deleted while the listing runs), for both front ends: one entry per
// InstanceId, kept at the place where it first appeared, holding the copy that was READ LAST.
//
// Why the latest copy wins: pages are fetched concurrently and answered in any order, so a page's number says nothing
// about when the service read it; a page read later is a later answer of the service, and its copy is at least as
// recent (a status or a role that changed meanwhile shows as it is now). The first place is kept so rows do not jump.
// Equal read sequences (the same page, or pages handed over together) count the later one as read last.
//
// Incremental and storage-free: the caller keeps the environments (the GUI's table rows, the CLI's list) and asks
// place() where each one goes. The GUI feeds pages as they arrive; ServerIdeListing feeds them in page order with
// the order they arrived in.
class ListingMerge
{
public:
    enum class Outcome
    {
        Added,      // a new InstanceId: appended at `index` (== the size before)
        Replaces,   // read later than the copy held at `index`: replaces it there
        Superseded, // read earlier than the copy held at `index`: dropped
    };
    struct Placement
    {
        Outcome outcome = Outcome::Added;
        int index = -1;
        bool operator==(const Placement&) const = default;
    };

    // One environment read at `readSequence` (greater: read later; e.g. the number of pages that arrived before).
    Placement place(const QString& instanceId, quint64 readSequence);

    // The place of an InstanceId, -1 when not listed.
    int indexOf(const QString& instanceId) const;
    int size() const { return int(m_entries.size()); }
    void reserve(int count) { m_entries.reserve(count); }
    void clear() { m_entries = {}; }

private:
    struct Entry
    {
        int index = -1;
        quint64 readSequence = 0;
    };
    QHash<QString, Entry> m_entries;
};
