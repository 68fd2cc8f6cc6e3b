#include "DemoShots.h"

#include "AuditDialog.h"
#include "BulkRoleDialog.h"
#include "CredentialInspector.h"
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"
#include "MainWindow.h"
#include "RoleDialog.h"
#include "RolePicker.h"
#include "RulesController.h"

#include "model/Exposure.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace {

void save(QWidget* widget, const QString& path)
{
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    QTimer::singleShot(0, qApp, [ok] { QApplication::exit(ok ? 0 : 1); });
}

// The first environment matching pred, selected in the table.
template<typename Pred>
bool selectFirst(MainWindow* window, Pred pred)
{
    EnvironmentTableModel* model = window->environmentModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (pred(model->environmentAt(row), model->keysAt(row).visibility))
            return window->selectEnvironment(model->environmentAt(row).instanceId);
    }
    return false;
}

// Starts the bulk (or fix-deviations) dialog's run as a user's Start would, and shoots it once every row has its
// outcome.
void runThenSave(BulkRoleDialog* dialog, const QString& path)
{
    QObject::connect(
        dialog, &BulkRoleDialog::runFinished, dialog,
        [dialog, path] { QTimer::singleShot(600, dialog, [dialog, path] { save(dialog, path); }); },
        Qt::SingleShotConnection);
    QTimer::singleShot(800, dialog, [dialog] { dialog->start(); });
}

void openAudit(MainWindow* window, const QString& path)
{
    window->showAudit();
    auto* dialog = window->findChild<AuditDialog*>();
    QWidget* target = dialog ? static_cast<QWidget*>(dialog) : window;
    QTimer::singleShot(1200, target, [target, path] { save(target, path); });
}

