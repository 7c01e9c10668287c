/// Starts writing a file range to disk without waiting (Linux
/// `sync_file_range(…, SYNC_FILE_RANGE_WRITE)`); a no-op elsewhere.
enum EarlyWriteback {
    /// `sync_file_range(fd, offset, nbytes, flags)`.
    private static let syncFileRange = LibcFunction.lookup(
        "sync_file_range", as: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)

    /// Asks the kernel to start writing `count` bytes of `descriptor` from
    /// `offset` to disk; errors are left to the final `fsync`.
    static func start(_ descriptor: Int32, from offset: Int, count: Int) {
        _ = syncFileRange?(descriptor, Int64(offset), Int64(count), 2)  // SYNC_FILE_RANGE_WRITE
    }
}
