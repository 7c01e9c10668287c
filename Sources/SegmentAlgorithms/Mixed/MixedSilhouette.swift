import SegmentBase

/// The mean silhouette of a clustering of mixed rows under a `MixedDistance`
/// (Gower for k-medoids, k-prototypes' own dissimilarity for k-prototypes),
/// exact on up to `maximumRows` rows and on a seeded sample beyond.
public enum MixedSilhouette {
    /// The mean silhouette, as scikit-learn's `silhouette_score` with
    /// precomputed distances (singletons score 0); `nil` unless
    /// 2 ≤ segments < rows. Noise rows (−1) are left out.
    public static func sampledScore(_ rows: MixedRows, labels: [Int], distance: MixedDistance, maximumRows: Int, seed: UInt64,
                                    threads: Int = availableCores) -> Double? {
        let kept = labels.indices.filter { labels[$0] >= 0 }
        let chosen = Silhouette.sampleRows(count: kept.count, maximumRows: maximumRows, seed: seed).map { kept[$0] }
        let sample = rows.selectingRows(chosen), sampleLabels = chosen.map { labels[$0] }
        let k = (sampleLabels.max() ?? -1) + 1
        var sizes = [Int](repeating: 0, count: k)
        for label in sampleLabels { sizes[label] += 1 }
        guard sizes.filter({ $0 > 0 }).count >= 2, sizes.filter({ $0 > 0 }).count < sample.count else { return nil }
        let sizesOfSegments = sizes
        let parts = distance.withKernel(sample) { kernel in
            ParallelChunks(count: sample.count, chunkSize: 256, threads: threads).mapChunks { _, range -> Double in
                var total = 0.0
                var sums = [Double](repeating: 0, count: k)
                for row in range {
                    for segment in 0..<k { sums[segment] = 0 }
                    for other in 0..<sample.count where other != row { sums[sampleLabels[other]] += kernel.distance(row, other) }
                    let own = sampleLabels[row]
                    guard sizesOfSegments[own] > 1 else { continue }
                    let a = sums[own] / Double(sizesOfSegments[own] - 1)
                    var b = Double.infinity
                    for segment in 0..<k where segment != own && sizesOfSegments[segment] > 0 {
                        b = min(b, sums[segment] / Double(sizesOfSegments[segment]))
                    }
                    let larger = max(a, b)
                    total += larger > 0 ? (b - a) / larger : 0
                }
                return total
            }
        }
        return parts.reduce(0, +) / Double(sample.count)
    }
}
