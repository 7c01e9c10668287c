import Foundation
import SegmentBase

/// What a `CellWalker` reports while it walks a chunk: its cells and line
/// ends in order. Each callback returns whether the walk goes on.
protocol CellVisitor {
    /// A line without any byte (two line feeds in a row, or one at the
    /// chunk's start).
    mutating func blankLine() -> Bool
    /// Cell `column` (0-based, not bounded by any header's width) of the
    /// current line, and its value when it is a plain number
    /// (`CellParsing.parsePlainNumber`, parsed while finding its end).
    mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool
    /// The end of a non-blank line of `fields` cells, `line` its bytes
    /// without the line feed.
    mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool
}

/// The one scanner of quote-free delimited text, shared by every chunked
/// reader (`LineChunks`, `ChunkScan`, `ParallelTableReader`, `FileSummary`).
///
/// The text it walks holds no `"` and no carriage return (`MappedFile`
/// admits only such files): every line feed ends a line and every
/// `delimiter` ends a cell, so any range that starts at a line start can be
/// walked on its own. Quoted fields, CRLF and quoted line breaks are read by
/// the streaming `CSVReader`.
struct CellWalker {
    /// The field separator.
    let delimiter: UInt8

    /// Creates a walker for cells separated by `delimiter`.
    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Line feeds, delimiters and high bytes of a chunk, counted without
    /// looking at its cells.
    struct Counts {
        /// Line feeds.
        var lineFeeds = 0
        /// Blank lines: line feeds at the chunk's start or after a line feed.
        var blankLines = 0
        /// Delimiters.
        var delimiters = 0
        /// Non-blank lines, the last one possibly without a line feed.
        var rows = 0
        /// Bytes that are neither delimiters nor line feeds.
        var cellBytes = 0
        /// Whether any byte is outside ASCII.
        var hasHighBytes = false
    }

