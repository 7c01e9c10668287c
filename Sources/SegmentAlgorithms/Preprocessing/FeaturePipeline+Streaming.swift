import SegmentBase

extension FeaturePipeline {
    /// Reads `records` one by one and hands `body` each record with its
    /// encoded, scaled features (`nil` for a row dropped by `--missing drop`),
    /// until `body` returns false. The feature buffer is reused: copy what
    /// must outlive the call.
    /// - Parameter inputColumns: the input column of each pipeline column.
    /// - Throws: `SegmentError.invalidData` for a bad cell or a missing value
    ///   under `--missing error`, `CSVError` for malformed input.
    /// - Complexity: O(bytes) time, O(features) memory.
    public func forEachRow(in records: some RecordPasses, inputColumns: [Int], stage: String = "reading",
                           _ body: (CSVRecord, UnsafeBufferPointer<Double>?) throws -> Bool) throws {
        precondition(inputColumns.count == columns.count, "one input column per pipeline column")
        var features = [Double](repeating: 0, count: max(1, outputWidth))
        let width = outputWidth
        let name = records.name
        try features.withUnsafeMutableBufferPointer { buffer in
            let row = UnsafeMutableBufferPointer(rebasing: buffer[0..<width])
            try records.forEachRecord(stage: stage) { record in
                let complete = try encodeRow(into: buffer.baseAddress!, source: name, line: record.line) {
                    record.field(inputColumns[$0])
                }
                guard complete else { return try body(record, nil) }
                scaler.transform(row: row)
                return try body(record, UnsafeBufferPointer(row))
            }
        }
    }
}
