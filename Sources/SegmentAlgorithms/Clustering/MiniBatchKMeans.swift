import SegmentBase

/// Mini-batch k-means (Sculley, "Web-scale k-means clustering", WWW 2010)
/// with the update, low-count reassignment and early stopping of
/// scikit-learn's `MiniBatchKMeans` (≥ 1.0).
///
/// The state is O(k × d): centres and per-centre counts. Each `step(_:)`
/// takes one batch: every row goes to its nearest centre, and each centre
/// that received `n_b` rows with sum `s` becomes the mean of everything it
/// has seen, `c ← (c × count + s) / (count + n_b)` (learning rate
/// `1 / count`). Every `10 × k` rows, or while a centre has count 0, centres
/// whose count is below `reassignmentRatio ×` the largest count move to
/// random rows of the batch. The run stops when an exponentially weighted
/// average of the batch inertia has not improved for `maximumNoImprovement`
/// batches, when the centre change is at most `tolerance` (off by default), or after
/// `⌊maximumEpochs × n / batchSize⌋` batches.
///
/// Batches come from the caller in any order: `fit(_:...)` in
/// `MiniBatchKMeans+Stream.swift` streams a file in file order.
public struct MiniBatchKMeans: Sendable {
    /// The hyper-parameters.
    public let configuration: Configuration
    /// Rows with features in the whole data (`n`), which sets the
    /// smoothing of the batch inertia and the step limit.
    public let rowCount: Int
    /// Rows per batch.
    public let batchSize: Int
    /// The absolute centre-change tolerance (0: off).
    public let tolerance: Double
    /// The current centres (k × d, scaled feature space).
    public internal(set) var centers: Matrix
    /// Rows each centre has absorbed (reset on reassignment, as scikit-learn).
    public internal(set) var counts: [Double]
    /// Batches processed.
    public internal(set) var steps = 0
    /// Whether a stopping rule (not the step limit) ended the run.
    public internal(set) var converged = false

    var rng: SplitMix64
    var panel: CenterPanel
    var distances: [Double]
    var batchLabels: [Int]
    var previousCenters: [Double]
    var batchCounts: [Int]
    var smoothedInertia: Double?
    var smoothedInertiaMinimum: Double?
    var stepsWithoutImprovement = 0
    var rowsSinceReassignment = 0

    /// Starts from the best of `configuration.restarts` k-means++ seedings
    /// of `sample` (a uniform sample of about `initializationSize` rows),
    /// judged by the inertia on the sample, as scikit-learn's `n_init`
    /// seedings judged on a validation sample.
    /// - Parameter rowCount: rows with features in the whole data.
    /// - Throws: `ParameterError` for k or sizes out of range.
    public init(configuration: Configuration, sample: Matrix, rowCount: Int) throws {
        try configuration.validate(rowCount: rowCount)
        guard sample.rows >= configuration.clusterCount else {
            throw ParameterError("k", "the seeding sample has \(sample.rows) rows, fewer than \(parameter: "k") \(configuration.clusterCount); lower \(parameter: "k")")
        }
        let root = SplitMix64(seed: configuration.seed)
        var best: (centers: Matrix, inertia: Double)?
        for restart in 0..<max(1, configuration.restarts) {
            var rng = root.derived(stream: UInt64(restart))
            let centers = KMeans.kMeansPlusPlusCenters(sample, count: configuration.clusterCount, threads: configuration.threads, using: &rng)
            let inertia = Self.inertia(of: sample, centers: centers)
            if best == nil || inertia < best!.inertia { best = (centers, inertia) }
        }
        self.init(configuration: configuration, centers: best!.centers, rowCount: rowCount,
                  rng: root.derived(stream: UInt64(max(1, configuration.restarts))),
                  tolerance: configuration.tolerance * KMeans.meanFeatureVariance(sample))
    }

    /// Starts from given centres (k × d) with an absolute `tolerance`.
    init(configuration: Configuration, centers: Matrix, rowCount: Int, rng: SplitMix64, tolerance: Double = 0) {
        self.configuration = configuration
        self.tolerance = tolerance
        self.rowCount = rowCount
        batchSize = configuration.effectiveBatchSize(rowCount: rowCount)
        self.centers = centers
        counts = [Double](repeating: 0, count: centers.rows)
        self.rng = rng
        panel = CenterPanel(centers)
        distances = [Double](repeating: 0, count: panel.paddedCount)
        batchLabels = [Int](repeating: 0, count: batchSize)
        previousCenters = [Double](repeating: 0, count: tolerance > 0 ? centers.rows * centers.columns : 0)
        batchCounts = [Int](repeating: 0, count: centers.rows)
    }

    /// Batches after which the run stops in any case: `⌊maximumEpochs × n / batchSize⌋`.
    public var stepLimit: Int { max(1, configuration.maximumEpochs * rowCount / batchSize) }

    /// Passes over the data the batches amount to (scikit-learn's `n_iter_`).
    public var epochs: Int { (steps * batchSize + rowCount - 1) / rowCount }

    /// The summed squared distance from each row of `data` to its nearest centre.
    static func inertia(of data: Matrix, centers: Matrix) -> Double {
        let panel = CenterPanel(centers)
        var distances = [Double](repeating: 0, count: panel.paddedCount)
        var total = 0.0
        data.storage.withUnsafeBufferPointer { points in
            panel.values.withUnsafeBufferPointer { values in
                distances.withUnsafeMutableBufferPointer { distances in
                    for row in 0..<data.rows {
                        NearestCenterKernel.squaredDistances(from: points.baseAddress! + row * data.columns, panel: values.baseAddress!,
                                                             dimensions: data.columns, paddedCount: panel.paddedCount, into: distances.baseAddress!)
                        total += NearestCenterKernel.nearest(distances.baseAddress!, paddedCount: panel.paddedCount).distance
                    }
                }
            }
        }
        return total
    }
}
