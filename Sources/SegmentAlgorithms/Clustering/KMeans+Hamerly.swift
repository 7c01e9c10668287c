import SegmentBase

/// Hamerly's bounds (Hamerly, "Making k-means even faster", SDM 2010),
/// with the lower bound split in two: per row an upper bound on the
/// distance to its centre, a lower bound on the distance to the centre that
/// was second nearest when the row was last searched, and a lower bound on
/// the distance to every other centre; per centre half the distance to its
/// nearest other centre. A row whose upper bound is below half its centre's
/// separation or below both lower bounds needs no distance computation: its
/// nearest centre cannot have changed.
///
/// Hamerly's single lower bound drops every pass by the largest move of any
/// centre; on overlapping clusters the rows near a boundary then have to be
/// searched again and again although their one close competitor barely
/// moved. The second-nearest centre's bound drops only by that centre's own
/// move, and the bound on the rest, further away, has room for the largest
/// moves: on 1,000,000 × 8 overlapping blobs with k = 16 about half as many
/// rows are searched in the later passes.
///
/// Bounds are stored relative to how far their centres have drifted so far,
/// so moving the centres updates k numbers instead of every row's bounds
/// (the rows' bounds are only read by a pass that skips them): a row's upper
/// bound is `upper[row] + drift[label]`, its lower bounds
/// `lower[row] − drift[second[row]]` and `outer[row] − outerDrift`. The
/// bounds are kept with a rounding margin (`margin`, far above the
/// accumulated floating-point error) so that a skipped row is one whose
/// nearest centre is strictly nearer than any other: the labels are exactly
/// those of plain Lloyd.
///
/// Every pass reads every row's bounds, so they are stored in single
/// precision, rounded outward (`roundedUp`, `roundedDown`), in units of the
/// run's coordinate scale: every distance is then a few units at most, far
/// from `Float`'s overflow and underflow. All of the state is in those
/// units; `unitsPerDistance` converts distances into them.
struct HamerlyBounds {
    /// Upper bound on the distance from each row to its centre, minus the
    /// centre's drift when it was set.
    let upper: KMeans.Buffer<Float>
    /// The centre second nearest to each row when its bounds were set (its
    /// own centre when there is no other).
    let second: KMeans.Buffer<Int32>
    /// Lower bound on the distance from each row to `second[row]`, plus
    /// that centre's drift when it was set.
    let lower: KMeans.Buffer<Float>
    /// Lower bound on the distance from each row to every centre other than
    /// its own and `second[row]`, plus `outerDrift` when it was set.
    let outer: KMeans.Buffer<Float>
    /// Half the distance from each centre to its nearest other centre.
    let halfSeparation: KMeans.Buffer<Double>
    /// The summed moves of each centre since the start.
    let drift: KMeans.Buffer<Double>
    /// The summed largest move of any centre, pass by pass: how far the
    /// outer bounds have dropped since the start.
    var outerDrift = 0.0
    /// Whether the bounds have been set by a first pass over every row
    /// (before it, the rows have no labels to check bounds against).
    var areSet = false
    /// Safety margin against rounding in the bound arithmetic: far above
    /// the relative error of the `Double` arithmetic and the absolute error
    /// of a `Float` near zero (2⁻¹⁴⁹).
    let margin = 1e-10
    /// The factor that converts a distance into the bounds' units.
    let unitsPerDistance: Double

    /// Creates unset bounds for the rows of `rows` (initialised chunk by
    /// chunk in parallel); `scale` bounds the size of every distance.
    init(rows: ParallelChunks, clusterCount: Int, scale: Double) {
        upper = KMeans.Buffer(repeating: .infinity, chunks: rows)
        second = KMeans.Buffer(repeating: 0, chunks: rows)
        lower = KMeans.Buffer(repeating: 0, chunks: rows)
        outer = KMeans.Buffer(repeating: 0, chunks: rows)
        halfSeparation = KMeans.Buffer(repeating: 0, count: clusterCount)
        drift = KMeans.Buffer(repeating: 0, count: clusterCount)
        unitsPerDistance = 1 / max(scale, .leastNormalMagnitude)
    }

    /// Records the centre moves and recomputes the centre separations.
    mutating func centersMoved(by moves: [Double], centers: [Double], width: Int) {
        var largest = 0.0
        for (center, distance) in moves.enumerated() {
            let move = distance * unitsPerDistance
            drift[center] += move
            largest = max(largest, move)
        }
        outerDrift += largest
        let k = moves.count
        centers.withUnsafeBufferPointer { centers in
            let base = centers.baseAddress!
            for center in 0..<k {
                var nearest = Double.infinity
                for other in 0..<k where other != center {
                    nearest = min(nearest, NearestCenterKernel.squaredDistance(base + center * width, base + other * width, dimensions: width))
                }
                halfSeparation[center] = 0.5 * nearest.squareRoot() * unitsPerDistance
            }
        }
    }

    /// Sets the bounds of `row`, now labelled `label`, from a search: the
    /// distances `upper` to its centre, `lower` to the second nearest centre
    /// `second` and `outer` to every other one.
    @inline(__always)
    func set(row: Int, label: Int, upper upperDistance: Double, second secondCenter: Int32, lower lowerDistance: Double, outer outerDistance: Double) {
        upper[row] = Self.roundedUp(upperDistance * unitsPerDistance - drift[label])
        second[row] = secondCenter
        lower[row] = Self.roundedDown(lowerDistance * unitsPerDistance + drift[Int(secondCenter)])
        outer[row] = Self.roundedDown(outerDistance * unitsPerDistance + outerDrift)
    }

