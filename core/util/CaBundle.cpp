#include "CaBundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace {

QMutex& mutex()
{
    static QMutex m;
    return m;
}

QString& installed()
{
    static QString path;
    return path;
}

} // namespace

namespace CaBundle {

QString choose(const QString& explicitPath, const QProcessEnvironment& environment)
{
    if (!explicitPath.trimmed().isEmpty())
        return explicitPath.trimmed();
    return environment.value(QStringLiteral("SSL_CERT_FILE")).trimmed();
}

bool install(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("CaBundle", "Cannot read the CA bundle %1 (%2).")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray data = file.read(16 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty()) {
        *error =
            QCoreApplication::translate(
                "CaBundle", "The CA bundle %1 holds no certificate: it must be PEM (\"-----BEGIN CERTIFICATE-----\" "
                            "blocks) or one DER certificate.")
                .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QMutexLocker lock(&mutex());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> known = configuration.caCertificates();
    QList<QSslCertificate> added;
    for (const QSslCertificate& c : std::as_const(certificates))
        if (!known.contains(c))
            added << c;
    if (!added.isEmpty()) {
        configuration.addCaCertificates(added);
        QSslConfiguration::setDefaultConfiguration(configuration);
    }
    installed() = path;
    return true;
}

QString installedPath()
{
    QMutexLocker lock(&mutex());
    return installed();
}

QString describe(const QList<QSslError>& errors)
{
    if (errors.isEmpty())
        return {};
    const QSslError& e = errors.first();
    QString text =
        QCoreApplication::translate("CaBundle", "The server's TLS certificate was refused: %1.").arg(e.errorString());
    const QSslCertificate& c = e.certificate();
    if (!c.isNull())
        text += QLatin1Char(' ') + QCoreApplication::translate("CaBundle", "Certificate for \"%1\", issued by \"%2\".")
                                       .arg(c.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")),
                                            c.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")));
    switch (e.error()) {
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::SelfSignedCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        text += QLatin1Char(' ') +
                QCoreApplication::translate(
                    "CaBundle",
                    "Its issuer is not trusted on this machine. Behind a TLS-inspecting proxy, give your "
                    "organisation's CA bundle (PEM): --ca-bundle PATH, SSL_CERT_FILE, or Settings > Connection > "
                    "CA bundle.");
        break;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        text += QLatin1Char(' ') + QCoreApplication::translate("CaBundle", "Check this machine's clock.");
        break;
    case QSslError::HostNameMismatch:
        text += QLatin1Char(' ') +
                QCoreApplication::translate("CaBundle", "The certificate is for another host: check the endpoint.");
        break;
    default:
        break;
    }
    if (!installedPath().isEmpty())
        text += QLatin1Char(' ') + QCoreApplication::translate("CaBundle", "(CA bundle in use: %1.)")
                                       .arg(QDir::toNativeSeparators(installedPath()));
    return text;
}

} // namespace CaBundle
