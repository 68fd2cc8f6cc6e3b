#include "CaBundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace {

// The bundle chosen by install(): checked at once (readable, a first certificate shaped like one), its certificates
// parsed and added on the first HTTPS request (applyPending()). Parsing a system-sized bundle (about 150
// certificates) takes 50-100 ms, which a command that speaks only HTTP (the sandbox) or nothing at all (--version)
// should not pay at every start.
struct State
{
    QMutex mutex;
    QString path;    // installed last
    QByteArray data; // its contents until applied
    QSsl::EncodingFormat format = QSsl::Pem;
    bool pending = false;
};

State& state()
{
    static State s;
    return s;
}

// One DER element at `at`: its header and content length. False when the bytes cannot hold one.
bool derElement(const QByteArray& der, qsizetype at, unsigned char tag, qsizetype* contentStart, qsizetype* length)
{
    if (at + 2 > der.size() || static_cast<unsigned char>(der.at(at)) != tag)
        return false;
    const unsigned char first = static_cast<unsigned char>(der.at(at + 1));
    qsizetype pos = at + 2;
    qsizetype n = 0;
    if (first < 0x80) {
        n = first;
    } else {
        const int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 4 || pos + bytes > der.size())
            return false;
        for (int i = 0; i < bytes; ++i)
            n = n << 8 | static_cast<unsigned char>(der.at(pos++));
    }
    if (pos + n > der.size())
        return false;
    *contentStart = pos;
    *length = n;
    return true;
}

// Whether the bytes start with what an X.509 certificate is in DER: a SEQUENCE (the certificate) whose content
// starts with a SEQUENCE (tbsCertificate) that fits inside it. A structural check that needs no TLS backend: loading
// and starting one (QSslCertificate) cost ~15 ms of CPU at every start, also for --version. The certificates are
// parsed in full on the first HTTPS request (applyPending()).
bool looksLikeCertificate(const QByteArray& der, qsizetype* size = nullptr)
{
    qsizetype content = 0, length = 0, innerContent = 0, innerLength = 0;
    if (!derElement(der, 0, 0x30, &content, &length) || length < 2)
        return false;
    if (!derElement(der, content, 0x30, &innerContent, &innerLength) || innerContent + innerLength > content + length)
        return false;
    if (size)
        *size = content + length;
    return true;
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
    // The first certificate must look like one (a PEM block, or the whole file as one DER certificate); they are
    // parsed when HTTPS is first used.
    static const QByteArray begin("-----BEGIN CERTIFICATE-----");
    static const QByteArray end("-----END CERTIFICATE-----");
    QSsl::EncodingFormat format = QSsl::Pem;
    bool parses = false;
    const qsizetype from = data.indexOf(begin);
    if (from >= 0) {
        const qsizetype to = data.indexOf(end, from);
        if (to > from) {
            QByteArray base64 = data.mid(from + begin.size(), to - from - begin.size());
            base64.removeIf([](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; });
            const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
            parses = decoded && looksLikeCertificate(*decoded);
        }
    } else {
        format = QSsl::Der;
        parses = looksLikeCertificate(data);
    }
    if (!parses) {
        *error =
            QCoreApplication::translate(
                "CaBundle", "The CA bundle %1 holds no certificate: it must be PEM (\"-----BEGIN CERTIFICATE-----\" "
                            "blocks) or one DER certificate.")
                .arg(QDir::toNativeSeparators(path));
        return false;
    }
    State& s = state();
    QMutexLocker lock(&s.mutex);
    s.path = path;
    s.data = data;
    s.format = format;
    s.pending = true;
    return true;
}

void applyPending()
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.pending)
        return;
    s.pending = false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(s.data, s.format);
    s.data.clear();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // The certificates added before (the same file installed twice adds nothing); the system's are loaded by the
    // TLS backend on demand and are not in this list.
    const QList<QSslCertificate> known = configuration.caCertificates();
    QList<QSslCertificate> added;
    for (const QSslCertificate& c : certificates)
        if (!known.contains(c))
            added << c;
    if (!added.isEmpty()) {
        configuration.addCaCertificates(added);
        QSslConfiguration::setDefaultConfiguration(configuration);
    }
}

void applyPendingFor(const QUrl& url)
{
    if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
        applyPending();
}

QString installedPath()
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    return s.path;
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
