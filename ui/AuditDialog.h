#pragma once

#include <QDialog>

class AuditLog;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

// Every recorded role change (time local with UTC on hover, actor, environment, from, to, override
// and reason, outcome), filterable, exportable to CSV through core's AuditLog.
class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditDialog(AuditLog* log, QWidget* parent = nullptr);

    int rowCount() const;
    // Writes the filtered entries to path; false with a message box-free error for tests.
    bool exportTo(const QString& path, QString* error = nullptr);

public Q_SLOTS:
    void reload();

protected:
    // Columns are fitted whenever the table's viewport changes size (after the layout placed it, not before).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void exportCsv();
    void fitColumns();

    AuditLog* m_log;
    QLineEdit* m_filter;
    QTableWidget* m_table;
    QLabel* m_status;
    QPushButton* m_export;
    QTimer* m_filterTimer;
};
