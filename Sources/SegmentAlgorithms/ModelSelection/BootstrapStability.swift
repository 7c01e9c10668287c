import SegmentBase

/// How well each segment of a k-means clustering comes back on resampled
/// data: the bootstrap of Hennig ("Cluster-wise assessment of cluster
/// stability", CSDA 52, 2007) as R's `fpc::clusterboot(bootmethod = "boot")`.
///
/// Each resample draws n rows with replacement and keeps the distinct ones
/// (clusterboot's default, `multipleboot = FALSE`), reclusters them with the
/// same k-means settings, and scores every original segment by its best
/// Jaccard similarity, over the resample's rows, with a new cluster
/// (0 when none of its rows was drawn). A segment's stability is the mean
/// over the resamples. Hennig's reading: below 0.6 the segment dissolves,
/// 0.6–0.75 it is a pattern, above 0.75 stable, above 0.85 highly stable.
///
/// Resample b draws from its own stream of the seed and is clustered on one
/// thread, so the values are the same for any thread count.
public struct BootstrapStability: Sendable, Equatable {
    /// The mean Jaccard similarity of each segment (indexed by label).
    public var segmentMeans: [Double]
    /// The number of resamples.
    public var resamples: Int

    /// The mean of the segments' stabilities.
    public var overall: Double { segmentMeans.reduce(0, +) / Double(max(1, segmentMeans.count)) }

    /// Scores the segments `labels` (0..<k, −1 for rows without a segment,
    /// which are resampled but score nothing) of `data` over `resamples`
    /// bootstrap resamples reclustered with `configuration` (its
    /// `clusterCount` replaced by k).
    /// - Throws: `ParameterError` about `stability-b` when `resamples` < 1,
    ///   and the errors of the k-means fits.
    /// - Complexity: `resamples` k-means fits on about 0.63 n rows.
    public init(_ data: Matrix, labels: [Int], resamples: Int, configuration: KMeans.Configuration) throws {
        guard resamples >= 1 else {
            throw ParameterError("stability-b", "\(parameter: "stability-b") must be at least 1, got \(resamples)")
        }
        let k = (labels.max() ?? -1) + 1
        let n = data.rows
        let generator = SplitMix64(seed: configuration.seed)
        let perResample = try ParallelChunks(count: resamples, chunkSize: 1, threads: configuration.threads)
            .tryMapChunks { resample, _ in
                var random = generator.derived(stream: UInt64(resample))
                var drawn = [Bool](repeating: false, count: n)
                for _ in 0..<n { drawn[Int(random.next() % UInt64(n))] = true }
                let rows = drawn.indices.filter { drawn[$0] }
                var settings = configuration
                settings.clusterCount = min(k, rows.count)
                settings.threads = 1
                settings.seed = random.next()
                let refit = try KMeans.fit(data.selectingRows(rows), configuration: settings)
                return Self.bestJaccard(original: rows.map { labels[$0] }, refit: refit.labels, segments: k,
                                        clusters: settings.clusterCount)
            }
        segmentMeans = (0..<k).map { segment in perResample.reduce(0) { $0 + $1[segment] } / Double(resamples) }
        self.resamples = resamples
    }

    /// For each original segment, the largest Jaccard similarity with a
    /// refitted cluster over the resampled rows (`original[i]` and
    /// `refit[i]` label resampled row i): |A ∩ B| / |A ∪ B|, 0 when the
    /// segment has no resampled row.
    static func bestJaccard(original: [Int], refit: [Int], segments: Int, clusters: Int) -> [Double] {
        var together = [Int](repeating: 0, count: segments * clusters)
        var segmentSizes = [Int](repeating: 0, count: segments), clusterSizes = [Int](repeating: 0, count: clusters)
        for (segment, cluster) in zip(original, refit) {
            clusterSizes[cluster] += 1
            guard segment >= 0 else { continue }
            segmentSizes[segment] += 1
            together[segment * clusters + cluster] += 1
        }
        return (0..<segments).map { segment in
            (0..<clusters).reduce(0.0) { best, cluster in
                let shared = together[segment * clusters + cluster]
                let union = segmentSizes[segment] + clusterSizes[cluster] - shared
                return union == 0 ? best : max(best, Double(shared) / Double(union))
            }
        }
    }
}
