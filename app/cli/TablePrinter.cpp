#include "TablePrinter.h"

#include <QChar>

#include <algorithm>

TablePrinter::TablePrinter(QStringList headers)
    : m_headers(std::move(headers))
    , m_right(m_headers.size(), false)
{}

void TablePrinter::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    // A cell is one line: newlines and tabs in names would break the columns.
    for (QString& cell : cells) {
        cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
        cell.replace(QLatin1Char('\r'), QLatin1Char(' '));
        cell.replace(QLatin1Char('\t'), QLatin1Char(' '));
    }
    m_rows.append(std::move(cells));
}

void TablePrinter::setRightAligned(int column, bool right)
{
    if (column >= 0 && column < m_right.size())
        m_right[column] = right;
}

int TablePrinter::codePointWidth(char32_t cp)
{
    if (cp == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0;
    const QChar::Category category = QChar::category(cp);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || category == QChar::Other_Format)
        return 0;
    if (cp == 0x200b)
        return 0;
    // East Asian Wide (W) and Fullwidth (F) blocks, after Markus Kuhn's wcwidth().
    const bool wide =
        (cp >= 0x1100 && cp <= 0x115f) || cp == 0x2329 || cp == 0x232a ||
        (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f) ||
        (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd);
    return wide ? 2 : 1;
}

int TablePrinter::displayWidth(const QString& text)
{
    // Printable ASCII is one column per code unit: no UCS-4 list for the common cell.
    const char16_t* const begin = reinterpret_cast<const char16_t*>(text.constData());
    const char16_t* const end = begin + text.size();
    const char16_t* p = begin;
    while (p != end && *p >= 0x20 && *p < 0x7f)
        ++p;
    if (p == end)
        return int(text.size());
    int width = int(p - begin);
    while (p != end) {
        char32_t cp = *p++;
        if (QChar::isHighSurrogate(cp) && p != end && QChar::isLowSurrogate(*p))
            cp = QChar::surrogateToUcs4(char16_t(cp), *p++);
        width += codePointWidth(cp);
    }
    return width;
}

QString TablePrinter::toString() const
{
    const qsizetype columns = m_headers.size();
    // Each cell's width once (measured for the column widths, then reused for its padding).
    QList<int> cellWidths;
    cellWidths.reserve((m_rows.size() + 1) * columns);
    QList<int> widths(columns, 0);
    qsizetype characters = 0;
    const auto measure = [&](const QStringList& cells) {
        for (qsizetype c = 0; c < columns; ++c) {
            const int w = c < cells.size() ? displayWidth(cells.at(c)) : 0;
            cellWidths.append(w);
            widths[c] = std::max(widths[c], w);
            characters += c < cells.size() ? cells.at(c).size() : 0;
        }
    };
    measure(m_headers);
    for (const QStringList& row : m_rows)
        measure(row);

    QString out;
    qsizetype lineWidth = 0;
    for (const int w : widths)
        lineWidth += w + 2;
    out.reserve(characters + (m_rows.size() + 1) * (lineWidth + 1));
    const int* cellWidth = cellWidths.constData();
    const auto emitLine = [&](const QStringList& cells) {
        const qsizetype lineStart = out.size();
        for (qsizetype c = 0; c < columns; ++c) {
            const qsizetype pad = widths[c] - *cellWidth++;
            if (c > 0)
                out.append(QLatin1String("  "));
            if (m_right[c])
                out.resize(out.size() + pad, QLatin1Char(' '));
            if (c < cells.size())
                out.append(cells.at(c));
            if (!m_right[c])
                out.resize(out.size() + pad, QLatin1Char(' '));
        }
        // No trailing spaces (only this line's: an empty line stays empty).
        qsizetype end = out.size();
        while (end > lineStart && out.at(end - 1) == QLatin1Char(' '))
            --end;
        out.truncate(end);
        out.append(QLatin1Char('\n'));
    };
    emitLine(m_headers);
    for (const QStringList& row : m_rows)
        emitLine(row);
    return out;
}
