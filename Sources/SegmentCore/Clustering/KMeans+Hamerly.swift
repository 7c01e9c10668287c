/// Hamerly's bounds (Hamerly, "Making k-means even faster", SDM 2010): per
/// row an upper bound on the distance to its centre and a lower bound on the
/// distance to every other centre; per centre half the distance to its
/// nearest other centre. A row whose upper bound is below both needs no
/// distance computation: its nearest centre cannot have changed.
///
/// Bounds are stored relative to how far their centre has drifted so far,
/// so moving the centres updates k numbers instead of every row's bounds
/// (the rows' bounds are only read by a pass that skips them): a row's upper
/// bound is `upper[row] + drift[label]`, its lower bound
/// `lower[row] − lowerDrift[label]`. The bounds are kept with a rounding
/// margin (`margin`, far above the accumulated floating-point error) so that
/// a skipped row is one whose nearest centre is strictly nearer than any
/// other: the labels are exactly those of plain Lloyd.
struct HamerlyBounds {
    /// Upper bound on the distance from each row to its centre, minus the
    /// centre's drift when it was set.
    let upper: KMeans.Buffer<Double>
    /// Lower bound on the distance from each row to any other centre, plus
    /// the centre's lower drift when it was set.
    let lower: KMeans.Buffer<Double>
    /// Half the distance from each centre to its nearest other centre.
    let halfSeparation: KMeans.Buffer<Double>
    /// The summed moves of each centre since the start.
    let drift: KMeans.Buffer<Double>
    /// Per centre, the summed largest move of any other centre: how far the
    /// lower bounds of its rows have dropped since the start.
    let lowerDrift: KMeans.Buffer<Double>
    /// Whether the bounds have been set by a first pass over every row
    /// (before it, the rows have no labels to check bounds against).
    var areSet = false
    /// Safety margin against rounding in the bound arithmetic.
    let margin: Double

    /// Creates unset bounds for the rows of `rows` (initialised chunk by
    /// chunk in parallel); `scale` bounds the size of every distance.
    init(rows: ParallelChunks, clusterCount: Int, scale: Double) {
        upper = KMeans.Buffer(repeating: .infinity, chunks: rows)
        lower = KMeans.Buffer(repeating: 0, chunks: rows)
        halfSeparation = KMeans.Buffer(repeating: 0, count: clusterCount)
        drift = KMeans.Buffer(repeating: 0, count: clusterCount)
        lowerDrift = KMeans.Buffer(repeating: 0, count: clusterCount)
        margin = 1e-10 * max(scale, .leastNormalMagnitude)
    }

    /// Records the centre moves and recomputes the centre separations.
    func centersMoved(by moves: [Double], centers: [Double], width: Int) {
        var fastest = 0, largest = 0.0, secondLargest = 0.0
        for (center, move) in moves.enumerated() {
            drift[center] += move
            if move > largest {
                secondLargest = largest
                largest = move
                fastest = center
            } else if move > secondLargest {
                secondLargest = move
            }
        }
        let k = moves.count
        for center in 0..<k { lowerDrift[center] += center == fastest ? secondLargest : largest }
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

extension HamerlyBounds {
    /// The bound a row's distance to its centre must stay under for the
    /// row to keep its label: the larger of half its centre's separation and
    /// its lower bound, less the margin.
    @inline(__always)
    func limit(row: Int, label: Int) -> Double {
        max(halfSeparation[label], lower[row] - lowerDrift[label]) - margin
    }

    /// Writes the offsets (from `rows.lowerBound`) of the rows whose bounds
    /// do not settle them to `pending`, in order, without branching.
    /// - Returns: their number.
    @inline(__always)
    func collectUnsettled(_ rows: Range<Int>, labels: UnsafePointer<Int>, into pending: UnsafeMutablePointer<Int32>) -> Int {
        var count = 0
        for row in rows {
            let label = labels[row]
            pending[count] = Int32(truncatingIfNeeded: row - rows.lowerBound)
            count += upper[row] + drift[label] + margin < limit(row: row, label: label) ? 0 : 1
        }
        return count
    }

    /// Replaces the upper bound of each pending row by a tight bound on its
    /// distance to its centre, from its single-precision copy
    /// (`copies[position]`, gathered by `HamerlyWorkspace`), and keeps, in
    /// order and without branching, the rows and copies that bound still
    /// does not settle. The bounds are computed eight rows at a time in
    /// `scratch` (room for `2 × count` values rounded up to eights).
    /// - Returns: their number.
    @inline(__always)
    func tighten(_ pending: UnsafeMutablePointer<Int32>, copies: UnsafeMutablePointer<Float>, count: Int, first: Int,
                 labels: UnsafePointer<Int>, centers: UnsafePointer<Double>, width: Int,
                 scratch: UnsafeMutablePointer<Double>) -> Int {
        let padded = (count + 7) / 8 * 8
        let distances = scratch, norms = scratch + padded
        for position in 0..<padded {
            if position < count {
                let label = labels[first + Int(pending[position])]
                (distances[position], norms[position]) = NearestCenterKernel.squaredTerms(
                    from: copies + position * width, to: centers + label * width, dimensions: width)
            } else {
                (distances[position], norms[position]) = (0, 0)
            }
        }
        for start in stride(from: 0, to: padded, by: 8) {
            let squaredDistance = UnsafeRawPointer(distances + start).loadUnaligned(as: SIMD8<Double>.self)
            let squaredCopyNorm = UnsafeRawPointer(norms + start).loadUnaligned(as: SIMD8<Double>.self)
            UnsafeMutableRawPointer(distances + start).storeBytes(
                of: NearestCenterKernel.upperBounds(squaredDistance: squaredDistance, squaredCopyNorm: squaredCopyNorm, dimensions: width),
                as: SIMD8<Double>.self)
        }
        var remaining = 0
        for position in 0..<count {
            let row = first + Int(pending[position])
            let label = labels[row]
            let distance = distances[position]
            upper[row] = distance - drift[label]
            pending[remaining] = pending[position]
            SinglePrecisionRows.copy(copies + position * width, to: copies + remaining * width, count: width)
            remaining += distance + margin < limit(row: row, label: label) ? 0 : 1
        }
        return remaining
    }
}
