import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// Where input bytes come from: a named file, or standard input (`-`).
public enum InputSource: Sendable, Equatable {
    /// Standard input.
    case standardInput
    /// A file path.
    case file(String)

    /// Interprets a command-line argument: `-` or `nil` mean standard input.
    public init(argument: String?) {
        if let argument, argument != "-" { self = .file(argument) } else { self = .standardInput }
    }

    /// The name used in messages: the path, or `<stdin>`.
    public var displayName: String {
        switch self {
        case .standardInput: return "<stdin>"
        case .file(let path): return path
        }
    }

    /// The file-name extension in lower case (`tsv`, `csv`), if any.
    public var pathExtension: String? {
        guard case .file(let path) = self else { return nil }
        let ext = (path as NSString).pathExtension.lowercased()
        return ext.isEmpty ? nil : ext
    }
}

/// Reads raw bytes from a file descriptor in large blocks.
///
/// Opening checks that the path exists, is not a directory and is readable,
/// and reports each failure as a `SegmentError` naming the path.
public final class ByteReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The source's display name, for messages.
    public let name: String
    /// The file's size in bytes when known (regular files), for sizing buffers.
    public let sizeHint: Int?
    /// In-memory contents read instead of a descriptor (tests and fuzzing).
    private let memory: [UInt8]?
    private var memoryOffset = 0

    /// Opens `source` for reading.
    /// - Throws: `SegmentError.cannotOpen` when the file is missing, a
    ///   directory or unreadable.
    public init(_ source: InputSource) throws {
        name = source.displayName
        switch source {
        case .standardInput:
            descriptor = 0
            ownsDescriptor = false
            sizeHint = nil
            memory = nil
        case .file(let path):
            var info = stat()
            if stat(path, &info) != 0 {
                throw SegmentError.cannotOpen(path: path, reason: errno == ENOENT ? "no such file; check the name and the current directory" : String(cString: strerror(errno)))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw SegmentError.cannotOpen(path: path, reason: "it is a directory, not a file")
            }
            let fd = open(path, O_RDONLY)
            if fd < 0 {
                throw SegmentError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            descriptor = fd
            ownsDescriptor = true
            sizeHint = Int(info.st_size)
            memory = nil
        }
    }

    /// Reads from `bytes` in memory; `name` is used in messages.
    init(bytes: [UInt8], name: String) {
        self.name = name
        descriptor = -1
        ownsDescriptor = false
        sizeHint = bytes.count
        memory = bytes
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads up to `capacity` bytes into `buffer`; returns 0 at end of input.
    /// - Throws: `SegmentError.readFailed` on an I/O error.
    public func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
        if let memory {
            let count = min(capacity, memory.count - memoryOffset)
            memory.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: count) }
            memoryOffset += count
            return count
        }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, buffer, capacity)
            #else
            let count = Darwin.read(descriptor, buffer, capacity)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw SegmentError.readFailed(path: name, reason: String(cString: strerror(errno)))
        }
    }
}
