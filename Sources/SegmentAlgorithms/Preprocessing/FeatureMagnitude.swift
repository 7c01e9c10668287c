import SegmentBase

/// The range of feature values that distance computations accept.
///
/// Squared Euclidean distances, centre sums and Ward merge costs add up
/// squares of coordinate differences over every feature and row; with values
/// near ±1.8e308 they overflow to infinity and the clustering silently breaks.
/// Scaled features up to ±1e100 keep every such sum finite for any realistic
/// number of rows and features (n · d · (2·10¹⁰⁰)² ≪ 1.8e308 for n · d < 10¹⁰⁰).
public enum FeatureMagnitude {
    /// The largest accepted magnitude of a scaled feature value.
    public static let limit = 1e100

    /// Checks every value of `features` against `limit`.
    /// - Parameters:
    ///   - names: the output feature names (one per matrix column).
    ///   - lines: the 1-based input line of each matrix row, for the message.
    ///   - scale: the scaling that produced the values, for the message.
    ///   - threads: cores used; the first offending value in row order is
    ///     reported for any thread count.
    /// - Throws: `SegmentError.invalidData` naming the line, the column and the
    ///   value, and how to fix it (choose a scaling, or divide the column).
    public static func check(_ features: Matrix, names: [String], source: String, lines: (Int) -> Int, scale: ScaleMethod,
                             threads: Int = availableCores) throws {
        let width = features.columns
        guard width > 0 else { return }
        let position = features.storage.withUnsafeBufferPointer { values in
            let shared = UncheckedSendable(values)
            return ParallelChunks(count: values.count, chunkSize: checkChunkValues, threads: threads).mapChunks { _, range in
                range.first { abs(shared.value[$0]) > limit }  // NaN: a value kept missing
            }.lazy.compactMap { $0 }.first
        }
        guard let position else { return }
        let row = position / width, column = position % width
        throw error(value: features.storage[position], column: names[column], source: source, line: lines(row), scale: scale)
    }

    /// Values per parallel chunk of `check`.
    static let checkChunkValues = 1 << 17

    /// Checks one row scaled by a saved model (`segment assign`) against `limit`.
    /// - Throws: `SegmentError.invalidData` naming the line, column and value.
    @inlinable
    public static func check(row: UnsafeBufferPointer<Double>, names: [String], source: String, line: Int, scale: ScaleMethod) throws {
        for feature in 0..<row.count where abs(row[feature]) > limit {
            throw error(value: row[feature], column: names[feature], source: source, line: line, scale: scale,
                        fix: "the row is far outside the data the model was made from; correct or remove it")
        }
    }

    /// The error for `value` in `column` at `line`, with how to fix it
    /// (by default: choose a scaling, or divide the column).
    public static func error(value: Double, column: String, source: String, line: Int, scale: ScaleMethod, fix: ParameterText? = nil) -> SegmentError {
        let fix = fix ?? (scale == .none
            ? "use \(parameter: "scale") standard or minmax, or divide the column by a large constant"
            : "divide the column by a large constant, or use \(parameter: "scale") standard or minmax")
        return SegmentError.invalidData(
            file: source, line: line, column: column,
            message: "the value \(value) after \(parameter: "scale") \(scale.rawValue) is too large to compute distances with (the limit is ±1e100); \(fix)")
    }
}
