#include "VisibilityStore.h"

#include "util/Clock.h"
#include "util/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace {
const QLatin1String kEnvironments("environments");
const QLatin1String kInstanceId("instanceId");
const QLatin1String kVisibility("visibility");
const QLatin1String kRecordedBy("recordedBy");
const QLatin1String kRecordedAt("recordedAt");

int lineAtOffset(const QByteArray& data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    return int(data.left(offset).count('\n')) + 1;
}

// QJsonDocument keeps no positions, so find the line where each element of the top-level
// "environments" array starts with a small scanner that understands strings and nesting.
QList<int> environmentEntryLines(const QByteArray& data)
{
    QList<int> lines;
    QByteArray stack; // '{' or '['
    QByteArray lastKey;
    QByteArray arrayKey; // key of the array opened at depth 1
    QByteArray current;
    bool inString = false;
    bool escape = false;
    bool afterColon = false;
    bool expectElement = false; // at the start of an element of the environments array
    int line = 1;
    for (char c : data) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            else
                current += c;
            continue;
        }
        if (expectElement && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ']') {
            lines << line;
            expectElement = false;
        }
        const bool inEnvironments = stack == "{[" && arrayKey == "environments";
        switch (c) {
        case '"':
            inString = true;
            current.clear();
            break;
        case ':':
            lastKey = current;
            afterColon = true;
            break;
        case '{':
            stack += c;
            afterColon = false;
            break;
        case '[':
            if (stack == "{" && afterColon) {
                arrayKey = lastKey;
                expectElement = arrayKey == "environments";
            }
            stack += c;
            afterColon = false;
            break;
        case '}':
        case ']':
            stack.chop(1);
            expectElement = false;
            break;
        case ',':
            afterColon = false;
            expectElement = inEnvironments;
            break;
        default:
            break;
        }
    }
    return lines;
}

// A JSON value as the text an error message should quote.
QString jsonText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isUndefined())
        return {};
    return v.isArray() ? QStringLiteral("[...]") : QStringLiteral("{...}");
}

struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

// RFC 4180 with LF or CRLF line ends; records the line each record starts on.
bool parseCsv(const QString& text, QList<CsvRecord>* records, QString* error, int* errorLine)
{
    CsvRecord record;
    QString field;
    bool inQuotes = false;
    bool quotedField = false;
    bool afterQuote = false;
    int line = 1;
    record.line = 1;
    auto endField = [&]() {
        record.fields << field;
        field.clear();
        quotedField = false;
        afterQuote = false;
    };
    auto endRecord = [&]() {
        endField();
        records->append(record);
        record = CsvRecord();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            ++line;
            record.line = line;
        } else if (c == u'"' && field.trimmed().isEmpty() && !quotedField) {
            inQuotes = true;
            quotedField = true;
            field.clear();
        } else if (afterQuote) {
            if (!c.isSpace()) {
                *error = QCoreApplication::translate("VisibilityStore",
                                                     "text after a closing quote; put the whole field in quotes "
                                                     "and write a quote inside it as \"\"");
                *errorLine = line;
                return false;
            }
        } else {
            field += c;
        }
    }
    if (inQuotes) {
        *error = QCoreApplication::translate("VisibilityStore", "a quoted field is not closed; add the missing \"");
        *errorLine = record.line;
        return false;
    }
    if (!field.isEmpty() || !record.fields.isEmpty() || quotedField)
        endRecord();
    return true;
}
} // namespace

VisibilityStore::VisibilityStore(const QString& filePath, const Clock* clock)
    : m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
    , m_clock(clock ? clock : Clock::system())
{}

QString VisibilityStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/visibility.json");
}

bool VisibilityStore::load(QString* error)
{
    m_records.clear();
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the visibility records %1: %2.").arg(m_filePath, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QByteArray data = file.readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) {
            *error = tr("The visibility records %1 are damaged (line %2: %3). Restore the file from a backup or "
                        "import the records again.")
                         .arg(m_filePath)
                         .arg(lineAtOffset(data, parseError.offset))
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : tr("not a JSON object"));
        }
        return false;
    }
    const QJsonArray entries = doc.object().value(kEnvironments).toArray();
    for (const QJsonValue& v : entries) {
        const QJsonObject o = v.toObject();
        VisibilityRecord r;
        r.instanceId = o.value(kInstanceId).toString().trimmed();
        if (r.instanceId.isEmpty() || !Visibilities::fromString(o.value(kVisibility).toString(), &r.visibility) ||
            r.visibility == Visibility::Unknown) {
            qCWarning(lcModel) << "Skipping an unreadable visibility record in" << m_filePath;
            continue;
        }
        r.recordedBy = o.value(kRecordedBy).toString();
        r.recordedAt = QDateTime::fromString(o.value(kRecordedAt).toString(), Qt::ISODateWithMs).toUTC();
        m_records.insert(r.instanceId, r);
    }
    return true;
}

