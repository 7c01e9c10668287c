import SegmentBase

extension KMeans {
    /// How the starting centres are chosen.
    public enum Initialization: Sendable, Equatable {
        /// Greedy k-means++: each new centre is the best of `2 + ⌊ln k⌋`
        /// candidates sampled proportionally to the squared distance to the
        /// nearest chosen centre (scikit-learn's `init="k-means++"`).
        case kMeansPlusPlus
        /// k distinct rows chosen uniformly at random.
        case random
        /// Explicit starting centres (one row per centre); runs once.
        case centers(Matrix)

        /// Whether every restart would start from the same centres.
        var isDeterministic: Bool {
            if case .centers = self { return true }
            return false
        }
    }

    /// Which exact algorithm runs the iterations. Both give identical results.
    public enum Method: String, Sendable, CaseIterable {
        /// Plain Lloyd: every point against every centre, every iteration.
        case lloyd
        /// Hamerly's bounds skip most distance computations.
        case hamerly
        /// Hamerly when k ≥ 3, else Lloyd.
        case auto

        /// Whether this method keeps Hamerly bounds for `clusterCount` centres.
        public func usesBounds(clusterCount: Int) -> Bool {
            switch self {
            case .lloyd: return false
            case .hamerly: return clusterCount > 1
            case .auto: return clusterCount >= 3
            }
        }
    }

    /// The parameters of a k-means fit, with scikit-learn's defaults.
    public struct Configuration: Sendable {
        /// Number of clusters k.
        public var clusterCount: Int
        /// Seeding. Default: k-means++.
        public var initialization: Initialization = .kMeansPlusPlus
        /// Independent restarts; the lowest inertia wins. Default 10.
        public var restarts = 10
        /// Iteration limit per restart. Default 300.
        public var maximumIterations = 300
        /// Stopping tolerance relative to the mean feature variance. Default 1e-4.
        public var tolerance = 1e-4
        /// The exact variant used. Default `.auto`.
        public var method: Method = .auto
        /// Random seed for seeding. Default 0.
        public var seed: UInt64 = 0
        /// Worker threads. Default: all cores.
        public var threads = availableCores

        /// Creates a configuration for `clusterCount` clusters with defaults.
        public init(clusterCount: Int) {
            self.clusterCount = clusterCount
        }

        /// Checks the parameters against `data`: k must not exceed the number
        /// of distinct rows (scikit-learn only warns and returns fewer clusters).
        func validate(for data: Matrix) throws {
            if case .centers(let centers) = initialization {
                guard centers.columns == data.columns else {
                    throw ParameterError("init", "the starting centres have \(centers.columns) features but the data has \(data.columns)")
                }
                guard centers.rows == clusterCount else {
                    throw ParameterError("init", "there are \(centers.rows) starting centres but k=\(clusterCount)")
                }
                guard centers.storage.allSatisfy(\.isFinite) else {
                    throw ParameterError("init", "the starting centres contain a value that is not a finite number")
                }
            }
            guard clusterCount >= 1 else {
                throw ParameterError("k", "k=\(clusterCount) should be at least 1")
            }
            guard data.rows >= clusterCount else {
                throw ParameterError("k", "k=\(clusterCount) but the input has only \(data.rows) row\(data.rows == 1 ? "" : "s"); choose k ≤ \(data.rows)")
            }
            let distinct = data.distinctRowCount(limit: clusterCount)
            guard distinct >= clusterCount else {
                throw ParameterError("k", KMeans.tooFewDistinctRows(k: clusterCount, distinct: distinct, rows: data.rows))
            }
            guard restarts >= 1, maximumIterations >= 1, tolerance >= 0 else {
                let parameter = restarts < 1 ? "n-init" : maximumIterations < 1 ? "max-iter" : "tol"
                throw ParameterError(parameter, "restarts and iterations must be at least 1 and the tolerance non-negative")
            }
        }
    }

    /// The message for k larger than the number of distinct feature rows.
    public static func tooFewDistinctRows(k: Int, distinct: Int, rows: Int) -> ParameterText {
        rows == 1
            ? "k=\(k) but the input has only one row; segmenting needs at least k rows"
            : distinct == 1
            ? "k=\(k) but every row has the same feature values, so there is only one segment; choose k=1 or other \(parameter: "features")"
            : "k=\(k) but the features have only \(distinct) distinct rows; choose k ≤ \(distinct)"
    }

    /// The outcome of a k-means fit.
    public struct Result: Sendable {
        /// Final centres, one row per raw cluster label.
        public var centers: Matrix
        /// Raw label per row, `0..<k` (not yet renumbered by size).
        public var labels: [Int]
        /// Sum of squared distances from each row to its centre.
        public var inertia: Double
        /// Iterations run.
        public var iterations: Int
        /// Whether the run stopped before the iteration limit.
        public var converged: Bool

        /// The result as a `Clustering` (segments numbered by decreasing size).
        public var clustering: Clustering {
            Clustering(rawLabels: labels, centers: centers, objective: ("inertia", inertia))
        }
    }
}
