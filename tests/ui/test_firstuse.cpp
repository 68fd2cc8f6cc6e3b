// Issue 13: the desktop app as a first-time admin meets it. One test per reported bug, each with a fresh
// window (KeePassXC's TestGui::init() habit), found by object names and driven as a user would: the count
// after a change, the way back to the sandbox, the sandbox's endpoint kept out of the real settings, a
// window that fits the screen, the bulk warning, the audit view, the inspector's input, countdown and
// Close, the keychain that never answers, and colours that hold in a dark palette.
#include "UiTestSupport.h"

#include "AppSettings.h"
#include "AuditDialog.h"
#include "BulkRoleDialog.h"
#include "CredentialInspector.h"
#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"
#include "KeychainStore.h"
#include "MainWindow.h"
#include "SecretClipboard.h"
#include "SettingsDialog.h"
#include "UiUtil.h"
#include "WindowStateStore.h"

#include "credentials/CredentialProvider.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

namespace {
// A keychain whose daemon never answers (a locked keyring waiting for a prompt nobody sees).
class SilentKeychain : public KeychainStore
{
public:
    SilentKeychain()
        : KeychainStore(QStringLiteral("RoleDeskTest"))
    {}
    void writeSecret(const QString&, const QString&, WriteCallback done) override { m_pending = std::move(done); }
    WriteCallback m_pending;
};

// WCAG relative luminance and contrast ratio.
double luminance(const QColor& c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// The application's own dark palette (one definition, in ui).
QPalette darkPalette()
{
    return UiUtil::darkPalette();
}

bool insideScreen(const QWidget* w)
{
    const QRect available = w->screen()->availableGeometry();
    return available.contains(w->frameGeometry()) || available.contains(w->geometry());
}
} // namespace

class TestFirstUse : public QObject
{
    Q_OBJECT

private:
    UiSandbox m_sb;
    std::unique_ptr<KeychainStore> m_keychain;
    std::unique_ptr<MainWindow> m_window;

    QString countText() const { return child<QLabel>(m_window.get(), QStringLiteral("countLabel"))->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sb.start());
        m_keychain = std::make_unique<KeychainStore>(QStringLiteral("RoleDeskTest"));
    }

    void init()
    {
        QSettings().clear();
        if (!m_sb.session->isSandbox())
            m_sb.session->reconnectSandbox();
        m_window = std::make_unique<MainWindow>(m_sb.session.get(), AppSettings(), m_keychain.get());
        QSignalSpy loaded(m_window.get(), &MainWindow::loadFinished);
        m_window->show();
        QVERIFY(loaded.wait(20000) || loaded.count() == 1);
    }

    void cleanup() { m_window.reset(); }

    // Bug 2: a change that makes a row leave the filter updates "N of M shown".
    void countFollowsAChangeThatHidesARow()
    {
        QTest::mouseClick(child<QPushButton>(m_window.get(), QStringLiteral("showRiskyButton")), Qt::LeftButton);
        const int total = m_window->environmentModel()->rowCount();
        const int before = m_window->filterModel()->rowCount();
        QVERIFY(before > 1);
        QVERIFY2(countText().contains(QString::number(before)), qPrintable(countText()));
        const QModelIndex first = m_window->filterModel()->mapToSource(m_window->filterModel()->index(0, 0));
        Environment env = m_window->environmentModel()->environmentAt(first.row());
        env.role = RoleAssociation::none();
        m_window->environmentModel()->updateEnvironment(env);
        QCOMPARE(m_window->filterModel()->rowCount(), before - 1);
        const QString expected =
            QCoreApplication::translate("MainWindow", "%1 of %n environment(s) shown", nullptr, total).arg(before - 1);
        QCOMPARE(countText(), expected);
    }

