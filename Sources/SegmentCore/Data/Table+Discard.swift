extension Table {
    /// Destroys `table`, first returning the pages of its cell buffers and
    /// parsed values to the system (`MemoryPolicy.discardPages`) when it
    /// holds the only reference to them: a cell buffer shared with another
    /// copy of the table is copied before its pages go (the copy's, which
    /// nothing reads), and shared parsed values are left alone. Cells in
    /// place in a mapped input are unmapped when the last table holding
    /// them goes (`InputBytes`).
    static func discard(_ table: consuming Table) {
        let storage = table.cellStorage
        var parsed = table.parsedColumns
        _ = consume table
        storage.discard()
        if var values = parsed.take(), isKnownUniquelyReferenced(&values) {
            MemoryPolicy.discardPages(UnsafeMutableRawBufferPointer(
                start: values.values, count: values.columnCount * values.rowCount * MemoryLayout<Double>.stride))
        }
    }

    /// The buffer the numeric and date columns read their values from
    /// (`nil` when there is none).
    private var parsedColumns: ParsedColumns? {
        columns.lazy.compactMap { $0.values?.parsed }.first
    }

    /// This table without the parsed values of its numeric and date
    /// columns (`ColumnInfo.values` becomes `nil`), for a command that has
    /// taken what it needs from them (its feature matrix) and goes on to
    /// write the rows' text through unchanged: when nothing else holds the
    /// values, their memory is freed at once on this thread, so the
    /// allocations that follow (a k-means fit's buffers) reuse its pages
    /// instead of faulting in fresh ones. Cells, names and types stay;
    /// `outputValue` reads numeric cells from their text. Column summaries
    /// and the readers of `values` need the full table.
    public consuming func droppingParsedValues() -> Table {
        var parsed = parsedColumns
        let stripped = Table(source: source, columnNames: columnNames, rowLines: rowLines, cellStorage: cellStorage,
                             columns: columns.map { $0.withoutValues() })
        _ = consume self
        if var values = parsed.take(), isKnownUniquelyReferenced(&values) { values.freesInBackground = false }
        return stripped
    }
}
