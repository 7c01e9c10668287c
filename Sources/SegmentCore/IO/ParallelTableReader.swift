/// Reads large, quote-free files in parallel: the file is memory-mapped
/// (`MappedFile`), split into fixed 4 MiB chunks at line ends (`LineChunks`),
/// and each chunk's cells are counted (pass 1) and then copied straight into
/// the table's buffers at offsets known from the counts (pass 2).
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
        var bytes: [UInt8]
        var ends: [Int]
    }

    /// Per-chunk counts from pass 1.
    struct ChunkCounts {
        var rows = 0
        var cells = 0
        var bytes = 0
        var lines = 0
        var hasHighBytes = false
        /// Chunk-relative line (0-based) and field count of the first ragged row.
        var firstRagged: (line: Int, found: Int)?
    }

    /// Reads `path` in parallel when it qualifies (see
    /// `MappedFile.withQuoteFreeBytes`) and is at least `minimumSize` bytes;
    /// returns `nil` otherwise.
    static func read(path: String, dialect: CSVDialect, threads: Int, minimumSize: Int = minimumSize) throws -> Cells? {
        try MappedFile.withQuoteFreeBytes(path: path, minimumSize: minimumSize) { data in
            try read(data, dialect: dialect, name: path, threads: threads)
        }
    }

    /// Parses quote-free, LF-terminated `data` in chunks of about `chunkSize`
    /// bytes; returns `nil` for inputs the sequential reader handles (one
    /// column, or no cell bytes at all).
    static func read(_ data: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, name: String, threads: Int,
                     chunkSize: Int = chunkSize) throws -> Cells? {
        let delimiter = dialect.delimiter
        guard let layout = try LineChunks(data, dialect: dialect, name: name, chunkSize: chunkSize) else { return nil }
        let (width, firstBodyLine, columnNames, chunkCount) = (layout.width, layout.firstBodyLine, layout.columnNames, layout.count)
        let chunks = ParallelChunks(count: chunkCount, chunkSize: 1, threads: threads)
        let shared = UncheckedSendable(data)

        let counts = chunks.mapChunks { chunk, _ in
            countChunk(layout.chunk(chunk, of: shared.value), delimiter: delimiter, width: width)
        }
        var linesBefore = firstBodyLine
        for chunk in 0..<chunkCount {
            if let ragged = counts[chunk].firstRagged {
                throw CSVError.fieldCountMismatch(file: name, line: linesBefore + ragged.line, expected: width, found: ragged.found)
            }
            linesBefore += counts[chunk].lines
        }

        // Destination offsets per chunk, then pass 2 writes in place.
        let offsets = Offsets(counts: counts, firstLine: firstBodyLine)
        let (rowOffsets, cellOffsets, byteOffsets, lineOffsets) = (offsets.rows, offsets.cells, offsets.bytes, offsets.lines)
        let (rowTotal, cellTotal, byteTotal) = (rowOffsets.last!, cellOffsets.last!, byteOffsets.last!)
        if rowTotal == 0 || byteTotal == 0 { return nil }
        var invalid: [(line: Int, column: Int)?] = []
        var ends: [Int] = [], bytes: [UInt8] = []
        // Pass 2 initialises every element of the three buffers: each chunk
        // writes exactly the rows, cells and bytes pass 1 counted for it, and
        // only its own ranges, so the writes are disjoint.
        let rowLines = [Int](unsafeUninitializedCapacity: rowTotal) { rowBuffer, rowCount in
            ends = [Int](unsafeUninitializedCapacity: cellTotal) { endBuffer, cellCount in
                bytes = [UInt8](unsafeUninitializedCapacity: byteTotal) { byteBuffer, byteCount in
                    let targets = UncheckedSendable((rowBuffer.baseAddress!, endBuffer.baseAddress!, byteBuffer))
                    invalid = chunks.mapChunks { chunk, _ in
                        fillChunk(layout.chunk(chunk, of: shared.value),
                                  delimiter: delimiter, validateUTF8: counts[chunk].hasHighBytes,
                                  firstLine: lineOffsets[chunk], rowLines: targets.value.0 + rowOffsets[chunk],
                                  ends: targets.value.1 + cellOffsets[chunk], bytes: targets.value.2,
                                  byteOffset: byteOffsets[chunk])
                    }
                    byteCount = byteTotal
                }
                cellCount = cellTotal
            }
            rowCount = rowTotal
        }
        if let bad = invalid.lazy.compactMap({ $0 }).first {
            throw CSVError.invalidUTF8(file: name, line: bad.line, column: bad.column)
        }
        return Cells(columnNames: columnNames, rowLines: rowLines, bytes: bytes, ends: ends)
    }

    /// Where each chunk's rows, cells, bytes and lines start in the table.
    struct Offsets {
        var rows = [0], cells = [0], bytes = [0], lines: [Int]

        init(counts: [ChunkCounts], firstLine: Int) {
            lines = [firstLine]
            for count in counts {
                rows.append(rows.last! + count.rows)
                cells.append(cells.last! + count.cells)
                bytes.append(bytes.last! + count.bytes)
                lines.append(lines.last! + count.lines)
            }
        }
    }

    /// Pass 1: rows, cells, cell bytes and lines of one chunk (blank lines
    /// skipped), and the first ragged row.
    static func countChunk(_ chunk: UnsafeBufferPointer<UInt8>, delimiter: UInt8, width: Int) -> ChunkCounts {
        var counts = ChunkCounts()
        var fields = 1, lineLength = 0, high: UInt8 = 0
        @inline(__always) func endLine() {
            if lineLength > 0 {
                if fields != width && counts.firstRagged == nil { counts.firstRagged = (counts.lines, fields) }
                counts.rows += 1
                counts.cells += fields
                counts.bytes += lineLength - (fields - 1)
            }
            counts.lines += 1
            fields = 1
            lineLength = 0
        }
        for byte in chunk {
            high |= byte
            if byte == 0x0A {
                endLine()
            } else {
                lineLength &+= 1
                if byte == delimiter { fields &+= 1 }
            }
        }
        if lineLength > 0 { endLine(); counts.lines -= 1 }  // a last line without a line feed
        counts.hasHighBytes = high >= 0x80
        return counts
    }

    /// Pass 2: copies one chunk's cells into place; returns the first field
    /// that is not valid UTF-8 (when `validateUTF8`).
    static func fillChunk(_ chunk: UnsafeBufferPointer<UInt8>, delimiter: UInt8, validateUTF8: Bool,
                          firstLine: Int, rowLines: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>,
                          bytes: UnsafeMutableBufferPointer<UInt8>, byteOffset: Int) -> (line: Int, column: Int)? {
        var row = 0, cell = 0, output = byteOffset, line = firstLine
        var lineStart = 0, index = 0
        let target = bytes.baseAddress!
        while index < chunk.count {
            // One line: [lineStart, lineEnd).
            var lineEnd = index
            while lineEnd < chunk.count && chunk[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart {
                rowLines[row] = line
                row += 1
                var fieldStart = output
                var column = 0
                var invalidColumn: Int?
                for position in lineStart..<lineEnd {
                    let byte = chunk[position]
                    if byte == delimiter {
                        ends[cell] = output
                        if validateUTF8, invalidColumn == nil, !isValidUTF8(UnsafeBufferPointer(start: target + fieldStart, count: output - fieldStart)) {
                            invalidColumn = column + 1
                        }
                        cell += 1
                        column += 1
                        fieldStart = output
                    } else {
                        target[output] = byte
                        output += 1
                    }
                }
                ends[cell] = output
                if validateUTF8, invalidColumn == nil, !isValidUTF8(UnsafeBufferPointer(start: target + fieldStart, count: output - fieldStart)) {
                    invalidColumn = column + 1
                }
                cell += 1
                if let invalidColumn { return (line, invalidColumn) }
            }
            line += 1
            index = lineEnd + 1
            lineStart = index
        }
        return nil
    }
}
