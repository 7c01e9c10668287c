import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tracks temporary output files so that an interrupt (Ctrl-C, SIGTERM)
/// removes them instead of leaving partial output behind.
///
/// Paths are kept as C strings in a fixed table so the signal handler only
/// calls async-signal-safe `unlink` and `_exit`.
public enum TemporaryFiles {
    private static let capacity = 64
    nonisolated(unsafe) private static var paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    private static let lock = NSLock()
    nonisolated(unsafe) private static var initialised = false

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove registered
    /// files and exit with 128 + signal (unblocking those signals, which a
    /// parent process may have left blocked), and ignores SIGPIPE so that a
    /// closed pipe surfaces as a write error (`BrokenPipe`).
    public static func installSignalHandlers() {
        lock.lock()
        defer { lock.unlock() }
        if !initialised {
            paths.initialize(repeating: nil, count: capacity)
            initialised = true
        }
        signal(SIGPIPE, SIG_IGN)
        // A parent may start us with these signals blocked (threads of many
        // runtimes block signals, and the mask is inherited): unblock them,
        // or Ctrl-C would never reach the handler.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&handled, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                for index in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.paths[index] { unlink(path) }
                }
                _exit(128 + received)
            }
        }
    }

    /// Remembers `path` for removal on interrupt.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard initialised else { return }
        for index in 0..<capacity where paths[index] == nil {
            paths[index] = strdup(path)
            return
        }
    }

    /// Forgets `path` (after it was renamed or removed).
    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard initialised else { return }
        for index in 0..<capacity {
            if let stored = paths[index], String(cString: stored) == path {
                paths[index] = nil
                free(stored)
                return
            }
        }
    }
}
