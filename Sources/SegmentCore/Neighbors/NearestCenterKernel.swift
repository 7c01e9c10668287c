/// Squared Euclidean distances from one point to a panel of centres, eight
/// centres per `SIMD8<Double>` lane, and the nearest centres among them.
///
/// Each lane sums `(x_f − c_f)²` over the features in order with separate
/// multiply and add (never fused), so a lane's value is bit-identical to the
/// plain scalar loop in `squaredDistance(_:_:dimensions:)`: every k-means
/// variant, `assign` and the tests agree to the last bit.
enum NearestCenterKernel {
    /// Writes the squared distance from `point` to every (padded) centre of
    /// `panel` into `distances[0 ..< paddedCount]`.
    @inline(__always)
    static func squaredDistances(from point: UnsafePointer<Double>, panel: UnsafePointer<Double>,
                                 dimensions: Int, paddedCount: Int, into distances: UnsafeMutablePointer<Double>) {
        var block = 0
        while block < paddedCount {
            var sum = SIMD8<Double>(repeating: 0)
            var column = panel + block
            for feature in 0..<dimensions {
                let centers = UnsafeRawPointer(column).loadUnaligned(as: SIMD8<Double>.self)
                let difference = SIMD8<Double>(repeating: point[feature]) - centers
                sum = sum + difference * difference
                column += paddedCount
            }
            UnsafeMutableRawPointer(distances + block).storeBytes(of: sum, as: SIMD8<Double>.self)
            block += CenterPanel.laneWidth
        }
    }

    /// The index of the smallest of `distances[0 ..< count]` (the first on a
    /// tie) and its value.
    @inline(__always)
    static func nearest(_ distances: UnsafePointer<Double>, count: Int) -> (index: Int, distance: Double) {
        var best = 0
        var bestDistance = distances[0]
        for center in 1..<max(count, 1) where distances[center] < bestDistance {
            best = center
            bestDistance = distances[center]
        }
        return (best, bestDistance)
    }

    /// The nearest centre (first on a tie), its squared distance and the
    /// second smallest squared distance (`+∞` when there is one centre).
    @inline(__always)
    static func nearestTwo(_ distances: UnsafePointer<Double>, count: Int) -> (index: Int, distance: Double, second: Double) {
        var best = 0
        var bestDistance = distances[0]
        var second = Double.infinity
        for center in 1..<max(count, 1) {
            let value = distances[center]
            if value < bestDistance {
                second = bestDistance
                best = center
                bestDistance = value
            } else if value < second {
                second = value
            }
        }
        return (best, bestDistance, second)
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
