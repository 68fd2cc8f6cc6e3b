// The Sandbox over real loopback HTTP: transport, latency without blocking, running on a worker thread,
// the state file, the credentials file, the visibility file and generating 100,000 environments.
#include "MockClock.h"
#include "Sandbox.h"
#include "SignedRequests.h"
#include "model/Visibility.h"
#include "model/VisibilityStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SignedRequests;
using namespace Qt::StringLiterals;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray date;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QNetworkReply* post(QNetworkAccessManager& nam, const QUrl& base, const SandboxRequest& r)
{
    QUrl url = QUrl::fromEncoded(base.toEncoded() + r.path +
                                 (r.rawQuery.isEmpty() ? QByteArray() : QByteArray('?' + r.rawQuery)));
    QNetworkRequest request(url);
    for (const auto& [name, value] : r.headers)
        if (name != "host")
            request.setRawHeader(name, value);
    return nam.sendCustomRequest(request, r.method, r.body);
}

HttpResult wait(QNetworkReply* reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
    }
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.date = reply->rawHeader("Date");
    reply->deleteLater();
    return result;
}

HttpResult send(QNetworkAccessManager& nam, const QUrl& base, const SandboxRequest& r)
{
    return wait(post(nam, base, r));
}

V3Options hostOf(const QUrl& base)
{
    V3Options o;
    o.host = base.authority().toUtf8();
    return o;
}

