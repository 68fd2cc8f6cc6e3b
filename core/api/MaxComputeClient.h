#pragma once

#include "api/ApiClient.h"

#include <QDateTime>
#include <QObject>

struct MaxComputeTable
{
    QString name;
    QString tableId;
    QString owner;
    QString comment;
    QDateTime creationTime;     // UTC; invalid when absent
    QDateTime lastModifiedTime; // UTC; invalid when absent
};

// MaxCompute (ODPS) REST API: XML answers, the ODPS signature, STS token in authorization-sts-token.
class MaxComputeClient : public QObject
{
    Q_OBJECT
public:
    explicit MaxComputeClient(ApiClient* api, QObject* parent = nullptr);
    ApiClient* api() const { return m_api; }

    // Every table of a project (GET /projects/<p>/tables?expectmarker=true[&marker=M][&name=prefix] while the
    // answer's Marker is non-empty).
    void listTables(const QString& project, ApiCallback<QList<MaxComputeTable>> done, const QString& namePrefix = {});

    // One <Tables> answer: its tables and the marker of the next page (empty at the end). False on malformed XML.
    static bool parseTablesPage(const QByteArray& xml, QList<MaxComputeTable>* tables, QString* nextMarker);

private:
    void listTablesPage(const QString& project, const QString& prefix, const QString& marker,
                        QList<MaxComputeTable> soFar, ApiCallback<QList<MaxComputeTable>> done);
    ApiClient* m_api;
};
