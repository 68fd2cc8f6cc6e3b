#include "MainWindow.h"

#include "AuditDialog.h"
#include "BulkRoleDialog.h"
#include "CredentialInspector.h"
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"
#include "KeychainStore.h"
#include "RevocationDialog.h"
#include "RoleDialog.h"
#include "RulesController.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "TimeText.h"
#include "UiUtil.h"
#include "WindowStateStore.h"

#include "api/DataWorksClient.h"
#include "api/OwnerDirectory.h"
#include "api/RoleChange.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"
#include "credentials/CredentialProviderFactory.h"
#include "credentials/CredentialSource.h"
#include "credentials/DefaultCredentialChain.h"
#include "credentials/ProfileCredentialProvider.h"
#include "model/AuditLog.h"
#include "model/Exposure.h"
#include "model/VisibilityStore.h"
#include "rules/RulePlan.h"
#include "util/Logging.h"
#include "util/Memory.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QCollator>
#include <QComboBox>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
// Arriving pages are gathered for this long, then inserted a slice of rows at a time with the event loop running
// between the slices once this budget is spent (MainWindow::insertPending).
constexpr int kFlushIntervalMs = 150;
constexpr qint64 kInsertBudgetMs = 8;
constexpr qsizetype kInsertSliceRows = 256;

// The item data of the workspace list's items.
enum WorkspaceItemRole
{
    ProjectIdRole = Qt::UserRole + 1, // qint64
    WorkspaceNameRole,                // the name shown before the count
};
// The role filter's choices besides an int(RoleAssociation::Kind) (the visibility filter's "any" is AnyChoice too).
enum RoleChoice
{
    AnyRoleChoice = EnvironmentFilterModel::AnyChoice,
    HasRoleChoice = -2, // the default role or a custom role (EnvironmentFilter::hasRole)
};
const QString kHomeUrl = QStringLiteral("https://github.com/roledesk/RoleDesk");
const QString kDocsUrl = QStringLiteral("https://github.com/roledesk/RoleDesk#readme");

// An ARN has no spaces: allow line breaks after ':' and '/' so it wraps inside the narrow details pane.
QString breakable(QString text)
{
    text.replace(QLatin1Char(':'), QStringLiteral(":\u200B"));
    text.replace(QLatin1Char('/'), QStringLiteral("/\u200B"));
    return text;
}
} // namespace

