/// The parsed values of one numeric or date column (NaN where missing),
/// read in place from the buffer the loader parsed every cell into: the
/// table keeps that buffer instead of copying each column out of it.
public struct ColumnValues: RandomAccessCollection, Sendable {
    /// Every cell's parsed value, column after column.
    let parsed: ParsedColumns
    /// Which column of `parsed` this is.
    let column: Int

    /// The values of `column` in `parsed`.
    init(_ parsed: ParsedColumns, column: Int) {
        precondition(column >= 0 && column < parsed.columnCount, "column \(column) out of range")
        self.parsed = parsed
        self.column = column
    }

    /// The first row, 0.
    public var startIndex: Int { 0 }
    /// The number of rows.
    public var endIndex: Int { parsed.rowCount }

    /// The value of row `row`.
    public subscript(row: Int) -> Double {
        precondition(row >= 0 && row < parsed.rowCount, "row \(row) out of range")
        return parsed.values[column &* parsed.rowCount &+ row]
    }

    /// Calls `body` with the values as one contiguous buffer.
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(parsed) { try body(parsed.column(column)) }
    }
}
