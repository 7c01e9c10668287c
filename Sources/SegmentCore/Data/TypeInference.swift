/// Infers each column's type by reading every cell, and parses numeric
/// columns once so later stages never re-parse text.
///
/// Cells are classified in blocks of rows, all columns of a block at once,
/// so each block of the row-major cell buffer is read from memory once;
/// blocks run in parallel and their counts are combined in block order.
enum TypeInference {
    /// Largest number of distinct values a categorical column may have.
    static let maximumCategories = 100
    /// Rows per parallel block.
    static let blockRows = 8192

    /// Per-block, per-column tallies of cell kinds.
    struct Tally {
        var kinds = (missing: 0, integer: 0, number: 0, date: 0, nonFinite: 0, text: 0)
        var firstNonNumericRow: Int?
    }

    /// Infers every column.
    static func inferColumns(names: [String], rowCount: Int, bytes: [UInt8], ends: [Int], threads: Int) -> [ColumnInfo] {
        let columnCount = names.count
        return bytes.withUnsafeBufferPointer { bytePointer in
            ends.withUnsafeBufferPointer { endPointer in
                let cells = CellView(bytes: bytePointer, ends: endPointer, columnCount: columnCount)
                let (values, tallies) = classifyCells(cells, rowCount: rowCount, threads: threads)
                let shared = UncheckedSendable((cells, values, tallies))
                return ParallelChunks(count: columnCount, chunkSize: 1, threads: threads).mapChunks { column, _ in
                    let (cells, values, tallies) = shared.value
                    return describeColumn(column, name: names[column], rowCount: rowCount, cells: cells,
                                          values: values[column], tallies: tallies.map { $0[column] })
                }
            }
        }
    }

    /// Classifies every cell: per-column parsed values (NaN for missing and
    /// text) and per-block tallies.
    static func classifyCells(_ cells: CellView, rowCount: Int, threads: Int) -> ([[Double]], [[Tally]]) {
        let columnCount = cells.columnCount
        let chunks = ParallelChunks(count: rowCount, chunkSize: blockRows, threads: threads)
        var tallies: [[Tally]] = []
        var columnBuffers = (0..<columnCount).map { _ in UnsafeMutableBufferPointer<Double>.allocate(capacity: rowCount) }
        let shared = UncheckedSendable((cells, columnBuffers))
        // Each block writes only its own rows of every column buffer.
        tallies = chunks.mapChunks { _, rows in
            let (cells, buffers) = shared.value
            var blockTallies = [Tally](repeating: Tally(), count: columnCount)
            for row in rows {
                for column in 0..<columnCount {
                    let (kind, value) = CellParsing.classify(cells.cell(row: row, column: column))
                    buffers[column][row] = value
                    switch kind {
                    case .missing: blockTallies[column].kinds.missing += 1
                    case .integer: blockTallies[column].kinds.integer += 1
                    case .number: blockTallies[column].kinds.number += 1
                    case .date, .nonFinite, .text:
                        switch kind {
                        case .date: blockTallies[column].kinds.date += 1
                        case .nonFinite: blockTallies[column].kinds.nonFinite += 1
                        default: blockTallies[column].kinds.text += 1
                        }
                        if blockTallies[column].firstNonNumericRow == nil { blockTallies[column].firstNonNumericRow = row }
                    }
                }
            }
            return blockTallies
        }
        let values = columnBuffers.map { Array($0) }
        for index in columnBuffers.indices { columnBuffers[index].deallocate() }
        columnBuffers.removeAll()
        return (values, tallies)
    }

    /// Decides one column's type from its tallies (counting distinct values
    /// of non-numeric columns).
    static func describeColumn(_ column: Int, name: String, rowCount: Int, cells: CellView, values: [Double], tallies: [Tally]) -> ColumnInfo {
        var missing = 0, integers = 0, numbers = 0, dates = 0, nonFinite = 0
        var firstNonNumericRow: Int?
        for tally in tallies {
            missing += tally.kinds.missing
            integers += tally.kinds.integer
            numbers += tally.kinds.number
            dates += tally.kinds.date
            nonFinite += tally.kinds.nonFinite
            if firstNonNumericRow == nil { firstNonNumericRow = tally.firstNonNumericRow }
        }
        let present = rowCount - missing

        let type: ColumnType
        var frequencies: [(row: Int, count: Int)]?
        if present > 0 && integers == present {
            type = .integer
        } else if present > 0 && integers + numbers == present {
            type = .number
        } else if present > 0 && dates == present {
            type = .date
        } else {
            var counter = ByteKeyedCounter()
            for row in 0..<rowCount {
                let cell = cells.cell(row: row, column: column)
                if CellParsing.isMissing(cell) { continue }
                counter.insert(cell, row: row) { cells.cell(row: $0, column: column) }
            }
            frequencies = counter.valuesByFrequency()
            let distinct = counter.count
            let repeats = distinct * 2 <= present || (present <= 20 && distinct < present)
            type = present > 0 && distinct <= maximumCategories && repeats ? .categorical : .text
        }
        return ColumnInfo(
            name: name, type: type, presentCount: present, missingCount: missing, valueFrequencies: frequencies,
            numericCount: integers + numbers + nonFinite, firstNonNumericRow: firstNonNumericRow,
            values: type.isNumeric || type == .date ? values : nil)
    }
}
