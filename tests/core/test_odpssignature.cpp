#include "signing/Signing.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

// No published MaxCompute signature example exists, so the worked examples below build the string to sign by
// hand from the reference (../shared/reference/signing.md, matching pyodps odps/accounts.py
// BaseAccount._build_canonical_str), and the signatures were computed once, independently of Qt, with
//   printf '%s' "$STRING_TO_SIGN" | openssl dgst -sha1 -hmac odpsExampleSecret -binary | base64
// and, for V4, the key chain with `openssl dgst -sha256 -mac HMAC -macopt key:aliyun_v4odpsExampleSecret` over
// 20261128, cn-shanghai, odps, aliyun_v4_request (each step keyed with the previous, -macopt hexkey:),
// then `openssl dgst -sha1 -mac HMAC -macopt hexkey:<key>` over the same string to sign.
namespace {

const QByteArray secret = "odpsExampleSecret";
const QByteArray date = "Sat, 28 Nov 2026 13:00:00 GMT";

Signing::OdpsInput listTables()
{
    Signing::OdpsInput in;
    in.method = "GET";
    in.headers = {{"Date", date},
                  {"X-Odps-Zeta", "2"},
                  {"x-odps-request-tag", "roledesk"},
                  {"User-Agent", "RoleDesk/0.1.0"},
                  // Added after signing and never signed.
                  {"authorization-sts-token", "CAIS.token"}};
    in.resource = "/projects/my project/tables";
    in.query = {{"name", "sales"}, {"x-odps-mode", "fast"}, {"marker", ""}, {"expectmarker", "true"}};
    return in;
}

const QByteArray listTablesStringToSign =
    "GET\n"
    "\n"
    "\n"
    "Sat, 28 Nov 2026 13:00:00 GMT\n"
    "x-odps-mode:fast\n"
    "x-odps-request-tag:roledesk\n"
    "x-odps-zeta:2\n"
    "/projects/my project/tables?expectmarker=true&marker&name=sales&x-odps-mode=fast";

} // namespace

class TestOdpsSignature : public QObject
{
    Q_OBJECT
private slots:
    void listTablesStringToSignAndSignature()
    {
        QCOMPARE(Signing::odpsStringToSign(listTables()), listTablesStringToSign);
        QCOMPARE(Signing::odpsAuthorization(listTables(), "odpsExampleId", secret),
                 QByteArray("ODPS odpsExampleId:dK+qenaGqvG8XCvN3x1BpeGHHcM="));
    }

    void dateFieldWinsOverHeaderAndStsTokenIsNotSigned()
    {
        auto in = listTables();
        in.date = date;
        in.headers.removeIf([](const auto& h) { return h.first == "Date"; });
        QCOMPARE(Signing::odpsStringToSign(in), listTablesStringToSign);
        in.headers.removeIf([](const auto& h) { return h.first == "authorization-sts-token"; });
        QCOMPARE(Signing::odpsStringToSign(in), listTablesStringToSign);
    }

    void postWithMd5TypeAndNoQuery()
    {
        Signing::OdpsInput in;
        in.method = "POST";
        in.contentMd5 = "XrY7u+Ae7tCTyyK7j1rNww==";
        in.headers = {{"Content-Type", "application/xml"}, {"Date", date}};
        in.resource = "/projects/p/instances";
        const QByteArray expected = "POST\nXrY7u+Ae7tCTyyK7j1rNww==\napplication/xml\n"
                                    "Sat, 28 Nov 2026 13:00:00 GMT\n/projects/p/instances";
        QCOMPARE(Signing::odpsStringToSign(in), expected);
        QCOMPARE(Signing::odpsAuthorization(in, "id", secret), QByteArray("ODPS id:kcID3+uzeqJjTVdRC4FeEHsQqNs="));
    }

    void queryParameterOverridesHeaderOfSameName()
    {
        Signing::OdpsInput in;
        in.date = date;
        in.headers = {{"x-odps-a", "from-header"}};
        in.query = {{"x-odps-a", "from-query"}};
        in.resource = "/projects";
        QCOMPARE(
            Signing::odpsStringToSign(in),
            QByteArray("GET\n\n\nSat, 28 Nov 2026 13:00:00 GMT\nx-odps-a:from-query\n/projects?x-odps-a=from-query"));
    }

    void v4DerivedKeyAndAuthorization()
    {
        QCOMPARE(Signing::odpsV4SigningKey(secret, "20261128", "cn-shanghai").toHex(),
                 QByteArray("f2b9171450fb6403c63d87f238f9c4ea36f6184cde188c35757d8265aba13a2d"));
        QCOMPARE(
            Signing::odpsAuthorizationV4(listTables(), "odpsExampleId", secret, "20261128", "cn-shanghai"),
            QByteArray("ODPS odpsExampleId/20261128/cn-shanghai/odps/aliyun_v4_request:lF5SvwW6sIBUubntIRr/ikP5W0s="));
    }

    void httpDateIsRfc1123InEnglish()
    {
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QDateTime t(QDate(2026, 11, 28), QTime(14, 0, 5), QTimeZone(3600));
        QCOMPARE(Signing::httpDate(t), QByteArray("Sat, 28 Nov 2026 13:00:05 GMT"));
        QCOMPARE(Signing::httpDate(QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc())),
                 QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
        QCOMPARE(Signing::httpDate(QDateTime(QDate(2027, 1, 4), QTime(0, 0), QTimeZone::utc())),
                 QByteArray("Mon, 04 Jan 2027 00:00:00 GMT"));
        QLocale::setDefault(previous);
    }
};

QTEST_GUILESS_MAIN(TestOdpsSignature)
#include "test_odpssignature.moc"
