/// A table's cells: the bytes they are in, where each row starts and where
/// each cell ends (a 32-bit offset from its row's start), row-major.
struct CellStorage: Sendable {
    /// Where the cell bytes live.
    enum Bytes: Sendable {
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

    /// Calls `body` with a view of the cells.
    func withCells<Result>(_ body: (CellView) throws -> Result) rethrows -> Result {
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

    /// Destroys the storage, first returning the pages of its buffers to
    /// the system where it holds the only reference to them (a shared
    /// buffer is copied first, see `Table.discard`); a mapped input is
    /// unmapped by `InputBytes` when the last holder goes.
    consuming func discard() {
        var rowStarts = rowStarts, ends = ends
        let bytes = bytes
        _ = consume self
        if case .packed(var bytes) = consume bytes {
            bytes.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        }
        rowStarts.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        ends.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
    }
}
