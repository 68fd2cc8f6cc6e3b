#include "SecretClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>

namespace {
QByteArray hashOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

SecretClipboard::SecretClipboard(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // Precise: a coarse timer may be scheduled up to 5% late, and the countdown shown ("cleared in 31 s") would then
    // promise more than the 30 s said everywhere else.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearNow);
}

SecretClipboard::~SecretClipboard()
{
    // Leaving a secret behind when the window closes would defeat the timer.
    if (m_timer.isActive())
        clearNow();
}

void SecretClipboard::copy(const QString& secret)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->setText(secret, QClipboard::Clipboard);
    m_hash = hashOf(secret);
    m_timer.start();
}

void SecretClipboard::clearNow()
{
    m_timer.stop();
    QClipboard* clipboard = QGuiApplication::clipboard();
    const bool ours = !m_hash.isEmpty() && hashOf(clipboard->text(QClipboard::Clipboard)) == m_hash;
    if (ours)
        clipboard->clear(QClipboard::Clipboard);
    m_hash.clear();
    Q_EMIT cleared(ours);
}
