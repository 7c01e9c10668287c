import SegmentBase

extension KPrototypes {
    /// Tries of a seeded initialization before its modes are drawn from
    /// random rows instead, and tries in all before giving up (as `kmodes`).
    static let initializationTries = (own: 20, total: 100)

    /// One run of Huang's algorithm: the prototypes and the per-segment
    /// sums and category counts that update them as rows move.
    struct Run {
        let rows: MixedRows
        let k: Int
        let gamma: Double
        let threads: Int
        var random: SplitMix64
        /// Row-major `k × numericWidth` means.
        var centers: [Double]
        /// Row-major `k × categoricalWidth` modes.
        var modes: [Int32]
        /// Each row's current segment.
        var membership: [Int32]
        /// Row-major `k × numericWidth` sums of the members' values.
        var sums: [Double]
        /// Members per segment.
        var sizes: [Int]
        /// Category counts: segment `c`, feature `f`, code `v` at
        /// `c * totalLevels + levelOffsets[f] + v`.
        var counts: [Int]
        let levelOffsets: [Int]
        let totalLevels: Int

        init(rows: MixedRows, k: Int, gamma: Double, threads: Int, random: SplitMix64) {
            self.rows = rows
            self.k = k
            self.gamma = gamma
            self.threads = threads
            self.random = random
            centers = [Double](repeating: 0, count: k * rows.numericWidth)
            modes = [Int32](repeating: 0, count: k * rows.categoricalWidth)
            membership = [Int32](repeating: 0, count: rows.count)
            sums = [Double](repeating: 0, count: k * rows.numericWidth)
            sizes = [Int](repeating: 0, count: k)
            var offsets: [Int] = [], total = 0
            for levels in rows.levels {
                offsets.append(total)
                total += levels
            }
            levelOffsets = offsets
            totalLevels = total
            counts = [Int](repeating: 0, count: k * total)
        }

        /// Initializes, then passes until a pass moves no row, stops
        /// lowering the cost, or `maximumIterations` passes are done.
        mutating func fit(_ initialization: Initialization, maximumIterations: Int) throws -> Result {
            try start(initialization)
            var (_, cost) = labelsAndCost()
            var iterations = 0, converged = false, labels: [Int] = membership.map(Int.init)
            while iterations < maximumIterations && !converged {
                iterations += 1
                let moves = pass()
                let (newLabels, newCost) = labelsAndCost()
                converged = moves == 0 || newCost >= cost
                labels = newLabels
                cost = newCost
            }
            if iterations == 0 { labels = labelsAndCost().labels }
            return Result(rawLabels: labels, numericCenters: centers, modes: modes, cost: cost, gamma: gamma,
                          iterations: iterations, converged: converged, bestRestart: 0)
        }

        /// The cost of `row` in segment `segment`.
        @inline(__always)
        func cost(of row: Int, in segment: Int) -> Double {
            let p = rows.numericWidth, q = rows.categoricalWidth
            var squared = 0.0
            for feature in 0..<p {
                let difference = centers[segment * p + feature] - rows.numeric[row * p + feature]
                squared += difference * difference
            }
            var mismatches = 0
            for feature in 0..<q where modes[segment * q + feature] != rows.codes[row * q + feature] { mismatches += 1 }
            return squared + gamma * Double(mismatches)
        }

        /// The segment of least cost for `row` (the first on a tie) and the cost.
        @inline(__always)
        func nearest(_ row: Int) -> (segment: Int, cost: Double) {
            var best = (segment: 0, cost: cost(of: row, in: 0))
            for segment in 1..<k {
                let value = cost(of: row, in: segment)
                if value < best.cost { best = (segment, value) }
            }
            return best
        }

        /// Every row's nearest prototype and the summed cost, in fixed chunks.
        func labelsAndCost() -> (labels: [Int], cost: Double) {
            let chunks = ParallelChunks(count: rows.count, chunkSize: 8192, threads: threads)
            let run = self
            let parts = chunks.mapChunks { _, range -> (labels: [Int], cost: Double) in
                var labels: [Int] = [], cost = 0.0
                labels.reserveCapacity(range.count)
                for row in range {
                    let best = run.nearest(row)
                    labels.append(best.segment)
                    cost += best.cost
                }
                return (labels, cost)
            }
            return (parts.flatMap(\.labels), parts.reduce(0) { $0 + $1.cost })
        }

        /// One pass in row order, moving each row whose nearest prototype
        /// changed and updating both segments at once; returns the moves.
        mutating func pass() -> Int {
            var moves = 0
            for row in 0..<rows.count {
                let target = nearest(row).segment
                let source = Int(membership[row])
                if target == source { continue }
                moves += 1
                move(row, from: source, to: target)
                updateMeans(of: target)
                updateMeans(of: source)
                if sizes[source] == 0 {
                    // Refill the emptied segment with a random member of the largest.
                    var largest = 0
                    for segment in 1..<k where sizes[segment] > sizes[largest] { largest = segment }
                    let members = (0..<rows.count).filter { membership[$0] == Int32(largest) }
                    let chosen = members[Int.random(in: 0..<members.count, using: &random)]
                    move(chosen, from: largest, to: source)
                }
            }
            return moves
        }

        /// Moves `row` between segments: sums, sizes, category counts and
        /// modes (the target's mode changes when the row's category now
        /// outnumbers it; the source's is recounted when it loses one).
        mutating func move(_ row: Int, from source: Int, to target: Int) {
            let p = rows.numericWidth, q = rows.categoricalWidth
            membership[row] = Int32(target)
            for feature in 0..<p {
                let value = rows.numeric[row * p + feature]
                sums[target * p + feature] += value
                sums[source * p + feature] -= value
            }
            sizes[target] += 1
            sizes[source] -= 1
            for feature in 0..<q {
                let code = rows.codes[row * q + feature]
                let base = levelOffsets[feature]
                let targetIndex = target * totalLevels + base
                counts[targetIndex + Int(code)] += 1
                if counts[targetIndex + Int(modes[target * q + feature])] < counts[targetIndex + Int(code)] {
                    modes[target * q + feature] = code
                }
                let sourceIndex = source * totalLevels + base
                counts[sourceIndex + Int(code)] -= 1
                if modes[source * q + feature] == code {
                    modes[source * q + feature] = mostFrequent(segment: source, feature: feature)
                }
            }
        }

        /// A segment's means from its sums (0 when it is empty).
        mutating func updateMeans(of segment: Int) {
            let p = rows.numericWidth
            for feature in 0..<p {
                centers[segment * p + feature] = sizes[segment] > 0 ? sums[segment * p + feature] / Double(sizes[segment]) : 0
            }
        }

        /// The most frequent code of `feature` in `segment` (the smallest on a tie).
        func mostFrequent(segment: Int, feature: Int) -> Int32 {
            let base = segment * totalLevels + levelOffsets[feature]
            var best = 0
            for code in 1..<max(rows.levels[feature], 1) where counts[base + code] > counts[base + best] { best = code }
            return Int32(best)
        }
    }
}
