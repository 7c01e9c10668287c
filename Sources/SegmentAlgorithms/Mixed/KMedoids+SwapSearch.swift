import SegmentBase

extension KMedoids {
    /// The state of BUILD and FasterPAM: each row's nearest and second
    /// nearest medoid (by position in the medoid list) and their distances.
    struct SwapSearch {
        let kernel: MixedDistanceKernel
        let count: Int
        let threads: Int
        /// Position of each row's nearest medoid.
        var nearest: [Int32]
        var nearestDistance: [Double]
        /// Position of each row's second nearest medoid (−1: none yet).
        var second: [Int32]
        var secondDistance: [Double]

        init(kernel: MixedDistanceKernel, count: Int, threads: Int) {
            self.kernel = kernel
            self.count = count
            self.threads = threads
            nearest = [Int32](repeating: 0, count: count)
            nearestDistance = [Double](repeating: 0, count: count)
            second = [Int32](repeating: -1, count: count)
            secondDistance = [Double](repeating: 0, count: count)
        }

        /// Runs `body` over fixed chunks of the rows and returns the
        /// per-chunk results in chunk order (inline for a single chunk).
        static func chunked<T>(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
            let chunks = ParallelChunks(count: count, chunkSize: KMedoids.chunkRows, threads: threads)
            if chunks.chunkCount <= 1 || threads <= 1 {
                return (0..<chunks.chunkCount).map { body(chunks.range(ofChunk: $0)) }
            }
            return chunks.mapChunks { _, range in body(range) }
        }

        /// PAM's BUILD: the row with the least total distance, then each
        /// row that lowers the loss most (ties: the first row). Stops early,
        /// with fewer medoids, when no row lowers the loss (duplicates).
        mutating func build(_ k: Int) -> [Int] {
            let kernel = self.kernel, count = self.count
            let first = bestCandidate { candidate in
                var sum = 0.0
                for row in 0..<count where row != candidate { sum += kernel.distance(row, candidate) }
                return sum
            }
            var medoids = [first.row]
            for row in 0..<count {
                nearest[row] = 0
                nearestDistance[row] = kernel.distance(row, first.row)
                second[row] = -1
            }
            for position in 1..<max(k, 1) {
                let nearestDistance = UncheckedSendable(self.nearestDistance)
                let best = bestCandidate { candidate in
                    nearestDistance.value.withUnsafeBufferPointer { near in
                        var sum = -near[candidate]
                        for row in 0..<count where row != candidate {
                            let d = kernel.distance(row, candidate)
                            if d < near[row] { sum += d - near[row] }
                        }
                        return sum
                    }
                }
                if best.value >= 0 { break }
                for row in 0..<count {
                    if row == best.row {
                        second[row] = nearest[row]
                        secondDistance[row] = self.nearestDistance[row]
                        nearest[row] = Int32(position)
                        self.nearestDistance[row] = 0
                        continue
                    }
                    let d = kernel.distance(row, best.row)
                    if d < self.nearestDistance[row] {
                        second[row] = nearest[row]
                        secondDistance[row] = self.nearestDistance[row]
                        nearest[row] = Int32(position)
                        self.nearestDistance[row] = d
                    } else if second[row] < 0 || d < secondDistance[row] {
                        second[row] = Int32(position)
                        secondDistance[row] = d
                    }
                }
                medoids.append(best.row)
            }
            return medoids
        }

        /// The row with the lowest `score` (the first on a tie), scored in
        /// parallel chunks.
        func bestCandidate(_ score: @Sendable (Int) -> Double) -> (row: Int, value: Double) {
            let bests = Self.chunked(count: count, threads: threads) { range -> (row: Int, value: Double) in
                var best = (row: range.lowerBound, value: Double.infinity)
                for candidate in range {
                    let value = score(candidate)
                    if value < best.value { best = (candidate, value) }
                }
                return best
            }
            var best = bests[0]
            for candidate in bests.dropFirst() where candidate.value < best.value { best = candidate }
            return best
        }
    }
}