    /// Counts the line feeds, blank lines, delimiters (when
    /// `countingDelimiters`; else `delimiters` and `cellBytes` stay 0) and
    /// high bytes of `chunk`, which starts at a line start.
    ///
    /// The loop is branch-free with narrow counters per block, so that the
    /// compiler vectorises it.
    @inline(__always)
    func count(_ chunk: UnsafeBufferPointer<UInt8>, countingDelimiters: Bool) -> Counts {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return Counts() }
        let delimiter = delimiter
        var counts = Counts()
        counts.lineFeeds = base[0] == 0x0A ? 1 : 0
        counts.blankLines = counts.lineFeeds
        counts.delimiters = countingDelimiters && base[0] == delimiter ? 1 : 0
        var high = base[0]
        var index = 1
        while index < chunk.count {
            let blockEnd = min(chunk.count, index &+ 4096)
            var lineFeeds: UInt16 = 0, blankLines: UInt16 = 0, delimiters: UInt16 = 0
            for position in index..<blockEnd {
                let byte = base[position], previous = base[position &- 1]
                high |= byte
                let isLineFeed: UInt8 = byte == 0x0A ? 1 : 0
                lineFeeds &+= UInt16(isLineFeed)
                blankLines &+= UInt16(isLineFeed & (previous == 0x0A ? 1 : 0))
                if countingDelimiters { delimiters &+= UInt16(byte == delimiter ? 1 : 0 as UInt8) }
            }
            counts.lineFeeds &+= Int(lineFeeds)
            counts.blankLines &+= Int(blankLines)
            counts.delimiters &+= Int(delimiters)
            index = blockEnd
        }
        counts.rows = counts.lineFeeds - counts.blankLines + (base[chunk.count - 1] == 0x0A ? 0 : 1)
        if countingDelimiters { counts.cellBytes = chunk.count - counts.lineFeeds - counts.delimiters }
        counts.hasHighBytes = high >= 0x80
        return counts
    }

    /// The offset of the first delimiter or line feed at or after `start`
    /// in the `count` bytes at `base`, or `count`.
    ///
    /// Sixteen bytes at a time (most cells end in the first block, without
    /// a mispredicted loop exit) while the block stays inside the bytes;
    /// byte by byte at their end.
    @inline(__always)
    func cellEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let lineFeeds = ByteWords.repeated(0x0A), separators = ByteWords.repeated(delimiter)
        var position = start
        while position &+ 16 <= count {
            let low = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: UnsafeRawPointer(base + position + 8).loadUnaligned(as: UInt64.self))
            let lowLength = (ByteWords.zeroBytes(low ^ separators) | ByteWords.zeroBytes(low ^ lineFeeds)).trailingZeroBitCount >> 3
            let highLength = (ByteWords.zeroBytes(high ^ separators) | ByteWords.zeroBytes(high ^ lineFeeds)).trailingZeroBitCount >> 3
            let length = lowLength < 8 ? lowLength : 8 &+ highLength
            position &+= length
            if length < 16 { return position }
        }
        while position < count {
            let byte = base[position]
            if byte == delimiter || byte == 0x0A { break }
            position &+= 1
        }
        return position
    }

    /// The cell that starts at byte `offset` of `text`.
    func cell(at offset: Int, of text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = text.baseAddress else { return text }
        return UnsafeBufferPointer(start: base + offset, count: cellEnd(base, from: offset, count: text.count) - offset)
    }

    /// The offset of the line start after the first line feed at or after
    /// `offset` in `text`, or `nil` when no line starts there.
    func lineStart(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = text.baseAddress, offset < text.count,
              let lineFeed = memchr(base + offset, 0x0A, text.count - offset) else { return nil }
        let next = base.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self)) + 1
        return next < text.count ? next : nil
    }

    /// Walks `chunk`, which starts at a line start, reporting every blank
    /// line, cell (with its plain number) and line end to `visitor` until
    /// it returns `false`; the last line may lack its line feed. Returns
    /// whether the walk reached the chunk's end.
    @inline(__always)
    func walk<Visitor: CellVisitor>(_ chunk: UnsafeBufferPointer<UInt8>, _ visitor: inout Visitor) -> Bool {
        guard let base = chunk.baseAddress else { return true }
        // Every line before `terminated` ends with a line feed, which stops
        // every number parse there without a comparison with the end.
        var terminated = chunk.count
        while terminated > 0 && base[terminated - 1] != 0x0A { terminated -= 1 }
        var position = 0
        return walkLines(base, count: chunk.count, until: terminated, terminated: true, from: &position, &visitor)
            && walkLines(base, count: chunk.count, until: chunk.count, terminated: false, from: &position, &visitor)
    }

    /// `walk`'s loop over the `count` bytes at `base`, from the line start
    /// `position` over the lines that start before `limit`; `terminated`
    /// when each of them ends with a line feed. Offsets stay below `count`,
    /// so their arithmetic wraps unchecked.
    @inline(__always)
    private func walkLines<Visitor: CellVisitor>(_ base: UnsafePointer<UInt8>, count: Int, until limit: Int, terminated: Bool,
                                                 from position: inout Int, _ visitor: inout Visitor) -> Bool {
        let (end, delimiter) = (terminated ? nil : base + count, delimiter)
        while position < limit {
            if base[position] == 0x0A {
                position &+= 1
                guard visitor.blankLine() else { return false }
                continue
            }
            let lineStart = position
            var column = 0
            var endsLine = false
            while !endsLine {
                // A plain number's end is where its parse stops; any other
                // cell's end is searched for from there.
                let cellStart = position
                var plainNumber: (value: Double, isInteger: Bool)?
                if let number = CellParsing.scanPlainNumber(from: base + cellStart, to: end) {
                    position = base.distance(to: number.end)
                    let byte = position < count ? base[position] : 0x0A
                    if byte == delimiter || byte == 0x0A {
                        plainNumber = (number.value, number.isInteger)
                    } else {
                        position = cellEnd(base, from: position, count: count)
                    }
                } else {
                    position = cellEnd(base, from: cellStart, count: count)
                }
                guard visitor.cell(UnsafeBufferPointer(start: base + cellStart, count: position &- cellStart), column: column,
                                   plainNumber: plainNumber) else { return false }
                endsLine = position == count || base[position] == 0x0A
                position &+= 1
                column &+= 1
            }
            guard visitor.lineEnd(UnsafeBufferPointer(start: base + lineStart, count: position &- 1 &- lineStart), fields: column) else {
                return false
            }
        }
        return true
    }
}

extension ParsedColumns {
    /// `ParsedColumns.record` of a walked cell, inline in the walk's loop
    /// (package functions of another module are calls): classifies `cell`
    /// with the plain number the walk parsed, stores its value as row `row`
    /// of `column`, counts its kind in `tally` and returns the kind.
    @inline(__always) @discardableResult
    func store(_ cell: UnsafeBufferPointer<UInt8>, plainNumber: (value: Double, isInteger: Bool)?, column: Int, row: Int,
               tally: inout CellTally) -> CellKind {
        let (kind, value) = CellParsing.classify(cell, plainNumber: plainNumber)
        values[column &* rowCount &+ row] = value
        tally.add(kind, row: row)
        return kind
    }
}
