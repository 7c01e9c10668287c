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
    static func classifyCells(_ cells: CellView, rowCount: Int, threads: Int) -> ([[Double]], [[CellTally]]) {
        let columnCount = cells.columnCount
        let chunks = ParallelChunks(count: rowCount, chunkSize: blockRows, threads: threads)
        var tallies: [[CellTally]] = []
        var columnBuffers = (0..<columnCount).map { _ in UnsafeMutableBufferPointer<Double>.allocate(capacity: rowCount) }
        let shared = UncheckedSendable((cells, columnBuffers))
        // Each block writes only its own rows of every column buffer.
        tallies = chunks.mapChunks { _, rows in
            let (cells, buffers) = shared.value
            var blockTallies = [CellTally](repeating: CellTally(), count: columnCount)
            for row in rows {
                for column in 0..<columnCount {
                    let (kind, value) = CellParsing.classify(cells.cell(row: row, column: column))
                    buffers[column][row] = value
                    blockTallies[column].add(kind, row: row)
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
    static func describeColumn(_ column: Int, name: String, rowCount: Int, cells: CellView, values: [Double], tallies: [CellTally]) -> ColumnInfo {
        var tally = CellTally()
        for block in tallies { tally.append(block) }
        var frequencies: [(row: Int, count: Int)]?
        let type: ColumnType
        if let decided = tally.typeFromKinds {
            type = decided
        } else {
            var counter = ByteKeyedCounter()
            for row in 0..<rowCount {
                let cell = cells.cell(row: row, column: column)
                if CellParsing.isMissing(cell) { continue }
                counter.insert(cell, key: row) { cells.cell(row: $0, column: column) }
            }
            frequencies = counter.valuesByFrequency().map { (row: $0.key, count: $0.count) }
            type = tally.textType(distinct: counter.count)
        }
        return ColumnInfo(
            name: name, type: type, presentCount: tally.present, missingCount: tally.missing, valueFrequencies: frequencies,
            numericCount: tally.numericCount, firstNonNumericRow: tally.firstNonNumericRow,
            values: type.isNumeric || type == .date ? values : nil)
    }
}
