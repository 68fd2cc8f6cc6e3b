#pragma once

#include "model/Environment.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"

#include <QDialog>

#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;
class RoleChange;
class Session;

// One role for a selection of environments, one environment after the other: each is judged by
// RolePolicy, changed with the conflict check, and reported (changed / unchanged / refused by policy
// with the reason / conflict / API error). Cancel stops before the next environment.
class BulkRoleDialog : public QDialog
{
    Q_OBJECT
public:
    using VisibilityLookup = std::function<Visibility(const QString& instanceId)>;

    enum class ItemResult
    {
        Pending,
        Changed,
        Unchanged,
        Refused,
        Conflict,
        Failed,
        Cancelled
    };
    Q_ENUM(ItemResult)

    BulkRoleDialog(Session* session, QList<Environment> environments, VisibilityLookup visibility,
                   QWidget* parent = nullptr);

    bool isRunning() const { return m_running; }
    ItemResult resultAt(int index) const { return m_results.value(index, ItemResult::Pending); }
    int count() const { return int(m_environments.size()); }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void environmentChanged(const Environment& environment);
    void runFinished();

private:
    RoleAssociation requestedRole() const;
    void next();
    void record(int index, ItemResult result, const QString& detail);
    void finish();

    Session* m_session;
    QList<Environment> m_environments;
    VisibilityLookup m_visibility;
    QList<ItemResult> m_results;
    std::optional<TrustPolicy> m_trust;
    RoleChange* m_change = nullptr; // one for the run: it remembers the default-role chain it found
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;

    QButtonGroup* m_choices;
    QRadioButton* m_default;
    QRadioButton* m_custom;
    QRadioButton* m_none;
    QLineEdit* m_arn;
    QCheckBox* m_includePublic;
    QLineEdit* m_reason;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QTreeWidget* m_resultsView;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_close;
};
