import SegmentBase

/// The outcome of any clustering algorithm, in the form every command uses.
public struct Clustering: Sendable {
    /// One label per matrix row: `0..<k`, numbered by decreasing segment size
    /// (ties by first row), or `-1` for noise.
    public var labels: [Int]
    /// Number of segments (noise excluded).
    public var segmentCount: Int
    /// Per-segment centres in the scaled feature space (`segmentCount` rows),
    /// when the algorithm has them.
    public var centers: Matrix?
    /// The algorithm's own objective, e.g. ("inertia", 44448.46).
    public var objective: (name: String, value: Double)?
    /// The segments in the order of the algorithm's raw labels (see
    /// `SegmentNumbering.segmentsByRawLabel`).
    public var segmentsByRawLabel: [Int]

    /// Creates a clustering from raw labels, renumbering segments by
    /// decreasing size so runs and algorithms are comparable; `centers`, if
    /// given, are indexed by raw label and reordered to match.
    public init(rawLabels: [Int], centers: Matrix? = nil, objective: (name: String, value: Double)? = nil) {
        let relabeling = SegmentNumbering(rawLabels: rawLabels)
        labels = rawLabels.map { $0 < 0 ? -1 : relabeling.newLabel[$0] }
        segmentCount = relabeling.order.count
        segmentsByRawLabel = relabeling.segmentsByRawLabel
        if let centers {
            self.centers = centers.selectingRows(relabeling.order)
        } else {
            self.centers = nil
        }
        self.objective = objective
    }

    /// Number of rows in each segment, by segment id.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: segmentCount)
        for label in labels where label >= 0 { sizes[label] += 1 }
        return sizes
    }

    /// Number of noise rows (label −1).
    public var noiseCount: Int { labels.lazy.filter { $0 < 0 }.count }
}

/// Renumbers raw cluster labels as `0..<k` by decreasing size, ties broken by
/// the first row in which a label occurs.
public struct SegmentNumbering: Sendable {
    /// The raw labels in their new order: `order[newLabel] == rawLabel`.
    public let order: [Int]
    /// `newLabel[rawLabel]`; −1 for raw labels that never occur.
    public let newLabel: [Int]

    /// Computes the numbering for `rawLabels` (non-negative labels; negatives are noise).
    public init(rawLabels: [Int]) {
        let maxLabel = rawLabels.max() ?? -1
        var size = [Int](repeating: 0, count: maxLabel + 1)
        var firstRow = [Int](repeating: Int.max, count: maxLabel + 1)
        for (row, label) in rawLabels.enumerated() where label >= 0 {
            size[label] += 1
            if firstRow[label] == Int.max { firstRow[label] = row }
        }
        let present = (0..<(maxLabel + 1)).filter { size[$0] > 0 }
        order = present.sorted { size[$0] != size[$1] ? size[$0] > size[$1] : firstRow[$0] < firstRow[$1] }
        var newLabel = [Int](repeating: -1, count: maxLabel + 1)
        for (new, raw) in order.enumerated() { newLabel[raw] = new }
        self.newLabel = newLabel
    }

    /// The new labels in the order of their raw labels. A nearest-centre
    /// search over the renumbered centres in this order breaks exact ties as
    /// one over the raw centres (first raw label wins) did.
    public var segmentsByRawLabel: [Int] {
        order.indices.sorted { order[$0] < order[$1] }
    }
}
