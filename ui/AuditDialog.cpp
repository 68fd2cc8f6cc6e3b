#include "AuditDialog.h"

#include "TimeText.h"
#include "UiUtil.h"

#include "model/AuditLog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
AuditQuery queryFor(const QString& text)
{
    AuditQuery q;
    q.text = text.trimmed();
    q.newestFirst = true;
    return q;
}
} // namespace

AuditDialog::AuditDialog(AuditLog* log, QWidget* parent)
    : QDialog(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit log of role changes"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_filter = UiUtil::name(new QLineEdit(this), QStringLiteral("auditFilter"), tr("Filter the audit log"));
    m_filter->setPlaceholderText(tr("Filter by environment, actor, role, reason or outcome"));
    m_filter->setClearButtonEnabled(true);
    top->addWidget(m_filter, 1);
    m_export = UiUtil::name(new QPushButton(tr("Export CSV..."), this), QStringLiteral("auditExportButton"),
                            tr("Export the shown entries to CSV"));
    top->addWidget(m_export);
    layout->addLayout(top);

    m_table = UiUtil::name(new QTableWidget(this), QStringLiteral("auditTable"), tr("Audit entries"));
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Actor"), tr("Environment"), tr("From"), tr("To"),
                                        tr("Override"), tr("Reason"), tr("Outcome")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    layout->addWidget(m_table, 1);
    m_status = UiUtil::name(new QLabel(this), QStringLiteral("auditStatus"), tr("Audit log status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150);
    connect(m_filterTimer, &QTimer::timeout, this, &AuditDialog::reload);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_export, &QPushButton::clicked, this, &AuditDialog::exportCsv);
    resize(1100, 520);
    reload();
}

int AuditDialog::rowCount() const
{
    return m_table->rowCount();
}

void AuditDialog::reload()
{
    if (!m_log) {
        m_status->setText(tr("No audit log is open."));
        return;
    }
    QString error;
    const QList<AuditEntry> entries = m_log->query(queryFor(m_filter->text()), &error);
    if (!error.isEmpty()) {
        m_status->setText(tr("Could not read the audit log %1: %2").arg(m_log->databasePath(), error));
        return;
    }
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const AuditEntry& e = entries.at(row);
        const auto set = [&](int column, const QString& text, const QString& tip = {}) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_table->setItem(row, column, item);
        };
        set(0, TimeText::local(e.timeUtc), TimeText::utc(e.timeUtc));
        set(1, e.actor);
        set(2, e.environmentName.isEmpty() ? e.instanceId : tr("%1 (%2)").arg(e.environmentName, e.instanceId));
        set(3, e.fromRole);
        set(4, e.toRole);
        set(5, e.override ? tr("yes") : QString());
        set(6, e.reason);
        set(7, e.outcome);
    }
    m_table->resizeColumnsToContents();
    m_status->setText(tr("%n entries shown (database %1)", nullptr, int(entries.size())).arg(m_log->databasePath()));
}

bool AuditDialog::exportTo(const QString& path, QString* error)
{
    return m_log && m_log->exportCsv(path, queryFor(m_filter->text()), error);
}

void AuditDialog::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), QStringLiteral("audit.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    m_status->setText(tr("Exported to %1").arg(path));
}