    /// `value` in single precision, rounded up: `Float(x)` is within half an
    /// ulp (2⁻²⁴ relative) of `x` where it is normal, so rounding `value`
    /// moved up by 2⁻²² of its size to the nearest never lands below it
    /// (nor more than 2⁻¹⁵⁰ below it where it is subnormal, which the
    /// margin covers); infinities stay. For values below 2¹⁰⁰ in size (in
    /// units of the coordinate scale, bounds are a few units plus drifts of
    /// at most 2 a pass), far from `Float`'s largest value.
    @inline(__always)
    static func roundedUp(_ value: Double) -> Float {
        Float(value * (value > 0 ? 1 + 0x1p-22 : 1 - 0x1p-22))
    }

    /// `value` in single precision, rounded down: the mirror of `roundedUp`.
    @inline(__always)
    static func roundedDown(_ value: Double) -> Float {
        Float(value * (value > 0 ? 1 - 0x1p-22 : 1 + 0x1p-22))
    }

    /// Unsets the bounds of `row`: the next pass searches it.
    func reset(row: Int) {
        upper[row] = .infinity
        lower[row] = 0
        outer[row] = 0
    }
}

extension HamerlyBounds {
    /// The bound a row's distance to its centre must stay under for the
    /// row to keep its label: the larger of half its centre's separation and
    /// the smaller of its two lower bounds, less the margin.
    @inline(__always)
    func limit(row: Int, label: Int) -> Double {
        max(halfSeparation[label], min(Double(lower[row]) - drift[Int(second[row])], Double(outer[row]) - outerDrift)) - margin
    }

    /// Writes the offsets (from `rows.lowerBound`) of the rows whose bounds
    /// do not settle them to `pending`, in order, without branching.
    ///
    /// Not inlined: inside the pass, short of registers, the count was
    /// kept in memory, and every row waited for the previous row's store.
    /// - Returns: their number.
    @inline(never)
    func collectUnsettled(_ rows: Range<Int>, labels: UnsafePointer<Int>, into pending: UnsafeMutablePointer<Int32>) -> Int {
        let first = rows.lowerBound
        var count = 0, row = first
        // Wrapping arithmetic: the offsets and counts are below the row
        // count, and overflow checks would double the instructions.
        while row &+ 4 <= rows.upperBound {
            let unsettled = unsettledFour(from: row, labels: labels)
            let offset = Int32(truncatingIfNeeded: row &- first)
            pending[count] = offset
            count &+= Int(unsettled[0])
            pending[count] = offset &+ 1
            count &+= Int(unsettled[1])
            pending[count] = offset &+ 2
            count &+= Int(unsettled[2])
            pending[count] = offset &+ 3
            count &+= Int(unsettled[3])
            row &+= 4
        }
        while row < rows.upperBound {
            let label = labels[row]
            pending[count] = Int32(truncatingIfNeeded: row - first)
            count += Double(upper[row]) + drift[label] + margin < limit(row: row, label: label) ? 0 : 1
            row += 1
        }
        return count
    }

    /// Per row of `start ..< start + 4`, 1 when its bounds do not settle it
    /// and 0 when they do: the test of `collectUnsettled`'s last loop, four
    /// rows at a time in vector registers.
    @inline(__always)
    func unsettledFour(from start: Int, labels: UnsafePointer<Int>) -> SIMD4<Int64> {
        @inline(__always) func widened(_ values: KMeans.Buffer<Float>) -> SIMD4<Double> {
            SIMD4(UnsafeRawPointer(values.pointer + start).loadUnaligned(as: SIMD4<Float>.self))
        }
        @inline(__always) func lookUp(_ table: KMeans.Buffer<Double>, _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> SIMD4<Double> {
            SIMD4(table[a], table[b], table[c], table[d])
        }
        let l0 = labels[start], l1 = labels[start + 1], l2 = labels[start + 2], l3 = labels[start + 3]
        let secondDrift = lookUp(drift, Int(second[start]), Int(second[start + 1]), Int(second[start + 2]), Int(second[start + 3]))
        let nearer = widened(lower) - secondDrift, rest = widened(outer) - outerDrift
        let lowerBound = nearer.replacing(with: rest, where: rest .< nearer)
        let half = lookUp(halfSeparation, l0, l1, l2, l3)
        let limit = half.replacing(with: lowerBound, where: lowerBound .>= half) - margin
        let settled = widened(upper) + lookUp(drift, l0, l1, l2, l3) + margin .< limit
        return SIMD4<Int64>(repeating: 1).replacing(with: 0, where: settled)
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
            let distance = distances[position] * unitsPerDistance
            upper[row] = Self.roundedUp(distance - drift[label])
            pending[remaining] = pending[position]
            ShortRowCopy.copy(copies + position * width, to: copies + remaining * width, count: width)
            remaining += distance + margin < limit(row: row, label: label) ? 0 : 1
        }
        return remaining
    }
}