bool VisibilityStore::save(QString* error) const
{
    QJsonArray entries;
    for (const VisibilityRecord& r : records()) {
        QJsonObject o;
        o.insert(kInstanceId, r.instanceId);
        o.insert(kVisibility, Visibilities::toString(r.visibility));
        o.insert(kRecordedBy, r.recordedBy);
        o.insert(kRecordedAt, r.recordedAt.toUTC().toString(Qt::ISODateWithMs));
        entries.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    root.insert(kEnvironments, entries);

    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder %1 for the visibility records.").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the visibility records %1: %2.").arg(m_filePath, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot save the visibility records %1: %2. The previous file is unchanged.")
                         .arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

Visibility VisibilityStore::visibility(const QString& instanceId) const
{
    const auto it = m_records.constFind(instanceId);
    return it == m_records.cend() ? Visibility::Unknown : it->visibility;
}

std::optional<VisibilityRecord> VisibilityStore::record(const QString& instanceId) const
{
    const auto it = m_records.constFind(instanceId);
    if (it == m_records.cend())
        return std::nullopt;
    return *it;
}

QList<VisibilityRecord> VisibilityStore::records() const
{
    QList<VisibilityRecord> list = m_records.values();
    std::sort(list.begin(), list.end(),
              [](const VisibilityRecord& a, const VisibilityRecord& b) { return a.instanceId < b.instanceId; });
    return list;
}

void VisibilityStore::set(const QString& instanceId, Visibility visibility, const QString& recordedBy)
{
    const QString id = instanceId.trimmed();
    if (id.isEmpty())
        return;
    if (visibility == Visibility::Unknown) {
        m_records.remove(id);
        return;
    }
    m_records.insert(id, VisibilityRecord{id, visibility, recordedBy, m_clock->nowUtc()});
}

VisibilityImportResult VisibilityStore::importJson(const QByteArray& data, const QString& recordedBy,
                                                   const QString& sourceName)
{
    const QString source = sourceName.isEmpty() ? QStringLiteral("JSON") : sourceName;
    VisibilityImportResult result;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors << tr("%1, line %2: not valid JSON (%3). Fix the syntax; the expected form is "
                            "{\"environments\":[{\"instanceId\":\"...\",\"visibility\":\"public\"}]}.")
                             .arg(source)
                             .arg(lineAtOffset(data, parseError.offset))
                             .arg(parseError.errorString());
        return result;
    }
    const QJsonValue list = doc.object().value(kEnvironments);
    if (!doc.isObject() || !list.isArray()) {
        result.errors << tr("%1, line 1: no \"environments\" list. The expected form is "
                            "{\"environments\":[{\"instanceId\":\"...\",\"visibility\":\"public\"}]}.")
                             .arg(source);
        return result;
    }
    const QList<int> lines = environmentEntryLines(data);
    const QJsonArray array = list.toArray();
    QList<Entry> entries;
    QList<QPair<int, QString>> errors;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Entry e;
        e.line = i < lines.size() ? lines.at(i) : lineAtOffset(data, data.size());
        const QJsonValue v = array.at(i);
        if (!v.isObject()) {
            errors << qMakePair(e.line, tr("%1, line %2 (entry %3): an entry must be an object like "
                                           "{\"instanceId\":\"...\",\"visibility\":\"public\"}.")
                                            .arg(source)
                                            .arg(e.line)
                                            .arg(i + 1));
            continue;
        }
        const QJsonObject o = v.toObject();
        const QJsonValue id = o.value(kInstanceId);
        e.instanceId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        e.visibility = jsonText(o.value(kVisibility));
        entries << e;
    }
    result = validateAndApply(entries, source, errors, recordedBy);
    result.entries = int(array.size());
    return result;
}

