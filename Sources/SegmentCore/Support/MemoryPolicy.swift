import Foundation

/// How the process gets memory from the system.
public enum MemoryPolicy {
    /// Serves every allocation, large ones included, from the heap and
    /// keeps freed memory there for reuse (glibc `mallopt`: no `mmap`
    /// allocations, no trimming).
    ///
    /// By default glibc maps each allocation above 32 MiB on its own and
    /// unmaps it when freed, so the next large buffer (a table, a feature
    /// matrix, the k-means scratch) starts on fresh pages and pays a page
    /// fault per 4 KiB again, several microseconds each in a virtual machine.
    /// Reusing the heap instead made a million-row `cluster` run about 10 %
    /// faster on the benchmark machine, for 5 % more peak memory. A no-op
    /// where glibc's `mallopt` is unavailable.
    public static func reuseFreedMemory() {
        guard let setOption = LibcFunction.lookup("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return }
        _ = setOption(-4, 0)            // M_MMAP_MAX: never allocate with mmap
        _ = setOption(-1, Int32.max)    // M_TRIM_THRESHOLD: keep freed memory
    }

    /// Returns the whole pages inside `buffer` to the system
    /// (`madvise(MADV_DONTNEED)`), for memory about to be freed that nothing
    /// will reuse: the kernel frees them now, on the calling thread, instead
    /// of when the process exits, where tearing down hundreds of megabytes
    /// takes tens of milliseconds that nothing overlaps. Unlike trimming the
    /// heap, this holds no allocator lock, so other threads keep allocating.
    /// The bytes read as zero afterwards; the bytes around the pages (where
    /// the allocator keeps its bookkeeping) are untouched.
    public static func discardPages(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + buffer.count) / page * page
        guard end > start, let pages = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pages, end - start, Int32(MADV_DONTNEED))
    }
}
