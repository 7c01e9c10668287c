import Foundation
import SegmentBase

extension KMeans {
    /// Rows per chunk of the seeding passes.
    static let seedingChunkSize = 16_384

    /// Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the greedy
    /// candidate selection of scikit-learn's `_kmeans_plusplus`).
    ///
    /// The first centre is a uniformly random row. Each further centre is
    /// chosen among `2 + ⌊ln k⌋` candidate rows sampled with probability
    /// proportional to their squared distance to the nearest centre so far:
    /// the candidate that most reduces the total squared distance wins.
    /// - Complexity: O(k × log k × n × d) time, O(n) extra memory.
    static func kMeansPlusPlusCenters(_ data: Matrix, count: Int, threads: Int, using rng: inout SplitMix64) -> Matrix {
        let n = data.rows, width = data.columns
        let trials = 2 + Int(log(Double(count)))
        var centers = Matrix(rows: count, columns: width)
        var closest = [Double](repeating: 0, count: n)
        var cumulative = [Double](repeating: 0, count: n)
        let chunks = ParallelChunks(count: n, chunkSize: seedingChunkSize, threads: threads)
        data.storage.withUnsafeBufferPointer { points in
            let base = points.baseAddress!
            // The workers only read the points.
            let sharedBase = UncheckedSendable(base)
            let first = Int.random(in: 0..<n, using: &rng)
            centers.storage.replaceSubrange(0..<width, with: points[(first * width)..<((first + 1) * width)])
            closest.withUnsafeMutableBufferPointer { closest in
                let shared = UncheckedSendable(closest)
                // Each chunk writes only its own rows of `closest`.
                chunks.forEachChunk { _, rows in
                    let base = sharedBase.value
                    for row in rows {
                        shared.value[row] = NearestCenterKernel.squaredDistance(base + row * width, base + first * width, dimensions: width)
                    }
                }
            }
            var potential = chunkedSum(closest, chunks: chunks)
            var candidates = [Int](repeating: 0, count: trials)
            for center in 1..<count {
                var running = 0.0
                for row in 0..<n {
                    running += closest[row]
                    cumulative[row] = running
                }
                for trial in 0..<trials {
                    let target = rng.nextUnitDouble() * potential
                    candidates[trial] = min(firstIndex(in: cumulative, notBelow: target), n - 1)
                }
                let fixedCandidates = candidates
                let potentials = closest.withUnsafeBufferPointer { closest in
                    let shared = UncheckedSendable(closest)
                    return chunks.mapChunks { _, rows -> [Double] in
                        let base = sharedBase.value
                        var sums = [Double](repeating: 0, count: trials)
                        for (trial, candidate) in fixedCandidates.enumerated() {
                            var sum = 0.0
                            for row in rows {
                                let distance = NearestCenterKernel.squaredDistance(base + row * width, base + candidate * width, dimensions: width)
                                sum += min(shared.value[row], distance)
                            }
                            sums[trial] = sum
                        }
                        return sums
                    }
                }
                var bestTrial = 0
                var bestPotential = Double.infinity
                for trial in 0..<trials {
                    var total = 0.0
                    for chunk in potentials { total += chunk[trial] }
                    if total < bestPotential {
                        bestPotential = total
                        bestTrial = trial
                    }
                }
                let chosen = candidates[bestTrial]
                potential = bestPotential
                centers.storage.replaceSubrange((center * width)..<((center + 1) * width), with: points[(chosen * width)..<((chosen + 1) * width)])
                closest.withUnsafeMutableBufferPointer { closest in
                    let shared = UncheckedSendable(closest)
                    // Each chunk writes only its own rows of `closest`.
                    chunks.forEachChunk { _, rows in
                        let base = sharedBase.value
                        for row in rows {
                            let distance = NearestCenterKernel.squaredDistance(base + row * width, base + chosen * width, dimensions: width)
                            shared.value[row] = min(shared.value[row], distance)
                        }
                    }
                }
            }
        }
        return centers
    }

    /// `count` distinct rows chosen uniformly at random (partial Fisher–Yates).
    static func randomCenters(_ data: Matrix, count: Int, using rng: inout SplitMix64) -> Matrix {
        var indices = Array(0..<data.rows)
        for position in 0..<count {
            let pick = Int.random(in: position..<data.rows, using: &rng)
            indices.swapAt(position, pick)
        }
        return data.selectingRows(Array(indices[0..<count]))
    }

    /// The sum of `values`, added per chunk and then in chunk order.
    static func chunkedSum(_ values: [Double], chunks: ParallelChunks) -> Double {
        values.withUnsafeBufferPointer { values in
            let shared = UncheckedSendable(values)
            return chunks.mapChunks { _, rows in
                var sum = 0.0
                for row in rows { sum += shared.value[row] }
                return sum
            }.reduce(0, +)
        }
    }

    /// The first index whose value is at least `target` in the non-decreasing
    /// `sorted` (`sorted.count` when none), as NumPy's `searchsorted(side="left")`.
    static func firstIndex(in sorted: [Double], notBelow target: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
