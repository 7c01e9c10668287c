import SegmentBase

/// Summarises a quote-free delimited file straight from its memory-mapped
/// bytes, without building a `Table`: no cell is copied, and only the parsed
/// values of each column are kept (for the exact mean, standard deviation
/// and distinct count).
///
/// The file is split into fixed chunks of lines (`LineChunks`). Pass 1
/// counts each chunk's rows (`CellWalker.count`), so that pass 2
/// (`ChunkScan`) can write every parsed value straight to its place in the
/// columns (`ParsedColumns`); chunks are
/// combined in chunk order and every statistic is computed over whole
/// columns in row order, so the summary is the same for any number of
/// threads and equal to `ColumnSummary.summarize` of the loaded table.
enum FileSummary {
    /// Bytes per chunk.
    static let chunkSize = 4 << 20
    /// Body lines read up front to guess which columns are text and need
    /// their distinct values counted during pass 2.
    static let sampleLines = 64

    /// Summarises `path`, or returns `nil` when the file does not qualify
    /// (see `MappedFile.withQuoteFreeBytes`, one column, no rows, a
    /// delimiter that can be part of a number) or has an error: the caller
    /// then loads the table, which reports the error.
    static func summarize(path: String, dialect: CSVDialect, topCount: Int, threads: Int,
                          chunkSize: Int = chunkSize) throws -> TableSummary? {
        guard !Array("0123456789+-.".utf8).contains(dialect.delimiter) else { return nil }
        return try MappedFile.withQuoteFreeBytes(path: path, minimumSize: 1, threads: threads) { text in
            guard let chunks = try LineChunks(text, dialect: dialect, name: path, chunkSize: chunkSize) else { return nil }
            return summarize(text, chunks: chunks, source: path, topCount: topCount, threads: threads)
        }
    }

    /// Summarises `text` split into `chunks`; `nil` when it has no rows or an error.
    static func summarize(_ text: UnsafeBufferPointer<UInt8>, chunks: LineChunks, source: String,
                          topCount: Int, threads: Int) -> TableSummary? {
        let parallel = ParallelChunks(count: chunks.count, chunkSize: 1, threads: threads)
        let shared = UncheckedSendable(text)
        let walker = chunks.walker
        let counts = parallel.mapChunks { chunk, _ in walker.count(chunks.chunk(chunk, of: shared.value), countingDelimiters: false) }
        let firstRows = counts.reduce(into: [0]) { $0.append($0.last! + $1.rows) }
        let rowCount = firstRows.last!
        guard rowCount > 0 else { return nil }
        let invalidUTF8 = parallel.mapChunks { chunk, _ in
            counts[chunk].hasHighBytes && !isValidUTF8(chunks.chunk(chunk, of: shared.value))
        }
        guard !invalidUTF8.contains(true) else { return nil }

        let width = chunks.width
        let parsed = ParsedColumns(columnCount: width, rowCount: rowCount)
        var counted = sampledTextColumns(text, chunks: chunks)
        var scans: [ChunkScan] = []
        var tallies: [CellTally] = []
        while true {
            let targets = UncheckedSendable((parsed, counted))
            // Each chunk writes only its own rows of every column.
            scans = parallel.mapChunks { chunk, _ in
                targets.value.1.withUnsafeBufferPointer { counted in
                    ChunkScan.scan(chunks.chunk(chunk, of: shared.value), of: shared.value, firstRow: firstRows[chunk],
                                   walker: walker, parsed: targets.value.0, counted: counted)
                }
            }
            guard scans.allSatisfy(\.isRegular) else { return nil }
            tallies = (0..<width).map { column in
                scans.reduce(into: CellTally()) { $0.append($1.tallies[column]) }
            }
            // A text column found only after the sample: scan again, counting it.
            let missed = (0..<width).filter { !counted[$0] && tallies[$0].typeFromKinds == nil && tallies[$0].present > 0 }
            if missed.isEmpty { break }
            for column in missed { counted[column] = true }
        }

        let state = UncheckedSendable((parsed, scans, tallies))
        let summaries = ParallelChunks(count: width, chunkSize: 1, threads: threads).mapChunks { column, _ in
            let (parsed, scans, tallies) = state.value
            return summarize(column: column, name: chunks.columnNames[column], tally: tallies[column], values: parsed.column(column),
                             counters: scans.lazy.map { $0.counters[column] }, text: shared.value, walker: walker, topCount: topCount)
        }
        return TableSummary(source: source, columnNames: chunks.columnNames, rowCount: rowCount, columns: summaries)
    }

    /// One column's summary from its tally, parsed values and per-chunk
    /// distinct-value counters (in chunk order).
    static func summarize(column: Int, name: String, tally: CellTally, values: UnsafeBufferPointer<Double>,
                          counters: some Sequence<ByteKeyedCounter>, text: UnsafeBufferPointer<UInt8>, walker: CellWalker,
                          topCount: Int) -> ColumnSummary {
        if let type = tally.typeFromKinds {
            return ColumnSummary.numeric(name: name, type: type, present: tally.present, missing: tally.missing, values: values)
        }
        let cellOfKey = { walker.cell(at: $0, of: text) }
        var counter = ByteKeyedCounter()
        for chunk in counters { counter.append(chunk, cellOfKey: cellOfKey) }
        let top = counter.valuesByFrequency().prefix(topCount).map { (String(decoding: cellOfKey($0.key), as: UTF8.self), $0.count) }
        let type = tally.textType(distinct: counter.count)
        return ColumnSummary(name: name, type: type, count: tally.present, missing: tally.missing, distinct: counter.count,
                             min: nil, mean: nil, std: nil, max: nil, top: top,
                             looksNumericWithErrors: type.looksNumericWithErrors(present: tally.present, numeric: tally.numericCount))
    }

    /// The columns with a text or infinite cell in the first `sampleLines`
    /// non-blank body lines: surely categorical or text.
    static func sampledTextColumns(_ text: UnsafeBufferPointer<UInt8>, chunks: LineChunks) -> [Bool] {
        var sample = SampleVisitor(textColumns: [Bool](repeating: false, count: chunks.width))
        _ = chunks.walker.walk(UnsafeBufferPointer(rebasing: text[chunks.boundaries[0]...]), &sample)
        return sample.textColumns
    }
}

/// The cell visitor of `FileSummary.sampledTextColumns`.
private struct SampleVisitor: CellVisitor {
    /// Whether each column had a text or infinite cell so far.
    var textColumns: [Bool]
    /// Non-blank lines walked so far.
    var lines = 0

    mutating func blankLine() -> Bool { true }

    mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
        if column < textColumns.count && plainNumber == nil {
            let kind = CellParsing.classify(cell).0
            if kind == .text || kind == .nonFinite { textColumns[column] = true }
        }
        return true
    }

    /// Stops after `FileSummary.sampleLines` lines.
    mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool {
        lines += 1
        return lines < FileSummary.sampleLines
    }
}
