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

    /// The nearest centre (first on a tie), its squared distance and the
    /// second smallest squared distance (`+∞` when there is one centre).
    /// Overwrites the winner's entry of the scratch `distances`.
    @inline(__always)
    static func nearestTwo(_ distances: UnsafeMutablePointer<Double>, paddedCount: Int) -> (index: Int, distance: Double, second: Double) {
        let (index, best) = nearest(distances, paddedCount: paddedCount)
        distances[index] = .infinity
        return (index, best, minimum(distances, paddedCount: paddedCount))
    }

    /// The smallest of `values[0 ..< paddedCount]`, with four independent
    /// running minima (the stdlib's generic SIMD `min` is not inlined).
    @inline(__always)
    static func minimum(_ values: UnsafePointer<Double>, paddedCount: Int) -> Double {
        var a = values[0], b = values[1], c = values[2], d = values[3]
        var index = 4
        while index < paddedCount {
            a = values[index] < a ? values[index] : a
            b = values[index + 1] < b ? values[index + 1] : b
            c = values[index + 2] < c ? values[index + 2] : c
            d = values[index + 3] < d ? values[index + 3] : d
            index += 4
        }
        let left = a < b ? a : b, right = c < d ? c : d
        return left < right ? left : right
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
