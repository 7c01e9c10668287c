/// What `segment inspect` reports about a delimited file: its shape, a
/// summary of every column, the id column and the default features.
public struct TableSummary: Sendable {
    /// The input's display name (a path or `<stdin>`).
    public let source: String
    /// Column names, in file order.
    public let columnNames: [String]
    /// Number of data rows.
    public let rowCount: Int
    /// One summary per column.
    public let columns: [ColumnSummary]

    /// A summary of `source` from its columns' summaries.
    public init(source: String, columnNames: [String], rowCount: Int, columns: [ColumnSummary]) {
        self.source = source
        self.columnNames = columnNames
        self.rowCount = rowCount
        self.columns = columns
    }

    /// The id column: the first column whose name ends in the word `id` and
    /// whose values are all present and unique (see `ColumnSelection.idColumn`).
    public var idColumn: Int? {
        ColumnSelection.firstIdColumn(names: columnNames) { columns[$0].missing == 0 && columns[$0].distinct == rowCount }
    }

    /// The default features: every numeric column except the id column, and
    /// columns that are mostly numbers with some text (see
    /// `ColumnSelection.defaultFeatures`).
    public var defaultFeatures: [Int] {
        let id = idColumn
        return columns.indices.filter {
            $0 != id && ColumnSelection.isDefaultFeature(type: columns[$0].type, looksNumericWithErrors: columns[$0].looksNumericWithErrors)
        }
    }
}
