import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// One path a run reads or writes, named the way the caller wants it named
/// in messages (an option, or "the input").
public struct FileUse: Sendable, Equatable {
    /// Whether the run writes the path (otherwise it reads it).
    public enum Direction: Sendable, Equatable {
        /// An input.
        case read
        /// An output.
        case write
    }

    /// How messages name this use, e.g. `--model`.
    public var role: String
    /// The path as given; `-` is standard input or standard output.
    public var path: String
    /// Read or written.
    public var direction: Direction

    /// A use of `path` in `direction`, named `role`.
    public init(_ role: String, path: String, _ direction: Direction) {
        self.role = role
        self.path = path
        self.direction = direction
    }
}

/// Two uses of one file that cannot both happen: an output over an input
/// (it would destroy it), two outputs to one file (one would be lost), or
/// two inputs from standard input (it can be read once).
public struct FileConflict: Sendable, Equatable {
    /// The use named first on the command line.
    public var first: FileUse
    /// The use that clashes with it.
    public var second: FileUse

    /// The first clash among `uses`, in their order; `nil` when there is none.
    ///
    /// Files are compared by device and inode, so two spellings of one file
    /// (a symbolic link, `./x`, a hard link) clash; outputs that do not exist
    /// yet by their resolved path. Devices, FIFOs and sockets never clash
    /// (two outputs to `/dev/null` are fine).
    public static func first(among uses: [FileUse]) -> FileConflict? {
        var seen: [(use: FileUse, identity: FileIdentity)] = []
        for use in uses {
            guard let identity = FileIdentity(use) else { continue }
            if let earlier = seen.first(where: { $0.identity == identity && clash($0.use, use) }) {
                return FileConflict(first: earlier.use, second: use)
            }
            seen.append((use, identity))
        }
        return nil
    }

    /// Whether two uses of the same file clash: anything but two reads of a file.
    private static func clash(_ first: FileUse, _ second: FileUse) -> Bool {
        first.direction == .write || second.direction == .write || first.path == "-"
    }
}

/// What makes two paths one file, for `FileConflict`.
private enum FileIdentity: Equatable {
    /// Standard input (reads of `-`) or standard output (writes of `-`).
    case standardStream(FileUse.Direction)
    /// An existing regular file.
    case inode(device: UInt64, inode: UInt64)
    /// A file that does not exist yet, by its absolute path.
    case planned(String)

    /// The identity of `use`'s path; `nil` for a device, FIFO or socket, and
    /// for an input that does not exist (its read reports it).
    init?(_ use: FileUse) {
        if use.path == "-" {
            self = .standardStream(use.direction)
            return
        }
        var info = stat()
        if stat(use.path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { return nil }
            self = .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            return
        }
        guard use.direction == .write, case .replace(let path)? = try? OutputTarget.resolve(use.path) else { return nil }
        let folder = ReplacementFile.folder(of: path)
        let absoluteFolder = realpath(folder, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        } ?? folder
        self = .planned(absoluteFolder + "/" + (path as NSString).lastPathComponent)
    }
}
