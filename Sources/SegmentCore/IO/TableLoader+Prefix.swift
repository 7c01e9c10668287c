extension TableLoader {
    /// Loads the header and at most `rows` data records of `source`, with
    /// column types inferred from them: a bounded look at a file too large
    /// to load (streaming commands choose columns and types from it).
    /// - Throws: `CSVError` for malformed input, `SegmentError` for I/O failures.
    /// - Complexity: O(bytes of the prefix).
    public static func loadPrefix(_ source: InputSource, dialect: CSVDialect, rows: Int, threads: Int = availableCores) throws -> Table {
        let reader = try CSVReader(source: source, dialect: dialect)
        var columnNames: [String] = []
        var rowLines: [Int] = []
        var bytes: [UInt8] = []
        var ends: [Int] = []
        if dialect.hasHeader {
            guard let header = try reader.nextRecord() else { throw CSVError.empty(file: reader.name) }
            columnNames = try validatedNames(header.strings, file: reader.name)
        }
        while rowLines.count < rows, let record = try reader.nextRecord() {
            if columnNames.isEmpty { columnNames = (1...record.count).map { "col\($0)" } }
            let base = bytes.count
            bytes.append(contentsOf: record.rawBytes)
            for end in record.rawEnds { ends.append(base + end) }
            rowLines.append(record.line)
        }
        if columnNames.isEmpty { throw CSVError.empty(file: reader.name) }
        let cells = ParallelTableReader.Cells(columnNames: columnNames, rowLines: rowLines, bytes: bytes, ends: ends)
        return table(from: cells, source: reader.name, threads: threads)
    }
}
