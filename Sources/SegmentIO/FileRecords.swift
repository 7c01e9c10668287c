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
    /// - Throws: `CSVError` for malformed input, and whatever `body` throws.
    /// - Complexity: O(bytes) time; memory bounded by the longest record.
    public func forEachRecord(stage: String = "reading", _ body: (CSVRecord) throws -> Bool) throws {
        let reader = try CSVReader(source: source, dialect: dialect)
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
        progress.update(stage, fraction: 1)
    }
}
