#pragma once

#include "api/RamClient.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class Session;

// The one custom-role picker of the role dialog and the bulk dialog: an editable list of the account's RAM roles
// (RAM ListRoles, loaded the first time the picker is used), each by its ARN, its name and description on hover, a
// mark on the roles whose trust policy names DataWorks; any ARN may also be typed or pasted. arnProblem() says in
// plain words what is wrong with a typed ARN, so a dialog can refuse it before it starts.
class RolePicker : public QWidget
{
    Q_OBJECT

public:
    // comboName: the list's object name (the dialogs and their tests keep theirs).
    RolePicker(Session* session, const QString& comboName, QWidget* parent = nullptr);

    // The picked or typed ARN, trimmed.
    QString arn() const;
    void setArn(const QString& arn);
    // Empty when arn() is a well-formed RAM role ARN (RoleArn); otherwise why not, in plain words.
    QString arnProblem() const;
    bool rolesLoaded() const { return m_loaded; }
    // Item data role of the list: true on the roles whose trust policy names DataWorks.
    static constexpr int TrustedRole = Qt::UserRole + 1;
    // How many of the listed roles trust DataWorks (after a load and the trust reads).
    int trustedCount() const;
    // The listed role with this ARN whose trust policy the picker has already read (GetRole), or nullptr: a dialog
    // that needs the same answer uses it instead of asking RAM again.
    const RamRole* readRole(const QString& arn) const;

    QComboBox* comboBox() const { return m_combo; }
    QLabel* statusLabel() const { return m_status; }

public Q_SLOTS:
    // Lists the account's roles (again); the typed text is kept.
    void loadRoles();
    // Loads the roles unless they were loaded (or are loading) already.
    void ensureLoaded();

Q_SIGNALS:
    void arnEdited();
    void rolesLoadedChanged();
    // Every listed role's trust policy was read (or could not be).
    void trustChecked();

private:
    void checkNext();
    void markRole(int index);
    void updateStatus();

    Session* m_session;
    QList<RamRole> m_roles;
    int m_checked = 0;
    int m_unreadable = 0;
    int m_nextCheck = 0;
    quint64 m_generation = 0;
    QComboBox* m_combo;
    QPushButton* m_reload;
    QLabel* m_status;
    bool m_loaded = false;
};
