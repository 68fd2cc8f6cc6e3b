#pragma once

#include "api/EnvironmentStop.h"
#include "model/Environment.h"
#include "model/Revocation.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class Session;

// Shown after a role was removed or replaced: the truth about revocation. Credentials the environment already
// received stay valid until they expire (at most the old role's maximum session duration: when that is, for this
// change), and the admin may stop the environment now (EnvironmentStop, with a confirmation), following it until it
// is Stopped, cancellable, failing with a clear reason; the stop is audited by the operation.
class RevocationDialog : public QDialog
{
    Q_OBJECT
public:
    // before/after: the environment as it was before the change and as the service has it now.
    RevocationDialog(Session* session, const Environment& before, const Environment& after, QWidget* parent = nullptr);
    ~RevocationDialog() override;

    const Revocation::Window& window() const { return m_window; }
    EnvironmentStop* stopOperation() const { return m_stop; }
    // For tests: skip the confirmation question.
    void setConfirmStop(bool ask) { m_confirm = ask; }
    void setPollIntervalMs(int ms) { m_pollMs = ms; }

public Q_SLOTS:
    void stopEnvironment();
    void cancelStop();

Q_SIGNALS:
    void stopFinished(EnvironmentStop::Outcome outcome);

private:
    void startStop();
    void updateText();

    Session* m_session;
    Environment m_before;
    Environment m_after;
    Revocation::Window m_window;
    QLabel* m_text = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_stopButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QPointer<EnvironmentStop> m_stop;
    bool m_confirm = true;
    int m_pollMs = 3000;
};
