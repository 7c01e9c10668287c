import SegmentBase

/// The three passes of DBSCAN over a k-d tree (tree positions throughout).
extension DBSCAN {
    /// Labels by tree position: raw cluster ids in the order of each
    /// cluster's lowest-index core row (scikit-learn's order), `−1` noise.
    static func label(tree: KDTree, eps: Double, minSamples: Int, metric: DistanceMetric, threads: Int)
        -> (label: [Int], isCore: [Bool])
    {
        let n = tree.count, d = tree.dimension
        let radius = KDTree.reduced(eps, metric)
        var isCore = [Bool](repeating: false, count: n)
        var label = [Int](repeating: -1, count: n)
        tree.points.withUnsafeBufferPointer { pointBuffer in
            tree.bounds.withUnsafeBufferPointer { boundBuffer in
                let points = pointBuffer.baseAddress!, bounds = boundBuffer.baseAddress!
                let chunks = ParallelChunks(count: n, chunkSize: chunkSize, threads: threads)

                // Pass 1: core points. Each chunk writes only its own positions.
                isCore.withUnsafeMutableBufferPointer { coreBuffer in
                    let shared = UncheckedSendable((points, bounds, coreBuffer))
                    chunks.forEachChunk { _, range in
                        let (points, bounds, isCore) = shared.value
                        var stack: [Int] = []
                        for position in range {
                            let found = tree.count(within: radius, of: points + position * d, metric: metric, limit: minSamples,
                                                   points: points, bounds: bounds, stack: &stack)
                            isCore[position] = found >= minSamples
                        }
                    }
                }

                // Pass 2: connected components of the core graph, each pair visited
                // once from its lower position. Components do not depend on the
                // order of the unions, so chunks run concurrently.
                let components = ConcurrentUnionFind(count: n)
                isCore.withUnsafeBufferPointer { coreBuffer in
                    let shared = UncheckedSendable((points, bounds, coreBuffer))
                    chunks.forEachChunk { _, range in
                        let (points, bounds, isCore) = shared.value
                        var stack: [Int] = [], neighbors: [Int] = []
                        for position in range where isCore[position] {
                            tree.neighbors(within: radius, of: points + position * d, metric: metric, minimumPosition: position + 1,
                                           points: points, bounds: bounds, stack: &stack, into: &neighbors)
                            for neighbor in neighbors where isCore[neighbor] { components.union(position, neighbor) }
                        }
                    }
                }

                // Number the components in order of their lowest-index core row.
                var clusterOfRoot = [Int](repeating: -1, count: n)
                var positionOfRow = [Int](repeating: 0, count: n)
                for (position, row) in tree.rowOfPosition.enumerated() { positionOfRow[row] = position }
                var clusters = 0
                for row in 0..<n {
                    let position = positionOfRow[row]
                    guard isCore[position] else { continue }
                    let root = components.find(position)
                    if clusterOfRoot[root] < 0 {
                        clusterOfRoot[root] = clusters
                        clusters += 1
                    }
                    label[position] = clusterOfRoot[root]
                }

                // Pass 3: a border point joins the lowest-numbered cluster among
                // its core neighbours — the first one scikit-learn's expansion
                // reaches. Each chunk writes only its own positions.
                isCore.withUnsafeBufferPointer { coreBuffer in
                    label.withUnsafeMutableBufferPointer { labelBuffer in
                        let shared = UncheckedSendable((points, bounds, coreBuffer, labelBuffer))
                        chunks.forEachChunk { _, range in
                            let (points, bounds, isCore, label) = shared.value
                            var stack: [Int] = [], neighbors: [Int] = []
                            for position in range where !isCore[position] {
                                tree.neighbors(within: radius, of: points + position * d, metric: metric, minimumPosition: 0,
                                               points: points, bounds: bounds, stack: &stack, into: &neighbors)
                                var best = Int.max
                                for neighbor in neighbors where isCore[neighbor] { best = min(best, label[neighbor]) }
                                label[position] = best == Int.max ? -1 : best
                            }
                        }
                    }
                }
            }
        }
        return (label, isCore)
    }
}
