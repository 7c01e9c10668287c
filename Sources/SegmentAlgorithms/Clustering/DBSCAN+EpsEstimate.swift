import SegmentBase

/// Choosing `eps` from the data: the knee of the sorted k-distance curve
/// (Ester et al. 1996, section 4.2; knee as in Satopää et al., "Finding a
/// 'Kneedle' in a haystack", 2011).
extension DBSCAN {
    /// The distance from every point to its `k`-th nearest neighbour (itself
    /// included, so a point is core exactly when this is `≤ eps` for `k = minSamples`),
    /// sorted ascending.
    static func sortedKDistances(tree: KDTree, k: Int, metric: DistanceMetric, threads: Int) -> [Double] {
        let n = tree.count, d = tree.dimension
        var distances = [Double](repeating: 0, count: n)
        tree.points.withUnsafeBufferPointer { pointBuffer in
            tree.bounds.withUnsafeBufferPointer { boundBuffer in
                distances.withUnsafeMutableBufferPointer { output in
                    // Each chunk writes only its own positions.
                    let shared = UncheckedSendable((pointBuffer.baseAddress!, boundBuffer.baseAddress!, output))
                    ParallelChunks(count: n, chunkSize: chunkSize, threads: threads).forEachChunk { _, range in
                        let (points, bounds, output) = shared.value
                        var stack: [Int] = [], nearest = [Double](repeating: 0, count: k)
                        for position in range {
                            let reduced = tree.kthNearestDistance(k, of: points + position * d, metric: metric,
                                                                  points: points, bounds: bounds, stack: &stack, nearest: &nearest)
                            output[position] = metric == .euclidean ? reduced.squareRoot() : reduced
                        }
                    }
                }
            }
        }
        distances.sort()
        return distances
    }

    /// The knee of an ascending curve: the point farthest below the chord
    /// joining its ends, after scaling both axes to `0...1`.
    static func knee(ofAscending values: [Double]) -> Double {
        guard let first = values.first, let last = values.last, values.count > 2, last > first else {
            return values.last ?? 0
        }
        var best = -Double.infinity, bestValue = values[0]
        let span = last - first, steps = Double(values.count - 1)
        for (index, value) in values.enumerated() {
            let gap = Double(index) / steps - (value - first) / span
            if gap > best {
                best = gap
                bestValue = value
            }
        }
        return bestValue
    }

    /// `eps` for `.automatic`: the knee of the sorted `k`-distance curve.
    /// Falls back to the largest positive k-distance when the knee is 0 (duplicates).
    static func estimateEps(tree: KDTree, k: Int, metric: DistanceMetric, threads: Int) -> Double {
        let distances = sortedKDistances(tree: tree, k: k, metric: metric, threads: threads)
        let knee = knee(ofAscending: distances)
        if knee > 0 { return knee }
        return distances.last { $0 > 0 } ?? 1
    }
}
