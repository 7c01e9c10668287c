import SegmentBase

/// BIRCH clustering with scikit-learn's `Birch` semantics.
///
/// Zhang, Ramakrishnan and Livny, "BIRCH: an efficient data clustering
/// method for very large databases" (SIGMOD 1996). One pass builds a
/// clustering-feature tree (`CFTree`) whose leaf subclusters have radius at
/// most `threshold`; the optional global step groups the subcluster
/// centroids into `k` segments with Ward agglomerative clustering, as
/// scikit-learn does. Every row takes the segment of its nearest subcluster
/// centroid.
public struct BIRCH: Sendable {
    /// Hyper-parameters.
    public struct Configuration: Sendable {
        /// Largest radius of a leaf subcluster. Default: `0.5`.
        public var threshold: Double = 0.5
        /// Most subclusters per tree node. Default: `50`.
        public var branchingFactor: Int = 50
        /// Segments of the global step; `nil` makes every subcluster a segment. Default: `nil`.
        public var clusterCount: Int?
        /// Worker threads for the global step. Default: all cores.
        public var threads: Int = availableCores

        /// Creates a configuration; every parameter has the documented default.
        public init(threshold: Double = 0.5, branchingFactor: Int = 50, clusterCount: Int? = nil, threads: Int = availableCores) {
            self.threshold = threshold
            self.branchingFactor = branchingFactor
            self.clusterCount = clusterCount
            self.threads = threads
        }
    }

    /// The outcome of `fit`.
    public struct Result: Sendable {
        /// Segments (renumbered by size) with their mean centres.
        public var clustering: Clustering
        /// The leaf subclusters' centroids, in leaf order.
        public var subclusterCenters: Matrix
    }

    /// The hyper-parameters.
    public var configuration: Configuration

    /// Creates the algorithm with `configuration`.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Clusters `points`.
    /// - Throws: `ParameterError` for a non-positive threshold,
    ///   a branching factor below 2, or `k` above the number of subclusters.
    /// - Complexity: `O(n·B·log m)` for the tree (`B` branching factor, `m`
    ///   subclusters), `O(m²·d)` for the global step, `O(n·m·d)` for labelling.
    public func fit(_ points: Matrix) throws -> Result {
        let n = points.rows, d = points.columns
        guard configuration.threshold > 0 else {
            throw ParameterError("threshold", "\(parameter: "threshold") must be greater than 0, got \(configuration.threshold)")
        }
        guard configuration.branchingFactor >= 2 else {
            throw ParameterError("branching-factor", "\(parameter: "branching-factor") must be at least 2, got \(configuration.branchingFactor)")
        }
        guard n > 0 else { throw SegmentError.invalidInput("BIRCH needs at least one row") }
        var tree = CFTree(threshold: configuration.threshold, branchingFactor: configuration.branchingFactor, dimension: d)
        points.storage.withUnsafeBufferPointer { source in
            for row in 0..<n { tree.insert(source.baseAddress! + row * d) }
        }
        let subclusters = tree.subclusterCenters
        var labelOfSubcluster = Array(0..<subclusters.rows)
        var segments = subclusters.rows
        if let k = configuration.clusterCount {
            guard k >= 1, k <= subclusters.rows else {
                throw ParameterError("k",
                    "BIRCH found only \(subclusters.rows) subcluster(s), fewer than \(parameter: "k") \(k); lower \(parameter: "threshold") or ask for fewer segments")
            }
            let global = Agglomerative(.init(linkage: .ward, cut: .clusterCount(k), threads: configuration.threads))
            labelOfSubcluster = try global.fit(subclusters).clustering.labels
            segments = k
        }
        let nearest = Self.nearestCenters(points, centers: subclusters, threads: configuration.threads)
        let rawLabels = nearest.map { labelOfSubcluster[$0] }
        let centers = Clustering.segmentMeans(points, rawLabels: rawLabels, count: segments)
        let clustering = Clustering(rawLabels: rawLabels, centers: centers, objective: ("subclusters", Double(subclusters.rows)))
        return Result(clustering: clustering, subclusterCenters: subclusters)
    }

    /// For every row, the first centre minimising `‖c‖² − 2·c·x` (scikit-learn's `predict`).
    static func nearestCenters(_ points: Matrix, centers: Matrix, threads: Int) -> [Int] {
        let n = points.rows, d = points.columns, m = centers.rows
        let norms = (0..<m).map { c in (0..<d).reduce(0.0) { $0 + centers[c, $1] * centers[c, $1] } }
        var nearest = [Int](repeating: 0, count: n)
        points.storage.withUnsafeBufferPointer { source in
            centers.storage.withUnsafeBufferPointer { centerBuffer in
                nearest.withUnsafeMutableBufferPointer { output in
                    // Each chunk writes only its own rows.
                    let shared = UncheckedSendable((source, centerBuffer, output))
                    ParallelChunks(count: n, chunkSize: 1024, threads: threads).forEachChunk { _, rows in
                        let (points, centers, output) = shared.value
                        for row in rows {
                            var best = Double.infinity, bestCenter = 0
                            for c in 0..<m {
                                var dot = 0.0
                                for j in 0..<d { dot += points[row * d + j] * centers[c * d + j] }
                                let value = norms[c] - 2 * dot
                                if value < best {
                                    best = value
                                    bestCenter = c
                                }
                            }
                            output[row] = bestCenter
                        }
                    }
                }
            }
        }
        return nearest
    }
}
