#include "KeychainStore.h"

#include "util/Logging.h"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace {

// qtkeychain reports a missing session bus or a bus without any Secret Service or KWallet as OtherError
// ("Could not connect: ..."). To the user that is "no keyring here", not a failure of one.
bool keyringReachable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const QString& name : {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd5"),
                                QStringLiteral("org.kde.kwalletd6")}) {
        if (bus.interface()->isServiceRegistered(name).value() || activatable.contains(name))
            return true;
    }
    return false;
#else
    return true;
#endif
}

KeychainStore::Result mapError(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainStore::Result::Ok;
    case QKeychain::EntryNotFound:
        return KeychainStore::Result::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainStore::Result::NoKeyring;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeychainStore::Result::Denied;
    case QKeychain::CouldNotDeleteEntry:
        break;
    case QKeychain::OtherError:
        if (!keyringReachable())
            return KeychainStore::Result::NoKeyring;
        break;
    }
    return KeychainStore::Result::Failed;
}

// The message a user sees. qtkeychain's own errorString() names the backend; it never holds the secret.
QString describe(KeychainStore::Result result, const QString& account, const QString& backendMessage)
{
    switch (result) {
    case KeychainStore::Result::Ok:
        return {};
    case KeychainStore::Result::NotFound:
        return KeychainStore::tr("No secret is stored in the OS keychain for \"%1\". Enter the AccessKey pair again.")
            .arg(account);
    case KeychainStore::Result::NoKeyring:
        return KeychainStore::tr("No OS keychain is available (%1). RoleDesk does not store AccessKey secrets in "
                                 "plain text: start a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows "
                                 "Credential Manager) or use a credentials file or profile instead.")
            .arg(backendMessage);
    case KeychainStore::Result::Denied:
        return KeychainStore::tr("The OS keychain refused access for \"%1\" (%2). Unlock it and try again.")
            .arg(account, backendMessage);
    case KeychainStore::Result::Failed:
        break;
    }
    return KeychainStore::tr("The OS keychain failed for \"%1\": %2").arg(account, backendMessage);
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

void KeychainStore::writeSecret(const QString& account, const QString& secret, WriteCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [account, done = std::move(done)](QKeychain::Job* j) {
        const Result result = mapError(j->error());
        if (result != Result::Ok)
            qCWarning(lcUi) << "keychain write failed for" << account << j->errorString();
        done(result, describe(result, account, j->errorString()));
    });
    job->start();
}

void KeychainStore::readSecret(const QString& account, ReadCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [account, done = std::move(done)](QKeychain::Job* j) {
        const Result result = mapError(j->error());
        const QString secret =
            result == Result::Ok ? static_cast<QKeychain::ReadPasswordJob*>(j)->textData() : QString();
        done(result, secret, describe(result, account, j->errorString()));
    });
    job->start();
}

void KeychainStore::removeSecret(const QString& account, WriteCallback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [account, done = std::move(done)](QKeychain::Job* j) {
        Result result = mapError(j->error());
        if (result == Result::NotFound)
            result = Result::Ok;
        done(result, describe(result, account, j->errorString()));
    });
    job->start();
}
