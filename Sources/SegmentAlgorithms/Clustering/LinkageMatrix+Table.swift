import SegmentBase

extension LinkageMatrix {
    /// Reads a merge tree written in SciPy's linkage-matrix layout (as
    /// `segment cluster --algorithm agglomerative --linkage-out FILE` writes
    /// it): columns `left`, `right`, `distance`, `size`, one row per merge.
    /// - Throws: `SegmentError.invalidData` naming the line and column of the
    ///   first bad value, or `invalidInput` when a column is missing.
    public init(table: Table) throws {
        let names = ["left", "right", "distance", "size"]
        var columns: [Int] = []
        for name in names {
            guard let index = table.columnIndex(named: name) else {
                throw SegmentError.invalidInput("\(table.source): a linkage file needs the columns left,right,distance,size (found: \(table.columnNames.joined(separator: ",")))")
            }
            columns.append(index)
        }
        let n = table.rowCount + 1
        var merges: [Merge] = []
        merges.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            var values: [Double] = []
            for (position, column) in columns.enumerated() {
                let value = table.columns[column].values?[row] ?? .nan
                guard value.isFinite else {
                    throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: names[position],
                                                   message: "expected a number, found \(MessageText.quoted(table.string(row: row, column: column)))")
                }
                values.append(value)
            }
            let newest = n + row
            for position in [0, 1, 3] where values[position] != values[position].rounded() || values[position] < 0 {
                throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: names[position],
                                               message: "expected a whole number of at least 0, found \(formatNumber(values[position]))")
            }
            for position in [0, 1] where Int(values[position]) >= newest {
                throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: names[position],
                                               message: "cluster id \(Int(values[position])) is not formed before this merge (ids must be below \(newest))")
            }
            merges.append(Merge(left: Int(values[0]), right: Int(values[1]), distance: values[2], size: Int(values[3])))
        }
        self.init(pointCount: n, merges: merges)
    }
}
