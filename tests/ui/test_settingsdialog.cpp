// SettingsDialog: values round-trip through AppSettings and QSettings, no secret reaches the settings
// file, and storing an AccessKey pair either lands in the OS keychain or is refused in plain words
// (never written anywhere else).
#include "AppSettings.h"
#include "KeychainStore.h"
#include "SettingsDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void valuesRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("roledesk.ini"));
        AppSettings initial;
        initial.accessKeyProfiles.append(
            {ConnectionProfile::Kind::AccessKey, QStringLiteral("ops"), QStringLiteral("LTAI5tExampleKeyId")});
        KeychainStore keychain(QStringLiteral("RoleDeskTest"));
        SettingsDialog dialog(initial, &keychain);
        dialog.findChild<QComboBox*>(QStringLiteral("settingsRegion"))->setCurrentText(QStringLiteral("eu-central-1"));
        dialog.findChild<QLineEdit*>(QStringLiteral("settingsEndpoint"))
            ->setText(QStringLiteral("https://gw.example.com"));
        dialog.findChild<QLineEdit*>(QStringLiteral("settingsProxy"))
            ->setText(QStringLiteral("http://user:hunter2pass@proxy.example.com:3128"));
        dialog.findChild<QSpinBox*>(QStringLiteral("settingsStaleWindow"))->setValue(20);
        dialog.findChild<QSpinBox*>(QStringLiteral("settingsWarnBefore"))->setValue(5);
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("settingsLanguage"));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        const AppSettings chosen = dialog.settings();
        QCOMPARE(chosen.region, QStringLiteral("eu-central-1"));
        QCOMPARE(chosen.endpointOverride, QUrl(QStringLiteral("https://gw.example.com")));
        QCOMPARE(chosen.staleWindowMinutes, 20);
        QCOMPARE(chosen.warnBeforeExpiryMinutes, 5);
        QCOMPARE(chosen.language, QStringLiteral("zh_CN"));
        QCOMPARE(chosen.proxy.host(), QStringLiteral("proxy.example.com"));
        QVERIFY(chosen.proxy.password().isEmpty());
        {
            QSettings settings(path, QSettings::IniFormat);
            chosen.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const AppSettings reread = AppSettings::load(settings);
        QCOMPARE(reread.region, chosen.region);
        QCOMPARE(reread.proxy, chosen.proxy);
        QCOMPARE(reread.accessKeyProfiles.size(), 1);
        QCOMPARE(reread.accessKeyProfiles.first().accessKeyId, QStringLiteral("LTAI5tExampleKeyId"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("hunter2pass"));
    }

    void profileIds()
    {
        for (const ConnectionProfile& p :
             {ConnectionProfile{ConnectionProfile::Kind::DefaultChain, {}, {}},
              ConnectionProfile{ConnectionProfile::Kind::CliProfile, QStringLiteral("dev"), {}},
              ConnectionProfile{ConnectionProfile::Kind::IniProfile, QStringLiteral("prod"), {}},
              ConnectionProfile{ConnectionProfile::Kind::AccessKey, QStringLiteral("ops"), {}}})
            QCOMPARE(ConnectionProfile::fromId(p.id()), p);
    }

    // Settings files of earlier versions keep working: the GUI's own "cli:<name>" id (core's factory says
    // "profile:<name>") is read and kept in today's spelling; the other ids are unchanged.
    void earlierProfileIdsStillWork()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("roledesk.ini"));
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(QStringLiteral("connection/profile"), QStringLiteral("cli:dev"));
        }
        QSettings settings(path, QSettings::IniFormat);
        const AppSettings loaded = AppSettings::load(settings);
        QCOMPARE(loaded.currentProfile, QStringLiteral("profile:dev"));
        const ConnectionProfile profile = ConnectionProfile::fromId(QStringLiteral("cli:dev"));
        QCOMPARE(profile.kind, ConnectionProfile::Kind::CliProfile);
        QCOMPARE(profile.name, QStringLiteral("dev"));
        QCOMPARE(profile.id(), QStringLiteral("profile:dev"));
        for (const QString& id : {QStringLiteral("chain"), QStringLiteral("ini:prod"), QStringLiteral("ak:ops")}) {
            settings.setValue(QStringLiteral("connection/profile"), id);
            QCOMPARE(AppSettings::load(settings).currentProfile, id);
        }
        // Saved in today's spelling.
        loaded.save(settings);
        QCOMPARE(settings.value(QStringLiteral("connection/profile")).toString(), QStringLiteral("profile:dev"));
        // Nothing saved: the default chain.
        QSettings empty(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(empty).currentProfile, QStringLiteral("chain"));
    }

    // One function turns the settings into endpoints (the main window's connection and roledesk --inspect both use
    // it): the region, the one override URL and every per-service override.
    void endpointsComeFromOneFunction()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("roledesk.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("connection/region"), QStringLiteral("cn-shanghai"));
        settings.setValue(QStringLiteral("connection/endpoint"), QUrl(QStringLiteral("https://gw.example.com")));
        settings.setValue(QStringLiteral("connection/endpointSts"), QUrl(QStringLiteral("https://sts.example.com")));
        settings.setValue(QStringLiteral("connection/endpointMaxCompute"),
                          QUrl(QStringLiteral("https://odps.example.com/api")));
        const Endpoints endpoints = AppSettings::load(settings).endpoints();
        QCOMPARE(endpoints.region(), QStringLiteral("cn-shanghai"));
        QCOMPARE(endpoints.endpointOverride(), QUrl(QStringLiteral("https://gw.example.com")));
        QCOMPARE(endpoints.baseUrl(ApiService::Sts).host(), QStringLiteral("sts.example.com"));
        QCOMPARE(endpoints.baseUrl(ApiService::MaxCompute), QUrl(QStringLiteral("https://odps.example.com/api")));
        QCOMPARE(endpoints.baseUrl(ApiService::DataWorks).host(), QStringLiteral("gw.example.com"));
        QCOMPARE(endpoints.baseUrl(ApiService::Ram).host(), QStringLiteral("gw.example.com"));
        // Without any override: the public endpoints of the region.
        QCOMPARE(AppSettings().endpoints().baseUrl(ApiService::DataWorks).host(),
                 QStringLiteral("dataworks.cn-hangzhou.aliyuncs.com"));
    }

    void accessKeyGoesToTheKeychainOrIsRefused()
    {
        const QString secret = QStringLiteral("SettingsTestSecretValue9x7");
        KeychainStore keychain(QStringLiteral("RoleDeskTest"));
        SettingsDialog dialog(AppSettings(), &keychain);
        dialog.findChild<QLineEdit*>(QStringLiteral("settingsAkName"))->setText(QStringLiteral("test-pair"));
        dialog.findChild<QLineEdit*>(QStringLiteral("settingsAkId"))->setText(QStringLiteral("LTAI5tSettingsTest"));
        auto* secretEdit = dialog.findChild<QLineEdit*>(QStringLiteral("settingsAkSecret"));
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        secretEdit->setText(secret);
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("settingsKeychainStatus"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("settingsAkAdd")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains(QStringLiteral("Storing")) && !status->text().isEmpty(),
                                 15000);
        const AppSettings result = dialog.settings();
        if (status->text().startsWith(QStringLiteral("Stored"))) {
            // A keyring is running (scripts/test.sh): the pair is listed, the secret field is emptied.
            QCOMPARE(result.accessKeyProfiles.size(), 1);
            QVERIFY(secretEdit->text().isEmpty());
            bool done = false;
            keychain.removeSecret(result.accessKeyProfiles.first().keychainAccount(),
                                  [&](KeychainStore::Result, const QString&) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        } else {
            // No keyring: refused in plain words, nothing listed.
            QVERIFY2(status->text().contains(QStringLiteral("plain text")) ||
                         status->text().contains(QStringLiteral("keychain")),
                     qPrintable(status->text()));
            QVERIFY(result.accessKeyProfiles.isEmpty());
        }
        QVERIFY(!status->text().contains(secret));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "test_settingsdialog.moc"
