import SegmentBase

/// The scaling methods offered by `--scale`.
public enum ScaleMethod: String, Sendable, Codable, CaseIterable {
    /// No scaling.
    case none
    /// Subtract the mean, divide by the population standard deviation
    /// (scikit-learn's `StandardScaler`).
    case standard
    /// Map the minimum to 0 and the maximum to 1 (`MinMaxScaler`).
    case minmax
    /// Subtract the median, divide by the interquartile range (`RobustScaler`
    /// with quantiles 25–75, linear interpolation).
    case robust
}

/// A fitted per-column affine scaling `x' = (x − center) / scale`.
///
/// Columns with zero spread get `scale = 1`: they are centred, never divided
/// by zero. The transformation is serialisable and invertible.
public struct Scaler: Sendable, Codable, Equatable {
    /// The method that produced the parameters.
    public var method: ScaleMethod
    /// Per-column value subtracted.
    public var center: [Double]
    /// Per-column divisor (never zero).
    public var scale: [Double]

    /// Creates a scaler from explicit parameters.
    public init(method: ScaleMethod, center: [Double], scale: [Double]) {
        precondition(center.count == scale.count, "center and scale must have equal length")
        self.method = method
        self.center = center
        self.scale = scale
    }

    /// Fits `method` to the columns of `data`; columns where `scaled[j]` is
    /// false (one-hot indicators) keep center 0 and scale 1.
    /// - Parameters:
    ///   - names: column names for messages.
    ///   - threads: cores used, one column per task.
    /// - Throws: `SegmentError.invalidInput` when a column's spread exceeds
    ///   the largest representable number (values near ±1.8e308).
    /// - Complexity: O(rows × columns), plus a sort per column for `robust`.
    public static func fit(_ method: ScaleMethod, to data: Matrix, scaled: [Bool]? = nil, names: [String]? = nil,
                           threads: Int = availableCores) throws -> Scaler {
        let columns = data.columns, rows = data.rows
        var center = [Double](repeating: 0, count: columns)
        var scale = [Double](repeating: 1, count: columns)
        guard method != .none, rows > 0 else { return Scaler(method: method, center: center, scale: scale) }
        let fitted = data.storage.withUnsafeBufferPointer { storage in
            let shared = UncheckedSendable(storage)
            return ParallelChunks(count: columns, chunkSize: 1, threads: threads).mapChunks { column, _ -> (Double, Double)? in
                guard scaled?[column] ?? true else { return nil }
                var values = [Double](unsafeUninitializedCapacity: rows) { values, count in
                    for row in 0..<rows { values[row] = shared.value[row * columns + column] }
                    count = rows
                }
                // Missing values kept as NaN (`MissingPolicy.keep`) do not count.
                if values.contains(where: \.isNaN) { values.removeAll { $0.isNaN } }
                return parameters(method, of: &values)
            }
        }
        for (column, parameters) in fitted.enumerated() {
            guard let (c, s) = parameters else { continue }
            guard c.isFinite, s.isFinite else { throw overflow(method, column: names?[column] ?? "column \(column + 1)") }
            center[column] = c
            scale[column] = s
        }
        return Scaler(method: method, center: center, scale: scale)
    }

    /// The error for a column whose spread is not representable.
    static func overflow(_ method: ScaleMethod, column name: String) -> SegmentError {
        .invalidInput("'\(name)': its values span more than the largest representable number, so \(method.rawValue) scaling overflows; divide the column by a large constant first")
    }

    /// The centre and (non-zero) spread of `values` for `method`.
    static func parameters(_ method: ScaleMethod, of values: inout [Double]) -> (center: Double, scale: Double) {
        switch method {
        case .none:
            return (0, 1)
        case .standard:
            let mean = Statistics.mean(values)
            let std = Statistics.standardDeviation(values, mean: mean, ddof: 0)
            return (mean, nonZero(std, magnitude: abs(mean)))
        case .minmax:
            let low = values.min() ?? 0, high = values.max() ?? 0
            return (low, nonZero(high - low, magnitude: max(abs(low), abs(high))))
        case .robust:
            values.sort()
            let median = Statistics.quantile(sorted: values, 0.5)
            let iqr = Statistics.quantile(sorted: values, 0.75) - Statistics.quantile(sorted: values, 0.25)
            return (median, nonZero(iqr, magnitude: abs(median)))
        }
    }

    /// `spread`, or 1 when it is zero up to rounding (as scikit-learn's
    /// `_handle_zeros_in_scale`).
    static func nonZero(_ spread: Double, magnitude: Double) -> Double {
        spread <= 10 * Double.ulpOfOne * max(1, magnitude) ? 1 : spread
    }

    /// Scales `data` in place, in parallel chunks of rows on up to `threads`
    /// cores (each value is scaled on its own, so the result is the same
    /// for any thread count); an identity scaler leaves it untouched.
    public func transform(_ data: inout Matrix, threads: Int = availableCores) {
        precondition(data.columns == center.count, "scaler fitted on \(center.count) columns, given \(data.columns)")
        guard !isIdentity else { return }
        let columns = data.columns, scaler = self
        data.storage.withUnsafeMutableBufferPointer { values in
            // Each chunk scales only its own rows.
            let shared = UncheckedSendable(values.baseAddress)
            ParallelChunks(count: data.rows, chunkSize: Self.transformChunkRows, threads: threads).forEachChunk { _, rows in
                for row in rows { scaler.transform(row: UnsafeMutableBufferPointer(start: shared.value! + row * columns, count: columns)) }
            }
        }
    }

    /// Rows per parallel chunk of `transform`.
    static let transformChunkRows = 16_384

    /// Whether every column has center +0 and scale 1, so that scaling
    /// leaves every value as it is (`(x − 0) / 1 = x`, also for −0, ±∞ and
    /// NaN; a center of −0 would turn −0 into +0, so it does not count).
    public var isIdentity: Bool {
        center.allSatisfy { $0.bitPattern == 0 } && scale.allSatisfy { $0 == 1 }
    }

    /// Scales one row in place.
    @inlinable
    public func transform(row: UnsafeMutableBufferPointer<Double>) {
        for column in 0..<row.count { row[column] = Self.scaled(row[column], center[column], scale[column]) }
    }

    /// `(value − center) / scale`, computed as `value / scale − center / scale`
    /// when the difference would overflow (values near ±1.8e308).
    @inlinable @inline(__always)
    static func scaled(_ value: Double, _ center: Double, _ scale: Double) -> Double {
        let difference = value - center
        return difference.isFinite ? difference / scale : value / scale - center / scale
    }

    /// Maps scaled values back to original units, in place.
    public func inverseTransform(_ data: inout Matrix) {
        let columns = data.columns
        for row in 0..<data.rows {
            for column in 0..<columns {
                data.storage[row * columns + column] = data.storage[row * columns + column] * scale[column] + center[column]
            }
        }
    }
}
