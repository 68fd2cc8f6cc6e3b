#include "RevocationDialog.h"

#include "EnvironmentTableModel.h"

#include "Session.h"
#include "UiUtil.h"

#include "api/RamClient.h"
#include "model/RoleArn.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

RevocationDialog::RevocationDialog(Session* session, const Environment& before, const Environment& after,
                                   QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_before(before)
    , m_after(after)
{
    setObjectName(QStringLiteral("revocationDialog"));
    setWindowTitle(tr("Credentials already issued"));
    m_window = Revocation::afterChange(before.role, after.role, m_session->clock()->nowUtc());

    auto* layout = new QVBoxLayout(this);
    m_text = UiUtil::name(new QLabel(this), QStringLiteral("revocationText"), tr("What the change does not revoke"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    m_status = UiUtil::name(new QLabel(this), QStringLiteral("stopStatusLabel"), tr("Stop progress"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_stopButton = UiUtil::name(new QPushButton(tr("Stop environment now..."), this),
                                QStringLiteral("stopEnvironmentButton"), tr("Stop the environment now"));
    m_stopButton->setEnabled(m_window.applies && m_session->dataWorks());
    connect(m_stopButton, &QPushButton::clicked, this, &RevocationDialog::stopEnvironment);
    buttons->addWidget(m_stopButton);
    m_cancelButton = UiUtil::name(new QPushButton(tr("Cancel stop"), this), QStringLiteral("cancelStopButton"),
                                  tr("Stop following the environment"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &RevocationDialog::cancelStop);
    buttons->addWidget(m_cancelButton);
    m_closeButton =
        UiUtil::name(new QPushButton(tr("Close"), this), QStringLiteral("closeRevocationButton"), tr("Close"));
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);
    updateText();

    // A custom role's own maximum session duration, when RAM answers (the window then narrows to it).
    if (before.role.isCustomRole() && m_session->ram()) {
        const RoleArn arn = RoleArn::parse(before.role.roleArn());
        if (arn.isValid()) {
            QPointer<RevocationDialog> self(this);
            const QDateTime changedAt = m_window.changedAtUtc;
            m_session->ram()->getRole(arn.roleName(), [self, changedAt](const RamRole& role, const ApiError& error) {
                if (!self || error.isError())
                    return;
                self->m_window = Revocation::afterChange(self->m_before.role, self->m_after.role, changedAt,
                                                         role.maxSessionDuration);
                self->updateText();
            });
        }
    }
}

RevocationDialog::~RevocationDialog() = default;

void RevocationDialog::updateText()
{
    if (!m_window.applies) {
        m_text->setText(tr("The environment held no role before this change: no credentials were issued to it."));
        return;
    }
    m_text->setText(m_window.explanation());
}

void RevocationDialog::stopEnvironment()
{
    if (m_stop || !m_window.applies)
        return;
    if (!m_confirm) {
        startStop();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Stop environment"),
                                tr("Stop environment %1 (%2) now? Its running work ends; its owner can start it again.")
                                    .arg(m_after.instanceName, m_after.instanceId),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmStopBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            startStop();
    });
    box->open();
}

void RevocationDialog::startStop()
{
    if (m_stop || !m_session->dataWorks())
        return;
    m_stop = new EnvironmentStop(m_session->dataWorks(), m_session->audit(), this);
    EnvironmentStop::Options options;
    options.pollIntervalMs = m_pollMs;
    options.actor = m_session->auditActor();
    m_stopButton->setEnabled(false);
    m_cancelButton->show();
    m_status->show();
    m_status->setText(tr("Stopping environment %1...").arg(m_after.instanceId));
    connect(m_stop, &EnvironmentStop::statusChanged, this, [this](EnvironmentStatus status, const QString& text) {
        m_status->setText(
            tr("Environment %1 is %2...").arg(m_after.instanceId, EnvironmentStatuses::displayText(status, text)));
    });
    connect(m_stop, &EnvironmentStop::finished, this, [this](EnvironmentStop::Outcome outcome) {
        m_cancelButton->hide();
        switch (outcome) {
        case EnvironmentStop::Outcome::Stopped:
        case EnvironmentStop::Outcome::AlreadyStopped:
            m_status->setText(tr("Environment %1 is stopped.").arg(m_after.instanceId));
            break;
        case EnvironmentStop::Outcome::Failed:
        case EnvironmentStop::Outcome::Cancelled:
        case EnvironmentStop::Outcome::Running:
            m_status->setText(m_stop->errorString());
            m_status->setStyleSheet(
                QStringLiteral("color: %1;").arg(EnvironmentTableModel::publicColour(palette()).name()));
            break;
        }
        Q_EMIT stopFinished(outcome);
    });
    Environment shown = m_after;
    shown.role = m_after.role;
    m_stop->start(shown, options);
}

void RevocationDialog::cancelStop()
{
    if (m_stop)
        m_stop->cancel();
}
