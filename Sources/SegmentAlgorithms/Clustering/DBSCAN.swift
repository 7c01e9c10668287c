import SegmentBase

/// Density-based clustering (DBSCAN) with scikit-learn's semantics.
///
/// Ester, Kriegel, Sander and Xu, "A density-based algorithm for discovering
/// clusters in large spatial databases with noise" (KDD 1996). A point is a
/// *core* point when at least `minSamples` points, itself included, lie within
/// `eps` (distance `≤ eps`). Core points within `eps` of each other share a
/// cluster; a non-core point within `eps` of a core point is a *border* point
/// and joins the first cluster that reaches it; every other point is noise
/// (`−1`). Clusters are found in the order of their lowest-index core point,
/// so labels equal `sklearn.cluster.DBSCAN` exactly.
///
/// Unlike scikit-learn, neighbourhoods are never stored: a k-d tree answers
/// three passes — core counting (stopping at `minSamples`), union–find over
/// core pairs, then border assignment — in about `O(n log n)` time for
/// well-spread data and `O(n·d)` memory.
public struct DBSCAN: Sendable {
    /// The neighbourhood radius: a value, or the knee of the k-distance curve.
    public enum Radius: Sendable, Equatable {
        /// A fixed radius.
        case value(Double)
        /// The knee of the sorted distances to each point's `minSamples`-th
        /// nearest neighbour (itself included), see `estimateEps`.
        case automatic
    }

    /// Hyper-parameters.
    public struct Configuration: Sendable {
        /// The neighbourhood radius. Default: `.automatic`.
        public var eps: Radius = .automatic
        /// Points within `eps`, the point itself included, that make a core
        /// point. Default: `nil`, meaning `2 × features` (at least 2).
        public var minSamples: Int?
        /// The distance. Default: `.euclidean`.
        public var metric: DistanceMetric = .euclidean
        /// Worker threads. Default: all cores.
        public var threads: Int = availableCores

        /// Creates a configuration; every parameter has the documented default.
        public init(eps: Radius = .automatic, minSamples: Int? = nil, metric: DistanceMetric = .euclidean, threads: Int = availableCores) {
            self.eps = eps
            self.minSamples = minSamples
            self.metric = metric
            self.threads = threads
        }
    }

    /// The outcome of `fit`.
    public struct Result: Sendable {
        /// Clusters (renumbered by size, noise `−1`) with their mean centres.
        public var clustering: Clustering
        /// The matrix rows of the core points, ascending.
        public var coreIndices: [Int]
        /// The radius used (the estimate when `eps` was automatic).
        public var eps: Double
        /// The core-point threshold used.
        public var minSamples: Int
        /// The distance used.
        public var metric: DistanceMetric
    }

    /// The hyper-parameters.
    public var configuration: Configuration

    /// Creates the algorithm with `configuration`.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Points per parallel chunk.
    static let chunkSize = 2048

    /// Clusters `points`.
    /// - Throws: `ParameterError` for a non-positive `eps` or `minSamples`.
    /// - Complexity: about `O(n log n)` for data of low intrinsic dimension; `O(n·d)` memory.
    public func fit(_ points: Matrix) throws -> Result {
        let n = points.rows, d = points.columns
        let minSamples = configuration.minSamples ?? max(2, 2 * d)
        guard minSamples >= 1 else {
            throw ParameterError("min-samples", "\(parameter: "min-samples") must be at least 1, got \(minSamples)")
        }
        guard n > 0 else { throw SegmentError.invalidInput("DBSCAN needs at least one row") }
        let tree = KDTree(points)
        let eps: Double
        switch configuration.eps {
        case .value(let value):
            guard value > 0, value.isFinite else {
                throw ParameterError("eps", "\(parameter: "eps") must be greater than 0, got \(value)")
            }
            eps = value
        case .automatic:
            eps = Self.estimateEps(tree: tree, k: min(minSamples, n), metric: configuration.metric, threads: configuration.threads)
        }
        let labels = Self.label(tree: tree, eps: eps, minSamples: minSamples, metric: configuration.metric, threads: configuration.threads)
        var rawLabels = [Int](repeating: -1, count: n)
        var coreIndices: [Int] = []
        for position in 0..<n {
            let label = labels.label[position]
            rawLabels[tree.rowOfPosition[position]] = label
            if labels.isCore[position] { coreIndices.append(tree.rowOfPosition[position]) }
        }
        coreIndices.sort()
        let clusterCount = (rawLabels.max() ?? -1) + 1
        let centers = Clustering.segmentMeans(points, rawLabels: rawLabels, count: clusterCount)
        let clustering = Clustering(rawLabels: rawLabels, centers: centers, objective: ("eps", eps))
        return Result(clustering: clustering, coreIndices: coreIndices, eps: eps, minSamples: minSamples, metric: configuration.metric)
    }
}
