#include "CredentialInspector.h"

#include "EnvironmentTableModel.h"

#include "AppIcons.h"
#include "SecretClipboard.h"
#include "Session.h"
#include "TimeText.h"
#include "UiUtil.h"

#include "AppSettings.h"
#include "api/CloudConnection.h"
#include "api/MaxComputeClient.h"
#include "api/StsClient.h"
#include "credentials/CredentialContext.h"
#include "credentials/CredentialDoctor.h"
#include "credentials/CredentialProvider.h"
#include "credentials/DefaultCredentialChain.h"
#include "credentials/FileCredentialProvider.h"
#include "credentials/UriCredentialProvider.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Redaction.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QShowEvent>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace {
// Colours from the palette in use (light or dark), contrast-checked with the table's
// (EnvironmentTableModel::toneColour).
QString stateColour(CredentialSource::State state, const QPalette& palette)
{
    using Tone = EnvironmentTableModel::Tone;
    Tone tone = Tone::Neutral;
    switch (state) {
    case CredentialSource::State::Fresh:
        tone = Tone::Good;
        break;
    case CredentialSource::State::RefreshDue:
        tone = Tone::Busy;
        break;
    case CredentialSource::State::Refreshing:
        tone = Tone::Info;
        break;
    case CredentialSource::State::Expired:
    case CredentialSource::State::Failed:
        tone = Tone::Bad;
        break;
    }
    return EnvironmentTableModel::toneColour(tone, palette).name();
}

QString toneStyle(EnvironmentTableModel::Tone tone, const QPalette& palette)
{
    return QStringLiteral("color: %1;").arg(EnvironmentTableModel::toneColour(tone, palette).name());
}

QString stateExplanation(CredentialSource::State state)
{
    switch (state) {
    case CredentialSource::State::Fresh:
        return CredentialInspector::tr("usable; refreshed automatically before it expires");
    case CredentialSource::State::RefreshDue:
        return CredentialInspector::tr("still usable, inside the refresh window; a new one is being fetched");
    case CredentialSource::State::Refreshing:
        return CredentialInspector::tr("fetching a new credential");
    case CredentialSource::State::Expired:
        return CredentialInspector::tr("expired: not usable until a refresh succeeds");
    case CredentialSource::State::Failed:
        return CredentialInspector::tr("no usable credential; retrying with backoff");
    }
    return {};
}

// Long answers (a JSON error body, a URL) have no spaces to wrap at: allow breaks after punctuation and inside
// very long runs, so a label wraps instead of widening the window past the screen.
QString wrappable(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 16);
    int run = 0;
    for (const QChar c : text) {
        out.append(c);
        run = c.isSpace() ? 0 : run + 1;
        if (!c.isSpace() && (QStringLiteral(",:/&?=}]\"").contains(c) || run >= 24)) {
            out.append(QChar(0x200B));
            run = 0;
        }
    }
    return out;
}

QLabel* valueLabel(const QString& objectName, const QString& accessible, QWidget* parent)
{
    auto* label = UiUtil::name(new QLabel(parent), objectName, accessible);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

CredentialInspector::CredentialInspector(const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock ? clock : Clock::system())
    , m_clipboard(new SecretClipboard(this))
{
    setObjectName(QStringLiteral("credentialInspector"));
    setWindowTitle(tr("Credential inspector"));
    buildUi();
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &CredentialInspector::refreshView);
    m_tick->start();
    m_revealTimer = new QTimer(this);
    m_revealTimer->setSingleShot(true);
    // Precise: a coarse timer may fire up to 5% late, and its remaining time then reads "11 s" on a 10-second reveal.
    m_revealTimer->setTimerType(Qt::PreciseTimer);
    connect(m_revealTimer, &QTimer::timeout, this, &CredentialInspector::hideSecrets);
    connect(m_clipboard, &SecretClipboard::cleared, this, &CredentialInspector::refreshView);
    refreshView();
}

CredentialInspector::~CredentialInspector()
{
    // Do not leave a secret on screen memory longer than needed, nor on the clipboard.
    m_secret->clear();
    m_token->clear();
}

