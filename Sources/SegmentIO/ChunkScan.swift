import SegmentBase

/// One chunk of a quote-free delimited text read for `FileSummary`: every
/// cell classified and parsed (`ParsedColumns.store`) in a single walk over
/// the bytes (`CellWalker`), without copying cells anywhere.
struct ChunkScan {
    /// Per-column tallies of this chunk's cells.
    var tallies: [CellTally]
    /// Per-column distinct values of the counted columns (keyed by the
    /// cell's byte offset in the whole text), empty for the others.
    var counters: [ByteKeyedCounter]
    /// Whether every line had the header's number of fields; when not, the
    /// caller falls back to the table reader, which reports the error.
    var isRegular = true

    /// Scans `chunk` (whole lines of `text`, starting at row `firstRow`) with
    /// `walker`: records each cell's value (NaN for missing and text) in
    /// `parsed`, tallies the cells' kinds and counts the distinct present
    /// cells of the `counted` columns.
    static func scan(_ chunk: UnsafeBufferPointer<UInt8>, of text: UnsafeBufferPointer<UInt8>, firstRow: Int, walker: CellWalker,
                     parsed: ParsedColumns, counted: UnsafeBufferPointer<Bool>) -> ChunkScan {
        let width = counted.count
        var result = ChunkScan(tallies: Array(repeating: CellTally(), count: width),
                               counters: Array(repeating: ByteKeyedCounter(), count: width))
        result.tallies.withUnsafeMutableBufferPointer { tallies in
            result.counters.withUnsafeMutableBufferPointer { counters in
                var visitor = ScanVisitor(text: text, walker: walker, parsed: parsed, counted: counted,
                                          tallies: tallies, counters: counters, row: firstRow)
                result.isRegular = walker.walk(chunk, &visitor)
            }
        }
        return result
    }
}

/// The cell visitor of `ChunkScan.scan`, over buffers it borrows.
private struct ScanVisitor: CellVisitor {
    let text: UnsafeBufferPointer<UInt8>
    let walker: CellWalker
    let parsed: ParsedColumns
    let counted: UnsafeBufferPointer<Bool>
    let tallies: UnsafeMutableBufferPointer<CellTally>
    let counters: UnsafeMutableBufferPointer<ByteKeyedCounter>
    /// The current line's row in the table.
    var row: Int

    @inline(__always)
    mutating func blankLine() -> Bool { true }

    /// Stops at a cell beyond the last column.
    @inline(__always)
    mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
        guard column < tallies.count else { return false }
        let kind = parsed.store(cell, plainNumber: plainNumber, column: column, row: row, tally: &tallies[column])
        if counted[column] && kind != .missing {
            let (text, walker) = (text, walker)
            counters[column].insert(cell, key: text.baseAddress.unsafelyUnwrapped.distance(to: cell.baseAddress.unsafelyUnwrapped)) {
                walker.cell(at: $0, of: text)
            }
        }
        return true
    }

    /// Stops at a line with too few fields.
    @inline(__always)
    mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool {
        row += 1
        return fields == tallies.count
    }
}
