import SegmentCore

/// A type an option's text can be read as.
protocol OptionValue: Sendable {
    /// Reads `text`, given for `option`.
    /// - Throws: `UsageError` naming the option, what it expects and what it got.
    init(optionText text: String, option: OptionSpec) throws
    /// The value as it would be written on the command line (help shows defaults so).
    var optionText: String { get }
    /// The only texts accepted, checked by the parser and listed in help; `nil` for any.
    static var choices: [String]? { get }
}

extension OptionValue {
    /// Any text the type reads is accepted.
    static var choices: [String]? { nil }
}

extension String: OptionValue {
    /// The text itself.
    init(optionText text: String, option: OptionSpec) { self = text }
    /// The text itself.
    var optionText: String { self }
}

extension Int: OptionValue {
    /// A whole number.
    init(optionText text: String, option: OptionSpec) throws {
        self = try OptionNumbers.int(text, in: Int.min...Int.max, option: option)
    }
    /// The number in decimal.
    var optionText: String { String(self) }
}

extension Double: OptionValue {
    /// A finite number.
    init(optionText text: String, option: OptionSpec) throws {
        self = try OptionNumbers.double(text, in: nil, exclusiveLowerBound: nil, option: option)
    }
    /// The number without a needless `.0`.
    var optionText: String { OptionNumbers.format(self) }
}

extension UInt64: OptionValue {
    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    init(optionText text: String, option: OptionSpec) throws {
        guard let value = UInt64(text) else {
            throw UsageError(message: "\(option.longSpelling) expects a whole number from 0 to \(UInt64.max), got '\(text)'")
        }
        self = value
    }
    /// The number in decimal.
    var optionText: String { String(self) }
}

/// A comma-separated list of names (`--features Age,Income`): pieces trimmed
/// of surrounding spaces, empty pieces dropped. There is no quoting, so a
/// name containing a comma cannot be listed.
struct NameList: OptionValue, Equatable {
    /// The names in order.
    var names: [String]

    /// Splits `text` at commas.
    init(optionText text: String, option: OptionSpec) {
        names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The names joined by commas.
    var optionText: String { names.joined(separator: ",") }
}

/// An option value that is one of a fixed set of words: the library's
/// string-backed enums (`--scale standard`, `--linkage ward`).
protocol OptionChoice: OptionValue, RawRepresentable, CaseIterable where RawValue == String {}

extension OptionChoice {
    /// The case named `text`; the parser has already rejected other words.
    init(optionText text: String, option: OptionSpec) throws {
        guard let value = Self(rawValue: text) else {
            throw UsageError(message: "invalid value '\(text)' for '\(option.longSpelling)'")
        }
        self = value
    }
    /// The case's name.
    var optionText: String { rawValue }
    /// Every case's name.
    static var choices: [String]? { allCases.map(\.rawValue) }
}

extension MissingPolicy: OptionChoice {}
extension ScaleMethod: OptionChoice {}
extension OutputFormat: OptionChoice {}
