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

    /// Summarises `source`. Quote-free files are summarised straight from
    /// their bytes (`FileSummary`); everything else, and any file with an
    /// error, is loaded as a `Table` first. Both give identical summaries
    /// and identical errors, for any number of threads.
    /// - Parameters:
    ///   - topCount: how many frequent values to list per non-numeric column.
    ///   - threads: cores to use.
    /// - Throws: the errors of `TableLoader.load`.
    public static func summarize(_ source: InputSource, dialect: CSVDialect, topCount: Int = 3,
                                 threads: Int = availableCores) throws -> TableSummary {
        if case .file(let path) = source,
           let summary = try FileSummary.summarize(path: path, dialect: dialect, topCount: topCount, threads: threads) {
            return summary
        }
        let table = try TableLoader.load(source, dialect: dialect, threads: threads)
        return TableSummary(source: table.source, columnNames: table.columnNames, rowCount: table.rowCount,
                            columns: ColumnSummary.summarize(table, topCount: topCount, threads: threads))
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
