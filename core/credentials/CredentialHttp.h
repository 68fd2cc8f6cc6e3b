#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPair>
#include <QProcessEnvironment>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// Proxies for credential requests: HTTP(S)_PROXY / NO_PROXY from the given environment, else the
// system configuration; never a proxy for loopback or link-local addresses or the ECS metadata
// address (a proxy there would hand the machine's credentials to the proxy, or fail).
class CredentialProxyFactory : public QNetworkProxyFactory
{
public:
    explicit CredentialProxyFactory(QProcessEnvironment environment);
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

    static bool isLocalHost(const QString& host);

private:
    QProcessEnvironment m_environment;
};

// One HTTP exchange with a connect time-out (until the request is on the wire), a read time-out
// (silence while waiting for the answer), an overall deadline (a server that drips bytes cannot hold the
// attempt) and a cap on the answer size, decided on the bytes as they arrive (Qt reads no further than the
// cap, whatever Content-Length or chunk sizes announce; the body is asked for uncompressed). Asynchronous.
struct CredentialHttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Sent as is (e.g. a form body for STS AssumeRoleWithOIDC); empty for GET.
    QByteArray body;
    int connectTimeoutMs = 5000;
    int readTimeoutMs = 10000;
    int deadlineMs = 0; // the whole attempt; 0: connectTimeoutMs + 2 * readTimeoutMs
    qint64 maxBytes = 64 * 1024;

    int effectiveDeadlineMs() const { return deadlineMs > 0 ? deadlineMs : connectTimeoutMs + 2 * readTimeoutMs; }
};

struct CredentialHttpResponse
{
    enum class Failure
    {
        None,
        ConnectTimeout,
        ReadTimeout,
        Deadline,
        TooLarge,
        Network
    };
    Failure failure = Failure::None;
    int status = 0;
    QByteArray body;
    // Qt's description of a network failure (no secrets: it names the host and the error).
    QString networkError;

    bool answered() const { return failure == Failure::None; }
    // Plain words for a failure, naming the time-out or limit that was hit.
    QString describeFailure(const CredentialHttpRequest& request) const;
};

namespace CredentialHttp {
// Runs the request on manager; done is called once, on context's thread, unless context dies first.
void send(QNetworkAccessManager* manager, const CredentialHttpRequest& request, QObject* context,
          std::function<void(const CredentialHttpResponse&)> done);
} // namespace CredentialHttp
