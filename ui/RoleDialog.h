#pragma once

#include "api/RoleChange.h"
#include "model/Environment.h"
#include "model/RoleArn.h"
#include "model/RolePolicy.h"
#include "model/TrustPolicy.h"
#include "model/Visibility.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QTimer;
class RolePicker;
class Session;

// Choose an environment's RAM role: the DataWorks default role, a custom RAM role, or none, each
// with the product's guidance. The verdict comes from core's RolePolicy (the CLI asks the same
// function). A public environment gets a prominent warning, "Do Not Associate Role" preselected,
// and a role only after an explicit confirmation with a typed reason. What the write keeps and drops of
// the current CredentialConfig is shown before Apply. The change goes through core's RoleChange (the
// operation `roledesk-cli role set` uses) with the UpdateTime the user saw, so a concurrent change is
// shown, not overwritten; every attempt is written to the audit log with the caller identity.
class RoleDialog : public QDialog
{
    Q_OBJECT
public:
    RoleDialog(Session* session, const Environment& environment, Visibility visibility, QWidget* parent = nullptr);

    // What the choices currently request.
    RoleAssociation requestedRole() const;
    const RolePolicy::Decision& decision() const { return m_decision; }
    const Environment& environment() const { return m_environment; }
    bool isBusy() const { return m_busy; }

protected:
    void showEvent(QShowEvent* event) override;

Q_SIGNALS:
    // The environment as the service now has it (after a change, or the fresh copy after a conflict).
    void environmentChanged(const Environment& environment);
    void applied(const Environment& environment);
    void conflictDetected(const Environment& current);

private:
    // Layout only: grows the dialog (up to the screen) to show the choices and confirmation, else scrolls.
    void fitContents();
    int wantedHeight() const;

    void onArnEdited();
    void checkTrust();
    void showTrust(const TrustPolicy& policy, const RoleArn& arn);
    void evaluate();
    void apply();
    void showResult(const QString& text, bool error);
    void updateHeader();
    void setBusy(bool busy);
    void readConfig();

    Session* m_session;
    Environment m_environment;
    Visibility m_visibility;
    RolePolicy::Decision m_decision;
    std::optional<TrustPolicy> m_trust;
    QString m_trustCheckedArn;
    bool m_busy = false;
    quint64 m_trustRequest = 0;
    QJsonObject m_currentConfig; // the environment's CredentialConfig without UserInfo, once read
    bool m_configRead = false;

    QLabel* m_header;
    QFrame* m_publicWarning;
    QButtonGroup* m_choices;
    QRadioButton* m_default;
    QRadioButton* m_custom;
    QRadioButton* m_none;
    RolePicker* m_picker;
    QLabel* m_trustLabel;
    QLabel* m_verdict;
    QFrame* m_confirmBox;
    QCheckBox* m_confirm;
    QLineEdit* m_reason;
    QLabel* m_writePlan;
    QCheckBox* m_dropPolicy;
    QLabel* m_result;
    QPushButton* m_apply;
    QDialogButtonBox* m_buttons;
    QScrollArea* m_scroll = nullptr;
    bool m_fitted = false;
    QTimer* m_trustTimer;
};
