extension RecordWriter {
    /// Whether the format writes input cells through unchanged (CSV and TSV),
    /// so `write(cells:count:appending:)` can be used.
    public var passesCellsThrough: Bool { format == .csv || format == .tsv }

    /// Writes one row whose first `count` fields are raw input cells, copied
    /// byte for byte (quoted only where the output delimiter needs it), then
    /// `appended` values. For CSV and TSV only: the fast path for commands
    /// that echo their input rows with a new column.
    /// - Precondition: `passesCellsThrough` and `count + appended.count == header.count`.
    public func write(cells: (Int) -> UnsafeBufferPointer<UInt8>, count: Int, appending appended: [OutputValue]) throws {
        precondition(passesCellsThrough, "raw cells can only be written as CSV or TSV")
        precondition(count + appended.count == header.count, "row has \(count + appended.count) values, header has \(header.count)")
        let delimiter: UInt8 = format == .tsv ? 0x09 : 0x2C
        for index in 0..<count {
            if index > 0 { try sink.write(byte: delimiter) }
            try CSVQuoting.write(cells(index), delimiter: delimiter, to: sink)
        }
        for (index, value) in appended.enumerated() {
            if index + count > 0 { try sink.write(byte: delimiter) }
            try sink.write(CSVQuoting.quoted(value.text, delimiter: delimiter))
        }
        try sink.write(byte: 0x0A)
        rowsWritten += 1
    }
}

extension RecordWriter {
    /// Rows formatted per parallel block by `write(rowsOf:appendingIntegers:threads:)`.
    static let passThroughBlockRows = 8_192

    /// Writes every row of `table` byte for byte (CSV/TSV, quoted only where
    /// the output delimiter needs it) plus one appended whole number per row
    /// (`nil`: an empty field). Blocks of rows are formatted in parallel and
    /// written in order, a few blocks per thread at a time, so the output is
    /// the same for any thread count and memory stays bounded.
    /// - Precondition: `passesCellsThrough`, `appended.count == table.rowCount`
    ///   and the header has `table.columnCount + 1` fields.
    public func write(rowsOf table: Table, appendingIntegers appended: [Int?], threads: Int) throws {
        precondition(passesCellsThrough, "raw cells can only be written as CSV or TSV")
        precondition(appended.count == table.rowCount && header.count == table.columnCount + 1, "one appended value per row")
        let delimiter: UInt8 = format == .tsv ? 0x09 : 0x2C
        let columns = table.columnCount
        let wave = Self.passThroughBlockRows * 4 * max(1, threads)
        try table.withCells { cells in
            try appended.withUnsafeBufferPointer { appended in
                // Blocks only read the cells and labels and return their own bytes.
                let shared = UncheckedSendable((cells, appended))
                var start = 0
                while start < table.rowCount {
                    let first = start
                    let chunks = ParallelChunks(count: min(wave, table.rowCount - start), chunkSize: Self.passThroughBlockRows, threads: threads)
                    let blocks = chunks.mapChunks { _, offsets -> [UInt8] in
                        let (cells, appended) = shared.value
                        var bytes: [UInt8] = []
                        bytes.reserveCapacity(offsets.count * 64)
                        for row in (first + offsets.lowerBound)..<(first + offsets.upperBound) {
                            for column in 0..<columns {
                                if column > 0 { bytes.append(delimiter) }
                                CSVQuoting.append(cells.cell(row: row, column: column), delimiter: delimiter, to: &bytes)
                            }
                            bytes.append(delimiter)
                            if let value = appended[row] { CSVQuoting.appendDecimal(value, to: &bytes) }
                            bytes.append(0x0A)
                        }
                        return bytes
                    }
                    for block in blocks { try block.withUnsafeBufferPointer { try sink.write(bytes: $0) } }
                    start += chunks.count
                }
            }
        }
        rowsWritten += table.rowCount
    }
}

extension CSVQuoting {
    /// Appends raw cell bytes to `bytes`, quoting them when needed.
    @inlinable
    public static func append(_ cell: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to bytes: inout [UInt8]) {
        guard needsQuotes(cell, delimiter: delimiter) else {
            bytes.append(contentsOf: cell)
            return
        }
        bytes.append(0x22)
        for byte in cell {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Appends the decimal digits of `value` (with a leading `-` if negative).
    @inlinable
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
