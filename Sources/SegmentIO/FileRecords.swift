#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// The data records of a delimited file, read sequentially from the start
/// on every pass, with progress reported as the share of the file's bytes
/// read: the `RecordPasses` that streaming jobs hand to the algorithms.
public struct FileRecords: RecordPasses {
    /// Records between progress updates.
    static let progressInterval = 1 << 16

    /// The file (or standard input, which can be read only once).
    public let source: InputSource
    /// How the file is delimited.
    public let dialect: CSVDialect
    /// Receives each pass's progress.
    public let progress: ProgressReporter
    /// What the first pass saw, against which later passes are checked.
    private let firstPass = FirstPass()

    /// The records of `source` read with `dialect`.
    public init(_ source: InputSource, dialect: CSVDialect, progress: ProgressReporter = .silent) {
        self.source = source
        self.dialect = dialect
        self.progress = progress
    }

    /// The file's display name.
    public var name: String { source.displayName }

    /// Calls `body` for every data record in file order (the header skipped
    /// when `dialect` has one) until it returns false.
    /// - Parameters:
    ///   - stage: the progress label, e.g. "pass 2: fitting".
    ///
    /// Every pass must see the file the first one saw: a file whose size,
    /// modification time or inode changed, or a complete pass with another
    /// number of records, is an error rather than a mix of two files.
    /// - Throws: `CSVError` for malformed input, `SegmentError.invalidInput`
    ///   for a file that changed between passes, and whatever `body` throws.
    /// - Complexity: O(bytes) time; memory bounded by the longest record.
    public func forEachRecord(stage: String = "reading", _ body: (CSVRecord) throws -> Bool) throws {
        let reader = try CSVReader(source: source, dialect: dialect)
        let version = FileVersion(source)
        if let seen = firstPass.version, seen != version { throw changed("its size or modification time differs from the first pass's") }
        if firstPass.version == nil { firstPass.version = version }
        if dialect.hasHeader {
            guard try reader.nextRecord() != nil else { throw CSVError.empty(file: reader.name) }
        }
        let size = Double(max(1, reader.sizeHint ?? 0))
        var records = 0
        while let record = try reader.nextRecord() {
            records += 1
            if records % Self.progressInterval == 0 { progress.update(stage, fraction: Double(reader.bytesRead) / size) }
            guard try body(record) else { return }
        }
        if let seen = firstPass.records, seen != records {
            throw changed("the first pass read \(seen) records, this one \(records)")
        }
        firstPass.records = records
        progress.update(stage, fraction: 1)
    }

    /// The error for a file that changed between passes.
    private func changed(_ detail: String) -> SegmentError {
        .invalidInput("\(name) changed while it was being read (\(detail)); it is read several times, so let whatever writes it finish first, or copy it and cluster the copy")
    }
}

/// What the first pass over a file saw (the records of a complete pass).
private final class FirstPass: @unchecked Sendable {
    /// The file's size, modification time and inode when first opened.
    var version: FileVersion?
    /// The records of the first complete pass.
    var records: Int?
}

/// A file's size, modification time and inode, which change when it is rewritten.
private struct FileVersion: Equatable {
    var size: Int64 = -1, seconds = 0, nanoseconds = 0, inode: UInt64 = 0

    /// The version of `source` now (all unknown for standard input).
    init(_ source: InputSource) {
        var info = stat()
        guard case .file(let path) = source, stat(path, &info) == 0 else { return }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        (seconds, nanoseconds) = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
        #else
        (seconds, nanoseconds) = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }
}
