/// Builds `SegmentProfiles` from a table that carries a segment label column.
///
/// Labels are read as text: an empty or missing label (rows dropped by
/// `--missing drop`) leaves the row out. When every label is a whole number
/// the segments are ordered numerically with noise (`-1`) last; otherwise by
/// decreasing size, ties by first row. Numeric features are summarised by
/// mean and median of their present values and the difference from the
/// overall mean in overall standard deviations; categorical columns by the
/// share of each value.
public enum ProfileBuilder {
    /// Profiles every segment of `table`.
    /// - Parameters:
    ///   - labelColumn: the column holding segment labels.
    ///   - featureColumns: numeric columns to summarise.
    ///   - categoryColumns: categorical columns reported as shares.
    /// - Throws: `SegmentError.invalidInput` when no row has a label.
    /// - Complexity: O(n log n) per feature (medians sort each segment's values).
    public static func build(table: Table, labelColumn: Int, featureColumns: [Int], categoryColumns: [Int]) throws -> SegmentProfiles {
        let labelName = table.columnNames[labelColumn]
        let (keys, rowSegments) = segmentAssignment(table: table, labelColumn: labelColumn)
        let labelledRows = rowSegments.indices.filter { rowSegments[$0] >= 0 }
        guard !labelledRows.isEmpty else {
            throw SegmentError.invalidInput("\(table.source): column '\(labelName)' has no labels; give the column written by 'segment cluster' with --label-column")
        }
        var members = [[Int]](repeating: [], count: keys.count)
        for row in labelledRows { members[rowSegments[row]].append(row) }

        let featureNames = featureColumns.map { table.columnNames[$0] }
        let overallFeatures = featureColumns.map { summarize(table.columns[$0].values!, rows: labelledRows) }
        let overallCategories = categoryColumns.map { categoryValues(table: table, column: $0) }
        func profile(label: String, isNoise: Bool, rows: [Int]) -> SegmentProfile {
            let features = featureColumns.indices.map { index -> FeatureProfile in
                let column = featureColumns[index]
                let summary = summarize(table.columns[column].values!, rows: rows)
                let overall = overallFeatures[index]
                let difference = overall.std > 0 ? (summary.mean - overall.mean) / overall.std : 0
                return FeatureProfile(name: featureNames[index], mean: summary.mean, median: summary.median,
                                      difference: difference.isFinite ? difference : 0)
            }
            let categories = categoryColumns.indices.map { index -> CategoryProfile in
                let (values, rowValue) = overallCategories[index]
                var counts = [Int](repeating: 0, count: values.count)
                for row in rows where rowValue[row] >= 0 { counts[rowValue[row]] += 1 }
                let shares = values.indices.map { (value: values[$0], share: rows.isEmpty ? 0 : Double(counts[$0]) / Double(rows.count)) }
                return CategoryProfile(column: table.columnNames[categoryColumns[index]], shares: shares)
            }
            return SegmentProfile(label: label, isNoise: isNoise, size: rows.count,
                                  share: Double(rows.count) / Double(labelledRows.count),
                                  features: features, categories: categories, persona: "", action: nil)
        }

        var segments = keys.indices.map { profile(label: keys[$0], isNoise: keys[$0] == "-1", rows: members[$0]) }
        let regular = segments.indices.filter { !segments[$0].isNoise }
        let differences = regular.map { segments[$0].features.map(\.difference) }
        let personas = Persona.describe(differences: differences, featureNames: featureNames)
        for (position, index) in regular.enumerated() {
            segments[index].persona = personas[position]
            segments[index].action = SuggestedAction(differences: differences[position], featureNames: featureNames)
        }
        for index in segments.indices where segments[index].isNoise {
            segments[index].persona = "noise (no segment)"
        }
        var overall = profile(label: "all", isNoise: false, rows: labelledRows)
        overall.persona = "everyone"
        return SegmentProfiles(segments: segments, overall: overall,
                               unlabelledCount: table.rowCount - labelledRows.count,
                               featureNames: featureNames,
                               categoryColumns: categoryColumns.map { table.columnNames[$0] })
    }

    /// The distinct labels in segment order and each row's index into them (−1: no label).
    static func segmentAssignment(table: Table, labelColumn: Int) -> (keys: [String], rowSegments: [Int]) {
        let (keys, rawSegments, sizes) = table.columns[labelColumn].type == .integer
            ? integerLabels(table.columns[labelColumn].values!)
            : textLabels(table: table, labelColumn: labelColumn)
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
        return (order.map { keys[$0] }, rawSegments.map { $0 < 0 ? -1 : position[$0] })
    }

    /// Labels of an integer column, from its parsed values (no text per row).
    static func integerLabels(_ values: [Double]) -> (keys: [String], rows: [Int], sizes: [Int]) {
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
    static func textLabels(table: Table, labelColumn: Int) -> (keys: [String], rows: [Int], sizes: [Int]) {
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

    /// Mean, median and sample standard deviation of the present values at `rows`.
    static func summarize(_ values: [Double], rows: [Int]) -> (mean: Double, median: Double, std: Double) {
        let present = rows.map { values[$0] }.filter { !$0.isNaN }
        guard !present.isEmpty else { return (.nan, .nan, 0) }
        let mean = Statistics.mean(present)
        return (mean, Statistics.median(present), Statistics.standardDeviation(present, mean: mean, ddof: 1))
    }

    /// The distinct values of a categorical column (most frequent first) and
    /// each row's value index (−1 when missing).
    static func categoryValues(table: Table, column: Int) -> (values: [String], rowValue: [Int]) {
        var values: [String] = []
        if let frequencies = table.columns[column].valueFrequencies {
            values = frequencies.map { table.string(row: $0.row, column: column) }
        }
        // At most a few hundred values (a categorical column): compare bytes
        // against each, most frequent first, without allocating per row.
        let valueBytes = values.map { Array($0.utf8) }
        var rowValue = [Int](repeating: -1, count: table.rowCount)
        table.withCells { cells in
            for row in 0..<table.rowCount {
                let cell = cells.cell(row: row, column: column)
                if CellParsing.isMissing(cell) { continue }
                rowValue[row] = valueBytes.firstIndex { $0.elementsEqual(cell) } ?? -1
            }
        }
        return (values, rowValue)
    }
}
