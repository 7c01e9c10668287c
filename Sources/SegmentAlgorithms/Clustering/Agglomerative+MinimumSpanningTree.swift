import SegmentBase

/// Single linkage through Prim's minimum spanning tree (Müllner 2011,
/// section 3.3), computing distances from the points on the fly so memory
/// stays `O(n·d)`. The scan order and tie rules follow SciPy's
/// `_hierarchy.mst_single_linkage`.
extension Agglomerative {
    /// Unmerged points per chunk when a Prim step is split over threads.
    private static let primChunkSize = 4096

    /// The `n − 1` tree edges in the order Prim's algorithm adds them, as slot merges.
    static func minimumSpanningTree(_ points: Matrix, threads: Int) -> [(a: Int, b: Int, distance: Double)] {
        let n = points.rows, d = points.columns
        var merges: [(a: Int, b: Int, distance: Double)] = []
        merges.reserveCapacity(max(0, n - 1))
        // `remaining` holds the points not yet in the tree, in index order;
        // `reach[p]` is the squared distance from the tree to `remaining[p]`.
        var remaining = Array(1..<max(1, n))
        var reach = [Double](repeating: .infinity, count: remaining.count)
        var x = 0
        points.storage.withUnsafeBufferPointer { source in
            for _ in 0..<max(0, n - 1) {
                let nearest = remaining.withUnsafeBufferPointer { remainingBuffer in
                    reach.withUnsafeMutableBufferPointer { reachBuffer in
                        // Each chunk updates only its own positions of `reach`.
                        let shared = UncheckedSendable((source.baseAddress!, remainingBuffer, reachBuffer))
                        let tree = x
                        return firstMinimum(count: remainingBuffer.count, threads: threads, parallelAbove: 2 * primChunkSize,
                                            chunkSize: primChunkSize) { range in
                            let (points, remaining, reach) = shared.value
                            let from = points + tree * d
                            var best = Double.infinity, bestPosition = -1
                            for position in range {
                                let value = DistanceKernels.squaredEuclidean(from, points + remaining[position] * d, count: d)
                                if value < reach[position] { reach[position] = value }
                                if reach[position] < best {
                                    best = reach[position]
                                    bestPosition = position
                                }
                            }
                            return (best, bestPosition)
                        }
                    }
                }
                let y = remaining[nearest.slot]
                merges.append((x, y, nearest.value.squareRoot()))
                remaining.remove(at: nearest.slot)
                reach.remove(at: nearest.slot)
                x = y
            }
        }
        return merges
    }
}
