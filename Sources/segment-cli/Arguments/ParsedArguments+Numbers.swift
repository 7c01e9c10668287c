/// Numeric accessors: parse an option's value and check it against a range.
extension ParsedArguments {
    /// The value of `name` as a whole number, or `nil` when it has neither a value nor a default.
    ///
    /// - Parameters:
    ///   - name: The option's long name.
    ///   - range: The accepted values; `Int.min`/`Int.max` bounds mean "no bound".
    /// - Throws: `UsageError` such as `"--k expects a whole number, got 'abc'"` or
    ///   `"--k must be between 1 and 1000, got 0"`.
    func int(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw UsageError(message: "--\(name) expects a whole number, got '\(text)'")
        }
        if let range, !range.contains(value) {
            let lower = range.lowerBound == .min ? nil : String(range.lowerBound)
            let upper = range.upperBound == .max ? nil : String(range.upperBound)
            throw UsageError(message: "--\(name) must be \(bounds(lower: lower, upper: upper)), got \(text)")
        }
        return value
    }

    /// The value of `name` as a finite number, or `nil` when it has neither a value nor a default.
    ///
    /// - Parameters:
    ///   - name: The option's long name.
    ///   - range: The accepted values; infinite bounds mean "no bound".
    ///   - exclusiveLowerBound: A value that the number must be strictly greater than.
    /// - Throws: `UsageError` such as `"--tol expects a number, got 'abc'"`,
    ///   `"--tol expects a finite number, got 'nan'"` or `"--eps must be greater than 0, got 0"`.
    func double(
        _ name: String, in range: ClosedRange<Double>? = nil, exclusiveLowerBound: Double? = nil
    ) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text) else {
            throw UsageError(message: "--\(name) expects a number, got '\(text)'")
        }
        guard value.isFinite else {
            throw UsageError(message: "--\(name) expects a finite number, got '\(text)'")
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
            throw UsageError(message: "--\(name) must be \(constraints.joined(separator: " and ")), got \(text)")
        }
        return value
    }

    /// Describes a range: "between L and U", "at least L" or "at most U".
    private func bounds(lower: String?, upper: String?) -> String {
        switch (lower, upper) {
        case let (lower?, upper?): "between \(lower) and \(upper)"
        case let (lower?, nil): "at least \(lower)"
        case let (nil, upper?): "at most \(upper)"
        case (nil, nil): "a number"
        }
    }

    /// Writes a bound without a needless `.0`: `0`, `1`, `0.5`, `0.0001`.
    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
