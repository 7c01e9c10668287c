import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// The temporary files that outputs are being written to, so that an
/// interrupted process can remove them instead of leaving partial output
/// behind.
///
/// The library installs no signal handler: the executable does, and calls
/// `removeAll()` from it. Paths are kept as C strings in a fixed table, so
/// `removeAll()` only reads memory and calls `unlink`, which is
/// async-signal-safe.
public enum TemporaryFiles {
    private static let capacity = 64
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    private static let lock = NSLock()

    /// Remembers `path` for removal on interrupt.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<capacity where paths[index] == nil {
            paths[index] = strdup(path)
            return
        }
    }

    /// Forgets `path` (after it was renamed or removed).
    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<capacity {
            if let stored = paths[index], String(cString: stored) == path {
                paths[index] = nil
                free(stored)
                return
            }
        }
    }

    /// Removes every registered temporary file. Async-signal-safe: for a
    /// signal handler that is about to end the process. Call `prepare()`
    /// before installing that handler.
    public static func removeAll() {
        for index in 0..<capacity {
            if let path = paths[index] { unlink(path) }
        }
    }

    /// Creates the table of paths now, so that a signal handler calling
    /// `removeAll()` never runs its one-time initialisation.
    public static func prepare() {
        _ = paths
    }
}
