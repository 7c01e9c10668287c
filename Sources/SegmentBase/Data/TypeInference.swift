/// Infers each column's type by reading every cell, and parses numeric
/// columns once so later stages never re-parse text.
///
/// Cells are classified in blocks of rows, all columns of a block at once,
/// so each block of the row-major cell buffer is read from memory once;
/// blocks run in parallel and their counts are combined in block order.
package enum TypeInference {
    /// Largest number of distinct values a categorical column may have.
    package static let maximumCategories = 100
    /// Rows per parallel block.
    static let blockRows = 8192

    /// Infers every column, classifying the cells first unless `classified`
    /// already holds their kinds and values.
    package static func inferColumns(names: [String], rowCount: Int, cells: CellView, classified: ClassifiedCells? = nil,
                             threads: Int) -> [ColumnInfo] {
        let columnCount = names.count
        let classified = classified ?? {
            let parsed = ParsedColumns(columnCount: columnCount, rowCount: rowCount)
            return ClassifiedCells(parsed: parsed, tallies: classifyCells(cells, rowCount: rowCount, into: parsed, threads: threads))
        }()
        let (parsed, tallies) = (classified.parsed, classified.tallies)
        let shared = UncheckedSendable((cells, parsed, tallies))
        // Each column's task reads only its own cells and tallies.
        // Numeric and date columns keep their values in `parsed`.
        return ParallelChunks(count: columnCount, chunkSize: 1, threads: threads).mapChunks { column, _ in
            let (cells, parsed, tallies) = shared.value
            return describeColumn(column, name: names[column], rowCount: rowCount, cells: cells,
                                  parsed: parsed, tallies: tallies.map { $0[column] })
        }
    }

    /// Classifies every cell: writes each column's parsed values (NaN for
    /// missing and text) to `parsed` and returns per-block tallies.
    static func classifyCells(_ cells: CellView, rowCount: Int, into parsed: ParsedColumns, threads: Int) -> [[CellTally]] {
        let columnCount = cells.columnCount
        let chunks = ParallelChunks(count: rowCount, chunkSize: blockRows, threads: threads)
        let shared = UncheckedSendable((cells, parsed))
        // Each block writes only its own rows of every column.
        return chunks.mapChunks { _, rows in
            let (cells, parsed) = shared.value
            var blockTallies = [CellTally](repeating: CellTally(), count: columnCount)
            for row in rows {
                for column in 0..<columnCount {
                    parsed.record(cells.cell(row: row, column: column), column: column, row: row, tally: &blockTallies[column])
                }
            }
            return blockTallies
        }
    }

    /// Decides one column's type from its tallies (counting distinct values
    /// of non-numeric columns).
    static func describeColumn(_ column: Int, name: String, rowCount: Int, cells: CellView, parsed: ParsedColumns,
                               tallies: [CellTally]) -> ColumnInfo {
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
            values: type.isNumeric || type == .date ? ColumnValues(parsed, column: column) : nil)
    }
}

/// Every cell classified: its parsed value and, per block of rows, each
/// column's tally of cell kinds (blocks in row order).
package struct ClassifiedCells {
    /// Each cell's value (NaN for missing and text).
    var parsed: ParsedColumns
    /// `tallies[block][column]`.
    var tallies: [[CellTally]]

    /// Cells with their values and tallies.
    package init(parsed: ParsedColumns, tallies: [[CellTally]]) {
        self.parsed = parsed
        self.tallies = tallies
    }
}

/// The parsed value of every cell, column after column, filled by
/// `TypeInference.classifyCells` or `ParallelTableReader`. The table's
/// numeric and date columns read their values from it in place
/// (`ColumnValues`), so it lives as long as they do.
package final class ParsedColumns: Sendable {
    /// `columnCount × rowCount` values; column `c` starts at `c × rowCount`.
    package nonisolated(unsafe) let values: UnsafeMutablePointer<Double>
    let columnCount: Int
    /// Values per column.
    package let rowCount: Int
    /// Allocates (uninitialised) room for every cell's value.
    package init(columnCount: Int, rowCount: Int) {
        self.columnCount = columnCount
        self.rowCount = rowCount
        values = .allocate(capacity: max(1, columnCount * rowCount))
    }

    deinit {
        values.deallocate()
    }

    /// Classifies `cell` (row `row` of `column`): stores its value and
    /// counts its kind in `tally`. (The chunked readers do the same inline,
    /// with the plain number their walk parsed: `ParsedColumns.store`.)
    @inline(__always)
    package func record(_ cell: UnsafeBufferPointer<UInt8>, column: Int, row: Int, tally: inout CellTally) {
        let (kind, value) = CellParsing.classify(cell, plainNumber: CellParsing.parsePlainNumber(cell))
        values[column &* rowCount &+ row] = value
        tally.add(kind, row: row)
    }

    /// The values of `column`.
    package func column(_ column: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: values + column * rowCount, count: rowCount)
    }
}
