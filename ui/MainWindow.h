#pragma once

#include "AppSettings.h"
#include "api/DataWorksClient.h"
#include "model/Environment.h"
#include "model/Visibility.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class EnvironmentFilterModel;
class EnvironmentTableModel;
class KeychainStore;
class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;
class RulesController;
class ServerIdeListing;
class Session;

// The admin's window: connection bar, workspaces with counts, the environments table (filter as you
// type, filters, sorting), a details pane, a risk banner for public environments that have a role,
// and the status bar with who you are, the region, and a SANDBOX marker. Every network call is
// asynchronous; loading fills the table page by page and can be cancelled.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Session* session, AppSettings settings, KeychainStore* keychain, QWidget* parent = nullptr);
    ~MainWindow() override;

    EnvironmentTableModel* environmentModel() const { return m_model; }
    EnvironmentFilterModel* filterModel() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    bool isLoading() const { return m_listing != nullptr; }
    // The environment of the current row, or null.
    const Environment* currentEnvironment() const;
    QList<Environment> selectedEnvironments() const;
    // Public environments that have a role (the risk banner's count).
    int riskyCount() const { return m_riskyCount; }
    // Environments the API reports as reachable from the internet that have a role (counted apart in the banner).
    int internetRiskyCount() const { return m_internetRiskyCount; }

    // Restores the geometry, splitter and columns of the last run now, and saves them on close.
    void rememberWindowState();

    // Imports visibility records (JSON or CSV, all or nothing); false with the reasons in *error.
    bool importVisibilityFile(const QString& path, QString* error = nullptr);

    // Selects the row of this environment (for tests and "show in table").
    bool selectEnvironment(const QString& instanceId);

    // Says in the status bar what a role change did ("Role of X changed to none"), with Undo when the audit log holds
    // the change (its "from" is what Undo sets back, through RoleChange like any change).
    void reportRoleChange(const Environment& before, const Environment& after);
    void undoLastRoleChange();

    // Opens (and watches) a rules file: the Rules column and the rules banner show what it says. False when the file
    // has errors (the banner shows them with file:line:column). Not remembered: openRules() is (the menu).
    bool openRulesFile(const QString& path);
    RulesController* rulesController() const { return m_rules; }

public Q_SLOTS:
    void reload();
    void cancelLoading();
    void changeRole();
    void bulkChangeRole();
    void showAudit();
    void inspectCredentials();
    void importVisibility();
    void showRisky();
    void showInternetRisky();
    void openSettings();
    void connectSelectedProfile();
    void showAbout();
    void showShortcuts();
    // File > Open rules file...: asks for the file, opens it, and remembers it in the settings.
    void openRules();
    void closeRules();
    // Runs the rules plan of the deviating environments through the bulk dialog (RuleApplier: RoleChange's guards).
    void fixDeviations();

Q_SIGNALS:
    void loadFinished();
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // The details pane is as tall as its wrapped values need at the pane's width (see the definition).
    void fitDetails();
    void showEvent(QShowEvent* event) override;

