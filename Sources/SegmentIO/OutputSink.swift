import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// Where output bytes go: standard output or a file written atomically.
public enum OutputDestination: Sendable, Equatable {
    /// Standard output.
    case standardOutput
    /// A file, written to a temporary sibling and renamed into place on
    /// success, so it is never left half-written.
    case file(String)

    /// Interprets `-o`: `nil` or `-` mean standard output.
    public init(argument: String?) {
        if let argument, argument != "-" { self = .file(argument) } else { self = .standardOutput }
    }
}

/// Raised when the reader of standard output has gone away (`segment … | head`);
/// the command line exits quietly on it.
public struct BrokenPipe: Error {}

/// A buffered byte writer over a file descriptor.
///
/// A file destination is written to `.NAME.tmp-PID` in the same directory and
/// renamed over `NAME` by `commit()`; `abandon()` (or an interrupt, through
/// `TemporaryFiles`) removes the temporary file and leaves any existing
/// `NAME` untouched.
public final class OutputSink {
    private let descriptor: Int32
    /// Appended to for every byte written; the sink belongs to one thread and
    /// its methods never overlap accesses, so runtime exclusivity checks are off.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 16
    private let finalPath: String?
    private let temporaryPath: String?
    private var finished = false
    /// The destination's name for messages.
    public let name: String

    /// Opens `destination` for writing.
    /// - Throws: `SegmentError.writeFailed` when the temporary file cannot be created.
    public init(_ destination: OutputDestination) throws {
        switch destination {
        case .standardOutput:
            descriptor = 1
            finalPath = nil
            temporaryPath = nil
            name = "<stdout>"
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            var info = stat()
            if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                throw SegmentError.writeFailed(path: path, reason: "it is a directory; give a file name")
            }
            let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
            TemporaryFiles.register(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 {
                let code = errno
                TemporaryFiles.unregister(temporary)
                let shown = (path as NSString).deletingLastPathComponent
                throw SegmentError.writeFailed(path: path, reason: Self.openFailure(code, directory: shown.isEmpty ? "." : shown))
            }
            descriptor = fd
            finalPath = path
            temporaryPath = temporary
            name = path
        }
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends raw bytes; a run of at least the buffer's size goes to the
    /// descriptor directly, without a copy.
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.count >= bufferLimit {
            try flush()
            try writeToDescriptor(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Writes buffered bytes to the descriptor.
    /// - Throws: `BrokenPipe` when standard output's reader has gone;
    ///   `SegmentError.writeFailed` for other failures.
    public func flush() throws {
        try buffer.withUnsafeBytes { try writeToDescriptor($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to the descriptor (retrying short writes).
    private func writeToDescriptor(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw SegmentError.writeFailed(path: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Flushes and, for a file, renames the temporary file into place.
    public func commit() throws {
        try flush()
        finished = true
        guard let finalPath, let temporaryPath else { return }
        defer { TemporaryFiles.unregister(temporaryPath) }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            unlink(temporaryPath)
            throw SegmentError.writeFailed(path: finalPath, reason: String(cString: strerror(errno)))
        }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw SegmentError.writeFailed(path: finalPath, reason: reason)
        }
    }

    /// Why the temporary file in `directory` could not be created, and what to do.
    static func openFailure(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT: return "the directory '\(directory)' does not exist; create it or write elsewhere"
        case EACCES, EROFS: return "'\(directory)' is not writable (\(String(cString: strerror(code)))); write elsewhere"
        default: return String(cString: strerror(code))
        }
    }

    /// Discards a file's output: the temporary file is removed and an
    /// existing destination file stays as it was.
    public func abandon() {
        finished = true
        guard let temporaryPath else { return }
        close(descriptor)
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
    }
}

/// Writes `text` to `path` atomically (temporary file + rename).
public func writeFileAtomically(_ text: String, to path: String) throws {
    let sink = try OutputSink(.file(path))
    try sink.write(text)
    try sink.commit()
}
