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

void appendIndent(std::string& out, int indent)
{
    out.append(size_t(4) * size_t(indent), ' ');
}

// Writes the escape of one code unit at dst, returns the end.
char* unicodeEscape(char* dst, char16_t u)
{
    *dst++ = '\\';
    *dst++ = 'u';
    *dst++ = hexDigit(u >> 12 & 0xf);
    *dst++ = hexDigit(u >> 8 & 0xf);
    *dst++ = hexDigit(u >> 4 & 0xf);
    *dst++ = hexDigit(u & 0xf);
    return dst;
}

// Appends what a std::string writer wrote to a QByteArray (the QByteArray forms, for callers and tests).
template<typename Write>
void viaString(QByteArray& out, Write&& write)
{
    std::string text;
    write(text);
    out.append(text.data(), qsizetype(text.size()));
}

} // namespace

void appendString(std::string& out, QStringView text)
{
    // At most 6 bytes per code unit (an escape) plus the quotes: write in place, then cut to what was written.
    const size_t start = out.size();
    out.resize(start + 6 * size_t(text.size()) + 2);
    char* dst = out.data() + start;
    *dst++ = '"';
    const char16_t* src = text.utf16();
    const char16_t* const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            // The common case: plain printable ASCII copied as is.
            *dst++ = char(u);
        } else if (u < 0x80) {
            *dst++ = '\\';
            switch (u) {
            case u'"':
                *dst++ = '"';
                break;
            case u'\\':
                *dst++ = '\\';
                break;
            case 0x8:
                *dst++ = 'b';
                break;
            case 0xc:
                *dst++ = 'f';
                break;
            case 0xa:
                *dst++ = 'n';
                break;
            case 0xd:
                *dst++ = 'r';
                break;
            case 0x9:
                *dst++ = 't';
                break;
            default:
                *dst++ = 'u';
                *dst++ = '0';
                *dst++ = '0';
                *dst++ = hexDigit(u >> 4);
                *dst++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *dst++ = char(0xc0 | (u >> 6));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xd800 || u > 0xdfff) {
            *dst++ = char(0xe0 | (u >> 12));
            *dst++ = char(0x80 | ((u >> 6) & 0x3f));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xdc00 && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t cp = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(*src) - 0xdc00);
            ++src;
            *dst++ = char(0xf0 | (cp >> 18));
            *dst++ = char(0x80 | ((cp >> 12) & 0x3f));
            *dst++ = char(0x80 | ((cp >> 6) & 0x3f));
            *dst++ = char(0x80 | (cp & 0x3f));
        } else {
            // An unpaired surrogate: Qt writes it as an escape (and goes on with the next code unit).
            dst = unicodeEscape(dst, u);
        }
    }
    *dst++ = '"';
    out.resize(size_t(dst - out.data()));
}

void appendString(QByteArray& out, QStringView text)
{
    viaString(out, [text](std::string& s) { appendString(s, text); });
}

void appendInteger(std::string& out, qint64 value)
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
    out.append(p, size_t(digits + sizeof digits - p));
}

void appendInteger(QByteArray& out, qint64 value)
{
    viaString(out, [value](std::string& s) { appendInteger(s, value); });
}

void appendDouble(std::string& out, double value)
{
    if (std::isfinite(value)) {
        const QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
        out.append(text.constData(), size_t(text.size()));
    } else {
        out.append("null");
    }
}

void appendDouble(QByteArray& out, double value)
{
    viaString(out, [value](std::string& s) { appendDouble(s, value); });
}

void appendValue(std::string& out, const QJsonValue& value, int indent)
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
        out.push_back(']');
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
        out.push_back('}');
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    }
}

void appendValue(QByteArray& out, const QJsonValue& value, int indent)
{
    viaString(out, [&value, indent](std::string& s) { appendValue(s, value, indent); });
}

ObjectWriter::ObjectWriter(int indent)
    : m_indent(indent)
{
    m_members.reserve(16);
    m_scratch.reserve(512);
}

std::string& ObjectWriter::begin(const char* key)
{
    m_members.push_back({key, qsizetype(m_scratch.size()), 0});
    return m_scratch;
}

void ObjectWriter::end()
{
    m_members.back().end = qsizetype(m_scratch.size());
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

// An array as a member value, as appendValue() writes it at this object's member indent: "[\n", each element on
// its own line one level deeper, "]" at the member indent (also when empty).
void ObjectWriter::beginArray(std::string& out, qsizetype) const
{
    out.append("[\n");
}

void ObjectWriter::beginArrayElement(std::string& out, qsizetype i) const
{
    if (i > 0)
        out.append(",\n");
    appendIndent(out, m_indent + 1);
}

void ObjectWriter::endArray(std::string& out, qsizetype count) const
{
    if (count > 0)
        out.push_back('\n');
    appendIndent(out, m_indent);
    out.push_back(']');
}

void ObjectWriter::addStringArray(const char* key, const QStringList& items)
{
    std::string& out = begin(key);
    beginArray(out, items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        beginArrayElement(out, i);
        appendString(out, items.at(i));
    }
    endArray(out, items.size());
    end();
}

void ObjectWriter::writeObject(std::string& out, int closingIndent)
{
    // QJsonObject keeps its keys sorted and unique (a later insert replaces): the same here. (Members added in key
    // order, as CliJson's templates add them, need no sort.)
    const auto byKey = [](const Member& a, const Member& b) { return std::strcmp(a.key, b.key) < 0; };
    if (!std::is_sorted(m_members.begin(), m_members.end(), byKey))
        std::stable_sort(m_members.begin(), m_members.end(), byKey);
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
        out.push_back('"');
        out.append(m.key);
        out.append("\": ");
        out.append(m_scratch, size_t(m.begin), size_t(m.end - m.begin));
    }
    if (!m_members.empty())
        out.push_back('\n');
    appendIndent(out, closingIndent);
    out.push_back('}');
}

void ObjectWriter::writeObject(QByteArray& out, int closingIndent)
{
    viaString(out, [this, closingIndent](std::string& s) { writeObject(s, closingIndent); });
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
    if (qsizetype(m_buffer.size()) >= FlushBytes)
        flush();
}

void ArrayStream::finish()
{
    m_finished = true;
    if (!m_first)
        m_buffer.push_back('\n');
    m_buffer.append("]\n");
    flush();
}

void ArrayStream::flush()
{
    if (m_buffer.empty())
        return;
    // The stream's encoding is UTF-8 (Qt 6's default, never changed by the CLI): the bytes can go to its device as
    // they are, after what the stream still holds. A stream on a QString gets the text.
    if (QIODevice* device = m_out.device(); device && m_out.encoding() == QStringConverter::Utf8) {
        m_out.flush();
        device->write(m_buffer.data(), qint64(m_buffer.size()));
    } else {
        m_out << QString::fromUtf8(m_buffer.data(), qsizetype(m_buffer.size()));
    }
    m_buffer.clear();
}

} // namespace JsonStream
