import SegmentBase

extension SegmentNumbering {
    /// The numbering from per-label counts gathered while streaming:
    /// `sizes[raw]` rows, the first of them at row `firstRows[raw]` (order of
    /// appearance). Labels with no rows get −1, as in `init(rawLabels:)`.
    public init(sizes: [Int], firstRows: [Int]) {
        precondition(sizes.count == firstRows.count, "one first row per label")
        let present = sizes.indices.filter { sizes[$0] > 0 }
        order = present.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : firstRows[$0] < firstRows[$1] }
        var newLabel = [Int](repeating: -1, count: sizes.count)
        for (new, raw) in order.enumerated() { newLabel[raw] = new }
        self.newLabel = newLabel
    }
}
