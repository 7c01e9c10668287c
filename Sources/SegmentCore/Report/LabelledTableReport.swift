import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The report sections that follow from a table and its rows' segments
/// alone: the data summary, the profiles (with size bars and the profile
/// heat map) and the 2-D scatter. Sections that need a clustering run
/// (k selection, silhouette, dendrogram) are added by the caller.
public enum LabelledTableReport {
    /// A report for `table` segmented by `labels`, described on
    /// `featureColumns` (numeric) and `categoryColumns`, with each segment's
    /// customer value when `valueColumns` are given.
    public static func content(table: Table, labels: SegmentLabels, featureColumns: [Int], categoryColumns: [Int],
                               valueColumns: CustomerValueColumns? = nil, title: String, generator: String) throws -> ReportContent {
        let profiles = try ProfileBuilder.build(table: table, labels: labels,
                                                featureColumns: featureColumns, categoryColumns: categoryColumns,
                                                valueColumns: valueColumns)
        var content = ReportContent(title: title, subtitle: "Input: \(table.source)", generator: generator)
        content.profiles = profiles
        let regular = profiles.segments.filter { !$0.isNoise }
        let noise = profiles.segments.first { $0.isNoise }?.size ?? 0
        content.dataSummary = [
            ("input", table.source),
            ("rows", "\(table.rowCount)"),
            ("segments", "\(regular.count) (from \(labels.origin))"),
            ("numeric features", featureColumns.isEmpty ? "none" : featureColumns.map { table.columnNames[$0] }.joined(separator: ", ")),
            ("categorical columns", categoryColumns.isEmpty ? "none" : categoryColumns.map { table.columnNames[$0] }.joined(separator: ", ")),
        ]
        if noise > 0 { content.dataSummary.append(("noise rows", "\(noise)")) }
        if profiles.unlabelledCount > 0 { content.dataSummary.append(("rows without a label", "\(profiles.unlabelledCount)")) }
        content.scatter = scatter(table: table, labels: labels, featureColumns: featureColumns,
                                  names: regular.map { "\($0.label) · \($0.persona)" })
        // The rules of `segment explain`, when there are two segments to tell apart.
        if Set(labels.rows.filter { $0 >= 0 }).count >= 2 {
            content.rules = RulesSection(try RuleTree.fit(table: table, labels: labels, numeric: featureColumns, categorical: categoryColumns,
                                                          maximumLeaves: max(2, labels.keys.count), maximumDepth: 3))
        }
        return content
    }

    /// The scatter of labelled rows with every feature present: the two
    /// features in original units, or for more features the first two
    /// principal components of the standardized features (mean 0, unit
    /// population variance; constant columns only centred). `nil` with fewer
    /// than two features or rows, or more than `maximumPCAFeatures` features
    /// (the d × d eigen-decomposition would dominate the run).
    public static func scatter(table: Table, labels segments: SegmentLabels, featureColumns: [Int], names: [String]) -> ScatterSection? {
        guard featureColumns.count >= 2, featureColumns.count <= maximumPCAFeatures else { return nil }
        let labels = segments.chartLabels
        let columns = featureColumns.map { table.columns[$0].values! }
        let rows = labels.indices.filter { row in labels[row] != nil && columns.allSatisfy { !$0[row].isNaN } }
        guard rows.count >= 2 else { return nil }
        var data = Matrix(rows: rows.count, columns: featureColumns.count)
        for (position, row) in rows.enumerated() {
            for column in columns.indices { data[position, column] = columns[column][row] }
        }
        let featureNames = featureColumns.map { table.columnNames[$0] }
        let pointLabels = rows.map { labels[$0]! }
        if featureColumns.count == 2 {
            let chart = SegmentScatter(points: data, labels: pointLabels, xTitle: featureNames[0], yTitle: featureNames[1],
                                       names: names, title: "Segments by \(featureNames[0]) and \(featureNames[1])")
            return ScatterSection(chart: chart, note: "Each point is a row, placed by its two features in original units; circled numbers are segment means.")
        }
        standardize(&data)
        let pca = PCA(fitting: data)
        let projected = pca.project(data)
        func title(_ component: Int) -> String {
            "PC\(component + 1) (\(DecimalText.format(pca.explainedVarianceRatio[component] * 100, decimals: 1))% of variance)"
        }
        func loadings(_ component: Int) -> String {
            let order = featureNames.indices.sorted {
                abs(pca.components[component, $0]) != abs(pca.components[component, $1])
                    ? abs(pca.components[component, $0]) > abs(pca.components[component, $1]) : $0 < $1
            }
            return order.prefix(3).map { feature in
                let value = pca.components[component, feature]
                return "\(featureNames[feature]) \(value >= 0 ? "+" : "−")\(DecimalText.format(abs(value), decimals: 2))"
            }.joined(separator: ", ")
        }
        let chart = SegmentScatter(points: projected, labels: pointLabels, xTitle: title(0), yTitle: title(1),
                                   names: names, title: "Segments on the first two principal components")
        return ScatterSection(chart: chart, note: "Each point is a row, placed by the first two principal components of the standardized features; circled numbers are segment means. Strongest loadings — PC1: \(loadings(0)); PC2: \(loadings(1)).")
    }

    /// The most features the scatter projects with PCA.
    public static let maximumPCAFeatures = 200

    /// Centres each column and divides it by its population standard deviation (when positive).
    static func standardize(_ data: inout Matrix) {
        for column in 0..<data.columns {
            let values = (0..<data.rows).map { data[$0, column] }
            let mean = Statistics.mean(values)
            let std = Statistics.standardDeviation(values, mean: mean, ddof: 0)
            for row in 0..<data.rows {
                data[row, column] = std > 0 ? (data[row, column] - mean) / std : data[row, column] - mean
            }
        }
    }
}
