#include "MaxComputeClient.h"

#include <QXmlStreamReader>

namespace {

QDateTime parseOdpsTime(const QString& text)
{
    // ODPS writes RFC 1123 dates; tolerate ISO 8601 and epoch seconds.
    QDateTime dt = ApiClient::parseHttpDate(text.toLatin1());
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid()) {
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok);
        if (ok)
            dt = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    }
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

} // namespace

MaxComputeClient::MaxComputeClient(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{}

bool MaxComputeClient::parseTablesPage(const QByteArray& xml, QList<MaxComputeTable>* tables, QString* nextMarker)
{
    QXmlStreamReader reader(xml);
    MaxComputeTable table;
    bool inTable = false;
    bool sawTables = false;
    QString marker;
    QStringList path;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            path << name;
            if (name == QLatin1String("Tables"))
                sawTables = true;
            if (name == QLatin1String("Table") && path.size() == 2) {
                inTable = true;
                table = {};
            } else if (inTable && path.size() == 3) {
                const QString text = reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                path.removeLast();
                if (name == QLatin1String("Name"))
                    table.name = text;
                else if (name == QLatin1String("TableId"))
                    table.tableId = text;
                else if (name == QLatin1String("Owner"))
                    table.owner = text;
                else if (name == QLatin1String("Comment"))
                    table.comment = text;
                else if (name == QLatin1String("CreationTime"))
                    table.creationTime = parseOdpsTime(text);
                else if (name == QLatin1String("LastModifiedTime"))
                    table.lastModifiedTime = parseOdpsTime(text);
            } else if (!inTable && path.size() == 2 && name == QLatin1String("Marker")) {
                marker = reader.readElementText().trimmed();
                path.removeLast();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (inTable && path.size() == 2 && reader.name() == QLatin1String("Table")) {
                inTable = false;
                tables->append(table);
            }
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    if (reader.hasError() || !sawTables)
        return false;
    *nextMarker = marker;
    return true;
}

void MaxComputeClient::listTables(const QString& project, ApiCallback<QList<MaxComputeTable>> done,
                                  const QString& namePrefix)
{
    listTablesPage(project, namePrefix, QString(), {}, std::move(done));
}

void MaxComputeClient::listTablesPage(const QString& project, const QString& prefix, const QString& marker,
                                      QList<MaxComputeTable> soFar, ApiCallback<QList<MaxComputeTable>> done)
{
    ApiRequest request;
    request.service = ApiService::MaxCompute;
    request.action = QStringLiteral("ListTables");
    request.signature = ApiRequest::Signature::Odps;
    request.method = QByteArrayLiteral("GET");
    request.idempotent = true;
    request.path = QStringLiteral("/projects/") + project + QStringLiteral("/tables");
    request.query = {{QStringLiteral("expectmarker"), QStringLiteral("true")}};
    if (!marker.isEmpty())
        request.query.append({QStringLiteral("marker"), marker});
    if (!prefix.isEmpty())
        request.query.append({QStringLiteral("name"), prefix});
    m_api->call(request, this, [this, project, prefix, marker, soFar, done](ApiReply* reply) mutable {
        if (reply->error().isError()) {
            done({}, reply->error());
            return;
        }
        QString next;
        if (!parseTablesPage(reply->body(), &soFar, &next)) {
            ApiError error;
            error.kind = ApiError::Kind::Parse;
            error.code = QStringLiteral("InvalidResponse");
            error.service = apiServiceName(ApiService::MaxCompute);
            error.action = QStringLiteral("ListTables");
            error.requestId = reply->requestId();
            error.httpStatus = reply->httpStatus();
            error.explanation = tr("The answer is not the <Tables> XML MaxCompute returns. Check that the endpoint "
                                   "is the MaxCompute API root (…/api).");
            done({}, error);
            return;
        }
        if (!next.isEmpty() && next != marker) {
            listTablesPage(project, prefix, next, soFar, done);
            return;
        }
        done(soFar, {});
    });
}
