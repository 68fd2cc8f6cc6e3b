#pragma once

#include <QByteArray>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QUrl;

// HTTP/1.1 over plain TCP, read in this thread through a bounded socket (issue 14).
//
// Why it exists: for an http:// URL without a proxy, Qt 6.4 reads from an *unbuffered* QTcpSocket in its network
// thread (qhttpnetworkconnectionchannel.cpp, ensureConnection()), and QHttpNetworkReplyPrivate::readReplyBodyRaw()
// (qhttpnetworkreply.cpp) applies the reply's read buffer size to its first read only: one chunk larger than the
// buffer (a hostile "7fffffffffffffff" chunk) is then read for as long as the kernel has data, so a peer that writes
// as fast as Qt reads (one on the same machine: the credentials URI is a local service) is read without bound - the
// test against such a peer measured 55 and 67 MB against caps of 64 KiB and 1 MiB. With TLS (QSslSocket with a 64 KiB
// buffer) or through a proxy, Qt's socket is buffered and every loop ends at its buffer, so those stay with Qt.
//
// A reply made here behaves as Qt's does for what RoleDesk uses: the same request bytes (Qt's added headers, except
// Accept-Encoding: nothing is decompressed, so a cap counts the bytes on the wire), readyRead/metaDataChanged/
// requestSent/finished, errors and error codes as Qt sets them (HTTP status errors, "Connection refused", ...),
// abort(), keep-alive connections pooled per manager (at most 6 per host, as Qt), a stale pooled connection retried
// once on a new one, redirects never followed. Its socket holds at most 64 KiB and the reply at most its read buffer
// size: nothing is read from the socket while the reply is full, so the kernel's buffers fill and the peer stops.
namespace PlainHttp {

// Whether `manager` would send a request for `url` over plain TCP straight to the host (http, no proxy for it).
bool handles(QNetworkAccessManager* manager, const QUrl& url);

// Sends like manager->sendCustomRequest(request, method, body); the reply (a child of `manager`) holds at most
// readBufferSize bytes of the answer (0: no limit, as Qt).
QNetworkReply* send(QNetworkAccessManager* manager, const QNetworkRequest& request, const QByteArray& method,
                    const QByteArray& body, qint64 readBufferSize);

} // namespace PlainHttp
