import Foundation

/// Reading numbers from option text, with the messages for a value of the
/// wrong kind or out of range.
enum OptionNumbers {
    /// `text` as a whole number within `range` (`Int.min`/`Int.max` bounds mean "no bound").
    ///
    /// - Throws: `UsageError` such as `"--k expects a whole number, got 'abc'"` or
    ///   `"--k must be between 1 and 1000, got 0"`.
    static func int(_ text: String, in range: ClosedRange<Int>, option: OptionSpec) throws -> Int {
        guard let value = Int(text) else {
            throw UsageError(message: "\(option.longSpelling) expects a whole number, got '\(text)'")
        }
        guard range.contains(value) else {
            let lower = range.lowerBound == .min ? nil : String(range.lowerBound)
            let upper = range.upperBound == .max ? nil : String(range.upperBound)
            throw UsageError(message: "\(option.longSpelling) must be \(bounds(lower: lower, upper: upper)), got \(text)")
        }
        return value
    }

    /// `text` as a finite number within `range` (infinite bounds mean "no
    /// bound") and strictly greater than `exclusiveLowerBound`.
    ///
    /// - Throws: `UsageError` such as `"--tol expects a number, got 'abc'"`,
    ///   `"--tol expects a finite number, got 'nan'"` or `"--eps must be greater than 0, got 0"`.
    static func double(_ text: String, in range: ClosedRange<Double>?, exclusiveLowerBound: Double?,
                       option: OptionSpec) throws -> Double {
        guard let value = Double(text) else {
            throw UsageError(message: "\(option.longSpelling) expects a number, got '\(text)'")
        }
        guard value.isFinite else {
            throw UsageError(message: "\(option.longSpelling) expects a finite number, got '\(text)'")
        }
        let tooSmall = exclusiveLowerBound.map { value <= $0 } ?? false
        if tooSmall || !(range?.contains(value) ?? true) {
            var constraints = exclusiveLowerBound.map { ["greater than \(format($0))"] } ?? []
            if let range {
                let lowerIsBinding = range.lowerBound.isFinite && range.lowerBound > (exclusiveLowerBound ?? -.infinity)
                let lower = lowerIsBinding ? format(range.lowerBound) : nil
                let upper = range.upperBound.isFinite ? format(range.upperBound) : nil
                if lower != nil || upper != nil { constraints.append(bounds(lower: lower, upper: upper)) }
            }
            throw UsageError(message: "\(option.longSpelling) must be \(constraints.joined(separator: " and ")), got \(text)")
        }
        return value
    }

    /// Describes a range: "between L and U", "at least L" or "at most U".
    private static func bounds(lower: String?, upper: String?) -> String {
        switch (lower, upper) {
        case let (lower?, upper?): "between \(lower) and \(upper)"
        case let (lower?, nil): "at least \(lower)"
        case let (nil, upper?): "at most \(upper)"
        case (nil, nil): "a number"
        }
    }

    /// Writes a number as it is typed on a command line: without a needless
    /// `.0` (`0`, `1`, `0.5`), and a small power-of-ten multiple in
    /// exponent form (`1e-4`, `5e-6`).
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        if value != 0 && abs(value) < 1e-3 {
            let exponent = Int((log10(abs(value))).rounded(.down))
            let written = "\(Int((value / pow(10, Double(exponent))).rounded()))e\(exponent)"
            if Double(written) == value { return written }
        }
        return "\(value)"
    }
}
