#include "AuditDialog.h"

#include "TimeText.h"
#include "UiUtil.h"

#include "model/AuditLog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

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
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Actor"), tr("Environment"), tr("From"), tr("To"),
                                        tr("Override"), tr("Reason"), tr("Outcome"), tr("Request ID")});
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->viewport()->installEventFilter(this);
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
    // Opened from the main window: no larger than the screen it is on (every column must stay reachable).
    const QRect available = (parent ? parent->screen() : screen())->availableGeometry();
    // As wide as the screen allows up to 1400: at 1100 the actor ARN and the request id elided even at 1x.
    resize(qMin(1400, available.width() * 9 / 10), qMin(560, available.height() * 9 / 10));
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
        set(3, AuditLog::roleDisplayText(e.fromRole), e.fromRole);
        set(4, AuditLog::roleDisplayText(e.toRole), e.toRole);
        set(5, e.override ? tr("yes") : QString());
        set(6, e.reason);
        set(7, AuditLog::outcomeDisplayText(e.outcome), e.outcome);
        set(8, e.requestId);
    }
    fitColumns();
    const QString filter = m_filter->text().trimmed();
    if (entries.isEmpty() && filter.isEmpty())
        m_status->setText(tr("No role change is recorded yet (database %1). Every role or visibility change made "
                             "with RoleDesk is recorded here.")
                              .arg(m_log->databasePath()));
    else if (entries.isEmpty())
        m_status->setText(tr("No entry matches \"%1\" (database %2).").arg(filter, m_log->databasePath()));
    else
        m_status->setText(tr("Entries shown: %1 (database %2)").arg(entries.size()).arg(m_log->databasePath()));
}

void AuditDialog::fitColumns()
{
    // Contents first, then every column shrunk in proportion (not below a readable minimum) until all of them
    // fit the view: Reason and Outcome must never sit off-screen. Cells elide; the tool tip has the full text.
    m_table->resizeColumnsToContents();
    QHeaderView* header = m_table->horizontalHeader();
    // Never narrower than the header's own text (an empty log has no cells to measure).
    for (int c = 0; c < m_table->columnCount(); ++c)
        header->resizeSection(c, qMax(header->sectionSize(c), header->sectionSizeHint(c)));
    // What each column needs: its contents or its header text. The last section is stretched to the view's
    // width, so its current size says nothing about what it needs (counting it squeezed every other column to
    // a few letters once the dialog had been wider).
    const int columns = m_table->columnCount();
    QList<int> wanted(columns);
    for (int c = 0; c < columns; ++c)
        wanted[c] =
            c == columns - 1 && header->stretchLastSection()
                ? qMax(static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(c), header->sectionSizeHint(c))
                : header->sectionSize(c);
    const int available = m_table->viewport()->width();
    int total = 0;
    for (const int w : std::as_const(wanted))
        total += w;
    if (total <= available || available <= 0)
        return;
    // Too wide: the widest columns give way first (one cap for all of them, found by filling up from the
    // narrowest), so short columns (From, To, Outcome) stay whole and long ones (actor ARN, request id) elide.
    const int minimum = header->minimumSectionSize() + fontMetrics().averageCharWidth() * 4;
    QList<int> sorted = wanted;
    std::sort(sorted.begin(), sorted.end());
    int cap = minimum;
    int left = available;
    for (int i = 0; i < sorted.size(); ++i) {
        const int share = left / int(sorted.size() - i);
        if (sorted.at(i) > share) {
            cap = qMax(minimum, share);
            break;
        }
        left -= sorted.at(i);
        cap = sorted.at(i);
    }
    for (int c = 0; c < columns; ++c)
        header->resizeSection(c, qMin(wanted.at(c), cap));
}

bool AuditDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QDialog::eventFilter(watched, event);
}

bool AuditDialog::exportTo(const QString& path, QString* error)
{
    if (!m_log)
        return false;
    m_filterTimer->stop();
    reload(); // what is exported is exactly what is shown
    QString failure;
    if (!m_log->exportCsv(path, queryFor(m_filter->text()), &failure)) {
        if (error)
            *error = failure;
        return false;
    }
    const QString filter = m_filter->text().trimmed();
    m_status->setText(filter.isEmpty()
                          ? tr("Exported all %n entries to %1.", nullptr, rowCount()).arg(path)
                          : tr("Exported the %n entries matching the filter \"%1\" to %2 (the filter applies to the "
                               "export too).",
                               nullptr, rowCount())
                                .arg(filter, path));
    return true;
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
}
