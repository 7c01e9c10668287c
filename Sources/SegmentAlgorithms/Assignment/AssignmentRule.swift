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
    /// The k-prototypes segment of least cost: squared Euclidean distance of
    /// the numeric features to `means` (row-major, one row of numeric
    /// features per segment) plus `gamma` per category differing from
    /// `modes` (row-major codes). `categorical` marks the row's category
    /// features; its length is the row's dimension.
    case prototypes(means: [Double], modes: [Int], categorical: [Bool], gamma: Double)
    /// The nearest medoid under `metric` (`gower`, `euclidean` or
    /// `manhattan`, see `MixedMetric`): `medoids` is row-major, one row of
    /// features (category codes as numbers) per segment; `numericFactors`
    /// multiply the numeric features (1 / range for Gower).
    case medoids(medoids: [Double], categorical: [Bool], metric: String, numericFactors: [Double])

    /// Number of features a row must have.
    public var dimensions: Int {
        switch self {
        case .nearestCenter(_, let dimensions, _), .corePoints(_, let dimensions, _, _, _): return dimensions
        case .prototypes(_, _, let categorical, _), .medoids(_, let categorical, _, _): return categorical.count
        }
    }

    /// For the mixed rules, which features are category codes; `nil` otherwise.
    public var categoricalFeatures: [Bool]? {
        switch self {
        case .prototypes(_, _, let categorical, _), .medoids(_, let categorical, _, _): return categorical
        case .nearestCenter, .corePoints: return nil
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
        case .prototypes(let means, let modes, let categorical, let gamma):
            let q = categorical.lazy.filter { $0 }.count, p = categorical.count - q
            return p > 0 && q > 0 && !means.isEmpty && means.count % p == 0 && modes.count == means.count / p * q
                && modes.allSatisfy { $0 >= 0 } && gamma >= 0 && gamma.isFinite
                && means.allSatisfy { abs($0) <= FeatureMagnitude.limit }
        case .medoids(let medoids, let categorical, let metric, let factors):
            let q = categorical.lazy.filter { $0 }.count
            return !categorical.isEmpty && !medoids.isEmpty && medoids.count % categorical.count == 0
                && MixedMetric(rawValue: metric) != nil && factors.count == categorical.count - q
                && factors.allSatisfy { $0 >= 0 && $0.isFinite }
                && medoids.allSatisfy { $0.isNaN || abs($0) <= FeatureMagnitude.limit }
        }
    }
}
