/// Where a table's cell bytes live.
enum CellStorage: Sendable {
    /// Cells back to back in a buffer of their own: what the streaming
    /// reader produces (quoted fields are stored unescaped).
    case packed([UInt8])
    /// Cells where they are in the (quote-free) input, the cells of a row
    /// one `delimiter` apart. What the parallel reader produces, without
    /// copying a byte.
    case inPlace(InputBytes, delimiter: UInt8)

    /// Calls `body` with a view of the cells whose rows start at
    /// `rowStarts` and end at `ends` (from their row's start).
    func withCells<Result>(rowStarts: [Int], ends: [UInt32], columnCount: Int, _ body: (CellView) throws -> Result) rethrows -> Result {
        try rowStarts.withUnsafeBufferPointer { rowStarts in
            try ends.withUnsafeBufferPointer { ends in
                switch self {
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

extension CellStorage {
    /// Destroys the storage, first returning the pages of a buffer of its
    /// own to the system when it holds the only reference to it (see
    /// `Table.discard`); a mapped input is unmapped by `InputBytes`.
    consuming func discard() {
        if case .packed(var bytes) = consume self {
            bytes.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        }
    }
}
