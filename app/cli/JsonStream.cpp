#include "JsonStream.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace JsonStream {

namespace {

constexpr qsizetype FlushBytes = 64 * 1024;

char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendIndent(QByteArray& out, int indent)
{
    out.append(qsizetype(4) * indent, ' ');
}

void appendUnicodeEscape(QByteArray& out, char16_t u)
{
    const char escape[6] = {
        '\\', 'u', hexDigit(u >> 12 & 0xf), hexDigit(u >> 8 & 0xf), hexDigit(u >> 4 & 0xf), hexDigit(u & 0xf)};
    out.append(escape, 6);
}

} // namespace

void appendString(QByteArray& out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out.append('"');
    const char16_t* src = text.utf16();
    const char16_t* const end = src + text.size();
    while (src != end) {
        // The common case: a run of plain printable ASCII copied as is.
        const char16_t* run = src;
        while (run != end && *run >= 0x20 && *run < 0x80 && *run != u'"' && *run != u'\\')
            ++run;
        if (run != src) {
            const qsizetype start = out.size();
            out.resize(start + (run - src));
            char* dst = out.data() + start;
            for (const char16_t* p = src; p != run; ++p)
                *dst++ = char(*p);
            src = run;
            if (src == end)
                break;
        }
        const char16_t u = *src++;
        if (u < 0x80) {
            out.append('\\');
            switch (u) {
            case u'"':
                out.append('"');
                break;
            case u'\\':
                out.append('\\');
                break;
            case 0x8:
                out.append('b');
                break;
            case 0xc:
                out.append('f');
                break;
            case 0xa:
                out.append('n');
                break;
            case 0xd:
                out.append('r');
                break;
            case 0x9:
                out.append('t');
                break;
            default: {
                const char escape[5] = {'u', '0', '0', hexDigit(u >> 4), hexDigit(u & 0xf)};
                out.append(escape, 5);
            }
            }
        } else if (u < 0x800) {
            const char bytes[2] = {char(0xc0 | (u >> 6)), char(0x80 | (u & 0x3f))};
            out.append(bytes, 2);
        } else if (u < 0xd800 || u > 0xdfff) {
            const char bytes[3] = {char(0xe0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3f)), char(0x80 | (u & 0x3f))};
            out.append(bytes, 3);
        } else if (u < 0xdc00 && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t cp = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(*src) - 0xdc00);
            ++src;
            const char bytes[4] = {char(0xf0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3f)),
                                   char(0x80 | ((cp >> 6) & 0x3f)), char(0x80 | (cp & 0x3f))};
            out.append(bytes, 4);
        } else {
            // An unpaired surrogate: Qt writes it as an escape (and goes on with the next code unit).
            appendUnicodeEscape(out, u);
        }
    }
    out.append('"');
}

void appendInteger(QByteArray& out, qint64 value)
{
    char digits[24];
    char* p = digits + sizeof digits;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    out.append(p, digits + sizeof digits - p);
}

void appendDouble(QByteArray& out, double value)
{
    if (std::isfinite(value))
        out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    else
        out.append("null");
}

void appendValue(QByteArray& out, const QJsonValue& value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        if (value.isDouble() && value.toVariant().typeId() == QMetaType::LongLong)
            appendInteger(out, value.toInteger());
        else
            appendDouble(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append("[\n");
        for (qsizetype i = 0; i < array.size(); ++i) {
            appendIndent(out, indent + 1);
            appendValue(out, array.at(i), indent + 1);
            out.append(i + 1 < array.size() ? ",\n" : "\n");
        }
        appendIndent(out, indent);
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out.append("{\n");
        qsizetype i = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++i) {
            appendIndent(out, indent + 1);
            appendString(out, it.key());
            out.append(": ");
            appendValue(out, it.value(), indent + 1);
            out.append(i + 1 < object.size() ? ",\n" : "\n");
        }
        appendIndent(out, indent);
        out.append('}');
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    }
}

ObjectWriter::ObjectWriter(int indent)
    : m_indent(indent)
{
    m_members.reserve(16);
}

QByteArray& ObjectWriter::begin(const char* key)
{
    m_members.push_back({key, m_scratch.size(), 0});
    return m_scratch;
}

void ObjectWriter::end()
{
    m_members.back().end = m_scratch.size();
}

void ObjectWriter::add(const char* key, QStringView text)
{
    appendString(begin(key), text);
    end();
}

void ObjectWriter::add(const char* key, qint64 number)
{
    appendInteger(begin(key), number);
    end();
}

void ObjectWriter::add(const char* key, bool value)
{
    begin(key).append(value ? "true" : "false");
    end();
}

void ObjectWriter::addDouble(const char* key, double number)
{
    appendDouble(begin(key), number);
    end();
}

void ObjectWriter::addNull(const char* key)
{
    begin(key).append("null");
    end();
}

void ObjectWriter::add(const char* key, const QJsonValue& value)
{
    appendValue(begin(key), value, m_indent);
    end();
}

void ObjectWriter::writeObject(QByteArray& out, int closingIndent)
{
    // QJsonObject keeps its keys sorted and unique (a later insert replaces): the same here.
    std::stable_sort(m_members.begin(), m_members.end(),
                     [](const Member& a, const Member& b) { return std::strcmp(a.key, b.key) < 0; });
    out.append("{\n");
    bool first = true;
    for (size_t i = 0; i < m_members.size(); ++i) {
        if (i + 1 < m_members.size() && std::strcmp(m_members[i].key, m_members[i + 1].key) == 0)
            continue; // the later one wins, as with QJsonObject::insert()
        if (!first)
            out.append(",\n");
        first = false;
        const Member& m = m_members[i];
        appendIndent(out, m_indent);
        out.append('"');
        out.append(m.key);
        out.append("\": ");
        out.append(m_scratch.constData() + m.begin, m.end - m.begin);
    }
    if (!m_members.empty())
        out.append('\n');
    appendIndent(out, closingIndent);
    out.append('}');
}

ArrayStream::ArrayStream(QTextStream& out)
    : m_out(out)
{
    m_buffer.reserve(FlushBytes + 4096);
    m_buffer.append("[\n");
}

ArrayStream::~ArrayStream()
{
    if (!m_finished)
        finish();
}

void ArrayStream::beginElement()
{
    if (!m_first)
        m_buffer.append(",\n");
    m_first = false;
    appendIndent(m_buffer, 1);
}

void ArrayStream::endElement()
{
    if (m_buffer.size() >= FlushBytes)
        flush();
}

void ArrayStream::finish()
{
    m_finished = true;
    if (!m_first)
        m_buffer.append('\n');
    m_buffer.append("]\n");
    flush();
}

void ArrayStream::flush()
{
    if (m_buffer.isEmpty())
        return;
    // The stream's encoding is UTF-8 (Qt 6's default, never changed by the CLI): the bytes can go to its device as
    // they are, after what the stream still holds. A stream on a QString gets the text.
    if (QIODevice* device = m_out.device(); device && m_out.encoding() == QStringConverter::Utf8) {
        m_out.flush();
        device->write(m_buffer);
    } else {
        m_out << QString::fromUtf8(m_buffer);
    }
    m_buffer.clear();
}

} // namespace JsonStream
