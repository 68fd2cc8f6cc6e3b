#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Aligned plain-text tables for human output. Widths are measured in terminal columns: East Asian wide and
// full-width characters count two, combining marks and control characters zero, so Chinese names line up.
class TablePrinter
{
public:
    explicit TablePrinter(QStringList headers);

    void addRow(QStringList cells);
    void setRightAligned(int column, bool right = true);
    int rowCount() const { return int(m_rows.size()); }

    // Header, then one line per row; columns separated by two spaces, no trailing spaces, each line ends in '\n'.
    QString toString() const;

    // Terminal columns the text takes (a reasonable approximation of wcwidth()).
    static int displayWidth(const QString& text);
    static int codePointWidth(char32_t codePoint);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<bool> m_right;
};
