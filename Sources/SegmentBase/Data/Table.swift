/// A table read from a delimited file: the header, every cell's original
/// bytes, and what type inference learned about each column.
///
/// Cells are stored row-major as one byte buffer plus, per row, where it
/// starts and, per cell, where it ends (a 32-bit offset from its row's
/// start), so loading allocates no per-cell `String` and rows can be written
/// back unchanged: either packed back to back in a buffer of their own
/// (files the streaming reader reads) or left where they are in the mapped
/// input file (files the parallel reader reads, see `CellStorage`).
public struct Table: Sendable {
    /// The input's display name (a path or `<stdin>`), used in messages.
    public let source: String
    /// Column names, in file order.
    public let columnNames: [String]
    /// The physical line (1-based) on which each row starts.
    public let rowLines: [Int]
    /// Inferred information for each column.
    public let columns: [ColumnInfo]

    let cellStorage: CellStorage

    /// Number of data rows.
    public var rowCount: Int { rowLines.count }
    /// Number of columns.
    public var columnCount: Int { columnNames.count }

    package init(source: String, columnNames: [String], rowLines: [Int], cellStorage: CellStorage, columns: [ColumnInfo]) {
        self.source = source
        self.columnNames = columnNames
        self.rowLines = rowLines
        self.cellStorage = cellStorage
        self.columns = columns
    }

    /// Calls `body` with a read-only view of the cells for fast access.
    public func withCells<Result>(_ body: (CellView) throws -> Result) rethrows -> Result {
        try cellStorage.withCells(body)
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
    /// The bytes the cells are in.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where each row's first cell starts in `bytes`.
    public let rowStarts: UnsafeBufferPointer<Int>
    /// Where each cell ends, row-major, as an offset from its row's start.
    public let ends: UnsafeBufferPointer<UInt32>
    /// Cells per row.
    public let columnCount: Int
    /// The input's delimiter when the cells are in place in the input (the
    /// cells of a row one delimiter apart); `nil` when they are packed back
    /// to back.
    public let delimiter: UInt8?

    /// A view of cells in `bytes`; see the properties.
    init(bytes: UnsafeBufferPointer<UInt8>, rowStarts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<UInt32>,
         columnCount: Int, delimiter: UInt8?) {
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.ends = ends
        self.columnCount = columnCount
        self.delimiter = delimiter
    }

    /// Bytes between two cells of a row: one delimiter in place, none packed.
    @inlinable
    public var separatorWidth: Int { delimiter == nil ? 0 : 1 }

    /// The bytes of the cell at `row`, `column`.
    @inlinable
    public func cell(row: Int, column: Int) -> UnsafeBufferPointer<UInt8> {
        let rowStart = rowStarts[row], index = row * columnCount + column
        let start = column == 0 ? rowStart : rowStart + Int(ends[index - 1]) + separatorWidth
        return UnsafeBufferPointer(rebasing: bytes[start..<(rowStart + Int(ends[index]))])
    }

    /// The offset in `bytes` of the first byte of row `row`: its cells
    /// run from there to `rowEnd(row)`, `separatorWidth` bytes apart.
    @inlinable
    public func rowStart(_ row: Int) -> Int {
        rowStarts[row]
    }

    /// The offset in `bytes` just past the last cell of row `row`.
    @inlinable
    public func rowEnd(_ row: Int) -> Int {
        rowStarts[row] + Int(ends[(row + 1) * columnCount - 1])
    }
}
