#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>
#include <QStringView>

#include <string>
#include <vector>

class QTextStream;

// JSON written straight to the output, byte for byte what QJsonDocument::toJson(QJsonDocument::Indented) writes for
// the same values (members sorted by key as QJsonObject keeps them, four spaces per level, Qt's escaping and number
// formatting), without building QJsonObject/QJsonArray/QJsonDocument first. Used where the output is large
// (`envs list --json`); tests/cli/test_jsonstream.cpp compares it with QJsonDocument.
namespace JsonStream {

// Appends text as a JSON string (quotes included), escaped as QJsonDocument escapes it.
void appendString(QByteArray& out, QStringView text);
void appendString(std::string& out, QStringView text);
// Appends a number as QJsonDocument writes an integer / a double (non-finite doubles are null).
void appendInteger(QByteArray& out, qint64 value);
void appendInteger(std::string& out, qint64 value);
void appendDouble(QByteArray& out, double value);
void appendDouble(std::string& out, double value);
// Appends any value as QJsonDocument::Indented writes it nested `indent` levels deep (objects and arrays open on
// the current line and close at that indent).
void appendValue(QByteArray& out, const QJsonValue& value, int indent);
void appendValue(std::string& out, const QJsonValue& value, int indent);
// (The writers below build their text in std::string: QByteArray's append goes through its general insert path,
// which cost more than the JSON itself for 10,000 environments.)

// The members of one object, written in key order whatever order they are added in: each value is rendered into
// a scratch buffer with its key, and finish() writes them sorted. Keys are ASCII literals that live as long as the
// writer. The same member functions exist on CliJson's QJsonObject builder (CliJson.h), so one template describes
// both forms of a JSON shape.
class ObjectWriter
{
public:
    // indent: the nesting level of the object's members (1 for the members of a top-level object).
    explicit ObjectWriter(int indent);

    void add(const char* key, QStringView text);
    void add(const char* key, const QString& text) { add(key, QStringView(text)); }
    void add(const char* key, qint64 number);
    void add(const char* key, bool value);
    void addDouble(const char* key, double number);
    void addNull(const char* key);
    // Any other value (a nested array, an object from elsewhere).
    void add(const char* key, const QJsonValue& value);
    // An array of strings (QJsonArray::fromStringList()).
    void addStringArray(const char* key, const QStringList& items);
    // A nested object: members(ObjectWriter&) adds its members.
    template<typename Members>
    void addObject(const char* key, Members&& members)
    {
        ObjectWriter nested(m_indent + 1);
        members(nested);
        std::string& scratch = begin(key);
        nested.writeObject(scratch, m_indent);
        end();
    }
    // An array of `count` objects: element(i, ObjectWriter&) adds the members of the i-th.
    template<typename Element>
    void addObjectArray(const char* key, qsizetype count, Element&& element)
    {
        std::string& scratch = begin(key);
        beginArray(scratch, count);
        for (qsizetype i = 0; i < count; ++i) {
            ObjectWriter nested(m_indent + 2);
            element(i, nested);
            beginArrayElement(scratch, i);
            nested.writeObject(scratch, m_indent + 1);
        }
        endArray(scratch, count);
        end();
    }

    // Writes "{\n", the members and the closing brace at `closingIndent` levels (no newline after it).
    void writeObject(std::string& out, int closingIndent);
    void writeObject(QByteArray& out, int closingIndent);

private:
    struct Member
    {
        const char* key;
        qsizetype begin;
        qsizetype end;
    };
    std::string& begin(const char* key);
    void end();
    void beginArray(std::string& out, qsizetype count) const;
    void beginArrayElement(std::string& out, qsizetype i) const;
    void endArray(std::string& out, qsizetype count) const;

    int m_indent;
    std::string m_scratch;
    std::vector<Member> m_members;
};

// A top-level JSON array streamed to a QTextStream: "[\n", one element per call, "]\n" from finish(). Output is
// flushed in blocks (to the stream's device directly, bypassing the UTF-16 round trip, when it has one).
class ArrayStream
{
public:
    explicit ArrayStream(QTextStream& out);
    ~ArrayStream();

    // One object element: members(ObjectWriter&) adds its members.
    template<typename Members>
    void addObject(Members&& members)
    {
        ObjectWriter element(2);
        members(element);
        beginElement();
        element.writeObject(m_buffer, 1);
        endElement();
    }
    void finish();

private:
    void beginElement();
    void endElement();
    void flush();

    QTextStream& m_out;
    std::string m_buffer;
    bool m_first = true;
    bool m_finished = false;
};

} // namespace JsonStream
