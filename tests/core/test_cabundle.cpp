// The CA bundle setting (core/util/CaBundle) against a loopback HTTPS server whose certificate a private CA
// issued (as a TLS-inspecting proxy does): refused with a clear message naming the certificate and the setting,
// accepted once the bundle is installed, for both HTTPS clients (CredentialHttp and ApiClient).
#include "api/ApiClient.h"
#include "credentials/CredentialHttp.h"
#include "util/CaBundle.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TestCaBundle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badBundles();
    void refusedThenTrusted();

private:
    static QString data(const char* name)
    {
        return QStringLiteral(ROLEDESK_SOURCE_DIR "/tests/data/tls/") + QLatin1String(name);
    }
    CredentialHttpResponse get(const QUrl& url);
    QSslServer m_server;
};

void TestCaBundle::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QFile certFile(data("server.pem"));
    QFile keyFile(data("server.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(config);
    // Answers every request with a small JSON body, then closes.
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                              "Connection: close\r\n\r\n{\"ok\":true}");
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

CredentialHttpResponse TestCaBundle::get(const QUrl& url)
{
    QNetworkAccessManager manager;
    CredentialHttpRequest request;
    request.url = url;
    std::optional<CredentialHttpResponse> response;
    QObject context;
    CredentialHttp::send(&manager, request, &context, [&](const CredentialHttpResponse& r) { response = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(response.has_value(), 30000); }();
    return response.value_or(CredentialHttpResponse{});
}

void TestCaBundle::badBundles()
{
    QString error;
    QVERIFY(!CaBundle::install(data("absent.pem"), &error));
    QVERIFY2(error.contains(QStringLiteral("Cannot read the CA bundle")), qPrintable(error));
    QVERIFY(!CaBundle::install(data("README.md"), &error));
    QVERIFY2(error.contains(QStringLiteral("holds no certificate")), qPrintable(error));
    // The private key is not a certificate either, and its content never appears in the message.
    QVERIFY(!CaBundle::install(data("server.key"), &error));
    QVERIFY(!error.contains(QStringLiteral("PRIVATE KEY")));
    QVERIFY(CaBundle::installedPath().isEmpty());
    // A PEM block whose contents are not a certificate.
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.pem")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    broken.close();
    QVERIFY(!CaBundle::install(broken.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("holds no certificate")), qPrintable(error));
    QVERIFY(CaBundle::installedPath().isEmpty());
    // The start-up check reads the first certificate's DER structure without the TLS backend: a real certificate cut
    // short, in PEM or as DER, is still refused.
    QFile ca(data("ca.pem"));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(ca.readAll(), QSsl::Pem);
    QVERIFY(!certificates.isEmpty());
    const QByteArray der = certificates.first().toDer();
    QFile cutPem(dir.filePath(QStringLiteral("cut.pem")));
    QVERIFY(cutPem.open(QIODevice::WriteOnly));
    cutPem.write("-----BEGIN CERTIFICATE-----\n" + der.left(der.size() / 2).toBase64() +
                 "\n-----END CERTIFICATE-----\n");
    cutPem.close();
    QVERIFY(!CaBundle::install(cutPem.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("holds no certificate")), qPrintable(error));
    QFile cutDer(dir.filePath(QStringLiteral("cut.der")));
    QVERIFY(cutDer.open(QIODevice::WriteOnly));
    cutDer.write(der.left(der.size() - 1));
    cutDer.close();
    QVERIFY(!CaBundle::install(cutDer.fileName(), &error));
    QVERIFY(CaBundle::installedPath().isEmpty());
    // (The whole certificate passes: refusedThenTrusted installs it, after its refusal.)

    QProcessEnvironment env;
    QCOMPARE(CaBundle::choose({}, env), QString());
    env.insert(QStringLiteral("SSL_CERT_FILE"), QStringLiteral("/etc/corp.pem"));
    QCOMPARE(CaBundle::choose({}, env), QStringLiteral("/etc/corp.pem"));
    QCOMPARE(CaBundle::choose(QStringLiteral("/opt/x.pem"), env), QStringLiteral("/opt/x.pem"));
}

void TestCaBundle::refusedThenTrusted()
{
    const QUrl url(QStringLiteral("https://127.0.0.1:%1/creds").arg(m_server.serverPort()));

    CredentialHttpResponse r = get(url);
    QCOMPARE(r.failure, CredentialHttpResponse::Failure::Network);
    QVERIFY2(r.networkError.contains(QStringLiteral("RoleDesk Test Proxy CA")), qPrintable(r.networkError));
    QVERIFY2(r.networkError.contains(QStringLiteral("--ca-bundle")), qPrintable(r.networkError));

    Endpoints endpoints;
    endpoints.setEndpointOverride(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server.serverPort())));
    ApiClient api(endpoints,
                  [] { return Credential(QStringLiteral("LTAI5tCaTest"), QStringLiteral("s"), {}, {}, {}); });
    ApiClient::Options options;
    options.maxAttempts = 1;
    api.setOptions(options);
    ApiRequest request;
    request.service = ApiService::Sts;
    request.action = QStringLiteral("GetCallerIdentity");
    request.version = QStringLiteral("2015-04-01");
    std::optional<ApiError> error;
    ApiReply* reply = api.send(request);
    connect(reply, &ApiReply::finished, this, [&] { error = reply->error(); });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 30000);
    QCOMPARE(error->code, QStringLiteral("Network.TlsHandshakeFailed"));
    QVERIFY2(error->explanation.contains(QStringLiteral("RoleDesk Test Proxy CA")), qPrintable(error->explanation));

    QString problem;
    QVERIFY2(CaBundle::install(data("ca.pem"), &problem), qPrintable(problem));
    QCOMPARE(CaBundle::installedPath(), data("ca.pem"));
    QVERIFY(CaBundle::install(data("ca.pem"), &problem)); // twice: nothing added
    // Not parsed and added until HTTPS is used (a start that never speaks HTTPS does not pay for a large bundle).
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(data("ca.pem"));
    QCOMPARE(ca.size(), 1);
    QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(ca.first()));
    CaBundle::applyPendingFor(QUrl(QStringLiteral("http://127.0.0.1:1/")));
    QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(ca.first()));
    r = get(url);
    QVERIFY(QSslConfiguration::defaultConfiguration().caCertificates().contains(ca.first()));
    QCOMPARE(QSslConfiguration::defaultConfiguration().caCertificates().count(ca.first()), 1);
    QVERIFY2(r.answered(), qPrintable(r.networkError));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{\"ok\":true}"));
}

QTEST_GUILESS_MAIN(TestCaBundle)
#include "test_cabundle.moc"
