#include "SecretScanner.h"

#include <QByteArray>
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

namespace {
// text with JSON string escapes (\/, \uXXXX, \n, any \x) undone leniently, as a reader of the text would see them.
QString unescapedJson(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const QChar next = text.at(++i);
        if (next == QLatin1Char('u') && i + 4 < text.size()) {
            bool ok = false;
            const ushort code = text.mid(i + 1, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 4;
                continue;
            }
        }
        out += next;
    }
    return out;
}
} // namespace

QString findSecret(const QString& text, const QStringList& secrets)
{
    // The secret in any spelling a reader could undo: as is, JSON-escaped, percent-encoded.
    const QString decoded = unescapedJson(text);
    const QString percentDecoded = QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
    for (const QString& s : secrets) {
        if (!s.isEmpty() && (text.contains(s) || decoded.contains(s) || percentDecoded.contains(s)))
            return s.left(3) + QStringLiteral("...");
    }
    return {};
}
