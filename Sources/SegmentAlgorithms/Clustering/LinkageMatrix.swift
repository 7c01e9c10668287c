import SegmentBase

/// A merge tree in SciPy's linkage-matrix layout.
///
/// Row `i` merges clusters `left < right` at `distance` into a cluster of
/// `size` points that gets id `n + i`; ids `0..<n` are the original points.
/// Rows are sorted by distance (stably), exactly as `scipy.cluster.hierarchy.linkage`
/// returns them, so the matrix can be drawn as a dendrogram by any tool.
public struct LinkageMatrix: Sendable, Equatable {
    /// One merge.
    public struct Merge: Sendable, Equatable {
        /// The smaller cluster id.
        public var left: Int
        /// The larger cluster id.
        public var right: Int
        /// The merge height.
        public var distance: Double
        /// Number of original points in the merged cluster.
        public var size: Int

        /// Creates a merge.
        public init(left: Int, right: Int, distance: Double, size: Int) {
            self.left = left
            self.right = right
            self.distance = distance
            self.size = size
        }
    }

    /// Number of original points.
    public let pointCount: Int
    /// The `pointCount − 1` merges, by increasing distance.
    public let merges: [Merge]

    /// Builds the matrix from merges found in any order, given as the slots
    /// (original point indices standing for their current clusters) that
    /// were joined: sorts them stably by distance and renumbers them with
    /// SciPy's union–find labelling (`scipy.cluster.hierarchy._hierarchy.label`).
    ///
    /// - Parameters:
    ///   - pointCount: number of original points.
    ///   - slotMerges: `(a, b, distance)` in the order the algorithm found them,
    ///     where `a` and `b` are any members (point indices) of the two clusters.
    init(pointCount: Int, slotMerges: [(a: Int, b: Int, distance: Double)]) {
        precondition(slotMerges.count == max(0, pointCount - 1), "a linkage needs n − 1 merges")
        let order = slotMerges.indices.sorted { first, second in
            let lhs = slotMerges[first].distance, rhs = slotMerges[second].distance
            return lhs < rhs || (lhs == rhs && first < second)
        }
        var forest = ClusterForest(count: max(1, 2 * pointCount - 1))
        var size = [Int](repeating: 1, count: max(1, 2 * pointCount - 1))
        var merges: [Merge] = []
        merges.reserveCapacity(slotMerges.count)
        for (step, index) in order.enumerated() {
            let rootA = forest.root(of: slotMerges[index].a), rootB = forest.root(of: slotMerges[index].b)
            let label = pointCount + step
            forest.merge(rootA, rootB, into: label)
            size[label] = size[rootA] + size[rootB]
            merges.append(Merge(left: min(rootA, rootB), right: max(rootA, rootB),
                                distance: slotMerges[index].distance, size: size[label]))
        }
        self.pointCount = pointCount
        self.merges = merges
    }

    /// Creates a matrix from rows already in SciPy's layout (e.g. read back from a file).
    public init(pointCount: Int, merges: [Merge]) {
        self.pointCount = pointCount
        self.merges = merges
    }

    /// Flat labels for `clusterCount` clusters: the first `n − clusterCount`
    /// merges are applied, as scikit-learn's `AgglomerativeClustering` cuts
    /// the tree. Labels are raw (`0..<clusterCount` in order of first row).
    /// - Precondition: `1 <= clusterCount <= pointCount`.
    public func labels(clusterCount: Int) -> [Int] {
        precondition(clusterCount >= 1 && clusterCount <= pointCount, "clusterCount must be in 1...pointCount")
        let applied = pointCount - clusterCount
        var forest = ClusterForest(count: pointCount + applied)
        for (step, merge) in merges.prefix(applied).enumerated() {
            forest.merge(merge.left, merge.right, into: pointCount + step)
        }
        var labelOfRoot: [Int: Int] = [:]
        return (0..<pointCount).map { point in
            let root = forest.root(of: point)
            if let label = labelOfRoot[root] { return label }
            let label = labelOfRoot.count
            labelOfRoot[root] = label
            return label
        }
    }

    /// The number of clusters left when every merge lower than `threshold`
    /// is applied: `1 + #{merges with distance ≥ threshold}`, scikit-learn's
    /// rule for `AgglomerativeClustering(distance_threshold:)`.
    public func clusterCount(distanceThreshold threshold: Double) -> Int {
        1 + merges.lazy.filter { $0.distance >= threshold }.count
    }
}
