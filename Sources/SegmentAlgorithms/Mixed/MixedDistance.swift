import SegmentBase

/// The distance between two rows of mixed features (`kmedoids --metric`).
public enum MixedMetric: String, Sendable, Codable, CaseIterable {
    /// Gower's coefficient as R's `cluster::daisy(metric = "gower")`: each
    /// numeric feature contributes |x − y| divided by its range, each
    /// categorical feature 0 when equal and 1 otherwise, averaged over the
    /// features present in both rows.
    case gower
    /// √(Σ (x − y)² + number of mismatched categories), on the scaled features.
    case euclidean
    /// Σ |x − y| + number of mismatched categories, on the scaled features.
    case manhattan
}

/// A metric made ready for `MixedRows`: the factor each numeric feature is
/// multiplied by (1 / range for Gower, 1 otherwise; 0 for a constant feature).
public struct MixedDistance: Sendable, Equatable {
    /// The metric.
    public let metric: MixedMetric
    /// The factor of each numeric feature.
    public let numericFactors: [Double]
    /// What one mismatched category adds (Euclidean and Manhattan; 1 for
    /// Gower). k-prototypes' silhouette uses its gamma here.
    public var categoryWeight = 1.0

    /// The metric with the ranges of `rows` (missing values ignored).
    public init(metric: MixedMetric, fittedTo rows: MixedRows) {
        var factors = [Double](repeating: 1, count: rows.numericWidth)
        if metric == .gower {
            for feature in 0..<rows.numericWidth {
                var low = Double.infinity, high = -Double.infinity
                for row in 0..<rows.count {
                    let value = rows.numeric[row * rows.numericWidth + feature]
                    if value.isNaN { continue }
                    low = min(low, value)
                    high = max(high, value)
                }
                factors[feature] = high > low ? 1 / (high - low) : 0
            }
        }
        self.init(metric: metric, numericFactors: factors)
    }

    /// A metric with given factors (from a saved model).
    public init(metric: MixedMetric, numericFactors: [Double]) {
        self.metric = metric
        self.numericFactors = numericFactors
    }

    /// The numeric values of `rows` multiplied by their factors, the form
    /// `MixedDistanceKernel` reads.
    func weightedNumeric(_ rows: MixedRows) -> [Double] {
        guard numericFactors.contains(where: { $0 != 1 }) else { return rows.numeric }
        var values = rows.numeric
        for index in values.indices { values[index] *= numericFactors[index % rows.numericWidth] }
        return values
    }

    /// Calls `body` with a kernel over `rows`.
    func withKernel<T>(_ rows: MixedRows, _ body: (MixedDistanceKernel) throws -> T) rethrows -> T {
        let numeric = weightedNumeric(rows)
        let hasMissing = rows.hasMissingValues
        return try numeric.withUnsafeBufferPointer { numeric in
            try rows.codes.withUnsafeBufferPointer { codes in
                try body(MixedDistanceKernel(numeric: numeric.baseAddress, numericWidth: rows.numericWidth,
                                             codes: codes.baseAddress, categoricalWidth: rows.categoricalWidth,
                                             metric: metric, categoryWeight: categoryWeight, hasMissing: hasMissing))
            }
        }
    }
}

/// Distances between rows of one `MixedRows`, read through pointers that
/// live for the duration of `MixedDistance.withKernel`.
struct MixedDistanceKernel: @unchecked Sendable {
    let numeric: UnsafePointer<Double>?
    let numericWidth: Int
    let codes: UnsafePointer<Int32>?
    let categoricalWidth: Int
    let metric: MixedMetric
    let categoryWeight: Double
    let hasMissing: Bool

    /// The distance between rows `a` and `b`; NaN when no feature is
    /// present in both (Gower with missing values only).
    @inline(__always)
    func distance(_ a: Int, _ b: Int) -> Double {
        let x = numeric.map { $0 + a * numericWidth }, y = numeric.map { $0 + b * numericWidth }
        let s = codes.map { $0 + a * categoricalWidth }, t = codes.map { $0 + b * categoricalWidth }
        if hasMissing { return distanceSkippingMissing(x, y, s, t) }
        var sum = 0.0
        switch metric {
        case .euclidean:
            for feature in 0..<numericWidth {
                let difference = x![feature] - y![feature]
                sum += difference * difference
            }
        case .gower, .manhattan:
            for feature in 0..<numericWidth { sum += abs(x![feature] - y![feature]) }
        }
        var mismatches = 0
        for feature in 0..<categoricalWidth where s![feature] != t![feature] { mismatches += 1 }
        switch metric {
        case .gower: return (sum + Double(mismatches)) / Double(numericWidth + categoricalWidth)
        case .euclidean: return (sum + categoryWeight * Double(mismatches)).squareRoot()
        case .manhattan: return sum + categoryWeight * Double(mismatches)
        }
    }

    /// Gower over the features present in both rows (daisy's rule).
    private func distanceSkippingMissing(_ x: UnsafePointer<Double>?, _ y: UnsafePointer<Double>?,
                                         _ s: UnsafePointer<Int32>?, _ t: UnsafePointer<Int32>?) -> Double {
        var sum = 0.0, present = 0
        for feature in 0..<numericWidth {
            let difference = x![feature] - y![feature]
            if difference.isNaN { continue }
            sum += abs(difference)
            present += 1
        }
        for feature in 0..<categoricalWidth where s![feature] >= 0 && t![feature] >= 0 {
            if s![feature] != t![feature] { sum += 1 }
            present += 1
        }
        return present == 0 ? .nan : sum / Double(present)
    }
}

extension MixedDistance {
    /// The distance between two rows in the interleaved layout (one value
    /// per feature, `categorical` marking the category codes; NaN missing),
    /// as a saved model compares a new row with its medoids.
    public func distance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, categorical: [Bool]) -> Double {
        var sum = 0.0, present = 0, numeric = 0
        for (feature, isCategorical) in categorical.enumerated() {
            if isCategorical {
                if a[feature].isNaN || b[feature].isNaN { continue }
                if a[feature] != b[feature] { sum += 1 }
            } else {
                defer { numeric += 1 }
                let difference = (a[feature] - b[feature]) * numericFactors[numeric]
                if difference.isNaN { continue }
                sum += metric == .euclidean ? difference * difference : abs(difference)
            }
            present += 1
        }
        switch metric {
        case .gower: return present == 0 ? .nan : sum / Double(present)
        case .euclidean: return sum.squareRoot()
        case .manhattan: return sum
        }
    }
}
