#include "ApiTestSupport.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SecretScanner.h"
#include "api/MaxComputeClient.h"
#include "signing/Signing.h"

#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {
const QString kKeyId = QStringLiteral("STS.OdpsKeyId000000001");
const QString kSecret = QStringLiteral("OdpsSecret0123456789abcdef");
const QString kToken = QStringLiteral("CAISodpsSecurityToken_0123456789abcdefghij");

QByteArray tablesPage(const QStringList& names, const QString& marker)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tables>\n  <Marker>" + marker.toUtf8() +
                     "</Marker>\n  <MaxItems>2</MaxItems>\n";
    for (const QString& name : names) {
        xml += "  <Table>\n    <Name>" + name.toUtf8() + "</Name>\n    <TableId>id_" + name.toUtf8() +
               "</TableId>\n    <Owner>ALIYUN$dev@example.com</Owner>\n    <Comment>c &amp; d</Comment>\n"
               "    <CreationTime>Wed, 21 Oct 2026 07:28:00 GMT</CreationTime>\n"
               "    <LastModifiedTime>Thu, 22 Oct 2026 07:28:00 GMT</LastModifiedTime>\n  </Table>\n";
    }
    return xml + "</Tables>\n";
}
} // namespace

class TestMaxComputeClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    MockClock m_clock;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<MaxComputeClient> m_mc;
    bool m_sts = true;

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints;
        endpoints.setEndpointOverride(m_server->baseUrl()); // MaxCompute at <base>/api
        m_sts = true;
        m_api = std::make_unique<ApiClient>(
            endpoints,
            [this] {
                return Credential(kKeyId, kSecret, m_sts ? kToken : QString(),
                                  m_sts ? QDateTime(QDate(2026, 1, 1), QTime(13, 0), Qt::UTC) : QDateTime(),
                                  QStringLiteral("test"));
            },
            &m_clock);
        ApiClient::Options options;
        options.backoffBaseMs = 5;
        options.maxAttempts = 2;
        m_api->setOptions(options);
        m_mc = std::make_unique<MaxComputeClient>(m_api.get());
    }
    void cleanup()
    {
        m_mc.reset();
        m_api.reset();
        m_server.reset();
    }

    void listsTablesWithMarkerPaging()
    {
        m_server->setHandler([](const Request& r) {
            Response response;
            response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")});
            response.headers.append({QByteArrayLiteral("x-odps-request-id"), QByteArrayLiteral("ODPS-REQ-1")});
            QByteArray marker;
            for (const auto& [k, v] : r.queryItems()) {
                if (k == "marker")
                    marker = v;
            }
            if (marker.isEmpty())
                response.body = tablesPage({QStringLiteral("t1"), QStringLiteral("t2")}, QStringLiteral("m/2+x"));
            else if (marker == "m/2+x")
                response.body = tablesPage({QStringLiteral("t3"), QStringLiteral("t4")}, QStringLiteral("m3"));
            else
                response.body = tablesPage({QStringLiteral("t5")}, QString());
            return response;
        });
        LogCapture capture;
        QList<MaxComputeTable> tables;
        ApiError error;
        bool done = false;
        m_mc->listTables(QStringLiteral("my_project"), [&](const QList<MaxComputeTable>& list, const ApiError& e) {
            tables = list;
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QCOMPARE(tables.size(), 5);
        QCOMPARE(tables.first().name, QStringLiteral("t1"));
        QCOMPARE(tables.first().tableId, QStringLiteral("id_t1"));
        QCOMPARE(tables.first().owner, QStringLiteral("ALIYUN$dev@example.com"));
        QCOMPARE(tables.first().comment, QStringLiteral("c & d"));
        QCOMPARE(tables.first().creationTime, QDateTime(QDate(2026, 10, 21), QTime(7, 28), Qt::UTC));
        QCOMPARE(tables.last().name, QStringLiteral("t5"));
        QCOMPARE(m_server->requestCount(), 3);

        const auto& requests = m_server->requests();
        for (const Request& r : requests) {
            QCOMPARE(r.method, QByteArray("GET"));
            QCOMPARE(r.path, QByteArray("/api/projects/my_project/tables"));
            QCOMPARE(r.header("Date"), QByteArray("Thu, 01 Jan 2026 12:00:00 GMT"));
            QVERIFY(r.header("Authorization").startsWith(QByteArray("ODPS " + kKeyId.toUtf8() + ':')));
            QCOMPARE(QString::fromUtf8(r.header("authorization-sts-token")), kToken);
            QString why;
            QVERIFY2(verifyOdps(r, kKeyId.toUtf8(), kSecret.toUtf8(), &why), qPrintable(why));
        }
        QCOMPARE(requests.at(0).query, QByteArray("expectmarker=true"));
        QCOMPARE(requests.at(1).query, QByteArray("expectmarker=true&marker=m%2F2%2Bx"));
        QCOMPARE(requests.at(2).query, QByteArray("expectmarker=true&marker=m3"));
        QVERIFY(capture.findAny({kSecret, kToken}).isEmpty());
    }

    void theStsTokenIsNotSigned()
    {
        m_server->setHandler([](const Request&) {
            Response response;
            response.body = tablesPage({}, QString());
            return response;
        });
        bool done = false;
        m_mc->listTables(QStringLiteral("p"), [&](const QList<MaxComputeTable>&, const ApiError&) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        m_sts = false;
        done = false;
        m_mc->listTables(QStringLiteral("p"), [&](const QList<MaxComputeTable>&, const ApiError&) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        const auto& requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY(!requests.at(0).header("authorization-sts-token").isEmpty());
        QVERIFY(requests.at(1).header("authorization-sts-token").isEmpty());
        // Same key, same date, same resource: the token changes nothing in the signature.
        QCOMPARE(requests.at(0).header("Authorization"), requests.at(1).header("Authorization"));
    }

    void xmlErrorsAreMapped()
    {
        m_server->setHandler([](const Request&) {
            Response response;
            response.status = 403;
            response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")});
            response.headers.append({QByteArrayLiteral("x-odps-request-id"), QByteArrayLiteral("HDR-ID")});
            response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoPermission</Code>\n"
                            "  <Message>Authorization Failed [4019], You have NO privilege 'odps:List' on "
                            "{acs:odps:*:projects/p}.</Message>\n  <RequestId>5F1C8A2B</RequestId>\n"
                            "  <HostId>service.cn-hangzhou.maxcompute.aliyun.com</HostId>\n</Error>\n";
            return response;
        });
        ApiError error;
        bool done = false;
        m_mc->listTables(QStringLiteral("p"), [&](const QList<MaxComputeTable>&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(error.kind, ApiError::Kind::Service);
        QCOMPARE(error.code, QStringLiteral("NoPermission"));
        QVERIFY(error.message.contains(QStringLiteral("odps:List")));
        QCOMPARE(error.requestId, QStringLiteral("5F1C8A2B"));
        QCOMPARE(error.hostId, QStringLiteral("service.cn-hangzhou.maxcompute.aliyun.com"));
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.service, QStringLiteral("maxcompute"));
        QCOMPARE(error.action, QStringLiteral("ListTables"));
        QVERIFY(error.explanation.contains(QStringLiteral("permission")));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void skewedClockIsReportedForMaxCompute()
    {
        const QDateTime serverNow = m_clock.nowUtc().addSecs(20 * 60);
        m_server->setHandler([serverNow](const Request&) {
            Response response;
            response.status = 403;
            response.headers.append({"Date", Signing::httpDate(serverNow)});
            response.body = "<Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message>"
                            "<RequestId>SK</RequestId><HostId>h</HostId></Error>";
            return response;
        });
        ApiError error;
        bool done = false;
        m_mc->listTables(QStringLiteral("p"), [&](const QList<MaxComputeTable>&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(error.code, QStringLiteral("RequestTimeTooSkewed"));
        QVERIFY(error.clockSkewDetected);
        QCOMPARE(error.clockSkewSeconds, qint64(1200));
        QVERIFY2(error.explanation.contains(QStringLiteral("20 minutes behind")), qPrintable(error.explanation));
    }

    void malformedAnswersAreParseErrors()
    {
        QList<MaxComputeTable> tables;
        QString marker;
        QVERIFY(!MaxComputeClient::parseTablesPage("<Tables><Table><Name>x</Name>", &tables, &marker));
        QVERIFY(!MaxComputeClient::parseTablesPage("{\"json\":true}", &tables, &marker));
        tables.clear();
        QVERIFY(MaxComputeClient::parseTablesPage(tablesPage({QStringLiteral("a")}, QStringLiteral("n")), &tables,
                                                  &marker));
        QCOMPARE(tables.size(), 1);
        QCOMPARE(marker, QStringLiteral("n"));
    }
};

QTEST_GUILESS_MAIN(TestMaxComputeClient)
#include "test_maxcomputeclient.moc"
