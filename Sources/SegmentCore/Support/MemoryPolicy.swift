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

    /// Returns the heap's free memory to the system (glibc `malloc_trim`),
    /// for when no more large buffers will be allocated: the pages are then
    /// freed now, on the calling thread, instead of when the process exits,
    /// where tearing down hundreds of megabytes takes tens of milliseconds
    /// that nothing overlaps. A no-op where `malloc_trim` is unavailable.
    public static func returnFreedMemory() {
        guard let trim = LibcFunction.lookup("malloc_trim", as: (@convention(c) (Int) -> Int32).self) else { return }
        _ = trim(0)
    }
}
