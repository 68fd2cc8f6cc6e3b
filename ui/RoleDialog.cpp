#include "RoleDialog.h"

#include "RolePicker.h"

#include "EnvironmentTableModel.h"

#include "Session.h"
#include "TimeText.h"
#include "UiUtil.h"

#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"
#include "api/RamClient.h"
#include "model/RoleArn.h"
#include "util/Logging.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QLabel* guidance(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

// Indents a wrapped label under its radio button. A layout margin, not QLabel's own contents margins, which
// break the label's height-for-width and clip the wrapped lines.
void addIndented(QVBoxLayout* layout, QWidget* widget)
{
    auto* row = new QHBoxLayout;
    row->addSpacing(24);
    row->addWidget(widget, 1);
    layout->addLayout(row);
}
} // namespace

RoleDialog::RoleDialog(Session* session, const Environment& environment, Visibility visibility, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_environment(environment)
    , m_visibility(visibility)
{
    setObjectName(QStringLiteral("roleDialog"));
    setWindowTitle(tr("Change RAM role - %1").arg(environment.instanceName));
    // The choices, warnings and confirmation scroll (they never crush each other); the buttons stay in view.
    // The dialog grows to show them all when the screen has room (see fitContents).
    auto* outer = new QVBoxLayout(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("roleScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(m_scroll);
    content->setObjectName(QStringLiteral("roleContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    m_header = UiUtil::name(new QLabel(this), QStringLiteral("roleHeader"), tr("Environment"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);

    m_publicWarning = UiUtil::name(new QFrame(this), QStringLiteral("publicWarning"), tr("Public environment warning"));
    m_publicWarning->setStyleSheet(UiUtil::bannerStyle(true));
    auto* warnLayout = new QVBoxLayout(m_publicWarning);
    auto* warnTitle =
        new QLabel(tr("<b>This environment is public in its workspace</b> (recorded by admins)."), m_publicWarning);
    warnLayout->addWidget(warnTitle);
    auto* warnText = new QLabel(
        QStringLiteral("\u201C") + RolePolicy::publicEnvironmentGuidance() + QStringLiteral("\u201D"), m_publicWarning);
    warnText->setObjectName(QStringLiteral("publicWarningText"));
    warnText->setWordWrap(true);
    warnLayout->addWidget(warnText);
    warnLayout->addWidget(new QLabel(tr("Everyone who can open a public environment acts with its role's permissions."),
                                     m_publicWarning));
    m_publicWarning->setVisible(visibility == Visibility::Public);
    layout->addWidget(m_publicWarning);

    auto* choicesBox = new QGroupBox(tr("RAM role of the environment"), this);
    auto* choices = new QVBoxLayout(choicesBox);
    m_choices = new QButtonGroup(this);
    m_default = UiUtil::name(new QRadioButton(tr("DataWorks &default role"), choicesBox), QStringLiteral("roleDefault"),
                             tr("DataWorks default role"));
    choices->addWidget(m_default);
    addIndented(choices, guidance(tr("No role creation required. Code in the environment gets the environment "
                                     "owner's permissions on MaxCompute, Hologres, EMR Serverless Spark, Realtime "
                                     "Compute for Apache Flink and PAI."),
                                  choicesBox));
    m_custom = UiUtil::name(new QRadioButton(tr("&Custom RAM role"), choicesBox), QStringLiteral("roleCustom"),
                            tr("Custom RAM role"));
    choices->addWidget(m_custom);
    addIndented(choices, guidance(tr("For services beyond the default role's scope. The role's trusted entity must be "
                                     "the Alibaba Cloud service DataWorks (dataworks.aliyuncs.com), and you need the "
                                     "ram:PassRole permission on the role to associate it."),
                                  choicesBox));
    // The picker shared with the bulk dialog (RolePicker): the account's roles, trusted ones marked.
    auto* roleRow = new QHBoxLayout;
    roleRow->addSpacing(24);
    m_picker = new RolePicker(m_session, QStringLiteral("customRoleArn"), choicesBox);
    roleRow->addWidget(m_picker, 1);
    choices->addLayout(roleRow);
    m_trustLabel = UiUtil::name(new QLabel(choicesBox), QStringLiteral("trustPolicyLabel"), tr("Trust policy check"));
    m_trustLabel->setWordWrap(true);
    m_trustLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addIndented(choices, m_trustLabel);
    m_none = UiUtil::name(new QRadioButton(tr("Do &Not Associate Role"), choicesBox), QStringLiteral("roleNone"),
                          tr("Do Not Associate Role"));
    choices->addWidget(m_none);
    addIndented(choices, guidance(tr("The environment gets no temporary credentials; code uses its own AccessKey pair. "
                                     "The right choice for a public environment."),
                                  choicesBox));
    m_choices->addButton(m_default);
    m_choices->addButton(m_custom);
    m_choices->addButton(m_none);
    layout->addWidget(choicesBox);

    m_verdict = UiUtil::name(new QLabel(this), QStringLiteral("verdictLabel"), tr("Policy verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_verdict);

    // What the write keeps and drops of the current configuration (read when the dialog opens).
    m_writePlan =
        UiUtil::name(new QLabel(this), QStringLiteral("writePlanLabel"), tr("What the change keeps and drops"));
    m_writePlan->setWordWrap(true);
    m_writePlan->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_writePlan->hide();
    layout->addWidget(m_writePlan);
    m_dropPolicy = UiUtil::name(new QCheckBox(tr("Drop the &session policy that restricts the current role"), this),
                                QStringLiteral("dropPolicyCheck"), tr("Drop the session policy"));
    m_dropPolicy->setToolTip(environment.role.sessionPolicy());
    m_dropPolicy->setVisible(environment.role.isRestricted());
    layout->addWidget(m_dropPolicy);

    m_confirmBox = UiUtil::name(new QFrame(this), QStringLiteral("confirmBox"), tr("Confirmation"));
    m_confirmBox->setStyleSheet(UiUtil::bannerStyle(false));
    auto* confirmLayout = new QVBoxLayout(m_confirmBox);
    m_confirm =
        UiUtil::name(new QCheckBox(tr("I understand the risk and associate a role with this public environment anyway"),
                                   m_confirmBox),
                     QStringLiteral("confirmPublicCheck"), tr("Confirm associating a role with a public environment"));
    confirmLayout->addWidget(m_confirm);
    auto* reasonRow = new QHBoxLayout;
    auto* reasonLabel = new QLabel(tr("&Reason (goes to the audit log):"), m_confirmBox);
    reasonRow->addWidget(reasonLabel);
    m_reason =
        UiUtil::name(new QLineEdit(m_confirmBox), QStringLiteral("overrideReason"), tr("Reason for the override"));
    m_reason->setPlaceholderText(tr("why this public environment needs a role"));
    reasonLabel->setBuddy(m_reason);
    reasonRow->addWidget(m_reason, 1);
    confirmLayout->addLayout(reasonRow);
    m_confirmBox->hide();
    layout->addWidget(m_confirmBox);

    m_result = UiUtil::name(new QLabel(this), QStringLiteral("resultLabel"), tr("Result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("roleButtons"));
    m_apply = UiUtil::name(m_buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole),
                           QStringLiteral("applyButton"), tr("Apply the role change"));
    QPushButton* cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    UiUtil::name(cancel, QStringLiteral("cancelButton"), tr("Cancel"));
    connect(m_apply, &QPushButton::clicked, this, &RoleDialog::apply);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addStretch();
    outer->addWidget(m_buttons);

    m_trustTimer = new QTimer(this);
    m_trustTimer->setSingleShot(true);
    m_trustTimer->setInterval(400);
    connect(m_trustTimer, &QTimer::timeout, this, &RoleDialog::checkTrust);

    // Preselection: the current role, except that a public environment starts on "Do Not Associate Role".
    const RoleAssociation& current = environment.role;
    if (visibility == Visibility::Public || current.isNone() || current.isUnknown())
        m_none->setChecked(true);
    else if (current.isDataWorksDefault())
        m_default->setChecked(true);
    else
        m_custom->setChecked(true);
    if (current.isCustomRole())
        m_picker->setArn(current.roleArn());

    connect(m_choices, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
        if (!on)
            return;
        if (m_custom->isChecked()) {
            m_picker->ensureLoaded();
            m_picker->comboBox()->setFocus();
        }
        evaluate();
    });
    connect(m_picker, &RolePicker::arnEdited, this, &RoleDialog::onArnEdited);
    connect(m_picker, &RolePicker::rolesLoadedChanged, this, &RoleDialog::evaluate);
    connect(m_confirm, &QCheckBox::toggled, this, &RoleDialog::evaluate);
    connect(m_reason, &QLineEdit::textChanged, this, &RoleDialog::evaluate);
    connect(m_dropPolicy, &QCheckBox::toggled, this, &RoleDialog::evaluate);

    // The owner's name may arrive after the dialog opened (core's OwnerDirectory lists each workspace's members
    // once): the header shows the account id until then and the name as soon as it is known.
    if (OwnerDirectory* owners = m_session->owners()) {
        connect(owners, &OwnerDirectory::workspaceResolved, this, [this](qint64 projectId) {
            if (projectId == m_environment.projectId)
                updateHeader();
        });
        if (m_environment.ownerName.isEmpty() && !owners->isKnown(m_environment.projectId))
            owners->resolve({m_environment.projectId});
    }
    updateHeader();
    readConfig();
    if (m_custom->isChecked()) {
        m_picker->ensureLoaded();
        checkTrust();
    }
    evaluate();
    setMinimumWidth(640);
}

void RoleDialog::updateHeader()
{
    const Environment& env = m_environment;
    QString owner = env.ownerName;
    if (owner.isEmpty() && m_session->owners()) // a fresh read carries no name: the directory has it
        owner = m_session->owners()->name(env.projectId, env.ownerId);
    m_header->setText(tr("<b>%1</b> (%2) in workspace %3<br>Owner %4 &middot; status %5 &middot; visibility: %6 "
                         "<i>(recorded by admins)</i><br>Current role: <b>%7</b> &middot; last updated %8")
                          .arg(env.instanceName.toHtmlEscaped(), env.instanceId.toHtmlEscaped(),
                               env.projectName.toHtmlEscaped(), (owner.isEmpty() ? env.ownerId : owner).toHtmlEscaped(),
                               env.statusDisplayText(), Visibilities::displayName(m_visibility),
                               env.role.displayText().toHtmlEscaped(), TimeText::local(env.updateTime)));
    m_header->setToolTip(tr("Owner account ID: %1\nLast updated %2").arg(env.ownerId, TimeText::utc(env.updateTime)));
}

RoleAssociation RoleDialog::requestedRole() const
{
    if (m_default->isChecked())
        return RoleAssociation::dataWorksDefault();
    if (m_custom->isChecked()) {
        return RoleAssociation::customRole(m_picker->arn());
    }
    return RoleAssociation::none();
}

void RoleDialog::onArnEdited()
{
    if (!m_custom->isChecked() && !m_picker->arn().isEmpty()) {
        const QSignalBlocker blocker(m_choices);
        m_custom->setChecked(true);
    }
    if (m_custom->isChecked())
        m_picker->ensureLoaded();
    m_trust.reset();
    m_trustTimer->start();
    evaluate();
}

void RoleDialog::checkTrust()
{
    const QString arnText = requestedRole().roleArn();
    if (!m_custom->isChecked() || arnText.isEmpty()) {
        m_trustLabel->clear();
        return;
    }
    const RoleArn arn = RoleArn::parse(arnText);
    if (!arn.isValid()) {
        m_trustLabel->setText(arn.errorString());
        return;
    }
    if (!m_session->ram())
        return;
    const quint64 request = ++m_trustRequest;
    if (const RamRole* read = m_picker->readRole(arn.toString())) {
        showTrust(read->trustPolicy, arn); // the picker read this role's policy already
        return;
    }
    m_trustLabel->setText(tr("Checking the trust policy of %1 (RAM GetRole)...").arg(arn.roleName()));
    m_trustLabel->setVisible(true);
    QPointer<RoleDialog> self(this);
    m_session->ram()->getRole(arn.roleName(), [self, request, arn](const RamRole& role, const ApiError& error) {
        if (!self || request != self->m_trustRequest)
            return;
        if (error.isError()) {
            self->m_trust.reset();
            self->m_trustLabel->setText(tr("Could not read the role's trust policy: %1").arg(error.toString()));
            self->evaluate();
            return;
        }
        self->showTrust(role.trustPolicy, arn);
    });
}

void RoleDialog::showTrust(const TrustPolicy& policy, const RoleArn& arn)
{
    if (policy.isValid())
        m_trust = policy;
    else
        m_trust.reset();
    QString text = policy.explanation();
    text += QLatin1Char(' ') + tr("To associate it you need ram:PassRole on %1 (ask an account admin for a policy "
                                  "allowing \"ram:PassRole\" on that resource).")
                                   .arg(arn.toString());
    m_trustLabel->setText(text);
    m_trustLabel->setVisible(true);
    // Colours for the palette in use (light or dark), with contrast checked in EnvironmentTableModel.
    m_trustLabel->setStyleSheet(QStringLiteral("color: %1;")
                                    .arg(EnvironmentTableModel::toneColour(policy.isValid() && policy.trustsDataWorks()
                                                                               ? EnvironmentTableModel::Tone::Good
                                                                               : EnvironmentTableModel::Tone::Bad,
                                                                           palette())
                                             .name()));
    evaluate();
}

void RoleDialog::evaluate()
{
    // inputFor() also carries the exposure the API reports (internet port forwarding), which rule 6b judges.
    m_decision = RolePolicy::evaluate(RolePolicy::inputFor(m_environment, m_visibility, requestedRole(), m_trust));

    QString colour;
    switch (m_decision.verdict) {
    case RolePolicy::Verdict::Allowed:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Good, palette()).name();
        break;
    case RolePolicy::Verdict::NeedsConfirmation:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Busy, palette()).name();
        break;
    case RolePolicy::Verdict::Refused:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Bad, palette()).name();
        break;
    }
    QString verdictWord;
    switch (m_decision.verdict) {
    case RolePolicy::Verdict::Allowed:
        verdictWord = m_decision.noChange ? tr("Nothing to change.") : tr("Allowed.");
        break;
    case RolePolicy::Verdict::NeedsConfirmation:
        verdictWord = tr("Needs your confirmation.");
        break;
    case RolePolicy::Verdict::Refused:
        verdictWord = tr("Refused.");
        break;
    }
    QString html = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(colour, verdictWord.toHtmlEscaped());
    if (!m_decision.reasons.isEmpty()) {
        html += QStringLiteral("<ul style=\"margin-top:2px; margin-left:-20px\">");
        for (const QString& reason : std::as_const(m_decision.reasons))
            html += QStringLiteral("<li>") + reason.toHtmlEscaped() + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    m_verdict->setToolTip(m_decision.summary());
    m_verdict->setText(html);
    const bool confirmWasVisible = !m_confirmBox->isHidden();
    m_confirmBox->setVisible(m_decision.needsConfirmation());
    // The check box names what it confirms: each confirmation rule is confirmed on its own (RolePolicy).
    const bool confirmsPublic = m_decision.has(RolePolicy::Rule::PublicEnvironment);
    const bool confirmsInternet = m_decision.has(RolePolicy::Rule::InternetReachable);
    if (confirmsInternet && confirmsPublic) {
        m_confirm->setText(tr("I understand the risk and associate a role with this public environment, reachable "
                              "from the internet, anyway"));
        m_reason->setPlaceholderText(tr("why this public, internet-reachable environment needs a role"));
    } else if (confirmsInternet) {
        m_confirm->setText(
            tr("I understand the risk and associate a role with this environment reachable from the internet anyway"));
        m_reason->setPlaceholderText(tr("why this internet-reachable environment needs a role"));
    } else {
        m_confirm->setText(tr("I understand the risk and associate a role with this public environment anyway"));
        m_reason->setPlaceholderText(tr("why this public environment needs a role"));
    }
    if (confirmWasVisible != !m_confirmBox->isHidden())
        QTimer::singleShot(0, this, &RoleDialog::fitContents);
    // The custom-role notes only take room when there is something to say.
    m_trustLabel->setVisible(m_custom->isChecked() && !m_trustLabel->text().isEmpty());
    m_picker->statusLabel()->setVisible(m_custom->isChecked() && !m_picker->statusLabel()->text().isEmpty());
    QString blocked = RolePolicy::checkConfirmation(m_decision, m_confirm->isChecked(), m_reason->text());

    // What the write would keep and drop: the same plan RoleChange sends.
    QString planHtml;
    if (m_configRead && !m_decision.noChange && !m_decision.isRefused()) {
        CredentialConfigMapping::WriteOptions options;
        options.dropSessionPolicy = m_dropPolicy->isChecked();
        const CredentialConfigMapping::WritePlan plan =
            CredentialConfigMapping::planWrite(m_currentConfig, requestedRole(), options);
        const auto list = [](const QString& title, const QStringList& items) -> QString {
            if (items.isEmpty())
                return {};
            QString text = QStringLiteral("<b>") + title.toHtmlEscaped() +
                           QStringLiteral("</b><ul style=\"margin-top:2px; margin-left:-20px\">");
            for (const QString& item : items)
                text += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
            return text + QStringLiteral("</ul>");
        };
        planHtml = list(tr("Cannot be applied yet:"), plan.blockers) + list(tr("The change keeps:"), plan.kept) +
                   list(tr("The change drops:"), plan.dropped);
        if (plan.isBlocked() && blocked.isEmpty())
            blocked = plan.blockers.join(QLatin1Char(' '));
    }
    m_writePlan->setText(planHtml);
    m_writePlan->setVisible(!planHtml.isEmpty());
    m_apply->setEnabled(!m_busy && !m_decision.noChange && blocked.isEmpty());
    m_apply->setToolTip(m_decision.noChange ? tr("Nothing to change") : blocked);
}

void RoleDialog::readConfig()
{
    if (!m_session->dataWorks())
        return;
    QPointer<RoleDialog> self(this);
    m_session->dataWorks()->readServerIdeInstance(m_environment.instanceId,
                                                  [self](const ServerIdeInstanceRecord& record, const ApiError& error) {
                                                      if (!self || error.isError())
                                                          return; // the change itself reads again and reports any error
                                                      self->m_currentConfig = record.credentialConfig;
                                                      self->m_configRead = true;
                                                      self->evaluate();
                                                  });
}

void RoleDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w :
         {static_cast<QWidget*>(m_default), static_cast<QWidget*>(m_custom), static_cast<QWidget*>(m_none),
          static_cast<QWidget*>(m_picker), static_cast<QWidget*>(m_confirm), static_cast<QWidget*>(m_reason)})
        w->setEnabled(!busy);
    evaluate();
}

void RoleDialog::showResult(const QString& text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(
        error ? QStringLiteral("color: %1;")
                    .arg(EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Bad, palette()).name())
              : QString());
    m_result->show();
}

void RoleDialog::apply()
{
    evaluate();
    const QString blocked = RolePolicy::checkConfirmation(m_decision, m_confirm->isChecked(), m_reason->text());
    if (!blocked.isEmpty() || m_decision.noChange || !m_session->dataWorks()) {
        showResult(blocked.isEmpty() ? tr("Nothing to change.") : blocked, true);
        return;
    }
    const Environment shown = m_environment;
    RoleChange::Request request;
    request.instanceId = shown.instanceId;
    request.requested = requestedRole();
    request.visibility = m_visibility;
    request.expectedUpdateTimeMs = shown.updateTimeMs;
    request.dropSessionPolicy = m_dropPolicy->isChecked();
    if (m_custom->isChecked() && m_trust)
        request.trustPolicy = m_trust; // already read for this ARN (an edit resets it)
    request.actor = m_session->auditActor();
    // The admin confirmed in this dialog: the operation reads once more (to catch a change since it was shown) and
    // writes right after that read.
    request.confirmedUpFront = true;
    RoleChange::Confirmation confirmation;
    confirmation.proceed = true;
    confirmation.override = m_decision.needsConfirmation() && m_confirm->isChecked();
    // What this dialog showed and the admin confirmed, rule by rule: a rule that appears only on RoleChange's fresh
    // read (the environment became public or reachable from the internet meanwhile) is not confirmed by this.
    confirmation.confirmedRules = RolePolicy::confirmationRules(m_decision);
    confirmation.reason = confirmation.override ? m_reason->text().trimmed() : QString();
    setBusy(true);
    showResult(tr("Applying (re-reading the environment first to make sure nobody changed it)..."), false);
    auto* change = new RoleChange(m_session->dataWorks(), m_session->ram(), m_session->audit(), this);
    QPointer<RoleDialog> self(this);
    change->run(
        request, [confirmation](const RoleChange::Plan&, RoleChange::Answer answer) { answer(confirmation); },
        [self, change, shown, request](const RoleChange::Result& result) {
            change->deleteLater();
            if (!self)
                return;
            if (result.isApplied() && !result.audited)
                qCWarning(lcUi) << "the role change was not audited:" << result.auditError;
            switch (result.outcome) {
            case RoleChange::Outcome::Conflict: {
                // Nothing was written. Show what changed and let the admin decide again on the fresh copy.
                const Environment& fresh = result.plan.environment;
                self->m_environment = fresh.isNull() ? shown : fresh;
                self->setBusy(false);
                self->updateHeader();
                self->readConfig();
                self->showResult(
                    tr("Not changed: someone else changed this environment since you loaded it (updated %1, role "
                       "now \"%2\"). Nothing was overwritten. Review the current state above and apply again if "
                       "your change is still right.")
                        .arg(TimeText::local(fresh.updateTime), fresh.role.displayText()),
                    true);
                Q_EMIT self->environmentChanged(self->m_environment);
                Q_EMIT self->conflictDetected(self->m_environment);
                return;
            }
            case RoleChange::Outcome::Applied:
            case RoleChange::Outcome::AppliedReadBackDiffers: {
                Environment after = result.after;
                if (after.isNull()) {
                    after = result.plan.environment.isNull() ? shown : result.plan.environment;
                    after.role = request.requested;
                }
                self->m_environment = after;
                self->setBusy(false);
                Q_EMIT self->environmentChanged(after);
                if (result.outcome == RoleChange::Outcome::AppliedReadBackDiffers) {
                    // Keep the dialog open: the admin must see that the service holds something else.
                    self->updateHeader();
                    self->showResult(result.message, true);
                    return;
                }
                Q_EMIT self->applied(after);
                self->accept();
                return;
            }
            default:
                self->setBusy(false);
                self->showResult(result.outcome == RoleChange::Outcome::Failed
                                     ? tr("The change failed: %1").arg(result.error.toString())
                                     : result.message,
                                 true);
                return;
            }
        });
}

int RoleDialog::wantedHeight() const
{
    // What the contents need at the current width (wrapped texts included), plus the buttons and margins.
    const QWidget* content = m_scroll->widget();
    const int width = m_scroll->viewport()->width() > 0 ? m_scroll->viewport()->width() : content->sizeHint().width();
    const int contentHeight =
        content->hasHeightForWidth() ? content->heightForWidth(width) : content->sizeHint().height();
    const QMargins margins = layout()->contentsMargins();
    return contentHeight + m_buttons->sizeHint().height() + layout()->spacing() + margins.top() + margins.bottom() +
           2 * m_scroll->frameWidth();
}

void RoleDialog::fitContents()
{
    // Grow (never past the screen) so every choice and the confirmation show at once; beyond that, scroll.
    const QRect available = screen()->availableGeometry();
    const int frameExtra = isVisible() ? frameGeometry().height() - height() : 40;
    const int maxHeight = available.height() - frameExtra;
    const int wanted = qMin(wantedHeight(), maxHeight);
    if (wanted > height())
        resize(width(), wanted);
    UiUtil::fitToScreen(this);
    if (!m_confirmBox->isHidden())
        m_scroll->ensureWidgetVisible(m_confirmBox);
}

void RoleDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        const QRect available = screen()->availableGeometry();
        const int width = qMin(qMax(640, m_scroll->widget()->sizeHint().width() + 40), available.width() * 9 / 10);
        resize(width, height());
        fitContents();
    }
}
