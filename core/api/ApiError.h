#pragma once

#include <QDebug>
#include <QString>

// What went wrong with one API call, in a form every front end can show: the server's Code,
// Message and RequestId when there is an answer, the HTTP status, where (service, action, host),
// and a plain-words explanation with what to do next. Never carries a secret: messages are
// redacted before they are stored here.
class ApiError
{
public:
    enum class Kind
    {
        None,            // no error
        Service,         // the server answered with an error (Code/Message/RequestId set)
        Network,         // no usable answer: refused, reset, closed, DNS, TLS
        Timeout,         // no answer within the configured time-out
        InvalidEndpoint, // the endpoint configuration is unusable (e.g. plain HTTP to a remote host)
        InvalidArgument, // rejected locally before sending (e.g. a malformed RoleSessionName)
        NoCredential,    // the credential provider gave nothing
        Conflict,        // the resource changed since the caller read it (setRole)
        Parse,           // the answer could not be understood
        Canceled,        // the caller canceled
    };

    bool isError() const { return kind != Kind::None; }
    bool isThrottling() const;
    // One line for users and logs: "DataWorks UpdateServerIdeInstance failed: <explanation> (Code X, HTTP 403,
    // RequestId R)".
    QString toString() const;

    // The plain-words explanation of a server error code, or an empty string for codes we do not know.
    static QString explanationForCode(const QString& code);
    static QString kindName(Kind kind);

    Kind kind = Kind::None;
    QString code;      // server Code, or a local code ("Conflict", "Network.ConnectionRefused", "Timeout", ...)
    QString message;   // server Message or local detail, redacted
    QString requestId; // from the body or the x-acs-request-id / x-odps-request-id header
    QString hostId;
    int httpStatus = 0;  // 0 when there was no HTTP answer
    QString service;     // "dataworks", "sts", "ram", "maxcompute"
    QString action;      // "ListServerIdeInstances", "ListTables", ...
    QString host;        // host (and port) the request went to
    QString explanation; // plain words, what to do next
    bool clockSkewDetected = false;
    qint64 clockSkewSeconds = 0; // server time minus local time, when detected
    int attempts = 0;
};

QDebug operator<<(QDebug debug, const ApiError& error);
