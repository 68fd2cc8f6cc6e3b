#include "SecretScanner.h"

#include <QMutexLocker>

namespace {
QMutex g_mutex;
QStringList g_lines;
LogCapture* g_active = nullptr;
QtMessageHandler g_previousHandler = nullptr;
} // namespace

LogCapture::LogCapture()
{
    QMutexLocker lock(&g_mutex);
    g_lines.clear();
    g_active = this;
    m_previous = qInstallMessageHandler(&LogCapture::handler);
    g_previousHandler = m_previous;
}

LogCapture::~LogCapture()
{
    QMutexLocker lock(&g_mutex);
    qInstallMessageHandler(m_previous);
    g_active = nullptr;
}

void LogCapture::handler(QtMsgType type, const QMessageLogContext& context, const QString& msg)
{
    {
        QMutexLocker lock(&g_mutex);
        g_lines << QString::fromUtf8(context.category ? context.category : "") + QStringLiteral(": ") + msg;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, msg);
}

QStringList LogCapture::lines() const
{
    QMutexLocker lock(&g_mutex);
    return g_lines;
}

QString LogCapture::findAny(const QStringList& secrets) const
{
    return findSecret(lines().join(QLatin1Char('\n')), secrets);
}

QString findSecret(const QString& text, const QStringList& secrets)
{
    for (const QString& s : secrets) {
        if (!s.isEmpty() && text.contains(s))
            return s.left(3) + QStringLiteral("...");
    }
    return {};
}