void CredentialInspector::buildUi()
{
    // Everything scrolls inside the window (a small screen or 1.5x scale), the Close button stays in view.
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("inspectorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    auto* sourceRow = new QHBoxLayout;
    m_method = UiUtil::name(new QComboBox(this), QStringLiteral("inspectMethod"), tr("How to fetch the credential"));
    m_method->addItem(tr("Environment's credentials service"), int(Method::EnvironmentService));
    m_method->addItem(tr("Credentials URI"), int(Method::Uri));
    m_method->addItem(tr("Credentials file"), int(Method::File));
    m_method->addItem(tr("Default credential chain"), int(Method::DefaultChain));
    m_method->setToolTip(tr("The three methods of a DataWorks individual development environment: the "
                            "ALIBABA_CLOUD_CREDENTIALS_URI service, the file /mnt/.alibabacloud/credentials, or the "
                            "default credential chain."));
    sourceRow->addWidget(m_method);
    m_target = UiUtil::name(new QLineEdit(this), QStringLiteral("inspectTarget"), tr("URI or file path"));
    m_target->setClearButtonEnabled(true);
    sourceRow->addWidget(m_target, 1);
    m_inspect = UiUtil::name(new QPushButton(tr("Inspect"), this), QStringLiteral("inspectStartButton"),
                             tr("Fetch and inspect"));
    sourceRow->addWidget(m_inspect);
    layout->addLayout(sourceRow);
    m_inputError = UiUtil::name(new QLabel(this), QStringLiteral("inspectInputError"), tr("Input problem"));
    m_inputError->setWordWrap(true);
    m_inputError->setStyleSheet(UiUtil::bannerStyle(true));
    m_inputError->hide();
    layout->addWidget(m_inputError);
    connect(m_target, &QLineEdit::textEdited, m_inputError, &QWidget::hide);
    connect(m_inspect, &QPushButton::clicked, this, &CredentialInspector::startFromInputs);
    connect(m_target, &QLineEdit::returnPressed, this, &CredentialInspector::startFromInputs);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        const auto method = Method(m_method->currentData().toInt());
        m_target->setEnabled(method == Method::Uri || method == Method::File);
        if (method == Method::File && m_target->text().isEmpty())
            m_target->setText(FileCredentialProvider::defaultPath());
        m_target->setPlaceholderText(method == Method::Uri ? tr("http://... (empty: ALIBABA_CLOUD_CREDENTIALS_URI)")
                                                           : QString());
    });

    m_title = UiUtil::name(new QLabel(tr("Nothing inspected yet"), this), QStringLiteral("inspectorTitle"),
                           tr("What is inspected"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_banner = UiUtil::name(new QFrame(this), QStringLiteral("inspectorBanner"), tr("Credential notification"));
    m_banner->setStyleSheet(UiUtil::bannerStyle(false));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    m_bannerLabel =
        UiUtil::name(new QLabel(m_banner), QStringLiteral("inspectorBannerLabel"), tr("Credential notification text"));
    m_bannerLabel->setWordWrap(true);
    bannerLayout->addWidget(m_bannerLabel, 1);
    auto* dismiss = UiUtil::name(new QPushButton(tr("Dismiss"), m_banner), QStringLiteral("inspectorBannerDismiss"),
                                 tr("Dismiss the notification"));
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);
    bannerLayout->addWidget(dismiss);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto* credBox = new QGroupBox(tr("Credential"), this);
    auto* form = new QFormLayout(credBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_state = UiUtil::name(new QLabel(credBox), QStringLiteral("stateLabel"), tr("Credential state"));
    m_state->setTextFormat(Qt::RichText);
    form->addRow(tr("State:"), m_state);
    m_sourceLabel = valueLabel(QStringLiteral("sourceLabel"), tr("Credential source"), credBox);
    form->addRow(tr("Source:"), m_sourceLabel);
    m_keyId = valueLabel(QStringLiteral("keyIdLabel"), tr("AccessKey ID, masked"), credBox);
    form->addRow(tr("AccessKey ID:"), m_keyId);
    const auto secretField = [&](const QString& objectName, const QString& accessible) {
        auto* edit = UiUtil::name(new QLineEdit(credBox), objectName, accessible);
        edit->setReadOnly(true);
        edit->setEchoMode(QLineEdit::Password);
        // No context menu: copying goes through Copy, which clears the clipboard afterwards.
        edit->setContextMenuPolicy(Qt::NoContextMenu);
        return edit;
    };
    m_secret = secretField(QStringLiteral("secretField"), tr("AccessKey secret, hidden"));
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    m_copySecret = UiUtil::name(new QPushButton(tr("Copy"), credBox), QStringLiteral("copySecretButton"),
                                tr("Copy the AccessKey secret"));
    m_copySecret->setToolTip(tr("The clipboard is cleared after 30 seconds if it still holds the secret."));
    secretRow->addWidget(m_copySecret);
    form->addRow(tr("AccessKey secret:"), secretRow);
    m_token = secretField(QStringLiteral("tokenField"), tr("Security token, hidden"));
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    m_copyToken = UiUtil::name(new QPushButton(tr("Copy"), credBox), QStringLiteral("copyTokenButton"),
                               tr("Copy the security token"));
    m_copyToken->setToolTip(m_copySecret->toolTip());
    tokenRow->addWidget(m_copyToken);
    form->addRow(tr("Security token:"), tokenRow);
    m_reveal = UiUtil::name(new QPushButton(tr("Reveal for 10 s"), credBox), QStringLiteral("revealButton"),
                            tr("Reveal the secret and token for ten seconds"));
    form->addRow(QString(), m_reveal);
    m_copyStatus = UiUtil::name(new QLabel(credBox), QStringLiteral("copyStatus"), tr("Clipboard countdown"));
    m_copyStatus->setWordWrap(true);
    m_copyStatus->hide();
    form->addRow(QString(), m_copyStatus);
    connect(m_reveal, &QPushButton::clicked, this, &CredentialInspector::reveal);
    connect(m_copySecret, &QPushButton::clicked, this, &CredentialInspector::copySecret);
    connect(m_copyToken, &QPushButton::clicked, this, &CredentialInspector::copyToken);

    m_expiration = valueLabel(QStringLiteral("expirationLabel"), tr("Expiration"), credBox);
    form->addRow(tr("Expires:"), m_expiration);
    auto* countdownRow = new QHBoxLayout;
    m_countdown = valueLabel(QStringLiteral("countdownLabel"), tr("Time left"), credBox);
    m_countdown->setMinimumWidth(110);
    countdownRow->addWidget(m_countdown);
    m_lifetime = UiUtil::name(new QProgressBar(credBox), QStringLiteral("lifetimeBar"), tr("Remaining lifetime"));
    m_lifetime->setRange(0, 1000);
    m_lifetime->setTextVisible(false);
    m_lifetime->setMaximumHeight(14);
    countdownRow->addWidget(m_lifetime, 1);
    form->addRow(tr("Time left:"), countdownRow);
    m_lastRefresh = valueLabel(QStringLiteral("lastRefreshLabel"), tr("Last refresh"), credBox);
    form->addRow(tr("Last refresh:"), m_lastRefresh);
    m_nextRefresh = valueLabel(QStringLiteral("nextRefreshLabel"), tr("Next refresh"), credBox);
    form->addRow(tr("Next refresh:"), m_nextRefresh);
    m_lastError = valueLabel(QStringLiteral("lastErrorLabel"), tr("Last error"), credBox);
    form->addRow(tr("Last error:"), m_lastError);
    m_refresh = UiUtil::name(new QPushButton(tr("Refresh now"), credBox), QStringLiteral("refreshButton"),
                             tr("Fetch a new credential now"));
    connect(m_refresh, &QPushButton::clicked, this, &CredentialInspector::refreshNow);
    form->addRow(QString(), m_refresh);
    layout->addWidget(credBox);

    auto* checks = new QGroupBox(tr("Live checks with this credential"), this);
    auto* grid = new QGridLayout(checks);
    m_validate = UiUtil::name(new QPushButton(tr("Validate"), checks), QStringLiteral("validateButton"),
                              tr("Validate with STS GetCallerIdentity"));
    m_validate->setToolTip(tr("Calls STS GetCallerIdentity with this credential."));
    connect(m_validate, &QPushButton::clicked, this, &CredentialInspector::validate);
    grid->addWidget(m_validate, 0, 0);
    m_validateResult = valueLabel(QStringLiteral("validateResult"), tr("Validation result"), checks);
    grid->addWidget(m_validateResult, 0, 1, 1, 2);
    m_project = UiUtil::name(new QLineEdit(checks), QStringLiteral("maxComputeProject"), tr("MaxCompute project"));
    m_project->setPlaceholderText(tr("MaxCompute project"));
    m_maxComputeButton = UiUtil::name(new QPushButton(tr("Test MaxCompute access"), checks),
                                      QStringLiteral("maxComputeButton"), tr("List the project's tables"));
    connect(m_maxComputeButton, &QPushButton::clicked, this, &CredentialInspector::testMaxCompute);
    connect(m_project, &QLineEdit::returnPressed, this, &CredentialInspector::testMaxCompute);
    grid->addWidget(m_maxComputeButton, 1, 0);
    grid->addWidget(m_project, 1, 1);
    m_maxComputeResult = valueLabel(QStringLiteral("maxComputeResult"), tr("MaxCompute result"), checks);
    grid->addWidget(m_maxComputeResult, 2, 0, 1, 3);
    m_tables = UiUtil::name(new QListWidget(checks), QStringLiteral("maxComputeTables"), tr("MaxCompute tables"));
    m_tables->setMaximumHeight(110);
    m_tables->hide();
    grid->addWidget(m_tables, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addWidget(checks);

    m_doctor = UiUtil::name(new QPlainTextEdit(this), QStringLiteral("doctorReport"), tr("Diagnosis"));
    m_doctor->setReadOnly(true);
    m_doctor->hide();
    layout->addWidget(m_doctor, 1);
    layout->addStretch();
    auto* buttons = UiUtil::name(new QDialogButtonBox(QDialogButtonBox::Close, this),
                                 QStringLiteral("inspectorButtons"), tr("Close the inspector"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);
    outer->addWidget(buttons);
    // A window of its own: Esc and Ctrl+W close it, as a dialog would.
    for (const QKeySequence& key : {QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Close)}) {
        auto* shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &QWidget::close);
    }
    resize(720, 700);
}

QString CredentialInspector::countdownText(qint64 seconds)
{
    return TimeText::coarseDuration(seconds);
}

CredentialContext CredentialInspector::credentialContext() const
{
    // Providers judge "already expired" with the same clock the inspector shows.
    CredentialContext context = CredentialContext::system();
    context.clock = m_clock;
    return context;
}

void CredentialInspector::setAdminSession(Session* session)
{
    m_session = session;
}

void CredentialInspector::setEndpoints(const Endpoints& endpoints)
{
    m_endpoints = endpoints;
    m_hasEndpoints = true;
}

void CredentialInspector::applySettings(const AppSettings& settings)
{
    setEndpoints(settings.endpoints());
    setWarnBeforeExpirySeconds(qint64(settings.warnBeforeExpiryMinutes) * 60);
    CredentialSource::Options options = m_sourceOptions;
    options.staleWindowSecs = qint64(settings.staleWindowMinutes) * 60;
    setSourceOptions(options);
}

Endpoints CredentialInspector::effectiveEndpoints() const
{
    if (m_session)
        return m_session->endpoints();
    return m_hasEndpoints ? m_endpoints : Endpoints();
}

void CredentialInspector::setEnvironment(const Environment& environment, const QUrl& serviceUri)
{
    m_environment = environment;
    m_hasEnvironment = true;
    setWindowTitle(tr("Credentials of %1").arg(environment.instanceName));
    if (m_project->text().isEmpty())
        m_project->setText(environment.projectName);
    if (serviceUri.isValid()) {
        m_method->setCurrentIndex(m_method->findData(int(Method::EnvironmentService)));
        // The sandbox's service URI carries an unguessable token in its path: name the service instead.
        m_target->setText(tr("credentials service of %1").arg(environment.instanceId));
        m_target->setEnabled(false);
        auto* provider = new UriCredentialProvider(credentialContext(), serviceUri);
        inspectProvider(
            provider,
            tr("%1 (%2): the environment's credentials service").arg(environment.instanceName, environment.instanceId));
        // Its URI carries an unguessable token (the sandbox's access check): do not print it.
        m_sourceText =
            tr("credentials URI of environment %1 (ALIBABA_CLOUD_CREDENTIALS_URI)").arg(environment.instanceId);
    } else {
        // In the cloud the environment's own service only answers inside the environment.
        m_method->setCurrentIndex(m_method->findData(int(Method::Uri)));
        m_title->setText(tr("%1 (%2): its credentials service answers only inside the environment. Enter a "
                            "credentials URI or file reachable from here, or use the default chain.")
                             .arg(environment.instanceName, environment.instanceId));
    }
}

void CredentialInspector::startFromInputs()
{
    switch (Method(m_method->currentData().toInt())) {
    case Method::EnvironmentService:
        if (m_source)
            refreshNow();
        return;
    case Method::Uri: {
        // Checked here, in the window's words: a typing mistake is not a credential failure to retry forever.
        const QString text = m_target->text().trimmed();
        const QUrl uri(text, QUrl::StrictMode);
        if (!text.isEmpty() && (!uri.isValid() || uri.host().isEmpty() ||
                                (uri.scheme() != QStringLiteral("http") && uri.scheme() != QStringLiteral("https")))) {
            m_inputError->setText(tr("\"%1\" is not a credentials URI. Enter an http:// or https:// address, such "
                                     "as http://127.0.0.1:8080/credentials, or leave it empty to use "
                                     "ALIBABA_CLOUD_CREDENTIALS_URI.")
                                      .arg(text));
            m_inputError->show();
            m_target->setFocus();
            return;
        }
        m_inputError->hide();
        inspectUri(uri);
        return;
    }
    case Method::File:
        inspectFile(m_target->text().trimmed());
        return;
    case Method::DefaultChain:
        inspectDefaultChain();
        return;
    }
}

void CredentialInspector::inspectUri(const QUrl& uri)
{
    m_method->setCurrentIndex(m_method->findData(int(Method::Uri)));
    // What is inspected shows in the box (roledesk --inspect --uri URL fills it, like --file).
    m_target->setText(uri.toString());
    auto* provider = new UriCredentialProvider(credentialContext(), uri);
    inspectProvider(provider, provider->description());
}

void CredentialInspector::inspectFile(const QString& path)
{
    m_method->setCurrentIndex(m_method->findData(int(Method::File)));
    m_target->setText(path.isEmpty() ? FileCredentialProvider::defaultPath() : path);
    auto* provider = new FileCredentialProvider(credentialContext(), path);
    inspectProvider(provider, provider->description());
}

void CredentialInspector::inspectDefaultChain()
{
    m_method->setCurrentIndex(m_method->findData(int(Method::DefaultChain)));
    auto* provider = new DefaultCredentialChain(credentialContext());
    inspectProvider(provider, tr("Default credential chain"));
}

void CredentialInspector::inspectProvider(CredentialProvider* provider, const QString& label)
{
    // A person watches this window: a configuration error (environment not running, no role, refused) waits for
    // them to fix it and press Refresh instead of being retried forever.
    CloudConnection::Options options;
    options.source = m_sourceOptions;
    options.source.stopOnConfigurationError = true;
    // Validate asks who the credential is when pressed, not on its own.
    options.identifyOnConnect = false;
    CloudProfile profile;
    profile.kind = provider->name();
    profile.endpoints = effectiveEndpoints();
    profile.label = label;
    attach(new CloudConnection(profile, provider, m_clock, this, options), label);
}

QString CredentialInspector::adviceFor(const CredentialError& error)
{
    if (error.serviceCode.contains(QLatin1String("NotRunning")))
        return tr("Start the environment in DataWorks: its credentials service answers only while it runs. Then "
                  "press Refresh.");
    if (error.serviceCode.contains(QLatin1String("NoRole")))
        return tr("Associate a RAM role with the environment (Change role in the main window), or use an AccessKey "
                  "pair in its code. Then press Refresh.");
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return tr("Access was refused: check that this address belongs to this environment and that DataWorks may "
                  "assume the role (its trust policy). Then press Refresh.");
    if (error.httpStatus == 404 || error.httpStatus == 400 || error.httpStatus == 405)
        return tr("Check the address: nothing here hands out credentials. Then press Refresh.");
    if (error.configuration)
        return tr("Fix the cause, then press Refresh.");
    return {};
}

void CredentialInspector::attach(CloudConnection* connection, const QString& label)
{
    ++m_generation;
    // The previous source and its clients go together; answers still on their way are ignored (m_generation).
    if (m_connection)
        m_connection->deleteLater();
    m_connection = connection;
    m_source = connection->credentials();
    CredentialSource* source = m_source;
    m_receivedAt = {};
    m_sourceText.clear();
    m_warnedFor.clear();
    hideSecrets();
    m_validateResult->clear();
    m_maxComputeResult->clear();
    m_tables->clear();
    m_tables->hide();
    m_doctor->hide();
    m_banner->hide();
    m_title->setText(wrappable(label));
    connect(source, &CredentialSource::stateChanged, this, &CredentialInspector::refreshView);
    connect(source, &CredentialSource::credentialChanged, this, &CredentialInspector::onCredentialChanged);
    connect(source, &CredentialSource::refreshFailed, this, &CredentialInspector::onRefreshFailed);
    connect(source, &CredentialSource::fetchFinished, this, &CredentialInspector::refreshView);
    connection->start();
    refreshView();
}

void CredentialInspector::onCredentialChanged(const Credential& credential)
{
    m_receivedAt = m_clock->nowUtc();
    m_doctor->hide();
    // The fields hold the secret only while the credential is current; they stay hidden unless revealed.
    m_secret->setText(credential.accessKeySecret());
    m_token->setText(credential.securityToken());
    qCInfo(lcUi) << "inspector: new credential" << credential;
    refreshView();
}

void CredentialInspector::onRefreshFailed(const CredentialError& error, const QDateTime& nextAttempt)
{
    // Once, readable: the cause first (the service's own words), then what to do; the raw answer is on the "Last
    // error" line's tool tip.
    if (!nextAttempt.isValid())
        notify(tr("No credential: not retrying"), error.cause() + QLatin1Char(' ') + adviceFor(error), true);
    else
        notify(tr("Credential refresh failed"), tr("%1 Next try %2.").arg(error.cause(), TimeText::local(nextAttempt)),
               true);
    if (!m_source || m_source->lastCredential().isNull())
        showDoctor();
    refreshView();
}

void CredentialInspector::notify(const QString& title, const QString& message, bool critical)
{
    m_lastNotification = title + QStringLiteral(": ") + message;
    m_expiryBanner = false;
    Q_EMIT notified(title, message);
    if (m_useTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(
                windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : windowIcon(), this);
            m_tray->setObjectName(QStringLiteral("inspectorTray"));
            m_tray->show();
        }
        const AppIcons::TrayState trayState = critical ? AppIcons::TrayState::Expired : AppIcons::TrayState::Warning;
        m_tray->setIcon(AppIcons::tray(trayState));
        m_tray->setToolTip(AppIcons::trayToolTip(trayState));
        m_tray->showMessage(title, message, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
        return;
    }
    m_banner->setStyleSheet(UiUtil::bannerStyle(critical));
    m_bannerLabel->setText(QStringLiteral("<b>") + title.toHtmlEscaped() + QStringLiteral("</b><br>") +
                           wrappable(message).toHtmlEscaped());
    m_banner->show();
}

void CredentialInspector::showDoctor()
{
    // Nothing could be fetched at all: run core's diagnosis and show it in plain words.
    // The error itself is in the banner and on the "Last error" line: not repeated here.
    m_doctor->setPlainText(tr("No credential could be fetched.\n\nChecking where credentials can come from on this "
                              "machine..."));
    m_doctor->show();
    if (m_doctorRunning)
        return;
    m_doctorRunning = true;
    auto* doctor = new CredentialDoctor(credentialContext(), this);
    const quint64 generation = m_generation;
    connect(doctor, &CredentialDoctor::finished, this, [this, doctor, generation](const DoctorReport& report) {
        doctor->deleteLater();
        m_doctorRunning = false;
        if (generation != m_generation || !m_source || !m_source->lastCredential().isNull())
            return;
        m_doctor->setPlainText(tr("No credential could be fetched. Where credentials can come from on this "
                                  "machine:") +
                               QStringLiteral("\n\n") + report.toText());
    });
    doctor->run();
}

void CredentialInspector::refreshView()
{
    const bool has = m_source != nullptr;
    m_refresh->setEnabled(has);
    if (!has) {
        m_state->setText(tr("<i>nothing inspected</i>"));
        for (QLabel* l : {m_sourceLabel, m_keyId, m_expiration, m_countdown, m_lastRefresh, m_nextRefresh, m_lastError})
            l->setText(QStringLiteral("-"));
        m_lifetime->setValue(0);
        for (QWidget* w :
             {static_cast<QWidget*>(m_reveal), static_cast<QWidget*>(m_copySecret), static_cast<QWidget*>(m_copyToken),
              static_cast<QWidget*>(m_validate), static_cast<QWidget*>(m_maxComputeButton)})
            w->setEnabled(false);
        return;
    }
    const QDateTime now = m_clock->nowUtc();
    const CredentialSource::State state = m_source->state();
    const Credential& credential = m_source->lastCredential();
    const bool fetched = m_source->hasResult() || !credential.isNull();
    if (!fetched) {
        m_state->setText(tr("<i>fetching...</i>"));
    } else {
        m_state->setText(QStringLiteral("<span style=\"color:%1; font-weight:bold\">&#9679; %2</span> "
                                        "<span style=\"color:%1\">&mdash; %3</span>")
                             .arg(stateColour(state, palette()), CredentialSource::stateText(state).toHtmlEscaped(),
                                  (state == CredentialSource::State::Failed && !m_source->isFetching() &&
                                           !m_source->nextAttemptUtc().isValid()
                                       ? tr("no usable credential; not retried until you press Refresh")
                                       : stateExplanation(state))
                                      .toHtmlEscaped()));
    }
    m_state->setToolTip(CredentialSource::stateName(state));
    if (!m_sourceText.isEmpty())
        m_sourceLabel->setText(m_sourceText);
    else
        m_sourceLabel->setText(credential.isNull() ? m_source->provider()->description() : credential.source());
    m_keyId->setText(credential.isNull() ? QStringLiteral("-") : credential.maskedKeyId());
    const bool usable = !m_source->usableCredential().isNull();
    m_reveal->setEnabled(!credential.isNull() && !m_revealed);
    // Visible countdowns: how long the secret stays revealed, and when the clipboard is cleared.
    if (m_revealed)
        m_reveal->setText(tr("Hidden again in %n s", nullptr, qMax(1, (m_revealTimer->remainingTime() + 999) / 1000)));
    const int clipboardMs = m_clipboard->remainingMs();
    m_copyStatus->setVisible(clipboardMs >= 0);
    if (clipboardMs >= 0)
        m_copyStatus->setText(
            tr("Copied. The clipboard is cleared in %n s.", nullptr, qMax(1, (clipboardMs + 999) / 1000)));
    // An expired secret is of no use to anyone: Copy only while the credential is usable.
    m_copySecret->setEnabled(usable);
    m_copyToken->setEnabled(usable && credential.isSts());
    m_validate->setEnabled(usable);
    m_maxComputeButton->setEnabled(usable);
    if (credential.isNull()) {
        m_secret->clear();
        m_token->clear();
    }

    if (credential.expires()) {
        TimeText::apply(m_expiration, credential.expiration());
        const qint64 left = credential.secondsLeft(now);
        m_countdown->setText(countdownText(left));
        m_countdown->setToolTip(tr("%1 seconds").arg(qMax<qint64>(0, left)));
        const qint64 total = m_receivedAt.isValid() ? m_receivedAt.secsTo(credential.expiration()) : 0;
        const int permille =
            total > 0 ? int(qBound(qint64(0), left * 1000 / total, qint64(1000))) : (left > 0 ? 1000 : 0);
        m_lifetime->setValue(permille);
        m_lifetime->setStyleSheet(
            QStringLiteral("QProgressBar::chunk { background: %1; }").arg(stateColour(state, palette())));
        // Warn once per credential when it gets close to expiry (threshold from the settings).
        if (left > 0 && left <= m_warnBeforeSecs && m_warnedFor != credential.accessKeyId()) {
            m_warnedFor = credential.accessKeyId();
            notify(tr("Credential expires soon"),
                   tr("%1 expires in %2 (at %3).")
                       .arg(credential.maskedKeyId(), countdownText(left), TimeText::local(credential.expiration())),
                   false);
            m_expiryBanner = !m_banner->isHidden();
        } else if (m_expiryBanner && !m_banner->isHidden() && m_warnedFor == credential.accessKeyId()) {
            // The in-window warning counts down with the clock, and says so once it is over.
            m_bannerLabel->setText(
                left > 0 ? QStringLiteral("<b>%1</b><br>%2")
                               .arg(tr("Credential expires soon").toHtmlEscaped(),
                                    tr("%1 expires in %2 (at %3).")
                                        .arg(credential.maskedKeyId(), countdownText(left),
                                             TimeText::local(credential.expiration()))
                                        .toHtmlEscaped())
                         : QStringLiteral("<b>%1</b><br>%2")
                               .arg(tr("Credential expired").toHtmlEscaped(),
                                    tr("%1 expired at %2; it is not usable until a refresh succeeds.")
                                        .arg(credential.maskedKeyId(), TimeText::local(credential.expiration()))
                                        .toHtmlEscaped()));
            if (left <= 0)
                m_banner->setStyleSheet(UiUtil::bannerStyle(true));
        }
    } else if (!credential.isNull()) {
        m_expiration->setText(tr("never (a long-term AccessKey pair)"));
        m_expiration->setToolTip({});
        m_countdown->setText(countdownText(std::numeric_limits<qint64>::max()));
        m_lifetime->setValue(1000);
    } else {
        m_expiration->setText(QStringLiteral("-"));
        m_countdown->setText(QStringLiteral("-"));
        m_lifetime->setValue(0);
    }
    if (m_receivedAt.isValid())
        TimeText::apply(m_lastRefresh, m_receivedAt);
    else
        m_lastRefresh->setText(tr("never"));
    if (m_source->isFetching())
        m_nextRefresh->setText(tr("now (fetching)"));
    else if (m_source->nextAttemptUtc().isValid()) {
        TimeText::apply(m_nextRefresh, m_source->nextAttemptUtc());
        m_nextRefresh->setText(m_nextRefresh->text() + QStringLiteral("  (") +
                               tr("in %1").arg(countdownText(now.secsTo(m_source->nextAttemptUtc()) + 1)) +
                               QLatin1Char(')'));
    } else
        m_nextRefresh->setText(tr("not planned"));
    const CredentialError& error = m_source->lastError();
    // Short here (what answered, how): the cause and the advice are in the banner, the whole answer on hover.
    QString summary;
    if (!error.isNull()) {
        QStringList parts;
        if (!error.serviceCode.isEmpty())
            parts << error.serviceCode;
        if (error.httpStatus != 0)
            parts << tr("HTTP %1").arg(error.httpStatus);
        summary = parts.isEmpty() ? error.cause() : parts.join(QStringLiteral(", "));
        summary += QLatin1Char(' ') + (error.configuration && !m_source->nextAttemptUtc().isValid()
                                           ? tr("(not retried; details on hover)")
                                           : tr("(details on hover)"));
    }
    m_lastError->setText(error.isNull() ? tr("none") : wrappable(summary));
    m_lastError->setToolTip(error.isNull() ? QString() : wrappable(error.toString()));
    m_lastError->setStyleSheet(
        error.isNull() ? QString()
                       : QStringLiteral("color: %1;").arg(EnvironmentTableModel::publicColour(palette()).name()));
}

void CredentialInspector::refreshNow()
{
    if (m_source)
        m_source->refreshNow();
    refreshView();
}

void CredentialInspector::reveal()
{
    if (!m_source || m_source->lastCredential().isNull())
        return;
    m_revealed = true;
    m_secret->setEchoMode(QLineEdit::Normal);
    m_token->setEchoMode(QLineEdit::Normal);
    m_token->setCursorPosition(0);
    m_revealTimer->start(m_revealMs);
    m_reveal->setEnabled(false);
    refreshView();
}

void CredentialInspector::hideSecrets()
{
    m_revealed = false;
    m_reveal->setText(tr("Reveal for 10 s"));
    m_revealTimer->stop();
    m_secret->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_reveal->setEnabled(m_source && !m_source->lastCredential().isNull());
}

void CredentialInspector::copySecret()
{
    if (m_source && !m_source->usableCredential().isNull())
        m_clipboard->copy(m_source->lastCredential().accessKeySecret());
    refreshView();
}

void CredentialInspector::copyToken()
{
    if (m_source && m_source->usableCredential().isSts())
        m_clipboard->copy(m_source->lastCredential().securityToken());
    refreshView();
}

void CredentialInspector::validate()
{
    if (!m_source || m_source->usableCredential().isNull())
        return;
    m_validate->setEnabled(false);
    m_validateResult->setText(tr("Asking STS who this credential is (GetCallerIdentity)..."));
    const quint64 generation = m_generation;
    QPointer<CredentialInspector> self(this);
    m_connection->sts()->getCallerIdentity([self, generation](const CallerIdentity& identity, const ApiError& error) {
        if (!self || generation != self->m_generation)
            return;
        self->m_validate->setEnabled(true);
        if (error.isError()) {
            // Only the service can say a credential is not valid; no answer at all means it could not be checked.
            const bool unchecked = error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
                                   error.kind == ApiError::Kind::InvalidEndpoint;
            self->m_validateResult->setText(unchecked ? tr("Could not check: %1").arg(wrappable(error.toString()))
                                                      : tr("Not valid: %1").arg(wrappable(error.toString())));
            self->m_validateResult->setStyleSheet(toneStyle(EnvironmentTableModel::Tone::Bad, self->palette()));
            Q_EMIT self->validated(false, false);
            return;
        }
        QString text =
            tr("Valid. Identity: %1 (%2, account %3).").arg(identity.arn, identity.identityType, identity.accountId);
        // Whether the identity is what the environment's role should give: core's IdentityCheck.
        bool matches = true;
        if (self->m_hasEnvironment) {
            const IdentityCheck check =
                IdentityCheck::of(self->m_environment.role, identity.arn, identity.identityType);
            matches = check.matches();
            if (!check.text.isEmpty())
                text += QLatin1Char(' ') + check.text;
        }
        self->m_validateResult->setText(text);
        self->m_validateResult->setStyleSheet(toneStyle(
            matches ? EnvironmentTableModel::Tone::Good : EnvironmentTableModel::Tone::Busy, self->palette()));
        Q_EMIT self->validated(true, matches);
    });
}

void CredentialInspector::testMaxCompute()
{
    const QString project = m_project->text().trimmed();
    if (!m_source || m_source->usableCredential().isNull())
        return;
    if (project.isEmpty()) {
        m_maxComputeResult->setText(tr("Enter a MaxCompute project name."));
        return;
    }
    m_maxComputeButton->setEnabled(false);
    m_maxComputeResult->setText(tr("Listing the tables of %1...").arg(project));
    m_tables->clear();
    m_tables->hide();
    const quint64 generation = m_generation;
    QPointer<CredentialInspector> self(this);
    m_connection->maxCompute()->listTables(project, [self, generation, project](const QList<MaxComputeTable>& tables,
                                                                                const ApiError& error) {
        if (!self || generation != self->m_generation)
            return;
        self->m_maxComputeButton->setEnabled(true);
        if (error.isError()) {
            // The exact refusal, as the service worded it.
            self->m_maxComputeResult->setText(tr("Refused: %1").arg(error.toString()));
            self->m_maxComputeResult->setStyleSheet(toneStyle(EnvironmentTableModel::Tone::Bad, self->palette()));
            Q_EMIT self->maxComputeTested(false);
            return;
        }
        self->m_maxComputeResult->setText(tr("Allowed: %n table(s) in %1.", nullptr, int(tables.size())).arg(project));
        self->m_maxComputeResult->setStyleSheet(toneStyle(EnvironmentTableModel::Tone::Good, self->palette()));
        for (const MaxComputeTable& table : tables)
            self->m_tables->addItem(table.owner.isEmpty() ? table.name
                                                          : tr("%1 (owner %2)").arg(table.name, table.owner));
        self->m_tables->setVisible(!tables.isEmpty());
        Q_EMIT self->maxComputeTested(true);
    });
}

void CredentialInspector::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_placed) {
        // Opened from the main window or alone: never partly off the screen it opens on.
        m_placed = true;
        UiUtil::fitToScreen(this);
    }
}
