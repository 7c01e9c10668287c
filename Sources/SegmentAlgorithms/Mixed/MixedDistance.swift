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

    /// The numeric values of `rows` multiplied by their factors, feature
    /// by feature (`numericWidth × count`), the layout the kernel reads.
    func weightedColumns(_ rows: MixedRows) -> [Double] {
        var columns = [Double](repeating: 0, count: rows.numeric.count)
        for row in 0..<rows.count {
            for feature in 0..<rows.numericWidth {
                columns[feature * rows.count + row] = rows.numeric[row * rows.numericWidth + feature] * numericFactors[feature]
            }
        }
        return columns
    }

    /// The codes of `rows` feature by feature (`categoricalWidth × count`).
    static func codeColumns(_ rows: MixedRows) -> [Int32] {
        var columns = [Int32](repeating: 0, count: rows.codes.count)
        for row in 0..<rows.count {
            for feature in 0..<rows.categoricalWidth {
                columns[feature * rows.count + row] = rows.codes[row * rows.categoricalWidth + feature]
            }
        }
        return columns
    }

    /// Calls `body` with a kernel over `rows`.
    func withKernel<T>(_ rows: MixedRows, _ body: (MixedDistanceKernel) throws -> T) rethrows -> T {
        let numeric = weightedColumns(rows), codes = Self.codeColumns(rows)
        let hasMissing = rows.hasMissingValues
        return try numeric.withUnsafeBufferPointer { numeric in
            try codes.withUnsafeBufferPointer { codes in
                try body(MixedDistanceKernel(numeric: numeric.baseAddress ?? UnsafePointer(bitPattern: 8)!, numericWidth: rows.numericWidth,
                                             codes: codes.baseAddress ?? UnsafePointer(bitPattern: 8)!, categoricalWidth: rows.categoricalWidth,
                                             count: rows.count, metric: metric, categoryWeight: categoryWeight, hasMissing: hasMissing))
            }
        }
    }
}

/// Distances between rows of one `MixedRows`, read feature by feature
/// through pointers that live for the duration of `MixedDistance.withKernel`.
///
/// `distance(_:_:)` and `distances(to:rows:into:)` add the same terms in
/// the same order (numeric features, then one category weight per
/// mismatch), so a distance is the same whichever computes it.
struct MixedDistanceKernel: @unchecked Sendable {
    /// `numericWidth × count` weighted numeric values.
    let numeric: UnsafePointer<Double>
    let numericWidth: Int
    /// `categoricalWidth × count` codes.
    let codes: UnsafePointer<Int32>
    let categoricalWidth: Int
    let count: Int
    let metric: MixedMetric
    let categoryWeight: Double
    let hasMissing: Bool

    /// The distance between rows `a` and `b`; NaN when no feature is
    /// present in both (Gower with missing values only).
    @inline(__always)
    func distance(_ a: Int, _ b: Int) -> Double {
        if hasMissing { return distanceSkippingMissing(a, b) }
        var sum = 0.0
        for feature in 0..<numericWidth {
            let difference = numeric[feature * count + a] - numeric[feature * count + b]
            sum += metric == .euclidean ? difference * difference : abs(difference)
        }
        for feature in 0..<categoricalWidth where codes[feature * count + a] != codes[feature * count + b] { sum += categoryWeight }
        return finish(sum)
    }

    /// The distance from a whole sum of terms.
    @inline(__always)
    func finish(_ sum: Double) -> Double {
        switch metric {
        case .gower: return sum / Double(numericWidth + categoricalWidth)
        case .euclidean: return sum.squareRoot()
        case .manhattan: return sum
        }
    }

    /// The distances from each row of `range` to row `target`, written to
    /// `output[0..<range.count]`: feature by feature over contiguous rows.
    func distances(to target: Int, rows range: Range<Int>, into output: UnsafeMutablePointer<Double>) {
        if hasMissing {
            for row in range { output[row - range.lowerBound] = distanceSkippingMissing(row, target) }
            return
        }
        let m = range.count, start = range.lowerBound
        output.update(repeating: 0, count: m)
        for feature in 0..<numericWidth {
            let column = numeric + feature * count + start, value = numeric[feature * count + target]
            if metric == .euclidean {
                for index in 0..<m {
                    let difference = column[index] - value
                    output[index] += difference * difference
                }
            } else {
                for index in 0..<m { output[index] += abs(column[index] - value) }
            }
        }
        let weight = categoryWeight
        for feature in 0..<categoricalWidth {
            let column = codes + feature * count + start, value = codes[feature * count + target]
            for index in 0..<m { output[index] += column[index] != value ? weight : 0 }
        }
        for index in 0..<m { output[index] = finish(output[index]) }
    }

    /// Gower over the features present in both rows (daisy's rule).
    private func distanceSkippingMissing(_ a: Int, _ b: Int) -> Double {
        var sum = 0.0, present = 0
        for feature in 0..<numericWidth {
            let difference = numeric[feature * count + a] - numeric[feature * count + b]
            if difference.isNaN { continue }
            sum += abs(difference)
            present += 1
        }
        for feature in 0..<categoricalWidth where codes[feature * count + a] >= 0 && codes[feature * count + b] >= 0 {
            if codes[feature * count + a] != codes[feature * count + b] { sum += 1 }
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
        // The terms in the kernel's order: numeric features, then categories.
        var sum = 0.0, present = 0, numeric = 0
        for (feature, isCategorical) in categorical.enumerated() where !isCategorical {
            defer { numeric += 1 }
            let difference = a[feature] * numericFactors[numeric] - b[feature] * numericFactors[numeric]
            if difference.isNaN { continue }
            sum += metric == .euclidean ? difference * difference : abs(difference)
            present += 1
        }
        for (feature, isCategorical) in categorical.enumerated() where isCategorical {
            if a[feature].isNaN || b[feature].isNaN { continue }
            if a[feature] != b[feature] { sum += categoryWeight }
            present += 1
        }
        switch metric {
        case .gower: return present == 0 ? .nan : sum / Double(present)
        case .euclidean: return sum.squareRoot()
        case .manhattan: return sum
        }
    }
}
