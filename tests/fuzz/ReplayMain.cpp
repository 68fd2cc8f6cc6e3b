// The standalone driver that replays a fuzz target's committed corpus and past findings with the normal compiler
// (CTest fuzz_<target>), so that CI needs no clang: every file of every directory given is run through
// LLVMFuzzerTestOneInput once. A broken invariant aborts, naming the file.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
std::string g_current;

void onAbort(int)
{
    const std::string line = "while replaying " + g_current + "\n";
    (void)!::write(2, line.data(), line.size());
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::signal(SIGABRT, onAbort);
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QStringList files;
        if (QFileInfo(path).isDir()) {
            const QDir dir(path);
            for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else if (QFileInfo(path).isFile()) {
            files << path;
        } else {
            std::fprintf(stderr, "no corpus at %s\n", argv[i]);
            return 2;
        }
        for (const QString& file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 2;
            }
            const QByteArray data = f.readAll();
            g_current = file.toStdString();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size()));
            ++replayed;
        }
    }
    std::printf("replayed %d inputs\n", replayed);
    return replayed > 0 ? 0 : 2;
}
