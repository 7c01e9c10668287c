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