void shoot(MainWindow* window, const QString& what, const QString& path)
{
    if (what == QStringLiteral("role")) {
        selectFirst(window, [](const Environment& e, Visibility v) {
            return v == Visibility::Public && e.role.isNone() && e.status == EnvironmentStatus::Running;
        });
        window->changeRole();
        auto* dialog = window->findChild<RoleDialog*>();
        if (!dialog) {
            save(window, path);
            return;
        }
        // The guard at work: the admin picked the default role, so the confirmation and reason are asked for.
        if (auto* button = dialog->findChild<QAbstractButton*>(QStringLiteral("roleDefault")))
            button->click();
        if (auto* confirm = dialog->findChild<QAbstractButton*>(QStringLiteral("confirmPublicCheck")))
            confirm->click();
        if (auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("overrideReason")))
            reason->setText(QCoreApplication::translate("DemoShots", "SQL workshop on Friday reads the course tables"));
        // At the size it opened with, as the user sees it (never a hand-picked one).
        QTimer::singleShot(1500, dialog, [dialog, path] { save(dialog, path); });
        return;
    }
    if (what == QStringLiteral("picker")) {
        // The custom-role list as it opens: every role of the account, those DataWorks may use marked.
        selectFirst(window, [](const Environment& e, Visibility v) {
            return v == Visibility::Private && e.role.isCustomRole() && e.status == EnvironmentStatus::Running;
        });
        window->changeRole();
        auto* dialog = window->findChild<RoleDialog*>();
        auto* picker = dialog ? dialog->findChild<RolePicker*>() : nullptr;
        if (!picker) {
            save(window, path);
            return;
        }
        const auto open = [dialog, picker, path] {
            picker->comboBox()->showPopup();
            QTimer::singleShot(800, dialog, [dialog, path] {
                // The list is a window of its own: take the screen where the dialog and its list are.
                QWidget* popup = QApplication::activePopupWidget();
                QRect area = dialog->frameGeometry();
                if (popup)
                    area = area.united(popup->frameGeometry());
                const bool ok =
                    dialog->screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(path);
                std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
                QTimer::singleShot(0, qApp, [ok] { QApplication::exit(ok ? 0 : 1); });
            });
        };
        if (picker->rolesLoaded() && picker->trustedCount() > 0)
            QTimer::singleShot(800, dialog, open);
        else
            QObject::connect(
                picker, &RolePicker::trustChecked, dialog, [dialog, open] { QTimer::singleShot(300, dialog, open); },
                Qt::SingleShotConnection);
        picker->ensureLoaded();
        return;
    }
    if (what == QStringLiteral("bulk") || what == QStringLiteral("bulkrun")) {
        // A selection with public environments, as an admin would pick it; "bulkrun" shoots it after Start, with
        // each row's outcome (public ones refused, the others changed).
        QItemSelection selection;
        EnvironmentFilterModel* proxy = window->filterModel();
        for (int row = 0; row < qMin(6, proxy->rowCount()); ++row)
            selection.select(proxy->index(row, 0), proxy->index(row, 0));
        window->table()->selectionModel()->select(selection,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        window->bulkChangeRole();
        auto* dialog = window->findChild<BulkRoleDialog*>();
        if (auto* button = dialog ? dialog->findChild<QAbstractButton*>(QStringLiteral("bulkRoleDefault")) : nullptr)
            button->click();
        if (dialog && what == QStringLiteral("bulkrun")) {
            runThenSave(dialog, path);
            return;
        }
        QWidget* target = dialog ? static_cast<QWidget*>(dialog) : window;
        QTimer::singleShot(1200, target, [target, path] { save(target, path); });
        return;
    }
    if (what == QStringLiteral("rules") || what == QStringLiteral("fix")) {
        // Needs `--rules FILE`: once every row is marked, the deviations first (or the plan applied).
        RulesController* rules = window->rulesController();
        const auto shootRules = [window, what, path] {
            if (what == QStringLiteral("rules")) {
                window->table()->sortByColumn(EnvironmentTableModel::RulesColumn, Qt::DescendingOrder);
                window->table()->selectRow(0);
                QTimer::singleShot(800, window, [window, path] { save(window, path); });
                return;
            }
            window->fixDeviations();
            auto* dialog = window->findChild<BulkRoleDialog*>(QStringLiteral("fixDeviationsDialog"));
            if (!dialog) {
                save(window, path);
                return;
            }
            runThenSave(dialog, path);
        };
        if (rules->state() != RulesController::State::Valid || !rules->isEvaluating())
            shootRules();
        else
            QObject::connect(rules, &RulesController::evaluated, window, shootRules, Qt::SingleShotConnection);
        return;
    }
    if (what == QStringLiteral("audit")) {
        // With an entry, as an admin sees it after a change: one role change applied through the role dialog.
        selectFirst(window, [](const Environment& e, Visibility v) {
            return v == Visibility::Private && e.role.isNone() && e.status == EnvironmentStatus::Stopped;
        });
        window->changeRole();
        auto* roleDialog = window->findChild<RoleDialog*>();
        auto* defaultRole =
            roleDialog ? roleDialog->findChild<QAbstractButton*>(QStringLiteral("roleDefault")) : nullptr;
        auto* apply = roleDialog ? roleDialog->findChild<QAbstractButton*>(QStringLiteral("applyButton")) : nullptr;
        if (defaultRole && apply) {
            QObject::connect(
                roleDialog, &RoleDialog::applied, window,
                [window, path] { QTimer::singleShot(300, window, [window, path] { openAudit(window, path); }); },
                Qt::SingleShotConnection);
            defaultRole->click();
            QTimer::singleShot(500, apply, [apply] { apply->click(); });
            return;
        }
        openAudit(window, path);
        return;
    }
    if (what == QStringLiteral("inspector")) {
        selectFirst(window, [](const Environment& e, Visibility v) {
            return v == Visibility::Private && e.role.isCustomRole() && e.status == EnvironmentStatus::Running;
        });
        window->inspectCredentials();
        auto* inspector = window->findChild<CredentialInspector*>();
        if (!inspector) {
            save(window, path);
            return;
        }
        QTimer::singleShot(1500, inspector, [inspector] {
            inspector->validate();
            inspector->testMaxCompute();
        });
        QTimer::singleShot(3500, inspector, [inspector, path] { save(inspector, path); });
        return;
    }
    if (what == QStringLiteral("exposure")) {
        // The banner's internet count and the details pane's forwarded ports of an internet-reachable environment.
        selectFirst(window, [](const Environment& e, Visibility v) {
            return Exposure::of(e, v).isInternetReachableWithRole();
        });
        QTimer::singleShot(800, window, [window, path] { save(window, path); });
        return;
    }
    selectFirst(window,
                [](const Environment& e, Visibility v) { return v == Visibility::Private && e.role.isCustomRole(); });
    QTimer::singleShot(800, window, [window, path] { save(window, path); });
}

} // namespace

namespace DemoShots {

void take(MainWindow* window, const QString& what, const QString& path)
{
    QObject::connect(
        window, &MainWindow::loadFinished, window, [window, what, path] { shoot(window, what, path); },
        Qt::SingleShotConnection);
    QObject::connect(
        window, &MainWindow::loadFailed, window, [window, path] { save(window, path); }, Qt::SingleShotConnection);
}

} // namespace DemoShots
