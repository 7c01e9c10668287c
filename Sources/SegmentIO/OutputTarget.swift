import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// What an output path names, and so how it is written.
///
/// A regular file (or a path that does not exist yet) is replaced atomically;
/// a character device (`/dev/null`, a terminal), a FIFO or a socket is
/// written through, the way a shell redirection writes it. A symbolic link is
/// followed: the file it points to is replaced and the link stays a link.
/// Nothing that is not a regular file is ever renamed over.
public enum OutputTarget: Equatable, Sendable {
    /// Written in place through `open(2)`: a device, a FIFO or a socket.
    case stream(path: String)
    /// Replaced by renaming a complete temporary sibling over `path` (the
    /// link target when the given path was a symbolic link).
    case replace(path: String)

    /// How many symbolic links are followed before giving up (as the kernel's `ELOOP`).
    static let linkLimit = 40

    /// Classifies `path`.
    /// - Throws: `SegmentError.writeFailed` for a directory, a block device,
    ///   or a chain of symbolic links that does not end.
    public static func resolve(_ path: String) throws -> OutputTarget {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return .replace(path: resolvedPath(path))
            case S_IFDIR:
                throw SegmentError.writeFailed(path: path, reason: "it is a directory; give a file name")
            case S_IFBLK:
                throw SegmentError.writeFailed(path: path, reason: "it is a block device; write to a file instead")
            default:
                return .stream(path: path)
            }
        }
        // Nothing there yet: a new file, perhaps at the end of a dangling link.
        var current = path
        for _ in 0...linkLimit {
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return .replace(path: current) }
            current = try linkTarget(of: current, named: path)
        }
        throw SegmentError.writeFailed(path: path, reason: "too many levels of symbolic links; point it at a file")
    }

    /// `path` with every symbolic link resolved (`realpath(3)`), or `path` itself when that fails.
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path the symbolic link `link` points to, relative targets taken
    /// from the link's own folder.
    private static func linkTarget(of link: String, named original: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else {
            throw SegmentError.writeFailed(path: original, reason: "cannot read the symbolic link: \(String(cString: strerror(errno)))")
        }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let folder = (link as NSString).deletingLastPathComponent
        return folder.isEmpty ? target : folder + "/" + target
    }
}
