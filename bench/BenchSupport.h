#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class ApiClient;
class QElapsedTimer;
struct Environment;

// Shared by the bench_* executables: statistics, the one-table output, child processes (the sandbox
// server, node scripts), a client of the sandbox server and facts about the machine. Benchmarks are run on
// purpose, never by CTest.
namespace Bench {

double median(QList<double> values);
// Nearest-rank percentile, p in [0, 100].
double percentile(QList<double> values, double p);
// CLOCK_MONOTONIC in nanoseconds: comparable across processes on the same machine.
qint64 monotonicNs();
// CPU time of the calling thread in nanoseconds (less sensitive than wall time to other processes' load).
qint64 threadCpuNs();
QString loadAverage(); // "/proc/loadavg" first three fields
// User + system CPU time of a process (0 = this one) in milliseconds, from /proc/<pid>/stat.
double cpuMs(qint64 pid = 0);

// A plain-text table, printed once at the end of a benchmark.
class Table
{
public:
    Table(QString title, QStringList header);
    void addRow(const QStringList& cells);
    void addNote(const QString& note);
    void print() const;

private:
    QString m_title;
    QStringList m_header;
    QList<QStringList> m_rows;
    QStringList m_notes;
};

QString fmt(double value, int decimals = 1);
QString ratio(double numerator, double denominator); // "3.4x"

// Writes "bench: <message>" to stderr and returns the exit code for "cannot run" (2).
int cannotRun(const QString& message);

// Folders and programs.
QString sourceDir();
QString binaryDir();
QString nodeModulesDir(); // tests/interop/node/node_modules (the pinned official packages)
QString benchNodeScript(const QString& name);
QString programPath(const QString& name); // an executable of this build (roledesk, roledesk-cli, bench_*)

// A server child process that prints one JSON line when it listens (roledesk-cli sandbox serve,
// bench_sandbox_server). Terminated (SIGTERM, then kill) when destroyed.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    bool start(const QString& program, const QStringList& arguments, QString* error, int timeoutMs = 60000);
    const QJsonObject& info() const { return m_info; }
    QProcess* process() { return m_process.get(); }
    // Sends one line on stdin and waits for one JSON line answer (bench_sandbox_server commands).
    QJsonObject command(const QByteArray& line, int timeoutMs = 30000);
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    QJsonObject m_info;
    QString m_stderrPath;
};

// An ApiClient signed with the sandbox server's admin key, at its endpoint and region (info(): the JSON line
// bench_sandbox_server prints when it listens).
std::unique_ptr<ApiClient> sandboxApi(const QJsonObject& serverInfo);
// Every environment, listed as `envs list` and the GUI do (DataWorksClient, pages of 100); empty and *error set
// when the listing fails.
QList<Environment> listAll(ApiClient* api, QString* error);
// Milliseconds since t started, with the nanosecond timer's resolution.
double msSince(const QElapsedTimer& t);

// Runs `node <script> args...` with NODE_PATH on the pinned packages; returns its last stdout line parsed as
// JSON (empty object and *error set on failure).
QJsonObject runNode(const QString& script, const QStringList& arguments, QString* error, int timeoutMs = 600000);
// Fails with a message naming `npm ci` when the pinned packages are missing.
bool checkNodeModules(QString* error);

} // namespace Bench
