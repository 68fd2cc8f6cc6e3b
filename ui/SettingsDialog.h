#pragma once

#include "AppSettings.h"

#include <QDialog>

class KeychainStore;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

// Profiles, region, endpoints, proxy, refresh and warning thresholds, language. Plain settings go
// to QSettings (AppSettings); an AccessKey pair's secret goes only to the OS keychain, and when no
// keychain is available the dialog says so and stores nothing.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // How long to wait for the OS keychain before saying it did not answer.
    void setKeychainTimeoutMs(int ms) { m_keychainTimeoutMs = ms; }
    SettingsDialog(const AppSettings& settings, KeychainStore* keychain, QWidget* parent = nullptr);

    AppSettings settings() const;

private:
    void addAccessKey();
    void removeAccessKey();
    void validateAndAccept();

    AppSettings m_settings;
    KeychainStore* m_keychain;
    QComboBox* m_region;
    QLineEdit* m_endpoint;
    QLineEdit* m_dataWorksEndpoint;
    QLineEdit* m_stsEndpoint;
    QLineEdit* m_ramEndpoint;
    QLineEdit* m_maxComputeEndpoint;
    QLineEdit* m_proxy;
    QLineEdit* m_caBundle;
    QSpinBox* m_staleWindow;
    QSpinBox* m_warnBefore;
    QComboBox* m_language;
    QListWidget* m_accessKeys;
    QLineEdit* m_akName;
    QLineEdit* m_akId;
    QLineEdit* m_akSecret;
    QPushButton* m_akAdd;
    int m_keychainTimeoutMs = 20'000;
    quint64 m_keychainAttempt = 0; // answers to an older (timed-out) attempt are not taken
    QPushButton* m_akRemove;
    QLabel* m_keychainStatus;
};
