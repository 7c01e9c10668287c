import SegmentBase

/// The nearest-neighbour chain algorithm (Müllner 2011, section 3.2; Murtagh
/// 1983) for complete and average linkage on the condensed distance matrix.
/// The scan order, tie rules and slot reuse follow SciPy's
/// `_hierarchy.nn_chain`, so the merges come out identical to SciPy's.
extension Agglomerative {
    /// Complete or average linkage on the condensed distance matrix, updated
    /// with the Lance–Williams formulas.
    static func matrixChain(_ points: Matrix, linkage: Linkage, threads: Int) -> [(a: Int, b: Int, distance: Double)] {
        let n = points.rows
        var distances = condensedDistances(points, threads: threads)
        var sizes = [Double](repeating: 1, count: n)
        var active = Array(0..<n)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        var merges: [(a: Int, b: Int, distance: Double)] = []
        merges.reserveCapacity(max(0, n - 1))
        distances.withUnsafeMutableBufferPointer { matrix in
            let rowStart = condensedRowStarts(n)
            @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
                i < j ? rowStart[i] + j : rowStart[j] + i
            }
            for _ in 0..<max(0, n - 1) {
                if chain.isEmpty { chain.append(active[0]) }
                var x = 0, y = 0, height = 0.0
                while true {
                    x = chain[chain.count - 1]
                    var best = Double.infinity, bestSlot = -1
                    if chain.count > 1 {
                        bestSlot = chain[chain.count - 2]
                        best = matrix[index(x, bestSlot)]
                    }
                    for slot in active where slot != x {
                        let value = matrix[index(x, slot)]
                        if value < best {
                            best = value
                            bestSlot = slot
                        }
                    }
                    if chain.count > 1 && bestSlot == chain[chain.count - 2] {
                        y = bestSlot
                        height = best
                        break
                    }
                    chain.append(bestSlot)
                }
                chain.removeLast(2)
                if x > y { swap(&x, &y) }
                let nx = sizes[x], ny = sizes[y]
                merges.append((x, y, height))
                sizes[x] = 0
                sizes[y] = nx + ny
                active.remove(at: firstPosition(of: x, in: active))
                for slot in active where slot != y {
                    let dx = matrix[index(slot, x)], dy = matrix[index(slot, y)]
                    matrix[index(slot, y)] = linkage == .complete ? max(dx, dy) : (nx * dx + ny * dy) / (nx + ny)
                }
            }
        }
        return merges
    }

    /// `rowStart[i]` such that the pair `i < j` sits at `rowStart[i] + j` in
    /// SciPy's condensed layout (`n·i − i(i+1)/2 + j − i − 1`).
    static func condensedRowStarts(_ n: Int) -> [Int] {
        (0..<n).map { i in n * i - i * (i + 1) / 2 - i - 1 }
    }

    /// The condensed Euclidean distance matrix (`n(n−1)/2` values, SciPy's `pdist` layout).
    static func condensedDistances(_ points: Matrix, threads: Int) -> [Double] {
        let n = points.rows, d = points.columns
        let rowStart = condensedRowStarts(n)
        var distances = [Double](repeating: 0, count: n * (n - 1) / 2)
        points.storage.withUnsafeBufferPointer { source in
            distances.withUnsafeMutableBufferPointer { target in
                // Row i writes only its own pairs (i, j > i): disjoint ranges.
                let shared = UncheckedSendable((source.baseAddress!, target.baseAddress!))
                ParallelChunks(count: n, chunkSize: 64, threads: threads).forEachChunk { _, rows in
                    let (points, output) = shared.value
                    for i in rows {
                        for j in (i + 1)..<max(i + 1, n) {
                            output[rowStart[i] + j] = DistanceKernels.squaredEuclidean(points + i * d, points + j * d, count: d).squareRoot()
                        }
                    }
                }
            }
        }
        return distances
    }

    /// The position of `slot` in the sorted `active` list (binary search).
    static func firstPosition(of slot: Int, in active: [Int]) -> Int {
        var low = 0, high = active.count
        while low < high {
            let middle = (low + high) / 2
            if active[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