private:
    // After a filter change: the row the details pane describes is selected and in view (see the definition).
    void keepVisibleSelection();
    void buildUi();
    void buildMenus();
    void populateProfiles();
    void onProfileChosen();
    void onConnectionChanged();
    void onIdentityChanged();
    void onWorkspaceItemChanged(QListWidgetItem* item);
    void onPageLoaded(const QList<Environment>& environments);
    void onListingDone(bool ok, const QString& error);
    void updateWorkspaceCounts();
    void updateRiskBanner();
    void showRiskCount();
    void flushPending();
    bool insertPending(qint64 budgetMs);
    void updateDetails();
    void updateCountLabel();
    void applyFilter();
    QList<EnvironmentStatus> statusChoice() const;
    void setStatusChoice(const QList<EnvironmentStatus>& statuses, bool apply = true);
    void updateStatusFilterText();
    void updateOwnerFilter();
    // Asks core's OwnerDirectory for the owners' names of these workspaces (once each per connection).
    void resolveOwners(const QList<qint64>& projectIds);
    void focusResults();
    void setVisibility(const QList<QString>& instanceIds, Visibility visibility);
    void recordVisibility(const QList<QString>& instanceIds, Visibility visibility);
    void showTableMenu(const QPoint& pos);
    Visibility visibilityOf(const QString& instanceId) const;
    void environmentChanged(const Environment& environment);
    void updateRulesBanner();

    Session* m_session;
    AppSettings m_settings;
    KeychainStore* m_keychain;
    EnvironmentTableModel* m_model;
    EnvironmentFilterModel* m_proxy;
    QPointer<ServerIdeListing> m_listing;
    RulesController* m_rules = nullptr;
    QHash<qint64, int> m_countByProject;
    QHash<qint64, QListWidgetItem*> m_workspaceItems;
    int m_riskyCount = 0;
    int m_internetRiskyCount = 0;

    // connection bar
    QComboBox* m_profile = nullptr;
    QComboBox* m_region = nullptr;
    QLineEdit* m_endpoint = nullptr;
    QPushButton* m_connect = nullptr;
    // left
    QListWidget* m_workspaces = nullptr;
    // centre
    QFrame* m_riskBanner = nullptr;
    QLabel* m_riskLabel = nullptr;
    QPushButton* m_showRisky = nullptr;
    QLabel* m_internetRiskLabel = nullptr;
    QPushButton* m_showInternetRisky = nullptr;
    QCheckBox* m_internetFilter = nullptr;
    QLabel* m_detailsExposure = nullptr;
    QFrame* m_errorBanner = nullptr;
    QLabel* m_errorLabel = nullptr;
    QFrame* m_rulesBanner = nullptr;
    QLabel* m_rulesLabel = nullptr;
    QCheckBox* m_rulesDeviationsOnly = nullptr;
    QPushButton* m_fixButton = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QPushButton* m_statusFilter = nullptr; // a menu of check boxes
    class QMenu* m_statusMenu = nullptr;
    QComboBox* m_ownerFilter = nullptr;
    QComboBox* m_visibilityFilter = nullptr;
    QComboBox* m_roleFilter = nullptr;
    QPushButton* m_clearFilters = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_emptyState = nullptr;
    class QMenu* m_columnMenu = nullptr;
    QTableView* m_table = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QTimer* m_filterTimer = nullptr;
    QTimer* m_flushTimer = nullptr;
    QList<Environment> m_pending;
    // details
    QWidget* m_details = nullptr;
    QWidget* m_detailsViewport = nullptr;
    QLabel* m_detailsTitle = nullptr;
    QHash<QString, QLabel*> m_detailLabels;
    QFormLayout* m_detailsForm = nullptr;
    QComboBox* m_detailsVisibility = nullptr;
    QLabel* m_visibilityRecord = nullptr;
    QPushButton* m_changeRoleButton = nullptr;
    QPushButton* m_inspectButton = nullptr;
    // status bar
    QLabel* m_identityLabel = nullptr;
    QLabel* m_regionLabel = nullptr;
    QLabel* m_sandboxMarker = nullptr;
    // actions
    QAction* m_actionRefresh = nullptr;
    QAction* m_actionChangeRole = nullptr;
    QAction* m_actionBulk = nullptr;
    QAction* m_actionInspect = nullptr;
    QAction* m_actionCloseRules = nullptr;
    QAction* m_actionFixDeviations = nullptr;
    bool m_updatingWorkspaces = false;
    bool m_rememberState = false;
    bool m_fitted = false;
    class QSplitter* m_splitter = nullptr;
    struct UndoRecord
    {
        QString instanceId;
        QString name;
        RoleAssociation from;
        QDateTime recordedAt;
    };
    UndoRecord m_undo;
    QPushButton* m_undoButton = nullptr;
    QTimer* m_undoTimer = nullptr;
};
