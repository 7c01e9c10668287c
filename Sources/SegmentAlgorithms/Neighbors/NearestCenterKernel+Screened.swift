import SegmentBase

extension NearestCenterKernel {
    /// Norms of `x + c` within which the single-precision screen is used:
    /// far from `Float`'s overflow and underflow (`scoreTolerance` then
    /// dwarfs every absolute underflow error).
    static let screenedReach = 1e-12...1e18

    /// Rows screened together, one per `SIMD8` lane.
    static let screenRows = 8

    /// The centre nearest to each of `count` (at most eight) rows, as
    /// `squaredDistances` + `nearest` choose it for the exact rows, with
    /// the bounds of `HamerlyBounds`, written to `buffers.index`, `.upper`,
    /// `.secondIndex`, `.lower` and `.outer`.
    ///
    /// The rows are screened together in single precision, one row per
    /// lane: for each centre, the scores `‖c‖² − 2 x·c` of all eight rows (a
    /// multiply and an add per feature), keeping per lane the best score, its
    /// centre (the first on a tie), the second best and its centre, and the
    /// third best. The copies of the rows
    /// and centres are within `ρ` of the exact ones in distance
    /// (`SinglePrecisionRows.roundingRadius`); a score is within
    /// `(2d + 8) ε_f (‖x‖ + max‖c‖)²` of the rounded points' exact squared
    /// distance less `‖x‖²`, and the exact kernel's value within
    /// `(2d + 8) ε (‖x‖ + max‖c‖)²` of the exact squared distance (forward
    /// error bounds of `d`-term sums with a factor of 2 to spare; Higham,
    /// *Accuracy and Stability of Numerical Algorithms*, §3.1). When a row's
    /// winner's upper bound is clear of every other centre's lower bound by
    /// twice the last, the winner is certain; otherwise (near ties, values
    /// out of `screenedReach`) the exact distances decide for that row.
    /// - Parameters:
    ///   - copies: the rows' single-precision copies, row-major.
    ///   - exact: the exact (`Double`) coordinates of row `i` of the block.
    ///   - buffers: scratch memory and the results.
    @inline(__always)
    static func nearestScreened(_ copies: UnsafePointer<Float>, count: Int, exact: (Int) -> UnsafePointer<Double>,
                                panel: CenterPanel.Pointers, buffers: ScreenBuffers) {
        let dimensions = panel.dimensions, padded = panel.paddedCount
        let lanes = buffers.lanes, scores = buffers.scores
        // Feature-major lanes; lanes past `count` repeat the last row.
        let last = count - 1
        let r0 = copies, r1 = copies + min(1, last) * dimensions, r2 = copies + min(2, last) * dimensions
        let r3 = copies + min(3, last) * dimensions, r4 = copies + min(4, last) * dimensions, r5 = copies + min(5, last) * dimensions
        let r6 = copies + min(6, last) * dimensions, r7 = copies + min(7, last) * dimensions
        for feature in 0..<dimensions {
            UnsafeMutableRawPointer(lanes + feature * screenRows).storeBytes(
                of: SIMD8<Float>(r0[feature], r1[feature], r2[feature], r3[feature], r4[feature], r5[feature], r6[feature], r7[feature]),
                as: SIMD8<Float>.self)
        }
        // Scores of every (padded) centre, four centres at a time: four
        // independent sums hide the adds' latency.
        for center in stride(from: 0, to: padded, by: 4) {
            var dot0 = SIMD8<Float>(repeating: 0), dot1 = dot0, dot2 = dot0, dot3 = dot0
            var values = panel.singleValues + center, row = UnsafePointer(lanes)
            for _ in 0..<dimensions {
                let x = UnsafeRawPointer(row).loadUnaligned(as: SIMD8<Float>.self)
                dot0 = dot0 + x * SIMD8<Float>(repeating: values[0])
                dot1 = dot1 + x * SIMD8<Float>(repeating: values[1])
                dot2 = dot2 + x * SIMD8<Float>(repeating: values[2])
                dot3 = dot3 + x * SIMD8<Float>(repeating: values[3])
                values += padded
                row += screenRows
            }
            let norms = panel.singleNorms + center, target = scores + center
            target[0] = SIMD8<Float>(repeating: norms[0]) - (dot0 + dot0)
            target[1] = SIMD8<Float>(repeating: norms[1]) - (dot1 + dot1)
            target[2] = SIMD8<Float>(repeating: norms[2]) - (dot2 + dot2)
            target[3] = SIMD8<Float>(repeating: norms[3]) - (dot3 + dot3)
        }
        // Per lane the best score, its centre (the first on a tie), the
        // second best and its centre, and the third best; padding centres
        // score +∞ and change nothing.
        var best = SIMD8<Float>(repeating: .infinity), second = best, third = best
        var bestIndex = SIMD8<Int32>(repeating: 0), secondIndex = bestIndex
        for center in 0..<padded {
            let score = scores[center], index = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: center))
            let better = score .< best, betterThanSecond = score .< second
            third.replace(with: score, where: score .< third)
            third.replace(with: second, where: betterThanSecond)
            second.replace(with: score, where: betterThanSecond)
            secondIndex.replace(with: index, where: betterThanSecond)
            second.replace(with: best, where: better)
            secondIndex.replace(with: bestIndex, where: better)
            best.replace(with: score, where: better)
            bestIndex.replace(with: index, where: better)
        }
        var copyNorm = SIMD8<Double>(repeating: 0)
        for feature in 0..<dimensions {
            let value = widened(UnsafeRawPointer(lanes + feature * screenRows).loadUnaligned(as: SIMD8<Float>.self))
            copyNorm = copyNorm + value * value
        }
        let norm = copyNorm.squareRoot()
        let reach = norm + panel.largestNorm
        let screened = (reach .>= screenedReach.lowerBound) .& (reach .<= screenedReach.upperBound)
        let terms = Double(2 * dimensions + 8)
        let scoreTolerance = terms * Double(Float.ulpOfOne) * reach * reach
        let exactTolerance = terms * .ulpOfOne * reach * reach
        let radius = SinglePrecisionRows.roundingRadius(copyNorm: norm, dimensions: dimensions)
            + SinglePrecisionRows.roundingRadius(copyNorm: panel.largestNorm, dimensions: dimensions)
        let upper = (nonNegative(copyNorm + widened(best)) + scoreTolerance).squareRoot() + radius
        let lower = nonNegative(nonNegative(copyNorm + widened(second) - scoreTolerance).squareRoot() - radius)
        let outer = nonNegative(nonNegative(copyNorm + widened(third) - scoreTolerance).squareRoot() - radius)
        let certain = screened .& (upper * upper + 2 * exactTolerance .< lower * lower)
        // Whole vectors to memory (reading single lanes of a SIMD value
        // costs a branch each); rows the screen did not settle are then
        // decided exactly, one by one.
        UnsafeMutableRawPointer(buffers.index).storeBytes(of: bestIndex, as: SIMD8<Int32>.self)
        UnsafeMutableRawPointer(buffers.upper).storeBytes(of: upper, as: SIMD8<Double>.self)
        UnsafeMutableRawPointer(buffers.secondIndex).storeBytes(of: secondIndex, as: SIMD8<Int32>.self)
        UnsafeMutableRawPointer(buffers.lower).storeBytes(of: lower, as: SIMD8<Double>.self)
        UnsafeMutableRawPointer(buffers.outer).storeBytes(of: outer, as: SIMD8<Double>.self)
        UnsafeMutableRawPointer(buffers.certain).storeBytes(of: SIMD8<Int64>(repeating: 1).replacing(with: 0, where: .!certain),
                                                            as: SIMD8<Int64>.self)
        for row in 0..<count where buffers.certain[row] == 0 {
            squaredDistances(from: exact(row), panel: panel.values, dimensions: dimensions, paddedCount: padded, into: buffers.distances)
            let nearest = nearestThree(buffers.distances, paddedCount: padded)
            buffers.index[row] = Int32(truncatingIfNeeded: nearest.index)
            buffers.upper[row] = nearest.distance.squareRoot()
            buffers.secondIndex[row] = Int32(truncatingIfNeeded: nearest.secondIndex)
            buffers.lower[row] = nearest.second.squareRoot()
            buffers.outer[row] = nearest.third.squareRoot()
        }
    }

    /// The lanes of `values` in double precision (exactly).
    @inline(__always)
    static func widened(_ values: SIMD8<Float>) -> SIMD8<Double> {
        SIMD8<Double>(Double(values[0]), Double(values[1]), Double(values[2]), Double(values[3]),
                      Double(values[4]), Double(values[5]), Double(values[6]), Double(values[7]))
    }

    /// `max(0, x)` per lane, as `Swift.max(0, x)` (negative values become 0).
    @inline(__always)
    static func nonNegative(_ values: SIMD8<Double>) -> SIMD8<Double> {
        values.replacing(with: 0, where: values .< 0)
    }

    /// The squared distance from a row's single-precision copy to `center`
    /// (row-major `Double` coordinates) and the copy's squared norm, the
    /// ingredients of `upperBounds`.
    @inline(__always)
    static func squaredTerms(from copy: UnsafePointer<Float>, to center: UnsafePointer<Double>,
                             dimensions: Int) -> (distance: Double, copyNorm: Double) {
        var distance = 0.0, copyNorm = 0.0
        for feature in 0..<dimensions {
            let value = Double(copy[feature])
            let difference = value - center[feature]
            distance = distance + difference * difference
            copyNorm = copyNorm + value * value
        }
        return (distance, copyNorm)
    }

    /// Upper bounds on the distances from eight rows to their centres, from
    /// the `squaredTerms` of their single-precision copies: `+∞` when a copy
    /// is out of `Float`'s range. Eight lanes at once, so the square roots
    /// are vector instructions.
    @inline(__always)
    static func upperBounds(squaredDistance: SIMD8<Double>, squaredCopyNorm: SIMD8<Double>, dimensions: Int) -> SIMD8<Double> {
        let radius = SinglePrecisionRows.roundingRadius(copyNorm: squaredCopyNorm.squareRoot(), dimensions: dimensions)
        return (squaredDistance * (1 + Double(2 * dimensions + 8) * .ulpOfOne)).squareRoot() + radius
    }
}

