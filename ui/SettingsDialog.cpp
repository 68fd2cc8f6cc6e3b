#include "SettingsDialog.h"

#include "KeychainStore.h"
#include "UiUtil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QUrl urlFrom(const QLineEdit* edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl::fromUserInput(text);
}
} // namespace

SettingsDialog::SettingsDialog(const AppSettings& settings, KeychainStore* keychain, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_keychain(keychain)
{
    setWindowTitle(tr("RoleDesk Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* tabs = new QTabWidget(this);
    UiUtil::name(tabs, QStringLiteral("settingsTabs"), tr("Settings sections"));

    // Connection
    auto* connection = new QWidget(tabs);
    auto* form = new QFormLayout(connection);
    m_region = new QComboBox(connection);
    m_region->setEditable(true);
    m_region->addItems({QStringLiteral("cn-hangzhou"), QStringLiteral("cn-shanghai"), QStringLiteral("cn-beijing"),
                        QStringLiteral("cn-shenzhen"), QStringLiteral("ap-southeast-1"), QStringLiteral("eu-central-1"),
                        QStringLiteral("us-east-1")});
    m_region->setCurrentText(settings.region);
    UiUtil::name(m_region, QStringLiteral("settingsRegion"), tr("Region"));
    form->addRow(tr("&Region:"), m_region);
    const auto urlEdit = [&](const QString& objectName, const QString& accessible, const QUrl& value) {
        auto* edit = new QLineEdit(value.toString(), connection);
        edit->setPlaceholderText(tr("default public endpoint"));
        edit->setClearButtonEnabled(true);
        UiUtil::name(edit, objectName, accessible);
        return edit;
    };
    m_endpoint =
        urlEdit(QStringLiteral("settingsEndpoint"), tr("Endpoint for every service"), settings.endpointOverride);
    m_endpoint->setToolTip(tr("One URL that serves every API (a private gateway or the sandbox). "
                              "Plain HTTP is accepted only for loopback addresses."));
    form->addRow(tr("&Endpoint (all services):"), m_endpoint);
    m_dataWorksEndpoint =
        urlEdit(QStringLiteral("settingsEndpointDataWorks"), tr("DataWorks endpoint"), settings.dataWorksEndpoint);
    form->addRow(tr("DataWorks endpoint:"), m_dataWorksEndpoint);
    m_stsEndpoint = urlEdit(QStringLiteral("settingsEndpointSts"), tr("STS endpoint"), settings.stsEndpoint);
    form->addRow(tr("STS endpoint:"), m_stsEndpoint);
    m_ramEndpoint = urlEdit(QStringLiteral("settingsEndpointRam"), tr("RAM endpoint"), settings.ramEndpoint);
    form->addRow(tr("RAM endpoint:"), m_ramEndpoint);
    m_maxComputeEndpoint =
        urlEdit(QStringLiteral("settingsEndpointMaxCompute"), tr("MaxCompute endpoint"), settings.maxComputeEndpoint);
    form->addRow(tr("MaxCompute endpoint:"), m_maxComputeEndpoint);
    m_proxy = new QLineEdit(settings.proxy.toString(), connection);
    m_proxy->setPlaceholderText(tr("system proxy settings"));
    m_proxy->setToolTip(tr("http://host:port. Never used for loopback or link-local addresses. A password in "
                           "the URL is not saved."));
    UiUtil::name(m_proxy, QStringLiteral("settingsProxy"), tr("Proxy"));
    form->addRow(tr("&Proxy:"), m_proxy);
    m_caBundle = new QLineEdit(settings.caBundle, connection);
    m_caBundle->setPlaceholderText(tr("$SSL_CERT_FILE, else the system's certificates"));
    m_caBundle->setToolTip(tr("A PEM file of extra certificate authorities for every HTTPS connection (a "
                              "TLS-inspecting corporate proxy). Applies from the next start."));
    UiUtil::name(m_caBundle, QStringLiteral("settingsCaBundle"), tr("CA bundle"));
    form->addRow(tr("CA &bundle:"), m_caBundle);
    tabs->addTab(connection, tr("Connection"));

    // Credentials
    auto* credentials = new QWidget(tabs);
    auto* credForm = new QFormLayout(credentials);
    m_staleWindow = new QSpinBox(credentials);
    m_staleWindow->setRange(1, 60);
    m_staleWindow->setSuffix(tr(" min"));
    m_staleWindow->setValue(settings.staleWindowMinutes);
    UiUtil::name(m_staleWindow, QStringLiteral("settingsStaleWindow"), tr("Refresh before expiry, minutes"));
    credForm->addRow(tr("Refresh &before expiry:"), m_staleWindow);
    m_warnBefore = new QSpinBox(credentials);
    m_warnBefore->setRange(1, 120);
    m_warnBefore->setSuffix(tr(" min"));
    m_warnBefore->setValue(settings.warnBeforeExpiryMinutes);
    UiUtil::name(m_warnBefore, QStringLiteral("settingsWarnBefore"), tr("Warn before expiry, minutes"));
    credForm->addRow(tr("&Warn before expiry:"), m_warnBefore);
    tabs->addTab(credentials, tr("Credentials"));

    // Stored AccessKey pairs
    auto* keys = new QWidget(tabs);
    auto* keysLayout = new QVBoxLayout(keys);
    auto* keysNote = new QLabel(tr("AccessKey secrets are kept only in the OS keychain, never in RoleDesk's "
                                   "settings file. Prefer short-lived credentials where you can."),
                                keys);
    keysNote->setWordWrap(true);
    keysLayout->addWidget(keysNote);
    m_accessKeys = new QListWidget(keys);
    UiUtil::name(m_accessKeys, QStringLiteral("settingsAccessKeys"), tr("Stored AccessKey pairs"));
    for (const ConnectionProfile& p : settings.accessKeyProfiles)
        m_accessKeys->addItem(p.name + QStringLiteral("  (") + p.accessKeyId.left(4) + QStringLiteral("****)"));
    keysLayout->addWidget(m_accessKeys);
    auto* addForm = new QFormLayout;
    m_akName = new QLineEdit(keys);
    UiUtil::name(m_akName, QStringLiteral("settingsAkName"), tr("AccessKey pair label"));
    addForm->addRow(tr("&Label:"), m_akName);
    m_akId = new QLineEdit(keys);
    UiUtil::name(m_akId, QStringLiteral("settingsAkId"), tr("AccessKey ID"));
    addForm->addRow(tr("AccessKey &ID:"), m_akId);
    m_akSecret = new QLineEdit(keys);
    m_akSecret->setEchoMode(QLineEdit::Password);
    UiUtil::name(m_akSecret, QStringLiteral("settingsAkSecret"), tr("AccessKey secret"));
    addForm->addRow(tr("AccessKey &secret:"), m_akSecret);
    keysLayout->addLayout(addForm);
    auto* buttons = new QHBoxLayout;
    m_akAdd = new QPushButton(tr("Store in keychain"), keys);
    UiUtil::name(m_akAdd, QStringLiteral("settingsAkAdd"), tr("Store the AccessKey pair in the OS keychain"));
    m_akRemove = new QPushButton(tr("Remove"), keys);
    UiUtil::name(m_akRemove, QStringLiteral("settingsAkRemove"), tr("Remove the selected AccessKey pair"));
    buttons->addWidget(m_akAdd);
    buttons->addWidget(m_akRemove);
    buttons->addStretch();
    keysLayout->addLayout(buttons);
    m_keychainStatus = new QLabel(keys);
    m_keychainStatus->setWordWrap(true);
    UiUtil::name(m_keychainStatus, QStringLiteral("settingsKeychainStatus"), tr("Keychain status"));
    keysLayout->addWidget(m_keychainStatus);
    tabs->addTab(keys, tr("AccessKey pairs"));
    connect(m_akAdd, &QPushButton::clicked, this, &SettingsDialog::addAccessKey);
    connect(m_akRemove, &QPushButton::clicked, this, &SettingsDialog::removeAccessKey);

    // Interface
    auto* ui = new QWidget(tabs);
    auto* uiForm = new QFormLayout(ui);
    m_language = new QComboBox(ui);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文 (简体)"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    UiUtil::name(m_language, QStringLiteral("settingsLanguage"), tr("Language"));
    uiForm->addRow(tr("&Language:"), m_language);
    uiForm->addRow(new QLabel(tr("A new language applies after a restart."), ui));
    tabs->addTab(ui, tr("Interface"));

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->setObjectName(QStringLiteral("settingsButtons"));
    connect(box, &QDialogButtonBox::accepted, this, &SettingsDialog::validateAndAccept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(box);
    resize(560, 440);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_settings;
    s.region = m_region->currentText().trimmed();
    s.endpointOverride = urlFrom(m_endpoint);
    s.dataWorksEndpoint = urlFrom(m_dataWorksEndpoint);
    s.stsEndpoint = urlFrom(m_stsEndpoint);
    s.ramEndpoint = urlFrom(m_ramEndpoint);
    s.maxComputeEndpoint = urlFrom(m_maxComputeEndpoint);
    s.proxy = urlFrom(m_proxy);
    // QSettings is plain text: a proxy password typed into the URL is not kept.
    s.proxy.setPassword({});
    s.caBundle = m_caBundle->text().trimmed();
    s.staleWindowMinutes = m_staleWindow->value();
    s.warnBeforeExpiryMinutes = m_warnBefore->value();
    s.language = m_language->currentData().toString();
    return s;
}

void SettingsDialog::validateAndAccept()
{
    if (m_region->currentText().trimmed().isEmpty()) {
        m_region->setFocus();
        return;
    }
    accept();
}

void SettingsDialog::addAccessKey()
{
    const QString label = m_akName->text().trimmed();
    const QString keyId = m_akId->text().trimmed();
    const QString secret = m_akSecret->text();
    if (label.isEmpty() || keyId.isEmpty() || secret.isEmpty()) {
        m_keychainStatus->setText(tr("Enter a label, the AccessKey ID and the secret."));
        return;
    }
    ConnectionProfile profile;
    profile.kind = ConnectionProfile::Kind::AccessKey;
    profile.name = label;
    profile.accessKeyId = keyId;
    m_akAdd->setEnabled(false);
    m_keychainStatus->setText(tr("Storing in the OS keychain..."));
    // A locked keyring can wait for a password prompt nobody sees: stop waiting after a while and say so.
    const quint64 attempt = ++m_keychainAttempt;
    QTimer::singleShot(m_keychainTimeoutMs, this, [this, attempt] {
        if (attempt != m_keychainAttempt)
            return;
        ++m_keychainAttempt; // a late answer to this attempt is not taken
        m_akAdd->setEnabled(true);
        m_keychainStatus->setText(tr("The OS keychain did not answer within %n second(s); nothing was stored. "
                                     "Unlock the keyring (its password prompt may be behind another window) and "
                                     "press Add again.",
                                     nullptr, qMax(1, m_keychainTimeoutMs / 1000)));
    });
    QPointer<KeychainStore> keychain = m_keychain;
    m_keychain->writeSecret(
        profile.keychainAccount(), secret,
        [this, profile, attempt, keychain](KeychainStore::Result result, const QString& message) {
            if (attempt != m_keychainAttempt) {
                // Answered after the time-out: the user was told nothing was stored, so keep it that way.
                if (result == KeychainStore::Result::Ok && keychain)
                    keychain->removeSecret(profile.keychainAccount(), [](KeychainStore::Result, const QString&) {});
                return;
            }
            ++m_keychainAttempt;
            m_akAdd->setEnabled(true);
            if (result != KeychainStore::Result::Ok) {
                // Refuse, and keep nothing: no plain-text fallback.
                m_keychainStatus->setText(message);
                return;
            }
            m_akSecret->clear();
            m_settings.accessKeyProfiles.removeIf([&](const ConnectionProfile& p) { return p.name == profile.name; });
            m_settings.accessKeyProfiles.append(profile);
            m_accessKeys->addItem(profile.name + QStringLiteral("  (") + profile.accessKeyId.left(4) +
                                  QStringLiteral("****)"));
            m_keychainStatus->setText(tr("Stored \"%1\" in the OS keychain.").arg(profile.name));
        });
}

void SettingsDialog::removeAccessKey()
{
    const int row = m_accessKeys->currentRow();
    if (row < 0 || row >= m_settings.accessKeyProfiles.size())
        return;
    const ConnectionProfile profile = m_settings.accessKeyProfiles.at(row);
    m_keychain->removeSecret(
        profile.keychainAccount(), [this, profile](KeychainStore::Result result, const QString& message) {
            if (result != KeychainStore::Result::Ok) {
                m_keychainStatus->setText(message);
                return;
            }
            const int index = int(m_settings.accessKeyProfiles.indexOf(profile));
            if (index >= 0) {
                m_settings.accessKeyProfiles.removeAt(index);
                delete m_accessKeys->takeItem(index);
            }
            m_keychainStatus->setText(tr("Removed \"%1\" from the OS keychain.").arg(profile.name));
        });
}
