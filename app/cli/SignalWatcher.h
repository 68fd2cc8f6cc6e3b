#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (a self-pipe written by the async-signal-safe
// handler), so long-running commands (serve, exec, creds watch) stop cleanly. One instance at a time; the
// previous handlers are restored when it is destroyed.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    // signalNumber is SIGINT or SIGTERM.
    void signalled(int signalNumber);

private:
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
};
