/// Infers each column's type by reading every cell, and parses numeric
/// columns once so later stages never re-parse text.
enum TypeInference {
    /// Largest number of distinct values a categorical column may have.
    static let maximumCategories = 100

    /// Infers every column, one column per parallel task.
    static func inferColumns(names: [String], rowCount: Int, bytes: [UInt8], ends: [Int], threads: Int) -> [ColumnInfo] {
        let columnCount = names.count
        return bytes.withUnsafeBufferPointer { bytePointer in
            ends.withUnsafeBufferPointer { endPointer in
                let view = UncheckedSendable(CellView(bytes: bytePointer, ends: endPointer, columnCount: columnCount))
                return ParallelChunks(count: columnCount, chunkSize: 1, threads: threads).mapChunks { column, _ in
                    inferColumn(column, name: names[column], rowCount: rowCount, cells: view.value)
                }
            }
        }
    }

    /// Infers one column.
    static func inferColumn(_ column: Int, name: String, rowCount: Int, cells: CellView) -> ColumnInfo {
        var counts = [Int](repeating: 0, count: 5)
        var firstNonNumericRow: Int?
        let values = [Double](unsafeUninitializedCapacity: rowCount) { values, initialized in
            for row in 0..<rowCount {
                let (kind, value) = CellParsing.classify(cells.cell(row: row, column: column))
                counts[Int(kind.rawValue)] += 1
                values.initializeElement(at: row, to: value)
                if firstNonNumericRow == nil, kind == .text || kind == .date { firstNonNumericRow = row }
            }
            initialized = rowCount
        }
        let missing = counts[Int(CellKind.missing.rawValue)]
        let integers = counts[Int(CellKind.integer.rawValue)]
        let numbers = counts[Int(CellKind.number.rawValue)]
        let dates = counts[Int(CellKind.date.rawValue)]
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
            numericCount: integers + numbers, firstNonNumericRow: firstNonNumericRow,
            values: type.isNumeric || type == .date ? values : nil)
    }
}
