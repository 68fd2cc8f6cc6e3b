// roledesk_startup_probe: preloaded (LD_PRELOAD) into the real `roledesk` by bench_startup, so the start-up
// benchmark measures the shipped binary without any hook in ui/ or app/. It watches events application-wide and
// prints, on stdout, with CLOCK_MONOTONIC nanoseconds (comparable with the parent's clock):
//   ROLEDESK_PROBE first-paint <ns>            the main window's first paint finished
//   ROLEDESK_PROBE first-data-paint <ns> <rows>  the first finished paint of its environments table (a QTableView)
//                                                with rows in it
//   ROLEDESK_PROBE rows <ns> <rows>            the table's source row count, whenever it changed (every 100 ms)
//   ROLEDESK_PROBE rows100-paint <ns> <rows>   the first finished paint of that table with at least 100 rows
//   ROLEDESK_PROBE stall <ns> <ms>             the event loop did not run a 10 ms timer for <ms> (> 30 ms)
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace {

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

int sourceRows(const QAbstractItemView* view)
{
    const QAbstractItemModel* model = view->model();
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model))
        model = proxy->sourceModel();
    return model ? model->rowCount() : 0;
}

class Probe : public QObject
{
public:
    explicit Probe(QObject* parent)
        : QObject(parent)
    {
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &Probe::pollRows);
        timer->start(100);
        // Responsiveness: a 10 ms timer that reports how late it ran when the loop was blocked.
        auto* tick = new QTimer(this);
        tick->setTimerType(Qt::PreciseTimer);
        connect(tick, &QTimer::timeout, this, [this] {
            const qint64 now = nowNs();
            if (m_lastTick > 0 && now - m_lastTick > 30000000LL) {
                std::printf("ROLEDESK_PROBE stall %lld %.1f\n", now, double(now - m_lastTick) / 1e6);
                std::fflush(stdout);
            }
            m_lastTick = now;
        });
        tick->start(10);
    }

    bool eventFilter(QObject* object, QEvent* event) override
    {
        if (event->type() != QEvent::Paint || (m_paintReported && m_dataReported && m_rows100Reported))
            return false;
        auto* widget = qobject_cast<QWidget*>(object);
        if (!widget || !qobject_cast<QMainWindow*>(widget->window()))
            return false;
        if (!m_paintReported) {
            m_paintReported = true;
            // After this paint and the flush of the same repaint cycle.
            QTimer::singleShot(0, this, [] {
                std::printf("ROLEDESK_PROBE first-paint %lld\n", nowNs());
                std::fflush(stdout);
            });
        }
        // The environments table (a QTableView; the workspace list is an item view too but is not "data").
        auto* view = qobject_cast<QTableView*>(widget->parentWidget());
        if (!m_rows100Reported && view && view->viewport() == widget && view->model() &&
            view->model()->rowCount() >= 100) {
            m_rows100Reported = true;
            const int rows = view->model()->rowCount();
            QTimer::singleShot(0, this, [rows] {
                std::printf("ROLEDESK_PROBE rows100-paint %lld %d\n", nowNs(), rows);
                std::fflush(stdout);
            });
        }
        if (!m_dataReported && view && view->viewport() == widget && view->model() && view->model()->rowCount() > 0) {
            m_dataReported = true;
            m_view = view;
            const int rows = view->model()->rowCount();
            QTimer::singleShot(0, this, [rows] {
                std::printf("ROLEDESK_PROBE first-data-paint %lld %d\n", nowNs(), rows);
                std::fflush(stdout);
            });
        }
        return false;
    }

private:
    void pollRows()
    {
        if (!m_view) {
            // MainWindow's environments table ("environmentTable"), else the largest table in a main window.
            const QList<QWidget*> widgets = QApplication::allWidgets();
            for (QWidget* w : widgets) {
                auto* view = qobject_cast<QTableView*>(w);
                if (!view || !qobject_cast<QMainWindow*>(view->window()) || !view->model())
                    continue;
                if (view->objectName() == QLatin1String("environmentTable")) {
                    m_view = view;
                    break;
                }
                if (!m_view || sourceRows(view) > sourceRows(m_view))
                    m_view = view;
            }
        }
        if (!m_view)
            return;
        const int rows = sourceRows(m_view);
        if (rows != m_rows) {
            m_rows = rows;
            std::printf("ROLEDESK_PROBE rows %lld %d\n", nowNs(), rows);
            std::fflush(stdout);
        }
    }

    bool m_paintReported = false;
    bool m_dataReported = false;
    bool m_rows100Reported = false;
    qint64 m_lastTick = 0;
    QPointer<QTableView> m_view;
    int m_rows = -1;
};

void installProbe()
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return;
    auto* probe = new Probe(QCoreApplication::instance());
    QCoreApplication::instance()->installEventFilter(probe);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installProbe)
