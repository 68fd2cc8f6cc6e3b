// Memory::releaseFreedMemory(): memory freed in the middle of the heap really goes back to the system.
// (Without it glibc keeps such pages mapped: a GUI that once held a 100,000-environment listing stayed at
// its peak.) Measured as the process's resident size from /proc/self/statm, so Linux/glibc only.
#include "util/Memory.h"

#include <QFile>
#include <QTest>

#include <cstdlib>
#include <unistd.h>
#include <vector>

// AddressSanitizer (scripts/test-sanitizers.sh) replaces malloc: freed blocks sit in its quarantine and its
// allocator gives nothing back to the system, so the measurement below cannot hold there.
#include "Sanitizers.h"

namespace {

[[maybe_unused]] double residentMB() // unused under ASan (the measurement is skipped there)
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / 1048576.0 : -1;
}

} // namespace

class TestMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freedHeapPagesGoBackToTheSystem()
    {
#if !defined(__GLIBC__) || !defined(Q_OS_LINUX)
        QVERIFY(!Memory::releaseFreedMemory());
        QSKIP("malloc_trim is glibc's; elsewhere releaseFreedMemory() does nothing");
#elif defined(ROLEDESK_UNDER_ASAN)
        Memory::releaseFreedMemory(); // still callable under ASan, but it cannot hand anything back
        QSKIP("built with AddressSanitizer: ASan's allocator keeps freed memory (quarantine) and gives nothing back "
              "to the system, so the trim measurement cannot hold; it runs in the normal build");
#else
        QVERIFY(residentMB() > 0);
        // 160 MB in blocks below the mmap threshold (so they come from the heap), touched so they are resident;
        // then all freed except one block at the top, which keeps glibc from shrinking the heap by itself.
        constexpr size_t blockSize = 16 * 1024;
        constexpr size_t blocks = 160 * 1024 * 1024 / blockSize;
        std::vector<char*> memory;
        memory.reserve(blocks);
        for (size_t i = 0; i < blocks; ++i) {
            auto* block = static_cast<char*>(std::malloc(blockSize));
            QVERIFY(block);
            for (size_t b = 0; b < blockSize; b += 1024)
                block[b] = char(i + b);
            memory.push_back(block);
        }
        for (size_t i = 0; i + 1 < blocks; ++i)
            std::free(memory[i]);
        const double beforeTrim = residentMB();
        QVERIFY(Memory::releaseFreedMemory());
        const double afterTrim = residentMB();
        std::free(memory.back());
        qInfo("resident after freeing: %.1f MB, after releaseFreedMemory(): %.1f MB", beforeTrim, afterTrim);
        QVERIFY2(beforeTrim - afterTrim > 100, "releaseFreedMemory() should have handed back most of 160 MB");
#endif
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "test_memory.moc"
