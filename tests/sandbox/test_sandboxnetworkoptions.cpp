// SandboxNetworkOptions: the network knobs shared by `roledesk-cli sandbox serve` and `roledesk --sandbox`: values,
// environment variables as fallback, ranges refused with a message naming the option.
#include "SandboxNetworkOptions.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSandboxNetworkOptions : public QObject
{
    Q_OBJECT

    static bool read(const QStringList& arguments, SandboxFaults* faults, QString* error,
                     const QProcessEnvironment& environment = QProcessEnvironment())
    {
        QCommandLineParser parser;
        const SandboxNetworkOptions options;
        options.addTo(parser);
        if (!parser.parse(QStringList{u"roledesk"_s} + arguments)) {
            *error = parser.errorText();
            return false;
        }
        return options.read(parser, faults, error, environment);
    }

private slots:
    void readsEveryKnob()
    {
        SandboxFaults faults;
        faults.malformedRate = 0.25; // other faults are left as they are
        QString error;
        QVERIFY(read({u"--latency-ms"_s, u"40"_s, u"--latency-jitter-ms"_s, u"10"_s, u"--throttle-rps"_s, u"20"_s,
                      u"--error-rate"_s, u"0.05"_s},
                     &faults, &error));
        QCOMPARE(faults.latencyMs, 40);
        QCOMPARE(faults.latencyJitterMs, 10);
        QCOMPARE(faults.throttleRequestsPerSecond, 20);
        QCOMPARE(faults.errorRate, 0.05);
        QCOMPARE(faults.malformedRate, 0.25);
    }

    void nothingGivenChangesNothing()
    {
        SandboxFaults faults;
        QString error;
        QVERIFY(read({}, &faults, &error));
        QCOMPARE(faults, SandboxFaults());
    }

    void environmentVariablesAreTheFallback()
    {
        QProcessEnvironment environment;
        environment.insert(u"ROLEDESK_SANDBOX_LATENCY_MS"_s, u"15"_s);
        environment.insert(u"ROLEDESK_SANDBOX_LATENCY_JITTER_MS"_s, u"5"_s);
        environment.insert(u"ROLEDESK_SANDBOX_THROTTLE_RPS"_s, u"7"_s);
        environment.insert(u"ROLEDESK_SANDBOX_ERROR_RATE"_s, u"1"_s);
        SandboxFaults faults;
        QString error;
        QVERIFY(read({u"--throttle-rps"_s, u"9"_s}, &faults, &error, environment));
        QCOMPARE(faults.latencyMs, 15);
        QCOMPARE(faults.latencyJitterMs, 5);
        QCOMPARE(faults.throttleRequestsPerSecond, 9); // the option wins
        QCOMPARE(faults.errorRate, 1.0);
    }

    void refusesValuesOutOfRange_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("negative latency") << QStringList{u"--latency-ms=-1"_s} << u"--latency-ms"_s;
        QTest::newRow("latency not a number") << QStringList{u"--latency-ms"_s, u"fast"_s} << u"--latency-ms"_s;
        QTest::newRow("latency too large") << QStringList{u"--latency-ms"_s, u"600001"_s} << u"--latency-ms"_s;
        QTest::newRow("negative jitter") << QStringList{u"--latency-jitter-ms=-5"_s} << u"--latency-jitter-ms"_s;
        QTest::newRow("fractional throttle") << QStringList{u"--throttle-rps"_s, u"2.5"_s} << u"--throttle-rps"_s;
        QTest::newRow("error rate above 1") << QStringList{u"--error-rate"_s, u"1.5"_s} << u"--error-rate"_s;
        QTest::newRow("error rate nan") << QStringList{u"--error-rate"_s, u"nan"_s} << u"--error-rate"_s;
    }
    void refusesValuesOutOfRange()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        SandboxFaults faults;
        QString error;
        QVERIFY(!read(arguments, &faults, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSandboxNetworkOptions)
#include "test_sandboxnetworkoptions.moc"
