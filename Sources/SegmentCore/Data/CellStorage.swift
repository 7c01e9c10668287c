/// Where a table's cell bytes live.
enum CellStorage: Sendable {
    /// Cells back to back in a buffer of their own: what the streaming
    /// reader produces (quoted fields are stored unescaped).
    case packed([UInt8])
    /// Cells where they are in the (quote-free) input: row `r` starts at
    /// `rowStarts[r]` and its cells are one `delimiter` apart. What the
    /// parallel reader produces, without copying a byte.
    case inPlace(InputBytes, rowStarts: [Int], delimiter: UInt8)

    /// Calls `body` with a view of the cells whose ends are `ends`.
    func withCells<Result>(ends: [Int], columnCount: Int, _ body: (CellView) throws -> Result) rethrows -> Result {
        try ends.withUnsafeBufferPointer { ends in
            switch self {
            case .packed(let bytes):
                return try bytes.withUnsafeBufferPointer { bytes in
                    try body(CellView(bytes: bytes, ends: ends, columnCount: columnCount))
                }
            case .inPlace(let input, let rowStarts, let delimiter):
                return try withExtendedLifetime(input) {
                    try rowStarts.withUnsafeBufferPointer { rowStarts in
                        try body(CellView(bytes: input.bytes, ends: ends, columnCount: columnCount, rowStarts: rowStarts, delimiter: delimiter))
                    }
                }
            }
        }
    }
}

extension CellStorage {
    /// Destroys the storage, first returning the pages of its buffers to
    /// the system when it holds the only reference to them (see
    /// `Table.discard`); a mapped input is unmapped by `InputBytes`.
    consuming func discard() {
        switch consume self {
        case .packed(var bytes):
            bytes.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        case .inPlace(_, var rowStarts, _):
            rowStarts.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        }
    }
}
