#include "ListingMerge.h"

ListingMerge::Placement ListingMerge::place(const QString& instanceId, quint64 readSequence)
{
    const auto it = m_entries.find(instanceId);
    if (it == m_entries.end()) {
        const int index = int(m_entries.size());
        m_entries.insert(instanceId, {index, readSequence});
        return {Outcome::Added, index};
    }
    // Latest read wins (see the header); a tie goes to the one handed over later.
    if (readSequence >= it->readSequence) {
        it->readSequence = readSequence;
        return {Outcome::Replaces, it->index};
    }
    return {Outcome::Superseded, it->index};
}

int ListingMerge::indexOf(const QString& instanceId) const
{
    const auto it = m_entries.constFind(instanceId);
    return it == m_entries.cend() ? -1 : it->index;
}
