#pragma once

// Process memory housekeeping.
namespace Memory {

// Hands memory that was freed back to the operating system where the allocator keeps it (glibc keeps freed
// heap pages mapped, so a process that once peaked stays at its peak). Call after a large transient
// allocation ends (a 100,000-environment listing); costs a few milliseconds. Does nothing elsewhere, and then
// returns false.
bool releaseFreedMemory();

} // namespace Memory
