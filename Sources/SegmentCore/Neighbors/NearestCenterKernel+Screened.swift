extension NearestCenterKernel {
    /// The centre nearest to a row, as the exact kernel would choose it, with
    /// bounds on the distances for Hamerly's method.
    struct Nearest {
        /// Index of the nearest centre (the first on an exact tie).
        let index: Int
        /// An upper bound on the distance to that centre.
        let upper: Double
        /// A lower bound on the distance to every other centre (`+∞` when
        /// there is one centre).
        let lower: Double
    }

    /// Norms of `x + c` within which the single-precision screen is used:
    /// far from `Float`'s overflow and underflow (`scoreTolerance` then
    /// dwarfs every absolute underflow error).
    static let screenedReach = 1e-12...1e18

    /// The centre nearest to a row, found in single precision from the row's
    /// copy through the scores `‖c‖² − 2 x·c` (a multiply and an add per
    /// centre and feature, eight centres per 256-bit register), and always
    /// the centre that `squaredDistances` + `nearest` choose for the exact row.
    ///
    /// The copies of the row and the centres are within `ρ` of the exact
    /// ones in distance (`SinglePrecisionRows.roundingRadius`); a score is
    /// within `(2d + 8) ε_f (‖x‖ + max‖c‖)²` of the rounded points' exact
    /// squared distance less `‖x‖²`, and the exact kernel's value within
    /// `(2d + 8) ε (‖x‖ + max‖c‖)²` of the exact squared distance (forward
    /// error bounds of `d`-term sums with a factor of 2 to spare; Higham,
    /// *Accuracy and Stability of Numerical Algorithms*, §3.1). When the
    /// winner's upper bound is clear of every other centre's lower bound by
    /// twice the last, the winner is certain; otherwise (near ties, values
    /// out of `screenedReach`) the exact distances decide.
    @inline(__always)
    static func nearestScreened(to copy: UnsafePointer<Float>, exact point: UnsafePointer<Double>, panel: CenterPanel.Pointers,
                                scores: UnsafeMutablePointer<Float>, distances: UnsafeMutablePointer<Double>) -> Nearest {
        let dimensions = panel.dimensions, padded = panel.paddedCount
        var copyNorm = 0.0
        for feature in 0..<dimensions { copyNorm = copyNorm + Double(copy[feature]) * Double(copy[feature]) }
        let norm = copyNorm.squareRoot()
        let reach = norm + panel.largestNorm
        if screenedReach.contains(reach) {
            computeScores(of: copy, panel: panel, into: scores)
            let (index, best, second) = nearestTwo(scores, paddedCount: padded)
            let scoreTolerance = Double(2 * dimensions + 8) * Double(Float.ulpOfOne) * reach * reach
            let exactTolerance = Double(2 * dimensions + 8) * .ulpOfOne * reach * reach
            let radius = SinglePrecisionRows.roundingRadius(copyNorm: norm, dimensions: dimensions)
                + SinglePrecisionRows.roundingRadius(copyNorm: panel.largestNorm, dimensions: dimensions)
            let upper = (max(0, copyNorm + Double(best)) + scoreTolerance).squareRoot() + radius
            let lower = max(0, max(0, copyNorm + Double(second) - scoreTolerance).squareRoot() - radius)
            if upper * upper + 2 * exactTolerance < lower * lower {
                return Nearest(index: index, upper: upper, lower: lower)
            }
        }
        squaredDistances(from: point, panel: panel.values, dimensions: dimensions, paddedCount: padded, into: distances)
        let (index, best, second) = nearestTwo(distances, paddedCount: padded)
        return Nearest(index: index, upper: best.squareRoot(), lower: second.squareRoot())
    }

    /// An upper bound on the distance from a row to `center` (row-major
    /// `Double` coordinates), from the row's single-precision copy: `+∞`
    /// when the copy is out of `Float`'s range.
    @inline(__always)
    static func upperBound(from copy: UnsafePointer<Float>, to center: UnsafePointer<Double>, dimensions: Int) -> Double {
        var distance = 0.0, copyNorm = 0.0
        for feature in 0..<dimensions {
            let value = Double(copy[feature])
            let difference = value - center[feature]
            distance = distance + difference * difference
            copyNorm = copyNorm + value * value
        }
        let radius = SinglePrecisionRows.roundingRadius(copyNorm: copyNorm.squareRoot(), dimensions: dimensions)
        return (distance * (1 + Double(2 * dimensions + 8) * .ulpOfOne)).squareRoot() + radius
    }

    /// Writes `‖c‖² − 2 x·c` in single precision for every (padded) centre of
    /// `panel` into `scores[0 ..< paddedCount]`; padding centres score `+∞`.
    @inline(__always)
    static func computeScores(of point: UnsafePointer<Float>, panel: CenterPanel.Pointers, into scores: UnsafeMutablePointer<Float>) {
        let lane = CenterPanel.laneWidth, dimensions = panel.dimensions, padded = panel.paddedCount
        var block = 0
        while block + 2 * lane <= padded {
            var first = SIMD8<Float>(repeating: 0)
            var second = SIMD8<Float>(repeating: 0)
            var column = panel.singleValues + block
            for feature in 0..<dimensions {
                let x = SIMD8<Float>(repeating: point[feature])
                first = first + x * UnsafeRawPointer(column).loadUnaligned(as: SIMD8<Float>.self)
                second = second + x * UnsafeRawPointer(column + lane).loadUnaligned(as: SIMD8<Float>.self)
                column += padded
            }
            store(first, block: block, norms: panel.singleNorms, into: scores)
            store(second, block: block + lane, norms: panel.singleNorms, into: scores)
            block += 2 * lane
        }
        if block < padded {
            var sum = SIMD8<Float>(repeating: 0)
            var column = panel.singleValues + block
            for feature in 0..<dimensions {
                sum = sum + SIMD8<Float>(repeating: point[feature]) * UnsafeRawPointer(column).loadUnaligned(as: SIMD8<Float>.self)
                column += padded
            }
            store(sum, block: block, norms: panel.singleNorms, into: scores)
        }
    }

    /// Stores `norms − 2 · products` for the eight centres from `block`.
    @inline(__always)
    private static func store(_ products: SIMD8<Float>, block: Int, norms: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>) {
        let norm = UnsafeRawPointer(norms + block).loadUnaligned(as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(scores + block).storeBytes(of: norm - (products + products), as: SIMD8<Float>.self)
    }
}
