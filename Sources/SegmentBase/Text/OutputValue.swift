/// One output value, typed so JSON can tell numbers from strings.
public enum OutputValue: Sendable, Equatable {
    /// A string.
    case text(String)
    /// A floating-point number (written in its shortest round-trip form;
    /// non-finite values are written as empty/null).
    case number(Double)
    /// A whole number.
    case integer(Int)
    /// A number kept exactly as written in the input (bare in JSON).
    case numberText(String)
    /// No value: empty in CSV, `null` in JSON.
    case missing

    /// The value as CSV/table text.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return formatNumber(value)
        case .integer(let value): return String(value)
        case .numberText(let text): return text
        case .missing: return ""
        }
    }
}

/// Formats a number in its shortest round-trip form, without a trailing
/// `.0` for whole values; non-finite values become the empty string.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// Formats a number rounded to `digits` decimals for reports (`1234.57`).
public func formatNumber(_ value: Double, decimals digits: Int) -> String {
    guard value.isFinite else { return "" }
    return formatNumber(rounded(value, decimals: digits))
}

/// `value` rounded to `digits` decimals, with −0 written as 0.
public func rounded(_ value: Double, decimals digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let result = (value * scale).rounded() / scale
    return result == 0 ? 0 : result
}
