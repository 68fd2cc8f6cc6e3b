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
    int width = 0;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint cp : codePoints)
        width += codePointWidth(char32_t(cp));
    return width;
}

QString TablePrinter::toString() const
{
    const qsizetype columns = m_headers.size();
    QList<int> widths(columns, 0);
    const auto measure = [&](const QStringList& cells) {
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = std::max(widths[c], displayWidth(cells.value(c)));
    };
    measure(m_headers);
    for (const QStringList& row : m_rows)
        measure(row);

    QString out;
    const auto emitLine = [&](const QStringList& cells) {
        QString line;
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = cells.value(c);
            const QString pad(widths[c] - displayWidth(cell), QLatin1Char(' '));
            if (c > 0)
                line += QStringLiteral("  ");
            line += m_right[c] ? pad + cell : cell + pad;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
    };
    emitLine(m_headers);
    for (const QStringList& row : m_rows)
        emitLine(row);
    return out;
}
