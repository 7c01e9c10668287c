import SegmentBase

/// Reads large, quote-free files in parallel: the file is memory-mapped
/// (`MappedFile`), split into fixed 4 MiB chunks at line ends (`LineChunks`),
/// and each chunk's line feeds and delimiters are counted (pass 1,
/// `CellWalker.count`) and then its cells walked (pass 2, `CellWalker.walk`)
/// and its rows' starts and cells' ends written straight into the table's
/// buffers at offsets known from the counts. The cells stay where they are in the mapped file
/// (`CellStorage.inPlace`). Pass 2 also checks each row's field count and
/// classifies each cell while its bytes are in the cache, so type inference
/// never reads the cells again (`Cells.classified`).
///
/// Only files without any `"` or carriage return qualify: there, every line
/// feed ends a record, so chunks can be parsed independently. Everything else
/// goes through the streaming `CSVReader`; both paths produce identical
/// tables and identical error messages.
enum ParallelTableReader {
    /// Files smaller than this are read sequentially.
    static let minimumSize = 8 << 20
    /// Bytes per chunk; fixed so the work split never depends on thread count.
    static let chunkSize = 4 << 20

    /// The raw contents of a table.
    struct Cells {
        var columnNames: [String]
        var rowLines: [Int]
        var storage: CellStorage
        /// Every cell's kind and value, when the reader classified them
        /// (`nil` from the streaming reader: type inference then does it).
        var classified: ClassifiedCells? = nil

        /// Calls `body` with a view of the cells.
        func withCells<Result>(_ body: (CellView) throws -> Result) rethrows -> Result {
            try storage.withCells(body)
        }
    }

    /// Reads `path` in parallel when it qualifies (see
    /// `MappedFile.quoteFreeInput`) and is at least `minimumSize` bytes;
    /// returns `nil` otherwise.
    static func read(path: String, dialect: CSVDialect, threads: Int, minimumSize: Int = minimumSize) throws -> Cells? {
        guard let input = MappedFile.quoteFreeInput(path: path, minimumSize: minimumSize, threads: threads) else { return nil }
        return try read(input, dialect: dialect, name: path, threads: threads)
    }

    /// Parses the quote-free, LF-terminated bytes of `input` in chunks of
    /// about `chunkSize` bytes; returns `nil` for inputs the sequential
    /// reader handles (one column, or no cell bytes at all). The table's
    /// cells stay in `input`; a record longer than `recordLimit` bytes is
    /// an error.
    static func read(_ input: InputBytes, dialect: CSVDialect, name: String, threads: Int,
                     chunkSize: Int = chunkSize, recordLimit: Int = CSVError.maximumRecordBytes) throws -> Cells? {
        let data = input.bytes
        guard let layout = try LineChunks(data, dialect: dialect, name: name, chunkSize: chunkSize) else { return nil }
        let (width, firstBodyLine, columnNames, chunkCount) = (layout.width, layout.firstBodyLine, layout.columnNames, layout.count)
        let chunks = ParallelChunks(count: chunkCount, chunkSize: 1, threads: threads)
        let shared = UncheckedSendable(data)

        let counts = chunks.mapChunks { chunk, _ in layout.walker.count(layout.chunk(chunk, of: shared.value), countingDelimiters: true) }

        // Destination offsets per chunk, then pass 2 writes in place.
        let offsets = Offsets(counts: counts, width: width, firstLine: firstBodyLine)
        let (rowOffsets, cellOffsets, lineOffsets) = (offsets.rows, offsets.cells, offsets.lines)
        let (rowTotal, cellTotal) = (rowOffsets.last!, cellOffsets.last!)
        if rowTotal == 0 || counts.allSatisfy({ $0.cellBytes == 0 }) { return nil }
        var results: [FillResult] = []
        var ends: [UInt32] = [], rowStarts: [Int] = []
        let parsed = ParsedColumns(columnCount: width, rowCount: rowTotal)
        // Pass 2 initialises every element of the three buffers: each chunk
        // writes exactly the rows and cells pass 1 counted for it, and only
        // its own ranges, so the writes are disjoint. A chunk that stops at
        // a bad line leaves its rest unwritten, and the error discards the
        // buffers.
        let rowLines = [Int](unsafeUninitializedCapacity: rowTotal) { rowBuffer, rowCount in
            rowStarts = [Int](unsafeUninitializedCapacity: rowTotal) { startBuffer, startCount in
                ends = [UInt32](unsafeUninitializedCapacity: cellTotal) { endBuffer, cellCount in
                    let targets = UncheckedSendable((rowBuffer.baseAddress!, startBuffer.baseAddress!, endBuffer.baseAddress!))
                    results = chunks.mapChunks { chunk, _ in
                        fillChunk(layout.chunk(chunk, of: shared.value), offset: layout.boundaries[chunk], name: name,
                                         walker: layout.walker, width: width, validateUTF8: counts[chunk].hasHighBytes,
                                         firstLine: lineOffsets[chunk], rowLines: targets.value.0 + rowOffsets[chunk],
                                         rowStarts: targets.value.1 + rowOffsets[chunk], ends: targets.value.2 + cellOffsets[chunk],
                                         recordLimit: recordLimit, parsed: parsed, firstRow: rowOffsets[chunk])
                    }
                    cellCount = cellTotal
                }
                startCount = rowTotal
            }
            rowCount = rowTotal
        }
        // The first bad line of the file: chunks stop at their first.
        if let failure = results.lazy.compactMap(\.failure).first { throw failure }
        let storage = CellStorage(bytes: .inPlace(input, delimiter: dialect.delimiter), rowStarts: rowStarts, ends: ends, columnCount: width)
        return Cells(columnNames: columnNames, rowLines: rowLines, storage: storage,
                     classified: ClassifiedCells(parsed: parsed, tallies: results.map(\.tallies)))
    }

