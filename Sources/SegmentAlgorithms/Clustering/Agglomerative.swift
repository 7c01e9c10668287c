import SegmentBase

/// Hierarchical agglomerative clustering with Ward, complete, average or
/// single linkage on Euclidean distances.
///
/// Follows Müllner, "Modern hierarchical, agglomerative clustering
/// algorithms" (arXiv:1109.2378, 2011), the algorithms behind SciPy and
/// fastcluster: for Ward, the generic algorithm with lower bounds on cluster
/// centroids (`O(n·d)` memory, as fastcluster's `linkage_vector`; it needs
/// about a third of the distance scans of the nearest-neighbour chain); the
/// nearest-neighbour chain for complete and average linkage (on the
/// condensed distance matrix, `O(n²)` memory); Prim's minimum spanning tree
/// for single linkage (`O(n·d)` memory). All run in `O(n²·d)` time (Ward's
/// generic algorithm in the worst case `O(n³)`, in practice close to `n²`).
/// The merge tree is returned in SciPy's linkage-matrix layout, and on data
/// without tied distances it equals `scipy.cluster.hierarchy.linkage` up to
/// rounding.
public struct Agglomerative: Sendable {
    /// Where the tree is cut into flat segments.
    public enum Cut: Sendable, Equatable {
        /// Exactly this many segments (scikit-learn's `n_clusters`).
        case clusterCount(Int)
        /// Apply every merge lower than this height (scikit-learn's `distance_threshold`).
        case distanceThreshold(Double)
    }

    /// Hyper-parameters.
    public struct Configuration: Sendable {
        /// The linkage criterion. Default: `.ward`.
        public var linkage: Linkage = .ward
        /// The cut. Default: 2 segments.
        public var cut: Cut = .clusterCount(2)
        /// The most memory the algorithm may allocate for a distance matrix, in
        /// bytes (jobs pass the memory the system reports as available).
        /// Default: `nil`, no limit.
        public var maxMemoryBytes: Int?
        /// Worker threads for the distance kernels. Default: all cores.
        public var threads: Int = availableCores

        /// Creates a configuration; every parameter has the documented default.
        public init(linkage: Linkage = .ward, cut: Cut = .clusterCount(2), maxMemoryBytes: Int? = nil, threads: Int = availableCores) {
            self.linkage = linkage
            self.cut = cut
            self.maxMemoryBytes = maxMemoryBytes
            self.threads = threads
        }
    }

    /// The outcome of `fit`.
    public struct Result: Sendable {
        /// Flat segments (renumbered by size) with their mean centres.
        public var clustering: Clustering
        /// The full merge tree.
        public var linkage: LinkageMatrix
    }

    /// The hyper-parameters.
    public var configuration: Configuration

    /// Creates the algorithm with `configuration`.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Bytes of working memory `linkage` needs for `rows` points of `columns`
    /// features: the condensed distance matrix for complete/average linkage,
    /// else a few copies of the points.
    public static func estimatedMemory(rows: Int, columns: Int, linkage: Linkage) -> Int {
        let points = rows.multipliedReportingOverflow(by: max(1, columns) * 8).partialValue
        if linkage.needsDistanceMatrix {
            let pairs = rows.multipliedReportingOverflow(by: max(0, rows - 1)).partialValue / 2
            return pairs.multipliedReportingOverflow(by: 8).partialValue + 2 * points
        }
        return 2 * points + rows * 48
    }

    /// Builds the merge tree of `points` and cuts it into segments.
    ///
    /// - Parameter points: `n × d` features (rows are observations).
    /// - Returns: segments numbered by decreasing size with mean centres, the
    ///   merge tree, and as objective the height of the last merge applied.
    /// - Throws: `ParameterError` when the cut asks for more
    ///   segments than rows or distinct rows, or when the distance matrix would exceed the memory budget.
    /// - Complexity: `O(n²·d)` time; memory as `estimatedMemory`.
    public func fit(_ points: Matrix) throws -> Result {
        let n = points.rows
        guard n >= 1 else { throw SegmentError.invalidInput("agglomerative clustering needs at least one row") }
        if case .clusterCount(let k) = configuration.cut, k > n || k < 1 {
            throw ParameterError("k", "\(parameter: "k") must be between 1 and the number of rows (\(n)), got \(k)")
        }
        if case .clusterCount(let k) = configuration.cut {
            let distinct = points.distinctRowCount(limit: k)
            if distinct < k { throw ParameterError("k", KMeans.tooFewDistinctRows(k: k, distinct: distinct, rows: n)) }
        }
        if configuration.linkage.needsDistanceMatrix {
            let needed = Self.estimatedMemory(rows: n, columns: points.columns, linkage: configuration.linkage)
            if let budget = configuration.maxMemoryBytes, needed > budget {
                throw ParameterError("max-memory",
                    "\(configuration.linkage.rawValue) linkage on \(n) rows needs the condensed distance matrix, about "
                    + "\(MemoryBudget.describe(needed)), more than the \(MemoryBudget.describe(budget)) allowed "
                    + "(\(parameter: "max-memory"), default: available memory); use \(parameter: "linkage") ward or single (memory grows linearly "
                    + "with the rows), sample the rows, try \(parameter: "algorithm") birch or kmeans, or raise \(parameter: "max-memory")")
            }
        }
        let slotMerges: [(a: Int, b: Int, distance: Double)]
        switch configuration.linkage {
        case .ward: slotMerges = Self.wardLinkage(points, threads: configuration.threads)
        case .complete, .average: slotMerges = Self.matrixChain(points, linkage: configuration.linkage, threads: configuration.threads)
        case .single: slotMerges = Self.minimumSpanningTree(points, threads: configuration.threads)
        }
        let tree = LinkageMatrix(pointCount: n, slotMerges: slotMerges)
        let k: Int
        switch configuration.cut {
        case .clusterCount(let count): k = count
        case .distanceThreshold(let threshold): k = tree.clusterCount(distanceThreshold: threshold)
        }
        let rawLabels = tree.labels(clusterCount: k)
        let centers = Clustering.segmentMeans(points, rawLabels: rawLabels, count: k)
        let cutHeight = n - k > 0 ? tree.merges[n - k - 1].distance : 0
        let clustering = Clustering(rawLabels: rawLabels, centers: centers, objective: ("cut height", cutHeight))
        return Result(clustering: clustering, linkage: tree)
    }
}
