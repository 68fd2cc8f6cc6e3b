#pragma once

#include "Visibility.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Clock;

// RoleDesk's own record of which environments are public in their workspace: the DataWorks API has no
// such field, so admins record it (by hand or by import) and every screen says "recorded by admins".
//
// FILE FORMAT (JSON, UTF-8). The import format, and also the format the store saves (the sandbox
// writes it too):
//   {"environments": [ {"instanceId": "699573", "visibility": "public"},
//                      {"instanceId": "699574", "visibility": "private"} ]}
// "visibility" is "public", "private" or "unknown" (case-insensitive; "unknown" removes the record).
// The store's own file adds "version": 1 and, per entry, "recordedBy" and "recordedAt" (ISO 8601 UTC);
// on import those two are ignored and replaced by who imports it and when. Other members are ignored.
//
// CSV import: a header line naming the columns instanceId and visibility (any order, any case, other
// columns ignored), then one environment per line; fields may be quoted ("" for a quote inside), line
// ends may be LF or CRLF, a UTF-8 BOM and blank lines are tolerated.
//
// Imports are all-or-nothing: every entry is checked first; if any is wrong nothing is applied and
// every error names its line and what to fix.
struct VisibilityRecord
{
    QString instanceId;
    Visibility visibility = Visibility::Unknown;
    QString recordedBy;   // who recorded it (caller identity ARN, or an OS user name)
    QDateTime recordedAt; // UTC
    bool operator==(const VisibilityRecord&) const = default;
};

struct VisibilityImportResult
{
    bool ok = false;
    int entries = 0;    // entries read (valid or not)
    int changed = 0;    // records that changed when applied
    QStringList errors; // translated, each "<source>, line N: <what is wrong and how to fix it>"
};

class VisibilityStore
{
    Q_DECLARE_TR_FUNCTIONS(VisibilityStore)

public:
    // An empty filePath means defaultFilePath(); a null clock means Clock::system().
    explicit VisibilityStore(const QString& filePath = QString(), const Clock* clock = nullptr);

    // <AppDataLocation>/visibility.json
    static QString defaultFilePath();
    const QString& filePath() const { return m_filePath; }

    // Reads the file; a missing file is an empty store (true). On error the store is left empty.
    bool load(QString* error = nullptr);
    // Atomically replaces the file (QSaveFile), creating its folder if needed.
    bool save(QString* error = nullptr) const;

    Visibility visibility(const QString& instanceId) const;
    std::optional<VisibilityRecord> record(const QString& instanceId) const;
    // Sorted by instance id.
    QList<VisibilityRecord> records() const;
    // Visibility::Unknown removes the record. Time comes from the clock. Does not save.
    void set(const QString& instanceId, Visibility visibility, const QString& recordedBy);
    void remove(const QString& instanceId) { m_records.remove(instanceId); }

    // sourceName names the input in error messages (a file path); defaults to "JSON"/"CSV".
    // Applies in memory only when every entry is valid; does not save.
    VisibilityImportResult importJson(const QByteArray& data, const QString& recordedBy,
                                      const QString& sourceName = QString());
    VisibilityImportResult importCsv(const QByteArray& data, const QString& recordedBy,
                                     const QString& sourceName = QString());
    // By extension: .csv is CSV, anything else JSON.
    VisibilityImportResult importFile(const QString& path, const QString& recordedBy);

private:
    struct Entry
    {
        int line = 0;
        QString instanceId;
        QString visibility;
    };
    // errors: (line, message) found while reading; the result lists all errors ordered by line.
    VisibilityImportResult validateAndApply(const QList<Entry>& entries, const QString& source,
                                            QList<QPair<int, QString>> errors, const QString& recordedBy);

    QString m_filePath;
    const Clock* m_clock;
    QHash<QString, VisibilityRecord> m_records;
};
