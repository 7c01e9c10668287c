import SegmentBase

/// How the distance between two clusters is defined in agglomerative clustering.
///
/// All four use Euclidean distances between points; the merge heights follow
/// SciPy's `scipy.cluster.hierarchy.linkage` conventions.
public enum Linkage: String, CaseIterable, Sendable, Codable {
    /// Ward's minimum-variance criterion: the height of merging `A` and `B`
    /// is `sqrt(2·|A|·|B| / (|A| + |B|)) · ‖c_A − c_B‖` (SciPy's Ward distance).
    case ward
    /// The largest distance between a point of one cluster and a point of the other.
    case complete
    /// The mean distance over all pairs of points, one from each cluster (UPGMA).
    case average
    /// The smallest distance between a point of one cluster and a point of the other.
    case single

    /// Whether the algorithm needs the condensed `n(n−1)/2` distance matrix.
    /// Ward and single linkage work from the points in `O(n·d)` memory.
    public var needsDistanceMatrix: Bool {
        self == .complete || self == .average
    }
}
