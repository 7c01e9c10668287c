import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// The new contents of a regular file, written beside it and renamed over it
/// only when complete.
///
/// On Linux the contents go to an unnamed file in the destination's folder
/// (`O_TMPFILE`), so a process killed with SIGKILL while writing leaves
/// nothing behind; it gets a name (`.NAME.tmp-PID-N`) only for the `rename`
/// that puts it in place. Elsewhere, or on a file system without unnamed
/// files, it is named from the start and registered with `TemporaryFiles`
/// for removal on interrupt. Opening also removes the temporary siblings
/// that processes which no longer run left behind.
///
/// The new file keeps the permission bits of the file it replaces; a new
/// file gets `0666` less the umask, as a shell redirection would.
final class ReplacementFile {
    /// The file written.
    let descriptor: Int32
    /// The path the contents replace.
    let path: String
    /// The temporary name, set from the start for a named file and at commit for an unnamed one.
    private var temporaryPath: String?
    /// The name the temporary file gets (`.NAME.tmp-PID-N`).
    private let plannedName: String

    /// The process-wide count of replacement files, which makes temporary names unique.
    nonisolated(unsafe) private static var created = 0
    private static let lock = NSLock()

    /// Creates the temporary file for `path`.
    /// - Throws: `SegmentError.writeFailed` when it cannot be created.
    init(replacing path: String) throws {
        self.path = path
        let folder = Self.folder(of: path)
        let name = (path as NSString).lastPathComponent
        Self.lock.lock()
        Self.created += 1
        let sequence = Self.created
        Self.lock.unlock()
        plannedName = folder + "/." + name + ".tmp-\(getpid())-\(sequence)"
        Self.removeAbandonedSiblings(of: name, in: folder)
        if let unnamed = Self.openUnnamed(in: folder) {
            descriptor = unnamed
            temporaryPath = nil
        } else {
            TemporaryFiles.register(plannedName)
            let named = open(plannedName, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            guard named >= 0 else {
                let code = errno
                TemporaryFiles.unregister(plannedName)
                throw SegmentError.writeFailed(path: path, reason: Self.openFailure(code, folder: folder))
            }
            descriptor = named
            temporaryPath = plannedName
        }
        var existing = stat()
        if stat(path, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG {
            fchmod(descriptor, existing.st_mode & 0o7777)
        }
    }

    /// Makes the contents durable and renames them over `path`.
    /// - Throws: `SegmentError.writeFailed`; `path` is then as it was.
    func commit() throws {
        if fsync(descriptor) != 0 { throw failure(errno) }
        if temporaryPath == nil {
            TemporaryFiles.register(plannedName)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, plannedName, AT_SYMLINK_FOLLOW) == 0 else {
                let code = errno
                TemporaryFiles.unregister(plannedName)
                close(descriptor)
                throw failure(code)
            }
            temporaryPath = plannedName
        }
        let named = temporaryPath!
        defer { TemporaryFiles.unregister(named) }
        if close(descriptor) != 0 || rename(named, path) != 0 {
            let code = errno
            unlink(named)
            throw failure(code)
        }
    }

    /// Discards the contents; `path` stays as it was.
    func abandon() {
        close(descriptor)
        if let temporaryPath {
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
        }
    }

    private func failure(_ code: Int32) -> SegmentError {
        SegmentError.writeFailed(path: path, reason: String(cString: strerror(code)))
    }

    /// The folder of `path` as `open` needs it (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// An unnamed file in `folder`, or `nil` where there is none (not Linux,
    /// no `/proc` to name it through later, or a file system without them).
    private static func openUnnamed(in folder: String) -> Int32? {
        #if os(Linux)
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let unnamedFile: Int32 = 0o20000000 | O_DIRECTORY  // O_TMPFILE
        let descriptor = open(folder, O_WRONLY | unnamedFile, 0o666)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
    }

    /// Removes `.NAME.tmp-PID…` files in `folder` whose process has ended
    /// (left by a process that was killed between naming and renaming its
    /// output, or by an older version).
    private static func removeAbandonedSiblings(of name: String, in folder: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// Why the temporary file in `folder` could not be created, and what to do.
    static func openFailure(_ code: Int32, folder: String) -> String {
        var info = stat()
        let folderExists = stat(folder, &info) == 0
        switch code {
        case ENOENT where !folderExists:
            return "the directory '\(folder)' does not exist; create it or write elsewhere"
        case ENOTDIR:
            return "'\(folder)' is not a directory; write elsewhere"
        case EACCES, EROFS, EPERM:
            return "'\(folder)' is not writable (\(String(cString: strerror(code)))); write elsewhere"
        default:
            return "cannot create a file in '\(folder)' (\(String(cString: strerror(code)))); write elsewhere"
        }
    }
}
