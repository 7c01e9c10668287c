/// One sequential read of the data records of a delimited input, reporting
/// progress as the share of the file's bytes read.
public enum RecordPass {
    /// Records between progress updates.
    static let progressInterval = 1 << 16

    /// Calls `body` for every data record of `source` in file order (the
    /// header skipped when `dialect` has one) until it returns false.
    /// - Parameters:
    ///   - stage: the progress label, e.g. "pass 2: fitting".
    /// - Throws: `CSVError` for malformed input, and whatever `body` throws.
    /// - Complexity: O(bytes) time; memory bounded by the longest record.
    public static func run(_ source: InputSource, dialect: CSVDialect, progress: ProgressReporter = .silent, stage: String = "reading",
                           _ body: (CSVRecord) throws -> Bool) throws {
        let reader = try CSVReader(source: source, dialect: dialect)
        if dialect.hasHeader {
            guard try reader.nextRecord() != nil else { throw CSVError.empty(file: reader.name) }
        }
        let size = Double(max(1, reader.sizeHint ?? 0))
        var records = 0
        while let record = try reader.nextRecord() {
            records += 1
            if records % progressInterval == 0 { progress.update(stage, fraction: Double(reader.bytesRead) / size) }
            guard try body(record) else { return }
        }
        progress.update(stage, fraction: 1)
    }
}
