#include "ReadCap.h"

#include "PlainHttp.h"

#include <QChildEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QIODevice>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

std::function<void(QNetworkReply*)>& afterStartHook()
{
    static std::function<void(QNetworkReply*)> hook;
    return hook;
}

// Lives in Qt's network thread as a child of a QHttpThreadDelegate: hands the delegate its read buffer size the
// moment the delegate's QHttpNetworkReply exists (inside QHttpThreadDelegate::startRequest()).
class DelegateSizer : public QObject
{
public:
    DelegateSizer(qint64 size, QObject* delegate)
        : QObject(delegate)
        , m_size(size)
    {}

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ChildAdded) {
            QObject* child = static_cast<QChildEvent*>(event)->child();
            if (child != this && child && child->inherits("QHttpNetworkReply")) {
                watched->removeEventFilter(this);
                QMetaObject::invokeMethod(watched, "readBufferSizeChanged", Qt::DirectConnection,
                                          Q_ARG(qint64, m_size));
                deleteLater();
            }
        }
        return false;
    }

private:
    qint64 m_size;
};

// Installed on the application while a request starts: catches its QHttpThreadDelegate as Qt moves it to the
// network thread (the event is sent in this thread, before the move) and gives it a DelegateSizer.
class DelegateCatcher : public QObject
{
public:
    explicit DelegateCatcher(qint64 size)
        : m_size(size)
    {}
    bool caught() const { return m_caught; }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_caught && event->type() == QEvent::ThreadChange && watched->inherits("QHttpThreadDelegate")) {
            m_caught = true;
            watched->installEventFilter(new DelegateSizer(m_size, watched)); // moves with its parent
        }
        return false;
    }

private:
    qint64 m_size;
    bool m_caught = false;
};

} // namespace

namespace ReadCap {

QNetworkReply* start(qint64 maxBytes, const std::function<QNetworkReply*()>& start)
{
    QCoreApplication* app = QCoreApplication::instance();
    DelegateCatcher catcher(maxBytes);
    if (app)
        app->installEventFilter(&catcher);
    QNetworkReply* reply = start();
    // A request with a body: Qt queued its start on this thread's event loop. With a Content-Length and no buffering
    // asked for, that start does nothing Qt still waits for: make it now, while the catcher watches.
    if (reply && !catcher.caught() && reply->inherits("QNetworkReplyHttpImpl") && !reply->isFinished()) {
        const QNetworkRequest request = reply->request();
        if (request.attribute(QNetworkRequest::DoNotBufferUploadDataAttribute).toBool() &&
            request.header(QNetworkRequest::ContentLengthHeader).isValid() &&
            reply->metaObject()->indexOfMethod("_q_startOperation()") >= 0)
            QMetaObject::invokeMethod(reply, "_q_startOperation", Qt::DirectConnection);
    }
    if (app)
        app->removeEventFilter(&catcher);
    if (!reply)
        return reply;
    if (afterStartHook())
        afterStartHook()(reply);
    // This side's count of what it holds (QNetworkReply frees the network thread's budget as it is read), and, for
    // a start Qt made later after all, the size for the network thread as early as this thread can give it.
    reply->setReadBufferSize(maxBytes);
    if (!catcher.caught())
        QMetaObject::invokeMethod(
            reply, [reply, maxBytes] { reply->setReadBufferSize(maxBytes); }, Qt::QueuedConnection);
    return reply;
}

qint64 appendAvailable(QIODevice* device, QByteArray* into, qint64 maxBytes)
{
    if (!device->isOpen())
        return 0;
    const qint64 want = qMin(maxBytes + 1 - into->size(), device->bytesAvailable());
    if (want <= 0)
        return 0;
    if (into->isEmpty()) {
        if (const auto* reply = qobject_cast<const QNetworkReply*>(device)) {
            const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (length > want && length <= maxBytes)
                into->reserve(qsizetype(length));
        }
    }
    const qsizetype before = into->size();
    into->resize(before + qsizetype(want));
    const qint64 read = device->read(into->data() + before, want);
    into->resize(before + qsizetype(qMax<qint64>(0, read)));
    return qMax<qint64>(0, read);
}

QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    const QByteArray& body, qint64 maxBytes)
{
    if (PlainHttp::handles(manager, request.url())) {
        QNetworkReply* reply = PlainHttp::send(manager, request, method, body, maxBytes);
        if (afterStartHook())
            afterStartHook()(reply);
        return reply;
    }
    return start(maxBytes, [&] {
        if (method == "GET" && body.isEmpty())
            return manager->get(request);
        if (method == "POST")
            return manager->post(request, body);
        return body.isEmpty() ? manager->sendCustomRequest(request, method)
                              : manager->sendCustomRequest(request, method, body);
    });
}

QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    QIODevice* body, qint64 maxBytes)
{
    if (PlainHttp::handles(manager, request.url())) {
        QNetworkReply* reply =
            PlainHttp::send(manager, request, method, body ? body->readAll() : QByteArray(), maxBytes);
        if (afterStartHook())
            afterStartHook()(reply);
        return reply;
    }
    return start(maxBytes, [&] { return manager->sendCustomRequest(request, method, body); });
}

void setAfterStartHookForTesting(std::function<void(QNetworkReply*)> hook)
{
    afterStartHook() = std::move(hook);
}

} // namespace ReadCap
