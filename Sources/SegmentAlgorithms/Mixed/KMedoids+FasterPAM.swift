import SegmentBase

extension KMedoids.SwapSearch {
    /// Pointers to the per-row state, shared with the chunk workers (each
    /// chunk writes only its own rows).
    private struct RowState: @unchecked Sendable {
        let nearest: UnsafeMutablePointer<Int32>
        let nearestDistance: UnsafeMutablePointer<Double>
        let second: UnsafeMutablePointer<Int32>
        let secondDistance: UnsafeMutablePointer<Double>
    }

    /// Calls `body` with pointers to the per-row state.
    private mutating func withRowState<T>(_ body: (RowState) -> T) -> T {
        nearest.withUnsafeMutableBufferPointer { nearest in
            nearestDistance.withUnsafeMutableBufferPointer { nearestDistance in
                second.withUnsafeMutableBufferPointer { second in
                    secondDistance.withUnsafeMutableBufferPointer { secondDistance in
                        body(RowState(nearest: nearest.baseAddress!, nearestDistance: nearestDistance.baseAddress!,
                                      second: second.baseAddress!, secondDistance: secondDistance.baseAddress!))
                    }
                }
            }
        }
    }

    /// FasterPAM's eager swaps from `medoids` (replaced by the result).
    /// - Returns: the loss, the passes made and the swaps performed.
    mutating func fasterPAM(_ medoids: inout [Int], maximumIterations: Int) -> (loss: Double, iterations: Int, swaps: Int) {
        let k = medoids.count
        if k == 1 { return singleMedoid(&medoids) }
        var loss = assignAll(medoids)
        var removalLoss = self.removalLoss(k)
        var lastSwap = count, swaps = 0, iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            let swapsBefore = swaps, lossBefore = loss
            for candidate in 0..<count {
                if candidate == lastSwap { break }
                if candidate == medoids[Int(nearest[candidate])] { continue }
                let (change, removed) = bestSwap(candidate, removalLoss: removalLoss)
                if change >= 0 { continue }
                swaps += 1
                lastSwap = candidate
                medoids[removed] = candidate
                loss = swap(removed, for: candidate, medoids: medoids)
                removalLoss = self.removalLoss(k)
            }
            if swaps == swapsBefore || loss >= lossBefore { break }
        }
        return (loss, iterations, swaps)
    }

    /// One medoid: the row with the least total distance to the others.
    private mutating func singleMedoid(_ medoids: inout [Int]) -> (loss: Double, iterations: Int, swaps: Int) {
        let kernel = self.kernel, count = self.count, start = medoids[0]
        let best = bestCandidate(.totalDistance)
        var startLoss = 0.0
        for row in 0..<count where row != start { startLoss += kernel.distance(row, start) }
        let chosen = best.value < startLoss ? best : (row: start, value: startLoss)
        medoids[0] = chosen.row
        for row in 0..<count {
            nearest[row] = 0
            nearestDistance[row] = kernel.distance(row, chosen.row)
        }
        return (chosen.value, 1, chosen.row == start ? 0 : 1)
    }

    /// Every row's nearest and second nearest medoid; returns the loss.
    private mutating func assignAll(_ medoids: [Int]) -> Double {
        let kernel = self.kernel, count = self.count, threads = self.threads
        let losses = withRowState { state in
            Self.chunked(count: count, threads: threads) { range -> Double in
                var loss = 0.0
                for row in range {
                    var near = (position: Int32(0), distance: kernel.distance(row, medoids[0]))
                    var next = (position: Int32(-1), distance: 0.0)
                    for position in 1..<medoids.count {
                        let d = kernel.distance(row, medoids[position])
                        if d < near.distance || row == medoids[position] {
                            next = near
                            near = (Int32(position), d)
                        } else if next.position < 0 || d < next.distance {
                            next = (Int32(position), d)
                        }
                    }
                    state.nearest[row] = near.position
                    state.nearestDistance[row] = near.distance
                    state.second[row] = next.position
                    state.secondDistance[row] = next.distance
                    loss += near.distance
                }
                return loss
            }
        }
        return losses.reduce(0, +)
    }

    /// For each medoid, the loss added by removing it (rows moving to
    /// their second nearest).
    private func removalLoss(_ k: Int) -> [Double] {
        var loss = [Double](repeating: 0, count: k)
        for row in 0..<count { loss[Int(nearest[row])] += secondDistance[row] - nearestDistance[row] }
        return loss
    }

    /// The best medoid to exchange for `candidate` and the change in loss.
    private func bestSwap(_ candidate: Int, removalLoss: [Double]) -> (change: Double, removed: Int) {
        let kernel = self.kernel, k = removalLoss.count
        let nearest = UncheckedSendable(self.nearest), nearestDistance = UncheckedSendable(self.nearestDistance)
        let secondDistance = UncheckedSendable(self.secondDistance)
        let parts = Self.chunked(count: count, threads: threads) { range -> (shared: Double, perMedoid: [Double]) in
            var shared = 0.0
            var perMedoid = [Double](repeating: 0, count: k)
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: range.count)
            defer { scratch.deallocate() }
            kernel.distances(to: candidate, rows: range, into: scratch)
            for row in range {
                let d = scratch[row - range.lowerBound]
                let near = nearestDistance.value[row]
                if d < near {
                    shared += d - near
                    perMedoid[Int(nearest.value[row])] += near - secondDistance.value[row]
                } else if d < secondDistance.value[row] {
                    perMedoid[Int(nearest.value[row])] += d - secondDistance.value[row]
                }
            }
            return (shared, perMedoid)
        }
        var loss = removalLoss, shared = 0.0
        for part in parts {
            shared += part.shared
            for medoid in 0..<k { loss[medoid] += part.perMedoid[medoid] }
        }
        var best = 0
        for medoid in 1..<k where loss[medoid] < loss[best] { best = medoid }
        return (loss[best] + shared, best)
    }

    /// Updates every row after `candidate` replaced the medoid at position
    /// `removed` (`medoids` already holds it); returns the new loss.
    private mutating func swap(_ removed: Int, for candidate: Int, medoids: [Int]) -> Double {
        let kernel = self.kernel, count = self.count, threads = self.threads, b = Int32(removed)
        let losses = withRowState { state in
            Self.chunked(count: count, threads: threads) { range -> Double in
                var loss = 0.0
                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: range.count)
                defer { scratch.deallocate() }
                kernel.distances(to: candidate, rows: range, into: scratch)
                for row in range {
                    if row == candidate {
                        if state.nearest[row] != b {
                            state.second[row] = state.nearest[row]
                            state.secondDistance[row] = state.nearestDistance[row]
                        }
                        state.nearest[row] = b
                        state.nearestDistance[row] = 0
                        continue
                    }
                    let d = scratch[row - range.lowerBound]
                    if state.nearest[row] == b {
                        if d < state.secondDistance[row] {
                            state.nearestDistance[row] = d
                        } else {
                            state.nearest[row] = state.second[row]
                            state.nearestDistance[row] = state.secondDistance[row]
                            Self.secondNearest(row, medoids: medoids, excluding: Int(state.nearest[row]), replaced: removed,
                                               distance: d, kernel: kernel, state: state)
                        }
                    } else if d < state.nearestDistance[row] {
                        state.second[row] = state.nearest[row]
                        state.secondDistance[row] = state.nearestDistance[row]
                        state.nearest[row] = b
                        state.nearestDistance[row] = d
                    } else if d < state.secondDistance[row] {
                        state.second[row] = b
                        state.secondDistance[row] = d
                    } else if state.second[row] == b {
                        Self.secondNearest(row, medoids: medoids, excluding: Int(state.nearest[row]), replaced: removed,
                                           distance: d, kernel: kernel, state: state)
                    }
                    loss += state.nearestDistance[row]
                }
                return loss
            }
        }
        return losses.reduce(0, +)
    }

    /// Recomputes a row's second nearest medoid, starting from the new
    /// medoid at `replaced` at distance `distance`.
    private static func secondNearest(_ row: Int, medoids: [Int], excluding nearest: Int, replaced: Int, distance: Double,
                                      kernel: MixedDistanceKernel, state: RowState) {
        var best = (position: replaced, distance: distance)
        for (position, medoid) in medoids.enumerated() where position != nearest && position != replaced {
            let d = kernel.distance(row, medoid)
            if d < best.distance { best = (position, d) }
        }
        state.second[row] = Int32(best.position)
        state.secondDistance[row] = best.distance
    }
}
