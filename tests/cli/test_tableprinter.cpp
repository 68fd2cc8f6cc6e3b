// TablePrinter: columns line up in terminal cells, with wide (CJK, full-width) and zero-width characters.
#include "TablePrinter.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTablePrinter : public QObject
{
    Q_OBJECT
private slots:
    void widths()
    {
        QCOMPARE(TablePrinter::displayWidth(u"abc"_s), 3);
        QCOMPARE(TablePrinter::displayWidth(u"零售数仓"_s), 8);
        QCOMPARE(TablePrinter::displayWidth(u"ＡＢ"_s), 4);
        QCOMPARE(TablePrinter::displayWidth(u"e\u0301"_s), 1); // e + combining acute
        QCOMPARE(TablePrinter::displayWidth(u"한국"_s), 4);
        QCOMPARE(TablePrinter::displayWidth(u"😀"_s), 2);
        QCOMPARE(TablePrinter::displayWidth(QString()), 0);
    }

    void alignsWideText()
    {
        TablePrinter table({u"NAME"_s, u"OWNER"_s, u"CU"_s});
        table.setRightAligned(2);
        table.addRow({u"零售数仓笔记本"_s, u"li.wei"_s, u"4"_s});
        table.addRow({u"notebook"_s, u"zhang.min"_s, u"16"_s});
        table.addRow({u"multi\nline"_s, QString(), u"8"_s});
        const QStringList lines = table.toString().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        // OWNER starts in the same terminal column on every line.
        const auto columnOf = [](const QString& line, const QString& text) {
            return TablePrinter::displayWidth(line.left(line.indexOf(text)));
        };
        const int owner = columnOf(lines.at(0), u"OWNER"_s);
        QCOMPARE(columnOf(lines.at(1), u"li.wei"_s), owner);
        QCOMPARE(columnOf(lines.at(2), u"zhang.min"_s), owner);
        // Right-aligned numbers end in the same column; no trailing spaces; newlines flattened.
        QCOMPARE(TablePrinter::displayWidth(lines.at(1)), TablePrinter::displayWidth(lines.at(2)));
        QVERIFY(lines.at(3).startsWith(u"multi line"_s));
        for (const QString& line : lines)
            QVERIFY(!line.endsWith(u' '));
    }
};

QTEST_GUILESS_MAIN(TestTablePrinter)
#include "test_tableprinter.moc"