/// Scratch memory and results of `NearestCenterKernel.nearestScreened` for
/// one block of rows, allocated once and reused block after block.
final class ScreenBuffers {
    /// The block's rows, feature-major (`8 × dimensions`).
    let lanes: UnsafeMutablePointer<Float>
    /// The block's scores for every (padded) centre.
    let scores: UnsafeMutablePointer<SIMD8<Float>>
    /// Exact squared distances from one row to every (padded) centre.
    let distances: UnsafeMutablePointer<Double>
    /// Per row of the block: its nearest centre (the first on an exact tie)
    /// and an upper bound on the distance to it; the second nearest centre
    /// (the nearest one when there is no other) and a lower bound on the
    /// distance to it; a lower bound on the distance to every other centre
    /// (`+∞` when there is none).
    let index: UnsafeMutablePointer<Int32>
    let upper: UnsafeMutablePointer<Double>
    let secondIndex: UnsafeMutablePointer<Int32>
    let lower: UnsafeMutablePointer<Double>
    let outer: UnsafeMutablePointer<Double>
    /// Per row of the block: 1 when the screen settled it, else 0.
    let certain: UnsafeMutablePointer<Int64>

    /// Allocates the buffers for rows of `dimensions` features and a panel
    /// of `paddedCount` centres.
    init(dimensions: Int, paddedCount: Int) {
        let rows = NearestCenterKernel.screenRows
        lanes = .allocate(capacity: rows * dimensions)
        scores = .allocate(capacity: paddedCount)
        distances = .allocate(capacity: paddedCount)
        index = .allocate(capacity: rows)
        upper = .allocate(capacity: rows)
        secondIndex = .allocate(capacity: rows)
        lower = .allocate(capacity: rows)
        outer = .allocate(capacity: rows)
        certain = .allocate(capacity: rows)
    }

    deinit {
        lanes.deallocate()
        scores.deallocate()
        distances.deallocate()
        index.deallocate()
        upper.deallocate()
        secondIndex.deallocate()
        lower.deallocate()
        outer.deallocate()
        certain.deallocate()
    }
}
