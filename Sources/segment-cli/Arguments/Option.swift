/// One declared option of the command options `Options`: its spec for the
/// parser and help, how it stores its value, and how help shows its default.
struct Option<Options>: Sendable {
    /// Name, placeholder, help and choices, as the parser and help read them.
    var spec: OptionSpec
    /// The default as help shows it, read off the options at their defaults;
    /// `nil` when the option has none.
    let defaultText: @Sendable (Options) -> String?
    /// Stores the values given (in order; none for a flag) into the options.
    let assign: @Sendable (inout Options, [String]) throws -> Void

    /// An option from its parts; the factories below are the usual way.
    init(spec: OptionSpec, defaultText: @escaping @Sendable (Options) -> String? = { _ in nil },
         assign: @escaping @Sendable (inout Options, [String]) throws -> Void) {
        self.spec = spec
        self.defaultText = defaultText
        self.assign = assign
    }

    /// A boolean flag that sets `keyPath` to true.
    static func flag(_ name: String, short: Character? = nil, _ keyPath: WritableKeyPath<Options, Bool> & Sendable,
                     help: String) -> Option {
        Option(spec: OptionSpec(name, short: short, help: help)) { options, _ in options[keyPath: keyPath] = true }
    }

    /// An option taking a value of type `Value`, stored at `keyPath`; its
    /// default is the property's initial value.
    ///
    /// - Parameters:
    ///   - placeholder: The value's name in help (`"N"`, `"FILE"`).
    ///   - parse: Reads and checks the text; by default `Value.init(optionText:option:)`.
    static func value<Value: OptionValue>(
        _ name: String, short: Character? = nil, _ keyPath: WritableKeyPath<Options, Value> & Sendable, _ placeholder: String,
        help: String, parse: @escaping @Sendable (String, OptionSpec) throws -> Value = { try Value(optionText: $0, option: $1) }
    ) -> Option {
        let spec = OptionSpec(name, short: short, value: placeholder, help: help, choices: Value.choices)
        return Option(spec: spec, defaultText: { $0[keyPath: keyPath].optionText }) { options, values in
            options[keyPath: keyPath] = try parse(values.last!, spec)
        }
    }

    /// An option taking a value of type `Value`, stored at `keyPath`, which
    /// stays `nil` when the option is absent.
    ///
    /// - Parameters:
    ///   - defaultDescription: What help says happens without the option.
    static func value<Value: OptionValue>(
        _ name: String, short: Character? = nil, _ keyPath: WritableKeyPath<Options, Value?> & Sendable, _ placeholder: String,
        help: String, defaultDescription: String? = nil,
        parse: @escaping @Sendable (String, OptionSpec) throws -> Value = { try Value(optionText: $0, option: $1) }
    ) -> Option {
        let spec = OptionSpec(name, short: short, value: placeholder, help: help, defaultDescription: defaultDescription,
                              choices: Value.choices)
        return Option(spec: spec, defaultText: { $0[keyPath: keyPath]?.optionText }) { options, values in
            options[keyPath: keyPath] = try parse(values.last!, spec)
        }
    }

    /// A whole-number option within `range`, stored at `keyPath`.
    static func int(_ name: String, _ keyPath: WritableKeyPath<Options, Int> & Sendable, _ placeholder: String = "N",
                    in range: ClosedRange<Int>, help: String) -> Option {
        value(name, keyPath, placeholder, help: help) { try OptionNumbers.int($0, in: range, option: $1) }
    }

    /// A whole-number option within `range`, `nil` when absent.
    static func int(_ name: String, _ keyPath: WritableKeyPath<Options, Int?> & Sendable, _ placeholder: String = "N",
                    in range: ClosedRange<Int>, help: String, defaultDescription: String? = nil) -> Option {
        value(name, keyPath, placeholder, help: help, defaultDescription: defaultDescription) {
            try OptionNumbers.int($0, in: range, option: $1)
        }
    }

    /// A finite-number option within `range` and above `exclusiveLowerBound`, stored at `keyPath`.
    static func number(_ name: String, _ keyPath: WritableKeyPath<Options, Double> & Sendable, _ placeholder: String = "X",
                       in range: ClosedRange<Double>? = nil, greaterThan exclusiveLowerBound: Double? = nil,
                       help: String) -> Option {
        value(name, keyPath, placeholder, help: help) {
            try OptionNumbers.double($0, in: range, exclusiveLowerBound: exclusiveLowerBound, option: $1)
        }
    }

    /// The same option for a group of options kept at `keyPath` of `Outer`
    /// (shared groups such as the input options are declared once).
    func lifted<Outer>(to keyPath: WritableKeyPath<Outer, Options> & Sendable) -> Option<Outer> {
        let defaultText = self.defaultText, assign = self.assign
        return Option<Outer>(spec: spec, defaultText: { defaultText($0[keyPath: keyPath]) }) { outer, values in
            try assign(&outer[keyPath: keyPath], values)
        }
    }

    /// This option, applying only when `option` has one of `values` (see `OptionSpec.appliesOnlyWith`).
    func only(with option: String, _ values: [String]) -> Option {
        var copy = self
        copy.spec = spec.only(with: option, values)
        return copy
    }

    /// This option accepting only `choices` (a subset of its type's values).
    func restricted(to choices: [String]) -> Option {
        var copy = self
        copy.spec.choices = choices
        return copy
    }

    /// This option, also appending its long spelling to the list at
    /// `keyPath` when given (for checks over a group of options, such as
    /// those that apply only in one mode of a command).
    func noted(in keyPath: WritableKeyPath<Options, [String]> & Sendable) -> Option {
        let assign = self.assign, spelling = spec.longSpelling
        return Option(spec: spec, defaultText: defaultText) { options, values in
            try assign(&options, values)
            options[keyPath: keyPath].append(spelling)
        }
    }

    /// This option, whose value is a file the command reads.
    func readsFile() -> Option {
        var copy = self
        copy.spec = spec.naming(.input)
        return copy
    }

    /// This option, whose value is a file the command writes (`-` for
    /// standard output, and standard output when absent if `standardOutputWhenAbsent`).
    func writesFile(standardOutputWhenAbsent: Bool = false) -> Option {
        var copy = self
        copy.spec = spec.naming(.output(standardOutputWhenAbsent: standardOutputWhenAbsent))
        return copy
    }

    /// This option with help text `help` instead of the declared one.
    func helping(_ help: String) -> Option {
        var copy = self
        copy.spec.help = help
        return copy
    }
}

extension Array {
    /// Every option of a group kept at `keyPath` of `Outer`.
    func lifted<Inner, Outer>(to keyPath: WritableKeyPath<Outer, Inner> & Sendable) -> [Option<Outer>]
    where Element == Option<Inner> {
        map { $0.lifted(to: keyPath) }
    }
}
