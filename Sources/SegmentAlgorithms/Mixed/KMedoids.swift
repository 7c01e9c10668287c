import SegmentBase

/// k-medoids clustering with FasterPAM (Schubert & Rousseeuw 2021): PAM's
/// BUILD (or random medoids) followed by eager swaps, each candidate's best
/// swap found in O(n) with the removal-loss bookkeeping of the paper, as the
/// `kmedoids` package's `fasterpam`.
///
/// Distances are computed when needed from the rows, never stored as an
/// n × n matrix: memory stays linear in the rows. Each candidate's O(n) scan
/// runs in fixed chunks of rows whose partial sums are added in chunk order,
/// so results do not depend on the thread count.
public enum KMedoids {
    /// How the first medoids are chosen (`--init`).
    public enum Initialization: String, Sendable, CaseIterable {
        /// PAM's greedy BUILD: the most central row, then each row that
        /// lowers the loss most (deterministic).
        case build
        /// k distinct rows drawn with the seed.
        case random
    }

    /// The settings of a fit.
    public struct Configuration: Sendable {
        /// Number of medoids.
        public var clusterCount: Int
        /// The distance between rows.
        public var metric: MixedMetric = .gower
        /// How the first medoids are chosen.
        public var initialization: Initialization = .build
        /// Passes over the candidates at most (the package's `max_iter`).
        public var maximumIterations = 100
        /// Seed of `Initialization.random`.
        public var seed: UInt64 = 0
        /// Cores used.
        public var threads = availableCores

        /// A configuration for `clusterCount` medoids.
        public init(clusterCount: Int) {
            self.clusterCount = clusterCount
        }
    }

    /// A fitted clustering.
    public struct Result: Sendable {
        /// The medoids' row indices, by raw label.
        public var medoids: [Int]
        /// Each row's raw label (its medoid's position in `medoids`).
        public var rawLabels: [Int]
        /// The sum of every row's distance to its medoid.
        public var loss: Double
        /// Passes over the candidates.
        public var iterations: Int
        /// Swaps performed.
        public var swaps: Int
        /// The distance used, with its fitted ranges.
        public var distance: MixedDistance
    }

    /// Rows per chunk of the parallel scans.
    static let chunkRows = 4096

    /// Fits `configuration.clusterCount` medoids to `rows`.
    /// - Throws: `ParameterError` about `k` when there are fewer rows than
    ///   medoids, and `SegmentError.invalidData` when two rows share no
    ///   present feature (Gower with missing values).
    public static func fit(_ rows: MixedRows, configuration: Configuration) throws -> Result {
        let k = configuration.clusterCount
        guard k >= 1, k <= rows.count else {
            throw ParameterError("k", "\(parameter: "k") \(k) needs at least \(k) rows; the input has \(rows.count)")
        }
        let distance = MixedDistance(metric: configuration.metric, fittedTo: rows)
        if rows.hasMissingValues { try checkComparable(rows) }
        return distance.withKernel(rows) { kernel in
            var search = SwapSearch(kernel: kernel, count: rows.count, threads: configuration.threads)
            var medoids: [Int]
            switch configuration.initialization {
            case .build: medoids = search.build(k)
            case .random: medoids = randomMedoids(k, of: rows.count, seed: configuration.seed)
            }
            let (loss, iterations, swaps) = search.fasterPAM(&medoids, maximumIterations: configuration.maximumIterations)
            return Result(medoids: medoids, rawLabels: search.nearest.map(Int.init), loss: loss, iterations: iterations,
                          swaps: swaps, distance: distance)
        }
    }

    /// k distinct rows, drawn by a partial Fisher–Yates shuffle.
    static func randomMedoids(_ k: Int, of count: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var indices = Array(0..<count)
        for position in 0..<k { indices.swapAt(position, Int.random(in: position..<count, using: &rng)) }
        return Array(indices[0..<k])
    }

    /// Refuses rows whose present features do not overlap (Gower would be
    /// undefined for the pair), checking each pair of presence patterns once.
    static func checkComparable(_ rows: MixedRows) throws {
        var patterns: [[Bool]: Int] = [:]
        for row in 0..<rows.count {
            let present = (0..<rows.numericWidth).map { !rows.numeric[row * rows.numericWidth + $0].isNaN }
                + (0..<rows.categoricalWidth).map { rows.codes[row * rows.categoricalWidth + $0] >= 0 }
            if patterns[present] == nil { patterns[present] = row }
        }
        let all = patterns.sorted { $0.value < $1.value }
        for (index, first) in all.enumerated() {
            for second in all[index...] where !zip(first.key, second.key).contains(where: { $0 && $1 }) {
                throw SegmentError.invalidInput("data rows \(first.value + 1) and \(second.value + 1) have no feature present in both, so their Gower distance is undefined (as cluster::daisy's NA); fill the missing values or use \(parameter: "missing") drop")
            }
        }
    }
}