VisibilityImportResult VisibilityStore::importCsv(const QByteArray& data, const QString& recordedBy,
                                                  const QString& sourceName)
{
    const QString source = sourceName.isEmpty() ? QStringLiteral("CSV") : sourceName;
    VisibilityImportResult result;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<CsvRecord> records;
    QString parseError;
    int errorLine = 0;
    if (!parseCsv(text, &records, &parseError, &errorLine)) {
        result.errors << tr("%1, line %2: %3.").arg(source).arg(errorLine).arg(parseError);
        return result;
    }
    auto blank = [](const CsvRecord& r) {
        return std::all_of(r.fields.cbegin(), r.fields.cend(), [](const QString& f) { return f.trimmed().isEmpty(); });
    };
    records.removeIf(blank);
    if (records.isEmpty()) {
        result.errors
            << tr("%1, line 1: the file is empty. Start with the header line \"instanceId,visibility\".").arg(source);
        return result;
    }
    const CsvRecord header = records.takeFirst();
    qsizetype idColumn = -1;
    qsizetype visColumn = -1;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (name.compare(kInstanceId, Qt::CaseInsensitive) == 0)
            idColumn = i;
        else if (name.compare(kVisibility, Qt::CaseInsensitive) == 0)
            visColumn = i;
    }
    if (idColumn < 0 || visColumn < 0) {
        result.errors << tr("%1, line %2: the header must name the columns instanceId and visibility, for example "
                            "\"instanceId,visibility\"; found \"%3\".")
                             .arg(source)
                             .arg(header.line)
                             .arg(header.fields.join(QLatin1Char(',')));
        return result;
    }
    QList<Entry> entries;
    QList<QPair<int, QString>> errors;
    for (const CsvRecord& r : std::as_const(records)) {
        if (r.fields.size() <= std::max(idColumn, visColumn)) {
            errors << qMakePair(r.line,
                                tr("%1, line %2: expected %3 columns, found %4. Each line needs an instance id and a "
                                   "visibility, separated by a comma.")
                                    .arg(source)
                                    .arg(r.line)
                                    .arg(header.fields.size())
                                    .arg(r.fields.size()));
            continue;
        }
        entries << Entry{r.line, r.fields.at(idColumn), r.fields.at(visColumn)};
    }
    result = validateAndApply(entries, source, errors, recordedBy);
    result.entries = int(records.size());
    return result;
}

VisibilityImportResult VisibilityStore::importFile(const QString& path, const QString& recordedBy)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        VisibilityImportResult result;
        result.errors << tr("Cannot read %1: %2. Check the path and permissions.").arg(path, file.errorString());
        return result;
    }
    const QByteArray data = file.readAll();
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return importCsv(data, recordedBy, path);
    return importJson(data, recordedBy, path);
}

VisibilityImportResult VisibilityStore::validateAndApply(const QList<Entry>& entries, const QString& source,
                                                         QList<QPair<int, QString>> errors, const QString& recordedBy)
{
    VisibilityImportResult result;
    QHash<QString, QPair<Visibility, int>> seen; // id -> visibility, line
    QList<QPair<QString, Visibility>> changes;
    for (const Entry& e : entries) {
        const QString id = e.instanceId.trimmed();
        bool entryOk = true;
        if (id.isEmpty()) {
            errors << qMakePair(
                e.line, tr("%1, line %2: the instance id is missing. Give the environment's InstanceId, e.g. 699573.")
                            .arg(source)
                            .arg(e.line));
            entryOk = false;
        } else if (std::any_of(id.cbegin(), id.cend(), [](QChar c) { return c.isSpace(); })) {
            errors << qMakePair(
                e.line, tr("%1, line %2: the instance id \"%3\" contains spaces; give one InstanceId per entry.")
                            .arg(source)
                            .arg(e.line)
                            .arg(id));
            entryOk = false;
        }
        Visibility v = Visibility::Unknown;
        if (!Visibilities::fromString(e.visibility, &v)) {
            errors << qMakePair(e.line,
                                tr("%1, line %2: the visibility \"%3\" is not valid; write public, private or unknown.")
                                    .arg(source)
                                    .arg(e.line)
                                    .arg(e.visibility.trimmed()));
            entryOk = false;
        }
        if (!entryOk)
            continue;
        const auto previous = seen.constFind(id);
        if (previous != seen.cend()) {
            if (previous->first != v) {
                errors << qMakePair(
                    e.line, tr("%1, line %2: %3 is already listed as %4 on line %5; keep one line per environment.")
                                .arg(source)
                                .arg(e.line)
                                .arg(id, Visibilities::toString(previous->first))
                                .arg(previous->second));
            }
            continue;
        }
        seen.insert(id, {v, e.line});
        changes << qMakePair(id, v);
    }
    std::stable_sort(errors.begin(), errors.end(),
                     [](const QPair<int, QString>& a, const QPair<int, QString>& b) { return a.first < b.first; });
    for (const auto& error : std::as_const(errors))
        result.errors << error.second;
    if (!errors.isEmpty()) {
        qCInfo(lcModel) << "Visibility import from" << source << "rejected with" << errors.size() << "error(s)";
        return result;
    }
    for (const auto& [id, v] : std::as_const(changes)) {
        if (visibility(id) != v)
            ++result.changed;
        set(id, v, recordedBy);
    }
    result.ok = true;
    return result;
}
