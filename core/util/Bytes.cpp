#include "Bytes.h"

#include <QDateTime>

#include <algorithm>

namespace Bytes {

bool constantTimeEqual(const QByteArray& a, const QByteArray& b)
{
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a.at(i)) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b.at(i)) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

QString isoSeconds(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QList<QPair<QByteArray, QByteArray>> decodePairs(const QByteArray& raw, bool plusIsSpace)
{
    QList<QPair<QByteArray, QByteArray>> out;
    if (raw.isEmpty())
        return out;
    for (const QByteArray& part : raw.split('&')) {
        if (part.isEmpty())
            continue;
        QByteArray piece = part;
        if (plusIsSpace)
            piece.replace('+', ' ');
        const qsizetype eq = piece.indexOf('=');
        const QByteArray key = eq < 0 ? piece : piece.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        out.append({QByteArray::fromPercentEncoding(key), QByteArray::fromPercentEncoding(value)});
    }
    return out;
}

} // namespace Bytes
