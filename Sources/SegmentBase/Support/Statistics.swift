/// Small, numerically careful summary statistics over `Double` arrays.
public enum Statistics {
    /// The arithmetic mean (0 for an empty array), with a compensated
    /// (Neumaier) sum for accuracy on large inputs.
    public static func mean(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { mean($0, count: $0.count, skippingNaN: false) }
    }

    /// The mean of the non-NaN entries of `values`, of which there are `count`.
    public static func mean(_ values: [Double], skippingNaN count: Int) -> Double {
        values.withUnsafeBufferPointer { mean($0, skippingNaN: count) }
    }

    /// The mean of the non-NaN entries of `values`, of which there are `count`.
    static func mean(_ values: UnsafeBufferPointer<Double>, skippingNaN count: Int) -> Double {
        mean(values, count: count, skippingNaN: true)
    }

    /// The mean; when the plain sum overflows (values near ±1e308) it is
    /// recomputed on values divided by their largest magnitude.
    private static func mean(_ values: UnsafeBufferPointer<Double>, count: Int, skippingNaN: Bool) -> Double {
        guard count > 0 else { return 0 }
        let plain = compensatedSum(values, skippingNaN: skippingNaN) / Double(count)
        if plain.isFinite { return plain }
        let scale = largestMagnitude(values)
        guard scale.isFinite, scale > 0 else { return plain }
        var sum = 0.0
        for value in values where !value.isNaN { sum += value / scale / Double(count) }
        return sum * scale
    }

    /// The largest finite magnitude in `values` (NaN ignored).
    static func largestMagnitude(_ values: UnsafeBufferPointer<Double>) -> Double {
        var largest = 0.0
        for value in values where !value.isNaN { largest = max(largest, abs(value)) }
        return largest
    }

    /// The sum of `values` with Neumaier compensation, optionally ignoring NaN.
    public static func compensatedSum(_ values: [Double], skippingNaN: Bool = false) -> Double {
        values.withUnsafeBufferPointer { compensatedSum($0, skippingNaN: skippingNaN) }
    }

    /// The sum of `values` with Neumaier compensation, optionally ignoring NaN.
    static func compensatedSum(_ values: UnsafeBufferPointer<Double>, skippingNaN: Bool) -> Double {
        var sum = 0.0, compensation = 0.0
        for value in values where !(skippingNaN && value.isNaN) {
            let total = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - total) + value
            } else {
                compensation += (value - total) + sum
            }
            sum = total
        }
        return sum + compensation
    }

    /// The standard deviation around `mean` with `ddof` delta degrees of
    /// freedom (0: population, as scikit-learn's scalers; 1: sample, as
    /// pandas). Returns 0 when there are not more than `ddof` values.
    public static func standardDeviation(_ values: [Double], mean: Double, ddof: Int) -> Double {
        values.withUnsafeBufferPointer { standardDeviation($0, mean: mean, ddof: ddof, count: $0.count, ignoreNaN: false) }
    }

    /// The standard deviation of the non-NaN entries of `values`, of which
    /// there are `count`.
    public static func standardDeviation(_ values: [Double], mean: Double, ddof: Int, skippingNaN count: Int) -> Double {
        values.withUnsafeBufferPointer { standardDeviation($0, mean: mean, ddof: ddof, skippingNaN: count) }
    }

    /// The standard deviation of the non-NaN entries of `values`, of which
    /// there are `count`.
    static func standardDeviation(_ values: UnsafeBufferPointer<Double>, mean: Double, ddof: Int, skippingNaN count: Int) -> Double {
        standardDeviation(values, mean: mean, ddof: ddof, count: count, ignoreNaN: true)
    }

    private static func standardDeviation(_ values: UnsafeBufferPointer<Double>, mean: Double, ddof: Int, count: Int, ignoreNaN: Bool) -> Double {
        guard count > ddof else { return 0 }
        let plain = sumOfSquaredDeviations(values, mean: mean, scale: 1, ignoreNaN: ignoreNaN)
        if plain.isFinite { return (plain / Double(count - ddof)).squareRoot() }
        // Squares overflow (values near ±1e308): work on deviations divided
        // by the largest magnitude and scale the result back.
        let scale = max(largestMagnitude(values), abs(mean))
        let scaled = sumOfSquaredDeviations(values, mean: mean, scale: scale, ignoreNaN: ignoreNaN)
        return (scaled / Double(count - ddof)).squareRoot() * scale
    }

    /// Σ ((value − mean) / scale)², with Neumaier compensation.
    private static func sumOfSquaredDeviations(_ values: UnsafeBufferPointer<Double>, mean: Double, scale: Double, ignoreNaN: Bool) -> Double {
        var squares = 0.0, compensation = 0.0
        for value in values where !(ignoreNaN && value.isNaN) {
            let deviation = value / scale - mean / scale
            let term = deviation * deviation
            let total = squares + term
            compensation += squares >= term ? (squares - total) + term : (term - total) + squares
            squares = total
        }
        return squares + compensation
    }

    /// The `q`-quantile of sorted values with linear interpolation (NumPy's
    /// default `percentile` method). Returns NaN for an empty array.
    public static func quantile(sorted values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }

    /// The median of unsorted values (NaN when empty).
    public static func median(_ values: [Double]) -> Double {
        quantile(sorted: values.sorted(), 0.5)
    }

    /// The most frequent value; ties go to the smallest (as scikit-learn's
    /// `SimpleImputer(strategy="most_frequent")`). NaN when empty.
    public static func mode(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard var best = sorted.first else { return .nan }
        var bestCount = 0, runStart = 0
        for index in 1...sorted.count where index == sorted.count || sorted[index] != sorted[runStart] {
            if index - runStart > bestCount {
                bestCount = index - runStart
                best = sorted[runStart]
            }
            runStart = index
        }
        return best
    }
}
