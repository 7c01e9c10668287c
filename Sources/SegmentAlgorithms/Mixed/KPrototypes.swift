import Foundation
import SegmentBase

/// k-prototypes clustering of mixed numeric and categorical rows (Huang
/// 1998), as the `kmodes` package's `KPrototypes`: the cost of a row in a
/// segment is the squared Euclidean distance of its numeric features to the
/// segment's means plus `gamma` times the number of its categories that
/// differ from the segment's modes.
///
/// Each run follows Huang's algorithm as `kmodes` does: an initial
/// assignment, then passes in row order that move one row at a time and
/// update the two segments' means and modes at once, until a pass moves
/// nothing or stops lowering the cost. Restarts run in parallel, each with
/// its own seeded stream, and the cost of every pass is summed in fixed
/// chunks, so results do not depend on the thread count.
public enum KPrototypes {
    /// How a run's first prototypes are chosen.
    public enum Initialization: Sendable, Equatable {
        /// Cao, Liang & Bai (2009): modes by density and distance
        /// (deterministic); numeric means drawn as `kmodes` does.
        case cao
        /// Huang (1998): modes drawn by category frequency, each moved to
        /// the nearest row; numeric means drawn as `kmodes` does.
        case huang
        /// Given prototypes: `numeric` is row-major `k × numericWidth`,
        /// `modes` row-major `k × categoricalWidth` (one run).
        case prototypes(numeric: [Double], modes: [Int32])
    }

    /// The settings of a fit.
    public struct Configuration: Sendable {
        /// Number of segments.
        public var clusterCount: Int
        /// Weight of one mismatched category; `nil`: `defaultGamma(for:)`.
        public var gamma: Double?
        /// How each run starts.
        public var initialization = Initialization.cao
        /// Seeded runs; the lowest cost wins (the package's `n_init`).
        public var restarts = 10
        /// Passes per run at most (the package's `max_iter`).
        public var maximumIterations = 100
        /// Seed of the runs' random streams.
        public var seed: UInt64 = 0
        /// Cores used.
        public var threads = availableCores

        /// A configuration for `clusterCount` segments.
        public init(clusterCount: Int) {
            self.clusterCount = clusterCount
        }
    }

    /// A fitted clustering.
    public struct Result: Sendable {
        /// Each row's raw label: the nearest prototype.
        public var rawLabels: [Int]
        /// Row-major `k × numericWidth` prototype means.
        public var numericCenters: [Double]
        /// Row-major `k × categoricalWidth` prototype modes.
        public var modes: [Int32]
        /// Σ over rows of the cost to the nearest prototype.
        public var cost: Double
        /// The weight of a mismatched category used.
        public var gamma: Double
        /// Passes in the winning run.
        public var iterations: Int
        /// Whether the winning run stopped before the iteration limit.
        public var converged: Bool
        /// The restart that won (0-based).
        public var bestRestart: Int
    }

    /// The `kmodes` default weight: half the mean population standard
    /// deviation of the numeric features.
    public static func defaultGamma(for rows: MixedRows) -> Double {
        guard rows.numericWidth > 0, rows.count > 0 else { return 1 }
        var total = 0.0
        for feature in 0..<rows.numericWidth {
            let values = (0..<rows.count).map { rows.numeric[$0 * rows.numericWidth + feature] }
            total += Statistics.standardDeviation(values, mean: Statistics.mean(values), ddof: 0)
        }
        return 0.5 * total / Double(rows.numericWidth)
    }

    /// Fits `configuration.clusterCount` prototypes to `rows`.
    /// - Throws: `ParameterError` about `k` when there are fewer distinct
    ///   rows than segments, `SegmentError` when a run cannot start without
    ///   an empty segment.
    public static func fit(_ rows: MixedRows, configuration: Configuration) throws -> Result {
        let k = configuration.clusterCount
        guard k >= 1, k <= rows.count else {
            throw ParameterError("k", "\(parameter: "k") \(k) needs at least \(k) rows; the input has \(rows.count)")
        }
        let gamma = configuration.gamma ?? defaultGamma(for: rows)
        var restarts = configuration.restarts
        if case .prototypes = configuration.initialization { restarts = 1 }
        let root = SplitMix64(seed: configuration.seed)
        let runThreads = restarts > 1 ? 1 : configuration.threads
        let outcomes = try ParallelChunks(count: restarts, chunkSize: 1, threads: configuration.threads).tryMapChunks { restart, _ in
            var run = Run(rows: rows, k: k, gamma: gamma, threads: runThreads, random: root.derived(stream: UInt64(restart)))
            return try run.fit(configuration.initialization, maximumIterations: configuration.maximumIterations)
        }
        var best = 0
        for restart in 1..<outcomes.count where outcomes[restart].cost < outcomes[best].cost { best = restart }
        var result = outcomes[best]
        result.bestRestart = best
        return result
    }
}
