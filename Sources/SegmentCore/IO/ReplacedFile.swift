import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes the cached pages of an output's previous version out of memory
/// while the new version is being produced.
///
/// Renaming a new file over an old one frees the old one inside `rename`,
/// and the kernel first evicts the old file's cached pages: about 15 ms per
/// 100 MB on a 2-core machine, at the very end of a run where nothing else
/// overlaps it. Dropped in the background when the output is opened
/// (`POSIX_FADV_DONTNEED`), the eviction overlaps the work instead. The old
/// file's contents are not touched: they are read back from disk if anyone
/// reads them before the rename, and a run that fails leaves them as they
/// were.
enum ReplacedFile {
    /// Files smaller than this are not worth a background task.
    static let minimumSize = 1 << 20

    /// Starts dropping the cached pages of `path`, an existing regular
    /// file of `size` bytes, on a background thread (Linux only; a no-op
    /// elsewhere and for small files).
    static func dropCachedPages(of path: String, size: Int) {
        #if os(Linux)
        guard size >= minimumSize else { return }
        DispatchQueue.global(qos: .utility).async {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
        #endif
    }
}
