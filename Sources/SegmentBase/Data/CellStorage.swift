/// A table's cells: the bytes they are in, where each row starts and where
/// each cell ends (a 32-bit offset from its row's start), row-major.
package struct CellStorage: Sendable {
    /// Where the cell bytes live.
    package enum Bytes: Sendable {
        /// Cells back to back in a buffer of their own: what the streaming
        /// reader produces (quoted fields are stored unescaped).
        case packed([UInt8])
        /// Cells where they are in the (quote-free) input, the cells of a
        /// row one `delimiter` apart. What the parallel reader produces,
        /// without copying a byte.
        case inPlace(InputBytes, delimiter: UInt8)
    }

    let bytes: Bytes
    /// Where each row's first cell starts in the bytes.
    let rowStarts: [Int]
    /// Where each cell ends, as an offset from its row's start.
    let ends: [UInt32]
    /// Cells per row.
    let columnCount: Int

    /// Cells in `bytes`, row `r` starting at `rowStarts[r]`, cell `c` of it
    /// ending at `ends[r × columnCount + c]` past the row's start.
    package init(bytes: Bytes, rowStarts: [Int], ends: [UInt32], columnCount: Int) {
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.ends = ends
        self.columnCount = columnCount
    }

    /// Calls `body` with a view of the cells.
    package func withCells<Result>(_ body: (CellView) throws -> Result) rethrows -> Result {
        try rowStarts.withUnsafeBufferPointer { rowStarts in
            try ends.withUnsafeBufferPointer { ends in
                switch bytes {
                case .packed(let bytes):
                    return try bytes.withUnsafeBufferPointer { bytes in
                        try body(CellView(bytes: bytes, rowStarts: rowStarts, ends: ends, columnCount: columnCount, delimiter: nil))
                    }
                case .inPlace(let input, let delimiter):
                    return try withExtendedLifetime(input) {
                        try body(CellView(bytes: input.bytes, rowStarts: rowStarts, ends: ends, columnCount: columnCount, delimiter: delimiter))
                    }
                }
            }
        }
    }
}
