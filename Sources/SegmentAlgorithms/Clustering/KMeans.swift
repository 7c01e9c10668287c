import SegmentBase

/// K-means clustering: Lloyd's algorithm (Lloyd, "Least squares quantization
/// in PCM", IEEE Trans. Inf. Theory 28(2), 1982) with k-means++ seeding
/// (Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding",
/// SODA 2007) and, optionally, Hamerly's exact acceleration (Hamerly,
/// "Making k-means even faster", SDM 2010).
///
/// The iteration follows scikit-learn's `KMeans(algorithm="lloyd")` step for
/// step, so a run started from the same centres gives the same partition:
/// each iteration assigns every point to its nearest centre and moves each
/// centre to the mean of its points; it stops when no label changed (strict
/// convergence) or when the summed squared centre shift is at most
/// `tolerance × mean feature variance`; after a non-strict stop one final
/// assignment makes the labels consistent with the centres. A centre that
/// loses all its points is moved to the point farthest from its own centre.
///
/// Work is split into fixed chunks of rows reduced in chunk order, so the
/// result is bit-identical for any thread count, and the Lloyd and Hamerly
/// methods give identical results.
public enum KMeans {
    /// Fits k-means to the rows of `data`.
    /// - Parameters:
    ///   - data: one row per point.
    ///   - configuration: k, seeding, restarts, stopping rule, method, seed, threads.
    /// - Returns: the restart with the lowest inertia (the first on a tie).
    /// - Throws: `ParameterError` when k is not between 1 and
    ///   the number of rows, or the starting centres do not fit the data.
    /// - Complexity: O(restarts × iterations × n × k × d) time for Lloyd,
    ///   usually far less for Hamerly; O(n + k × d) extra memory.
    public static func fit(_ data: Matrix, configuration: Configuration) throws -> Result {
        try configuration.validate(for: data)
        let tolerance = configuration.tolerance * meanFeatureVariance(data, threads: configuration.threads)
        let root = SplitMix64(seed: configuration.seed)
        let restarts = configuration.initialization.isDeterministic ? 1 : configuration.restarts
        let singles = SinglePrecisionRows(data, threads: configuration.threads)
        var best: Result?
        for restart in 0..<restarts {
            var rng = root.derived(stream: UInt64(restart))
            let start = initialCenters(data, configuration: configuration, using: &rng)
            var run = Run(data: data, centers: start, threads: configuration.threads, singles: singles)
            let result = run.iterate(maximumIterations: configuration.maximumIterations, tolerance: tolerance,
                                     accelerated: configuration.method.usesBounds(clusterCount: configuration.clusterCount))
            if best == nil || result.inertia < best!.inertia { best = result }
        }
        return best!
    }

    /// The starting centres of one restart.
    static func initialCenters(_ data: Matrix, configuration: Configuration, using rng: inout SplitMix64) -> Matrix {
        switch configuration.initialization {
        case .kMeansPlusPlus:
            return kMeansPlusPlusCenters(data, count: configuration.clusterCount, threads: configuration.threads, using: &rng)
        case .random:
            return randomCenters(data, count: configuration.clusterCount, using: &rng)
        case .centers(let centers):
            return centers
        }
    }

    /// The mean of the per-feature population variances, the unit of the
    /// stopping tolerance (as scikit-learn's `_tolerance`): two passes (means,
    /// then squared deviations), each summed over fixed blocks of rows in
    /// parallel and the block sums added in order, so the value does not
    /// depend on `threads`.
    static func meanFeatureVariance(_ data: Matrix, threads: Int = availableCores) -> Double {
        guard data.rows > 0, data.columns > 0 else { return 0 }
        let width = data.columns, rows = data.rows
        let chunks = ParallelChunks(count: rows, chunkSize: varianceBlockRows, threads: threads)
        return data.storage.withUnsafeBufferPointer { values in
            let shared = UncheckedSendable(values.baseAddress!)
            // Per-feature sums of `(value − center)^power` (power 1 or 2),
            // block sums added in block order.
            func columnSums(around center: [Double], power: Int) -> [Double] {
                let blocks = chunks.mapChunks { _, range in
                    [Double](unsafeUninitializedCapacity: width) { sums, initialized in
                        sums.initialize(repeating: 0)
                        center.withUnsafeBufferPointer { center in
                            for row in range {
                                let point = shared.value + row * width
                                for feature in 0..<width {
                                    let deviation = point[feature] - center[feature]
                                    sums[feature] += power == 1 ? deviation : deviation * deviation
                                }
                            }
                        }
                        initialized = width
                    }
                }
                var total = [Double](repeating: 0, count: width)
                for block in blocks { for feature in 0..<width { total[feature] += block[feature] } }
                return total
            }
            let means = columnSums(around: [Double](repeating: 0, count: width), power: 1).map { $0 / Double(rows) }
            let squares = columnSums(around: means, power: 2)
            return squares.reduce(0, +) / Double(rows) / Double(width)
        }
    }

    /// Rows per block of `meanFeatureVariance`'s sums.
    static let varianceBlockRows = 1 << 16
}
