#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QSslError>
#include <QString>

class QUrl;

// Extra certificate authorities for every HTTPS client in RoleDesk (behind a corporate TLS-inspecting proxy).
// install() adds the certificates of a PEM (or DER) bundle to Qt's default TLS configuration, which every
// QNetworkAccessManager in the process uses (API clients, credential providers, OIDC, MaxCompute), in addition to
// the system's. The settings that name a bundle, first found wins: the CLI's --ca-bundle or the GUI's setting,
// then SSL_CERT_FILE (the variable the aliyun CLI honours through Go's crypto/x509, and OpenSSL-based tools).
namespace CaBundle {

// The bundle to use: explicit when non-empty, else $SSL_CERT_FILE; empty when none.
QString choose(const QString& explicitPath, const QProcessEnvironment& environment);
// Chooses the bundle; false with *error (plain words, names the file) when it cannot be read or its first
// certificate does not parse. Its certificates are added on the first HTTPS request (applyPendingFor()), not here:
// parsing a large bundle costs a start that never speaks HTTPS 50-100 ms. Installing the same file twice adds nothing.
bool install(const QString& path, QString* error);
// Adds the installed bundle's certificates to the default configuration if not done yet. Every HTTPS client in
// RoleDesk calls applyPendingFor() with the URL before it builds its request (ApiClient, CredentialHttp).
void applyPending();
void applyPendingFor(const QUrl& url);
// The file installed last; empty when none.
QString installedPath();
// Plain words for a failed TLS handshake: the first problem, the certificate's subject and issuer, and what to
// do (a CA bundle setting when the issuer is unknown).
QString describe(const QList<QSslError>& errors);

} // namespace CaBundle
