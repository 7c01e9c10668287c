import SegmentBase

/// Squared Euclidean distances from one point to a panel of centres, eight
/// centres per `SIMD8<Double>` lane, and the nearest centres among them.
///
/// Each lane sums `(x_f − c_f)²` over the features in order with separate
/// multiply and add (never fused), so a lane's value is bit-identical to the
/// plain scalar loop in `squaredDistance(_:_:dimensions:)`: every k-means
/// variant, `assign` and the tests agree to the last bit.
enum NearestCenterKernel {
    /// Writes the squared distance from `point` to every (padded) centre of
    /// `panel` into `distances[0 ..< paddedCount]`. Blocks of eight centres
    /// are taken two at a time so that two independent sums hide the adds'
    /// latency; each lane still sums its features in order.
    @inline(__always)
    static func squaredDistances(from point: UnsafePointer<Double>, panel: UnsafePointer<Double>,
                                 dimensions: Int, paddedCount: Int, into distances: UnsafeMutablePointer<Double>) {
        let lane = CenterPanel.laneWidth
        var block = 0
        while block + 2 * lane <= paddedCount {
            var first = SIMD8<Double>(repeating: 0)
            var second = SIMD8<Double>(repeating: 0)
            var column = panel + block
            for feature in 0..<dimensions {
                let x = SIMD8<Double>(repeating: point[feature])
                let a = x - UnsafeRawPointer(column).loadUnaligned(as: SIMD8<Double>.self)
                let b = x - UnsafeRawPointer(column + lane).loadUnaligned(as: SIMD8<Double>.self)
                first = first + a * a
                second = second + b * b
                column += paddedCount
            }
            UnsafeMutableRawPointer(distances + block).storeBytes(of: first, as: SIMD8<Double>.self)
            UnsafeMutableRawPointer(distances + block + lane).storeBytes(of: second, as: SIMD8<Double>.self)
            block += 2 * lane
        }
        if block < paddedCount {
            var sum = SIMD8<Double>(repeating: 0)
            var column = panel + block
            for feature in 0..<dimensions {
                let difference = SIMD8<Double>(repeating: point[feature]) - UnsafeRawPointer(column).loadUnaligned(as: SIMD8<Double>.self)
                sum = sum + difference * difference
                column += paddedCount
            }
            UnsafeMutableRawPointer(distances + block).storeBytes(of: sum, as: SIMD8<Double>.self)
        }
    }

    /// The index of the smallest of `distances[0 ..< paddedCount]` (the first
    /// on a tie) and its value; padding entries are `+∞` and never win.
    ///
    /// Four interleaved running minima, each with its index, avoid both a
    /// long dependency chain and unpredictable branches; they are merged
    /// preferring the smaller value, then the smaller index.
    @inline(__always)
    static func nearest(_ distances: UnsafePointer<Double>, paddedCount: Int) -> (index: Int, distance: Double) {
        var v0 = distances[0], v1 = distances[1], v2 = distances[2], v3 = distances[3]
        var i0 = 0, i1 = 1, i2 = 2, i3 = 3
        var index = 4
        while index < paddedCount {
            let a = distances[index], b = distances[index + 1], c = distances[index + 2], d = distances[index + 3]
            i0 = a < v0 ? index : i0
            v0 = a < v0 ? a : v0
            i1 = b < v1 ? index + 1 : i1
            v1 = b < v1 ? b : v1
            i2 = c < v2 ? index + 2 : i2
            v2 = c < v2 ? c : v2
            i3 = d < v3 ? index + 3 : i3
            v3 = d < v3 ? d : v3
            index += 4
        }
        let left = v1 < v0 || (v1 == v0 && i1 < i0) ? (i1, v1) : (i0, v0)
        let right = v3 < v2 || (v3 == v2 && i3 < i2) ? (i3, v3) : (i2, v2)
        return right.1 < left.1 || (right.1 == left.1 && right.0 < left.0) ? right : left
    }

    /// The nearest centre (first on a tie) and its squared distance, the
    /// second nearest (first on a tie among the rest; the nearest itself
    /// when there is no other) and its squared distance, and the third
    /// smallest squared distance (`+∞` when there are fewer centres).
    /// - Precondition: the values are not NaN and one is finite.
    @inline(__always)
    static func nearestThree(_ distances: UnsafePointer<Double>, paddedCount: Int)
        -> (index: Int, distance: Double, secondIndex: Int, second: Double, third: Double) {
        let nearest = smallest(distances, paddedCount: paddedCount, excluding: -1, -1)
        let second = smallest(distances, paddedCount: paddedCount, excluding: nearest.index, -1)
        let third = smallest(distances, paddedCount: paddedCount, excluding: nearest.index, second.index)
        return (nearest.index, nearest.value, second.index, second.value, third.value)
    }

    /// The smallest of `distances[0 ..< paddedCount]` leaving out the
    /// entries at `first` and `second` (−1: none), and its index (the first
    /// on a tie; 0 when every other entry is `+∞`).
    ///
    /// Branch-free on whole `SIMD8` blocks: per lane the smallest value and
    /// the first block holding it, then the smallest lane value and the
    /// smallest index holding it.
    @inline(__always)
    static func smallest(_ distances: UnsafePointer<Double>, paddedCount: Int, excluding first: Int, _ second: Int)
        -> (index: Int, value: Double) {
        let lanes = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7)
        let left = SIMD8<Double>(repeating: Double(first)), right = SIMD8<Double>(repeating: Double(second))
        var smallest = SIMD8<Double>(repeating: .infinity)
        var smallestIndex = SIMD8<Double>(repeating: 0)
        var block = 0
        while block < paddedCount {
            let indices = lanes + Double(block)
            let values = UnsafeRawPointer(distances + block).loadUnaligned(as: SIMD8<Double>.self)
                .replacing(with: .infinity, where: (indices .== left) .| (indices .== right))
            let smaller = values .< smallest
            smallest.replace(with: values, where: smaller)
            smallestIndex.replace(with: indices, where: smaller)
            block += CenterPanel.laneWidth
        }
        let value = horizontalMinimum(smallest)
        return (Int(horizontalMinimum(smallestIndex.replacing(with: .infinity, where: smallest .!= value))), value)
    }

    /// The smallest lane (the stdlib's generic `min()` is not inlined).
    @inline(__always)
    static func horizontalMinimum(_ values: SIMD8<Double>) -> Double {
        let half = values.lowHalf.replacing(with: values.highHalf, where: values.highHalf .< values.lowHalf)
        let quarter = half.lowHalf.replacing(with: half.highHalf, where: half.highHalf .< half.lowHalf)
        return quarter.y < quarter.x ? quarter.y : quarter.x
    }

    /// The squared distance between two points, summed feature by feature
    /// exactly as one lane of `squaredDistances`.
    @inline(__always)
    static func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, dimensions: Int) -> Double {
        var sum = 0.0
        for feature in 0..<dimensions {
            let difference = a[feature] - b[feature]
            sum = sum + difference * difference
        }
        return sum
    }
}
