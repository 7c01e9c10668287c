extension Table {
    /// Destroys `table`, first returning the pages of its cell buffers and
    /// parsed values to the system (`MemoryPolicy.discardPages`) when it
    /// holds the only reference to them: a cell buffer shared with another
    /// copy of the table is copied before its pages go (the copy's, which
    /// nothing reads), and shared parsed values are left alone.
    static func discard(_ table: consuming Table) {
        var bytes = table.cellBytes, ends = table.cellEnds
        var parsed = table.columns.lazy.compactMap { $0.values?.parsed }.first
        _ = consume table
        bytes.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        ends.withUnsafeMutableBytes { MemoryPolicy.discardPages($0) }
        if var values = parsed.take(), isKnownUniquelyReferenced(&values) {
            MemoryPolicy.discardPages(UnsafeMutableRawBufferPointer(
                start: values.values, count: values.columnCount * values.rowCount * MemoryLayout<Double>.stride))
        }
    }
}
