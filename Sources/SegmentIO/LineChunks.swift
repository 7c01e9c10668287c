import SegmentBase

/// The header of a quote-free, line-feed-terminated delimited text and its
/// body split into chunks of whole lines, for parsing the chunks in parallel.
///
/// Chunks start at fixed offsets (multiples of the chunk size from the
/// body's start) moved forward to the next line start, so the split depends
/// only on the text, never on the number of threads.
struct LineChunks {
    /// Column names (from the header, or `col1`, `col2`, … without one).
    let columnNames: [String]
    /// The physical line (1-based) of the body's first line.
    let firstBodyLine: Int
    /// Chunk `i` is `boundaries[i]..<boundaries[i + 1]`; the last boundary is
    /// the text's length.
    let boundaries: [Int]
    /// The scanner of the text's cells and lines.
    let walker: CellWalker

    /// Fields per record.
    var width: Int { columnNames.count }
    /// Number of chunks.
    var count: Int { boundaries.count - 1 }

    /// Splits `data`; returns `nil` for one-column texts, which the
    /// sequential reader handles (blank lines are records there).
    /// - Throws: `CSVError` for an invalid header (bad UTF-8, duplicate names).
    init?(_ data: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, name: String, chunkSize: Int) throws {
        walker = CellWalker(delimiter: dialect.delimiter)
        var header = FirstLine()
        _ = walker.walk(data, &header)
        let firstFields = header.cells.isEmpty ? [UnsafeBufferPointer(rebasing: data[0..<0])] : header.cells
        let bodyStart = walker.lineStart(after: 0, in: data) ?? data.count
        if dialect.hasHeader {
            let names = firstFields.map { String(decoding: $0, as: UTF8.self) }
            if !header.line.allSatisfy({ $0 < 0x80 }), let bad = firstFields.firstIndex(where: { !isValidUTF8($0) }) {
                throw CSVError.invalidUTF8(file: name, line: 1, column: bad + 1)
            }
            columnNames = try TableLoader.validatedNames(names, file: name)
            firstBodyLine = 2
        } else {
            columnNames = (1...firstFields.count).map { "col\($0)" }
            firstBodyLine = 1
        }
        if firstFields.count == 1 { return nil }

        var starts = [dialect.hasHeader ? bodyStart : 0]
        var offset = starts[0] + chunkSize
        while offset < data.count, let next = walker.lineStart(after: offset, in: data) {
            starts.append(next)
            offset = next + chunkSize
        }
        starts.append(data.count)
        boundaries = starts
    }

    /// The bytes of chunk `index` of `data`.
    func chunk(_ index: Int, of data: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: data[boundaries[index]..<boundaries[index + 1]])
    }
}

/// The cells of a text's first line (none when it is blank), collected by
/// walking the text up to that line's end.
private struct FirstLine: CellVisitor {
    /// The line's cells.
    var cells: [UnsafeBufferPointer<UInt8>] = []
    /// The line's bytes without its line feed.
    var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    mutating func blankLine() -> Bool { false }

    mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
        cells.append(cell)
        return true
    }

    mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool {
        self.line = line
        return false
    }
}
