import SegmentBase

/// Fits a `FeaturePipeline` to a delimited file without loading it, in
/// memory bounded by the number of features and the sample sizes — the
/// front end of `cluster --algorithm minibatch-kmeans` on files larger than
/// memory. The result has the same shape as `FeaturePipeline.fit`, so a
/// saved model works with `segment assign` unchanged.
///
/// - Column types (and the id column) come from a prefix of the file loaded
///   as a `Table` (`prefixRows` rows); a later cell that does not fit its
///   column's type is reported with its line.
/// - When a column is categorical or missing values are filled, one pass
///   collects every category (at most `TypeInference.maximumCategories`)
///   and the fill values: the mean exactly, the median and the mode from a
///   uniform reservoir sample of `quantileSampleRows` values per column (an
///   approximation on files larger than the sample).
/// - One pass computes the scaler: `standard` from running means and
///   variances (Welford, "Note on a method for calculating corrected sums of
///   squares and products", Technometrics 4(3), 1962), `minmax` from running
///   extremes — both exact up to rounding — and `robust` from the quantiles
///   of a reservoir sample of `quantileSampleRows` rows (an approximation).
///   The same pass keeps a uniform sample of `sampleRows` encoded rows.
public enum StreamingFeatureFit {
    /// Rows of the prefix from which column types are inferred.
    public static let prefixRows = 100_000
    /// Rows sampled for the robust scaler and the median/mode fills.
    public static let quantileSampleRows = 100_000

    /// A pipeline fitted to a whole file, with what the passes learned.
    public struct Result: Sendable {
        /// The fitted pipeline.
        public var pipeline: FeaturePipeline
        /// Data records in the file.
        public var rowCount: Int
        /// Records with features (the others were dropped by `--missing drop`).
        public var featureRowCount: Int
        /// A uniform sample of at most `sampleRows` scaled feature rows.
        public var sample: Matrix
    }

    /// Fits the pipeline to `featureColumns` of `records` (a file read in passes).
    /// - Parameters:
    ///   - prefix: the file's first rows (`TableLoader.loadPrefix`), which fix
    ///     the column names and types.
    ///   - sampleRows: size of the scaled row sample returned.
    ///   - seed: seeds the reservoir samples.
    /// - Throws: as `FeaturePipeline.fit`, plus `SegmentError.invalidData` for
    ///   a later cell that does not fit its column, and
    ///   `SegmentError.invalidInput` when no row has features.
    /// - Complexity: one or two passes over the file; O((sampleRows +
    ///   quantileSampleRows) × features) memory.
    public static func fit(_ records: some RecordPasses, prefix: Table, featureColumns: [Int], missing: MissingPolicy,
                           scale: ScaleMethod, sampleRows: Int, seed: UInt64) throws -> Result {
        guard !featureColumns.isEmpty else {
            throw ParameterError("features", "no feature columns: the file has no numeric column besides the id; name the features with \(parameter: "features")")
        }
        var columns = try featureColumns.map { try FeaturePipeline.describeColumn($0, of: prefix, missing: missing, categories: .oneHot) }
        let needsValues = missing == .mean || missing == .median || missing == .mode
            || columns.contains { $0.encoding != .numeric }
        if needsValues {
            columns = try completeColumns(columns, records: records, inputColumns: featureColumns, missing: missing, seed: seed)
        }
        var pipeline = FeaturePipeline(columns: columns, missingPolicy: missing, scaler: Scaler(method: .none, center: [], scale: []))
        let width = pipeline.outputWidth
        pipeline.scaler = Scaler(method: .none, center: .init(repeating: 0, count: width), scale: .init(repeating: 1, count: width))

        let root = SplitMix64(seed: seed)
        var moments = RunningMoments(width: width)
        var quantileSample = ReservoirSample(capacity: scale == .robust ? quantileSampleRows : 0, width: max(1, width), rng: root.derived(stream: 1))
        var sample = ReservoirSample(capacity: sampleRows, width: max(1, width), rng: root.derived(stream: 2))
        var rowCount = 0
        try pipeline.forEachRow(in: records, inputColumns: featureColumns,
                                stage: "\(needsValues ? "pass 2" : "pass 1"): scaling") { _, row in
            rowCount += 1
            guard let row else { return true }
            moments.add(row.baseAddress!)
            if scale == .robust { quantileSample.offer(row.baseAddress!) }
            sample.offer(row.baseAddress!)
            return true
        }
        guard moments.count > 0 else {
            throw SegmentError.invalidInput("\(records.name): no row has all its feature values, so there is nothing to cluster")
        }
        var scaled: [Bool] = []
        for column in columns { scaled += [Bool](repeating: column.encoding == .numeric, count: column.encoding.width) }
        pipeline.scaler = try scaler(scale, moments: moments, quantileSample: quantileSample.matrix, scaled: scaled, names: pipeline.outputNames)
        var scaledSample = sample.matrix
        pipeline.scaler.transform(&scaledSample)
        return Result(pipeline: pipeline, rowCount: rowCount, featureRowCount: moments.count, sample: scaledSample)
    }

