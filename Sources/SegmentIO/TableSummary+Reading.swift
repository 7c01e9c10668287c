import SegmentBase

extension TableSummary {
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
}
