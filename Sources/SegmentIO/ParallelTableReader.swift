import SegmentBase

/// Reads large, quote-free files in parallel: the file is memory-mapped
/// (`MappedFile`), split into fixed 4 MiB chunks at line ends (`LineChunks`),
/// and each chunk's line feeds and delimiters are counted (pass 1, eight
/// bytes at a time) and then its rows' starts and cells' ends written
/// straight into the table's buffers at offsets known from the counts
/// (pass 2). The cells stay where they are in the mapped file
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

    /// Per-chunk counts from pass 1: what the chunk holds if every row has
    /// the header's field count (pass 2 checks that).
    struct ChunkCounts {
        /// Non-blank lines.
        var rows = 0
        var cells = 0
        /// Bytes that are neither delimiters nor line feeds.
        var bytes = 0
        /// Line feeds.
        var lines = 0
        var hasHighBytes = false
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
        let data = input.bytes, delimiter = dialect.delimiter
        guard let layout = try LineChunks(data, dialect: dialect, name: name, chunkSize: chunkSize) else { return nil }
        let (width, firstBodyLine, columnNames, chunkCount) = (layout.width, layout.firstBodyLine, layout.columnNames, layout.count)
        let chunks = ParallelChunks(count: chunkCount, chunkSize: 1, threads: threads)
        let shared = UncheckedSendable(data)

        let counts = chunks.mapChunks { chunk, _ in
            countChunk(layout.chunk(chunk, of: shared.value), delimiter: delimiter, width: width)
        }

        // Destination offsets per chunk, then pass 2 writes in place.
        let offsets = Offsets(counts: counts, firstLine: firstBodyLine)
        let (rowOffsets, cellOffsets, lineOffsets) = (offsets.rows, offsets.cells, offsets.lines)
        let (rowTotal, cellTotal) = (rowOffsets.last!, cellOffsets.last!)
        if rowTotal == 0 || counts.allSatisfy({ $0.bytes == 0 }) { return nil }
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
                                         delimiter: delimiter, width: width, validateUTF8: counts[chunk].hasHighBytes,
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
        let storage = CellStorage(bytes: .inPlace(input, delimiter: delimiter), rowStarts: rowStarts, ends: ends, columnCount: width)
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

        init(counts: [ChunkCounts], firstLine: Int) {
            lines = [firstLine]
            for count in counts {
                rows.append(rows.last! + count.rows)
                cells.append(cells.last! + count.cells)
                lines.append(lines.last! + count.lines)
            }
        }
    }

    /// Pass 1: line feeds, blank lines, delimiters and high bytes of one
    /// chunk, eight bytes at a time, and from them its rows, cells and cell
    /// bytes.
    static func countChunk(_ chunk: UnsafeBufferPointer<UInt8>, delimiter: UInt8, width: Int) -> ChunkCounts {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return ChunkCounts() }
        let count = chunk.count
        let lineFeeds = ByteWords.repeated(0x0A), separators = ByteWords.repeated(delimiter)
        // The first byte: a line feed at the chunk's start (a line start)
        // ends a blank line.
        var newlines = base[0] == 0x0A ? 1 : 0, blankLines = newlines, delimiters = base[0] == delimiter ? 1 : 0
        var high = UInt64(base[0])
        var index = 1
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let previous = UnsafeRawPointer(base + index - 1).loadUnaligned(as: UInt64.self)
            let isLineFeed = ByteWords.exactZeroBytes(word ^ lineFeeds)
            newlines += isLineFeed.nonzeroBitCount
            blankLines += (isLineFeed & ByteWords.exactZeroBytes(previous ^ lineFeeds)).nonzeroBitCount
            delimiters += ByteWords.exactZeroBytes(word ^ separators).nonzeroBitCount
            high |= word
            index += 8
        }
        while index < count {
            let byte = base[index]
            high |= UInt64(byte)
            if byte == 0x0A {
                newlines += 1
                if base[index - 1] == 0x0A { blankLines += 1 }
            } else if byte == delimiter {
                delimiters += 1
            }
            index += 1
        }
        var counts = ChunkCounts()
        counts.lines = newlines
        counts.rows = newlines - blankLines + (base[count - 1] == 0x0A ? 0 : 1)  // a last line without a line feed
        counts.cells = counts.rows * width
        counts.bytes = count - newlines - delimiters
        counts.hasHighBytes = high & 0x8080_8080_8080_8080 != 0
        return counts
    }

    /// Pass 2: records where each of one chunk's rows starts, as an offset
    /// in the input (the chunk starts at `offset`), and where each of its
    /// cells ends, from its row's start, and classifies each cell into
    /// `parsed` (the chunk's rows start at table row `firstRow`). Stops at
    /// the first row whose field count is not `width`, that has a field
    /// that is not valid UTF-8 (checked when `validateUTF8`) or that is
    /// longer than `recordLimit` bytes, before writing past the chunk's
    /// share of the buffers.
    static func fillChunk(_ chunk: UnsafeBufferPointer<UInt8>, offset: Int, name: String, delimiter: UInt8, width: Int,
                          validateUTF8: Bool, firstLine: Int, rowLines: UnsafeMutablePointer<Int>,
                          rowStarts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<UInt32>, recordLimit: Int,
                          parsed: ParsedColumns, firstRow: Int) -> FillResult {
        let tallies = UnsafeMutableBufferPointer<CellTally>.allocate(capacity: width)
        tallies.initialize(repeating: CellTally())
        defer { tallies.deallocate() }
        func result(_ failure: CSVError?) -> FillResult { FillResult(tallies: Array(tallies), failure: failure) }
        guard let source = chunk.baseAddress else { return result(nil) }
        let count = chunk.count
        let lineFeeds = ByteWords.repeated(0x0A), separators = ByteWords.repeated(delimiter)
        var row = 0, cell = 0, line = firstLine, position = 0
        while position < count {
            if source[position] == 0x0A {  // a blank line
                line += 1
                position += 1
                continue
            }
            rowLines[row] = line
            rowStarts[row] = offset + position
            let rowStart = position
            let tableRow = firstRow + row
            row += 1
            var column = 0
            while true {
                let fieldStart = position
                // Find the delimiter or line feed sixteen bytes at a time
                // (most cells end in the first block, without a mispredicted
                // loop exit) while the block stays inside the chunk; byte by
                // byte at the chunk's end.
                var ended = false
                while !ended && position + 16 <= count {
                    let low = UInt64(littleEndian: UnsafeRawPointer(source + position).loadUnaligned(as: UInt64.self))
                    let high = UInt64(littleEndian: UnsafeRawPointer(source + position + 8).loadUnaligned(as: UInt64.self))
                    let lowLength = (ByteWords.zeroBytes(low ^ separators) | ByteWords.zeroBytes(low ^ lineFeeds)).trailingZeroBitCount >> 3
                    let highLength = (ByteWords.zeroBytes(high ^ separators) | ByteWords.zeroBytes(high ^ lineFeeds)).trailingZeroBitCount >> 3
                    let length = lowLength < 8 ? lowLength : 8 + highLength
                    position += length
                    ended = length < 16
                }
                while !ended && position < count {
                    let byte = source[position]
                    if byte == delimiter || byte == 0x0A { break }
                    position += 1
                }
                let field = UnsafeBufferPointer(start: source + fieldStart, count: position - fieldStart)
                ends[cell] = UInt32(truncatingIfNeeded: position - rowStart)
                cell += 1
                parsed.record(field, column: column, row: tableRow, tally: &tallies[column])
                if validateUTF8 && !isValidUTF8(field) {
                    return result(.invalidUTF8(file: name, line: line, column: column + 1))
                }
                let endsLine = position == count || source[position] == 0x0A
                position += 1
                if endsLine {
                    if column + 1 != width {
                        return result(.fieldCountMismatch(file: name, line: line, expected: width, found: column + 1))
                    }
                    if position - 1 - rowStart > recordLimit {
                        return result(.recordTooLong(file: name, line: line))
                    }
                    break
                }
                column += 1
                if column == width {
                    var found = width + 1
                    while position < count && source[position] != 0x0A {
                        if source[position] == delimiter { found += 1 }
                        position += 1
                    }
                    return result(.fieldCountMismatch(file: name, line: line, expected: width, found: found))
                }
            }
            line += 1
        }
        return result(nil)
    }
}