    /// The scaler of `method` from the streamed statistics.
    static func scaler(_ method: ScaleMethod, moments: RunningMoments, quantileSample: Matrix, scaled: [Bool], names: [String]) throws -> Scaler {
        if method == .robust { return try Scaler.fit(.robust, to: quantileSample, scaled: scaled, names: names) }
        var center = [Double](repeating: 0, count: moments.width)
        var scale = [Double](repeating: 1, count: moments.width)
        guard method != .none else { return Scaler(method: method, center: center, scale: scale) }
        for column in 0..<moments.width where scaled[column] {
            let c: Double, s: Double
            if method == .standard {
                let mean = moments.mean[column]
                c = mean
                s = Scaler.nonZero(moments.populationStandardDeviation(column), magnitude: abs(mean))
            } else {
                let low = moments.minimum[column], high = moments.maximum[column]
                c = low
                s = Scaler.nonZero(high - low, magnitude: max(abs(low), abs(high)))
            }
            guard c.isFinite, s.isFinite else { throw Scaler.overflow(method, column: names[column]) }
            center[column] = c
            scale[column] = s
        }
        return Scaler(method: method, center: center, scale: scale)
    }
}

/// Per-column running mean, variance (Welford) and extremes of a stream of rows.
struct RunningMoments {
    /// Values per row.
    let width: Int
    /// Rows added.
    private(set) var count = 0
    /// Running means.
    private(set) var mean: [Double]
    /// Running sums of squared deviations from the mean.
    private(set) var squaredDeviations: [Double]
    /// Smallest values.
    private(set) var minimum: [Double]
    /// Largest values.
    private(set) var maximum: [Double]

    /// Creates empty moments for rows of `width` values.
    init(width: Int) {
        self.width = width
        mean = [Double](repeating: 0, count: width)
        squaredDeviations = [Double](repeating: 0, count: width)
        minimum = [Double](repeating: .infinity, count: width)
        maximum = [Double](repeating: -.infinity, count: width)
    }

    /// Adds one row of `width` values.
    mutating func add(_ row: UnsafePointer<Double>) {
        count += 1
        let n = Double(count)
        for column in 0..<width {
            let value = row[column]
            let delta = value - mean[column]
            mean[column] += delta / n
            squaredDeviations[column] += delta * (value - mean[column])
            minimum[column] = min(minimum[column], value)
            maximum[column] = max(maximum[column], value)
        }
    }

    /// The population standard deviation of `column` (ddof 0, as `StandardScaler`).
    func populationStandardDeviation(_ column: Int) -> Double {
        count > 0 ? (squaredDeviations[column] / Double(count)).squareRoot() : 0
    }
}
