#include "BulkRoleDialog.h"

#include "RolePicker.h"

#include "EnvironmentTableModel.h"
#include "Session.h"
#include "UiUtil.h"

#include "api/DataWorksClient.h"
#include "api/RamClient.h"
#include "api/RoleChange.h"
#include "model/Revocation.h"
#include "model/RoleArn.h"
#include "model/RolePolicy.h"
#include "rules/RuleApplier.h"
#include "util/Clock.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QString resultText(BulkRoleDialog::ItemResult result)
{
    switch (result) {
    case BulkRoleDialog::ItemResult::Pending:
        return BulkRoleDialog::tr("waiting");
    case BulkRoleDialog::ItemResult::Changed:
        return BulkRoleDialog::tr("changed");
    case BulkRoleDialog::ItemResult::Unchanged:
        return BulkRoleDialog::tr("unchanged");
    case BulkRoleDialog::ItemResult::Refused:
        return BulkRoleDialog::tr("refused by policy");
    case BulkRoleDialog::ItemResult::Conflict:
        return BulkRoleDialog::tr("conflict");
    case BulkRoleDialog::ItemResult::Failed:
        return BulkRoleDialog::tr("API error");
    case BulkRoleDialog::ItemResult::CannotFix:
        return BulkRoleDialog::tr("cannot fix");
    case BulkRoleDialog::ItemResult::Cancelled:
        return BulkRoleDialog::tr("cancelled");
    }
    return {};
}
} // namespace

