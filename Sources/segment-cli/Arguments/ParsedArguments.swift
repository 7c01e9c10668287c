import Foundation

/// The result of parsing one command's arguments: the options given and the positionals.
///
/// Accessors take an option's long name without dashes. Asking for a name the
/// command does not declare, or for a flag's value, is a programmer error and
/// stops the program.
struct ParsedArguments: Sendable {
    /// The command the arguments were parsed for.
    let command: CommandSpec
    /// The positional arguments in order (`-` stands for stdin).
    var positionals: [String]
    /// Every value given, by long option name, in command-line order; flags map to `[]`.
    private(set) var given: [String: [String]] = [:]

    /// Creates an empty result for `command`, to be filled by the parser.
    init(command: CommandSpec, positionals: [String] = []) {
        self.command = command
        self.positionals = positionals
    }

    /// Records one occurrence of `option`, with its value unless it is a flag.
    mutating func record(_ option: OptionSpec, value: String?) {
        given[option.name, default: []].append(contentsOf: value.map { [$0] } ?? [])
    }

    /// The values given for `name` on the command line, in order (defaults
    /// not included; a flag's occurrences have none).
    func values(of name: String) -> [String] {
        given[name] ?? []
    }

    /// Whether the option appeared on the command line (defaults do not count).
    func has(_ name: String) -> Bool {
        _ = spec(name)
        return given[name] != nil
    }

    /// Whether the boolean flag `name` was given.
    func flag(_ name: String) -> Bool {
        precondition(spec(name).isFlag, "'--\(name)' takes a value; read it with string(_:)")
        return given[name] != nil
    }

    /// The last value given for `name`, else its default, else `nil`.
    ///
    /// (A non-repeatable option has at most one distinct value: the parser
    /// rejects a second one.)
    func string(_ name: String) -> String? {
        let option = valueSpec(name)
        return given[name]?.last ?? option.defaultValue
    }

    /// Every value given for `name` in order, else its default as a single value, else `[]`.
    func strings(_ name: String) -> [String] {
        let option = valueSpec(name)
        return given[name] ?? option.defaultValue.map { [$0] } ?? []
    }

    /// The value of `name` split at commas, pieces trimmed of surrounding spaces, empty pieces dropped.
    ///
    /// Nothing fancier: there is no quoting, so a name containing a comma cannot be listed.
    /// - Returns: The pieces, or `nil` when the option has neither a value nor a default.
    func list(_ name: String) -> [String]? {
        string(name).map { value in
            value.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
    }

    /// The value of an option with `choices`; the parser has already rejected anything else.
    func choice(_ name: String) -> String? {
        precondition(valueSpec(name).choices != nil, "'--\(name)' declares no choices; read it with string(_:)")
        return string(name)
    }

    /// The declared option `name`; stops the program when the command has none.
    func spec(_ name: String) -> OptionSpec {
        guard let option = command.option(named: name) else {
            preconditionFailure("command '\(command.name)' declares no option '--\(name)'")
        }
        return option
    }

    /// The declared option `name`, which must take a value.
    private func valueSpec(_ name: String) -> OptionSpec {
        let option = spec(name)
        precondition(!option.isFlag, "'--\(name)' is a flag; read it with flag(_:)")
        return option
    }
}
