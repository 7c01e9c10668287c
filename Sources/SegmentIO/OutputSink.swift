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
    /// A path: a regular file is replaced atomically on success, so it is
    /// never left half-written; a device or FIFO is written through (see `OutputTarget`).
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
/// A file destination is resolved by `OutputTarget`: a regular file is
/// replaced atomically (`ReplacementFile`: the new contents are renamed over
/// it by `commit()`, and `abandon()` or an interrupt leaves it untouched); a
/// device, FIFO or socket is written through; a symbolic link is followed.
public final class OutputSink {
    private let descriptor: Int32
    /// Appended to for every byte written; the sink belongs to one thread and
    /// its methods never overlap accesses, so runtime exclusivity checks are off.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 16
    /// The buffered bytes up to the end of the last complete record, once a
    /// writer marks records (`endRecord()`); `nil` until then.
    private var recordEnd: Int?
    /// The new contents of a regular file; `nil` for standard output and streams.
    private let replacement: ReplacementFile?
    /// Whether the descriptor is a device or FIFO this sink opened (closed at the end).
    private let ownsStream: Bool
    private var finished = false
    /// The destination's name for messages.
    public let name: String

    /// Opens `destination` for writing.
    /// - Throws: `SegmentError.writeFailed` when the path is a directory or
    ///   cannot be written.
    public init(_ destination: OutputDestination) throws {
        switch destination {
        case .standardOutput:
            descriptor = 1
            replacement = nil
            ownsStream = false
            name = "<stdout>"
        case .file(let path):
            name = path
            switch try OutputTarget.resolve(path) {
            case .replace(let file):
                let replacement = try ReplacementFile(replacing: file)
                self.replacement = replacement
                descriptor = replacement.descriptor
                ownsStream = false
            case .stream(let device):
                let fd = open(device, O_WRONLY | O_NOCTTY)
                guard fd >= 0 else {
                    throw SegmentError.writeFailed(path: path, reason: String(cString: strerror(errno)))
                }
                descriptor = fd
                replacement = nil
                ownsStream = true
            }
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
        if buffer.count >= bufferLimit { try flushCompleteRecords() }
    }

    /// Marks the end of a record: from now on the buffer is written out only
    /// up to a record's end, so output read while it is written (standard
    /// output, a FIFO) never ends inside a record, even when a later row fails.
    @inline(__always)
    public func endRecord() {
        recordEnd = buffer.count
    }

    /// Appends raw bytes; a run of at least the buffer's size that starts a
    /// record goes to the descriptor directly, without a copy.
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.count >= bufferLimit && (recordEnd ?? buffer.count) == buffer.count {
            try flush()
            try writeToDescriptor(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flushCompleteRecords() }
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= bufferLimit { try flushCompleteRecords() }
    }

    /// Writes the buffered complete records (everything when records are
    /// not marked), keeping a record in progress in the buffer.
    private func flushCompleteRecords() throws {
        guard let end = recordEnd else { return try flush() }
        guard end > 0 else { return }
        try buffer.withUnsafeBytes { try writeToDescriptor(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        buffer.removeSubrange(0..<end)
        recordEnd = 0
    }

    /// Writes buffered bytes to the descriptor.
    /// - Throws: `BrokenPipe` when standard output's reader has gone;
    ///   `SegmentError.writeFailed` for other failures.
    public func flush() throws {
        try buffer.withUnsafeBytes { try writeToDescriptor($0) }
        buffer.removeAll(keepingCapacity: true)
        if recordEnd != nil { recordEnd = 0 }
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

    /// Flushes and, for a regular file, renames the new contents into place.
    public func commit() throws {
        try flush()
        finished = true
        if let replacement {
            try replacement.commit()
        } else if ownsStream, close(descriptor) != 0 {
            throw SegmentError.writeFailed(path: name, reason: String(cString: strerror(errno)))
        }
    }

    /// Discards a regular file's new contents, leaving the existing file as
    /// it was. On standard output and streams, what was written stays
    /// written (whole records, once a writer marks them) and the buffer is dropped.
    public func abandon() {
        finished = true
        if let replacement { replacement.abandon() } else if ownsStream { close(descriptor) }
    }
}

/// Writes `text` to `path` atomically (temporary file + rename).
public func writeFileAtomically(_ text: String, to path: String) throws {
    let sink = try OutputSink(.file(path))
    try sink.write(text)
    try sink.commit()
}
