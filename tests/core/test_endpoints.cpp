#include "api/Endpoints.h"

#include <QTest>

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void publicEndpoints_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("url");
        const int dw = int(ApiService::DataWorks);
        QTest::newRow("dw shanghai") << dw << QStringLiteral("cn-shanghai")
                                     << QStringLiteral("https://dataworks.cn-shanghai.aliyuncs.com/");
        QTest::newRow("dw singapore") << dw << QStringLiteral("ap-southeast-1")
                                      << QStringLiteral("https://dataworks.ap-southeast-1.aliyuncs.com/");
        QTest::newRow("dw qingdao") << dw << QStringLiteral("cn-qingdao")
                                    << QStringLiteral("https://dataworks.aliyuncs.com/");
        QTest::newRow("dw huhehaote") << dw << QStringLiteral("cn-huhehaote")
                                      << QStringLiteral("https://dataworks.aliyuncs.com/");
        QTest::newRow("dw zhangjiakou") << dw << QStringLiteral("cn-zhangjiakou")
                                        << QStringLiteral("https://dataworks.aliyuncs.com/");
        QTest::newRow("dw finance") << dw << QStringLiteral("cn-shanghai-finance-1")
                                    << QStringLiteral("https://dataworks.aliyuncs.com/");
        QTest::newRow("dw gov") << dw << QStringLiteral("cn-north-2-gov-1")
                                << QStringLiteral("https://dataworks.aliyuncs.com/");
        QTest::newRow("sts") << int(ApiService::Sts) << QStringLiteral("cn-beijing")
                             << QStringLiteral("https://sts.aliyuncs.com/");
        QTest::newRow("ram") << int(ApiService::Ram) << QStringLiteral("cn-beijing")
                             << QStringLiteral("https://ram.aliyuncs.com/");
        QTest::newRow("maxcompute") << int(ApiService::MaxCompute) << QStringLiteral("cn-beijing")
                                    << QStringLiteral("https://service.cn-beijing.maxcompute.aliyun.com/api");
    }

    void publicEndpoints()
    {
        QFETCH(int, service);
        QFETCH(QString, region);
        QFETCH(QString, url);
        Endpoints endpoints(region);
        QString error;
        QCOMPARE(endpoints.baseUrl(ApiService(service), {}, &error).toString(), url);
        QVERIFY(error.isEmpty());
        // A per-call region wins over the default one.
        Endpoints other(QStringLiteral("eu-central-1"));
        QCOMPARE(other.baseUrl(ApiService(service), region).toString(), url);
    }

    void regionalSts()
    {
        Endpoints endpoints(QStringLiteral("cn-shenzhen"));
        endpoints.setRegionalSts(true);
        QCOMPARE(endpoints.baseUrl(ApiService::Sts).toString(),
                 QStringLiteral("https://sts.cn-shenzhen.aliyuncs.com/"));
    }

    void oneEndpointServesEveryService()
    {
        Endpoints endpoints;
        endpoints.setEndpointOverride(QUrl(QStringLiteral("http://127.0.0.1:8123")));
        QCOMPARE(endpoints.baseUrl(ApiService::DataWorks).toString(), QStringLiteral("http://127.0.0.1:8123/"));
        QCOMPARE(endpoints.baseUrl(ApiService::Sts).toString(), QStringLiteral("http://127.0.0.1:8123/"));
        QCOMPARE(endpoints.baseUrl(ApiService::Ram).toString(), QStringLiteral("http://127.0.0.1:8123/"));
        QCOMPARE(endpoints.baseUrl(ApiService::MaxCompute).toString(), QStringLiteral("http://127.0.0.1:8123/api"));

        endpoints.setEndpointOverride(QUrl(QStringLiteral("https://gw.example.com/cloud/")));
        QCOMPARE(endpoints.baseUrl(ApiService::Ram).toString(), QStringLiteral("https://gw.example.com/cloud/"));
        QCOMPARE(endpoints.baseUrl(ApiService::MaxCompute).toString(),
                 QStringLiteral("https://gw.example.com/cloud/api"));

        // Per-service overrides win over the single one.
        endpoints.setServiceOverride(
            ApiService::MaxCompute,
            QUrl(QStringLiteral("https://service.cn-hangzhou-vpc.maxcompute.aliyun-inc.com/api")));
        endpoints.setServiceOverride(ApiService::Sts, QUrl(QStringLiteral("https://sts-vpc.cn-hangzhou.aliyuncs.com")));
        QCOMPARE(endpoints.baseUrl(ApiService::MaxCompute).toString(),
                 QStringLiteral("https://service.cn-hangzhou-vpc.maxcompute.aliyun-inc.com/api"));
        QCOMPARE(endpoints.baseUrl(ApiService::Sts).toString(),
                 QStringLiteral("https://sts-vpc.cn-hangzhou.aliyuncs.com/"));
        QCOMPARE(endpoints.baseUrl(ApiService::DataWorks).toString(), QStringLiteral("https://gw.example.com/cloud/"));
        endpoints.setServiceOverride(ApiService::Sts, QUrl());
        QCOMPARE(endpoints.baseUrl(ApiService::Sts).toString(), QStringLiteral("https://gw.example.com/cloud/"));
    }

    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowInsecure");
        QTest::addColumn<bool>("usable");
        QTest::newRow("https remote") << QStringLiteral("https://gw.example.com") << false << true;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:9000") << false << true;
        QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3:9000") << false << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000") << false << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000") << false << true;
        QTest::newRow("http remote") << QStringLiteral("http://gw.example.com") << false << false;
        QTest::newRow("http private ip") << QStringLiteral("http://10.0.0.5") << false << false;
        QTest::newRow("http remote allowed") << QStringLiteral("http://gw.example.com") << true << true;
        QTest::newRow("ftp") << QStringLiteral("ftp://gw.example.com") << true << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false << false;
    }

    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowInsecure);
        QFETCH(bool, usable);
        Endpoints endpoints;
        endpoints.setEndpointOverride(QUrl(url));
        endpoints.setAllowInsecureHttp(allowInsecure);
        QString error;
        const QUrl base = endpoints.baseUrl(ApiService::DataWorks, {}, &error);
        QCOMPARE(base.isValid(), usable);
        QCOMPARE(error.isEmpty(), usable);
        if (!usable && url.startsWith(QLatin1String("http://")))
            QVERIFY2(error.contains(QStringLiteral("--allow-insecure-http")), qPrintable(error));
    }

    void errorsHideSecretsInUrls()
    {
        Endpoints endpoints;
        endpoints.setEndpointOverride(QUrl(QStringLiteral("http://user:pa55word@gw.example.com/?token=abc123")));
        QString error;
        QVERIFY(!endpoints.baseUrl(ApiService::Ram, {}, &error).isValid());
        QVERIFY(!error.contains(QStringLiteral("pa55word")));
        QVERIFY(!error.contains(QStringLiteral("abc123")));
    }
};

QTEST_GUILESS_MAIN(TestEndpoints)
#include "test_endpoints.moc"
