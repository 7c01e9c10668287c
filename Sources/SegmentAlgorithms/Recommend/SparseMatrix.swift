import SegmentBase

/// A sparse matrix in compressed sparse row (CSR) form: for row `r` the
/// entries are `columnIndices[rowStarts[r]..<rowStarts[r + 1]]` with their
/// `values`, columns strictly increasing within a row.
///
/// The layout is the classic one of Gustavson, "Two fast algorithms for
/// sparse matrices: multiplication and permuted transposition", ACM TOMS 4(3),
/// 1978, and the same as SciPy's `csr_matrix`.
public struct SparseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// Start of each row's entries; `rowCount + 1` offsets.
    public internal(set) var rowStarts: [Int]
    /// Column of each stored entry.
    public internal(set) var columnIndices: [Int32]
    /// Value of each stored entry.
    public internal(set) var values: [Double]

    /// Number of stored entries.
    public var entryCount: Int { values.count }

    /// Creates a matrix from CSR arrays that already satisfy the invariants.
    init(rowCount: Int, columnCount: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) {
        precondition(rowStarts.count == rowCount + 1 && columnIndices.count == values.count)
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Builds a matrix from coordinate entries, summing repeated
    /// (row, column) pairs and dropping sums that are not positive.
    ///
    /// - Complexity: O(entries + rows), plus sorting each row's columns.
    public init(rowCount: Int, columnCount: Int, rows: [Int32], columns: [Int32], values entryValues: [Double]) {
        precondition(rows.count == columns.count && rows.count == entryValues.count)
        var starts = [Int](repeating: 0, count: rowCount + 1)
        for row in rows { starts[Int(row) + 1] += 1 }
        for row in 0..<rowCount { starts[row + 1] += starts[row] }
        var next = starts
        var order = [Int32](repeating: 0, count: rows.count)
        for (entry, row) in rows.enumerated() {
            order[next[Int(row)]] = Int32(entry)
            next[Int(row)] += 1
        }
        var outStarts = [Int](repeating: 0, count: rowCount + 1)
        var outColumns: [Int32] = []
        var outValues: [Double] = []
        outColumns.reserveCapacity(rows.count)
        outValues.reserveCapacity(rows.count)
        var rowEntries: [(column: Int32, value: Double)] = []
        for row in 0..<rowCount {
            rowEntries.removeAll(keepingCapacity: true)
            for position in starts[row]..<starts[row + 1] {
                let entry = Int(order[position])
                rowEntries.append((columns[entry], entryValues[entry]))
            }
            // Stable: equal columns keep input order, so sums are reproducible.
            rowEntries.sort { $0.column < $1.column }
            var index = 0
            while index < rowEntries.count {
                let column = rowEntries[index].column
                var sum = 0.0
                while index < rowEntries.count && rowEntries[index].column == column {
                    sum += rowEntries[index].value
                    index += 1
                }
                if sum > 0 {
                    outColumns.append(column)
                    outValues.append(sum)
                }
            }
            outStarts[row + 1] = outColumns.count
        }
        self.init(rowCount: rowCount, columnCount: columnCount, rowStarts: outStarts, columnIndices: outColumns, values: outValues)
    }

    /// The range of entry positions that belong to `row`.
    @inlinable
    public func entries(ofRow row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }

    /// The value at (`row`, `column`), zero when not stored (binary search).
    public func value(row: Int, column: Int) -> Double {
        var low = rowStarts[row], high = rowStarts[row + 1]
        while low < high {
            let middle = (low + high) / 2
            let found = Int(columnIndices[middle])
            if found == column { return values[middle] }
            if found < column { low = middle + 1 } else { high = middle }
        }
        return 0
    }

    /// The transpose, also in CSR form (Gustavson's permuted transposition).
    ///
    /// - Complexity: O(entries + rows + columns).
    public func transposed() -> SparseMatrix {
        var starts = [Int](repeating: 0, count: columnCount + 1)
        for column in columnIndices { starts[Int(column) + 1] += 1 }
        for column in 0..<columnCount { starts[column + 1] += starts[column] }
        var next = starts
        var outColumns = [Int32](repeating: 0, count: entryCount)
        var outValues = [Double](repeating: 0, count: entryCount)
        for row in 0..<rowCount {
            for position in entries(ofRow: row) {
                let column = Int(columnIndices[position])
                outColumns[next[column]] = Int32(row)
                outValues[next[column]] = values[position]
                next[column] += 1
            }
        }
        return SparseMatrix(rowCount: columnCount, columnCount: rowCount, rowStarts: starts, columnIndices: outColumns, values: outValues)
    }
}
