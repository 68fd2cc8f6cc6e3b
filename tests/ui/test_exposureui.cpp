// The GUI surfaces of exposure and revocation, found by object name against an in-process sandbox: the icon and the
// filter, the banner's separate count of internet-reachable environments with a role, the details pane's forwarded
// ports, and the revocation dialog offered after a role is removed (stop, cancel, failure).
#include "UiTestSupport.h"

#include "BulkRoleDialog.h"
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"
#include "KeychainStore.h"
#include "MainWindow.h"
#include "RevocationDialog.h"
#include "RoleDialog.h"
#include "SecretScanner.h"

#include "model/Exposure.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExposureUi : public QObject
{
    Q_OBJECT

private:
    UiSandbox m_sb;
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<KeychainStore> m_keychain;
    std::unique_ptr<MainWindow> m_window;

    Environment shown(const QString& id) const
    {
        const int row = m_window->environmentModel()->rowOf(id);
        return row < 0 ? Environment() : m_window->environmentModel()->environmentAt(row);
    }
    void closeDialogs() { qDeleteAll(m_window->findChildren<QDialog*>(Qt::FindDirectChildrenOnly)); }
    // Runs the event loop while the shared MockClock moves on, so the sandbox's Stopping settles.
    bool waitAdvancing(const std::function<bool()>& done, int timeoutMs = 20000)
    {
        return QTest::qWaitFor(
            [&] {
                m_sb.clock.advanceMSecs(25);
                return done();
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_log = std::make_unique<LogCapture>();
        QVERIFY(m_sb.start());
        m_keychain = std::make_unique<KeychainStore>(u"RoleDeskTest"_s);
        m_window = std::make_unique<MainWindow>(m_sb.session.get(), AppSettings(), m_keychain.get());
        QSignalSpy loaded(m_window.get(), &MainWindow::loadFinished);
        m_window->show();
        QVERIFY(loaded.wait(20000) || loaded.count() == 1);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        const QString found = m_log->findAny(m_sb.secrets() + QStringList{u"AAAAC3Nz"_s});
        // Stopped here, not by the destructor after QTest has closed its log (a message then aborts the process).
        m_sb.session.reset();
        m_sb.sandbox->stop();
        m_log.reset();
        QVERIFY2(found.isEmpty(), "a secret reached the log");
    }

    void bannerCountsInternetReachableWithARoleApart()
    {
        int expected = 0;
        for (const Environment& env : m_window->environmentModel()->environments())
            expected += Exposure::internetReachable(env) && env.role.hasRole();
        // 700126 iot_partner_bridge (custom role, SSH through an EIP) and 700135 lab_ml_course (default role, Jupyter
        // through a NAT gateway; Stopped, but reachable again as soon as it starts).
        QCOMPARE(expected, 2);
        QCOMPARE(m_window->internetRiskyCount(), expected);
        auto* label = child<QLabel>(m_window.get(), u"internetRiskLabel"_s);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(u"2 environments reachable from the internet have a RAM role"_s),
                 qPrintable(label->text()));
        // The public count is its own (both are recorded private).
        QVERIFY(!child<QLabel>(m_window.get(), u"riskBannerLabel"_s)->text().contains(u"internet"_s));
        QTest::mouseClick(child<QPushButton>(m_window.get(), u"showInternetRiskyButton"_s), Qt::LeftButton);
        QCOMPARE(m_window->filterModel()->rowCount(), 2);
        QVERIFY(child<QCheckBox>(m_window.get(), u"internetFilter"_s)->isChecked());
        QTest::mouseClick(child<QPushButton>(m_window.get(), u"clearFiltersButton"_s), Qt::LeftButton);
        QVERIFY(!child<QCheckBox>(m_window.get(), u"internetFilter"_s)->isChecked());
        QCOMPARE(m_window->filterModel()->rowCount(), m_window->environmentModel()->rowCount());
    }

    void filterAndIcon()
    {
        auto* filter = child<QCheckBox>(m_window.get(), u"internetFilter"_s);
        filter->setChecked(true);
        QCOMPARE(m_window->filterModel()->rowCount(), 2); // 700126 and 700135
        for (int row = 0; row < m_window->filterModel()->rowCount(); ++row) {
            const QModelIndex name = m_window->filterModel()->index(row, EnvironmentTableModel::NameColumn);
            QVERIFY(name.data(EnvironmentTableModel::InternetReachableRole).toBool());
            QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
            QVERIFY(name.data(Qt::ToolTipRole).toString().contains(u"Reachable from the internet"_s));
        }
        filter->setChecked(false);
        const QModelIndex plain = m_window->environmentModel()->index(
            m_window->environmentModel()->rowOf(u"700124"_s), EnvironmentTableModel::NameColumn); // intranet only
        QVERIFY(!plain.data(EnvironmentTableModel::InternetReachableRole).toBool());
        QVERIFY(plain.data(Qt::DecorationRole).isNull());
    }

    void detailsPaneListsTheForwardedPorts()
    {
        QVERIFY(m_window->selectEnvironment(u"700126"_s));
        auto* exposure = child<QLabel>(m_window.get(), u"detailsExposure"_s);
        const QString text = exposure->text();
        QVERIFY2(text.contains(u"Reachable from the internet"_s), qPrintable(text));
        QVERIFY(text.contains(u"22->22026"_s));
        QVERIFY(text.contains(u"EIP"_s));
        QVERIFY(text.contains(u"SSH public key set"_s));
        QVERIFY(text.contains(u"8888"_s)); // the intranet forward is listed too
        QVERIFY(!text.contains(u"AAAA"_s));
        QVERIFY(m_window->selectEnvironment(u"700101"_s));
        QVERIFY(exposure->text().contains(u"Not reachable from the internet"_s));
    }

    // The role dialog judges the exposure too: a role for an internet-reachable environment needs a confirmation.
    void roleDialogAsksForConfirmationOnInternetExposure()
    {
        closeDialogs();
        QVERIFY(m_window->selectEnvironment(u"700126"_s)); // custom role, internet SSH
        m_window->changeRole();
        auto* dialog = m_window->findChild<RoleDialog*>();
        QVERIFY(dialog);
        child<QRadioButton>(dialog, u"roleDefault"_s)->click();
        QVERIFY(dialog->decision().needsConfirmation());
        QVERIFY(dialog->decision().has(RolePolicy::Rule::InternetReachable));
        QVERIFY(!child<QPushButton>(dialog, u"applyButton"_s)->isEnabled());
        QVERIFY(child<QLabel>(dialog, u"verdictLabel"_s)->text().contains(u"22-&gt;22026"_s) ||
                child<QLabel>(dialog, u"verdictLabel"_s)->text().contains(u"22->22026"_s));
        closeDialogs();
    }

    // Removing a role through the role dialog offers the revocation dialog; stopping from it ends in Stopped.
    void roleRemovalOffersTheStop()
    {
        closeDialogs();
        const QString id = u"700103"_s; // zhang_min_stock_analysis: Running, custom role, private
        QVERIFY(m_window->selectEnvironment(id));
        m_window->changeRole();
        auto* dialog = m_window->findChild<RoleDialog*>();
        QVERIFY(dialog);
        child<QRadioButton>(dialog, u"roleNone"_s)->click();
        QSignalSpy applied(dialog, &RoleDialog::applied);
        child<QPushButton>(dialog, u"applyButton"_s)->click();
        QVERIFY(applied.wait(10000));
        RevocationDialog* revocation = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((revocation = m_window->findChild<RevocationDialog*>()) != nullptr, 10000);
        QVERIFY(revocation->window().applies);
        auto* text = child<QLabel>(revocation, u"revocationText"_s);
        QVERIFY2(text->text().contains(u"not revoked"_s), qPrintable(text->text()));
        // The custom role's own maximum, read from RAM, narrows the window.
        QTRY_VERIFY_WITH_TIMEOUT(revocation->window().maximumKnown, 10000);
        QVERIFY(text->text().contains(revocation->window().validUntilUtc().toString(u"yyyy-MM-dd HH:mm"_s)));

        revocation->setConfirmStop(false);
        revocation->setPollIntervalMs(20);
        QSignalSpy finished(revocation, &RevocationDialog::stopFinished);
        QTest::mouseClick(child<QPushButton>(revocation, u"stopEnvironmentButton"_s), Qt::LeftButton);
        QVERIFY(waitAdvancing([&] { return finished.count() == 1; }));
        QCOMPARE(finished.first().at(0).value<EnvironmentStop::Outcome>(), EnvironmentStop::Outcome::Stopped);
        QVERIFY(child<QLabel>(revocation, u"stopStatusLabel"_s)->text().contains(u"stopped"_s));
        QCOMPARE(m_sb.environment(id).status, u"Stopped"_s);
        QTRY_COMPARE_WITH_TIMEOUT(shown(id).status, EnvironmentStatus::Stopped, 10000);
        AuditQuery q;
        q.instanceId = id;
        QStringList outcomes;
        for (const AuditEntry& e : m_sb.audit->query(q))
            outcomes << e.outcome;
        QCOMPARE(outcomes, (QStringList{u"applied"_s, u"stop: requested"_s, u"stop: stopped"_s}));
        closeDialogs();
    }

    // The stop asks first: declining sends nothing.
    void stopIsConfirmedFirst()
    {
        closeDialogs();
        Environment before = shown(u"700112"_s);
        QVERIFY(!before.isNull());
        before.role = RoleAssociation::dataWorksDefault();
        Environment after = before;
        after.role = RoleAssociation::none();
        auto* revocation = new RevocationDialog(m_sb.session.get(), before, after, m_window.get());
        const QString statusBefore = m_sb.environment(before.instanceId).status;
        QTest::mouseClick(child<QPushButton>(revocation, u"stopEnvironmentButton"_s), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = revocation->findChild<QMessageBox*>(u"confirmStopBox"_s)) != nullptr, 5000);
        QVERIFY2(box->text().contains(before.instanceId), qPrintable(box->text()));
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTest::qWait(200);
        QVERIFY(!revocation->stopOperation());
        QCOMPARE(m_sb.environment(before.instanceId).status, statusBefore);
        QVERIFY(child<QPushButton>(revocation, u"stopEnvironmentButton"_s)->isEnabled());
        delete revocation;
    }

    void stopCanBeCancelledAndCanFail()
    {
        // Cancelled while Stopping (the shared clock does not move, so it never settles).
        Environment before = shown(u"700111"_s); // sun_li_scorecard: Running, default role
        Environment after = before;
        after.role = RoleAssociation::none();
        auto* revocation = new RevocationDialog(m_sb.session.get(), before, after, m_window.get());
        revocation->show();
        revocation->setConfirmStop(false);
        revocation->setPollIntervalMs(20);
        QVERIFY(revocation->window().applies);
        QVERIFY(!revocation->window().maximumKnown); // the default role's maximum is not published
        QVERIFY(child<QLabel>(revocation, u"revocationText"_s)->text().contains(u"unknown"_s));
        QSignalSpy finished(revocation, &RevocationDialog::stopFinished);
        QTest::mouseClick(child<QPushButton>(revocation, u"stopEnvironmentButton"_s), Qt::LeftButton);
        auto* cancel = child<QPushButton>(revocation, u"cancelStopButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(revocation->stopOperation() && revocation->stopOperation()->polls() >= 1, 10000);
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<EnvironmentStop::Outcome>(), EnvironmentStop::Outcome::Cancelled);
        QVERIFY(child<QLabel>(revocation, u"stopStatusLabel"_s)->text().contains(u"cannot be withdrawn"_s));
        delete revocation;
        QVERIFY(waitAdvancing([&] { return m_sb.environment(u"700111"_s).status == u"Stopped"_s; }));

        // A stop the service refuses (a Saved environment cannot be stopped): a clear reason.
        before = shown(u"700108"_s);                // liu_yang_dashboard_dev: Saved, default role
        before.status = EnvironmentStatus::Running; // as a stale row would show it
        after = before;
        after.role = RoleAssociation::none();
        revocation = new RevocationDialog(m_sb.session.get(), before, after, m_window.get());
        revocation->setConfirmStop(false);
        QSignalSpy failed(revocation, &RevocationDialog::stopFinished);
        QTest::mouseClick(child<QPushButton>(revocation, u"stopEnvironmentButton"_s), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).value<EnvironmentStop::Outcome>(), EnvironmentStop::Outcome::Failed);
        QVERIFY2(child<QLabel>(revocation, u"stopStatusLabel"_s)->text().contains(u"refused"_s),
                 qPrintable(child<QLabel>(revocation, u"stopStatusLabel"_s)->text()));
        delete revocation;
    }

    // The bulk change: its public check box never confirms internet exposure (RoleChange refuses it), and the summary
    // tells the revocation truth for the roles it replaced.
    void bulkLeavesInternetExposureToTheDialogAndTellsTheTruth()
    {
        closeDialogs();
        const QList<Environment> selection{shown(u"700126"_s), shown(u"700112"_s)}; // internet + custom; custom
        QVERIFY(!selection.at(0).isNull() && !selection.at(1).isNull());
        BulkRoleDialog dialog(m_sb.session.get(), selection, [](const QString&) { return Visibility::Private; });
        dialog.show();
        child<QRadioButton>(&dialog, u"bulkRoleDefault"_s)->click();
        auto* include = child<QCheckBox>(&dialog, u"bulkIncludePublic"_s);
        include->setChecked(true);
        child<QLineEdit>(&dialog, u"bulkReason"_s)->setText(u"bulk override"_s);
        QSignalSpy finished(&dialog, &BulkRoleDialog::runFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, u"bulkStartButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialog.resultAt(0), BulkRoleDialog::ItemResult::Refused);
        QCOMPARE(dialog.resultAt(1), BulkRoleDialog::ItemResult::Changed);
        QCOMPARE(m_sb.environment(u"700126"_s).roleKind, SandboxData::RoleKind::Custom);
        const QString summary = child<QLabel>(&dialog, u"bulkSummary"_s)->text();
        QVERIFY2(summary.contains(u"not revoked"_s), qPrintable(summary));
    }
};

QTEST_MAIN(TestExposureUi)
#include "test_exposureui.moc"
