#include "Memory.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems: the test below must come after a libc header

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Memory {

bool releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
    return true;
#else
    return false;
#endif
}

} // namespace Memory
