/// Fixed-decimal number text for reports, charts and readable tables.
///
/// Values are rounded half away from zero to `decimals` places with integer
/// arithmetic and written without trailing zeros (`12.5`, `-3`, `0.25`), so
/// the same value always gives the same bytes, independent of locale and of
/// the platform's floating-point printing.
public enum DecimalText {
    /// `value` rounded to `decimals` places (default 2); non-finite values become `0`.
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else {
            // Too large for fixed decimals (and for Int64): the shortest exact form.
            return abs(value) < 9e15 ? String(Int64(value.rounded())) : "\(value)"
        }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        var text = (value < 0 ? "-" : "") + String(whole)
        guard fraction != 0 else { return text }
        var digits = decimals
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}