MainWindow::MainWindow(Session* session, AppSettings settings, KeychainStore* keychain, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(std::move(settings))
    , m_keychain(keychain)
    , m_model(new EnvironmentTableModel(this))
    , m_proxy(new EnvironmentFilterModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RoleDesk"));
    m_proxy->setSourceModel(m_model);
    // The records themselves, not a call back up through this window and the session for every row: the session's
    // store is fixed for its lifetime (Session has no setter).
    m_model->setVisibilityLookup([store = m_session->visibility()](const QString& id) {
        return store ? store->visibility(id) : Visibility::Unknown;
    });
    m_rules = new RulesController(m_session, m_model, this);
    buildUi();
    buildMenus();
    connect(m_rules, &RulesController::stateChanged, this, &MainWindow::updateRulesBanner);
    updateRulesBanner();
    updateDetails();
    updateCountLabel();
    populateProfiles();
    connect(m_session, &Session::connectionChanged, this, &MainWindow::onConnectionChanged);
    connect(m_session, &Session::identityChanged, this, &MainWindow::onIdentityChanged);
    // A first start fills most of the screen it is on, never more (at 1.5x a 1600x1000 screen is 1067x667).
    const QRect available = screen()->availableGeometry();
    resize(qMin(1580, available.width() * 95 / 100), qMin(900, available.height() * 9 / 10));
    if (m_session->isConnected())
        onConnectionChanged();
}

MainWindow::~MainWindow()
{
    // The models are children destroyed after this window stops being a MainWindow: their last signals (the proxy's
    // reset when its source goes) must not reach this object.
    m_proxy->disconnect(this);
    if (m_listing)
        m_listing->cancel();
}

void MainWindow::buildUi()
{
    // Connection bar
    auto* bar = new QToolBar(tr("Connection"), this);
    bar->setObjectName(QStringLiteral("connectionBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("Profile: "), bar));
    m_profile = UiUtil::name(new QComboBox(bar), QStringLiteral("profileCombo"), tr("Connection profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &MainWindow::onProfileChosen);
    m_profile->setToolTip(tr("Where the admin credential comes from: the default credential chain, an aliyun CLI "
                             "profile, an INI profile, or an AccessKey pair stored in the OS keychain."));
    bar->addWidget(m_profile);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Region: "), bar));
    m_region = UiUtil::name(new QComboBox(bar), QStringLiteral("regionCombo"), tr("Region"));
    m_region->setEditable(true);
    m_region->addItems({QStringLiteral("cn-hangzhou"), QStringLiteral("cn-shanghai"), QStringLiteral("cn-beijing"),
                        QStringLiteral("cn-shenzhen"), QStringLiteral("ap-southeast-1"), QStringLiteral("eu-central-1"),
                        QStringLiteral("us-east-1")});
    m_region->setCurrentText(m_settings.region);
    bar->addWidget(m_region);
    bar->addWidget(new QLabel(tr(" Endpoint: "), bar));
    m_endpoint = UiUtil::name(new QLineEdit(bar), QStringLiteral("endpointEdit"), tr("Endpoint override"));
    m_endpoint->setPlaceholderText(tr("public endpoints"));
    m_endpoint->setText(m_settings.endpointOverride.toString());
    m_endpoint->setMinimumWidth(120);
    m_endpoint->setClearButtonEnabled(true);
    bar->addWidget(m_endpoint);
    m_connect = UiUtil::name(new QPushButton(tr("Connect"), bar), QStringLiteral("connectButton"), tr("Connect"));
    connect(m_connect, &QPushButton::clicked, this, &MainWindow::connectSelectedProfile);
    bar->addWidget(m_connect);
    addToolBar(Qt::TopToolBarArea, bar);

    // Workspaces
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* wsLabel = new QLabel(tr("<b>Workspaces</b>"), left);
    leftLayout->addWidget(wsLabel);
    m_workspaces = UiUtil::name(new QListWidget(left), QStringLiteral("workspaceList"), tr("Workspaces"));
    m_workspaces->setToolTip(tr("Tick the workspaces whose environments the table shows."));
    wsLabel->setBuddy(m_workspaces);
    connect(m_workspaces, &QListWidget::itemChanged, this, &MainWindow::onWorkspaceItemChanged);
    leftLayout->addWidget(m_workspaces);

    // Centre
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);

    m_riskBanner = UiUtil::name(new QFrame(centre), QStringLiteral("riskBanner"), tr("Risk warning"));
    m_riskBanner->setStyleSheet(UiUtil::bannerStyle(true));
    // One row per count (public, internet-reachable), each with its own "Show them"; a hidden row takes no room.
    auto* riskLayout = new QGridLayout(m_riskBanner);
    riskLayout->setColumnStretch(0, 1);
    m_riskLabel = UiUtil::name(new QLabel(m_riskBanner), QStringLiteral("riskBannerLabel"), tr("Risk warning text"));
    m_riskLabel->setWordWrap(true);
    riskLayout->addWidget(m_riskLabel, 0, 0);
    m_showRisky = UiUtil::name(new QPushButton(tr("Show them"), m_riskBanner), QStringLiteral("showRiskyButton"),
                               tr("Show the public environments that have a RAM role"));
    connect(m_showRisky, &QPushButton::clicked, this, &MainWindow::showRisky);
    riskLayout->addWidget(m_showRisky, 0, 1);
    // Internet-reachable environments with a role, counted apart: what the API reports, not what admins recorded.
    m_internetRiskLabel = UiUtil::name(new QLabel(m_riskBanner), QStringLiteral("internetRiskLabel"),
                                       tr("Internet exposure warning text"));
    m_internetRiskLabel->setWordWrap(true);
    riskLayout->addWidget(m_internetRiskLabel, 1, 0);
    m_showInternetRisky =
        UiUtil::name(new QPushButton(tr("Show them"), m_riskBanner), QStringLiteral("showInternetRiskyButton"),
                     tr("Show environments reachable from the internet that have a role"));
    connect(m_showInternetRisky, &QPushButton::clicked, this, &MainWindow::showInternetRisky);
    riskLayout->addWidget(m_showInternetRisky, 1, 1);
    m_riskBanner->hide();
    centreLayout->addWidget(m_riskBanner);

    m_errorBanner = UiUtil::name(new QFrame(centre), QStringLiteral("errorBanner"), tr("Error"));
    m_errorBanner->setStyleSheet(UiUtil::bannerStyle(false));
    auto* errorLayout = new QHBoxLayout(m_errorBanner);
    m_errorLabel = UiUtil::name(new QLabel(m_errorBanner), QStringLiteral("errorBannerLabel"), tr("Error text"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLayout->addWidget(m_errorLabel, 1);
    m_errorBanner->hide();
    centreLayout->addWidget(m_errorBanner);

    // The rules file: what it says about the listed environments, or its errors (file:line:column).
    m_rulesBanner = UiUtil::name(new QFrame(centre), QStringLiteral("rulesBanner"), tr("Rules file"));
    auto* rulesLayout = new QHBoxLayout(m_rulesBanner);
    m_rulesLabel = UiUtil::name(new QLabel(m_rulesBanner), QStringLiteral("rulesBannerLabel"), tr("Rules file state"));
    m_rulesLabel->setWordWrap(true);
    m_rulesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rulesLayout->addWidget(m_rulesLabel, 1);
    m_rulesDeviationsOnly =
        UiUtil::name(new QCheckBox(tr("Only deviations"), m_rulesBanner), QStringLiteral("rulesDeviationsOnly"),
                     tr("Show only the environments that deviate from the rules"));
    connect(m_rulesDeviationsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setDeviationsOnly(on);
        updateCountLabel();
    });
    rulesLayout->addWidget(m_rulesDeviationsOnly);
    m_fixButton = UiUtil::name(new QPushButton(tr("Fix deviations..."), m_rulesBanner),
                               QStringLiteral("fixDeviationsButton"), tr("Fix the deviations from the rules"));
    connect(m_fixButton, &QPushButton::clicked, this, &MainWindow::fixDeviations);
    rulesLayout->addWidget(m_fixButton);
    m_rulesBanner->hide();
    centreLayout->addWidget(m_rulesBanner);

    // Two rows: the text filter (stretching) with Clear, then the choices; one row would set a minimum width wider
    // than a small screen once translated or scaled.
    auto* search = new QHBoxLayout;
    auto* filters = new QHBoxLayout;
    m_filterEdit = UiUtil::name(new QLineEdit(centre), QStringLiteral("filterEdit"), tr("Filter environments"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, ID or owner (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    search->addWidget(m_filterEdit, 1);
    // Status: any number of statuses at once (a menu of check boxes; none ticked = all).
    m_statusFilter = UiUtil::name(new QPushButton(centre), QStringLiteral("statusFilter"), tr("Status filter"));
    m_statusFilter->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_statusMenu = new QMenu(m_statusFilter);
    m_statusMenu->setObjectName(QStringLiteral("statusMenu"));
    QAction* allStatuses = m_statusMenu->addAction(tr("All statuses"));
    allStatuses->setObjectName(QStringLiteral("statusAction_all"));
    connect(allStatuses, &QAction::triggered, this, [this] { setStatusChoice({}); });
    m_statusMenu->addSeparator();
    for (EnvironmentStatus s : EnvironmentStatuses::all()) {
        QAction* a = m_statusMenu->addAction(EnvironmentStatuses::displayName(s));
        a->setObjectName(QStringLiteral("statusAction_") + EnvironmentStatuses::toString(s));
        a->setCheckable(true);
        a->setData(int(s));
        connect(a, &QAction::toggled, this, [this] {
            updateStatusFilterText();
            applyFilter();
        });
    }
    m_statusFilter->setMenu(m_statusMenu);
    updateStatusFilterText();
    filters->addWidget(m_statusFilter);
    // Owner: names once ListProjectMembers answered, account ids otherwise (filled as rows arrive).
    m_ownerFilter = UiUtil::name(new QComboBox(centre), QStringLiteral("ownerFilter"), tr("Owner filter"));
    m_ownerFilter->addItem(tr("Any owner"), QString());
    filters->addWidget(m_ownerFilter);
    m_visibilityFilter =
        UiUtil::name(new QComboBox(centre), QStringLiteral("visibilityFilter"), tr("Visibility filter"));
    m_visibilityFilter->addItem(tr("Any visibility"), EnvironmentFilterModel::AnyChoice);
    for (Visibility v : {Visibility::Public, Visibility::Private, Visibility::Unknown})
        m_visibilityFilter->addItem(Visibilities::displayName(v), int(v));
    m_visibilityFilter->setToolTip(EnvironmentTableModel::visibilityHeader());
    filters->addWidget(m_visibilityFilter);
    m_roleFilter = UiUtil::name(new QComboBox(centre), QStringLiteral("roleKindFilter"), tr("Role filter"));
    m_roleFilter->addItem(tr("Any role setting"), AnyRoleChoice);
    m_roleFilter->addItem(tr("Has a role"), HasRoleChoice);
    for (auto k : {RoleAssociation::Kind::None, RoleAssociation::Kind::DataWorksDefault,
                   RoleAssociation::Kind::CustomRole, RoleAssociation::Kind::Unknown})
        m_roleFilter->addItem(RoleAssociation::kindDisplayName(k), int(k));
    filters->addWidget(m_roleFilter);
    // The combos show their whole choice where the row has room, and shrink to a few characters where it has not
    // (an 800-pixel screen, a long translation, 1.5x: their full text is still in the list). QComboBox's minimum
    // size hint is its size hint, so the small minimum is set explicitly, measured on a combo of the same style.
    int shrunkWidth = 0;
    {
        QComboBox probe(centre);
        probe.setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        probe.setMinimumContentsLength(6);
        shrunkWidth = probe.sizeHint().width();
    }
    for (QComboBox* combo : {m_ownerFilter, m_visibilityFilter, m_roleFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(shrunkWidth);
        combo->setMaximumWidth(shrunkWidth * 4); // a long owner name or account id does not take the whole row
        combo->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }
    // The table's warning icon, no text: the filter row must still fit an 800-pixel screen (tests/ui/test_firstuse);
    // the tool tip and the accessible name say what it does.
    m_internetFilter = UiUtil::name(new QCheckBox(centre), QStringLiteral("internetFilter"),
                                    tr("Only environments reachable from the internet"));
    m_internetFilter->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_internetFilter->setToolTip(tr("Only environments the DataWorks API reports as reachable from the internet (an "
                                    "enabled port forwarding with access type internet, through an EIP or a NAT "
                                    "gateway)."));
    filters->addWidget(m_internetFilter);
    m_clearFilters = UiUtil::name(new QPushButton(tr("Clear"), centre), QStringLiteral("clearFiltersButton"),
                                  tr("Clear all filters"));
    search->addWidget(m_clearFilters);
    filters->addStretch(1);
    centreLayout->addLayout(search);
    centreLayout->addLayout(filters);

    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &MainWindow::flushPending);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(120);
    connect(m_filterTimer, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    // Down or Enter in the filter goes to the results; Esc clears it (as KeePassXC's search does).
    m_filterEdit->installEventFilter(this);
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &MainWindow::focusResults);
    for (QComboBox* combo : {m_ownerFilter, m_visibilityFilter, m_roleFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_internetFilter, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_clearFilters, &QPushButton::clicked, this, [this] {
        const QSignalBlocker b1(m_ownerFilter), b2(m_visibilityFilter), b3(m_roleFilter), b4(m_filterEdit);
        const QSignalBlocker b5(m_internetFilter);
        m_internetFilter->setChecked(false);
        m_filterEdit->clear();
        setStatusChoice({}, false);
        m_ownerFilter->setCurrentIndex(0);
        m_visibilityFilter->setCurrentIndex(0);
        m_roleFilter->setCurrentIndex(0);
        m_rulesDeviationsOnly->setChecked(false);
        applyFilter();
    });

    m_model->setOwnerLookup(
        [this](qint64 projectId, const QString& ownerId) {
            const OwnerDirectory* owners = m_session->owners();
            return owners ? owners->name(projectId, ownerId) : QString();
        },
        [this](qint64 projectId) {
            const OwnerDirectory* owners = m_session->owners();
            return owners ? owners->unavailableReason(projectId) : QString();
        });

    m_table = UiUtil::name(new QTableView(centre), QStringLiteral("environmentTable"), tr("Environments"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EnvironmentTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Tab leaves the table (the arrows move inside it); Enter on a row opens Change role.
    m_table->setTabKeyNavigation(false);
    m_table->installEventFilter(this);
    // Fixed row heights and interactive columns: no per-row measuring, so 100,000 rows stay fast.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {180, 60, 105, 95, 130, 150, 230, 130, 190};
    for (int c = 0; c < EnvironmentTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    // Shown while a rules file is open.
    m_table->horizontalHeader()->setSectionHidden(EnvironmentTableModel::RulesColumn, true);
    connect(m_table, &QTableView::customContextMenuRequested, this, &MainWindow::showTableMenu);
    // Choose the columns from the header's menu (as qBittorrent and Dolphin do); kept with the header state.
    m_columnMenu = new QMenu(this);
    m_columnMenu->setObjectName(QStringLiteral("columnMenu"));
    for (int c = 0; c < EnvironmentTableModel::ColumnCount; ++c) {
        QAction* a = m_columnMenu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setObjectName(QStringLiteral("columnAction_%1").arg(c));
        a->setCheckable(true);
        a->setChecked(true);
        a->setEnabled(c != EnvironmentTableModel::NameColumn); // the name always shows
        connect(a, &QAction::toggled, this,
                [this, c](bool on) { m_table->horizontalHeader()->setSectionHidden(c, !on); });
    }
    connect(m_columnMenu, &QMenu::aboutToShow, this, [this] {
        const QList<QAction*> all = m_columnMenu->actions();
        for (int c = 0; c < all.size(); ++c) {
            const QSignalBlocker blocker(all[c]);
            all[c]->setChecked(!m_table->horizontalHeader()->isSectionHidden(c));
        }
    });
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint& pos) { m_columnMenu->popup(m_table->horizontalHeader()->mapToGlobal(pos)); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);
    // A filter that hides the current row drops it in a layout change, which QItemSelectionModel does not signal.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateDetails);
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::changeRole);
    // Rows leave or join the filter when an environment changes (a role cleared, a visibility recorded): the
    // count follows, whatever made them move.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCountLabel);
    centreLayout->addWidget(m_table, 1);
    m_emptyState = UiUtil::name(new QLabel(centre), QStringLiteral("emptyState"), tr("No results"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setText(tr("No environment matches the filters. Press Esc in the filter box or Clear to see "
                             "them all."));
    m_emptyState->hide();
    centreLayout->addWidget(m_emptyState);

    auto* progressRow = new QHBoxLayout;
    m_countLabel = UiUtil::name(new QLabel(centre), QStringLiteral("countLabel"), tr("Shown environments"));
    progressRow->addWidget(m_countLabel, 1);
    m_progress = UiUtil::name(new QProgressBar(centre), QStringLiteral("loadProgress"), tr("Loading progress"));
    m_progress->setMaximumWidth(320);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide();
    progressRow->addWidget(m_progress);
    m_cancel =
        UiUtil::name(new QPushButton(tr("Cancel"), centre), QStringLiteral("cancelLoadButton"), tr("Cancel loading"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    progressRow->addWidget(m_cancel);
    centreLayout->addLayout(progressRow);

    // Details
    auto* detailsScroll = new QScrollArea(this);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    m_details = UiUtil::name(new QWidget(detailsScroll), QStringLiteral("detailsPane"), tr("Environment details"));
    auto* detailsLayout = new QVBoxLayout(m_details);
    m_detailsTitle = UiUtil::name(new QLabel(tr("No environment selected"), m_details), QStringLiteral("detailsTitle"),
                                  tr("Selected environment"));
    m_detailsTitle->setWordWrap(true);
    QFont titleFont = m_detailsTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_detailsTitle->setFont(titleFont);
    detailsLayout->addWidget(m_detailsTitle);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addDetail = [&](const QString& key, const QString& label) {
        auto* value = new QLabel(m_details);
        value->setObjectName(QStringLiteral("detail_") + key);
        value->setAccessibleName(label);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label + QLatin1Char(':'), value);
        m_detailLabels.insert(key, value);
    };
    addDetail(QStringLiteral("id"), tr("ID"));
    addDetail(QStringLiteral("status"), tr("Status"));
    addDetail(QStringLiteral("owner"), tr("Owner"));
    addDetail(QStringLiteral("workspace"), tr("Workspace"));
    addDetail(QStringLiteral("role"), tr("RAM role"));
    // What the rules file says about it (the Rules column's tool tip), shown while a rules file is open.
    addDetail(QStringLiteral("rules"), tr("Rules"));
    m_detailsForm = form;
    form->setRowVisible(m_detailLabels.value(QStringLiteral("rules")), false);
    m_detailsVisibility = UiUtil::name(new QComboBox(m_details), QStringLiteral("detailsVisibility"),
                                       tr("Visibility, recorded by admins"));
    for (Visibility v : {Visibility::Unknown, Visibility::Public, Visibility::Private})
        m_detailsVisibility->addItem(Visibilities::displayName(v), int(v));
    m_detailsVisibility->setToolTip(tr("Public or private in the workspace, recorded by admins in RoleDesk: the "
                                       "DataWorks API does not expose it."));
    form->addRow(tr("Visibility\n(recorded by admins):"), m_detailsVisibility);
    connect(m_detailsVisibility, &QComboBox::activated, this, [this] {
        const Environment* env = currentEnvironment();
        if (env)
            setVisibility({env->instanceId}, Visibility(m_detailsVisibility->currentData().toInt()));
    });
    m_visibilityRecord = new QLabel(m_details);
    m_visibilityRecord->setObjectName(QStringLiteral("detail_visibilityRecord"));
    m_visibilityRecord->setAccessibleName(tr("Who recorded the visibility, and when"));
    m_visibilityRecord->setWordWrap(true);
    // Its row is as tall as the label's size hint (a short text wrapped at a narrow guess: three lines), not its
    // height at the pane's width (two): start the text at the top, right under the combo, not in the middle.
    m_visibilityRecord->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_visibilityRecord->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_visibilityRecord);
    // What the API reports about exposure (UserVpc.ForwardInfos): one line per forwarded port, no key material.
    m_detailsExposure = UiUtil::name(new QLabel(m_details), QStringLiteral("detailsExposure"),
                                     tr("Internet exposure and forwarded ports"));
    m_detailsExposure->setWordWrap(true);
    m_detailsExposure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Internet:"), m_detailsExposure);
    addDetail(QStringLiteral("image"), tr("Image"));
    addDetail(QStringLiteral("resourceGroup"), tr("Resource group"));
    addDetail(QStringLiteral("cu"), tr("CU"));
    addDetail(QStringLiteral("created"), tr("Created"));
    addDetail(QStringLiteral("updated"), tr("Updated"));
    addDetail(QStringLiteral("failReason"), tr("Failure"));
    detailsLayout->addLayout(form);
    m_changeRoleButton = UiUtil::name(new QPushButton(tr("Change role..."), m_details),
                                      QStringLiteral("changeRoleButton"), tr("Change the RAM role"));
    m_changeRoleButton->setToolTip(tr("Ctrl+R"));
    connect(m_changeRoleButton, &QPushButton::clicked, this, &MainWindow::changeRole);
    detailsLayout->addWidget(m_changeRoleButton);
    m_inspectButton = UiUtil::name(new QPushButton(tr("Inspect credentials..."), m_details),
                                   QStringLiteral("inspectButton"), tr("Inspect the environment's credentials"));
    connect(m_inspectButton, &QPushButton::clicked, this, &MainWindow::inspectCredentials);
    detailsLayout->addWidget(m_inspectButton);
    detailsLayout->addStretch();
    detailsScroll->setWidget(m_details);
    m_detailsViewport = detailsScroll->viewport();
    m_detailsViewport->installEventFilter(this);
    detailsScroll->setMinimumWidth(200);
    // A long unbreakable value (an ARN, an account id at 1.5x) scrolls instead of being cut at the pane's edge.
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto* splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(centre);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({180, 1050, 330});
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 6);
    centralLayout->addWidget(splitter);
    setCentralWidget(central);

    // Status bar
    m_sandboxMarker =
        UiUtil::name(new QLabel(tr("SANDBOX"), this), QStringLiteral("sandboxMarker"), tr("Connected to the sandbox"));
    m_sandboxMarker->setStyleSheet(QStringLiteral(
        "QLabel { background: #b8560b; color: white; font-weight: bold; padding: 1px 8px; border-radius: 3px; }"));
    m_sandboxMarker->setToolTip(tr("Connected to RoleDesk's simulated cloud on this machine: nothing here touches "
                                   "a real Alibaba Cloud account."));
    m_sandboxMarker->hide();
    statusBar()->addWidget(m_sandboxMarker);
    m_identityLabel =
        UiUtil::name(new QLabel(tr("Not connected"), this), QStringLiteral("identityLabel"), tr("Caller identity"));
    m_identityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long ARN must not set the window's minimum width: the label may clip, the tool tip has it all.
    m_identityLabel->setMinimumWidth(80);
    statusBar()->addWidget(m_identityLabel, 1);
    m_regionLabel = UiUtil::name(new QLabel(this), QStringLiteral("regionLabel"), tr("Region"));
    statusBar()->addPermanentWidget(m_regionLabel);
    // Undo for the last role change, next to its message (a permanent widget: messages do not hide it).
    m_undoButton = UiUtil::name(new QPushButton(tr("Undo"), this), QStringLiteral("undoRoleChangeButton"),
                                tr("Undo the last role change"));
    m_undoButton->hide();
    connect(m_undoButton, &QPushButton::clicked, this, &MainWindow::undoLastRoleChange);
    statusBar()->insertPermanentWidget(0, m_undoButton);
    m_undoTimer = new QTimer(this);
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(30000);
    connect(m_undoTimer, &QTimer::timeout, m_undoButton, &QWidget::hide);
}

void MainWindow::buildMenus()
{
    const auto action = [this](const QString& objectName, const QString& text, const QKeySequence& key = {}) {
        auto* a = new QAction(text, this);
        a->setObjectName(objectName);
        if (!key.isEmpty())
            a->setShortcut(key);
        addAction(a);
        return a;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* importVis = action(QStringLiteral("actionImportVisibility"), tr("&Import visibility records..."));
    connect(importVis, &QAction::triggered, this, &MainWindow::importVisibility);
    file->addAction(importVis);
    QAction* openRulesAction = action(QStringLiteral("actionOpenRules"), tr("Open &rules file..."));
    connect(openRulesAction, &QAction::triggered, this, &MainWindow::openRules);
    file->addAction(openRulesAction);
    m_actionCloseRules = action(QStringLiteral("actionCloseRules"), tr("&Close rules file"));
    connect(m_actionCloseRules, &QAction::triggered, this, &MainWindow::closeRules);
    file->addAction(m_actionCloseRules);
    QAction* settings = action(QStringLiteral("actionSettings"), tr("&Settings..."), QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    file->addAction(settings);
    file->addSeparator();
    QAction* quit = action(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_actionRefresh = action(QStringLiteral("actionRefresh"), tr("&Refresh"), QKeySequence(Qt::Key_F5));
    connect(m_actionRefresh, &QAction::triggered, this, &MainWindow::reload);
    view->addAction(m_actionRefresh);
    QAction* find = action(QStringLiteral("actionFind"), tr("&Filter..."), QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(find, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    view->addAction(find);
    QAction* risky = action(QStringLiteral("actionShowRisky"), tr("Show public environments with a role"));
    connect(risky, &QAction::triggered, this, &MainWindow::showRisky);
    view->addAction(risky);
    QAction* details = action(QStringLiteral("actionShowDetails"), tr("&Details pane"), QKeySequence(Qt::Key_F9));
    details->setCheckable(true);
    details->setChecked(true);
    connect(details, &QAction::toggled, this, [this](bool on) { m_splitter->widget(2)->setVisible(on); });
    view->addAction(details);
    QAction* audit = action(QStringLiteral("actionAudit"), tr("&Audit log..."), QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(audit, &QAction::triggered, this, &MainWindow::showAudit);
    view->addAction(audit);

    QMenu* env = menuBar()->addMenu(tr("&Environment"));
    m_actionChangeRole =
        action(QStringLiteral("actionChangeRole"), tr("&Change role..."), QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_actionChangeRole, &QAction::triggered, this, &MainWindow::changeRole);
    env->addAction(m_actionChangeRole);
    m_actionBulk = action(QStringLiteral("actionBulkChangeRole"), tr("Change role of &selection..."),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_actionBulk, &QAction::triggered, this, &MainWindow::bulkChangeRole);
    env->addAction(m_actionBulk);
    m_actionInspect =
        action(QStringLiteral("actionInspect"), tr("&Inspect credentials..."), QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_actionInspect, &QAction::triggered, this, &MainWindow::inspectCredentials);
    env->addAction(m_actionInspect);
    env->addSeparator();
    m_actionFixDeviations = action(QStringLiteral("actionFixDeviations"), tr("&Fix deviations from the rules..."));
    connect(m_actionFixDeviations, &QAction::triggered, this, &MainWindow::fixDeviations);
    env->addAction(m_actionFixDeviations);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* docs = action(QStringLiteral("actionDocs"), tr("&Documentation"), QKeySequence::HelpContents);
    docs->setStatusTip(kDocsUrl);
    connect(docs, &QAction::triggered, this, [] { QDesktopServices::openUrl(QUrl(kDocsUrl)); });
    help->addAction(docs);
    QAction* keys = action(QStringLiteral("actionShortcuts"), tr("&Keyboard shortcuts"));
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(keys);
    help->addSeparator();
    QAction* about = action(QStringLiteral("actionAbout"), tr("&About RoleDesk"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    help->addAction(about);
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About RoleDesk"), QString(), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<h3>RoleDesk %1</h3>").arg(QCoreApplication::applicationVersion().toHtmlEscaped()) +
                 tr("<p>Review and set the RAM roles of DataWorks individual development environments, and inspect "
                    "the credentials they hand out.</p>") +
                 tr("<p>Licensed under the Apache License 2.0 (Apache-2.0).<br>Built with Qt %1, running on Qt "
                    "%2.</p>")
                     .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())) +
                 QStringLiteral("<p><a href=\"%1\">%1</a></p>").arg(kHomeUrl));
    box->open();
}

void MainWindow::showShortcuts()
{
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"), QString(), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("shortcutsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    QString rows;
    const QList<QAction*> all = actions();
    for (const QAction* a : all) {
        if (a->shortcut().isEmpty())
            continue;
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         QString(a->text()).remove(QLatin1Char('&')).toHtmlEscaped());
    }
    rows += QStringLiteral("<tr><td><b>Esc</b></td><td>&nbsp;&nbsp;%1</td></tr>")
                .arg(tr("In the filter box: clear the filter").toHtmlEscaped());
    box->setText(QStringLiteral("<table>") + rows + QStringLiteral("</table>"));
    box->open();
}

void MainWindow::populateProfiles()
{
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    if (m_session->hasSandbox())
        m_profile->addItem(tr("Sandbox admin key"), QStringLiteral("sandbox"));
    m_profile->addItem(tr("Default credential chain"), QStringLiteral("chain"));
    const CredentialContext context = CredentialContext::system();
    // Every profile, with its state in plain words (from core: ProfileInfo::state); unusable ones stay listed.
    for (const ProfileInfo& p : CliProfileProvider::listProfiles(context)) {
        m_profile->addItem(tr("aliyun CLI: %1 (%2) — %3").arg(p.name, p.kind, p.state),
                           CredentialProviderFactory::profileId(QStringLiteral("profile"), p.name));
        m_profile->setItemData(m_profile->count() - 1, p.state, Qt::ToolTipRole);
    }
    for (const ProfileInfo& p : IniProfileProvider::listProfiles(context)) {
        m_profile->addItem(tr("INI: %1 (%2) — %3").arg(p.name, p.kind, p.state),
                           CredentialProviderFactory::profileId(QStringLiteral("ini"), p.name));
        m_profile->setItemData(m_profile->count() - 1, p.state, Qt::ToolTipRole);
    }
    for (const ConnectionProfile& p : std::as_const(m_settings.accessKeyProfiles))
        m_profile->addItem(tr("AccessKey: %1 (keychain)").arg(p.name), p.id());
    const int index =
        m_profile->findData(m_session->isSandbox() ? QStringLiteral("sandbox") : m_settings.currentProfile);
    m_profile->setCurrentIndex(qMax(0, index));
    onProfileChosen();
}

void MainWindow::onProfileChosen()
{
    // The sandbox has its own region and endpoint: show them, not editable. Any other profile shows the settings'
    // values, never the sandbox's loopback address.
    const bool sandbox = m_profile->currentData().toString() == QStringLiteral("sandbox");
    m_region->setEnabled(!sandbox);
    m_endpoint->setEnabled(!sandbox);
    if (sandbox) {
        m_region->setCurrentText(m_session->sandboxEndpoints().region());
        m_endpoint->setText(m_session->sandboxEndpoints().endpointOverride().toString());
        m_endpoint->setToolTip(tr("The sandbox answers on this address of this machine; it cannot be changed."));
    } else if (m_endpoint->toolTip() != QString()) {
        m_region->setCurrentText(m_settings.region);
        m_endpoint->setText(m_settings.endpointOverride.toString());
        m_endpoint->setToolTip({});
    }
}

void MainWindow::connectSelectedProfile()
{
    const QString id = m_profile->currentData().toString();
    if (id == QStringLiteral("sandbox")) {
        // Back to the sandbox this run started with (after trying another profile), or a reload when on it.
        if (m_session->isSandbox())
            reload();
        else
            m_session->reconnectSandbox();
        return;
    }
    // The bar edits the region and the one override URL; the per-service overrides come from the settings. The
    // one function that turns settings into endpoints is AppSettings::endpoints() (roledesk --inspect uses it too).
    m_settings.region = m_region->currentText().trimmed();
    const QString endpointText = m_endpoint->text().trimmed();
    m_settings.endpointOverride = endpointText.isEmpty() ? QUrl() : QUrl::fromUserInput(endpointText);
    const Endpoints endpoints = m_settings.endpoints();
    m_settings.currentProfile = id;
    // A sandbox run never writes the real account's connection settings: what is tried here must not be what a
    // real-account start uses later.
    if (!m_session->hasSandbox()) {
        QSettings settings;
        m_settings.save(settings);
    }

    const ConnectionProfile profile = ConnectionProfile::fromId(id);
    const QString label = m_profile->currentText();
    if (profile.kind != ConnectionProfile::Kind::AccessKey) {
        // Every source core's CredentialProviderFactory builds: described once, connected by core's CloudConnection.
        CloudProfile cloud = CloudProfile::fromId(profile.id(), endpoints);
        cloud.label = label;
        const auto connected = m_session->connectTo(cloud);
        if (!connected) {
            m_errorLabel->setText(connected.error());
            m_errorBanner->show();
        }
        return;
    }
    QString keyId;
    for (const ConnectionProfile& p : std::as_const(m_settings.accessKeyProfiles))
        if (p.name == profile.name)
            keyId = p.accessKeyId;
    m_connect->setEnabled(false);
    m_keychain->readSecret(profile.keychainAccount(), [this, keyId, label, endpoints, name = profile.name](
                                                          KeychainStore::Result result, const QString& secret,
                                                          const QString& message) {
        m_connect->setEnabled(true);
        if (result != KeychainStore::Result::Ok) {
            m_errorLabel->setText(message);
            m_errorBanner->show();
            return;
        }
        Credential credential(keyId, secret, {}, {}, tr("AccessKey pair \"%1\" from the OS keychain").arg(name));
        m_session->connectWith(new StaticCredentialProvider(credential, QStringLiteral("static")), endpoints, label);
    });
}

void MainWindow::onConnectionChanged()
{
    m_sandboxMarker->setVisible(m_session->isSandbox());
    // Rows of the previous connection never stay on screen under the new one, even if it fails to list.
    cancelLoading();
    m_model->clear();
    m_pending.clear();
    m_countByProject.clear();
    m_workspaces->clear();
    m_workspaceItems.clear();
    updateRiskBanner();
    updateCountLabel();
    {
        const QSignalBlocker blocker(m_profile);
        const int index =
            m_profile->findData(m_session->isSandbox() ? QStringLiteral("sandbox") : m_settings.currentProfile);
        if (index >= 0 && m_session->isSandbox())
            m_profile->setCurrentIndex(index);
    }
    onProfileChosen();
    m_regionLabel->setText(tr("Region: %1").arg(m_session->endpoints().region()));
    const QUrl override = m_session->endpoints().endpointOverride();
    m_regionLabel->setToolTip(override.isValid() ? tr("Endpoint: %1").arg(override.toString())
                                                 : tr("Public Alibaba Cloud endpoints"));
    m_identityLabel->setText(tr("Connecting with %1...").arg(m_session->label()));
    setWindowTitle(m_session->isSandbox() ? tr("RoleDesk - sandbox") : tr("RoleDesk - %1").arg(m_session->label()));
    reload();
}

void MainWindow::onIdentityChanged()
{
    const CallerIdentity& id = m_session->identity();
    if (!id.arn.isEmpty()) {
        m_identityLabel->setText(tr("Signed in as %1 (%2, account %3)").arg(id.arn, id.identityType, id.accountId));
        m_identityLabel->setToolTip(m_identityLabel->text() + QLatin1Char('\n') + tr("From STS GetCallerIdentity"));
    } else if (!m_session->identityError().isEmpty()) {
        m_identityLabel->setText(tr("Caller unknown (hover for why)"));
        m_identityLabel->setToolTip(m_session->identityError());
    }
}

void MainWindow::reload()
{
    if (!m_session->dataWorks())
        return;
    cancelLoading();
    m_errorBanner->hide();
    CredentialSource* source = m_session->credentials();
    if (source && !source->hasResult()) {
        // The first credential is still on its way (the default chain may take a second): list once it is here.
        m_identityLabel->setText(tr("Getting a credential from %1...").arg(m_session->label()));
        connect(source, &CredentialSource::fetchFinished, this, &MainWindow::reload, Qt::SingleShotConnection);
        return;
    }
    if (source && source->usableCredential().isNull()) {
        m_errorLabel->setText(tr("No usable credential from %1: %2 Pick another profile or fix this one, then press "
                                 "Connect (or F5).")
                                  .arg(m_session->label(), source->lastError().toString()));
        m_errorBanner->show();
        Q_EMIT loadFailed(m_errorLabel->text());
        return;
    }
    m_model->clear();
    m_pending.clear();
    m_countByProject.clear();
    updateRiskBanner();

    m_session->dataWorks()->listProjects(
        [this, self = QPointer<MainWindow>(this),
         session = QPointer<Session>(m_session)](const QList<Workspace>& workspaces, const ApiError& error) {
            // The answer can outlive this window (a window closed or replaced while listing).
            if (!session || !self)
                return;
            if (error.isError()) {
                m_errorLabel->setText(tr("Could not list the workspaces: %1").arg(error.toString()));
                m_errorBanner->show();
                return;
            }
            m_updatingWorkspaces = true;
            QSet<qint64> checked;
            for (auto it = m_workspaceItems.cbegin(); it != m_workspaceItems.cend(); ++it)
                if (it.value()->checkState() == Qt::Unchecked)
                    checked.insert(it.key()); // remembers the unticked ones
            m_workspaces->clear();
            m_workspaceItems.clear();
            for (const Workspace& ws : workspaces) {
                auto* item = new QListWidgetItem(m_workspaces);
                item->setData(ProjectIdRole, ws.id);
                item->setData(WorkspaceNameRole, ws.displayName.isEmpty() ? ws.name : ws.displayName);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(checked.contains(ws.id) ? Qt::Unchecked : Qt::Checked);
                item->setToolTip(tr("%1 (ID %2, owner %3)").arg(ws.name).arg(ws.id).arg(ws.owner));
                m_workspaceItems.insert(ws.id, item);
            }
            m_updatingWorkspaces = false;
            updateWorkspaceCounts();
            onWorkspaceItemChanged(nullptr);
            QList<qint64> ids;
            for (const Workspace& ws : workspaces)
                ids << ws.id;
            resolveOwners(ids);
        });

    ServerIdeListing::Options options;
    options.pageSize = 100;
    options.retainEnvironments = false; // every page goes into the model through pageLoaded
    m_listing = m_session->dataWorks()->listServerIdeInstances({}, options);
    // The rules are evaluated once the listing is complete, not page by page.
    m_rules->setHeld(true);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_actionRefresh->setEnabled(false);
    connect(m_listing, &ServerIdeListing::pageLoaded, this,
            [this](int, const QList<Environment>& page) { onPageLoaded(page); });
    // The bar moves with the rows (insertPending), not with every page: QProgressBar::setValue() repaints at once,
    // outside the event loop's paint, and a thousand pages made that a thousand repaints.
    connect(m_listing, &ServerIdeListing::progress, this, [this](int, int total) {
        if (total > 0 && m_progress->maximum() != total) {
            m_progress->setRange(0, total);
            m_model->reserveRows(total);
        }
    });
    connect(m_listing, &ServerIdeListing::finished, this, [this] { onListingDone(true, {}); });
    // The listing's pages are transient: once it is gone, give what they took back to the system.
    connect(m_listing, &QObject::destroyed, this, [] { Memory::releaseFreedMemory(); });
    connect(m_listing, &ServerIdeListing::failed, this,
            [this](const ApiError& error) { onListingDone(false, error.toString()); });
}

void MainWindow::cancelLoading()
{
    if (!m_listing)
        return;
    ServerIdeListing* listing = m_listing;
    m_listing = nullptr;
    listing->cancel();
    insertPending(-1);
    listing->deleteLater();
    m_progress->hide();
    m_cancel->hide();
    m_actionRefresh->setEnabled(true);
    m_rules->setHeld(false);
    updateCountLabel();
    m_countLabel->setText(m_countLabel->text() + QLatin1Char(' ') + tr("(loading cancelled)"));
}

void MainWindow::onPageLoaded(const QList<Environment>& environments)
{
    // Pages arrive faster than anyone can read them: batch them and insert at most every ~150 ms, so a
    // 100,000-row load costs a few hundred inserts and repaints instead of a thousand.
    m_pending.append(environments);
    if (!m_flushTimer->isActive())
        m_flushTimer->start(kFlushIntervalMs);
}

void MainWindow::flushPending()
{
    m_flushTimer->stop();
    if (insertPending(kInsertBudgetMs))
        m_flushTimer->start(0); // the rest after the event loop has run (paints, input)
}

// Moves pending rows into the model, a slice at a time, until none are left or `budgetMs` has passed (< 0: all of
// them); returns whether rows are left. A listing of 100,000 rows delivers ~2,500 per flush, and inserting them in
// one go (model, sorted filter index, search text) held the event loop for 50-70 ms (issue 15).
bool MainWindow::insertPending(qint64 budgetMs)
{
    if (m_pending.isEmpty())
        return false;
    QElapsedTimer clock;
    clock.start();
    const int first = m_model->rowCount();
    const QFontMetrics metrics = m_table->fontMetrics();
    int idWidth = m_table->columnWidth(EnvironmentTableModel::IdColumn);
    while (!m_pending.isEmpty() && (budgetMs < 0 || clock.elapsed() < budgetMs)) {
        const qsizetype n = budgetMs < 0 ? m_pending.size() : qMin<qsizetype>(m_pending.size(), kInsertSliceRows);
        const QList<Environment> slice(std::make_move_iterator(m_pending.begin()),
                                       std::make_move_iterator(m_pending.begin() + n));
        m_pending.remove(0, n);
        // Ids are never cut: the column grows to the longest one seen (a cheap measure per slice, not per row paint).
        for (const Environment& env : slice)
            idWidth = qMax(idWidth, metrics.horizontalAdvance(env.instanceId) + 16);
        if (idWidth != m_table->columnWidth(EnvironmentTableModel::IdColumn))
            m_table->setColumnWidth(EnvironmentTableModel::IdColumn, idWidth);
        m_model->appendEnvironments(slice);
    }
    const int last = m_model->rowCount();
    for (int row = first; row < last; ++row) {
        const Environment& env = m_model->environmentAt(row);
        ++m_countByProject[env.projectId];
        if (Exposure::publicWithRole(env.role, m_model->keysAt(row).visibility))
            ++m_riskyCount;
        if (Exposure::internetWithRole(env.role, m_model->keysAt(row).internet))
            ++m_internetRiskyCount;
    }
    if (m_progress->maximum() > 0)
        m_progress->setValue(qMin(last, m_progress->maximum()));
    updateWorkspaceCounts();
    showRiskCount();
    updateCountLabel();
    // Workspaces ListProjects did not name (or not yet): their owners too.
    resolveOwners(m_countByProject.keys());
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    return !m_pending.isEmpty();
}

void MainWindow::onListingDone(bool ok, const QString& error)
{
    // The last rows go in slice by slice like the others, and the listing ends after them (unless it was
    // cancelled or replaced meanwhile: then m_listing is no longer this one).
    if (m_listing && insertPending(kInsertBudgetMs)) {
        QTimer::singleShot(0, this, [this, ok, error, listing = QPointer<ServerIdeListing>(m_listing)] {
            if (listing && m_listing == listing)
                onListingDone(ok, error);
        });
        return;
    }
    insertPending(-1);
    if (m_listing) {
        m_listing->deleteLater();
        m_listing = nullptr;
    }
    m_progress->hide();
    m_cancel->hide();
    m_actionRefresh->setEnabled(true);
    m_rules->setHeld(false);
    // Recount from the rows: pages may repeat environments that were updated in place.
    m_countByProject.clear();
    for (const Environment& env : m_model->environments())
        ++m_countByProject[env.projectId];
    updateWorkspaceCounts();
    updateRiskBanner();
    updateCountLabel();
    updateOwnerFilter();
    if (ok) {
        qCInfo(lcUi) << "loaded" << m_model->rowCount() << "environments";
        Q_EMIT loadFinished();
    } else {
        m_errorLabel->setText(tr("Loading the environments stopped: %1").arg(error));
        m_errorBanner->show();
        Q_EMIT loadFailed(error);
    }
}

void MainWindow::updateWorkspaceCounts()
{
    m_updatingWorkspaces = true;
    for (auto it = m_countByProject.cbegin(); it != m_countByProject.cend(); ++it) {
        if (!m_workspaceItems.contains(it.key())) {
            // An environment of a workspace ListProjects did not return (or not yet).
            auto* item = new QListWidgetItem(m_workspaces);
            item->setData(ProjectIdRole, it.key());
            item->setData(WorkspaceNameRole, tr("Workspace %1").arg(it.key()));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
            m_workspaceItems.insert(it.key(), item);
        }
    }
    for (auto it = m_workspaceItems.cbegin(); it != m_workspaceItems.cend(); ++it)
        it.value()->setText(
            tr("%1 (%2)").arg(it.value()->data(WorkspaceNameRole).toString()).arg(m_countByProject.value(it.key())));
    m_updatingWorkspaces = false;
}

void MainWindow::onWorkspaceItemChanged(QListWidgetItem*)
{
    if (m_updatingWorkspaces)
        return;
    QSet<qint64> ids;
    bool all = true;
    for (auto it = m_workspaceItems.cbegin(); it != m_workspaceItems.cend(); ++it) {
        if (it.value()->checkState() == Qt::Checked)
            ids.insert(it.key());
        else
            all = false;
    }
    if (all)
        m_proxy->clearProjectIds();
    else
        m_proxy->setProjectIds(ids);
    updateCountLabel();
}

void MainWindow::updateRiskBanner()
{
    int risky = 0;
    int internet = 0;
    const auto& rows = m_model->environments();
    for (size_t i = 0; i < rows.size(); ++i) {
        if (Exposure::publicWithRole(rows[i].role, m_model->keysAt(int(i)).visibility))
            ++risky;
        if (Exposure::internetWithRole(rows[i].role, m_model->keysAt(int(i)).internet))
            ++internet;
    }
    m_riskyCount = risky;
    m_internetRiskyCount = internet;
    showRiskCount();
}

void MainWindow::showRiskCount()
{
    const int risky = m_riskyCount;
    const int internet = m_internetRiskyCount;
    m_riskBanner->setVisible(risky > 0 || internet > 0);
    m_riskLabel->setVisible(risky > 0);
    m_showRisky->setVisible(risky > 0);
    m_internetRiskLabel->setVisible(internet > 0);
    m_showInternetRisky->setVisible(internet > 0);
    const QString count = risky == 1 ? tr("1 public environment has a RAM role.")
                                     : tr("%1 public environments have a RAM role.").arg(risky);
    m_riskLabel->setText(QStringLiteral("<b>") + count + QStringLiteral("</b> ") +
                         tr("Anyone who can use a public environment acts with its role's permissions; the product "
                            "guidance is to choose \"Do Not Associate Role\" for them."));
    const QString internetCount =
        internet == 1 ? tr("1 environment reachable from the internet has a RAM role.")
                      : tr("%1 environments reachable from the internet have a RAM role.").arg(internet);
    m_internetRiskLabel->setText(QStringLiteral("<b>") + internetCount + QStringLiteral("</b> ") +
                                 tr("The API reports a port forwarded to the internet (often SSH): anyone who gets in "
                                    "can use the role's credentials."));
}

void MainWindow::updateCountLabel()
{
    if (!m_countLabel || !m_emptyState)
        return; // still building the window
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_emptyState->setVisible(total > 0 && shown == 0);
    m_countLabel->setText(shown == total ? tr("%n environment(s)", nullptr, total)
                                         : tr("%1 of %n environment(s) shown", nullptr, total).arg(shown));
}

const Environment* MainWindow::currentEnvironment() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return nullptr;
    const QModelIndex source = m_proxy->mapToSource(index);
    if (!source.isValid())
        return nullptr;
    return &m_model->environmentAt(source.row());
}

QList<Environment> MainWindow::selectedEnvironments() const
{
    QList<Environment> result;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    result.reserve(rows.size());
    for (const QModelIndex& index : rows)
        result.append(m_model->environmentAt(m_proxy->mapToSource(index).row()));
    return result;
}

bool MainWindow::selectEnvironment(const QString& instanceId)
{
    const int row = m_model->rowOf(instanceId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void MainWindow::updateDetails()
{
    const Environment* env = currentEnvironment();
    const bool has = env != nullptr;
    m_changeRoleButton->setEnabled(has);
    m_inspectButton->setEnabled(has);
    m_detailsVisibility->setEnabled(has);
    m_actionChangeRole->setEnabled(has);
    m_actionInspect->setEnabled(has);
    m_actionBulk->setEnabled(m_table->selectionModel()->hasSelection());
    if (!has) {
        m_detailsTitle->setText(tr("No environment selected"));
        for (QLabel* label : std::as_const(m_detailLabels))
            label->clear();
        m_visibilityRecord->clear();
        m_detailsExposure->clear();
        return;
    }
    m_detailsTitle->setText(env->instanceName);
    m_detailLabels[QStringLiteral("id")]->setText(env->instanceId);
    m_detailLabels[QStringLiteral("status")]->setText(env->statusDisplayText());
    {
        QLabel* owner = m_detailLabels[QStringLiteral("owner")];
        owner->setText(env->ownerName.isEmpty() ? env->ownerId
                                                : tr("%1\n(account %2)").arg(env->ownerName, env->ownerId));
        const QString reason = m_session->owners() ? m_session->owners()->unavailableReason(env->projectId) : QString();
        owner->setToolTip(env->ownerName.isEmpty() ? reason : QString());
    }
    m_detailLabels[QStringLiteral("workspace")]->setText(tr("%1 (%2)").arg(env->projectName).arg(env->projectId));
    QString roleDetails = env->role.isCustomRole() ? env->role.displayText(RoleAssociation::TextForm::Cell) +
                                                         QLatin1Char('\n') + breakable(env->role.roleArn())
                                                   : env->role.displayText();
    // What the configuration says beyond the choice: the chain's named roles, a restricting session policy (shown
    // whole on hover), a "user" role type.
    if (!env->role.detailText().isEmpty())
        roleDetails += QLatin1Char('\n') + breakable(env->role.detailText());
    m_detailLabels[QStringLiteral("role")]->setText(roleDetails);
    const int modelRow = m_model->rowOf(env->instanceId);
    m_detailLabels[QStringLiteral("rules")]->setText(modelRow >= 0 ? breakable(m_model->ruleToolTip(modelRow))
                                                                   : QString());
    m_detailLabels[QStringLiteral("role")]->setToolTip(
        env->role.isRestricted() ? tr("Session policy:\n%1").arg(env->role.sessionPolicy()) : QString());
    m_detailLabels[QStringLiteral("image")]->setText(env->imageName.isEmpty() ? env->imageId : env->imageName);
    m_detailLabels[QStringLiteral("resourceGroup")]->setText(env->resourceGroupName.isEmpty() ? env->resourceGroupId
                                                                                              : env->resourceGroupName);
    m_detailLabels[QStringLiteral("cu")]->setText(QString::number(env->cu));
    TimeText::apply(m_detailLabels[QStringLiteral("created")], env->createTime, tr("unknown"));
    TimeText::apply(m_detailLabels[QStringLiteral("updated")], env->updateTime, tr("unknown"));
    m_detailLabels[QStringLiteral("failReason")]->setText(env->failReason.isEmpty() ? tr("none") : env->failReason);
    const Exposure exposure = Exposure::of(*env, visibilityOf(env->instanceId));
    QStringList exposureLines{exposure.summary()};
    for (const QString& line : exposure.forwardDescriptions())
        exposureLines << QStringLiteral("\u2022 ") + line;
    m_detailsExposure->setText(exposureLines.join(QLatin1Char('\n')));
    m_detailsExposure->setStyleSheet(
        exposure.isInternetReachableWithRole()
            ? QStringLiteral("color: %1;").arg(EnvironmentTableModel::publicColour(palette()).name())
            : QString());
    const QSignalBlocker blocker(m_detailsVisibility);
    m_detailsVisibility->setCurrentIndex(m_detailsVisibility->findData(int(visibilityOf(env->instanceId))));
    const VisibilityStore* store = m_session->visibility();
    const std::optional<VisibilityRecord> record = store ? store->record(env->instanceId) : std::nullopt;
    m_visibilityRecord->setText(
        record && record->recordedAt.isValid()
            ? tr("recorded by %1 at %2").arg(record->recordedBy, TimeText::local(record->recordedAt))
            : tr("not recorded yet"));
    QTimer::singleShot(0, this, &MainWindow::fitDetails);
}

QList<EnvironmentStatus> MainWindow::statusChoice() const
{
    QList<EnvironmentStatus> chosen;
    for (QAction* a : m_statusMenu->actions())
        if (a->isCheckable() && a->isChecked())
            chosen << EnvironmentStatus(a->data().toInt());
    return chosen;
}

void MainWindow::setStatusChoice(const QList<EnvironmentStatus>& statuses, bool apply)
{
    for (QAction* a : m_statusMenu->actions()) {
        if (!a->isCheckable())
            continue;
        const QSignalBlocker blocker(a);
        a->setChecked(statuses.contains(EnvironmentStatus(a->data().toInt())));
    }
    updateStatusFilterText();
    if (apply)
        applyFilter();
}

void MainWindow::updateStatusFilterText()
{
    const QList<EnvironmentStatus> chosen = statusChoice();
    QStringList names;
    for (EnvironmentStatus s : chosen)
        names << EnvironmentStatuses::displayName(s);
    m_statusFilter->setText(chosen.isEmpty()     ? tr("All statuses")
                            : chosen.size() <= 2 ? names.join(QStringLiteral(", "))
                                                 : tr("%n statuses", nullptr, int(chosen.size())));
    m_statusFilter->setToolTip(chosen.isEmpty() ? tr("Show environments in any status; tick statuses to narrow.")
                                                : tr("Shown statuses: %1").arg(names.join(QStringLiteral(", "))));
}

void MainWindow::updateOwnerFilter()
{
    // Every owner of the rows loaded, by shown name (natural order); the choice survives a refill.
    QHash<QString, QString> owners; // id -> shown text
    for (const Environment& e : m_model->environments())
        if (!owners.contains(e.ownerId))
            owners.insert(e.ownerId, e.ownerName.isEmpty() ? e.ownerId : e.ownerName);
    if (owners.size() == m_ownerFilter->count() - 1) {
        bool same = true;
        for (int i = 1; i < m_ownerFilter->count() && same; ++i)
            same = owners.value(m_ownerFilter->itemData(i).toString()) == m_ownerFilter->itemText(i);
        if (same)
            return;
    }
    QList<QPair<QString, QString>> sorted; // (text, id)
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        sorted.append({it.value(), it.key()});
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                          : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(sorted.begin(), sorted.end(),
              [&collator](const auto& a, const auto& b) { return collator.compare(a.first, b.first) < 0; });
    const QString current = m_ownerFilter->currentData().toString();
    const QSignalBlocker blocker(m_ownerFilter);
    while (m_ownerFilter->count() > 1)
        m_ownerFilter->removeItem(1);
    for (const auto& [text, id] : std::as_const(sorted)) {
        m_ownerFilter->addItem(text, id);
        m_ownerFilter->setItemData(m_ownerFilter->count() - 1,
                                   text == id ? tr("Account ID: %1").arg(id) : tr("%1\nAccount ID: %2").arg(text, id),
                                   Qt::ToolTipRole);
    }
    const int index = m_ownerFilter->findData(current);
    m_ownerFilter->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0 && !current.isEmpty())
        applyFilter();
}

void MainWindow::resolveOwners(const QList<qint64>& projectIds)
{
    OwnerDirectory* owners = m_session->owners();
    if (!owners)
        return;
    QList<qint64> unknown;
    for (const qint64 id : projectIds)
        if (!owners->isKnown(id) && !unknown.contains(id))
            unknown << id;
    if (unknown.isEmpty())
        return;
    owners->resolve(unknown, [this, self = QPointer<MainWindow>(this), owners = QPointer<OwnerDirectory>(owners)] {
        if (!self || !owners || owners != m_session->owners())
            return;
        m_model->refreshOwnerNames();
        updateOwnerFilter();
        updateDetails(); // the details pane names the owner too
        const QStringList reasons = owners->unavailableReasons();
        if (!reasons.isEmpty())
            statusBar()->showMessage(reasons.constFirst(), 20000);
    });
}

void MainWindow::applyFilter()
{
    const int roleChoice = m_roleFilter->currentData().toInt();
    m_proxy->setRequireRole(roleChoice == HasRoleChoice);
    const bool roleKindChosen = roleChoice != AnyRoleChoice && roleChoice != HasRoleChoice;
    EnvironmentFilter filter = EnvironmentFilterModel::filterFromChoices(
        m_filterEdit->text(), EnvironmentFilterModel::AnyChoice, m_visibilityFilter->currentData().toInt(),
        roleKindChosen ? roleChoice : EnvironmentFilterModel::AnyChoice);
    filter.statuses = statusChoice();
    filter.ownerId = m_ownerFilter->currentData().toString();
    if (m_internetFilter->isChecked())
        filter.internet = true;
    m_proxy->setFilter(filter);
    updateCountLabel();
    keepVisibleSelection();
}

void MainWindow::keepVisibleSelection()
{
    // After a filter change: the current row (the one the details pane describes) is selected and in view. If the
    // filter hid the selected row, the view made a neighbour current without selecting it, or none: select that
    // neighbour, or the first row, so the pane never describes a row the table does not highlight. (The selection
    // model's signals update the pane, as they do for a click.)
    if (m_proxy->rowCount() == 0)
        return;
    QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_table->selectRow(0);
        current = m_table->currentIndex();
    } else if (!m_table->selectionModel()->isRowSelected(current.row(), {})) {
        m_table->selectRow(current.row());
    }
    m_table->scrollTo(current);
}

void MainWindow::showInternetRisky()
{
    const QSignalBlocker b1(m_ownerFilter), b2(m_visibilityFilter), b3(m_roleFilter), b4(m_filterEdit);
    const QSignalBlocker b5(m_internetFilter);
    m_filterEdit->clear();
    setStatusChoice({}, false);
    m_ownerFilter->setCurrentIndex(0);
    m_visibilityFilter->setCurrentIndex(0);
    m_roleFilter->setCurrentIndex(m_roleFilter->findData(HasRoleChoice));
    m_internetFilter->setChecked(true);
    m_updatingWorkspaces = true;
    for (QListWidgetItem* item : std::as_const(m_workspaceItems))
        item->setCheckState(Qt::Checked);
    m_updatingWorkspaces = false;
    m_proxy->clearProjectIds();
    applyFilter();
}

void MainWindow::showRisky()
{
    const QSignalBlocker b1(m_ownerFilter), b2(m_visibilityFilter), b3(m_roleFilter), b4(m_filterEdit);
    const QSignalBlocker b5(m_internetFilter);
    m_internetFilter->setChecked(false);
    m_filterEdit->clear();
    setStatusChoice({}, false);
    m_ownerFilter->setCurrentIndex(0);
    m_visibilityFilter->setCurrentIndex(m_visibilityFilter->findData(int(Visibility::Public)));
    m_roleFilter->setCurrentIndex(m_roleFilter->findData(HasRoleChoice));
    // Risky environments in unticked workspaces must show too.
    m_updatingWorkspaces = true;
    for (QListWidgetItem* item : std::as_const(m_workspaceItems))
        item->setCheckState(Qt::Checked);
    m_updatingWorkspaces = false;
    m_proxy->clearProjectIds();
    applyFilter();
}

Visibility MainWindow::visibilityOf(const QString& instanceId) const
{
    const VisibilityStore* store = m_session->visibility();
    return store ? store->visibility(instanceId) : Visibility::Unknown;
}

void MainWindow::setVisibility(const QList<QString>& instanceIds, Visibility visibility)
{
    VisibilityStore* store = m_session->visibility();
    if (!store)
        return;
    // The record drives the public-environment guard: turning "public" into anything else on an environment that
    // has a role switches the guard off for it. Ask first; raising protection needs no question.
    QStringList lowered;
    for (const QString& id : instanceIds) {
        const int row = m_model->rowOf(id);
        if (visibility != Visibility::Public && row >= 0 &&
            Exposure::publicWithRole(m_model->environmentAt(row).role, visibilityOf(id)))
            lowered << m_model->environmentAt(row).instanceName;
    }
    if (!lowered.isEmpty()) {
        auto* box = new QMessageBox(
            QMessageBox::Warning, tr("Lower the protection?"),
            tr("%n environment(s) recorded as public have a RAM role: %1.", nullptr, int(lowered.size()))
                    .arg(lowered.mid(0, 5).join(QStringLiteral(", ")) +
                         (lowered.size() > 5 ? QStringLiteral(", ...") : QString())) +
                QStringLiteral("\n\n") +
                tr("Recording them as %1 turns off the public-environment guard for them: role changes are no longer "
                   "checked against the guidance, and the risk banner stops counting them. The change is written to "
                   "the audit log.")
                    .arg(Visibilities::displayName(visibility)),
            QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("visibilityConfirm"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDefaultButton(QMessageBox::Cancel);
        box->button(QMessageBox::Yes)->setText(tr("Record as %1").arg(Visibilities::displayName(visibility)));
        connect(box, &QMessageBox::finished, this, [this, box, instanceIds, visibility](int) {
            if (box->clickedButton() == box->button(QMessageBox::Yes))
                recordVisibility(instanceIds, visibility);
            else
                updateDetails(); // the combo goes back to the recorded value
        });
        box->open();
        return;
    }
    recordVisibility(instanceIds, visibility);
}

void MainWindow::recordVisibility(const QList<QString>& instanceIds, Visibility visibility)
{
    VisibilityStore* store = m_session->visibility();
    if (!store)
        return;
    const QString actor = m_session->auditActor();
    for (const QString& id : instanceIds) {
        const Visibility before = visibilityOf(id);
        store->set(id, visibility, actor);
        if (before == visibility || !m_session->audit())
            continue;
        // Who changed a security-relevant record, and when, next to the role changes it guards.
        AuditEntry entry;
        entry.actor = actor;
        entry.instanceId = id;
        const int row = m_model->rowOf(id);
        entry.environmentName = row >= 0 ? m_model->environmentAt(row).instanceName : QString();
        entry.fromRole = QStringLiteral("visibility:") + Visibilities::toString(before);
        entry.toRole = QStringLiteral("visibility:") + Visibilities::toString(visibility);
        entry.outcome = QStringLiteral("visibility recorded");
        QString error;
        if (!m_session->audit()->append(entry, &error))
            qCWarning(lcUi) << "could not write the audit log" << error;
    }
    QString error;
    if (!store->save(&error))
        QMessageBox::warning(this, tr("Visibility not saved"),
                             tr("The visibility record changed in this session but could not be saved to %1: %2")
                                 .arg(store->filePath(), error));
    for (const QString& id : instanceIds)
        m_model->refreshVisibility(id); // and its Rules mark (rules may select by visibility)
    m_rules->recount();
    updateRulesBanner();
    updateRiskBanner();
    updateDetails();
    statusBar()->showMessage(
        tr("Recorded %n environment(s) as %1 (audit log: Ctrl+L).", nullptr, int(instanceIds.size()))
            .arg(Visibilities::displayName(visibility)),
        10000);
}

void MainWindow::importVisibility()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import visibility records"), QString(),
                                                      tr("Visibility records (*.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importVisibilityFile(path, &error))
        QMessageBox::warning(this, tr("Import failed"), error);
}

bool MainWindow::importVisibilityFile(const QString& path, QString* error)
{
    VisibilityStore* store = m_session->visibility();
    if (!store)
        return false;
    // All or nothing (core's VisibilityStore): a file with one bad line changes nothing.
    const VisibilityImportResult result = store->importFile(path, m_session->auditActor());
    if (!result.ok) {
        if (error)
            *error = tr("Nothing was imported from %1:\n%2").arg(path, result.errors.join(QLatin1Char('\n')));
        return false;
    }
    QString saveError;
    if (!store->save(&saveError) && error)
        *error = tr("Imported, but the records could not be saved to %1: %2").arg(store->filePath(), saveError);
    m_model->refreshVisibility();
    updateRiskBanner();
    updateDetails();
    statusBar()->showMessage(
        tr("Imported %1 visibility records from %2 (%3 changed).").arg(result.entries).arg(path).arg(result.changed),
        8000);
    return saveError.isEmpty();
}

void MainWindow::environmentChanged(const Environment& environment)
{
    const int row = m_model->rowOf(environment.instanceId);
    const Environment before = row >= 0 ? m_model->environmentAt(row) : environment;
    m_model->updateEnvironment(environment); // its Rules mark is evaluated again with it
    m_rules->recount();
    updateRulesBanner();
    updateRiskBanner();
    reportRoleChange(before, environment);
    // The changed row stays selected when the filter still shows it.
    selectEnvironment(environment.instanceId);
    updateDetails();
}

void MainWindow::reportRoleChange(const Environment& before, const Environment& after)
{
    if (before.role == after.role)
        return;
    statusBar()->showMessage(tr("Role of %1 changed to %2 (it was %3). The audit log (Ctrl+L) has the record.")
                                 .arg(after.instanceName, after.role.displayText(), before.role.displayText()),
                             30000);
    // Undo takes the audit record's "from" (what the service held before the write), not this window's copy.
    m_undo = {};
    m_undoButton->hide();
    AuditLog* audit = m_session->audit();
    if (!audit)
        return;
    AuditQuery query;
    query.instanceId = after.instanceId;
    query.newestFirst = true;
    query.limit = 1;
    const QList<AuditEntry> newest = audit->query(query);
    RoleAssociation from;
    if (newest.isEmpty() || newest.constFirst().toRole != after.role.toString() ||
        !newest.constFirst().outcome.startsWith(QLatin1String("applied")) ||
        !RoleAssociation::fromString(newest.constFirst().fromRole, &from))
        return;
    m_undo.instanceId = after.instanceId;
    m_undo.name = after.instanceName;
    m_undo.from = from;
    m_undo.recordedAt = newest.constFirst().timeUtc;
    m_undoButton->setToolTip(tr("Set the role of %1 back to %2 (from the audit record of %3)")
                                 .arg(after.instanceName, from.displayText(), TimeText::local(m_undo.recordedAt)));
    m_undoButton->setEnabled(true);
    m_undoButton->show();
    m_undoTimer->start();
}

void MainWindow::undoLastRoleChange()
{
    if (m_undo.instanceId.isEmpty() || !m_session->dataWorks())
        return;
    const UndoRecord undo = m_undo;
    m_undoButton->setEnabled(false);
    RoleChange::Request request;
    request.instanceId = undo.instanceId;
    request.requested = undo.from;
    request.visibility = visibilityOf(undo.instanceId);
    request.actor = m_session->auditActor();
    request.auditReason = tr("Undo of the change recorded at %1").arg(TimeText::utc(undo.recordedAt));
    request.confirmedUpFront = true;
    statusBar()->showMessage(tr("Setting the role of %1 back to %2...").arg(undo.name, undo.from.displayText()));
    // The same operation as the role dialog (read, policy, write, read back, audit). A change the policy wants
    // confirmed with a reason is not made from a status-bar button: the dialog asks for it.
    auto* change = new RoleChange(m_session->dataWorks(), m_session->ram(), m_session->audit(), this);
    QPointer<MainWindow> self(this);
    change->run(
        request,
        [](const RoleChange::Plan& plan, RoleChange::Answer answer) {
            RoleChange::Confirmation confirmation;
            confirmation.proceed = plan.decision.isAllowed();
            answer(confirmation);
        },
        [self, change, undo](const RoleChange::Result& result) {
            change->deleteLater();
            if (!self)
                return;
            self->m_undoButton->hide();
            if (result.isApplied()) {
                Environment after = result.after;
                if (after.isNull()) {
                    after = result.plan.environment;
                    after.role = undo.from;
                }
                self->environmentChanged(after);
                return;
            }
            if (result.outcome == RoleChange::Outcome::NotConfirmed)
                self->statusBar()->showMessage(
                    tr("Not undone: setting %1 back to %2 needs a confirmation with a reason. Use Change role "
                       "(Ctrl+R).")
                        .arg(undo.name, undo.from.displayText()),
                    30000);
            else
                self->statusBar()->showMessage(tr("Not undone: %1").arg(result.message), 30000);
        });
}

void MainWindow::changeRole()
{
    const Environment* env = currentEnvironment();
    if (!env || !m_session->dataWorks())
        return;
    auto* dialog = new RoleDialog(m_session, *env, visibilityOf(env->instanceId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RoleDialog::environmentChanged, this, &MainWindow::environmentChanged);
    // After a role was removed or replaced: what that does not revoke, and the offer to stop the environment.
    connect(dialog, &RoleDialog::applied, this, [this, before = *env](const Environment& after) {
        if (!Revocation::afterChange(before.role, after.role, QDateTime::currentDateTimeUtc()).applies)
            return;
        auto* revocation = new RevocationDialog(m_session, before, after, this);
        revocation->setAttribute(Qt::WA_DeleteOnClose);
        connect(revocation, &RevocationDialog::stopFinished, this, [this, id = after.instanceId] {
            // Re-read it so the table shows the status the stop left it in.
            if (m_model->rowOf(id) >= 0 && m_session->dataWorks())
                m_session->dataWorks()->getServerIdeInstance(
                    id, [window = QPointer<MainWindow>(this)](const Environment& e, const ApiError& error) {
                        if (window && !error.isError())
                            window->environmentChanged(e);
                    });
        });
        revocation->open();
    });
    dialog->open();
}

void MainWindow::bulkChangeRole()
{
    const QList<Environment> selection = selectedEnvironments();
    if (selection.isEmpty() || !m_session->dataWorks())
        return;
    auto* dialog = new BulkRoleDialog(
        m_session, selection, [this](const QString& id) { return visibilityOf(id); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BulkRoleDialog::environmentChanged, this, &MainWindow::environmentChanged);
    dialog->open();
}

void MainWindow::showAudit()
{
    auto* dialog = new AuditDialog(m_session->audit(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::inspectCredentials()
{
    const Environment* env = currentEnvironment();
    if (!env)
        return;
    auto* inspector = new CredentialInspector(m_session->clock(), this);
    inspector->setWindowFlag(Qt::Window);
    inspector->applySettings(m_settings);
    inspector->setAttribute(Qt::WA_DeleteOnClose);
    inspector->setAdminSession(m_session); // its endpoints win over the settings
    inspector->setEnvironment(*env, m_session->credentialsUriFor(env->instanceId));
    inspector->show();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, m_keychain, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings = dialog.settings();
    QSettings settings;
    m_settings.save(settings);
    populateProfiles();
    if (m_endpoint->isEnabled()) {
        m_region->setCurrentText(m_settings.region);
        m_endpoint->setText(m_settings.endpointOverride.toString());
    }
}

void MainWindow::showTableMenu(const QPoint& pos)
{
    const QList<Environment> selection = selectedEnvironments();
    if (selection.isEmpty())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("tableMenu"));
    menu.addAction(m_actionChangeRole);
    menu.addAction(m_actionBulk);
    menu.addAction(m_actionInspect);
    QMenu* vis = menu.addMenu(tr("Set visibility (recorded by admins)"));
    vis->setObjectName(QStringLiteral("visibilityMenu"));
    QStringList ids;
    for (const Environment& env : selection)
        ids.append(env.instanceId);
    for (Visibility v : {Visibility::Public, Visibility::Private, Visibility::Unknown}) {
        QAction* a = vis->addAction(Visibilities::displayName(v));
        a->setObjectName(QStringLiteral("actionVisibility_") + Visibilities::toString(v));
        connect(a, &QAction::triggered, this, [this, ids, v] { setVisibility(ids, v); });
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::rememberWindowState()
{
    m_rememberState = true;
    QSettings settings;
    const WindowStateStore store(settings);
    store.restore(*this);
    // Saved on a larger screen or at a smaller scale: fit it to this one (Connect and the details must show).
    UiUtil::fitToScreen(this);
    store.restoreSplitter(QStringLiteral("main"), *m_splitter);
    store.restoreHeader(QStringLiteral("environments"), *m_table->horizontalHeader());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_rememberState) {
        QSettings settings;
        WindowStateStore store(settings);
        store.save(*this);
        store.saveSplitter(QStringLiteral("main"), *m_splitter);
        store.saveHeader(QStringLiteral("environments"), *m_table->horizontalHeader());
    }
    cancelLoading();
    event->accept();
}

void MainWindow::focusResults()
{
    m_filterTimer->stop();
    applyFilter();
    if (m_proxy->rowCount() == 0)
        return;
    m_table->setFocus(Qt::ShortcutFocusReason);
    if (!m_table->currentIndex().isValid())
        m_table->selectRow(0);
}

void MainWindow::fitDetails()
{
    // QScrollArea sizes a resizable widget from its height for the viewport's width only when the scroll area itself
    // is laid out; a value whose text changed later (an owner's name, an exposure list) kept the old height and its
    // last lines were clipped (seen at 1.5x). Give the pane the height its rows need at the width it has.
    if (!m_details || !m_detailsViewport || !m_details->layout())
        return;
    const int needed = m_details->layout()->totalHeightForWidth(m_detailsViewport->width());
    if (needed > 0 && needed != m_details->minimumHeight())
        m_details->setMinimumHeight(needed);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_detailsViewport && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &MainWindow::fitDetails);
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_filterEdit && key->modifiers() == Qt::NoModifier) {
            if (key->key() == Qt::Key_Down) {
                focusResults();
                return true;
            }
            if (key->key() == Qt::Key_Escape && !m_filterEdit->text().isEmpty()) {
                m_filterEdit->clear();
                m_filterTimer->stop();
                applyFilter();
                return true;
            }
        }
        if (watched == m_table && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier && m_table->currentIndex().isValid()) {
            changeRole();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // A restored geometry is applied when the window is first shown: fit it to the screen then too.
    if (!m_fitted) {
        m_fitted = true;
        UiUtil::fitToScreen(this);
    }
}

// --- rules ---

bool MainWindow::openRulesFile(const QString& path)
{
    const bool ok = m_rules->open(path);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionHidden(EnvironmentTableModel::RulesColumn, false);
    // The column is last in the model (saved header states stay valid); shown right after the name, where it is in
    // view on any screen, unless the user has placed it elsewhere.
    const int rulesAt = header->visualIndex(EnvironmentTableModel::RulesColumn);
    const int nameAt = header->visualIndex(EnvironmentTableModel::NameColumn);
    if (rulesAt == header->count() - 1 && nameAt >= 0 && rulesAt != nameAt + 1)
        header->moveSection(rulesAt, nameAt + 1);
    updateRulesBanner();
    return ok;
}

void MainWindow::openRules()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open rules file"), m_rules->path(),
                                                      tr("Rules files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    openRulesFile(path);
    // Remembered even when it has errors: it is watched, and the next start opens it again.
    m_settings.rulesFile = path;
    QSettings settings;
    settings.setValue(QStringLiteral("rules/file"), path);
}

void MainWindow::closeRules()
{
    m_rules->close();
    m_rulesDeviationsOnly->setChecked(false);
    m_table->horizontalHeader()->setSectionHidden(EnvironmentTableModel::RulesColumn, true);
    m_settings.rulesFile.clear();
    QSettings settings;
    settings.remove(QStringLiteral("rules/file"));
    updateRulesBanner();
}

void MainWindow::updateRulesBanner()
{
    const RulesController::State state = m_rules->state();
    m_detailsForm->setRowVisible(m_detailLabels.value(QStringLiteral("rules")), state == RulesController::State::Valid);
    updateDetails();
    m_actionCloseRules->setEnabled(state != RulesController::State::NoFile);
    const bool evaluating = m_rules->isEvaluating();
    const int deviations = m_rules->changeCount() + m_rules->cannotFixCount();
    const bool canFix = state == RulesController::State::Valid && !evaluating && m_rules->changeCount() > 0 &&
                        m_session->dataWorks() != nullptr;
    m_actionFixDeviations->setEnabled(canFix);
    m_fixButton->setEnabled(canFix);
    if (state == RulesController::State::NoFile) {
        m_rulesBanner->hide();
        if (m_rulesDeviationsOnly->isChecked())
            m_rulesDeviationsOnly->setChecked(false);
        return;
    }
    const QString file = QFileInfo(m_rules->path()).fileName();
    m_rulesBanner->setToolTip(m_rules->path());
    if (state == RulesController::State::Invalid) {
        // Cleared, not kept: the marks of rules no longer in the file would be taken for what it says.
        m_rulesBanner->setStyleSheet(UiUtil::bannerStyle(true));
        m_rulesLabel->setText(tr("The rules file %1 has %n error(s). The Rules column is empty until they are fixed; "
                                 "the file is watched, "
                                 "so saving it again is enough.",
                                 nullptr, int(m_rules->errors().size()))
                                  .arg(file) +
                              QLatin1Char('\n') + m_rules->errorText());
        m_rulesDeviationsOnly->setVisible(false);
        m_fixButton->setVisible(false);
        m_rulesBanner->show();
        return;
    }
    m_rulesDeviationsOnly->setVisible(true);
    m_fixButton->setVisible(true);
    const std::shared_ptr<const RuleSet> rules = m_rules->rules();
    const QString head =
        tr("Rules: %1 (%n rule(s), first match wins).", nullptr, rules ? int(rules->rules.size()) : 0).arg(file);
    QString text;
    if (evaluating)
        text = head + QLatin1Char(' ') + tr("Evaluating...");
    else if (deviations == 0)
        text = head + QLatin1Char(' ') +
               tr("Every one of the %n environment(s) follows the rules.", nullptr, m_rules->evaluatedCount());
    else
        text = head + QLatin1Char(' ') +
               tr("%n environment(s) deviate: %1 can be fixed, %2 cannot (hover the Rules column for why).", nullptr,
                  deviations)
                   .arg(m_rules->changeCount())
                   .arg(m_rules->cannotFixCount());
    m_rulesBanner->setStyleSheet(deviations > 0 && !evaluating ? UiUtil::bannerStyle(false) : QString());
    m_rulesLabel->setText(text);
    m_rulesBanner->show();
}

void MainWindow::fixDeviations()
{
    const std::shared_ptr<const RuleSet> rules = m_rules->rules();
    if (!rules || m_rules->isEvaluating() || !m_session->dataWorks())
        return;
    QList<Environment> deviating;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const EnvironmentTableModel::RuleState state = m_model->keysAt(row).rule.state;
        if (state == EnvironmentTableModel::RuleState::Change || state == EnvironmentTableModel::RuleState::CannotFix)
            deviating << m_model->environmentAt(row);
    }
    if (deviating.isEmpty()) {
        statusBar()->showMessage(tr("No environment deviates from the rules."), 8000);
        return;
    }
    // The plan of the deviating environments only (core's RulePlan; the marks came from the same function).
    const RulePlan::Plan plan = RulePlan::evaluate(
        *rules, deviating, [this](const QString& id) { return visibilityOf(id); }, m_rules->trustPolicies());
    auto* dialog = new BulkRoleDialog(m_session, *rules, plan, deviating, m_rules->trustPolicies(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BulkRoleDialog::environmentChanged, this, &MainWindow::environmentChanged);
    dialog->open();
}
