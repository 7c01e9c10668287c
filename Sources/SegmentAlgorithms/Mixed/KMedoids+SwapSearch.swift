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
        static func chunked<T>(count: Int, threads: Int, chunkSize: Int = KMedoids.chunkRows,
                               _ body: @Sendable (Range<Int>) -> T) -> [T] {
            let chunks = ParallelChunks(count: count, chunkSize: chunkSize, threads: threads)
            if chunks.chunkCount <= 1 || threads <= 1 {
                return (0..<chunks.chunkCount).map { body(chunks.range(ofChunk: $0)) }
            }
            return chunks.mapChunks { _, range in body(range) }
        }

        /// Calls `body` with consecutive blocks of `0..<count` of at most
        /// `KMedoids.chunkRows` rows.
        @inline(__always)
        static func forEachBlock(_ count: Int, _ body: (Range<Int>) -> Void) {
            var start = 0
            while start < count {
                let end = min(start + KMedoids.chunkRows, count)
                body(start..<end)
                start = end
            }
        }

        /// PAM's BUILD: the row with the least total distance, then each
        /// row that lowers the loss most (ties: the first row). Stops early,
        /// with fewer medoids, when no row lowers the loss (duplicates).
        mutating func build(_ k: Int) -> [Int] {
            let kernel = self.kernel, count = self.count
            let first = bestCandidate(.totalDistance)
            var medoids = [first.row]
            for row in 0..<count {
                nearest[row] = 0
                nearestDistance[row] = kernel.distance(row, first.row)
                second[row] = -1
            }
            for position in 1..<max(k, 1) {
                let nearestDistance = UncheckedSendable(self.nearestDistance)
                let best = nearestDistance.value.withUnsafeBufferPointer { bestCandidate(.gain(nearest: $0.baseAddress!)) }
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

        /// Candidates scored together while a block of rows is in cache.
        static let candidateTile = 16

        /// What BUILD minimizes over the candidates.
        enum BuildScore: @unchecked Sendable {
            /// The summed distance from every other row (the first medoid).
            case totalDistance
            /// The change in loss when the candidate joins the medoids, given
            /// each row's distance to its nearest medoid so far.
            case gain(nearest: UnsafePointer<Double>)
        }

        /// The row with the lowest `score` (the first on a tie), summed
        /// over the rows in order. Candidates are scored in parallel chunks,
        /// in tiles that reuse each block of rows while it is in cache.
        func bestCandidate(_ score: BuildScore) -> (row: Int, value: Double) {
            let kernel = self.kernel, count = self.count
            let bests = Self.chunked(count: count, threads: threads, chunkSize: 64) { range -> (row: Int, value: Double) in
                let tile = Self.candidateTile
                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: KMedoids.chunkRows)
                defer { scratch.deallocate() }
                var best = (row: range.lowerBound, value: Double.infinity)
                var tileStart = range.lowerBound
                while tileStart < range.upperBound {
                    let candidates = tileStart..<min(tileStart + tile, range.upperBound)
                    var sums = candidates.map { candidate -> Double in
                        if case .gain(let nearest) = score { return -nearest[candidate] }
                        return 0
                    }
                    Self.forEachBlock(count) { block in
                        for (position, candidate) in candidates.enumerated() {
                            kernel.distances(to: candidate, rows: block, into: scratch)
                            var sum = sums[position]
                            let start = block.lowerBound
                            switch score {
                            case .totalDistance:
                                for row in block where row != candidate { sum += scratch[row - start] }
                            case .gain(let nearest):
                                for row in block where row != candidate {
                                    let d = scratch[row - start]
                                    if d < nearest[row] { sum += d - nearest[row] }
                                }
                            }
                            sums[position] = sum
                        }
                    }
                    for (position, candidate) in candidates.enumerated() where sums[position] < best.value {
                        best = (candidate, sums[position])
                    }
                    tileStart = candidates.upperBound
                }
                return best
            }
            var best = bests[0]
            for candidate in bests.dropFirst() where candidate.value < best.value { best = candidate }
            return best
        }
    }
}
