import SegmentBase

/// Each table row's segment, from a label column or from a clustering run.
///
/// A label column is read as text: an empty or missing label (rows dropped
/// by `--missing drop`) means no segment. When every label is a whole number
/// the segments are ordered numerically with noise (`-1`) last; otherwise by
/// decreasing size, ties by first row.
public struct SegmentLabels: Sendable, Equatable {
    /// The segment labels as written (`"0"`, `"1"`, …, `"-1"` for noise), in segment order.
    public let keys: [String]
    /// Per table row, the index of its segment in `keys`, or −1 for no segment.
    public let rows: [Int]
    /// Where the labels came from, for messages (`column 'segment'`).
    public let origin: String

    /// Labels from a clustering run: one entry per table row, `0..<k` for
    /// segments, −1 for noise, `nil` for rows that were not clustered.
    public init(clusterLabels: [Int?], origin: String = "the clustering") {
        let count = (clusterLabels.compactMap { $0 }.max() ?? -1) + 1
        let hasNoise = clusterLabels.contains { $0 == -1 }
        keys = (0..<count).map(String.init) + (hasNoise ? ["-1"] : [])
        rows = clusterLabels.map { label in
            guard let label else { return -1 }
            return label < 0 ? count : label
        }
        self.origin = origin
    }

    /// Reads the labels in `labelColumn` of `table`.
    public init(table: Table, labelColumn: Int) {
        let (keys, rawSegments, sizes) = table.columns[labelColumn].type == .integer
            ? Self.integerLabels(table.columns[labelColumn].values!)
            : Self.textLabels(table: table, labelColumn: labelColumn)
        let numeric = keys.map { Int($0) }
        let order: [Int]
        if numeric.allSatisfy({ $0 != nil }) {
            order = keys.indices.sorted { a, b in
                let x = numeric[a]!, y = numeric[b]!
                if (x < 0) != (y < 0) { return y < 0 }
                return x < y
            }
        } else {
            order = keys.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        }
        var position = [Int](repeating: 0, count: keys.count)
        for (new, old) in order.enumerated() { position[old] = new }
        self.keys = order.map { keys[$0] }
        rows = rawSegments.map { $0 < 0 ? -1 : position[$0] }
        origin = "column '\(table.columnNames[labelColumn])'"
    }

    /// Labels of an integer column, from its parsed values (no text per row).
    private static func integerLabels(_ values: ColumnValues) -> (keys: [String], rows: [Int], sizes: [Int]) {
        var index: [Int: Int] = [:]
        var keys: [String] = []
        var sizes: [Int] = []
        var rows = [Int](repeating: -1, count: values.count)
        for (row, value) in values.enumerated() where !value.isNaN {
            let label = Int(value)
            if let existing = index[label] {
                rows[row] = existing
                sizes[existing] += 1
            } else {
                index[label] = keys.count
                rows[row] = keys.count
                keys.append(String(label))
                sizes.append(1)
            }
        }
        return (keys, rows, sizes)
    }

    /// Labels of any other column, as trimmed text; empty and missing tokens are no label.
    private static func textLabels(table: Table, labelColumn: Int) -> (keys: [String], rows: [Int], sizes: [Int]) {
        var index: [String: Int] = [:]
        var keys: [String] = []
        var sizes: [Int] = []
        var rows = [Int](repeating: -1, count: table.rowCount)
        table.withCells { cells in
            for row in 0..<table.rowCount {
                let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: labelColumn))
                if cell.isEmpty || CellParsing.isMissingToken(cell) { continue }
                let key = String(decoding: cell, as: UTF8.self)
                if let existing = index[key] {
                    rows[row] = existing
                    sizes[existing] += 1
                } else {
                    index[key] = keys.count
                    rows[row] = keys.count
                    keys.append(key)
                    sizes.append(1)
                }
            }
        }
        return (keys, rows, sizes)
    }


    /// Each row's chart label: its segment's position among the regular
    /// segments, −1 for noise, `nil` for rows without a segment.
    public var chartLabels: [Int?] {
        var chartIndex = [Int](repeating: -1, count: keys.count)
        var next = 0
        for (position, key) in keys.enumerated() where key != "-1" {
            chartIndex[position] = next
            next += 1
        }
        return rows.map { $0 < 0 ? nil : chartIndex[$0] }
    }
}