    // Bug 3: after a profile that fails, the sandbox profile brings the sandbox back (rows, marker).
    void sandboxProfileComesBackAfterAFailedProfile()
    {
        QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
        m_sb.session->connectWith(new FailingCredentialProvider(QStringLiteral("test"), QStringLiteral("test source"),
                                                                QStringLiteral("no key here (test)")),
                                  m_sb.endpoints(), QStringLiteral("Broken profile"));
        QVERIFY(failed.count() > 0 || failed.wait(10000));
        // Rows of another connection must not stay on screen.
        QCOMPARE(m_window->environmentModel()->rowCount(), 0);
        auto* profile = child<QComboBox>(m_window.get(), QStringLiteral("profileCombo"));
        const int sandboxIndex = profile->findData(QStringLiteral("sandbox"));
        QVERIFY(sandboxIndex >= 0);
        profile->setCurrentIndex(sandboxIndex);
        QSignalSpy loaded(m_window.get(), &MainWindow::loadFinished);
        QTest::mouseClick(child<QPushButton>(m_window.get(), QStringLiteral("connectButton")), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_sb.session->isSandbox());
        QVERIFY(child<QLabel>(m_window.get(), QStringLiteral("sandboxMarker"))->isVisible());
        QCOMPARE(m_window->environmentModel()->rowCount(), int(m_sb.sandbox->engine()->environmentCount()));
    }

    // Bug 4: the sandbox's endpoint is its own (not editable), and a sandbox run never saves connection
    // settings that a real-account start would later use.
    void sandboxEndpointStaysOutOfTheSettings()
    {
        auto* profile = child<QComboBox>(m_window.get(), QStringLiteral("profileCombo"));
        auto* endpoint = child<QLineEdit>(m_window.get(), QStringLiteral("endpointEdit"));
        QCOMPARE(profile->currentData().toString(), QStringLiteral("sandbox"));
        QVERIFY(!endpoint->isEnabled());
        QCOMPARE(QUrl(endpoint->text()), m_sb.endpoint);
        profile->setCurrentIndex(profile->findData(QStringLiteral("chain")));
        QVERIFY(endpoint->isEnabled());
        QVERIFY2(endpoint->text().isEmpty(), qPrintable(endpoint->text())); // the settings' value, not the sandbox's
        endpoint->setText(QStringLiteral("https://typed.example.com"));
        QTest::mouseClick(child<QPushButton>(m_window.get(), QStringLiteral("connectButton")), Qt::LeftButton);
        QSettings settings;
        QVERIFY2(!settings.contains(QStringLiteral("connection/endpoint")),
                 qPrintable(settings.value(QStringLiteral("connection/endpoint")).toString()));
        QVERIFY(!settings.contains(QStringLiteral("connection/profile")));
    }

