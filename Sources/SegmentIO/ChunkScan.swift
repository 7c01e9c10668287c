import SegmentBase

/// One chunk of a quote-free delimited text read for `FileSummary`: every
/// cell classified and parsed in a single pass over the bytes, without
/// copying cells anywhere.
///
/// Cells of the common forms `[-]digits` and `[-]digits.digits` with at most
/// 15 digits are parsed while they are scanned, to exactly the value and
/// kind `CellParsing.classify` gives (the digits as an integer, divided by an
/// exact power of ten: one correctly rounded operation); every other cell
/// goes through `CellParsing.classify`.
struct ChunkScan {
    /// Per-column tallies of this chunk's cells.
    var tallies: [CellTally]
    /// Per-column distinct values of the counted columns (keyed by the
    /// cell's byte offset in the whole text), empty for the others.
    var counters: [ByteKeyedCounter]
    /// Whether every line had the header's number of fields; when not, the
    /// caller falls back to the table reader, which reports the error.
    var isRegular = true

    /// Rows (non-blank lines) in `chunk`, which starts at a line start, and
    /// whether any byte is outside ASCII.
    ///
    /// A row starts at every byte other than a line feed that follows a line
    /// feed (or starts the chunk). The loop is branch-free with a narrow
    /// counter per block, so that the compiler vectorises it.
    static func countRows(_ chunk: UnsafeBufferPointer<UInt8>) -> (rows: Int, hasHighBytes: Bool) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return (0, false) }
        var rows = base[0] == 0x0A ? 0 : 1
        var high = base[0]
        var index = 1
        while index < chunk.count {
            let blockEnd = min(chunk.count, index + 4096)
            var starts: UInt16 = 0
            for position in index..<blockEnd {
                let byte = base[position], previous = base[position &- 1]
                high |= byte
                starts &+= UInt16((byte == 0x0A ? 0 : 1) & (previous == 0x0A ? 1 : 0) as UInt8)
            }
            rows += Int(starts)
            index = blockEnd
        }
        return (rows, high >= 0x80)
    }
}

extension ChunkScan {
    /// Scans `chunk` (whole lines of `text`, starting at row `firstRow`):
    /// writes each cell's value (NaN for missing and text) to
    /// `values[column][row]`, tallies the cells' kinds and counts the
    /// distinct present cells of the `counted` columns.
    static func scan(_ chunk: UnsafeBufferPointer<UInt8>, of text: UnsafeBufferPointer<UInt8>, firstRow: Int, delimiter: UInt8,
                     values: UnsafeBufferPointer<UnsafeMutablePointer<Double>>, counted: UnsafeBufferPointer<Bool>) -> ChunkScan {
        let width = values.count
        var result = ChunkScan(tallies: Array(repeating: CellTally(), count: width),
                               counters: Array(repeating: ByteKeyedCounter(), count: width))
        guard let start = chunk.baseAddress, chunk.count > 0 else { return result }
        let chunkOffset = text.baseAddress!.distance(to: start)
        // Every line of the main part ends with a line feed, which stops every
        // scan below; a last line without one is scanned from a copy with a
        // line feed appended.
        var mainCount = chunk.count
        while mainCount > 0 && start[mainCount - 1] != 0x0A { mainCount -= 1 }
        var row = firstRow
        result.tallies.withUnsafeMutableBufferPointer { tallies in
            result.counters.withUnsafeMutableBufferPointer { counters in
                CellParsing.exactPowersOfTen.withUnsafeBufferPointer { powers in
                    let scanner = LineScanner(text: text, delimiter: delimiter, values: values, counted: counted,
                                              tallies: tallies, counters: counters, powersOfTen: powers)
                    result.isRegular = scanner.scan(start, count: mainCount, textOffset: chunkOffset, row: &row)
                    if result.isRegular && mainCount < chunk.count {
                        let tail = Array(chunk[mainCount...]) + [0x0A]
                        result.isRegular = tail.withUnsafeBufferPointer {
                            scanner.scan($0.baseAddress!, count: $0.count, textOffset: chunkOffset + mainCount, row: &row)
                        }
                    }
                }
            }
        }
        return result
    }

    /// The cell that starts at byte `offset` of `text`.
    static func cell(at offset: Int, of text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> UnsafeBufferPointer<UInt8> {
        var end = offset
        while end < text.count && text[end] != delimiter && text[end] != 0x0A { end += 1 }
        return UnsafeBufferPointer(rebasing: text[offset..<end])
    }
}

/// The inner loop of `ChunkScan.scan`, over buffers it borrows.
private struct LineScanner {
    let text: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let values: UnsafeBufferPointer<UnsafeMutablePointer<Double>>
    let counted: UnsafeBufferPointer<Bool>
    let tallies: UnsafeMutableBufferPointer<CellTally>
    let counters: UnsafeMutableBufferPointer<ByteKeyedCounter>
    let powersOfTen: UnsafeBufferPointer<Double>

    /// Scans the lines in `count` bytes from `start`, the last of which is a
    /// line feed; `textOffset` is `start`'s offset in `text` (the bytes are
    /// equal there). Returns `false` at the first line without exactly
    /// `values.count` fields.
    func scan(_ start: UnsafePointer<UInt8>, count: Int, textOffset: Int, row: inout Int) -> Bool {
        let (text, delimiter) = (text, delimiter)
        let last = values.count - 1
        let end = start + count
        var position = start
        while position < end {
            if position.pointee == 0x0A {  // blank line
                position += 1
                continue
            }
            for column in 0...last {
                let cellStart = position
                var cursor = cellStart
                let negative = cursor.pointee == 0x2D
                if negative { cursor += 1 }
                var mantissa = 0
                let integerStart = cursor
                while case let digit = cursor.pointee &- 0x30, digit <= 9 {
                    mantissa = mantissa &* 10 &+ Int(digit)
                    cursor += 1
                }
                var digits = integerStart.distance(to: cursor)
                var fractionDigits = -1
                if cursor.pointee == 0x2E {
                    cursor += 1
                    let fractionStart = cursor
                    while case let digit = cursor.pointee &- 0x30, digit <= 9 {
                        mantissa = mantissa &* 10 &+ Int(digit)
                        cursor += 1
                    }
                    fractionDigits = fractionStart.distance(to: cursor)
                    digits += fractionDigits
                }
                let kind: CellKind
                let value: Double
                if (cursor.pointee == delimiter || cursor.pointee == 0x0A) && UInt(bitPattern: digits &- 1) < 15 {
                    // 1 to 15 digits: the integer is exact, and so is 10^k.
                    let magnitude = fractionDigits < 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
                    kind = fractionDigits < 0 ? .integer : .number
                    value = negative ? -magnitude : magnitude
                    position = cursor
                } else {
                    var cellEnd = cellStart
                    while cellEnd.pointee != delimiter && cellEnd.pointee != 0x0A { cellEnd += 1 }
                    (kind, value) = CellParsing.classify(UnsafeBufferPointer(start: cellStart, count: cellStart.distance(to: cellEnd)))
                    position = cellEnd
                }
                values[column][row] = value
                tallies[column].add(kind, row: row)
                if counted[column] && kind != .missing {
                    let key = textOffset + start.distance(to: cellStart)
                    counters[column].insert(UnsafeBufferPointer(start: cellStart, count: cellStart.distance(to: position)), key: key) {
                        ChunkScan.cell(at: $0, of: text, delimiter: delimiter)
                    }
                }
                if position.pointee != (column == last ? 0x0A : delimiter) { return false }
                position += 1
            }
            row += 1
        }
        return true
    }
}
