import SegmentBase

/// Distance kernels over raw row pointers, shared by the clustering algorithms.
enum DistanceKernels {
    /// `‖a − b‖²` over `count` coordinates, with SIMD4 accumulation.
    @inline(__always)
    static func squaredEuclidean(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var accumulator = SIMD4<Double>.zero
        var j = 0
        while j + 4 <= count {
            let difference = UnsafeRawPointer(a + j).loadUnaligned(as: SIMD4<Double>.self)
                - UnsafeRawPointer(b + j).loadUnaligned(as: SIMD4<Double>.self)
            accumulator += difference * difference
            j += 4
        }
        var sum = accumulator.sum()
        while j < count {
            let difference = a[j] - b[j]
            sum += difference * difference
            j += 1
        }
        return sum
    }

    /// `‖a − b‖²` summed coordinate by coordinate in order, as scikit-learn's
    /// k-d tree does, so that comparisons against a radius agree exactly.
    @inline(__always)
    static func squaredEuclideanInOrder(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for j in 0..<count {
            let difference = a[j] - b[j]
            sum += difference * difference
        }
        return sum
    }

    /// `Σ |a − b|` summed coordinate by coordinate in order.
    @inline(__always)
    static func manhattanInOrder(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for j in 0..<count { sum += abs(a[j] - b[j]) }
        return sum
    }
}
