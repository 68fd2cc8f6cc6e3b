// The sandbox's request handling (SandboxEngine::handle: query strings, form bodies, headers, the three signature
// schemes, every POP action's parameters, MaxCompute paths, the credentials service) on a fresh engine with the
// seeded workspace. The first byte picks how the rest becomes a request:
//   0  raw:  "METHOD /path?query" line, "name: value" header lines, an empty line, the body (unsigned)
//   1  V3:   action line, version line, then key=value lines, signed with the workspace's AccessKey (form body)
//   2  RPC:  the same, signed with signature V1 (GET, parameters in the query string)
//   3  ODPS: a path line below /api, then key=value query lines, signed for MaxCompute
//   4  the credentials URI of the environment the second byte picks, with the raw part's headers
// Invariants: never crashes; a real HTTP status; the workspace's long-term AccessKeySecret never leaves it, in any
// answer, in any spelling.
#include "FuzzSupport.h"

#include "MockClock.h"
#include "SandboxEngine.h"
#include "SignedRequests.h"

#include <QFile>
#include <QUrl>

namespace {

QList<QByteArray> splitLines(const QByteArray& bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray& line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

SignedRequests::Pairs pairs(const QList<QByteArray>& lines, qsizetype from)
{
    SignedRequests::Pairs out;
    for (qsizetype i = from; i < lines.size(); ++i) {
        const qsizetype eq = lines[i].indexOf('=');
        out.append(eq < 0 ? qMakePair(lines[i], QByteArray()) : qMakePair(lines[i].left(eq), lines[i].mid(eq + 1)));
    }
    return out;
}

SandboxRequest raw(const QByteArray& bytes)
{
    SandboxRequest r;
    const qsizetype split = bytes.indexOf("\n\n");
    const QList<QByteArray> head = splitLines(split < 0 ? bytes : bytes.left(split));
    r.body = split < 0 ? QByteArray() : bytes.mid(split + 2);
    const QList<QByteArray> requestLine = head.value(0).split(' ');
    r.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1, "/");
    const qsizetype question = target.indexOf('?');
    r.path = QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question));
    r.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < head.size(); ++i) {
        const qsizetype colon = head[i].indexOf(':');
        if (colon > 0)
            r.headers.append({head[i].left(colon).trimmed().toLower(), head[i].mid(colon + 1).trimmed()});
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    static const QByteArray seed = [] {
        QFile file(QStringLiteral(ROLEDESK_SOURCE_DIR "/sandbox/seed/workspace.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    static MockClock clock(QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC));
    SandboxEngine engine(&clock);
    QString error;
    if (!engine.loadSeed(seed, &error))
        std::abort();
    engine.setBaseUrl(QStringLiteral("http://127.0.0.1:8080"));
    engine.setStrictPlacement(data[1] & 1);
    const SignedRequests::Key admin{engine.accessKeyId().toUtf8(), engine.accessKeySecret().toUtf8(), {}};

    const QByteArray rest = FuzzSupport::bytes(data + 2, size - 2);
    const QList<QByteArray> lines = splitLines(rest);
    SandboxRequest request;
    switch (data[0] % 5) {
    case 0:
        request = raw(rest);
        break;
    case 1:
        request = SignedRequests::v3(lines.value(0), lines.value(1), pairs(lines, 2), admin, clock.nowUtc());
        break;
    case 2:
        request = SignedRequests::rpc(lines.value(0), lines.value(1), pairs(lines, 2), admin, clock.nowUtc());
        break;
    case 3:
        request = SignedRequests::odps("/api" + lines.value(0), pairs(lines, 1), admin, clock.nowUtc());
        break;
    case 4: {
        const QList<QPair<QString, bool>> environments = engine.visibility();
        if (environments.isEmpty())
            return 0;
        const QUrl uri(engine.credentialsUri(environments.at(data[1] % environments.size()).first));
        request = raw(rest);
        request.method = "GET";
        request.path = uri.path(QUrl::FullyDecoded).toUtf8();
        break;
    }
    }
    // A request that itself carries the secret may have it echoed (an unknown parameter named in an error, say).
    QByteArray sent = request.method + ' ' + request.path + '?' + request.rawQuery + '\n' + request.body;
    for (const auto& [name, value] : request.headers)
        sent += '\n' + name + ": " + value;
    if (FuzzSupport::shows(QString::fromUtf8(sent), engine.accessKeySecret()))
        return 0;
    const SandboxResponse response = engine.handle(request);
    FUZZ_CHECK(response.status >= 100 && response.status <= 599, "not an HTTP status");
    QString answer = QString::fromUtf8(response.body);
    for (const auto& [name, value] : response.headers)
        answer += QLatin1Char('\n') + QString::fromUtf8(name) + QLatin1String(": ") + QString::fromUtf8(value);
    FUZZ_CHECK(!FuzzSupport::shows(answer, engine.accessKeySecret()), "the long-term secret left the sandbox");
    return 0;
}
