/// Records that can be read from the first to the last, as many times as
/// needed: what streaming algorithms (`StreamingFeatureFit`, mini-batch
/// k-means) consume instead of opening a file themselves.
///
/// `SegmentIO.FileRecords` reads a delimited file this way; tests use
/// records in memory.
public protocol RecordPasses {
    /// The records' display name (a path or `<stdin>`), used in messages.
    var name: String { get }

    /// Calls `body` with every data record, in order, until it returns
    /// false; `stage` labels the pass's progress.
    /// - Throws: whatever reading the records or `body` throws.
    func forEachRecord(stage: String, _ body: (CSVRecord) throws -> Bool) throws
}
