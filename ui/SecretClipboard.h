#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

// Copies a secret to the clipboard and clears it after a delay (30 s by default), but only if the
// clipboard still holds what we put there: the user may have copied something else meanwhile.
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    explicit SecretClipboard(QObject* parent = nullptr);
    ~SecretClipboard() override;

    void copy(const QString& secret);
    void setClearDelay(int msecs) { m_timer.setInterval(msecs); }
    int clearDelay() const { return m_timer.interval(); }
    bool pending() const { return m_timer.isActive(); }
    // Until the clipboard is cleared (for a visible countdown); -1 when nothing is pending.
    int remainingMs() const { return m_timer.isActive() ? m_timer.remainingTime() : -1; }

public Q_SLOTS:
    void clearNow();

Q_SIGNALS:
    void cleared(bool wasOurs);

private:
    QTimer m_timer;
    // Only a hash of what we copied, so the secret itself is not kept around in this object.
    QByteArray m_hash;
};