BulkRoleDialog::BulkRoleDialog(Session* session, QList<Environment> environments, VisibilityLookup visibility,
                               QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_environments(std::move(environments))
    , m_visibility(std::move(visibility))
{
    setObjectName(QStringLiteral("bulkRoleDialog"));
    setWindowTitle(tr("Change the role of %n environment(s)", nullptr, int(m_environments.size())));
    m_results = QList<ItemResult>(m_environments.size(), ItemResult::Pending);
    auto* layout = new QVBoxLayout(this);

    int publicCount = 0;
    for (const Environment& env : std::as_const(m_environments))
        publicCount += m_visibility(env.instanceId) == Visibility::Public ? 1 : 0;

    auto* box = new QGroupBox(tr("New RAM role for every selected environment"), this);
    auto* boxLayout = new QVBoxLayout(box);
    m_choices = new QButtonGroup(this);
    m_default = UiUtil::name(new QRadioButton(tr("DataWorks default role"), box), QStringLiteral("bulkRoleDefault"),
                             tr("DataWorks default role"));
    m_custom = UiUtil::name(new QRadioButton(tr("Custom RAM role:"), box), QStringLiteral("bulkRoleCustom"),
                            tr("Custom RAM role"));
    m_none = UiUtil::name(new QRadioButton(tr("Do Not Associate Role"), box), QStringLiteral("bulkRoleNone"),
                          tr("Do Not Associate Role"));
    // The role dialog's picker (RolePicker): the account's roles, those DataWorks may use marked.
    m_arn = new RolePicker(m_session, QStringLiteral("bulkRoleArn"), box);
    connect(m_arn, &RolePicker::arnEdited, this, [this] {
        if (!m_arn->arn().isEmpty())
            m_custom->setChecked(true);
        updateStartState();
    });
    connect(m_custom, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_arn->ensureLoaded();
    });
    for (QRadioButton* b : {m_default, m_custom, m_none})
        m_choices->addButton(b);
    m_none->setChecked(true);
    boxLayout->addWidget(m_default);
    auto* customRow = new QHBoxLayout;
    customRow->addWidget(m_custom);
    customRow->addWidget(m_arn, 1);
    boxLayout->addLayout(customRow);
    boxLayout->addWidget(m_none);
    layout->addWidget(box);

    auto* publicBox = new QFrame(this);
    publicBox->setObjectName(QStringLiteral("bulkPublicBox"));
    auto* publicLayout = new QVBoxLayout(publicBox);
    auto* publicText = new QLabel(publicBox);
    publicText->setObjectName(QStringLiteral("bulkPublicText"));
    publicText->setWordWrap(true);
    publicLayout->addWidget(publicText);
    // The confirmation only matters for a change that gives public environments a role.
    auto* confirmArea = new QWidget(publicBox);
    auto* confirmLayout = new QVBoxLayout(confirmArea);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    m_includePublic = UiUtil::name(new QCheckBox(tr("Also give the role to public environments"), confirmArea),
                                   QStringLiteral("bulkIncludePublic"), tr("Include public environments"));
    confirmLayout->addWidget(m_includePublic);
    auto* reasonForm = new QFormLayout;
    m_reason = UiUtil::name(new QLineEdit(confirmArea), QStringLiteral("bulkReason"), tr("Reason for the override"));
    reasonForm->addRow(tr("Reason (audit log):"), m_reason);
    confirmLayout->addLayout(reasonForm);
    publicLayout->addWidget(confirmArea);
    publicBox->setVisible(publicCount > 0);
    const auto updatePublicNote = [this, publicBox, publicText, confirmArea, publicCount] {
        // "Do Not Associate Role" is what the guidance asks for public environments: allowed and applied.
        const bool clearing = m_none->isChecked();
        publicText->setText(
            tr("Public environments in the selection (recorded by admins): %1. ").arg(publicCount) +
            RolePolicy::publicEnvironmentGuidance() + QLatin1Char(' ') +
            (clearing ? tr("Removing their role follows that guidance: they are changed like the others.")
                      : tr("Unless you confirm below, public environments keep their setting and are reported as "
                           "refused.")));
        publicBox->setStyleSheet(UiUtil::bannerStyle(!clearing));
        confirmArea->setVisible(!clearing);
    };
    for (QRadioButton* b : {m_default, m_custom, m_none}) {
        connect(b, &QRadioButton::toggled, this, updatePublicNote);
        connect(b, &QRadioButton::toggled, this, &BulkRoleDialog::updateStartState);
    }
    updatePublicNote();
    layout->addWidget(publicBox);

    buildProgressAndResults(layout, {tr("Environment"), tr("ID"), tr("Result"), tr("Detail")});
    for (const Environment& env : std::as_const(m_environments)) {
        auto* item = new QTreeWidgetItem(m_resultsView);
        item->setText(0, env.instanceName);
        item->setText(1, env.instanceId);
        item->setText(2, resultText(ItemResult::Pending));
    }
    m_resultsView->header()->resizeSection(0, 180);
    m_resultsView->header()->resizeSection(1, 90);
    m_resultsView->header()->resizeSection(2, 120);
    buildButtons(layout);
    updateStartState();
    resize(820, 560);
}

void BulkRoleDialog::updateStartState()
{
    if (m_planMode || !m_start || m_running)
        return;
    // A custom role's ARN is checked before Start, not found wrong on every environment one after another.
    const QString problem = m_custom->isChecked() ? m_arn->arnProblem() : QString();
    m_start->setEnabled(problem.isEmpty());
    m_start->setToolTip(problem);
    m_summary->setText(problem);
}

