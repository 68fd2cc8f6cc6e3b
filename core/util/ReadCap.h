#pragma once

#include <QtGlobal>

#include <functional>

class QByteArray;
class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// Bounded HTTP reads (issue 14): Qt's network thread reads an answer ahead of the thread that owns the reply, as far
// as the reply's read buffer size lets it; without a size it reads without end. The size must therefore be in that
// thread before the first byte of the answer is, whatever the scheduling: set after the request has started (as
// QNetworkReply::setReadBufferSize() alone does), it races the network thread, which has the request on the wire
// and reads on for as long as this thread is not scheduled (a GET once read 64 MiB against a 64 KiB cap).
//
// start() gives Qt's network thread the size as part of the start itself. Qt 6.4 (qnetworkreplyhttpimpl.cpp,
// qhttpthreaddelegate.cpp) starts a request by creating a QHttpThreadDelegate in this thread, moving it to the
// network thread and posting it startRequest(), which creates the delegate's QHttpNetworkReply; only then does the
// delegate accept a read buffer size (readBufferSizeChanged(), a slot that ignores a size that comes earlier). So
// start() watches this thread's events while `start` runs, catches the delegate as it moves (QEvent::ThreadChange),
// and gives it a child event filter that moves with it: when startRequest() makes the QHttpNetworkReply the
// delegate's child (QEvent::ChildAdded, in the network thread, still inside startRequest()), the filter calls
// readBufferSizeChanged() there and then, before that thread returns to its event loop, so before it can read
// anything from the socket. A request with a body, whose start Qt queues on this thread's event loop, is started
// at once inside start() for the same reason (its body must be a QByteArray or a device, with a Content-Length
// and QNetworkRequest::DoNotBufferUploadDataAttribute on the request: Qt then has nothing to buffer first).
//
// What this cannot bound (Qt 6.4, qhttpnetworkreply.cpp): on a plain-TCP connection without a proxy Qt's socket is
// unbuffered, and Qt reads one chunk of a chunked answer in a loop for as long as the kernel has data
// (QHttpNetworkReplyPrivate::readReplyBodyRaw loops on bytesAvailable(); the size bounds its first read only), so
// on one 2^63-byte chunk from a peer that writes as fast as Qt reads, a single read ran on to 55 and 67 MB in CI.
// send() therefore gives plain http without a proxy to core/util/PlainHttp, which reads in this thread through a
// bounded socket; with TLS or a proxy Qt's socket is buffered (64 KiB) and every loop ends at its buffer.
//
// These are Qt's internal class and slot names: with another Qt, where they do not match, nothing is caught and
// the size set afterwards (as before) is all there is; tests/core/test_hostilepeers.cpp then fails, because it
// pauses this thread right after the start while a hostile peer sends without end.
namespace ReadCap {

// Sends `request` on `manager` as get()/post()/sendCustomRequest() would, holding at most maxBytes of the answer
// ahead of the caller: plain http without a proxy through PlainHttp, everything else through Qt and start(). The
// reply's read buffer size is maxBytes. The device form is for a body that must not be buffered (read once).
QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    const QByteArray& body, qint64 maxBytes);
QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    QIODevice* body, qint64 maxBytes);

// Calls `start` (which hands a request to a QNetworkAccessManager and returns its reply) so that Qt's network thread
// holds at most maxBytes of the answer at any time; sets the reply's read buffer size to maxBytes as well. The
// caller still reads the reply as it arrives and aborts past its cap (a full buffer only stops the reading).
QNetworkReply* start(qint64 maxBytes, const std::function<QNetworkReply*()>& start);

// Appends what `device` holds now to *into, up to one byte past maxBytes in all (the byte by which the caller sees
// its cap crossed), and returns how many bytes it appended. Reads straight into *into, which grows geometrically
// and, for a QNetworkReply with a Content-Length within the cap, is sized for the whole answer on its first read.
// (QIODevice::read(qint64) allocates its whole allowance first: with an API answer's 64 MiB cap that was a fresh
// 64 MiB mapping, page faults and an unmap for every readyRead, in the GUI thread.)
qint64 appendAvailable(QIODevice* device, QByteArray* into, qint64 maxBytes);

// Tests only: called with each reply right after its request was handed to Qt, before start() sets the size on the
// reply; a test blocks this thread there to give Qt's network thread every chance to read ahead.
void setAfterStartHookForTesting(std::function<void(QNetworkReply*)> hook);

} // namespace ReadCap
