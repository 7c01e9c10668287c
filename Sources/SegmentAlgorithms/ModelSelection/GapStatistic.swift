import Foundation
import SegmentBase

/// The gap statistic (Tibshirani, Walther & Hastie, "Estimating the number of
/// clusters in a data set via the gap statistic", JRSS B 63, 2001), with the
/// conventions of R's `cluster::clusGap(d.power = 2, spaceH0 = "scaledPCA")`.
///
/// For each k, `logW` is the log of the pooled within-cluster sum of squares
/// of the k-means fit (its inertia). `B` reference sets are drawn uniformly in
/// the box that the data span along their principal axes (the centred data
/// rotated by the right singular vectors, the box's ranges taken there, and
/// each uniform draw rotated back), and clustered the same way. Then
/// `gap(k) = mean_b log W*_b(k) − log W(k)` and `se(k) = sqrt(1 + 1/B) ·
/// sd_b log W*_b(k)` (sd with n − 1).
///
/// Reference set b draws from its own stream of the seed, and each is
/// clustered on one thread, so the values are the same for any thread count.
public struct GapStatistic: Sendable {
    /// The gap of one k.
    public struct Value: Sendable, Equatable {
        /// The number of clusters.
        public var k: Int
        /// log W(k) of the data.
        public var logW: Double
        /// The mean of log W*(k) over the reference sets.
        public var expectedLogW: Double
        /// `expectedLogW − logW`.
        public var gap: Double
        /// The simulation standard error with the sqrt(1 + 1/B) factor.
        public var standardError: Double
    }

    /// How the gap curve chooses k (`cluster::maxSE`'s methods).
    public enum Rule: String, Sendable, CaseIterable {
        /// The smallest k whose gap is within one standard error of the first local maximum (clusGap's default).
        case firstSEmax
        /// The smallest k with gap(k) ≥ gap(k+1) − se(k+1) (Tibshirani et al. 2001).
        case tibs2001SEmax = "Tibs2001SEmax"
        /// The smallest k whose gap is within one standard error of the global maximum.
        case globalSEmax
        /// The first local maximum.
        case firstmax
        /// The global maximum.
        case globalmax
    }

    /// One value per k, in increasing k.
    public var values: [Value]
    /// The number of reference sets.
    public var referenceSets: Int

    /// Computes the gap for every k of `logW` (k → log W(k) of the data, from
    /// the fits already made), clustering `referenceSets` uniform reference
    /// sets with `configuration` (its `clusterCount` replaced per k).
    /// - Throws: `ParameterError` about `gap-b` when `referenceSets` < 1, and
    ///   the errors of the k-means fits.
    /// - Complexity: `referenceSets` × (k-means fits of the range) on n × d data.
    public init(_ data: Matrix, logW: [(k: Int, logW: Double)], referenceSets: Int,
                configuration: KMeans.Configuration) throws {
        guard referenceSets >= 1 else {
            throw ParameterError("gap-b", "\(parameter: "gap-b") must be at least 1, got \(referenceSets)")
        }
        let box = ReferenceBox(data)
        let shared = UncheckedSendable(box)
        let generator = SplitMix64(seed: configuration.seed)
        let ks = logW.map(\.k)
        let logWStar = try ParallelChunks(count: referenceSets, chunkSize: 1, threads: configuration.threads)
            .tryMapChunks { set, _ in
                var random = generator.derived(stream: UInt64(set))
                let reference = shared.value.uniformSample(rows: data.rows, random: &random)
                var settings = configuration
                settings.threads = 1
                settings.seed = random.next()
                return try ks.map { k in
                    settings.clusterCount = k
                    return Self.logWithinSumOfSquares(try KMeans.fit(reference, configuration: settings).inertia)
                }
            }
        let factor = (1 + 1 / Double(referenceSets)).squareRoot()
        values = logW.enumerated().map { index, observed in
            let draws = logWStar.map { $0[index] }
            let mean = draws.reduce(0, +) / Double(draws.count)
            let variance = draws.count > 1 ? draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1) : 0
            return Value(k: observed.k, logW: observed.logW, expectedLogW: mean, gap: mean - observed.logW,
                         standardError: factor * variance.squareRoot())
        }
        self.referenceSets = referenceSets
    }

    /// log W for a within-cluster sum of squares, with W = 0 (as many
    /// distinct rows as clusters) kept finite at the log of the smallest
    /// positive double.
    public static func logWithinSumOfSquares(_ inertia: Double) -> Double {
        Foundation.log(max(inertia, .leastNonzeroMagnitude))
    }

    /// The k that `rule` chooses (`cluster::maxSE` with SE.factor 1).
    public func choice(by rule: Rule) -> Int {
        let gaps = values.map(\.gap), errors = values.map(\.standardError)
        let count = gaps.count
        // The first index whose gap is at least the next one's (a local maximum), else the last.
        let firstMaximum = (0..<(count - 1)).first { gaps[$0 + 1] - gaps[$0] <= 0 } ?? count - 1
        let globalMaximum = gaps.indices.max { gaps[$0] < gaps[$1] || (gaps[$0] == gaps[$1] && $0 > $1) }!
        func withinOneError(of peak: Int) -> Int {
            (0..<peak).first { gaps[$0] >= gaps[peak] - errors[peak] } ?? peak
        }
        let index: Int
        switch rule {
        case .firstmax: index = firstMaximum
        case .globalmax: index = globalMaximum
        case .firstSEmax: index = withinOneError(of: firstMaximum)
        case .globalSEmax: index = withinOneError(of: globalMaximum)
        case .tibs2001SEmax: index = (0..<(count - 1)).first { gaps[$0] >= gaps[$0 + 1] - errors[$0 + 1] } ?? count - 1
        }
        return values[index].k
    }
}

/// The box that data span along their principal axes, and uniform draws in it.
struct ReferenceBox: Sendable {
    /// The column means.
    let mean: [Double]
    /// The principal axes as columns (`d × d`): the eigenvectors of the
    /// centred cross-product matrix, which are the right singular vectors of the centred data.
    let axes: Matrix
    /// The smallest and largest coordinate of the rotated data on each axis.
    let lower: [Double], upper: [Double]

    /// The box of `data`.
    init(_ data: Matrix) {
        let n = data.rows, d = data.columns
        let (mean, crossProducts) = PCA.centredCrossProducts(data)
        let axes = SymmetricEigen(crossProducts).vectors
        var lower = [Double](repeating: .infinity, count: d), upper = [Double](repeating: -.infinity, count: d)
        for row in 0..<n {
            for axis in 0..<d {
                var coordinate = 0.0
                for feature in 0..<d { coordinate += (data[row, feature] - mean[feature]) * axes[feature, axis] }
                lower[axis] = min(lower[axis], coordinate)
                upper[axis] = max(upper[axis], coordinate)
            }
        }
        self.mean = mean
        self.axes = axes
        self.lower = lower
        self.upper = upper
    }

    /// `rows` points uniform in the box, rotated back to the data's coordinates.
    func uniformSample(rows: Int, random: inout SplitMix64) -> Matrix {
        let d = mean.count
        var result = Matrix(rows: rows, columns: d)
        var rotated = [Double](repeating: 0, count: d)
        for row in 0..<rows {
            for axis in 0..<d { rotated[axis] = lower[axis] + (upper[axis] - lower[axis]) * random.nextUnitDouble() }
            for feature in 0..<d {
                var value = mean[feature]
                for axis in 0..<d { value += rotated[axis] * axes[feature, axis] }
                result[row, feature] = value
            }
        }
        return result
    }
}
