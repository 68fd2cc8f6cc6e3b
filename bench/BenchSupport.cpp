#include "BenchSupport.h"

#include "api/ApiClient.h"
#include "api/DataWorksClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Bench {

double median(QList<double> values)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> parts = file.readAll().split(' ');
    return parts.size() >= 3 ? QString::fromLatin1(parts[0] + ' ' + parts[1] + ' ' + parts[2]) : QStringLiteral("?");
}

double cpuMs(qint64 pid)
{
    QFile file(pid > 0 ? u"/proc/%1/stat"_s.arg(pid) : u"/proc/self/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return std::nan("");
    const QByteArray text = file.readAll();
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return std::nan("");
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

Table::Table(QString title, QStringList header)
    : m_title(std::move(title))
    , m_header(std::move(header))
{}

void Table::addRow(const QStringList& cells)
{
    m_rows.append(cells);
}

void Table::addNote(const QString& note)
{
    m_notes.append(note);
}

void Table::print() const
{
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&widths](const QStringList& row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    };
    measure(m_header);
    for (const QStringList& row : m_rows)
        measure(row);
    auto line = [&widths](const QStringList& row) {
        QString out = QStringLiteral("|");
        for (qsizetype i = 0; i < widths.size(); ++i)
            out += u' ' + row.value(i).leftJustified(widths[i]) + QStringLiteral(" |");
        return out;
    };
    QString text = u"\n## "_s + m_title + u"\n\n"_s + line(m_header) + u'\n';
    QString rule = QStringLiteral("|");
    for (qsizetype w : widths)
        rule += QString(w + 2, u'-') + u'|';
    text += rule + u'\n';
    for (const QStringList& row : m_rows)
        text += line(row) + u'\n';
    for (const QString& note : m_notes)
        text += u"\n- "_s + note;
    text += u"\n- load average at the end: "_s + loadAverage() + u'\n';
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QString fmt(double value, int decimals)
{
    if (std::isnan(value))
        return QStringLiteral("n/a");
    return QString::number(value, 'f', decimals);
}

QString ratio(double numerator, double denominator)
{
    if (std::isnan(numerator) || std::isnan(denominator) || denominator <= 0)
        return QStringLiteral("n/a");
    return QString::number(numerator / denominator, 'f', 2) + u'x';
}

int cannotRun(const QString& message)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    return 2;
}

QString sourceDir()
{
    return QStringLiteral(ROLEDESK_SOURCE_DIR);
}

QString binaryDir()
{
    return QStringLiteral(ROLEDESK_BINARY_DIR);
}

QString nodeModulesDir()
{
    return sourceDir() + QStringLiteral("/tests/interop/node/node_modules");
}

QString benchNodeScript(const QString& name)
{
    return sourceDir() + QStringLiteral("/bench/node/") + name;
}

QString programPath(const QString& name)
{
    // bench_* sit next to each other; the applications are in <build>/app.
    const QString here = QCoreApplication::applicationDirPath() + u'/' + name;
    if (QFileInfo(here).isExecutable())
        return here;
    return binaryDir() + QStringLiteral("/app/") + name;
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString& program, const QStringList& arguments, QString* error, int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // The server's log goes to a file: a pipe nobody reads would fill up and stall the server.
    m_stderrPath = QDir::temp().filePath(u"roledesk-bench-server-%1.log"_s.arg(QCoreApplication::applicationPid()));
    m_process->setStandardErrorFile(m_stderrPath);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        *error = program + QStringLiteral(": ") + m_process->errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (!m_process->canReadLine()) {
        if (timer.elapsed() > timeoutMs || m_process->state() != QProcess::Running) {
            QFile log(m_stderrPath);
            log.open(QIODevice::ReadOnly);
            *error = program + QStringLiteral(" did not print its JSON line: ") +
                     QString::fromUtf8(log.readAll().right(2000)).trimmed();
            return false;
        }
        m_process->waitForReadyRead(200);
    }
    QJsonParseError parseError{};
    m_info = QJsonDocument::fromJson(m_process->readLine(), &parseError).object();
    if (m_info.isEmpty()) {
        *error = program + QStringLiteral(": the first line is not a JSON object: ") + parseError.errorString();
        return false;
    }
    return true;
}

QJsonObject ServerProcess::command(const QByteArray& line, int timeoutMs)
{
    if (!m_process)
        return {};
    m_process->write(line + '\n');
    m_process->waitForBytesWritten(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    while (!m_process->canReadLine() && timer.elapsed() < timeoutMs && m_process->state() == QProcess::Running)
        m_process->waitForReadyRead(200);
    return QJsonDocument::fromJson(m_process->readLine()).object();
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    QFile::remove(m_stderrPath);
}

bool checkNodeModules(QString* error)
{
    if (QFileInfo::exists(nodeModulesDir() + QStringLiteral("/@alicloud/openapi-client")) &&
        QFileInfo::exists(nodeModulesDir() + QStringLiteral("/@alicloud/credentials")))
        return true;
    *error = QStringLiteral("the pinned npm packages are missing in %1: run `npm ci` in tests/interop/node")
                 .arg(nodeModulesDir());
    return false;
}

QJsonObject runNode(const QString& script, const QStringList& arguments, QString* error, int timeoutMs)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), nodeModulesDir());
    node.setProcessEnvironment(env);
    node.setWorkingDirectory(sourceDir() + QStringLiteral("/tests/interop/node"));
    node.start(QStringLiteral("node"), QStringList{script} + arguments);
    if (!node.waitForStarted(10000)) {
        *error = QStringLiteral("node: ") + node.errorString();
        return {};
    }
    if (!node.waitForFinished(timeoutMs)) {
        node.kill();
        node.waitForFinished(5000);
        *error = QStringLiteral("node %1 timed out").arg(QFileInfo(script).fileName());
        return {};
    }
    const QList<QByteArray> lines = node.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject result = QJsonDocument::fromJson(lines.last()).object();
    if (node.exitCode() != 0 || result.isEmpty() || result.contains(QLatin1String("error"))) {
        *error = QStringLiteral("node %1 failed (exit %2): %3 %4")
                     .arg(QFileInfo(script).fileName())
                     .arg(node.exitCode())
                     .arg(result.value(QLatin1String("error")).toString(),
                          QString::fromUtf8(node.readAllStandardError()).trimmed().left(2000));
        return {};
    }
    return result;
}

std::unique_ptr<ApiClient> sandboxApi(const QJsonObject& info)
{
    Endpoints endpoints(info.value(QStringLiteral("region")).toString());
    endpoints.setEndpointOverride(QUrl(info.value(QStringLiteral("endpoint")).toString()));
    const Credential admin(info.value(QStringLiteral("accessKeyId")).toString(),
                           info.value(QStringLiteral("accessKeySecret")).toString(), {}, {},
                           QStringLiteral("sandbox admin"));
    return std::make_unique<ApiClient>(endpoints, [admin] { return admin; });
}

QList<Environment> listAll(ApiClient* api, QString* error)
{
    DataWorksClient dataWorks(api);
    ServerIdeListing::Options options;
    options.pageSize = 100;
    ServerIdeListing* listing = dataWorks.listServerIdeInstances({}, options);
    QEventLoop loop;
    QObject::connect(listing, &ServerIdeListing::finished, &loop, &QEventLoop::quit);
    QObject::connect(listing, &ServerIdeListing::failed, &loop, &QEventLoop::quit);
    loop.exec();
    if (listing->error().isError()) {
        *error = QStringLiteral("listing failed: ") + listing->error().toString();
        return {};
    }
    return listing->environments();
}

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace Bench
