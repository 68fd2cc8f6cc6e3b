#pragma once

#include "api/CloudConnection.h"
#include "api/Endpoints.h"
#include "credentials/Credential.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialSource.h"
#include "model/Environment.h"
#include "model/IdentityCheck.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class Clock;
class CredentialProvider;
struct AppSettings;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSystemTrayIcon;
class QTimer;
class SecretClipboard;
class Session;

// Shows what a credential source hands out, live: the source, the masked key id, the secret and
// token hidden (Reveal for a few seconds; Copy clears the clipboard after 30 s), the expiration in
// local time with UTC on hover, a coarse countdown and a lifetime bar, the state in colour and words,
// the last and next refresh and the last error. "Validate" asks STS who the credential is and whether
// that matches the environment's role; "Test MaxCompute access" lists a project's tables with it.
// Everything is driven by core's CredentialSource and the injected Clock, so tests move a MockClock.
class CredentialInspector : public QWidget
{
    Q_OBJECT
public:
    enum class Method
    {
        EnvironmentService,
        Uri,
        File,
        DefaultChain
    };
    Q_ENUM(Method)

    explicit CredentialInspector(const Clock* clock, QWidget* parent = nullptr);
    ~CredentialInspector() override;

    // Admin mode: endpoints for Validate/MaxCompute come from the session.
    void setAdminSession(Session* session);
    // Standalone mode: where Validate and MaxCompute calls go. Applies to the next inspect*().
    void setEndpoints(const Endpoints& endpoints);
    // The settings' endpoints (AppSettings::endpoints(): per-service overrides included), stale window and warning
    // time, as the main window uses them. Applies to the next inspect*().
    void applySettings(const AppSettings& settings);
    // Inspect the environment's credentials; on the sandbox, serviceUri is its credentials service.
    void setEnvironment(const Environment& environment, const QUrl& serviceUri);

    void inspectUri(const QUrl& uri);
    void inspectFile(const QString& path);
    void inspectDefaultChain();
    // Any provider (takes ownership); for tests and embedding.
    void inspectProvider(CredentialProvider* provider, const QString& label);

    // Tests shorten the lifecycle timer and backoff; applies to the next inspect*().
    void setSourceOptions(const CredentialSource::Options& options) { m_sourceOptions = options; }
    void setWarnBeforeExpirySeconds(qint64 seconds) { m_warnBeforeSecs = seconds; }
    void setRevealDurationMs(int ms) { m_revealMs = ms; }
    // Tests force the in-window banner even where a tray exists.
    void setUseTray(bool useTray) { m_useTray = useTray; }

    CredentialSource* source() const { return m_source; }
    // What Validate and MaxCompute use: core's CloudConnection over the inspected source (null before inspect*()).
    CloudConnection* connection() const { return m_connection; }
    SecretClipboard* clipboard() const { return m_clipboard; }
    bool isRevealed() const { return m_revealed; }
    QString lastNotification() const { return m_lastNotification; }

    // "42 min", "1 h 5 min", "45 s": the coarse countdown rule.
    static QString countdownText(qint64 seconds);
    // The role name in an identity ARN of either form: ".../role/NAME" or ".../assumed-role/NAME/session" (core's
    // IdentityCheck::roleNameFromArn; kept here for the inspector's callers).
    static QString roleNameFromArn(const QString& arn) { return IdentityCheck::roleNameFromArn(arn); }

public Q_SLOTS:
    // Re-reads everything from the source and the clock (the periodic tick calls it too).
    void refreshView();
    void refreshNow();
    void validate();
    void testMaxCompute();
    void reveal();
    void hideSecrets();
    void copySecret();
    void copyToken();
    void startFromInputs();

protected:
    void showEvent(QShowEvent* event) override;

Q_SIGNALS:
    void notified(const QString& title, const QString& message);
    void validated(bool ok, bool matchesRole);
    void maxComputeTested(bool ok);

private:
    void buildUi();
    void attach(CloudConnection* connection, const QString& label);
    void onCredentialChanged(const Credential& credential);
    void onRefreshFailed(const CredentialError& error, const QDateTime& nextAttempt);
    void notify(const QString& title, const QString& message, bool critical);
    void showDoctor();
    Endpoints effectiveEndpoints() const;
    // What to do about a failed fetch, in plain words; empty when waiting for the next try is the answer.
    static QString adviceFor(const CredentialError& error);
    CredentialContext credentialContext() const;

    const Clock* m_clock;
    QPointer<Session> m_session;
    Endpoints m_endpoints;
    bool m_hasEndpoints = false;
    Environment m_environment;
    bool m_hasEnvironment = false;
    CredentialSource::Options m_sourceOptions;
    // The inspected source and the clients signed with it, as one connection (identity asked on Validate only).
    QPointer<CloudConnection> m_connection;
    QPointer<CredentialSource> m_source;
    QDateTime m_receivedAt; // when the current credential arrived (clock time): the lifetime bar's start
    QString m_warnedFor;    // key id we already warned about, so each credential warns once
    qint64 m_warnBeforeSecs = 10 * 60;
    int m_revealMs = 10'000;
    bool m_revealed = false;
    bool m_useTray = true;
    bool m_doctorRunning = false;
    bool m_expiryBanner = false; // the in-window banner is the expiry warning, kept counting down
    bool m_placed = false;
    QString m_lastNotification;
    QString m_sourceText; // shown instead of the credential's own source when set
    quint64 m_generation = 0;

    QComboBox* m_method;
    QLineEdit* m_target;
    QPushButton* m_inspect;
    QLabel* m_inputError;
    QLabel* m_title;
    QLabel* m_state;
    QLabel* m_sourceLabel;
    QLabel* m_keyId;
    QLineEdit* m_secret;
    QLineEdit* m_token;
    QPushButton* m_reveal;
    QLabel* m_copyStatus;
    QPushButton* m_copySecret;
    QPushButton* m_copyToken;
    QLabel* m_expiration;
    QLabel* m_countdown;
    QProgressBar* m_lifetime;
    QLabel* m_lastRefresh;
    QLabel* m_nextRefresh;
    QLabel* m_lastError;
    QFrame* m_banner;
    QLabel* m_bannerLabel;
    QPushButton* m_refresh;
    QPushButton* m_validate;
    QLabel* m_validateResult;
    QLineEdit* m_project;
    QPushButton* m_maxComputeButton;
    QLabel* m_maxComputeResult;
    QListWidget* m_tables;
    QPlainTextEdit* m_doctor;
    QTimer* m_tick;
    QTimer* m_revealTimer;
    SecretClipboard* m_clipboard;
    QSystemTrayIcon* m_tray = nullptr;
};