    // Bug 9: the window (first start or restored) fits the screen it is on, and its minimum size too.
    void windowFitsTheScreen()
    {
        const QRect available = m_window->screen()->availableGeometry();
        QVERIFY2(insideScreen(m_window.get()), qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                                              .arg(m_window->width())
                                                              .arg(m_window->height())
                                                              .arg(available.width())
                                                              .arg(available.height())));
        QVERIFY(m_window->minimumSizeHint().width() <= available.width());
        // A geometry saved on a bigger screen (or at a smaller scale) is fitted on restore.
        {
            QMainWindow big;
            big.setGeometry(available.adjusted(-400, -300, 900, 700));
            QSettings settings;
            WindowStateStore(settings).save(big);
        }
        m_window = std::make_unique<MainWindow>(m_sb.session.get(), AppSettings(), m_keychain.get());
        m_window->rememberWindowState();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY2(insideScreen(m_window.get()), qPrintable(QStringLiteral("%1x%2 at %3,%4, minimum %5x%6")
                                                              .arg(m_window->width())
                                                              .arg(m_window->height())
                                                              .arg(m_window->x())
                                                              .arg(m_window->y())
                                                              .arg(m_window->minimumSizeHint().width())
                                                              .arg(m_window->minimumSizeHint().height())));
    }

    // Bug 11: clearing the role of public environments is allowed; the warning must not say it is refused.
    void bulkWarningMatchesTheChosenChange()
    {
        QList<Environment> selection;
        for (const Environment& env : m_window->environmentModel()->environments())
            if (m_sb.visibility->visibility(env.instanceId) == Visibility::Public && selection.size() < 2)
                selection.append(env);
        selection.append(m_window->environmentModel()->environments().front());
        BulkRoleDialog dialog(m_sb.session.get(), selection,
                              [this](const QString& id) { return m_sb.visibility->visibility(id); });
        dialog.show();
        auto* text = child<QLabel>(&dialog, QStringLiteral("bulkPublicText"));
        QVERIFY(text);
        child<QRadioButton>(&dialog, QStringLiteral("bulkRoleDefault"))->click();
        QVERIFY2(text->text().contains(QStringLiteral("refused")), qPrintable(text->text()));
        child<QRadioButton>(&dialog, QStringLiteral("bulkRoleNone"))->click();
        QVERIFY2(!text->text().contains(QStringLiteral("refused")), qPrintable(text->text()));
        QVERIFY(!child<QWidget>(&dialog, QStringLiteral("bulkIncludePublic"))->isVisible());
    }

    // Bug 12: every column on screen, the request id shown, and the export says what it wrote.
    void auditViewShowsEveryColumnAndSaysWhatItExported()
    {
        const QString longReason = QStringLiteral("approved in change ticket CHG-4711 by the data platform team lead "
                                                  "after the quarterly access review");
        for (int i = 0; i < 3; ++i) {
            Environment env;
            env.instanceId = QStringLiteral("dw-ide-%1").arg(i);
            env.instanceName = QStringLiteral("lab_%1").arg(i);
            QVERIFY(m_sb.audit->recordChange(m_sb.session->auditActor(), env, RoleAssociation::dataWorksDefault(),
                                             RoleAssociation::none(), false, longReason,
                                             QStringLiteral("applied, confirmed by GetServerIdeInstance"),
                                             QStringLiteral("REQ-%1-ABCDEF").arg(i)));
        }
        AuditDialog dialog(m_sb.audit.get(), m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(insideScreen(&dialog));
        auto* table = child<QTableWidget>(&dialog, QStringLiteral("auditTable"));
        QHeaderView* header = table->horizontalHeader();
        int requestColumn = -1;
        for (int c = 0; c < table->columnCount(); ++c) {
            const QString title = table->horizontalHeaderItem(c)->text();
            if (title == QCoreApplication::translate("AuditDialog", "Request ID"))
                requestColumn = c;
            QVERIFY2(header->sectionViewportPosition(c) + qMin(header->sectionSize(c), 60) <=
                         table->viewport()->width(),
                     qPrintable(title + QStringLiteral(" is off-screen")));
        }
        QVERIFY(requestColumn >= 0);
        QCOMPARE(table->item(0, requestColumn)->text(), QStringLiteral("REQ-2-ABCDEF"));
        // Export of a filtered view: says how many and that a filter applied.
        QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("auditFilter")), QStringLiteral("lab_1"));
        QTRY_COMPARE(dialog.rowCount(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY(dialog.exportTo(path));
        const QString status = child<QLabel>(&dialog, QStringLiteral("auditStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("1 ")) && status.contains(QStringLiteral("filter")) &&
                     status.contains(path),
                 qPrintable(status));
    }

    // Bug 6: --uri fills the URI box; a typed non-URL is refused inline, with no fetch and no retry.
    void inspectorShowsTheUriAndRefusesANonUrl()
    {
        CredentialInspector inspector(&m_sb.clock);
        inspector.setUseTray(false);
        const QUrl uri(QStringLiteral("http://127.0.0.1:1/credentials"));
        inspector.inspectUri(uri);
        auto* target = child<QLineEdit>(&inspector, QStringLiteral("inspectTarget"));
        QCOMPARE(target->text(), uri.toString());
        target->setText(QStringLiteral("not a url"));
        QTest::mouseClick(child<QPushButton>(&inspector, QStringLiteral("inspectStartButton")), Qt::LeftButton);
        const QString title = child<QLabel>(&inspector, QStringLiteral("inspectorTitle"))->text();
        QVERIFY2(!title.contains(QStringLiteral("--uri")), qPrintable(title));
        auto* inputError = child<QLabel>(&inspector, QStringLiteral("inspectInputError"));
        QVERIFY(inputError && inputError->isVisibleTo(&inspector));
        QVERIFY(!inputError->text().contains(QStringLiteral("--uri")));
        // The previous source is not replaced by one that retries a typing mistake forever.
        QVERIFY(inspector.source());
        QVERIFY(inspector.source()->provider()->description().contains(QStringLiteral("127.0.0.1")));
    }

    // Bug 7: the expiry banner counts down, Copy is off once expired, Close/Esc close, long errors wrap.
    void inspectorCountsDownAndCloses()
    {
        auto* inspector = new CredentialInspector(&m_sb.clock);
        inspector->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<CredentialInspector> guard(inspector);
        inspector->setUseTray(false);
        inspector->setWarnBeforeExpirySeconds(10 * 60);
        CredentialSource::Options options;
        options.checkIntervalMs = 20;
        options.backoffInitialMs = 60'000;
        options.backoffMaxMs = 120'000;
        options.staleWindowSecs = 60;
        inspector->setSourceOptions(options);
        const QDateTime expiry = m_sb.clock.nowUtc().addSecs(5 * 60);
        inspector->inspectProvider(
            new StaticCredentialProvider(Credential(QStringLiteral("STS.TestKeyId0001"),
                                                    QStringLiteral("test-secret-value"), QStringLiteral("test-token"),
                                                    expiry, QStringLiteral("test")),
                                         QStringLiteral("static")),
            QStringLiteral("test credential"));
        inspector->show();
        auto* banner = child<QLabel>(inspector, QStringLiteral("inspectorBannerLabel"));
        QTRY_VERIFY(banner->isVisible());
        const QString first = banner->text();
        m_sb.clock.advanceSecond(3 * 60);
        inspector->refreshView();
        QVERIFY2(banner->text() != first, qPrintable(banner->text()));
        m_sb.clock.advanceSecond(3 * 60);
        inspector->refreshView();
        QVERIFY(!child<QPushButton>(inspector, QStringLiteral("copySecretButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(inspector, QStringLiteral("copyTokenButton"))->isEnabled());
        QVERIFY(insideScreen(inspector));
        // A long error wraps instead of widening the window.
        inspector->inspectProvider(new FailingCredentialProvider(QStringLiteral("test"), QStringLiteral("test"),
                                                                 QStringLiteral("{\"Code\":\"x\",\"Message\":\"") +
                                                                     QString(600, QLatin1Char('y')) +
                                                                     QStringLiteral("\"}")),
                                   QStringLiteral("failing"));
        QTest::qWait(100);
        QVERIFY2(inspector->minimumSizeHint().width() <= inspector->screen()->availableGeometry().width(),
                 qPrintable(QString::number(inspector->minimumSizeHint().width())));
        auto* close = child<QDialogButtonBox>(inspector, QStringLiteral("inspectorButtons"));
        QVERIFY(close && close->button(QDialogButtonBox::Close));
        QTest::keyClick(inspector, Qt::Key_Escape);
        QTRY_VERIFY(guard.isNull());
    }

    // Bug 10: a keychain that never answers times out with a message, and the form is usable again.
    void keychainThatNeverAnswersTimesOut()
    {
        SilentKeychain keychain;
        SettingsDialog dialog(AppSettings(), &keychain);
        dialog.setKeychainTimeoutMs(100);
        child<QLineEdit>(&dialog, QStringLiteral("settingsAkName"))->setText(QStringLiteral("ops"));
        child<QLineEdit>(&dialog, QStringLiteral("settingsAkId"))->setText(QStringLiteral("LTAI5tExampleKeyId"));
        child<QLineEdit>(&dialog, QStringLiteral("settingsAkSecret"))->setText(QStringLiteral("example-secret"));
        auto* add = child<QPushButton>(&dialog, QStringLiteral("settingsAkAdd"));
        add->click();
        QVERIFY(!add->isEnabled());
        auto* status = child<QLabel>(&dialog, QStringLiteral("settingsKeychainStatus"));
        QTRY_VERIFY(add->isEnabled());
        QVERIFY2(status->text().contains(QStringLiteral("did not answer")), qPrintable(status->text()));
        // A late answer after the time-out is not taken as stored silently.
        keychain.m_pending(KeychainStore::Result::Ok, {});
        QVERIFY(dialog.settings().accessKeyProfiles.isEmpty());
    }

    // Bug 5: banner and table colours readable in a light and a dark palette.
    void coloursHoldInADarkPalette()
    {
        for (const QPalette& palette : {QPalette(QColor(0xef, 0xef, 0xef)), darkPalette()}) {
            for (bool danger : {true, false}) {
                const UiUtil::BannerColours c = UiUtil::bannerColours(palette, danger);
                QVERIFY2(contrast(c.text, c.background) >= 4.5,
                         qPrintable(c.text.name() + QStringLiteral(" on ") + c.background.name()));
            }
            const QColor publicColour = EnvironmentTableModel::publicColour(palette);
            QVERIFY2(contrast(publicColour, palette.color(QPalette::Base)) >= 4.5, qPrintable(publicColour.name()));
            QVERIFY(contrast(publicColour, palette.color(QPalette::AlternateBase)) >= 4.0);
            // The bulk and fix dialogs' outcomes ("Changed" was dark green on the dark palette's near-black).
            using Tone = EnvironmentTableModel::Tone;
            for (Tone tone : {Tone::Good, Tone::Busy, Tone::Bad}) {
                const QColor c = EnvironmentTableModel::toneColour(tone, palette);
                QVERIFY2(contrast(c, palette.color(QPalette::Base)) >= 4.5, qPrintable(c.name()));
                QVERIFY2(contrast(c, palette.color(QPalette::AlternateBase)) >= 4.0, qPrintable(c.name()));
            }
        }
        // The confirmation check box inside a banner takes the banner's text colour, not the palette's white.
        QVERIFY(UiUtil::bannerStyle(darkPalette(), false).contains(QStringLiteral("QCheckBox")));
    }

    // Help menu: About names the version, the licence, Qt's version and the project's home; shortcuts listed.
    void helpMenuHasAboutShortcutsAndDocs()
    {
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("actionDocs")));
        auto* aboutAction = m_window->findChild<QAction*>(QStringLiteral("actionAbout"));
        QVERIFY(aboutAction);
        aboutAction->trigger();
        auto* about = child<QMessageBox>(m_window.get(), QStringLiteral("aboutDialog"));
        QVERIFY(about);
        const QString text = about->text();
        for (const QString& part : {QCoreApplication::applicationVersion(), QStringLiteral("Apache-2.0"),
                                    QString::fromLatin1(qVersion()), QStringLiteral("https://github.com/roledesk")})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" missing from: ") + text));
        about->close();
        auto* shortcutsAction = m_window->findChild<QAction*>(QStringLiteral("actionShortcuts"));
        QVERIFY(shortcutsAction);
        shortcutsAction->trigger();
        auto* keys = child<QMessageBox>(m_window.get(), QStringLiteral("shortcutsDialog"));
        QVERIFY(keys);
        QVERIFY(keys->text().contains(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText)));
        keys->close();
    }

    // Keyboard: Down in the filter goes to the results, Enter on a row opens Change role, Esc in the filter
    // clears it, Tab leaves the table instead of walking its cells.
    void keyboardMovesBetweenFilterAndTable()
    {
        auto* edit = child<QLineEdit>(m_window.get(), QStringLiteral("filterEdit"));
        QTableView* table = m_window->table();
        m_window->activateWindow();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("lab_"));
        QTRY_VERIFY(m_window->filterModel()->rowCount() < m_window->environmentModel()->rowCount());
        QTest::keyClick(edit, Qt::Key_Down);
        QTRY_VERIFY(table->hasFocus());
        QVERIFY(table->currentIndex().isValid());
        QVERIFY(!table->tabKeyNavigation());
        QTest::keyClick(table, Qt::Key_Return);
        auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("roleDialog"));
        QVERIFY(dialog && dialog->isVisible());
        dialog->reject();
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(edit->text().isEmpty());
        QTRY_COMPARE(m_window->filterModel()->rowCount(), m_window->environmentModel()->rowCount());
    }

    // Filtering keeps a visible selection: the selected environment, while it still matches, stays selected and is
    // scrolled into view; once the filter hides it, the first row that remains is selected, so the details pane never
    // describes an environment the table does not show.
    void filteringKeepsAVisibleSelection()
    {
        QTableView* table = m_window->table();
        const auto currentId = [this, table] {
            const QModelIndex current = table->currentIndex();
            if (!current.isValid())
                return QString();
            return m_window->environmentModel()
                ->environmentAt(m_window->filterModel()->mapToSource(current).row())
                .instanceId;
        };
        const auto inView = [table] {
            return table->viewport()->rect().intersects(table->visualRect(table->currentIndex()));
        };
        auto* title = child<QLabel>(m_window.get(), QStringLiteral("detailsTitle"));
        // The last row in the table's order, out of view in the unfiltered table.
        const QModelIndex last = m_window->filterModel()->index(m_window->filterModel()->rowCount() - 1, 0);
        const Environment chosen =
            m_window->environmentModel()->environmentAt(m_window->filterModel()->mapToSource(last).row());
        QVERIFY(m_window->selectEnvironment(chosen.instanceId));
        table->scrollToTop();
        auto* edit = child<QLineEdit>(m_window.get(), QStringLiteral("filterEdit"));
        // A filter that still matches it (its owner, shared with other rows).
        edit->setText(chosen.ownerName.isEmpty() ? chosen.ownerId : chosen.ownerName);
        QTRY_VERIFY(m_window->filterModel()->rowCount() < m_window->environmentModel()->rowCount());
        QCOMPARE(currentId(), chosen.instanceId);
        QVERIFY(table->selectionModel()->isRowSelected(table->currentIndex().row(), {}));
        QVERIFY(inView());
        // A filter that hides it: the first remaining row takes the selection and the details pane.
        edit->setText(QStringLiteral("no-such-environment-") + chosen.instanceId);
        QTRY_COMPARE(m_window->filterModel()->rowCount(), 0);
        QTRY_VERIFY2(!title->text().contains(chosen.instanceName), qPrintable(title->text()));
        edit->setText(m_window->environmentModel()->environments().front().instanceName);
        QTRY_VERIFY(m_window->filterModel()->rowCount() > 0);
        QTRY_VERIFY(!currentId().isEmpty());
        QVERIFY(currentId() != chosen.instanceId);
        QVERIFY(table->selectionModel()->isRowSelected(table->currentIndex().row(), {}));
        QVERIFY(inView());
        const Environment shown = m_window->environmentModel()->environmentAt(
            m_window->filterModel()->mapToSource(table->currentIndex()).row());
        QTRY_VERIFY2(title->text().contains(shown.instanceName), qPrintable(title->text()));
    }

    // Feedback: a role change says so in the status bar, and the changed row stays selected.
    void roleChangeIsReportedInTheStatusBar()
    {
        const Environment env = m_window->environmentModel()->environments().front();
        QVERIFY(m_window->selectEnvironment(env.instanceId));
        Environment changed = env;
        changed.role = env.role.isNone() ? RoleAssociation::dataWorksDefault() : RoleAssociation::none();
        m_window->reportRoleChange(env, changed);
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(env.instanceName) && message.contains(changed.role.displayText()),
                 qPrintable(message));
        QCOMPARE(m_window->currentEnvironment()->instanceId, env.instanceId);
    }

    // Visibility records are a security control: lowering one asks first, and every change is audited and shown.
    void loweringAVisibilityRecordAsksAndIsAudited()
    {
        QString id;
        for (const Environment& env : m_window->environmentModel()->environments())
            if (m_sb.visibility->visibility(env.instanceId) == Visibility::Public && env.role.hasRole())
                id = env.instanceId;
        QVERIFY(!id.isEmpty());
        QVERIFY(m_window->selectEnvironment(id));
        const int risky = m_window->riskyCount();
        auto* combo = child<QComboBox>(m_window.get(), QStringLiteral("detailsVisibility"));
        const int privateIndex = combo->findData(int(Visibility::Private));
        combo->setCurrentIndex(privateIndex);
        Q_EMIT combo->activated(privateIndex);
        auto* confirm = m_window->findChild<QMessageBox*>(QStringLiteral("visibilityConfirm"));
        QVERIFY(confirm && confirm->isVisible());
        QCOMPARE(m_sb.visibility->visibility(id), Visibility::Public); // nothing changed before the answer
        confirm->button(QMessageBox::Yes)->click();
        QCOMPARE(m_sb.visibility->visibility(id), Visibility::Private);
        QCOMPARE(m_window->riskyCount(), risky - 1);
        AuditQuery query;
        query.instanceId = id;
        const QList<AuditEntry> entries = m_sb.audit->query(query);
        QVERIFY(!entries.isEmpty());
        QVERIFY2(entries.last().toRole.contains(QStringLiteral("private")), qPrintable(entries.last().toRole));
        QCOMPARE(entries.last().actor, m_sb.session->auditActor());
        auto* recordLabel = child<QLabel>(m_window.get(), QStringLiteral("detail_visibilityRecord"));
        QVERIFY(recordLabel);
        const QString recorded = recordLabel->text();
        QVERIFY2(recorded.contains(m_sb.session->auditActor()), qPrintable(recorded));
        // Raising protection back needs no question.
        const int publicIndex = combo->findData(int(Visibility::Public));
        combo->setCurrentIndex(publicIndex);
        Q_EMIT combo->activated(publicIndex);
        QCOMPARE(m_sb.visibility->visibility(id), Visibility::Public);
    }

    // A readable table: ids never cut, columns chosen from the header's menu, an empty-result state, and a
    // details pane that can be hidden.
    void tableReadsWell()
    {
        QTableView* table = m_window->table();
        const QFontMetrics metrics = table->fontMetrics();
        int longest = 0;
        for (const Environment& env : m_window->environmentModel()->environments())
            longest = qMax(longest, metrics.horizontalAdvance(env.instanceId));
        QVERIFY2(table->columnWidth(EnvironmentTableModel::IdColumn) >= longest + 8,
                 qPrintable(
                     QStringLiteral("%1 < %2").arg(table->columnWidth(EnvironmentTableModel::IdColumn)).arg(longest)));
        auto* columns = m_window->findChild<QMenu*>(QStringLiteral("columnMenu"));
        QVERIFY(columns);
        auto* owner =
            columns->findChild<QAction*>(QStringLiteral("columnAction_%1").arg(EnvironmentTableModel::OwnerColumn));
        QVERIFY(owner);
        owner->trigger();
        QVERIFY(table->horizontalHeader()->isSectionHidden(EnvironmentTableModel::OwnerColumn));
        owner->trigger();
        QVERIFY(!table->horizontalHeader()->isSectionHidden(EnvironmentTableModel::OwnerColumn));
        auto* empty = child<QLabel>(m_window.get(), QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(!empty->isVisible());
        QTest::keyClicks(child<QLineEdit>(m_window.get(), QStringLiteral("filterEdit")), QStringLiteral("no-such-env"));
        QTRY_COMPARE(m_window->filterModel()->rowCount(), 0);
        QVERIFY(empty->isVisible());
        auto* details = m_window->findChild<QAction*>(QStringLiteral("actionShowDetails"));
        QVERIFY(details);
        details->trigger();
        QVERIFY(!child<QWidget>(m_window.get(), QStringLiteral("detailsPane"))->isVisible());
    }

    // Feedback on Copy and Reveal: visible countdowns to the clipboard clearing and the secret hiding again.
    void copyAndRevealCountDown()
    {
        CredentialInspector inspector(&m_sb.clock);
        inspector.setUseTray(false);
        inspector.inspectProvider(
            new StaticCredentialProvider(Credential(QStringLiteral("STS.TestKeyId0002"),
                                                    QStringLiteral("test-secret-two"), QStringLiteral("test-token-two"),
                                                    m_sb.clock.nowUtc().addSecs(3600), QStringLiteral("test")),
                                         QStringLiteral("static")),
            QStringLiteral("test credential"));
        inspector.show();
        QTRY_VERIFY(inspector.source()->hasResult());
        auto* copy = child<QPushButton>(&inspector, QStringLiteral("copySecretButton"));
        QTRY_VERIFY(copy->isEnabled());
        copy->click();
        auto* status = child<QLabel>(&inspector, QStringLiteral("copyStatus"));
        QVERIFY(status);
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("30")), qPrintable(status->text()));
        auto* reveal = child<QPushButton>(&inspector, QStringLiteral("revealButton"));
        reveal->click();
        QVERIFY(inspector.isRevealed());
        QVERIFY2(reveal->text().contains(QStringLiteral("10")) &&
                     reveal->text() != QCoreApplication::translate("CredentialInspector", "Reveal for 10 s"),
                 qPrintable(reveal->text()));
        inspector.clipboard()->clearNow();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_sb.session.reset();
        m_sb.sandbox->stop();
    }
};

QTEST_MAIN(TestFirstUse)
#include "test_firstuse.moc"
