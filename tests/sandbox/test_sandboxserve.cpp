// The stable contract of `roledesk-cli sandbox serve`: exactly one JSON line once listening, a usable
// endpoint and key, a visibility file RoleDesk can import, a clean exit on SIGTERM/SIGINT with the
// state saved. Runs the built executable.
#include "SignedRequests.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SignedRequests;
using namespace Qt::StringLiterals;

class TestSandboxServe : public QObject
{
    Q_OBJECT

private:
    const QString m_cli = QStringLiteral(ROLEDESK_BINARY_DIR "/app/roledesk-cli");

    // Starts serve and returns the parsed contract line (empty on failure).
    QJsonObject startServe(QProcess& proc, const QStringList& extra, QByteArray* line)
    {
        proc.start(m_cli, QStringList{u"sandbox"_s, u"serve"_s} + extra);
        if (!proc.waitForStarted(20000))
            return {};
        while (!proc.canReadLine() && proc.state() == QProcess::Running)
            proc.waitForReadyRead(1000);
        *line = proc.readLine();
        return QJsonDocument::fromJson(*line).object();
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_cli))
            QFAIL(qPrintable(u"%1 is missing: build the roledesk-cli target first."_s.arg(m_cli)));
    }

    void contractLineAndCleanShutdown()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(u"state.json"_s);
        QProcess proc;
        QByteArray line;
        const QJsonObject contract =
            startServe(proc, {u"--state"_s, state, u"--credential-lifetime"_s, u"900"_s}, &line);
        QVERIFY2(!contract.isEmpty(), line.constData());
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        // The documented keys in the documented order.
        QVERIFY(line.startsWith("{\"endpoint\": \"http://127.0.0.1:"));
        const QStringList order{u"endpoint"_s,  u"accessKeyId"_s, u"accessKeySecret"_s,
                                u"accountId"_s, u"region"_s,      u"visibilityFile"_s};
        qsizetype last = -1;
        for (const QString& key : order) {
            const qsizetype at = line.indexOf(QByteArray('"' + key.toUtf8() + "\":"));
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        QCOMPARE(contract.keys().size(), 6);
        QCOMPARE(contract.value(u"region").toString(), u"cn-hangzhou"_s);

        // The endpoint works with the printed key.
        const QUrl base(contract.value(u"endpoint").toString());
        const Key key{contract.value(u"accessKeyId").toString().toUtf8(),
                      contract.value(u"accessKeySecret").toString().toUtf8(),
                      {}};
        V3Options options;
        options.host = base.authority().toUtf8();
        const SandboxRequest r =
            v3("GetCallerIdentity", "2015-04-01", {}, key, QDateTime::currentDateTimeUtc(), options);
        QNetworkAccessManager nam;
        QNetworkRequest request(base);
        for (const auto& [name, value] : r.headers)
            if (name != "host")
                request.setRawHeader(name, value);
        QNetworkReply* reply = nam.post(request, r.body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"AccountId").toString(),
                 contract.value(u"accountId").toString());
        delete reply;

        // The visibility file, in the import format.
        QFile visibility(contract.value(u"visibilityFile").toString());
        QVERIFY(visibility.open(QIODevice::ReadOnly));
        const QJsonArray records =
            QJsonDocument::fromJson(visibility.readAll()).object().value(u"environments").toArray();
        QCOMPARE(records.size(), 40);

        ::kill(pid_t(proc.processId()), SIGTERM);
        QVERIFY(proc.waitForFinished(20000));
        QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
        QCOMPARE(proc.exitCode(), 0);
        QCOMPARE(proc.readAllStandardOutput(), QByteArray()); // nothing after the contract line
        QVERIFY(QFile::exists(state));
        // The secret is printed only on the contract line, never on stderr.
        QVERIFY(!proc.readAllStandardError().contains(key.secret));
    }

    void generatedEnvironmentsAndSigint()
    {
        QProcess proc;
        QByteArray line;
        const QJsonObject contract = startServe(proc, {u"--environments"_s, u"1000"_s}, &line);
        QVERIFY2(!contract.isEmpty(), line.constData());
        QFile visibility(contract.value(u"visibilityFile").toString());
        QVERIFY(visibility.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(visibility.readAll()).object().value(u"environments").toArray().size(), 1000);
        ::kill(pid_t(proc.processId()), SIGINT);
        QVERIFY(proc.waitForFinished(20000));
        QCOMPARE(proc.exitCode(), 0);
    }

    void usageErrors()
    {
        QProcess proc;
        proc.start(m_cli, {u"sandbox"_s, u"serve"_s, u"--port"_s, u"99999"_s});
        QVERIFY(proc.waitForFinished(20000));
        QCOMPARE(proc.exitCode(), 2);
        QCOMPARE(proc.readAllStandardOutput(), QByteArray());
        QVERIFY(proc.readAllStandardError().contains("--port"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxServe)
#include "test_sandboxserve.moc"
