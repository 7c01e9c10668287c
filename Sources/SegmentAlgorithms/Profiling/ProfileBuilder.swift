import SegmentBase

/// Builds `SegmentProfiles` from a table and its rows' segments.
///
/// Rows without a segment (see `SegmentLabels`) are left out. Numeric
/// features are summarised by mean and median of their present values and
/// the difference from the overall mean in overall standard deviations;
/// categorical columns by the share of each value.
public enum ProfileBuilder {
    /// Profiles every segment of `table`.
    /// - Parameters:
    ///   - labels: each row's segment.
    ///   - featureColumns: numeric columns to summarise.
    ///   - categoryColumns: categorical columns reported as shares.
    ///   - stabilityColumn: a column of each row's segment stability, reported as its mean.
    ///   - valueColumns: customer-value columns, reported as each segment's
    ///     total and share of the value and mean probability of being active.
    /// - Throws: `SegmentError.invalidInput` when no row has a label.
    /// - Complexity: O(n log n) per feature (medians sort each segment's values).
    public static func build(table: Table, labels: SegmentLabels, featureColumns: [Int], categoryColumns: [Int],
                             stabilityColumn: Int? = nil, valueColumns: CustomerValueColumns? = nil) throws -> SegmentProfiles {
        precondition(labels.rows.count == table.rowCount, "one segment per table row")
        let keys = labels.keys, rowSegments = labels.rows
        let labelledRows = rowSegments.indices.filter { rowSegments[$0] >= 0 }
        guard !labelledRows.isEmpty else {
            throw SegmentError.invalidInput("\(table.source): \(labels.origin) has no labels; give the column written by 'segment cluster' with \(parameter: "label-column")")
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
        if let stabilityColumn, let values = table.columns[stabilityColumn].values {
            for index in segments.indices where !segments[index].isNoise {
                let mean = summarize(values, rows: members[index]).mean
                segments[index].stability = mean.isFinite ? mean : nil
            }
        }
        let regular = segments.indices.filter { !segments[$0].isNoise }
        let differences = regular.map { segments[$0].features.map(\.difference) }
        let personas = Persona.describe(differences: differences, featureNames: featureNames)
        let everyone = profile(label: "all", isNoise: false, rows: labelledRows)
        for (position, index) in regular.enumerated() {
            let category = Persona.categoryTerm(segments[index].categories, overall: everyone.categories)
            segments[index].persona = category.map { $0 + " · " + personas[position] } ?? personas[position]
            segments[index].action = SuggestedAction(differences: differences[position], featureNames: featureNames)
        }
        for index in segments.indices where segments[index].isNoise {
            segments[index].persona = "noise (no segment)"
        }
        var overall = everyone
        overall.persona = "everyone"
        if let valueColumns {
            let total = customerValue(table: table, columns: valueColumns, rows: labelledRows, everyone: nil)
            overall.customerValue = total
            for index in segments.indices {
                segments[index].customerValue = customerValue(table: table, columns: valueColumns, rows: members[index], everyone: total?.totalCLV)
            }
        }
        return SegmentProfiles(segments: segments, overall: overall,
                               unlabelledCount: table.rowCount - labelledRows.count,
                               featureNames: featureNames,
                               categoryColumns: categoryColumns.map { table.columnNames[$0] })
    }

    /// The summed `clv` of `rows` (missing values skipped), its share of
    /// `everyone`'s (1 when `nil`), and the mean `p_alive`.
    static func customerValue(table: Table, columns: CustomerValueColumns, rows: [Int], everyone: Double?) -> SegmentCustomerValue? {
        guard let clv = table.columns[columns.clv].values else { return nil }
        let total = rows.reduce(0.0) { sum, row in clv[row].isNaN ? sum : sum + clv[row] }
        let share = everyone.map { $0 != 0 ? total / $0 : 0 } ?? 1
        let alive = columns.probabilityAlive.flatMap { table.columns[$0].values }.map { summarize($0, rows: rows).mean }
        return SegmentCustomerValue(totalCLV: total, clvShare: share, meanProbabilityAlive: alive.flatMap { $0.isFinite ? $0 : nil })
    }

    /// Mean, median and sample standard deviation of the present values at `rows`.
    static func summarize(_ values: ColumnValues, rows: [Int]) -> (mean: Double, median: Double, std: Double) {
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
