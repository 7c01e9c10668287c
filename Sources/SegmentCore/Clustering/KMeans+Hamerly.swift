/// Hamerly's bounds (Hamerly, "Making k-means even faster", SDM 2010): per
/// row an upper bound on the distance to its centre and a lower bound on the
/// distance to every other centre; per centre half the distance to its
/// nearest other centre. A row whose upper bound is below both needs no
/// distance computation: its nearest centre cannot have changed.
///
/// The bounds are kept with a rounding margin (`margin`, far above the
/// accumulated floating-point error) so that a skipped row is one whose
/// nearest centre is strictly nearer than any other: the labels are exactly
/// those of plain Lloyd.
struct HamerlyBounds {
    /// Upper bound on the distance from each row to its centre.
    var upper: [Double]
    /// Lower bound on the distance from each row to any other centre.
    var lower: [Double]
    /// Half the distance from each centre to its nearest other centre.
    var halfSeparation: [Double]
    /// How far each centre moved in the last update.
    var shifts: [Double]
    /// The centre that moved most, the largest and second-largest moves.
    var fastest = 0
    var largestShift = 0.0
    var secondLargestShift = 0.0
    /// Whether the bounds have been initialised by a full pass.
    var initialised = false
    /// Safety margin against rounding in the bound arithmetic.
    let margin: Double

    /// Creates unset bounds; `scale` bounds the size of every distance.
    init(rowCount: Int, clusterCount: Int, scale: Double) {
        upper = [Double](repeating: .infinity, count: rowCount)
        lower = [Double](repeating: 0, count: rowCount)
        halfSeparation = [Double](repeating: 0, count: clusterCount)
        shifts = [Double](repeating: 0, count: clusterCount)
        margin = 1e-10 * max(scale, .leastNormalMagnitude)
    }

    /// Records the centre moves and recomputes the centre separations.
    mutating func centersMoved(by shifts: [Double], centers: [Double], width: Int) {
        self.shifts = shifts
        fastest = 0
        largestShift = 0
        secondLargestShift = 0
        for (center, shift) in shifts.enumerated() {
            if shift > largestShift {
                secondLargestShift = largestShift
                largestShift = shift
                fastest = center
            } else if shift > secondLargestShift {
                secondLargestShift = shift
            }
        }
        let k = shifts.count
        centers.withUnsafeBufferPointer { centers in
            let base = centers.baseAddress!
            for center in 0..<k {
                var nearest = Double.infinity
                for other in 0..<k where other != center {
                    nearest = min(nearest, NearestCenterKernel.squaredDistance(base + center * width, base + other * width, dimensions: width))
                }
                halfSeparation[center] = 0.5 * nearest.squareRoot()
            }
        }
    }
}

extension KMeans.Run {
    /// Hamerly's assignment step: the same labels and sums as `lloydPass`,
    /// computing distances only for rows whose bounds do not settle them.
    /// Each chunk writes only its own rows and its own partial slices.
    mutating func hamerlyPass(accumulate: Bool) {
        let width = width, k = clusterCount, padded = panel.paddedCount
        var state = bounds!
        bounds = nil
        defer { bounds = state }
        let settled = state.initialised
        state.initialised = true
        let margin = state.margin, fastest = state.fastest
        let largest = state.largestShift, secondLargest = state.secondLargestShift
        data.storage.withUnsafeBufferPointer { points in
            panel.values.withUnsafeBufferPointer { panel in
                centers.withUnsafeBufferPointer { centers in
                    state.shifts.withUnsafeBufferPointer { shifts in
                        state.halfSeparation.withUnsafeBufferPointer { half in
                            state.upper.withUnsafeMutableBufferPointer { upper in
                                state.lower.withUnsafeMutableBufferPointer { lower in
                                    labels.withUnsafeMutableBufferPointer { labels in
                                        partialSums.withUnsafeMutableBufferPointer { sums in
                                            partialCounts.withUnsafeMutableBufferPointer { counts in
                                                partialChanges.withUnsafeMutableBufferPointer { changes in
                                                    let shared = UncheckedSendable((
                                                        points.baseAddress!, panel.baseAddress!, centers.baseAddress!, shifts.baseAddress!,
                                                        half.baseAddress!, upper.baseAddress!, lower.baseAddress!, labels.baseAddress!,
                                                        sums.baseAddress!, counts.baseAddress!, changes.baseAddress!))
                                                    chunks.forEachChunk { chunk, rows in
                                                        let (points, panel, centers, shifts, half, upper, lower, labels, sums, counts, changes) = shared.value
                                                        let distances = UnsafeMutablePointer<Double>.allocate(capacity: padded)
                                                        defer { distances.deallocate() }
                                                        let chunkSums = sums + chunk * k * width
                                                        let chunkCounts = counts + chunk * k
                                                        var changed = 0
                                                        for row in rows {
                                                            let point = points + row * width
                                                            let old = labels[row]
                                                            var label = old
                                                            var needsSearch = !settled
                                                            if settled {
                                                                var bound = upper[row] + shifts[label]
                                                                let otherBound = lower[row] - (label == fastest ? secondLargest : largest)
                                                                lower[row] = otherBound
                                                                let limit = max(half[label], otherBound) - margin
                                                                if !(bound + margin < limit) {
                                                                    bound = NearestCenterKernel.squaredDistance(point, centers + label * width, dimensions: width).squareRoot()
                                                                    needsSearch = !(bound + margin < limit)
                                                                }
                                                                upper[row] = bound
                                                            }
                                                            if needsSearch {
                                                                NearestCenterKernel.squaredDistances(from: point, panel: panel, dimensions: width,
                                                                                                     paddedCount: padded, into: distances)
                                                                let nearest = NearestCenterKernel.nearestTwo(distances, paddedCount: padded)
                                                                upper[row] = nearest.distance.squareRoot()
                                                                lower[row] = nearest.second.squareRoot()
                                                                if label != nearest.index {
                                                                    label = nearest.index
                                                                    labels[row] = label
                                                                    changed += 1
                                                                    if accumulate {
                                                                        KMeans.Run.move(point, from: old, to: label, sums: chunkSums,
                                                                                        counts: chunkCounts, width: width)
                                                                    }
                                                                }
                                                            }
                                                        }
                                                        changes[chunk] = changed
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
