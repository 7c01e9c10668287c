extension Matrix {
    /// The number of distinct rows, counting no further than `limit`.
    ///
    /// Rows are compared by value (`0.0 == -0.0`). Scanning stops as soon as
    /// `limit` distinct rows were seen, so asking whether there are at least k
    /// distinct rows usually reads only the first few rows.
    /// - Complexity: O(rows × columns) time in the worst case, O(limit × columns) memory.
    public func distinctRowCount(limit: Int) -> Int {
        guard rows > 0, limit > 0 else { return 0 }
        guard columns > 0 else { return 1 }
        var seen = Set<ArraySlice<Double>>()
        for row in 0..<rows {
            seen.insert(storage[row * columns..<(row + 1) * columns])
            if seen.count >= limit { break }
        }
        return seen.count
    }
}
