#include "ApiTestSupport.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "api/RamClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace ApiTestSupport;
using Request = ScriptedHttpServer::Request;

namespace {
QJsonObject role(const QString& name, const QString& policy)
{
    QJsonObject o{{QStringLiteral("RoleId"), QString(QStringLiteral("id-") + name)},
                  {QStringLiteral("RoleName"), name},
                  {QStringLiteral("Arn"), QString(QStringLiteral("acs:ram::1234567890123456:role/") + name)},
                  {QStringLiteral("Description"), QStringLiteral("d")},
                  {QStringLiteral("MaxSessionDuration"), 7200},
                  {QStringLiteral("CreateDate"), QStringLiteral("2025-03-01T10:00:00Z")},
                  {QStringLiteral("UpdateDate"), QStringLiteral("2025-03-02T10:00:00Z")}};
    if (!policy.isEmpty())
        o.insert(QStringLiteral("AssumeRolePolicyDocument"), policy);
    return o;
}

QString dataWorksTrust()
{
    const QJsonObject statement{
        {QStringLiteral("Action"), QStringLiteral("sts:AssumeRole")},
        {QStringLiteral("Effect"), QStringLiteral("Allow")},
        {QStringLiteral("Principal"),
         QJsonObject{{QStringLiteral("Service"), QJsonArray{QStringLiteral("dataworks.aliyuncs.com")}}}}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("Version"), QStringLiteral("1")},
                                                       {QStringLiteral("Statement"), QJsonArray{statement}}})
                                 .toJson(QJsonDocument::Compact));
}
} // namespace

class TestRamClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    MockClock m_clock;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<RamClient> m_ram;

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        Endpoints endpoints;
        endpoints.setEndpointOverride(m_server->baseUrl());
        m_api = std::make_unique<ApiClient>(
            endpoints,
            [] {
                return Credential(QStringLiteral("LTAI5tRamKey0001"), QStringLiteral("RamSecret0123456789"), {}, {},
                                  {});
            },
            &m_clock);
        m_ram = std::make_unique<RamClient>(m_api.get());
    }
    void cleanup()
    {
        m_ram.reset();
        m_api.reset();
        m_server.reset();
    }

    void getRoleParsesTheTrustPolicy()
    {
        m_server->setHandler([](const Request& r) {
            if (r.formValue("RoleName") != "dwrole")
                return error(404, QStringLiteral("EntityNotExist.Role"));
            return ok(
                QJsonDocument(QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("G")},
                                          {QStringLiteral("Role"), role(QStringLiteral("dwrole"), dataWorksTrust())}})
                    .toJson());
        });
        RamRole got;
        bool done = false;
        m_ram->getRole(QStringLiteral("dwrole"), [&](const RamRole& r, const ApiError& e) {
            QVERIFY(!e.isError());
            got = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(got.roleName, QStringLiteral("dwrole"));
        QCOMPARE(got.arn, QStringLiteral("acs:ram::1234567890123456:role/dwrole"));
        QCOMPARE(got.maxSessionDuration, 7200);
        QCOMPARE(got.createDate, QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC));
        QVERIFY(got.trustPolicy.isValid());
        QVERIFY(got.trustPolicy.trustsDataWorks());
        QVERIFY(!got.trustPolicy.trustsAccount(QStringLiteral("1234567890123456")));
        const Request& r = m_server->requests().first();
        QCOMPARE(r.header("x-acs-action"), QByteArray("GetRole"));
        QCOMPARE(r.header("x-acs-version"), QByteArray("2015-05-01"));
        QString why;
        QVERIFY2(verifyV3(r, "LTAI5tRamKey0001", "RamSecret0123456789", &why), qPrintable(why));

        ApiError error;
        done = false;
        m_ram->getRole(QStringLiteral("missing"), [&](const RamRole&, const ApiError& e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(error.code, QStringLiteral("EntityNotExist.Role"));
        QCOMPARE(error.service, QStringLiteral("ram"));
    }

    void listRolesFollowsTheMarker()
    {
        m_server->setHandler([](const Request& r) {
            const QByteArray marker = r.formValue("Marker");
            const int page = marker.isEmpty() ? 1 : marker.mid(1).toInt();
            QJsonArray roles;
            roles.append(role(QStringLiteral("r%1a").arg(page), {}));
            if (page < 3)
                roles.append(role(QStringLiteral("r%1b").arg(page), {}));
            QJsonObject answer{{QStringLiteral("RequestId"), QStringLiteral("L")},
                               {QStringLiteral("IsTruncated"), page < 3},
                               {QStringLiteral("Roles"), QJsonObject{{QStringLiteral("Role"), roles}}}};
            if (page < 3)
                answer.insert(QStringLiteral("Marker"), QStringLiteral("m%1").arg(page + 1));
            return ok(QJsonDocument(answer).toJson());
        });
        QList<RamRole> roles;
        bool done = false;
        m_ram->listRoles(
            [&](const QList<RamRole>& list, const ApiError& e) {
                QVERIFY(!e.isError());
                roles = list;
                done = true;
            },
            2);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QStringList names;
        for (const RamRole& r : roles)
            names << r.roleName;
        QCOMPARE(names, QStringList({QStringLiteral("r1a"), QStringLiteral("r1b"), QStringLiteral("r2a"),
                                     QStringLiteral("r2b"), QStringLiteral("r3a")}));
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(m_server->requests().at(0).formValue("Marker").isEmpty());
        QCOMPARE(m_server->requests().at(1).formValue("Marker"), QByteArray("m2"));
        QCOMPARE(m_server->requests().at(2).formValue("MaxItems"), QByteArray("2"));
        QVERIFY(!roles.first().trustPolicy.isValid()); // ListRoles carries no policy document
    }
};

QTEST_GUILESS_MAIN(TestRamClient)
#include "test_ramclient.moc"
