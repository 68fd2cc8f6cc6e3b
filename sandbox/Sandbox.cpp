#include "Sandbox.h"

#include "SandboxHttpServer.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QMutexLocker>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

static void initSandboxResources()
{
    // The seed lives in a static library's resources: make sure the linker keeps them.
    Q_INIT_RESOURCE(sandbox);
}

Sandbox::Sandbox(const Clock* clock, QObject* parent)
    : QObject(parent)
    , m_engine(clock)
{
    initSandboxResources();
    m_engine.setStrictPlacement(Options().strictPlacement);
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500);
    connect(m_saveTimer, &QTimer::timeout, this, &Sandbox::saveIfChanged);
}

Sandbox::~Sandbox()
{
    if (m_server)
        stop();
}

bool Sandbox::load(const Options& options, QString* error)
{
    m_engine.setCredentialLifetimeSeconds(options.credentialLifetimeSeconds);
    m_engine.setTransitionDelayMs(options.transitionDelayMs);
    m_engine.setStrictPlacement(options.strictPlacement);
    bool loaded = false;
    if (!options.stateFile.isEmpty() && QFile::exists(options.stateFile)) {
        if (!m_engine.loadStateFile(options.stateFile, error))
            return false;
        loaded = true;
    }
    if (!loaded) {
        const QString seedPath =
            options.seedFile.isEmpty() ? QStringLiteral(":/sandbox/seed/workspace.json") : options.seedFile;
        QFile seed(seedPath);
        if (!seed.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the sandbox seed %1: %2").arg(seedPath, seed.errorString());
            return false;
        }
        QString why;
        if (!m_engine.loadSeed(seed.readAll(), &why)) {
            *error = tr("The sandbox seed %1 is not usable: %2").arg(seedPath, why);
            return false;
        }
        if (options.environments >= 0)
            m_engine.generateEnvironments(options.environments);
    }
    m_stateFile = options.stateFile;
    m_loaded = true;
    if (!m_stateFile.isEmpty() && !loaded) {
        if (!saveState(error))
            return false;
    }
    m_savedChanges = m_engine.changeCounter();
    return true;
}

QUrl Sandbox::start(quint16 port)
{
    if (QThread::currentThread() != thread()) {
        if (!thread()->isRunning()) {
            QMutexLocker lock(&m_mutex);
            m_error = tr("The sandbox's thread is not running: start the thread before starting the sandbox.");
            return {};
        }
        QUrl url;
        QMetaObject::invokeMethod(this, "start", Qt::BlockingQueuedConnection, Q_RETURN_ARG(QUrl, url),
                                  Q_ARG(quint16, port));
        return url;
    }
    if (m_server)
        return endpoint();
    if (!m_loaded) {
        QString error;
        if (!load(Options(), &error)) {
            QMutexLocker lock(&m_mutex);
            m_error = error;
            return {};
        }
    }
    auto server = std::make_unique<SandboxHttpServer>(&m_engine, [this] { onRequestAnswered(); });
    const quint16 bound = server->listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        QMutexLocker lock(&m_mutex);
        m_error =
            tr("Cannot listen on 127.0.0.1:%1: the port is in use or not allowed. Choose another port or 0.").arg(port);
        return {};
    }
    m_server = std::move(server);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(bound));
    m_engine.setBaseUrl(url.toString());
    {
        QMutexLocker lock(&m_mutex);
        m_endpoint = url;
        m_error.clear();
    }
    qCInfo(lcSandbox) << "sandbox listening on" << url.toString() << "with" << m_engine.environmentCount()
                      << "environments";
    return url;
}

void Sandbox::stop()
{
    // With its thread gone nothing else can touch the sandbox: stop here rather than wait forever.
    if (QThread::currentThread() != thread() && thread()->isRunning()) {
        QMetaObject::invokeMethod(this, "stop", Qt::BlockingQueuedConnection);
        return;
    }
    if (m_server) {
        m_server.reset();
        qCInfo(lcSandbox) << "sandbox stopped";
    }
    m_saveTimer->stop();
    saveIfChanged();
    QMutexLocker lock(&m_mutex);
    m_endpoint.clear();
}

QString Sandbox::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

QUrl Sandbox::endpoint() const
{
    QMutexLocker lock(&m_mutex);
    return m_endpoint;
}

QString Sandbox::accessKeyId() const
{
    return m_engine.accessKeyId();
}

QString Sandbox::accessKeySecret() const
{
    return m_engine.accessKeySecret();
}

QString Sandbox::accountId() const
{
    return m_engine.accountId();
}

QString Sandbox::region() const
{
    return m_engine.region();
}

QUrl Sandbox::credentialsUri(const QString& instanceId) const
{
    const QString uri = m_engine.credentialsUri(instanceId);
    return uri.isEmpty() ? QUrl() : QUrl(uri);
}

bool Sandbox::writeCredentialsFile(const QString& instanceId, const QString& path, QString* error)
{
    SandboxIssuedCredential credential;
    QString why;
    if (!m_engine.currentEnvironmentCredential(instanceId, &credential, &why)) {
        *error = tr("No credentials file written for environment %1: %2").arg(instanceId, why);
        return false;
    }
    const QJsonObject object{{QStringLiteral("AccessKeyId"), credential.accessKeyId},
                             {QStringLiteral("AccessKeySecret"), credential.accessKeySecret},
                             {QStringLiteral("SecurityToken"), credential.securityToken},
                             {QStringLiteral("Expiration"), credential.expirationText()}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write the credentials file %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write the credentials file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Sandbox::writeVisibilityFile(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write the visibility file %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(m_engine.visibilityJson());
    if (!file.commit()) {
        *error = tr("Cannot write the visibility file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Sandbox::setEnvironmentPublic(const QString& instanceId, bool isPublic)
{
    const bool ok = m_engine.setEnvironmentPublic(instanceId, isPublic);
    if (ok)
        QMetaObject::invokeMethod(this, &Sandbox::onRequestAnswered, Qt::QueuedConnection);
    return ok;
}

void Sandbox::setFaults(const SandboxFaults& faults)
{
    m_engine.setFaults(faults);
}

SandboxFaults Sandbox::faults() const
{
    return m_engine.faults();
}

void Sandbox::setCredentialLifetimeSeconds(int seconds)
{
    m_engine.setCredentialLifetimeSeconds(seconds);
}

void Sandbox::setTransitionDelayMs(int ms)
{
    m_engine.setTransitionDelayMs(ms);
}

bool Sandbox::saveState(QString* error)
{
    if (m_stateFile.isEmpty())
        return true;
    const quint64 changes = m_engine.changeCounter();
    if (!m_engine.saveStateFile(m_stateFile, error))
        return false;
    m_savedChanges = changes;
    return true;
}

qint64 Sandbox::requestCount() const
{
    return m_engine.requestCount();
}

void Sandbox::onRequestAnswered()
{
    if (!m_stateFile.isEmpty() && m_engine.changeCounter() != m_savedChanges && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void Sandbox::saveIfChanged()
{
    if (m_stateFile.isEmpty() || m_engine.changeCounter() == m_savedChanges)
        return;
    QString error;
    if (!saveState(&error))
        qCWarning(lcSandbox).noquote() << error;
}
