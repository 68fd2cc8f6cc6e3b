// The local credentials service: LocalCredentialServer on its own (URI format, 404 for every other path with an
// empty body, 405, 503 without secrets, Host check, constant-time compare) and `serve` in-process against the
// sandbox (URI as the first line, JSON form, rotation of the role session driven by the clock, SIGINT ends it with
// exit 0, long-term keys never served, no secret in any output or log).
#include "CliSandboxFixture.h"
#include "LocalCredentialServer.h"
#include "MockClock.h"

#include "credentials/CredentialProvider.h"
#include "credentials/CredentialSource.h"
#include "util/Bytes.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
const QString kKeyId = u"STS.NTestKeyIdServe1234567"_s;
const QString kSecret = u"ServeSecretValue-DoNotLeak-91x"_s;
const QString kToken = u"CAISServeTokenValue-DoNotLeak-77y"_s;

struct Answer
{
    int status = 0;
    QByteArray body;
};

Answer httpGet(const QUrl& url, const QByteArray& verb = "GET")
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    QNetworkReply* reply = nam.sendCustomRequest(request, verb);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return a;
}

// The server runs on this thread: talk to it without blocking (a local event loop).
QByteArray rawRequest(quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    return answer + socket.readAll();
}
} // namespace

class TestServeCommand : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_log = std::make_unique<LogCapture>(); }
    void cleanup()
    {
        QVERIFY2(m_log->findAny({kSecret, kToken, kKeyId}).isEmpty(), "a secret reached the log");
        m_log.reset();
    }

    void uriFormatAndAnswer()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        const Credential c(kKeyId, kSecret, kToken, clock.nowUtc().addSecs(3600), u"test"_s);
        CredentialSource source(new StaticCredentialProvider(c, u"static"_s), &clock);
        source.start();
        QTRY_VERIFY(source.hasResult());
        LocalCredentialServer server(&source);
        QString error;
        QVERIFY(server.listen(0, &error));
        const QUrl uri = server.uri();
        static const QRegularExpression format(u"^http://127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_-]{43}$"_s);
        QVERIFY2(format.match(uri.toString()).hasMatch(), qPrintable(uri.toString()));
        // Two servers never share a path.
        LocalCredentialServer other(&source);
        QVERIFY(other.listen(0, &error));
        QVERIFY(other.uri().path() != uri.path());

        const Answer a = httpGet(uri);
        QCOMPARE(a.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(o[u"Code"_s].toString(), u"Success"_s);
        QCOMPARE(o[u"AccessKeyId"_s].toString(), kKeyId);
        QCOMPARE(o[u"AccessKeySecret"_s].toString(), kSecret);
        QCOMPARE(o[u"SecurityToken"_s].toString(), kToken);
        QCOMPARE(o[u"Expiration"_s].toString(), c.expiration().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s));
    }

    void everythingElseIs404()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        const Credential c(kKeyId, kSecret, kToken, clock.nowUtc().addSecs(3600), u"test"_s);
        CredentialSource source(new StaticCredentialProvider(c, u"static"_s), &clock);
        source.start();
        QTRY_VERIFY(source.hasResult());
        LocalCredentialServer server(&source);
        QString error;
        QVERIFY(server.listen(0, &error));
        const QUrl uri = server.uri();
        const QString path = uri.path();
        QStringList wrong = {u"/"_s,         path + u"/"_s,     path.chopped(1),  path + u"x"_s,
                             path.toUpper(), u"/credentials"_s, path + u"?a=b"_s, u"/"_s + path.mid(2)};
        for (const QString& p : std::as_const(wrong)) {
            QUrl u = uri;
            u.setPath(p.section(u'?', 0, 0));
            if (p.contains(u'?'))
                u.setQuery(p.section(u'?', 1));
            const Answer a = httpGet(u);
            QCOMPARE(a.status, 404);
            QVERIFY2(a.body.isEmpty(), qPrintable(p));
            // Wrong path with another method: still 404, nothing about the method.
            QCOMPARE(httpGet(u, "POST").status, 404);
        }
        QCOMPARE(httpGet(uri, "POST").status, 405);
        QCOMPARE(httpGet(uri, "DELETE").status, 405);
        QCOMPARE(httpGet(uri, "HEAD").status, 405);
        // A foreign Host header (DNS rebinding) gets 404 even at the right path.
        const QByteArray rebinding =
            rawRequest(server.port(), "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: evil.example:" +
                                          QByteArray::number(server.port()) + "\r\n\r\n");
        QVERIFY2(rebinding.startsWith("HTTP/1.1 404"), rebinding.constData());
        QVERIFY(!rebinding.contains(kSecret.toLatin1()));
        // Garbage and oversized requests are answered and closed.
        QVERIFY(rawRequest(server.port(), "HELLO\r\n\r\n").startsWith("HTTP/1.1 400"));
        QVERIFY(rawRequest(server.port(), QByteArray(20000, 'a')).startsWith("HTTP/1.1 431"));
    }

    // A client that starts a request and stalls gets 408 once the header time (half of idleTimeoutMs) has passed, and
    // the connection is closed; the service keeps answering others meanwhile.
    void slowClientGets408()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        const Credential c(kKeyId, kSecret, kToken, clock.nowUtc().addSecs(3600), u"test"_s);
        CredentialSource source(new StaticCredentialProvider(c, u"static"_s), &clock);
        source.start();
        QTRY_VERIFY(source.hasResult());
        LocalCredentialServer::Options options;
        options.idleTimeoutMs = 400;
        LocalCredentialServer server(&source, options);
        QString error;
        QVERIFY(server.listen(0, &error));
        QTcpSocket slow;
        QByteArray answer;
        bool closed = false;
        connect(&slow, &QTcpSocket::readyRead, this, [&] { answer += slow.readAll(); });
        connect(&slow, &QTcpSocket::disconnected, this, [&] { closed = true; });
        slow.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET " + server.uri().path().toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        // Another client is served while the slow one holds its connection.
        QCOMPARE(httpGet(server.uri()).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(closed, 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
        QVERIFY(!answer.contains(kSecret.toLatin1()));
    }

    void constantTimeCompare()
    {
        // The one comparison the service (and the sandbox) use.
        QVERIFY(Bytes::constantTimeEqual("/abc", "/abc"));
        QVERIFY(!Bytes::constantTimeEqual("/abc", "/abd"));
        QVERIFY(!Bytes::constantTimeEqual("/abc", "/ab"));
        QVERIFY(!Bytes::constantTimeEqual("/abc", "/abcd"));
        QVERIFY(!Bytes::constantTimeEqual("", "/"));
        QVERIFY(Bytes::constantTimeEqual("", ""));
    }

    void unavailableIs503WithoutSecrets()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        CredentialSource failing(new FailingCredentialProvider(u"test"_s, u"test source"_s, u"nothing here"_s), &clock);
        failing.start();
        QTRY_VERIFY(failing.hasResult());
        LocalCredentialServer server(&failing);
        QString error;
        QVERIFY(server.listen(0, &error));
        Answer a = httpGet(server.uri());
        QCOMPARE(a.status, 503);
        QJsonObject o = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(o[u"Code"_s].toString(), u"CredentialUnavailable"_s);
        QVERIFY(o[u"Message"_s].toString().contains(u"nothing here"_s));

        // A long-term AccessKey is never served.
        const Credential longTerm(u"LTAI5tLongTermKeyId0001"_s, kSecret, {}, {}, u"test"_s);
        CredentialSource longTermSource(new StaticCredentialProvider(longTerm, u"static"_s), &clock);
        longTermSource.start();
        QTRY_VERIFY(longTermSource.hasResult());
        LocalCredentialServer server2(&longTermSource);
        QVERIFY(server2.listen(0, &error));
        a = httpGet(server2.uri());
        QCOMPARE(a.status, 503);
        QVERIFY(!a.body.contains(kSecret.toLatin1()));

        // An expired credential is never served.
        const Credential soon(kKeyId, kSecret, kToken, clock.nowUtc().addSecs(30), u"test"_s);
        CredentialSource expiring(new StaticCredentialProvider(soon, u"static"_s), &clock);
        expiring.start();
        QTRY_VERIFY(expiring.hasResult());
        LocalCredentialServer server3(&expiring);
        QVERIFY(server3.listen(0, &error));
        QCOMPARE(httpGet(server3.uri()).status, 200);
        clock.advanceSecond(31);
        a = httpGet(server3.uri());
        QCOMPARE(a.status, 503);
        QVERIFY(!a.body.contains(kSecret.toLatin1()));
        QVERIFY(!a.body.contains(kToken.toLatin1()));
    }

    void serveCommandRotatesTheRoleSession()
    {
        MockClock clock(QDateTime::currentDateTimeUtc());
        CliSandboxFixture fx;
        QVERIFY(fx.start(&clock));
        const QString role = u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s;
        QStringList served;
        QStringList secrets = fx.secrets();
        int firstStatus = 0;
        bool rotated = false;
        // serve runs its own event loop until SIGINT: the checks run inside it, from timers.
        std::function<void()> step;
        QString uriLine;
        QElapsedTimer deadline;
        deadline.start();
        CliRun r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        step = [&] {
            out.flush();
            if (uriLine.isEmpty()) {
                uriLine = r.out.section(u'\n', 0, 0);
                if (!r.out.contains(u'\n')) {
                    uriLine.clear();
                    if (deadline.elapsed() < 20000) {
                        QTimer::singleShot(50, step);
                        return;
                    }
                    ::raise(SIGINT);
                    return;
                }
                const Answer a = httpGet(QUrl(QJsonDocument::fromJson(uriLine.toUtf8()).object()[u"uri"_s].toString()));
                firstStatus = a.status;
                const QJsonObject o = QJsonDocument::fromJson(a.body).object();
                served << o[u"AccessKeyId"_s].toString();
                secrets << o[u"AccessKeySecret"_s].toString() << o[u"SecurityToken"_s].toString();
                // Past half the session's lifetime and inside the 15-minute stale window: the service renews the
                // session.
                clock.advanceSecond(2700);
            }
            const Answer a = httpGet(QUrl(QJsonDocument::fromJson(uriLine.toUtf8()).object()[u"uri"_s].toString()));
            const QJsonObject o = QJsonDocument::fromJson(a.body).object();
            const QString id = o[u"AccessKeyId"_s].toString();
            if (a.status == 200 && !id.isEmpty() && id != served.constFirst()) {
                served << id;
                secrets << o[u"AccessKeySecret"_s].toString() << o[u"SecurityToken"_s].toString();
                rotated = true;
                ::raise(SIGINT);
                return;
            }
            if (deadline.elapsed() > 30000) {
                ::raise(SIGINT);
                return;
            }
            QTimer::singleShot(100, step);
        };
        QTimer::singleShot(0, step);
        CliApp app(fx.context());
        r.code = app.run({u"serve"_s, u"--json"_s, u"--role-arn"_s, role, u"--duration"_s, u"3600"_s,
                          u"--min-refresh-interval"_s, u"1"_s, u"--endpoint"_s, fx.endpoint().toString()},
                         out, err);
        out.flush();
        err.flush();
        QCOMPARE(r.code, 0);
        QCOMPARE(firstStatus, 200);
        QVERIFY2(rotated, qPrintable(r.err));
        QVERIFY(served.at(0).startsWith(u"STS."_s));
        QVERIFY(served.at(1).startsWith(u"STS."_s));
        // The first line of stdout is the URI object, and nothing secret is printed anywhere.
        QVERIFY(QJsonDocument::fromJson(r.out.section(u'\n', 0, 0).toUtf8())
                    .object()[u"uri"_s]
                    .toString()
                    .startsWith(u"http://127.0.0.1:"_s));
        secrets << served;
        VERIFY_NO_SECRET(r.all(), secrets);
        QVERIFY2(m_log->findAny(secrets).isEmpty(), "a served secret reached the log");
    }

    void serveTextModeOnAFixedPort()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        CliRun r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        int status = 0;
        QString firstLine;
        QElapsedTimer deadline;
        deadline.start();
        std::function<void()> step = [&] {
            out.flush();
            if (!r.out.contains(u'\n') && deadline.elapsed() < 20000) {
                QTimer::singleShot(50, step);
                return;
            }
            firstLine = r.out.section(u'\n', 0, 0);
            status = httpGet(QUrl(firstLine)).status;
            ::raise(SIGINT);
        };
        QTimer::singleShot(0, step);
        CliApp app(fx.context());
        r.code = app.run({u"serve"_s, u"--port"_s, QString::number(port), u"--role-arn"_s,
                          u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s, u"--endpoint"_s,
                          fx.endpoint().toString()},
                         out, err);
        QCOMPARE(r.code, 0);
        QVERIFY2(firstLine.startsWith(u"http://127.0.0.1:%1/"_s.arg(port)), qPrintable(firstLine));
        QCOMPARE(status, 200);
        // The port is taken now that a second service wants it: a plain failure, 1.
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        const CliRun busy = fx.run({u"serve"_s, u"--port"_s, QString::number(holder.serverPort()), u"--role-arn"_s,
                                    u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s});
        QCOMPARE(busy.code, 1);
        QVERIFY(busy.err.contains(u"--port"_s));
    }

    void serveCommandRefusesLongTermKeysAndBadOptions()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        // The chain gives the sandbox's long-term admin key: never served.
        CliRun r = fx.run({u"serve"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(u"--role-arn"_s));
        VERIFY_NO_SECRET(r.all(), fx.secrets());
        QCOMPARE(fx.run({u"serve"_s, u"--role-arn"_s, u"not-an-arn"_s}).code, 2);
        QCOMPARE(fx.run({u"serve"_s, u"--port"_s, u"70000"_s}).code, 2);
        QCOMPARE(fx.run({u"serve"_s, u"--duration"_s, u"10"_s}).code, 2);
        // A role the account may not assume: 3 with STS's reason.
        r = fx.run({u"serve"_s, u"--role-arn"_s, u"acs:ram::1380246718450127:role/EcsAppServerRole"_s});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(u"NoPermission"_s));
    }

    // --role-arn calls STS where the STS location says (ALIBABA_CLOUD_STS_ENDPOINT here), not at --endpoint: with
    // --endpoint pointing at a closed port, the role session still comes from the sandbox named by the variable.
    // An unusable location is refused before anything is sent.
    void serveRoleArnFollowsTheStsLocation()
    {
        CliSandboxFixture fx;
        QVERIFY(fx.start());
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_STS_ENDPOINT"_s, fx.endpoint().toString());
        CliRun r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        int status = 0;
        QElapsedTimer deadline;
        deadline.start();
        std::function<void()> step = [&] {
            out.flush();
            err.flush();
            if (!r.out.contains(u'\n') && deadline.elapsed() < 20000 && !r.err.contains(u"unusable"_s)) {
                QTimer::singleShot(50, step);
                return;
            }
            if (r.out.contains(u'\n'))
                status = httpGet(QUrl(r.out.section(u'\n', 0, 0))).status;
            ::raise(SIGINT);
        };
        QTimer::singleShot(0, step);
        CliApp app(fx.context());
        r.code = app.run({u"serve"_s, u"--role-arn"_s, u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s,
                          u"--endpoint"_s, u"http://127.0.0.1:%1"_s.arg(closedPort)},
                         out, err);
        out.flush();
        err.flush();
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(status, 200);

        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_STS_ENDPOINT"_s, u"http://sts.example.com"_s);
        CliRun refused =
            fx.run({u"serve"_s, u"--role-arn"_s, u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains(u"Refusing plain HTTP to the STS endpoint sts.example.com"_s),
                 qPrintable(refused.err));
        fx.context().credentials.environment.remove(u"ALIBABA_CLOUD_STS_ENDPOINT"_s);
        fx.context().credentials.environment.insert(u"ALIBABA_CLOUD_STS_REGION"_s, u"Not A Region"_s);
        refused = fx.run({u"exec"_s, u"--role-arn"_s, u"acs:ram::1380246718450127:role/DataWorksSharedAnalytics"_s,
                          u"--"_s, u"true"_s});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains(u"ALIBABA_CLOUD_STS_REGION"_s), qPrintable(refused.err));
        VERIFY_NO_SECRET(refused.all(), fx.secrets());
    }

private:
    std::unique_ptr<LogCapture> m_log;
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "test_servecommand.moc"
