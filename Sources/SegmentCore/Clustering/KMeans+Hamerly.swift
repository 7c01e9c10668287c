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
    let upper: KMeans.Buffer<Double>
    /// Lower bound on the distance from each row to any other centre.
    let lower: KMeans.Buffer<Double>
    /// Half the distance from each centre to its nearest other centre.
    let halfSeparation: KMeans.Buffer<Double>
    /// How far each centre moved in the last update.
    let shifts: KMeans.Buffer<Double>
    /// The centre that moved most, the largest and second-largest moves.
    var fastest = 0
    var largestShift = 0.0
    var secondLargestShift = 0.0
    /// Whether the bounds have been set by a full pass.
    var initialised = false
    /// Safety margin against rounding in the bound arithmetic.
    let margin: Double

    /// Creates unset bounds; `scale` bounds the size of every distance.
    init(rowCount: Int, clusterCount: Int, scale: Double) {
        upper = KMeans.Buffer(repeating: .infinity, count: rowCount)
        lower = KMeans.Buffer(repeating: 0, count: rowCount)
        halfSeparation = KMeans.Buffer(repeating: 0, count: clusterCount)
        shifts = KMeans.Buffer(repeating: 0, count: clusterCount)
        margin = 1e-10 * max(scale, .leastNormalMagnitude)
    }

    /// Records the centre moves and recomputes the centre separations.
    mutating func centersMoved(by moves: [Double], centers: [Double], width: Int) {
        fastest = 0
        largestShift = 0
        secondLargestShift = 0
        for (center, shift) in moves.enumerated() {
            shifts[center] = shift
            if shift > largestShift {
                secondLargestShift = largestShift
                largestShift = shift
                fastest = center
            } else if shift > secondLargestShift {
                secondLargestShift = shift
            }
        }
        let k = moves.count
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
        let settled = bounds!.initialised
        bounds!.initialised = true
        let state = bounds!
        let labels = labels, sums = partialSums, counts = partialCounts, changes = partialChanges
        let upper = state.upper, lower = state.lower, shifts = state.shifts, half = state.halfSeparation
        let margin = state.margin, fastest = state.fastest
        let largest = state.largestShift, secondLargest = state.secondLargestShift
        data.storage.withUnsafeBufferPointer { points in
            panel.values.withUnsafeBufferPointer { panel in
                centers.withUnsafeBufferPointer { centers in
                    let shared = UncheckedSendable((points.baseAddress!, panel.baseAddress!, centers.baseAddress!))
                    chunks.forEachChunk { chunk, rows in
                        let (points, panel, centers) = shared.value
                        let distances = UnsafeMutablePointer<Double>.allocate(capacity: padded)
                        defer { distances.deallocate() }
                        let chunkSums = sums.pointer + chunk * k * width
                        let chunkCounts = counts.pointer + chunk * k
                        var changed = 0
                        for row in rows {
                            let point = points + row * width
                            let old = labels[row]
                            var needsSearch = !settled
                            if settled {
                                var bound = upper[row] + shifts[old]
                                let otherBound = lower[row] - (old == fastest ? secondLargest : largest)
                                lower[row] = otherBound
                                let limit = max(half[old], otherBound) - margin
                                if !(bound + margin < limit) {
                                    bound = NearestCenterKernel.squaredDistance(point, centers + old * width, dimensions: width).squareRoot()
                                    needsSearch = !(bound + margin < limit)
                                }
                                upper[row] = bound
                            }
                            guard needsSearch else { continue }
                            NearestCenterKernel.squaredDistances(from: point, panel: panel, dimensions: width,
                                                                 paddedCount: padded, into: distances)
                            let nearest = NearestCenterKernel.nearestTwo(distances, paddedCount: padded)
                            upper[row] = nearest.distance.squareRoot()
                            lower[row] = nearest.second.squareRoot()
                            if old != nearest.index {
                                labels[row] = nearest.index
                                changed += 1
                                if accumulate {
                                    KMeans.Run.move(point, from: old, to: nearest.index, sums: chunkSums, counts: chunkCounts, width: width)
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