BulkRoleDialog::BulkRoleDialog(Session* session, const RuleSet& rules, const RulePlan::Plan& plan,
                               QList<Environment> environments, QHash<QString, TrustPolicy> trustPolicies,
                               QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_planMode(true)
    , m_rules(rules)
    , m_plan(plan)
    , m_trustPolicies(std::move(trustPolicies))
    , m_resultColumn(4)
{
    setObjectName(QStringLiteral("fixDeviationsDialog"));
    // Rows: the change entries in the plan's order (RuleApplier's items, same order), then the cannot-fix ones.
    QList<const RulePlan::Entry*> rows;
    for (const RulePlan::Entry& entry : m_plan.entries)
        if (entry.action == RulePlan::Action::Change && entry.target)
            rows << &entry;
    const int changes = int(rows.size());
    for (const RulePlan::Entry& entry : m_plan.entries)
        if (entry.action == RulePlan::Action::CannotFix)
            rows << &entry;
    for (const RulePlan::Entry* entry : std::as_const(rows)) {
        m_environments << environments.at(entry->environmentIndex);
        m_rowTargets << (entry->target ? *entry->target : RoleAssociation());
    }
    m_results = QList<ItemResult>(m_environments.size(), ItemResult::Pending);
    // RuleApplier indexes the list the plan was evaluated on.
    m_visibility = [](const QString&) { return Visibility::Unknown; };
    const QString fileName = QFileInfo(m_rules.file).fileName();
    setWindowTitle(tr("Fix deviations from %1").arg(fileName));

    auto* layout = new QVBoxLayout(this);
    auto* intro = UiUtil::name(new QLabel(this), QStringLiteral("fixIntro"), tr("What Fix deviations does"));
    intro->setWordWrap(true);
    intro->setText(
        tr("The rules file %1 asks for another role for %n environment(s).", nullptr, int(rows.size())).arg(fileName) +
        QLatin1Char(' ') +
        tr("%1 can be changed; %2 cannot (listed with the reason).").arg(changes).arg(rows.size() - changes) +
        QLatin1Char(' ') +
        tr("Each change is made like a single one: the environment is read again and the rules are evaluated on that "
           "fresh copy (a change since the listing is a conflict and is not overwritten), a public environment gets "
           "a role only from a rule that names it and gives a reason, and the audit log records the rule as the "
           "reason."));
    layout->addWidget(intro);

    buildProgressAndResults(layout,
                            {tr("Environment"), tr("ID"), tr("Rule"), tr("Change"), tr("Result"), tr("Detail")});
    for (int i = 0; i < rows.size(); ++i) {
        const RulePlan::Entry& entry = *rows.at(i);
        const Environment& env = m_environments.at(i);
        auto* item = new QTreeWidgetItem(m_resultsView);
        item->setText(0, env.instanceName);
        item->setText(1, env.instanceId);
        if (entry.ruleIndex >= 0 && entry.ruleIndex < m_rules.rules.size()) {
            const RoleRule& rule = m_rules.rules.at(entry.ruleIndex);
            item->setText(2, rule.name);
            item->setToolTip(2, tr("Rule %1 (%2)").arg(entry.ruleIndex + 1).arg(rule.where.toString()));
        }
        const QString change = entry.target ? tr("%1 -> %2")
                                                  .arg(entry.current.displayText(RoleAssociation::TextForm::Cell),
                                                       entry.target->displayText(RoleAssociation::TextForm::Cell))
                                            : entry.current.displayText(RoleAssociation::TextForm::Cell);
        item->setText(3, change);
        item->setToolTip(3, entry.target ? tr("%1 -> %2").arg(entry.current.displayText(), entry.target->displayText())
                                         : entry.current.displayText());
        item->setText(4, resultText(ItemResult::Pending));
        if (i < changes && entry.publicOverride)
            item->setText(5, tr("public override: %1").arg(entry.overrideReason));
    }
    // One line per environment: the whole texts are in the tool tips.
    m_resultsView->setWordWrap(false);
    m_resultsView->setTextElideMode(Qt::ElideMiddle);
    // Column widths: fitPlanColumns(), once the dialog has its size.
    buildButtons(layout);
    m_start->setText(tr("&Apply %n change(s)", nullptr, changes));
    m_start->setEnabled(changes > 0);
    // What cannot be fixed is known before the run: shown at once.
    for (int i = changes; i < rows.size(); ++i) {
        // The first reason restates the deviation (the Change column shows it); the others say why not.
        const QStringList& reasons = rows.at(i)->reasons;
        record(i, ItemResult::CannotFix, (reasons.size() > 1 ? reasons.mid(1) : reasons).join(QLatin1Char(' ')));
    }
    m_summary->setText(changes > 0 ? tr("Ready: %n change(s) to apply.", nullptr, changes)
                                   : tr("Nothing the rules file can change."));
    m_planEnvironments = std::move(environments);
    // The plan's Rule and Change columns want width: as wide as the screen allows, up to 1400 (showEvent then keeps
    // it on the screen; 1120 fixed pixels left a 1067-wide screen at 1.5x).
    const QRect available = (parent ? parent->screen() : screen())->availableGeometry();
    resize(qMin(1400, available.width() * 9 / 10), 600);
}

void BulkRoleDialog::buildProgressAndResults(QVBoxLayout* layout, const QStringList& headers)
{
    m_progress = UiUtil::name(new QProgressBar(this), QStringLiteral("bulkProgress"), tr("Bulk change progress"));
    m_progress->setRange(0, int(m_environments.size()));
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_summary = UiUtil::name(new QLabel(this), QStringLiteral("bulkSummary"), tr("Bulk change summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_resultsView = UiUtil::name(new QTreeWidget(this), QStringLiteral("bulkResults"), tr("Results per environment"));
    m_resultsView->setRootIsDecorated(false);
    m_resultsView->setHeaderLabels(headers);
    m_resultsView->setWordWrap(true);
    layout->addWidget(m_resultsView, 1);
}

void BulkRoleDialog::buildButtons(QVBoxLayout* layout)
{
    auto* buttons = new QDialogButtonBox(this);
    m_start = UiUtil::name(buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole),
                           QStringLiteral("bulkStartButton"), tr("Start the bulk change"));
    m_cancel = UiUtil::name(buttons->addButton(tr("Cancel"), QDialogButtonBox::ActionRole),
                            QStringLiteral("bulkCancelButton"), tr("Cancel the bulk change"));
    m_cancel->setEnabled(false);
    m_close = UiUtil::name(buttons->addButton(QDialogButtonBox::Close), QStringLiteral("bulkCloseButton"), tr("Close"));
    connect(m_start, &QPushButton::clicked, this, &BulkRoleDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &BulkRoleDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
}

RoleAssociation BulkRoleDialog::requestedRole() const
{
    if (m_default->isChecked())
        return RoleAssociation::dataWorksDefault();
    if (m_custom->isChecked())
        return RoleAssociation::customRole(m_arn->arn());
    return RoleAssociation::none();
}

void BulkRoleDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (m_fitted)
        return;
    m_fitted = true;
    // Never past the screen, whatever size the constructor chose (a 1.5x scale leaves 1067 logical pixels).
    UiUtil::fitToScreen(this);
    if (m_planMode)
        QTimer::singleShot(0, this, &BulkRoleDialog::fitPlanColumns);
}

void BulkRoleDialog::fitPlanColumns()
{
    // Environment, ID, Rule and Result as wide as their contents (ids are never cut; long names and rule names stop
    // at a cap and elide), Change up to 360 pixels, Detail (the last, stretched) the rest. Where the dialog is
    // narrow (1.5x on a 1600-pixel screen), Change gives way first, down to 200, so that Detail, which holds why a
    // row cannot be fixed, keeps about 300.
    QHeaderView* header = m_resultsView->header();
    const int caps[] = {220, -1, 180, -1, -1};
    int used = 0;
    for (const int c : {0, 1, 2, 4}) {
        m_resultsView->resizeColumnToContents(c);
        const int width = qMax(header->sectionSize(c), header->sectionSizeHint(c));
        header->resizeSection(c, caps[c] > 0 ? qMin(width, caps[c]) : width);
        used += header->sectionSize(c);
    }
    const int room = m_resultsView->viewport()->width() - used - 300;
    header->resizeSection(3, qBound(200, room, 360));
}

void BulkRoleDialog::start()
{
    if (m_running || !m_session->dataWorks())
        return;
    if (m_planMode) {
        startPlan();
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_next = 0;
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    for (QWidget* w :
         {static_cast<QWidget*>(m_default), static_cast<QWidget*>(m_custom), static_cast<QWidget*>(m_none),
          static_cast<QWidget*>(m_arn), static_cast<QWidget*>(m_includePublic), static_cast<QWidget*>(m_reason)})
        w->setEnabled(false);
    const RoleAssociation role = requestedRole();
    m_trust.reset();
    const RoleArn arn = RoleArn::parse(role.roleArn());
    if (role.isCustomRole() && arn.isValid() && m_session->ram()) {
        // One trust check for the whole run: the policy then judges each environment with it.
        m_summary->setText(tr("Checking the role's trust policy (RAM GetRole)..."));
        QPointer<BulkRoleDialog> self(this);
        m_session->ram()->getRole(arn.roleName(), [self](const RamRole& ramRole, const ApiError& error) {
            if (!self)
                return;
            if (!error.isError()) {
                const TrustPolicy policy = TrustPolicy::parse(ramRole.assumeRolePolicyDocument);
                if (policy.isValid())
                    self->m_trust = policy;
            }
            self->next();
        });
        return;
    }
    next();
}

void BulkRoleDialog::startPlan()
{
    m_running = true;
    m_cancelled = false;
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    RuleApplier::Options options;
    options.actor = m_session->auditActor();
    m_applier = new RuleApplier(m_rules, m_session->dataWorks(), m_session->ram(), m_session->audit(), options, this);
    connect(m_applier, &RuleApplier::itemStarted, this, [this](int index, int total, const RuleApplier::Item& item) {
        if (!m_cancelled)
            m_summary->setText(tr("Changing %1 (%2 of %3)...").arg(item.name).arg(index + 1).arg(total));
    });
    connect(m_applier, &RuleApplier::throttled, this, [this](const QString& instanceId, int delayMs) {
        m_summary->setText(tr("The service throttled the change of %1; trying again in %2 s...")
                               .arg(instanceId)
                               .arg(qMax(1, (delayMs + 999) / 1000)));
    });
    connect(m_applier, &RuleApplier::itemFinished, this, [this](int index, int, const RuleApplier::Item& item) {
        ItemResult result = ItemResult::Failed;
        QString detail = item.message;
        if (item.outcome == QLatin1String("applied")) {
            result = ItemResult::Changed;
            detail = item.to.displayText();
            if (item.override)
                detail += QStringLiteral(" (") + tr("public override") + QLatin1Char(')');
        } else if (item.outcome == QLatin1String("skipped")) {
            result = ItemResult::Unchanged;
        } else if (item.outcome == QLatin1String("conflict")) {
            result = ItemResult::Conflict;
        } else if (item.outcome == QLatin1String("refused")) {
            result = ItemResult::Refused;
        }
        if (item.throttled > 0)
            detail += QLatin1Char(' ') + tr("(throttled %n time(s), tried again)", nullptr, item.throttled);
        Environment after = item.after;
        if (after.isNull() && result == ItemResult::Changed) {
            // Written, but the confirmation read failed: show the role that was written.
            after = m_environments.at(index);
            after.role = item.to;
        }
        if (!after.isNull())
            Q_EMIT environmentChanged(after);
        record(index, result, detail);
    });
    connect(m_applier, &RuleApplier::finished, this, [this] {
        const QList<RuleApplier::Item>& items = m_applier->items();
        for (int i = 0; i < items.size(); ++i)
            if (items.at(i).outcome == QLatin1String("not-started"))
                record(i, ItemResult::Cancelled, tr("not attempted"));
        finish();
    });
    m_applier->start(m_plan, m_planEnvironments, m_trustPolicies);
}

void BulkRoleDialog::cancel()
{
    m_cancelled = true;
    if (m_applier)
        m_applier->cancel();
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling after the current environment..."));
}

void BulkRoleDialog::next()
{
    if (m_cancelled) {
        for (int i = m_next; i < m_environments.size(); ++i)
            record(i, ItemResult::Cancelled, tr("not attempted"));
        finish();
        return;
    }
    if (m_next >= m_environments.size()) {
        finish();
        return;
    }
    const int index = m_next++;
    const Environment env = m_environments.at(index);
    m_summary->setText(tr("Changing %1 (%2 of %3)...").arg(env.instanceName).arg(index + 1).arg(m_environments.size()));
    // inputFor() also carries the exposure the API reports (internet port forwarding), which rule 6b judges.
    const RolePolicy::Input input = RolePolicy::inputFor(env, m_visibility(env.instanceId), requestedRole(), m_trust);
    const RolePolicy::Decision decision = RolePolicy::evaluate(input);
    if (decision.noChange) {
        record(index, ItemResult::Unchanged, decision.reasons.join(QLatin1Char(' ')));
        next();
        return;
    }
    const bool override = decision.needsConfirmation();
    const QString reason = m_reason->text().trimmed();
    QList<RolePolicy::Rule> confirmedRules;
    if (m_includePublic->isChecked())
        confirmedRules << RolePolicy::Rule::PublicEnvironment;
    const QString blocked =
        RolePolicy::checkConfirmation(decision, override ? confirmedRules : QList<RolePolicy::Rule>(), reason);
    if (!blocked.isEmpty()) {
        record(index, ItemResult::Refused, blocked);
        next();
        return;
    }
    // The check above spares a request where the copy shown already settles it; the change itself (core's
    // RoleChange, as the role dialog and the CLI) reads the environment again and judges the fresh copy.
    if (!m_change)
        m_change = new RoleChange(m_session->dataWorks(), m_session->ram(), m_session->audit(), this);
    RoleChange::Request request;
    request.instanceId = env.instanceId;
    request.requested = input.requested;
    request.visibility = input.visibility;
    request.expectedUpdateTimeMs = env.updateTimeMs;
    request.trustPolicy = m_trust;
    request.trustChecked = true; // read once for the whole run in start()
    request.actor = m_session->auditActor();
    request.confirmedUpFront = true;
    RoleChange::Confirmation confirmation;
    confirmation.proceed = true;
    // The public check box confirms the public rule only (RoleChange checks each rule on the fresh read): an
    // environment reachable from the internet is left to the single-environment dialog, where its ports are shown.
    confirmation.override = !confirmedRules.isEmpty();
    confirmation.confirmedRules = confirmedRules;
    confirmation.reason = reason;
    QPointer<BulkRoleDialog> self(this);
    m_change->run(
        request, [confirmation](const RoleChange::Plan&, RoleChange::Answer answer) { answer(confirmation); },
        [self, index, env, request](const RoleChange::Result& result) {
            if (!self)
                return;
            switch (result.outcome) {
            case RoleChange::Outcome::Conflict:
                if (!result.plan.environment.isNull())
                    Q_EMIT self->environmentChanged(result.plan.environment);
                self->record(index, ItemResult::Conflict,
                             tr("changed by someone else since it was loaded (role now \"%1\"); not overwritten")
                                 .arg(result.plan.environment.role.displayText()));
                break;
            case RoleChange::Outcome::Failed:
                self->record(index, ItemResult::Failed,
                             result.error.isError() ? result.error.toString() : result.message);
                break;
            case RoleChange::Outcome::NoChange:
                self->record(index, ItemResult::Unchanged, result.plan.decision.reasons.join(QLatin1Char(' ')));
                break;
            case RoleChange::Outcome::Refused:
            case RoleChange::Outcome::NeedsConfirmation:
            case RoleChange::Outcome::NotConfirmed:
                self->record(index, ItemResult::Refused, result.message);
                break;
            case RoleChange::Outcome::Applied:
            case RoleChange::Outcome::AppliedReadBackDiffers: {
                Environment after = result.after;
                if (after.isNull()) {
                    after = env;
                    after.role = request.requested;
                }
                Q_EMIT self->environmentChanged(after);
                if (result.outcome == RoleChange::Outcome::AppliedReadBackDiffers)
                    self->record(index, ItemResult::Failed, result.message);
                else
                    self->record(index, ItemResult::Changed, after.role.displayText());
                break;
            }
            }
            self->next();
        });
}

void BulkRoleDialog::record(int index, ItemResult result, const QString& detail)
{
    m_results[index] = result;
    QTreeWidgetItem* item = m_resultsView->topLevelItem(index);
    item->setText(m_resultColumn, resultText(result));
    item->setText(m_resultColumn + 1, detail);
    item->setToolTip(m_resultColumn + 1, detail);
    QColor colour;
    switch (result) {
    case ItemResult::Changed:
    case ItemResult::Unchanged:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Good, palette());
        break;
    case ItemResult::Refused:
    case ItemResult::Conflict:
    case ItemResult::CannotFix:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Busy, palette());
        break;
    case ItemResult::Failed:
        colour = EnvironmentTableModel::toneColour(EnvironmentTableModel::Tone::Bad, palette());
        break;
    default:
        break;
    }
    if (colour.isValid())
        item->setForeground(m_resultColumn, colour);
    int done = 0;
    for (ItemResult r : std::as_const(m_results))
        done += r != ItemResult::Pending ? 1 : 0;
    m_progress->setValue(done);
    m_resultsView->scrollToItem(item);
}

void BulkRoleDialog::finish()
{
    m_running = false;
    m_cancel->setEnabled(false);
    int counts[8] = {};
    for (ItemResult r : std::as_const(m_results))
        ++counts[int(r)];
    QString text = tr("Done: %1 changed, %2 unchanged, %3 refused by policy, %4 conflicts, %5 API errors, %6 "
                      "cancelled.")
                       .arg(counts[int(ItemResult::Changed)])
                       .arg(counts[int(ItemResult::Unchanged)])
                       .arg(counts[int(ItemResult::Refused)])
                       .arg(counts[int(ItemResult::Conflict)])
                       .arg(counts[int(ItemResult::Failed)])
                       .arg(counts[int(ItemResult::Cancelled)]);
    if (m_planMode)
        text +=
            QLatin1Char(' ') + tr("%n cannot be fixed by the rules file.", nullptr, counts[int(ItemResult::CannotFix)]);
    // The revocation truth, as the role dialog and role set say it: a removed or replaced role's credentials already
    // issued are not taken back. The latest bound over the changed environments (RAM is not read per environment
    // here, so a custom role's own maximum is not known: the 12-hour STS ceiling bounds it).
    int holding = 0;
    Revocation::Window latest;
    const QDateTime now = m_session->clock()->nowUtc();
    for (qsizetype i = 0; i < m_results.size() && i < m_environments.size(); ++i) {
        if (m_results.at(i) != ItemResult::Changed)
            continue;
        // Fix deviations gives each row its plan's target; a bulk change gives all the one chosen role.
        const RoleAssociation target = m_planMode ? m_rowTargets.value(i) : requestedRole();
        const Revocation::Window window = Revocation::afterChange(m_environments.at(i).role, target, now);
        if (!window.applies)
            continue;
        ++holding;
        if (!latest.applies || window.validUntilUtc() > latest.validUntilUtc())
            latest = window;
    }
    if (holding > 0)
        text +=
            QLatin1Char('\n') + tr("Credentials already issued to %n changed environment(s) are not revoked: they stay "
                                   "valid until they expire, at the latest %1 (UTC). To end them sooner, stop those "
                                   "environments (Change role on one environment offers it, or roledesk-cli role set "
                                   "--stop).",
                                   nullptr, holding)
                                    .arg(latest.validUntilUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_summary->setText(text);
    Q_EMIT runFinished();
}
