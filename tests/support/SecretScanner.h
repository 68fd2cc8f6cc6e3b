#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

// Captures everything logged through Qt's message handler while alive, so a test can assert that no
// secret value reached a log line. Install one per test function; secrets are recognisable strings.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    QStringList lines() const;
    // The first secret found in any captured line, or an empty string.
    QString findAny(const QStringList& secrets) const;

private:
    static void handler(QtMsgType type, const QMessageLogContext& context, const QString& msg);
    QtMessageHandler m_previous = nullptr;
};

// The first of secrets contained in text, or an empty string (for QVERIFY2 messages, names only). A secret
// counts as contained in any spelling a reader can undo: JSON escapes (\/, \u0041) and percent-encoding.
QString findSecret(const QString& text, const QStringList& secrets);
