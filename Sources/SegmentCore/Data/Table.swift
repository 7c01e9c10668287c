/// A table read from a delimited file: the header, every cell's original
/// bytes, and what type inference learned about each column.
///
/// Cells are stored row-major as one byte buffer plus end offsets, so loading
/// allocates no per-cell `String` and rows can be written back unchanged.
public struct Table: Sendable {
    /// The input's display name (a path or `<stdin>`), used in messages.
    public let source: String
    /// Column names, in file order.
    public let columnNames: [String]
    /// The physical line (1-based) on which each row starts.
    public let rowLines: [Int]
    /// Inferred information for each column.
    public let columns: [ColumnInfo]

    let cellBytes: [UInt8]
    let cellEnds: [Int]

    /// Number of data rows.
    public var rowCount: Int { rowLines.count }
    /// Number of columns.
    public var columnCount: Int { columnNames.count }

    init(source: String, columnNames: [String], rowLines: [Int], cellBytes: [UInt8], cellEnds: [Int], columns: [ColumnInfo]) {
        self.source = source
        self.columnNames = columnNames
        self.rowLines = rowLines
        self.cellBytes = cellBytes
        self.cellEnds = cellEnds
        self.columns = columns
    }

    /// Calls `body` with a read-only view of the cells for fast access.
    public func withCells<Result>(_ body: (CellView) throws -> Result) rethrows -> Result {
        try cellBytes.withUnsafeBufferPointer { bytes in
            try cellEnds.withUnsafeBufferPointer { ends in
                try body(CellView(bytes: bytes, ends: ends, columnCount: columnCount))
            }
        }
    }

    /// The cell at `row`, `column` as a `String` (allocates; not for hot paths).
    public func string(row: Int, column: Int) -> String {
        withCells { String(decoding: $0.cell(row: row, column: column), as: UTF8.self) }
    }

    /// The index of the column named exactly `name`.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }
}

/// A borrowed, read-only view of a table's cells.
public struct CellView {
    /// All cell bytes, row-major.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// End offset of each cell in `bytes`, row-major.
    public let ends: UnsafeBufferPointer<Int>
    /// Cells per row.
    public let columnCount: Int

    /// The bytes of the cell at `row`, `column`.
    @inlinable
    public func cell(row: Int, column: Int) -> UnsafeBufferPointer<UInt8> {
        let index = row * columnCount + column
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// The bytes of the whole row `row` (fields back to back) and the offset
    /// of its first byte.
    @inlinable
    public func rowStart(_ row: Int) -> Int {
        let index = row * columnCount
        return index == 0 ? 0 : ends[index - 1]
    }
}
