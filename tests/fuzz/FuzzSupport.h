#pragma once

// Shared by the fuzz targets: every target defines LLVMFuzzerTestOneInput and checks its invariants with
// FUZZ_CHECK, which aborts (a finding for libFuzzer, a failed CTest for the replay driver) and says which.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", what, __FILE__, __LINE__);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace FuzzSupport {

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// text with the escapes a reader undoes (JSON \uXXXX and \x, percent-encoding) undone, leniently.
inline QString readable(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar e = text.at(++i);
            if (e == QLatin1Char('u') && i + 4 < text.size()) {
                bool ok = false;
                const ushort code = text.mid(i + 1, 4).toUShort(&ok, 16);
                if (ok) {
                    out += QChar(code);
                    i += 4;
                    continue;
                }
            }
            out += e;
        } else {
            out += c;
        }
    }
    return QString::fromUtf8(QByteArray::fromPercentEncoding(out.toUtf8()));
}

// A value distinctive enough that finding it in a message can only mean it was echoed: 12 or more characters
// with a letter and a digit, and no character the masking itself writes.
inline bool distinctive(const QString& value)
{
    if (value.size() < 12 || value.contains(QLatin1Char('*')))
        return false;
    bool letter = false;
    bool digit = false;
    for (const QChar c : value) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    return letter && digit;
}

inline bool shows(const QString& text, const QString& secret)
{
    return text.contains(secret) || readable(text).contains(secret);
}

} // namespace FuzzSupport
