import SegmentBase

/// How a saved model maps one scaled feature row to a segment id.
public enum AssignmentRule: Codable, Sendable, Equatable {
    /// The nearest centre (k-means and other centroid methods): `centers` is
    /// row-major, one row of `dimensions` scaled features per segment id.
    /// `tieOrder` lists the segments in the order the search visits them, so
    /// that a row exactly as near to two centres goes to the one listed
    /// first; k-means records the order of its own centres, so `assign`
    /// breaks such ties as `cluster` did. `nil` (models written before it
    /// existed, other centroid methods): segment order.
    case nearestCenter(centers: [Double], dimensions: Int, tieOrder: [Int]? = nil)
    /// The label of the nearest core point within `eps` under `metric`
    /// (`euclidean` or `manhattan`), else noise (−1), as DBSCAN assigns new
    /// points: `points` is row-major with `dimensions` features per core point.
    case corePoints(points: [Double], dimensions: Int, labels: [Int], eps: Double, metric: String)

    /// Number of features a row must have.
    public var dimensions: Int {
        switch self {
        case .nearestCenter(_, let dimensions, _), .corePoints(_, let dimensions, _, _, _): return dimensions
        }
    }

    /// Whether the stored arrays agree with `dimensions` and every coordinate
    /// is within `FeatureMagnitude.limit` (so distances cannot overflow).
    package var isConsistent: Bool {
        switch self {
        case .nearestCenter(let centers, let dimensions, let tieOrder):
            guard dimensions > 0 && !centers.isEmpty && centers.count % dimensions == 0
                && centers.allSatisfy({ abs($0) <= FeatureMagnitude.limit }) else { return false }
            return tieOrder.map { $0.sorted() == Array(0..<(centers.count / dimensions)) } ?? true
        case .corePoints(let points, let dimensions, let labels, let eps, let metric):
            return dimensions > 0 && points.count == labels.count * dimensions && eps >= 0 && eps.isFinite
                && (metric == "euclidean" || metric == "manhattan")
                && points.allSatisfy { abs($0) <= FeatureMagnitude.limit }
        }
    }
}