Key adminKey(const Sandbox& s)
{
    return {s.accessKeyId().toUtf8(), s.accessKeySecret().toUtf8(), {}};
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void httpRoundTrip()
    {
        Sandbox sandbox;
        const QUrl base = sandbox.start();
        QVERIFY2(base.isValid() && base.port() > 0, qPrintable(sandbox.errorString()));
        QCOMPARE(base.host(), u"127.0.0.1"_s);
        QCOMPARE(sandbox.endpoint(), base);
        QNetworkAccessManager nam;
        const QDateTime now = QDateTime::currentDateTimeUtc();

        HttpResult r = send(
            nam, base,
            v3("ListServerIdeInstances", "2024-05-18", {{"PageSize", "100"}}, adminKey(sandbox), now, hostOf(base)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"PagingInfo").toObject().value(u"TotalCount").toInt(), 40);
        QVERIFY(!r.date.isEmpty());

        r = send(nam, base, rpc("GetCallerIdentity", "2015-04-01", {}, adminKey(sandbox), now));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"AccountId").toString(), sandbox.accountId());

        Key wrong = adminKey(sandbox);
        wrong.secret += 'x';
        r = send(nam, base, v3("GetCallerIdentity", "2015-04-01", {}, wrong, now, hostOf(base)));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"Code").toString(), u"SignatureDoesNotMatch"_s);
        QVERIFY(!r.date.isEmpty());

        // MaxCompute, signed over the real path.
        SandboxRequest tables =
            odps("/api/projects/retail_dw/tables", {{"expectmarker", "true"}}, adminKey(sandbox), now);
        r = send(nam, base, tables);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("<Name>ods_orders</Name>"));

        // The credentials service.
        const QUrl uri = sandbox.credentialsUri(u"700101"_s);
        QCOMPARE(uri.port(), base.port());
        QNetworkReply* reply = nam.get(QNetworkRequest(uri));
        r = wait(reply);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"Code").toString(), u"Success"_s);
        sandbox.stop();
        QVERIFY(sandbox.endpoint().isEmpty());
    }

    void latencyIsATimerNotASleep()
    {
        // Structural, not timed. The sandbox runs on its own thread (as in the GUI) with a POP latency far longer
        // than the test needs (kLatencyMs); a POP request is sent and, once the sandbox has taken it, a request out
        // of the fault's scope (the credentials service) on another connection. A server that arms a timer answers
        // the second at once while the first is still pending. A server that slept in its handler instead would hold
        // its thread: the second request is read only after the sleep, when the first answer is already on its way,
        // so the first finishes first. The order of completion tells them apart whatever the machine's speed (only a
        // stall longer than kLatencyMs could blur it), and the delayed answer is never waited for: stopping the
        // sandbox drops it.
        constexpr int kLatencyMs = 60000;
        QThread worker;
        auto* sandbox = new Sandbox;
        sandbox->moveToThread(&worker);
        connect(&worker, &QThread::finished, sandbox, &QObject::deleteLater);
        worker.start();
        const QUrl base = sandbox->start();
        QVERIFY2(base.isValid(), qPrintable(sandbox->errorString()));
        SandboxFaults f;
        f.latencyMs = kLatencyMs;
        f.scope = SandboxFaults::Pop;
        sandbox->setFaults(f);
        QNetworkAccessManager nam;
        QNetworkReply* slow = post(
            nam, base,
            v3("ListProjects", "2024-05-18", {}, adminKey(*sandbox), QDateTime::currentDateTimeUtc(), hostOf(base)));
        // The delayed request has reached the sandbox (a sleeping one would be asleep now).
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->requestCount() >= 1, 20000);
        QNetworkReply* fast = nam.get(QNetworkRequest(sandbox->credentialsUri(u"700101"_s)));
        // Whichever finishes first; a sleeping server finishes the delayed one first, after kLatencyMs.
        QTRY_VERIFY_WITH_TIMEOUT(fast->isFinished() || slow->isFinished(), 3 * kLatencyMs);
        const bool slowFirst = slow->isFinished();
        const HttpResult r = wait(fast);
        slow->abort();
        slow->deleteLater();
        sandbox->stop();
        worker.quit();
        QVERIFY(worker.wait(10000));
        QVERIFY2(!slowFirst, "the delayed answer held up an answer out of the fault's scope: the server blocked");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"Code").toString(), u"Success"_s);
    }

    void runsOnAWorkerThread()
    {
        QThread worker;
        auto* sandbox = new Sandbox;
        sandbox->moveToThread(&worker);
        connect(&worker, &QThread::finished, sandbox, &QObject::deleteLater);
        worker.start();
        // start() from this (another) thread hops to the worker and waits.
        const QUrl base = sandbox->start();
        QVERIFY(base.isValid());
        QCOMPARE(sandbox->endpoint(), base);
        QVERIFY(!sandbox->credentialsUri(u"700101"_s).isEmpty());
        QNetworkAccessManager nam;
        HttpResult r = send(nam, base,
                            v3("ListServerIdeInstances", "2024-05-18", {{"PageSize", "10"}}, adminKey(*sandbox),
                               QDateTime::currentDateTimeUtc(), hostOf(base)));
        QCOMPARE(r.status, 200);
        SandboxFaults f;
        f.errorRate = 1.0;
        sandbox->setFaults(f); // from this thread, effective for the next request
        r = send(
            nam, base,
            v3("ListProjects", "2024-05-18", {}, adminKey(*sandbox), QDateTime::currentDateTimeUtc(), hostOf(base)));
        QCOMPARE(r.status, 503);
        sandbox->stop();
        worker.quit();
        QVERIFY(worker.wait(10000));
    }

    void stateFileRoundTrip()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(u"state.json"_s);
        Sandbox::Options options;
        options.stateFile = stateFile;
        QUrl firstUri;
        {
            Sandbox sandbox;
            QString error;
            QVERIFY2(sandbox.load(options, &error), qPrintable(error));
            QVERIFY(QFile::exists(stateFile));
            QCOMPARE(QFile(stateFile).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                     QFileDevice::Permissions());
            const QUrl base = sandbox.start();
            QNetworkAccessManager nam;
            const HttpResult r =
                send(nam, base,
                     v3("UpdateServerIdeInstance", "2024-05-18",
                        {{"InstanceId", "700104"},
                         {"InstanceName", "renamed_env"},
                         {"CredentialConfig",
                          R"({"Enable":true,"AliyunEnvRoleKey":"0","Configs":[{"Key":"0","Type":"RoleChain"}]})"}},
                        adminKey(sandbox), QDateTime::currentDateTimeUtc(), hostOf(base)));
            QCOMPARE(r.status, 200);
            QVERIFY(sandbox.setEnvironmentPublic(u"700104"_s, true));
            firstUri = sandbox.credentialsUri(u"700104"_s);
            sandbox.stop(); // saves
        }
        Sandbox again;
        QString error;
        options.seedFile = u"/nonexistent/seed.json"_s; // the state wins over the seed
        QVERIFY2(again.load(options, &error), qPrintable(error));
        SandboxData::Environment e;
        QVERIFY(again.engine()->environment(u"700104"_s, &e));
        QCOMPARE(e.name, u"renamed_env"_s);
        QCOMPARE(e.roleKind, SandboxData::RoleKind::Default);
        QVERIFY(e.isPublic);
        const QUrl base = again.start();
        // The credentials URI keeps its token across restarts of one state (only the port may change).
        QCOMPARE(again.credentialsUri(u"700104"_s).path(), firstUri.path());
        QVERIFY(base.isValid());
    }

    void credentialsAndVisibilityFiles()
    {
        QTemporaryDir dir;
        Sandbox sandbox;
        sandbox.start();
        const QString path = dir.filePath(u"credentials"_s);
        QString error;
        QVERIFY2(sandbox.writeCredentialsFile(u"700101"_s, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(o.keys(), (QStringList{u"AccessKeyId"_s, u"AccessKeySecret"_s, u"Expiration"_s, u"SecurityToken"_s}));
        QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        // The same credential the URI serves now (one whole credential).
        SandboxIssuedCredential c;
        QVERIFY(sandbox.engine()->currentEnvironmentCredential(u"700101"_s, &c, &error));
        QCOMPARE(o.value(u"AccessKeyId").toString(), c.accessKeyId);
        QVERIFY(!sandbox.writeCredentialsFile(u"700106"_s, dir.filePath(u"none"_s), &error));
        QVERIFY(error.contains(u"700106"_s));

        const QString visibility = dir.filePath(u"visibility.json"_s);
        QVERIFY(sandbox.writeVisibilityFile(visibility, &error));
        // RoleDesk's own import reads it.
        VisibilityStore store(dir.filePath(u"store.json"_s));
        const VisibilityImportResult result = store.importFile(visibility, u"sandbox-test"_s);
        QVERIFY2(result.ok, qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.entries, 40);
        QCOMPARE(store.visibility(u"700105"_s), Visibility::Public);
        QCOMPARE(store.visibility(u"700101"_s), Visibility::Private);
    }

    void generatesOneHundredThousandEnvironments()
    {
        QElapsedTimer timer;
        timer.start();
        Sandbox a;
        Sandbox::Options options;
        options.environments = 100000;
        QString error;
        QVERIFY(a.load(options, &error));
        qInfo("generated 100,000 environments in %lld ms", timer.elapsed());
        QCOMPARE(a.engine()->environmentCount(), 100000);
        Sandbox b;
        QVERIFY(b.load(options, &error));
        SandboxData::Environment ea, eb, seedEnv;
        QVERIFY(a.engine()->environment(u"8054321"_s, &ea));
        QVERIFY(b.engine()->environment(u"8054321"_s, &eb));
        QCOMPARE(ea.name, eb.name); // deterministic
        QCOMPARE(ea.ownerId, eb.ownerId);
        QVERIFY(a.engine()->environment(u"700101"_s, &seedEnv)); // the seed's come first
        // Mixed role choices and visibility for the warnings to find.
        int publicWithRole = 0;
        for (const auto& [id, isPublic] : a.engine()->visibility()) {
            if (!isPublic)
                continue;
            SandboxData::Environment e;
            a.engine()->environment(id, &e);
            publicWithRole += e.roleKind != SandboxData::RoleKind::None;
        }
        QVERIFY(publicWithRole > 1000);

        MockClock clock;
        SandboxEngine engine(&clock);
        QFile seed(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QVERIFY(engine.loadSeed(seed.readAll(), &error));
        engine.generateEnvironments(100000);
        const Key admin{engine.accessKeyId().toUtf8(), engine.accessKeySecret().toUtf8(), {}};
        const SandboxResponse r =
            engine.handle(v3("ListServerIdeInstances", "2024-05-18", {{"PageNumber", "1000"}, {"PageSize", "100"}},
                             admin, clock.nowUtc()));
        const QJsonObject paging = json(r).value(u"PagingInfo").toObject();
        QCOMPARE(paging.value(u"TotalCount").toInt(), 100000);
        QCOMPARE(paging.value(u"Instances").toArray().size(), 100);
        QCOMPARE(json(r).value(u"NextToken").toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "test_sandbox.moc"
