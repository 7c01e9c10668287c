import SegmentBase

extension TableLoader {
    /// Loads the header and at most `rows` data records of `source`, with
    /// column types inferred from them: a bounded look at a file too large
    /// to load (streaming commands choose columns and types from it).
    /// - Throws: `CSVError` for malformed input, `SegmentError` for I/O failures.
    /// - Complexity: O(bytes of the prefix).
    public static func loadPrefix(_ source: InputSource, dialect: CSVDialect, rows: Int, threads: Int = availableCores) throws -> Table {
        let reader = try CSVReader(source: source, dialect: dialect)
        return table(from: try readRecords(reader, dialect: dialect, limit: rows), source: reader.name, threads: threads)
    }
}
