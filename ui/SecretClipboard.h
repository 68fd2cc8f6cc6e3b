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

public Q_SLOTS:
    void clearNow();

Q_SIGNALS:
    void cleared(bool wasOurs);

private:
    QTimer m_timer;
    // Only a hash of what we copied, so the secret itself is not kept around in this object.
    QByteArray m_hash;
};
