#include "RolePicker.h"

#include "Session.h"
#include "UiUtil.h"

#include "api/RamClient.h"
#include "model/RoleArn.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>

namespace {
constexpr int MaxTrustChecks = 100;
constexpr int MaxParallelChecks = 4;

// The combo has no current item on purpose (see loadRoles), so its list would open on the first role; it opens on
// the role whose ARN is in the box instead, highlighted and scrolled to.
class ArnCombo : public QComboBox
{
public:
    using QComboBox::QComboBox;
    void showPopup() override
    {
        QComboBox::showPopup();
        const int typed = findText(currentText().trimmed());
        if (typed >= 0)
            view()->setCurrentIndex(model()->index(typed, modelColumn(), rootModelIndex()));
    }
};
} // namespace

RolePicker::RolePicker(Session* session, const QString& comboName, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_combo = UiUtil::name(new ArnCombo(this), comboName, tr("Custom role ARN"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->lineEdit()->setPlaceholderText(tr("acs:ram::<account-id>:role/<role-name>, or pick a role"));
    m_combo->setMinimumContentsLength(40);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row->addWidget(m_combo, 1);
    m_reload = UiUtil::name(new QPushButton(tr("Load roles"), this), QStringLiteral("loadRolesButton"),
                            tr("Load the account's RAM roles"));
    row->addWidget(m_reload);
    layout->addLayout(row);
    m_status = UiUtil::name(new QLabel(this), QStringLiteral("rolesStatus"), tr("Role list status"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_combo, &QComboBox::editTextChanged, this, &RolePicker::arnEdited);
    connect(m_reload, &QPushButton::clicked, this, &RolePicker::loadRoles);
}

QString RolePicker::arn() const
{
    const int index = m_combo->findText(m_combo->currentText());
    return index >= 0 && m_combo->itemData(index).isValid() ? m_combo->itemData(index).toString()
                                                            : m_combo->currentText().trimmed();
}

void RolePicker::setArn(const QString& arn)
{
    m_combo->setEditText(arn);
}

QString RolePicker::arnProblem() const
{
    const QString text = arn();
    if (text.isEmpty())
        return tr("Enter the custom role's ARN, or pick a role from the list.");
    const RoleArn parsed = RoleArn::parse(text);
    return parsed.isValid() ? QString() : parsed.errorString();
}

void RolePicker::ensureLoaded()
{
    if (!m_loaded)
        loadRoles();
}

void RolePicker::loadRoles()
{
    if (!m_session || !m_session->ram())
        return;
    m_loaded = true;
    m_reload->setEnabled(false);
    m_status->setText(tr("Loading the account's RAM roles (RAM ListRoles)..."));
    m_status->show();
    QPointer<RolePicker> self(this);
    m_session->ram()->listRoles([self](const QList<RamRole>& roles, const ApiError& error) {
        if (!self)
            return;
        self->m_reload->setEnabled(true);
        if (error.isError()) {
            self->m_status->setText(
                tr("Could not list the RAM roles (%1). You can still paste a role ARN.").arg(error.toString()));
            Q_EMIT self->rolesLoadedChanged();
            return;
        }
        const QString typed = self->m_combo->currentText();
        {
            const QSignalBlocker blocker(self->m_combo);
            self->m_combo->clear();
            for (const RamRole& role : roles)
                self->m_combo->addItem(role.arn, role.arn);
            // No current item: QComboBox writes the current item's text over the typed one whenever that item's
            // data changes (the marks below arrive later).
            self->m_combo->setCurrentIndex(-1);
            self->m_combo->setEditText(typed);
        }
        self->m_roles = roles;
        self->m_checked = 0;
        self->m_unreadable = 0;
        self->m_nextCheck = 0;
        ++self->m_generation;
        for (int i = 0; i < roles.size(); ++i)
            self->markRole(i);
        // ListRoles leaves the trust policy out (RAM's model; the sandbox does the same): read each role's with
        // GetRole, a few at a time, for the first MaxTrustChecks roles.
        for (int i = 0; i < MaxParallelChecks; ++i)
            self->checkNext();
        self->updateStatus();
        Q_EMIT self->rolesLoadedChanged();
    });
}

void RolePicker::checkNext()
{
    if (!m_session || !m_session->ram() || m_nextCheck >= std::min<int>(m_roles.size(), MaxTrustChecks))
        return;
    const int index = m_nextCheck++;
    if (m_roles.at(index).trustPolicy.isValid()) { // already in the listing's answer
        ++m_checked;
        checkNext();
        return;
    }
    QPointer<RolePicker> self(this);
    const quint64 generation = m_generation;
    m_session->ram()->getRole(m_roles.at(index).roleName,
                              [self, index, generation](const RamRole& role, const ApiError& error) {
                                  if (!self || generation != self->m_generation || index >= self->m_roles.size())
                                      return;
                                  ++self->m_checked;
                                  if (error.isError())
                                      ++self->m_unreadable;
                                  else { // kept for readRole(): a dialog needing the same answer shares it
                                      RamRole& listed = self->m_roles[index];
                                      listed.trustPolicy = role.trustPolicy;
                                      listed.assumeRolePolicyDocument = role.assumeRolePolicyDocument;
                                      if (role.maxSessionDuration > 0)
                                          listed.maxSessionDuration = role.maxSessionDuration;
                                  }
                                  self->markRole(index);
                                  self->updateStatus();
                                  self->checkNext();
                              });
}

void RolePicker::markRole(int index)
{
    const RamRole& role = m_roles.at(index);
    const bool known = role.trustPolicy.isValid();
    const bool trusted = known && role.trustPolicy.trustsDataWorks();
    QStringList tip{role.roleName};
    if (!role.description.isEmpty())
        tip << role.description;
    if (trusted)
        tip << tr("Trusted by DataWorks (its trust policy names dataworks.aliyuncs.com).");
    else if (known)
        tip << tr("Its trust policy does not name DataWorks: environments cannot use it.");
    m_combo->setItemData(index, tip.join(QLatin1Char('\n')), Qt::ToolTipRole);
    // Every row gets an icon of one size (a blank one without the mark), so the ARNs line up in the list.
    const QSize size = m_combo->iconSize();
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    if (trusted) {
        QPainter painter(&pixmap);
        style()->standardIcon(QStyle::SP_DialogApplyButton).paint(&painter, QRect(QPoint(0, 0), size));
    }
    m_combo->setItemData(index, QIcon(pixmap), Qt::DecorationRole);
    m_combo->setItemData(index, trusted, TrustedRole);
}

int RolePicker::trustedCount() const
{
    int trusted = 0;
    for (const RamRole& r : m_roles)
        trusted += r.trustPolicy.isValid() && r.trustPolicy.trustsDataWorks() ? 1 : 0;
    return trusted;
}

const RamRole* RolePicker::readRole(const QString& arn) const
{
    for (const RamRole& role : m_roles)
        if (role.trustPolicy.isValid() && role.arn.compare(arn.trimmed(), Qt::CaseInsensitive) == 0)
            return &role;
    return nullptr;
}

void RolePicker::updateStatus()
{
    const int checkable = std::min<int>(m_roles.size(), MaxTrustChecks);
    QString text = tr("%n role(s) in the account", nullptr, int(m_roles.size()));
    if (m_checked < checkable)
        text += tr(", reading their trust policies (%1 of %2)").arg(m_checked).arg(checkable);
    else if (const int trusted = trustedCount(); trusted > 0)
        text += tr(", %n trusted by DataWorks (marked)", nullptr, trusted);
    else if (checkable > 0 && m_unreadable == checkable)
        text += tr(", their trust policies could not be read (RAM GetRole refused)");
    else if (checkable > 0)
        text += tr(", none trusted by DataWorks");
    m_status->setText(text + tr(": pick one or paste an ARN."));
    if (m_checked >= checkable)
        Q_EMIT trustChecked();
}