    /// What pass 2 learned from one chunk.
    struct FillResult {
        /// The chunk's tally of each column.
        var tallies: [CellTally]
        /// The chunk's first row with the wrong number of fields or a
        /// field that is not valid UTF-8; the chunk stops there.
        var failure: CSVError?
    }

    /// Where each chunk's rows, cells and lines start in the table.
    struct Offsets {
        var rows = [0], cells = [0], lines: [Int]

        /// The offsets from pass 1's counts, each row having `width` cells
        /// (pass 2 checks that), the first chunk starting at line `firstLine`.
        init(counts: [CellWalker.Counts], width: Int, firstLine: Int) {
            lines = [firstLine]
            for count in counts {
                rows.append(rows.last! + count.rows)
                cells.append(cells.last! + count.rows * width)
                lines.append(lines.last! + count.lineFeeds)
            }
        }
    }

    /// Pass 2: records where each of one chunk's rows starts, as an offset
    /// in the input (the chunk starts at `offset`), and where each of its
    /// cells ends, from its row's start, and classifies each cell into
    /// `parsed` (the chunk's rows start at table row `firstRow`). Stops at
    /// the first row whose field count is not `width`, that has a field
    /// that is not valid UTF-8 (checked when `validateUTF8`) or that is
    /// longer than `recordLimit` bytes, before writing past the chunk's
    /// share of the buffers.
    static func fillChunk(_ chunk: UnsafeBufferPointer<UInt8>, offset: Int, name: String, walker: CellWalker, width: Int,
                          validateUTF8: Bool, firstLine: Int, rowLines: UnsafeMutablePointer<Int>,
                          rowStarts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<UInt32>, recordLimit: Int,
                          parsed: ParsedColumns, firstRow: Int) -> FillResult {
        let tallies = UnsafeMutableBufferPointer<CellTally>.allocate(capacity: width)
        tallies.initialize(repeating: CellTally())
        defer { tallies.deallocate() }
        guard let base = chunk.baseAddress else { return FillResult(tallies: Array(tallies), failure: nil) }
        var visitor = FillVisitor(chunkStart: base, offset: offset, name: name, width: width, validateUTF8: validateUTF8,
                                  recordLimit: recordLimit, parsed: parsed, rowLines: rowLines, rowStarts: rowStarts,
                                  ends: ends, tallies: tallies, line: firstLine, row: firstRow)
        _ = walker.walk(chunk, &visitor)
        return FillResult(tallies: Array(tallies), failure: visitor.failure)
    }
}

/// The cell visitor of `ParallelTableReader.fillChunk`: writes to the
/// chunk's share of the table's buffers.
private struct FillVisitor: CellVisitor {
    /// The chunk's first byte, at offset `offset` in the input.
    let chunkStart: UnsafePointer<UInt8>
    let offset: Int
    /// The input's name, for errors.
    let name: String
    /// Fields per row.
    let width: Int
    let validateUTF8: Bool
    let recordLimit: Int
    /// Where the cells' values go.
    let parsed: ParsedColumns
    /// The chunk's share of the table's row lines, row starts and cell ends.
    let rowLines: UnsafeMutablePointer<Int>
    let rowStarts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<UInt32>
    /// The chunk's tally of each column.
    let tallies: UnsafeMutableBufferPointer<CellTally>
    /// The current line's number in the file.
    var line: Int
    /// The current (or next) row's index in the table.
    var row: Int
    /// Rows and cells written so far.
    var rowsWritten = 0, cellsWritten = 0
    /// Where the current row starts.
    var rowStart: UnsafePointer<UInt8>
    /// The first bad row's error, which stopped the walk.
    var failure: CSVError?

    init(chunkStart: UnsafePointer<UInt8>, offset: Int, name: String, width: Int, validateUTF8: Bool, recordLimit: Int,
         parsed: ParsedColumns, rowLines: UnsafeMutablePointer<Int>, rowStarts: UnsafeMutablePointer<Int>,
         ends: UnsafeMutablePointer<UInt32>, tallies: UnsafeMutableBufferPointer<CellTally>, line: Int, row: Int) {
        (self.chunkStart, self.offset, self.name, self.width, self.validateUTF8) = (chunkStart, offset, name, width, validateUTF8)
        (self.recordLimit, self.parsed, self.rowLines, self.rowStarts, self.ends) = (recordLimit, parsed, rowLines, rowStarts, ends)
        (self.tallies, self.line, self.row, rowStart) = (tallies, line, row, chunkStart)
    }

    @inline(__always)
    mutating func blankLine() -> Bool {
        line += 1
        return true
    }

    /// Cells beyond `width` are only counted, for the error at the line's end.
    @inline(__always)
    mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
        let start = cell.baseAddress.unsafelyUnwrapped
        if column == 0 {
            rowStart = start
            rowLines[rowsWritten] = line
            rowStarts[rowsWritten] = offset + chunkStart.distance(to: start)
            rowsWritten += 1
        }
        guard column < width else { return true }
        ends[cellsWritten] = UInt32(truncatingIfNeeded: rowStart.distance(to: start + cell.count))
        cellsWritten += 1
        parsed.store(cell, plainNumber: plainNumber, column: column, row: row, tally: &tallies[column])
        if validateUTF8 && !isValidUTF8(cell) {
            failure = .invalidUTF8(file: name, line: line, column: column + 1)
            return false
        }
        return true
    }

    @inline(__always)
    mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool {
        if fields != width {
            failure = .fieldCountMismatch(file: name, line: self.line, expected: width, found: fields)
            return false
        }
        if line.count > recordLimit {
            failure = .recordTooLong(file: name, line: self.line)
            return false
        }
        self.line += 1
        row += 1
        return true
    }
}
